"""The learned intent reader against the rules, and the choice of its regularisation C and override
threshold t (docs/question-understanding.md, "Ninth round").

Each named part is read through the whole pipeline, as `suppwise ask` answers
(`questions.accuracy.predict`), three ways: by the rules alone (the model switched off), by the
model alone (its most probable intent, on `Query.model_text`) and by the hybrid that ships (rules,
the model's intent replacing theirs where its probability is at least t, except where
`questions.learned_intent` forbids it). Each model is the file `tools/train_text_models.py` would
ship (`intent_model_bytes`: trained on the labelled questions of the parts one may read, quantised),
so what is scored is exactly what would run; a training text that the selection set also holds is
left out of the models scored here (only the count is printed), so that no selection item is learned.

Why a selection set of its own: the rules are tuned on every part the model is trained on, so no
part either saw can say how the two do together on wordings neither saw. Fresh sets d and e were
written for this (their development halves select; their holdout halves are frozen; nothing is
trained on either).

**Declared before any figure of sets d and e was seen** (2026-12-03, commit of this docstring):

- Grid: C in {4, 16} (the two values compared in earlier rounds) and t in {0.8, 0.9, 0.95}.
- Score: the number of questions whose intent is right on fresh-d-dev and fresh-e-dev together.
- Choice: the (C, t) with the most right; a tie goes to the higher t, then to the lower C (each
  overrides the rules less).
- Ship only if the choice beats the rules alone there by at least one point (at least
  ceil(N / 100) more questions right of the N in both); otherwise the model ships switched off
  (threshold 1.01) and the figures are recorded.

**Thirteenth round (named the twelfth when declared), declared before the run** (2026-12-03): the model's
design (feature families, class weights, buckets and C) is chosen out of fold by writer on the readable parts
(`tools/intent_model_designs.py`) and set in tools/train_text_models.py (`INTENT_FEATURES`, `INTENT_WEIGHTS`,
`INTENT_BITS`, `INTENT_C`); this script then scores that one design, with the same grid of t, the same score,
tie-break and margin, once. So the grid of C is the chosen C alone.

**Stop 32, declared before any run** (2026-12-06, rules of main at cd7d51a; the training data has grown to
7,811 texts since the thirteenth round, so the model is judged again, on fresh-l-dev and fresh-m-dev, 300
questions never tuned on and never trained on, read in aggregate only):

- Grid: C in {16, 64, 256} (64 is the shipped design's; one lower, one higher). For each C, two kinds of
  hybrid: the general override (the model replaces the rules' intent where its probability is at least t,
  t in {0.6, 0.7, 0.8, 0.9, 0.95}, `learned_intent.FALLBACK_THRESHOLD` off) and the fallback reader only
  (the general override off, the model read only where the rules fell back to `effect`, at
  `FALLBACK_THRESHOLD` t in {0.5, 0.6, 0.7, 0.8, 0.9}, the fourteenth round's candidates). 30 hybrids.
- Score: questions whose intent is right through the whole pipeline (`questions.accuracy.predict`) on
  fresh-l-dev and fresh-m-dev together (of 300).
- Choice: the hybrid with the most right; a tie goes to the one that overrides the rules less: the
  fallback reader before the general override, then the higher t, then the lower C.
- Ship only if the choice reads at least 3 more right of the 300 than the rules alone, and every
  selection question's crisis flag is the rules-alone one. Then, after setting it and retraining: no
  tunable part's intent may drop by more than 1 % (`benchmarks/bench_questions.py --quick --dev-only`),
  and every question test must pass (the pinned readings the thirteenth round's lead decision asked a
  selection rule to keep); if either fails, the figures are recorded and the model stays as it is.
  Otherwise the model stays as it is (off) and the negative result is recorded with its figures.
- Run once: `--select` with the two files and `--fallback` (this round's addition), at the branch point.

The last line printed by `--select` is the decision; set `INTENT_C` and `INTENT_THRESHOLD` in
tools/train_text_models.py from it and retrain. Frozen parts may be named with `--parts` (aggregate
figures only, never an item).

Run::

    .venv/bin/python tools/compare_intent_model.py --select D_DEV.yaml E_DEV.yaml
    .venv/bin/python tools/compare_intent_model.py --parts dev extra fresh-dev fresh-c-dev
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_text_models import CORPUS, INTENT_C, _folded, examples, intent_model_bytes

import suppwise.questions.learned_intent as learned_intent
from suppwise.errors import QuestionError
from suppwise.evidence.base import EvidenceBase
from suppwise.questions.accuracy import PARTS, Item, load_items, predict
from suppwise.questions.parse import parse
from suppwise.services import evidence_base
from suppwise.textmodel import LinearTextModel, load_model, parse_model

CS = (INTENT_C,)  # the twelfth round's design fixes C (module docstring); the ninth round's grid was {4, 16}
THRESHOLDS = (0.8, 0.9, 0.95)
OFF = 1.01


@dataclass(frozen=True)
class Part:
    name: str
    items: list[Item]


@contextmanager
def _intent_model(model: LinearTextModel) -> Iterator[None]:
    """Every parse inside reads intent with `model` in place of the shipped intent.bin."""
    shipped = learned_intent.load_model
    learned_intent.load_model = lambda name: model if name == learned_intent.MODEL else load_model(name)  # type: ignore[assignment]
    try:
        yield
    finally:
        learned_intent.load_model = shipped  # type: ignore[assignment]


def right_by_pipeline(base: EvidenceBase, items: Sequence[Item], model: LinearTextModel) -> int:
    """Questions whose intent, as `suppwise ask` answers with `model`, is the label's."""
    with _intent_model(model):
        return sum(predict(base, item.text).intent == item.intent for item in items)


def right_by_model_alone(base: EvidenceBase, items: Sequence[Item], model: LinearTextModel) -> int:
    """Questions whose label is the model's most probable intent."""
    right = 0
    for item in items:
        try:
            text = parse(item.text, base, learned=False).model_text
        except QuestionError:
            text = ""
        p = model.probabilities(text)
        right += max(p, key=lambda k: p[k]) == item.intent
    return right


def _pct(right: int, total: int) -> str:
    return f"{100 * right / total:5.1f}% ({right}/{total})"


def compare(parts: Sequence[Part], select: bool) -> int:
    base = evidence_base()
    exs, _ = examples()
    if select:
        held = {_folded(i.text) for p in parts for i in p.items}
        kept = [e for e in exs if _folded(e.text) not in held]
        print(f"{len(exs) - len(kept)} training texts left out because the selection set holds the same text")
        exs = kept
    models = {c: parse_model(intent_model_bytes(exs, c, OFF)) for c in CS}
    total = sum(len(p.items) for p in parts)
    rules_right = [right_by_pipeline(base, p.items, models[CS[0]]) for p in parts]
    print(f"{'reading':<28}" + "".join(f"{p.name:>24}" for p in parts) + (f"{'together':>24}" if select else ""))
    print(f"{'rules alone':<28}" + "".join(f"{_pct(r, len(p.items)):>24}" for r, p in zip(rules_right, parts,
                                                                                             strict=True))
          + (f"{_pct(sum(rules_right), total):>24}" if select else ""), flush=True)
    hybrids: dict[tuple[float, float], int] = {}
    for c in CS:
        alone = [right_by_model_alone(base, p.items, models[c]) for p in parts]
        print(f"{f'model alone, C={c:g}':<28}" + "".join(f"{_pct(r, len(p.items)):>24}" for r, p in zip(
            alone, parts, strict=True)) + (f"{_pct(sum(alone), total):>24}" if select else ""), flush=True)
        for t in THRESHOLDS:
            right = [right_by_pipeline(base, p.items, replace(models[c], threshold=t)) for p in parts]
            hybrids[(c, t)] = sum(right)
            print(f"{f'hybrid, C={c:g}, t={t:g}':<28}" + "".join(f"{_pct(r, len(p.items)):>24}" for r, p in zip(
                right, parts, strict=True)) + (f"{_pct(sum(right), total):>24}" if select else ""), flush=True)
    if select:
        print(decide(hybrids, sum(rules_right), total))
    return 0


def decide(hybrids: dict[tuple[float, float], int], rules_right: int, total: int) -> str:
    """The declared rule (module docstring), as the line that ends `--select`."""
    c, t = max(hybrids, key=lambda ct: (hybrids[ct], ct[1], -ct[0]))
    needed = math.ceil(total / 100)
    gain = hybrids[(c, t)] - rules_right
    if gain >= needed:
        return (f"decision: ship, INTENT_C = {c:g}, INTENT_THRESHOLD = {t:g} "
                f"(+{gain} right of {total}; needed +{needed})")
    return (f"decision: do not ship, INTENT_C = {c:g}, INTENT_THRESHOLD = {OFF} (best C = {c:g}, t = {t:g}: "
            f"{gain:+d} right of {total}; needed +{needed})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--parts", nargs="*", default=[], choices=list(PARTS), help="corpus parts by column name")
    parser.add_argument("--select", nargs="*", default=[], type=Path,
                        help="the selection set's files (fresh-d-dev, fresh-e-dev); applies the declared rule")
    args = parser.parse_args(argv)
    parts = [Part(name, [i for f in PARTS[name] for i in load_items(CORPUS / f)]) for name in args.parts]
    parts += [Part(path.stem.removeprefix("questions_"), load_items(path)) for path in args.select]
    if not parts or (args.parts and args.select):
        parser.error("name either --parts or --select files (the selection set is scored on its own)")
    return compare(parts, select=bool(args.select))


if __name__ == "__main__":
    raise SystemExit(main())
