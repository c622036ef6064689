#!/usr/bin/env python3
"""Designs of the learned intent model compared on its own, out of fold by writer
(docs/question-understanding.md, "Thirteenth round").

The hybrid of rules and model (`questions.learned_intent`) gains more the better the model reads
alone, and the model alone can be measured honestly on the readable parts: leave one part out, train
on the others, score the part left out. Each part was written by other people at another time, so a
left-out part measures wordings the model never saw, which is what new users write. Rule outputs are
never features: the rules were tuned on every readable part, so their outputs would leak labels.

Folds (the readable labelled parts): dev; extra; fresh-dev (sets a and b); fresh-c-dev. Crisis
phrases and keyword questions carry no intent label, so no intent model trains on them. A text a
frozen part or the selection set (fresh-d-dev, fresh-e-dev) holds is never trained on, exactly as in
`tools/train_text_models.py`. Score: the share of the left-out part whose label is the model's most
probable intent on `Query.model_text` (read with the rules alone); the design's figure is the mean
of the four shares (each writer counts once, whatever the part's size).

**Declared before any design was run** (2026-12-03, the commit of this docstring):

Stage 1, at 2^16 buckets, every combination of
  - features: `base` (format 1: words, word pairs, per-word character 3-5-grams); `+trigrams`
    (word triples); `+start` (first word and first two words by position) with `qwords` (question
    words present, and the first of them); `+number` (an amount written in figures); `textchars`
    (character 3-5-grams of the whole text instead of per word); `all` (trigrams, start, qwords,
    number together, per-word characters);
  - C in {4, 16, 64};
  - class weights: none or balanced.
Choice: the highest mean; ties go to fewer feature families, then the lower C, then no weights.
Stage 2: the stage-1 choice at 2^18 buckets; taken only if its mean is strictly higher.

The chosen design then goes through `tools/compare_intent_model.py`'s declared rule once (its grid of
t, its margin, one look at fresh-d-dev + fresh-e-dev), and ships only if that rule says so.

    .venv/bin/python tools/intent_model_designs.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_text_models import Example, _folded, examples, fit, intent_inputs, matrix, selection_texts

FOLDS = {
    "dev": ("questions_dev.yaml",),
    "extra": ("questions_extra.yaml",),
    "fresh-dev": ("questions_fresh_a_dev.yaml", "questions_fresh_b_dev.yaml"),
    "fresh-c-dev": ("questions_fresh_c_dev.yaml",),
}
FEATURES: dict[str, tuple[str, ...]] = {
    "base": (),
    "+trigrams": ("trigrams",),
    "+start": ("start", "qwords"),
    "+number": ("number",),
    "textchars": ("textchars",),
    "all": ("trigrams", "start", "qwords", "number"),
}
CS = (4.0, 16.0, 64.0)
WEIGHTS = (None, "balanced")


@dataclass(frozen=True)
class Design:
    features: str
    c: float
    weights: str | None
    bits: int = 16

    def key(self) -> tuple[float, ...]:
        """The declared tie-break, as a sort key (smaller is preferred)."""
        return (len(FEATURES[self.features]), self.c, 0.0 if self.weights is None else 1.0)


def fold_of(e: Example) -> str:
    return next(name for name, files in FOLDS.items() if e.part in files)


def score(design: Design, texts: list[str], labels: np.ndarray, folds: np.ndarray) -> dict[str, float]:
    """The share right of each left-out part, the model trained on the other parts."""
    x = matrix(texts, design.bits, FEATURES[design.features])
    out: dict[str, float] = {}
    for name in FOLDS:
        held = folds == name
        model = fit(x[~held], labels[~held], design.c, design.weights)  # type: ignore[index]
        margins = np.asarray(x[held] @ model.coef_.T) + model.intercept_  # type: ignore[index]
        out[name] = float(np.mean(model.classes_[margins.argmax(axis=1)] == labels[held]))
    return out


_DATA: tuple[list[str], np.ndarray, np.ndarray] = ([], np.array([]), np.array([]))


def _run(design: Design) -> tuple[Design, dict[str, float], float]:
    """One design's shares and seconds, with one BLAS thread (run in a worker process)."""
    from threadpoolctl import threadpool_limits

    start = time.perf_counter()
    with threadpool_limits(limits=1):
        shares = score(design, *_DATA)
    return design, shares, time.perf_counter() - start


def _print(design: Design, shares: dict[str, float], seconds: float) -> float:
    mean = float(np.mean(list(shares.values())))
    name = f"{design.features}, C={design.c:g}, {design.weights or 'unweighted'}, {design.bits} bits"
    print(f"{name:<40}" + "".join(f"{100 * s:12.1f}%" for s in shares.values())
          + f"{100 * mean:8.2f}%  ({seconds:.0f} s)", flush=True)
    return mean


def main() -> int:
    """Stage 1 in two worker processes (the machine's two cores), then stage 2 (module docstring)."""
    global _DATA
    os.environ.setdefault("SUPPWISE_CACHE_DIR", tempfile.mkdtemp())
    from multiprocessing import get_context

    held = selection_texts()
    labelled = [e for e in examples()[0] if e.intent is not None and _folded(e.text) not in held]
    texts, _ = intent_inputs(labelled)
    folds = np.array([fold_of(e) for e in labelled])
    _DATA = (texts, np.array([e.intent for e in labelled]), folds)
    print(f"{len(labelled)} labelled questions: " + ", ".join(f"{n} {int(np.sum(folds == n))}" for n in FOLDS))
    print(f"{'design':<40}" + "".join(f"{n:>13}" for n in FOLDS) + f"{'mean':>9}")
    designs = [Design(f, c, w) for f in FEATURES for c in CS for w in WEIGHTS]
    results: dict[Design, float] = {}
    with get_context("fork").Pool(2) as pool:
        for design, shares, seconds in pool.imap_unordered(_run, designs):
            results[design] = _print(design, shares, seconds)
    best = max(results, key=lambda d: (results[d], tuple(-k for k in d.key())))
    print(f"stage 1 choice: {best}")
    wide = Design(best.features, best.c, best.weights, 18)
    results[wide] = _print(*_run(wide))
    chosen = wide if results[wide] > results[best] else best
    print(f"choice: {chosen} (mean {100 * results[chosen]:.2f}%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
