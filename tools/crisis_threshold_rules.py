#!/usr/bin/env python3
"""Compare rules for the crisis model's threshold by how steady they are (docs/crisis.md, "Seventh round").

The rules, declared in docs/crisis.md before this was run:

- P (pooled): the shipped rule, `train_text_models.choose_crisis_threshold` on the pooled out-of-fold
  scores (the model alone finds MODEL_RECALL of the training crisis texts out of fold);
- S (seed-averaged): rule P with five fold seeds, averaged;
- C (calibrated): one fit on all training texts; the highest threshold at which the model alone finds
  CALIBRATION_RECALL of the calibration crisis items, the crisis items of the selection parts
  (fresh-d/e/g dev, never trained on; any whose text is trained on is left out).

Steadiness: ten draws each leave out a random 5 % of the training texts and choose again; the spread of
the ten thresholds is printed per rule. Reads only the training texts and the selection parts; never a
frozen part (their texts are only used, as by the trainer, to leave the same texts out of training).

    python tools/crisis_threshold_rules.py           # thresholds on the full data and the ten draws
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import numpy as np
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_text_models as ttm

CALIBRATION_RECALL = 0.85
DRAWS = 10
LEAVE_OUT = 0.05
SEEDS = tuple(ttm.SEED + k for k in range(5))


def calibration(trained: set[str]) -> list[tuple[str, bool, bool]]:
    """(text, crisis, hard_negative) of the selection parts' crisis and hard-negative items not trained on."""
    out = []
    for name in ttm.SELECTION:
        for item in yaml.safe_load((ttm.CORPUS / name).read_text(encoding="utf-8")):
            if (item["crisis"] or item["hard_negative"]) and ttm._folded(item["text"]) not in trained:
                out.append((str(item["text"]), bool(item["crisis"]), bool(item["hard_negative"])))
    return out


def pooled(x: object, y: np.ndarray, seed: int) -> float:
    """Rule P's threshold with the folds drawn by `seed`."""
    from sklearn.model_selection import StratifiedKFold

    scores = np.zeros(len(y))
    for train, held in StratifiedKFold(ttm.FOLDS, shuffle=True, random_state=seed).split(np.zeros(len(y)), y):
        scores[held] = ttm.fit(x[train], y[train], ttm.CRISIS_C).predict_proba(x[held])[:, 1]  # type: ignore[index]
    return ttm.choose_crisis_threshold(scores, y)


def calibrated(scores: np.ndarray) -> float:
    """Rule C: the highest threshold (rounded down) at which CALIBRATION_RECALL of the calibration crisis
    items score at or above it."""
    ordered = np.sort(scores)
    missed = int(np.floor((1.0 - CALIBRATION_RECALL) * len(ordered)))
    return float(np.floor(ordered[missed] * 1000) / 1000)


def rules(x: object, y: np.ndarray, xc: object, yc: np.ndarray) -> dict[str, float]:
    p = [pooled(x, y, s) for s in SEEDS]
    full = ttm.fit(x, y, ttm.CRISIS_C)
    cal = full.predict_proba(xc)[:, 1]
    return {"P": p[0], "S": float(np.mean(p)), "C": calibrated(cal[yc])}


def main() -> int:
    os.environ.setdefault("SUPPWISE_CACHE_DIR", tempfile.mkdtemp())
    sys.path.insert(0, str(ttm.ROOT / "src"))
    from threadpoolctl import threadpool_limits

    exs, _ = ttm.examples()
    cal = calibration({ttm._folded(e.text) for e in exs})
    x = ttm.matrix(ttm.crisis_texts(exs), ttm.CRISIS_BITS)
    y = np.array([e.crisis for e in exs])
    from suppwise.safety.crisis import served_model_text  # typed plainly, as served and as trained

    xc = ttm.matrix([served_model_text(t) for t, _, _ in cal], ttm.CRISIS_BITS)
    yc = np.array([c for _, c, _ in cal])
    print(f"{len(exs)} training texts; calibration: {int(yc.sum())} crisis, {int((~yc).sum())} hard negatives")
    rows: list[dict[str, float]] = []
    with threadpool_limits(limits=1):
        full = rules(x, y, xc, yc)
        print("full data:", {k: round(v, 3) for k, v in full.items()}, flush=True)
        for draw in range(DRAWS):
            rng = np.random.default_rng(draw)
            keep = np.sort(rng.permutation(len(y))[: len(y) - round(LEAVE_OUT * len(y))])
            got = rules(x[keep], y[keep], xc, yc)
            rows.append(got)
            print(f"draw {draw}:", {k: round(v, 3) for k, v in got.items()}, flush=True)
    for key in ("P", "S", "C"):
        values = np.array([r[key] for r in rows])
        print(f"rule {key}: mean {values.mean():.3f}, sd {values.std(ddof=1):.4f}, "
              f"range {values.min():.3f}-{values.max():.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
