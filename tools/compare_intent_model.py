"""The learned intent model against the rules, scored where it matters: on the frozen holdouts, in
aggregate only (docs/question-understanding.md, "Fourth round").

The model is the one `tools/explore_text_models.py` compares (logistic regression over hashed
character and word n-grams of the question with every name replaced by its kind, `Query.model_text`).
It is trained on the parts one may read (dev, extra and the fresh-dev halves; texts a frozen part
holds are left out by `train_text_models.examples`), then each frozen part is read three ways: by the
rules (what `suppwise ask` answers), by the model alone, and by the rules with the model overriding
them where its probability is at least t. The out-of-fold figure on fresh-dev is printed first: the
rules are tuned there, so it says what a model adds on top of tuned rules, not how either
generalises. Nothing here writes a model file.

Run: ``.venv/bin/python tools/compare_intent_model.py [C]`` (about five minutes of CPU).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from sklearn.model_selection import StratifiedKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_text_models import CORPUS, FOLDS, FRESH_DEV, SEED, examples, fit, intent_inputs, matrix

from suppwise.errors import QuestionError
from suppwise.questions.accuracy import PARTS, load_items, predict
from suppwise.questions.parse import parse
from suppwise.services import evidence_base

BITS = 16
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
FROZEN_PARTS = ("fresh-holdout", "fresh-c-holdout", "fresh-d-holdout", "fresh-e-holdout", "test")


def _row(name: str, gold: np.ndarray, rules: np.ndarray, model: np.ndarray, conf: np.ndarray) -> str:
    cells = " ".join(f"p>={t}: {100 * (np.where(conf >= t, model, rules) == gold).mean():.1f}%" for t in THRESHOLDS)
    return (f"{name}: rules {100 * (rules == gold).mean():.1f}%, model {100 * (model == gold).mean():.1f}%, "
            f"model overriding at {cells}")


def main(c: float) -> int:
    base = evidence_base()
    exs, _ = examples()
    labelled = [e for e in exs if e.intent is not None]
    texts, rules_list = intent_inputs(labelled)
    y = np.array([e.intent for e in labelled], dtype=object)
    rules = np.array(rules_list, dtype=object)
    x = matrix(texts, BITS)
    fresh = np.array([e.part in FRESH_DEV for e in labelled])
    fresh_idx, rest = np.flatnonzero(fresh), np.flatnonzero(~fresh)
    guess = np.empty(len(fresh_idx), dtype=object)
    conf = np.zeros(len(fresh_idx))
    for train_f, held_f in StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(fresh_idx, y[fresh]):
        train = np.concatenate([rest, fresh_idx[train_f]])
        model = fit(x[train], y[train], c)
        p = model.predict_proba(x[fresh_idx[held_f]])
        guess[held_f], conf[held_f] = model.classes_[p.argmax(1)], p.max(1)
    print(f"C = {c}; {len(labelled)} labelled training questions", flush=True)
    print(_row("fresh-dev, out of fold", y[fresh], rules[fresh], guess, conf), flush=True)
    model = fit(x, y, c)
    for part in FROZEN_PARTS:
        items = [item for name in PARTS[part] for item in load_items(CORPUS / name)]
        gold = np.array([item.intent for item in items], dtype=object)
        read = np.array([predict(base, item.text).intent for item in items], dtype=object)
        model_texts = []
        for item in items:
            try:
                model_texts.append(parse(item.text, base).model_text)
            except QuestionError:
                model_texts.append("")
        p = model.predict_proba(matrix(model_texts, BITS))
        print(_row(part, gold, read, model.classes_[p.argmax(1)], p.max(1)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(float(sys.argv[1]) if len(sys.argv) > 1 else 16.0))
