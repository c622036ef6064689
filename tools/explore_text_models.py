"""The cross-validated comparison behind the learned models' design (run through
`python tools/train_text_models.py --explore`); its output is recorded in
docs/question-understanding.md and docs/crisis.md. Training data only: never a frozen part."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.model_selection import StratifiedKFold
from train_text_models import (
    FOLDS,
    FRESH_DEV,
    PHRASES,
    SEED,
    Example,
    crisis_texts,
    fit,
    intent_inputs,
    matrix,
    rules_crisis,
)

from suppwise.textmodel import feature_names


def _pct(right: int, total: int) -> str:
    return f"{100 * right / total:5.1f}% ({right}/{total})" if total else "—"


def _oof(x, y, c: float, groups: np.ndarray | None = None) -> np.ndarray:  # type: ignore[no-untyped-def]
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED)
    out = np.zeros(len(y))
    for train, held in folds.split(np.zeros(len(y)), y):
        out[held] = fit(x[train], y[train], c).predict_proba(x[held])[:, 1]
    return out


def crisis(exs: Sequence[Example]) -> None:
    y = np.array([e.crisis for e in exs])
    # hard negatives: the corpus's, and the ordinary phrasings written with crisis words (crisis_phrases.yaml)
    hard = np.array([(not e.crisis) and (e.part == PHRASES or _hard(e)) for e in exs])
    fresh = np.array([e.part in FRESH_DEV for e in exs])
    rules = rules_crisis(exs)
    texts = crisis_texts(exs)
    print("CRISIS (5-fold out-of-fold; rules were written on everything but fresh-dev)")
    print(f"rules alone: recall all {_pct(int((rules & y).sum()), int(y.sum()))}, fresh-dev "
          f"{_pct(int((rules & y & fresh).sum()), int((y & fresh).sum()))}; false alarms on non-crisis "
          f"{_pct(int((rules & ~y).sum()), int((~y).sum()))}")
    from suppwise.safety.crisis_text import fold

    kept = [fold(e.text[:5000]) for e in exs]  # the idioms not set aside: what the model read before
    missed = y & ~rules  # crisis texts no rule names: the model's own job
    variants = {
        "char3-5+word1-2, C=128, 2^18, idioms set aside (shipped)": (texts, 18, 128.0),
        "char3-5+word1-2, C=128, 2^18, idioms kept": (kept, 18, 128.0),
        "char3-5+word1-2, C=32, 2^18, idioms set aside": (texts, 18, 32.0),
        "char3-5+word1-2, C=512, 2^18, idioms set aside": (texts, 18, 512.0),
        "word1-2 only, C=8, 2^18": ([" ".join(w for w in t.split()) for t in texts], 18, 8.0),
    }
    for label, (tx, bits, c) in variants.items():
        x = _word_matrix(tx, bits) if label.startswith("word") else matrix(tx, bits)
        p = _oof(x, y, c)
        print(f"\n  model {label}")
        ordered = np.sort(p[y])
        at_recall = {r: float(ordered[int(np.floor((1 - r) * len(ordered)))]) for r in (0.85, 0.90, 0.95)}
        for r, t in at_recall.items():
            flag = p >= t
            print(f"    model alone recall {r:.0%} (t={t:.3f}): crisis texts the rules miss found "
                  f"{_pct(int((flag & missed).sum()), int(missed.sum()))}, non-crisis flagged: hard "
                  f"{_pct(int((flag & hard).sum()), int(hard.sum()))}, other "
                  f"{_pct(int((flag & ~y & ~hard).sum()), int((~y & ~hard).sum()))}")
        for t in (0.5, 0.4, 0.3, 0.2):
            flag = p >= t
            both = flag | rules
            print(f"    t={t:.2f} model alone recall {_pct(int((flag & y).sum()), int(y.sum()))} "
                  f"| rules OR model: recall {_pct(int((both & y).sum()), int(y.sum()))}, fresh-dev "
                  f"{_pct(int((both & y & fresh).sum()), int((y & fresh).sum()))}, false alarms hard negatives "
                  f"{_pct(int((both & hard).sum()), int(hard.sum()))}, other non-crisis "
                  f"{_pct(int((both & ~y & ~hard).sum()), int((~y & ~hard).sum()))}")


def crisis_by_file(exs: Sequence[Example], thresholds: Sequence[float] = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)) -> None:
    """The threshold seen as a new writer would meet it: each corpus file is scored by a model trained
    on everything else (its phrasings were written together, so a random fold holds near-twins of
    them). Rules OR model false alarms, and the model's recall on its own."""
    from train_text_models import CRISIS_BITS, CRISIS_C, TRAIN_PARTS

    y = np.array([e.crisis for e in exs])
    hard = np.array([(not e.crisis) and (e.part == PHRASES or _hard(e)) for e in exs])
    rules = rules_crisis(exs)
    x = matrix(crisis_texts(exs), CRISIS_BITS)
    parts = np.array([e.part for e in exs])
    scored = np.isin(parts, TRAIN_PARTS)
    oof = np.zeros(len(y))
    for name in TRAIN_PARTS:
        held = parts == name
        oof[held] = fit(x[~held], y[~held], CRISIS_C).predict_proba(x[held])[:, 1]
    crisis_items, hard_items, other = y & scored, hard & scored, ~y & ~hard & scored
    print("\nCRISIS, each corpus file scored by a model trained without it")
    for t in thresholds:
        flag = (oof >= t) & scored
        both = flag | rules
        found = _pct(int((flag & crisis_items).sum()), int(crisis_items.sum()))
        hard_flagged = _pct(int((both & hard_items).sum()), int(hard_items.sum()))
        print(f"  t={t:.2f} model alone recall {found} | rules OR model: false alarms hard negatives {hard_flagged}, "
              f"other {_pct(int((both & other).sum()), int(other.sum()))}")


def _hard(e: Example) -> bool:
    return e.intent is not None and e.part != PHRASES and HARD.get(e.text, False)


HARD: dict[str, bool] = {}


def _word_matrix(texts: Sequence[str], bits: int):  # type: ignore[no-untyped-def]
    from zlib import crc32

    from scipy.sparse import csr_matrix

    rows, cols, vals = [], [], []
    for r, t in enumerate(texts):
        names = {n for n in feature_names(t) if not n.startswith("c")}
        buckets = sorted({crc32(n.encode()) & ((1 << bits) - 1) for n in names})
        rows += [r] * len(buckets)
        cols += buckets
        vals += [1 / np.sqrt(len(buckets))] * len(buckets)
    return csr_matrix((vals, (rows, cols)), shape=(len(texts), 1 << bits))


def intent(exs: Sequence[Example]) -> None:
    labelled = [e for e in exs if e.intent is not None]
    texts, rules = intent_inputs(labelled)
    y = np.array([e.intent for e in labelled])
    fresh = np.array([e.part in FRESH_DEV for e in labelled])
    print("\nINTENT (out of fold on fresh-dev; models trained on dev + extra + the other fresh-dev folds)")
    gold = y[fresh]
    rules_f = np.array(rules)[fresh]
    print(f"rules alone on fresh-dev: {_pct(int((rules_f == gold).sum()), len(gold))}")
    raw_texts, _ = [e.text.lower() for e in labelled], None
    for label, tx, bits, c in (
        ("kind tokens, C=16, 2^16", texts, 16, 16.0),
        ("kind tokens, C=4, 2^16", texts, 16, 4.0),
        ("kind tokens, C=64, 2^16", texts, 16, 64.0),
        ("kind tokens, C=16, 2^15", texts, 15, 16.0),
        ("raw words, C=16, 2^16", raw_texts, 16, 16.0),
    ):
        x = matrix(tx, bits)
        folds = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED)
        fresh_idx = np.flatnonzero(fresh)
        guess = np.empty(len(fresh_idx), dtype=object)
        conf = np.zeros(len(fresh_idx))
        for train_f, held_f in folds.split(np.zeros(len(fresh_idx)), y[fresh]):
            train = np.concatenate([np.flatnonzero(~fresh), fresh_idx[train_f]])
            m = fit(x[train], y[train], c)
            p = m.predict_proba(x[fresh_idx[held_f]])
            guess[held_f] = m.classes_[p.argmax(1)]
            conf[held_f] = p.max(1)
        line = f"  model {label}: alone {_pct(int((guess == gold).sum()), len(gold))}; overriding the rules at p >="
        for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
            combined = np.where(conf >= t, guess, rules_f)
            line += f" {t:.1f}: {100 * (combined == gold).mean():.1f}%"
        print(line)


def main(exs: list[Example]) -> int:
    import yaml
    from train_text_models import CORPUS, TRAIN_PARTS

    for name in TRAIN_PARTS:
        for item in yaml.safe_load((CORPUS / name).read_text(encoding="utf-8")):
            HARD[item["text"]] = bool(item["hard_negative"])
    crisis(exs)
    crisis_by_file(exs)
    intent(exs)
    return 0
