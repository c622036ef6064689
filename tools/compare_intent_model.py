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
- Result (run once, 2026-12-06): the choice was C = 256, override at t = 0.95, 281 of 300 against the rules'
  273 (+8), crisis flags unchanged; set and retrained, fresh-e-dev, fresh-f-dev and fresh-i-dev each fell by
  more than 1 % and 44 question tests failed, so the model stays off (docs/question-understanding.md,
  "Thirty-first round").

The last line printed by `--select` is the decision; set `INTENT_C` and `INTENT_THRESHOLD` in
tools/train_text_models.py from it and retrain. Frozen parts may be named with `--parts` (aggregate
figures only, never an item).

Run::

    .venv/bin/python tools/compare_intent_model.py --select D_DEV.yaml E_DEV.yaml
    .venv/bin/python tools/compare_intent_model.py --select L_DEV.yaml M_DEV.yaml --fallback   # stop 32
    .venv/bin/python tools/compare_intent_model.py --parts dev extra fresh-dev fresh-c-dev
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
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

# Stop 32's grid (module docstring): the shipped design's C and one lower and one higher; the thirteenth
# round scored (INTENT_C,) alone, the ninth {4, 16}.
CS = (16.0, INTENT_C, 256.0)
THRESHOLDS = (0.6, 0.7, 0.8, 0.9, 0.95)
# The fallback reader's candidates (`learned_intent.FALLBACK_THRESHOLD`; the fourteenth round's), with `--fallback`.
FALLBACK_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
OFF = 1.01
OVERRIDE, FALLBACK = "override", "fallback"


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


@contextmanager
def _fallback_threshold(threshold: float) -> Iterator[None]:
    """Every parse inside reads the rules' `effect` fallback with the model at `threshold`."""
    shipped = learned_intent.FALLBACK_THRESHOLD
    learned_intent.FALLBACK_THRESHOLD = threshold
    try:
        yield
    finally:
        learned_intent.FALLBACK_THRESHOLD = shipped


def readings(base: EvidenceBase, items: Sequence[Item], model: LinearTextModel,
             fallback: float = OFF) -> list[tuple[str, bool]]:
    """Each question's (intent, crisis flag) as `suppwise ask` answers with `model`, the fallback reader at
    `fallback`."""
    with _intent_model(model), _fallback_threshold(fallback):
        return [(str(p.intent), p.crisis) for p in (predict(base, item.text) for item in items)]


def right_by_pipeline(base: EvidenceBase, items: Sequence[Item], model: LinearTextModel,
                      fallback: float = OFF) -> int:
    """Questions whose intent, as `suppwise ask` answers with `model`, is the label's."""
    return sum(r[0] == item.intent for r, item in zip(readings(base, items, model, fallback), items, strict=True))


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


Hybrid = tuple[str, float, float]  # (kind, C, t): the general override or the fallback reader only


def _row(name: str, right: Sequence[int], parts: Sequence[Part], select: bool) -> str:
    total = sum(len(p.items) for p in parts)
    return (f"{name:<28}" + "".join(f"{_pct(r, len(p.items)):>24}" for r, p in zip(right, parts, strict=True))
            + (f"{_pct(sum(right), total):>24}" if select else ""))


def _right_by_part(read: Sequence[tuple[str, bool]], parts: Sequence[Part]) -> list[int]:
    """Per part, the questions whose intent in `read` (in the parts' order) is the label's."""
    right = []
    start = 0
    for p in parts:
        right.append(sum(r[0] == i.intent for r, i in zip(read[start:start + len(p.items)], p.items, strict=True)))
        start += len(p.items)
    return right


def compare(parts: Sequence[Part], select: bool, fallback: bool = False) -> int:
    base = evidence_base()
    exs, _ = examples()
    if select:
        held = {_folded(i.text) for p in parts for i in p.items}
        kept = [e for e in exs if _folded(e.text) not in held]
        print(f"{len(exs) - len(kept)} training texts left out because the selection set holds the same text")
        exs = kept
    models = {c: parse_model(intent_model_bytes(exs, c, OFF)) for c in CS}
    items = [i for p in parts for i in p.items]
    total = len(items)
    rules = readings(base, items, models[CS[0]])
    rules_right = _right_by_part(rules, parts)
    print(f"{'reading':<28}" + "".join(f"{p.name:>24}" for p in parts) + (f"{'together':>24}" if select else ""))
    print(_row("rules alone", rules_right, parts, select), flush=True)
    hybrids: dict[Hybrid, int] = {}
    same_crisis: dict[Hybrid, bool] = {}
    changes: dict[Hybrid, Counter[tuple[str, str, bool]]] = {}
    grid = [(OVERRIDE, t) for t in THRESHOLDS] + ([(FALLBACK, t) for t in FALLBACK_THRESHOLDS] if fallback else [])
    for c in CS:
        alone = [right_by_model_alone(base, p.items, models[c]) for p in parts]
        print(_row(f"model alone, C={c:g}", alone, parts, select), flush=True)
        for kind, t in grid:
            model = replace(models[c], threshold=t) if kind == OVERRIDE else models[c]
            read = readings(base, items, model, t if kind == FALLBACK else OFF)
            right = _right_by_part(read, parts)
            hybrids[(kind, c, t)] = sum(right)
            same_crisis[(kind, c, t)] = [r[1] for r in read] == [r[1] for r in rules]
            changes[(kind, c, t)] = Counter((r[0], h[0], h[0] == i.intent)
                                            for r, h, i in zip(rules, read, items, strict=True) if h[0] != r[0])
            print(_row(f"{kind}, C={c:g}, t={t:g}", right, parts, select)
                  + ("" if same_crisis[(kind, c, t)] else "  (crisis flags differ)"), flush=True)
    if select:
        chosen = choose(hybrids)
        print("readings the choice changes (rules -> hybrid, count; aggregate, no item): "
              + ("; ".join(f"{a} -> {b} {'right' if ok else 'wrong'} x{n}"
                           for (a, b, ok), n in sorted(changes[chosen].items())) or "none"))
        print(decide(hybrids, sum(rules_right), total, same_crisis))
    return 0


def choose(hybrids: dict[Hybrid, int]) -> Hybrid:
    """The declared choice: most right; a tie to the fallback reader, then the higher t, then the lower C."""
    return max(hybrids, key=lambda h: (hybrids[h], h[0] == FALLBACK, h[2], -h[1]))


def decide(hybrids: dict[Hybrid, int], rules_right: int, total: int, same_crisis: dict[Hybrid, bool]) -> str:
    """The declared rule (module docstring, stop 32), as the line that ends `--select`."""
    kind, c, t = choose(hybrids)
    needed = 3
    gain = hybrids[(kind, c, t)] - rules_right
    setting = (f"INTENT_THRESHOLD = {t:g}" if kind == OVERRIDE
               else f"INTENT_THRESHOLD = {OFF}, learned_intent.FALLBACK_THRESHOLD = {t:g}")
    if gain >= needed and same_crisis[(kind, c, t)]:
        return f"decision: ship, INTENT_C = {c:g}, {setting} (+{gain} right of {total}; needed +{needed})"
    why = "" if same_crisis[(kind, c, t)] else ", crisis flags differ"
    return (f"decision: do not ship, model as it is (best: {kind}, C = {c:g}, t = {t:g}: "
            f"{gain:+d} right of {total}; needed +{needed}{why})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--parts", nargs="*", default=[], choices=list(PARTS), help="corpus parts by column name")
    parser.add_argument("--select", nargs="*", default=[], type=Path,
                        help="the selection set's files (fresh-l-dev, fresh-m-dev); applies the declared rule")
    parser.add_argument("--fallback", action="store_true",
                        help="also score the fallback reader only (learned_intent.FALLBACK_THRESHOLD)")
    args = parser.parse_args(argv)
    parts = [Part(name, [i for f in PARTS[name] for i in load_items(CORPUS / f)]) for name in args.parts]
    parts += [Part(path.stem.removeprefix("questions_"), load_items(path)) for path in args.select]
    if not parts or (args.parts and args.select):
        parser.error("name either --parts or --select files (the selection set is scored on its own)")
    return compare(parts, select=bool(args.select), fallback=args.fallback)


if __name__ == "__main__":
    raise SystemExit(main())
