"""Measuring question understanding against a labelled corpus (docs/question-corpus.md).

Each item says what a correct reading of one question is: its intent, the entity ids it names,
the special populations it places its subject in, whether it signals self-harm risk, and the
safety level the answer must lead with. `predict` reads a question the way `suppwise ask` does
(parse, then build the answer) and returns the same labels from the answer itself, so what is
scored is what a person would see, not an internal guess. `score` adds the items up into the
figures issue 12 sets targets for; `table` prints them.

Why aggregates only: the corpus's test part is frozen and must never be tuned on, so nothing
here names an item of a part unless asked to (`misses`, for the development part).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from suppwise.errors import QuestionError
from suppwise.evidence.base import EvidenceBase
from suppwise.questions.answer import build_answer
from suppwise.questions.answer_model import Answer
from suppwise.questions.parse import parse

__all__ = [
    "PARTS",
    "TUNED",
    "Item",
    "Prediction",
    "Scores",
    "load_items",
    "predict",
    "predicted_lead",
    "score",
    "table",
]

CRISIS = "crisis"

# The corpus's parts, by the column name the table gives them, as files in tests/corpus/. Fresh sets c,
# d, e, f, g and h (written after the base grew beyond glutamine) have their own columns, so that sets a and b
# stay comparable with earlier figures and each later set measures the reader as it stood when it was
# split (sets d to m: the honest generalisation figure of the rules at their split).
PARTS: dict[str, tuple[str, ...]] = {
    "dev": ("questions_dev.yaml",),
    "extra": ("questions_extra.yaml",),
    "fresh-dev": ("questions_fresh_a_dev.yaml", "questions_fresh_b_dev.yaml"),
    "fresh-holdout": ("questions_fresh_a_holdout.yaml", "questions_fresh_b_holdout.yaml"),
    "fresh-c-dev": ("questions_fresh_c_dev.yaml",),
    "fresh-c-holdout": ("questions_fresh_c_holdout.yaml",),
    "fresh-d-dev": ("questions_fresh_d_dev.yaml",),
    "fresh-d-holdout": ("questions_fresh_d_holdout.yaml",),
    "fresh-e-dev": ("questions_fresh_e_dev.yaml",),
    "fresh-e-holdout": ("questions_fresh_e_holdout.yaml",),
    "fresh-f-dev": ("questions_fresh_f_dev.yaml",),
    "fresh-f-holdout": ("questions_fresh_f_holdout.yaml",),
    "fresh-g-dev": ("questions_fresh_g_dev.yaml",),
    "fresh-g-holdout": ("questions_fresh_g_holdout.yaml",),
    "fresh-h-dev": ("questions_fresh_h_dev.yaml",),
    "fresh-h-holdout": ("questions_fresh_h_holdout.yaml",),
    "fresh-i-dev": ("questions_fresh_i_dev.yaml",),
    "fresh-i-holdout": ("questions_fresh_i_holdout.yaml",),
    "fresh-j-dev": ("questions_fresh_j_dev.yaml",),
    "fresh-j-holdout": ("questions_fresh_j_holdout.yaml",),
    "fresh-k-dev": ("questions_fresh_k_dev.yaml",),
    "fresh-k-holdout": ("questions_fresh_k_holdout.yaml",),
    "fresh-l-dev": ("questions_fresh_l_dev.yaml",),
    "fresh-l-holdout": ("questions_fresh_l_holdout.yaml",),
    "fresh-m-dev": ("questions_fresh_m_dev.yaml",),
    "fresh-m-holdout": ("questions_fresh_m_holdout.yaml",),
    "test": ("questions_test.yaml",),
}
# The parts one may read and tune on. Fresh-d-dev and fresh-e-dev were released for rule tuning on
# 2026-12-04, once fresh-g-dev took over as the selection set, fresh-f-dev later the same day and
# fresh-g-dev on 2026-12-04 (stop 27), fresh-i-dev at stop 28 and fresh-h-dev at stop 29; they stay in
# the learned models' selection set (tools/train_text_models.py, never trained on), and fresh-j-dev at
# stop 30, fresh-k-dev at stop 32. Fresh-l-dev (split on 2026-12-05) and fresh-m-dev (split on 2026-12-06)
# may be read in aggregate but are not tuned on (docs/question-corpus.md, section 11). The holdout halves
# and the test part are frozen (tests/corpus/FROZEN.sha256).
TUNED = (
    "dev", "extra", "fresh-dev", "fresh-c-dev", "fresh-d-dev", "fresh-e-dev", "fresh-f-dev", "fresh-g-dev",
    "fresh-h-dev", "fresh-i-dev", "fresh-j-dev", "fresh-k-dev",
)


@dataclass(frozen=True)
class Item:
    """One labelled question."""

    id: str
    text: str
    intent: str
    entities: frozenset[str]
    population: frozenset[str]
    crisis: bool
    hard_negative: bool
    lead_level: str

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Item:
        return cls(
            id=str(raw["id"]),
            text=str(raw["text"]),
            intent=str(raw["intent"]),
            entities=frozenset(raw["entities"]),
            population=frozenset(raw["population"]),
            crisis=bool(raw["crisis"]),
            hard_negative=bool(raw["hard_negative"]),
            lead_level=str(raw["lead_level"]),
        )


@dataclass(frozen=True)
class Prediction:
    """The same labels, read from the answer suppwise gives."""

    intent: str
    entities: frozenset[str]
    population: frozenset[str]
    crisis: bool
    lead_level: str


def load_items(path: Path) -> list[Item]:
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Item.from_dict(raw) for raw in loaded or []]


def predicted_lead(answer: Answer) -> str:
    """The level the answer leads with: crisis, else its safety level (the most severe caution the
    question names), else none."""
    if answer.crisis:
        return CRISIS
    return answer.safety_level or "none"


def predict(base: EvidenceBase, text: str) -> Prediction:
    try:
        answer = build_answer(base, parse(text, base))
    except QuestionError:
        return Prediction("unknown", frozenset(), frozenset(), False, "none")
    entities = frozenset(e for ids in answer.entities.values() for e in ids)
    return Prediction(answer.intent, entities, frozenset(answer.populations), answer.crisis, predicted_lead(answer))


@dataclass
class Tally:
    """Right out of total for one measure."""

    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    @property
    def rate(self) -> float | None:
        return self.right / self.total if self.total else None


@dataclass
class Scores:
    """Every figure for one part of the corpus."""

    name: str
    items: int = 0
    crisis_recall: Tally = field(default_factory=Tally)
    false_crisis_hard: Tally = field(default_factory=Tally)  # right = flagged as crisis
    false_crisis_ordinary: Tally = field(default_factory=Tally)
    intent: Tally = field(default_factory=Tally)
    entities: Tally = field(default_factory=Tally)
    population: Tally = field(default_factory=Tally)
    lead_level: Tally = field(default_factory=Tally)
    by_intent: dict[str, dict[str, Tally]] = field(default_factory=dict)
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[tuple[Item, Prediction]] = field(default_factory=list)


def score(name: str, base: EvidenceBase, items: Iterable[Item], *, keep_misses: bool = False) -> Scores:
    """Score every item; `keep_misses` keeps the wrong ones (only ever for the development part)."""
    scores = Scores(name)
    for item in items:
        got = predict(base, item.text)
        scores.items += 1
        if item.crisis:
            scores.crisis_recall.add(got.crisis)
        elif item.hard_negative:
            scores.false_crisis_hard.add(got.crisis)
        else:
            scores.false_crisis_ordinary.add(got.crisis)
        checks = {
            "intent": got.intent == item.intent,
            "entities": got.entities == item.entities,
            "population": got.population == item.population,
            "lead_level": got.lead_level == item.lead_level,
        }
        scores.intent.add(checks["intent"])
        scores.entities.add(checks["entities"])
        scores.population.add(checks["population"])
        scores.lead_level.add(checks["lead_level"])
        per_intent = scores.by_intent.setdefault(item.intent, {k: Tally() for k in checks})
        for key, ok in checks.items():
            per_intent[key].add(ok)
        if not checks["intent"]:
            scores.confusions[(item.intent, got.intent)] += 1
        if keep_misses and (not all(checks.values()) or got.crisis != item.crisis):
            scores.misses.append((item, got))
    return scores


def _pct(tally: Tally) -> str:
    rate = tally.rate
    return "—" if rate is None else f"{100 * rate:5.1f}% ({tally.right}/{tally.total})"


def table(parts: Sequence[Scores]) -> str:
    """The figures of each part side by side, then accuracy per intent for each part."""
    rows = [
        ("items", [str(p.items) for p in parts]),
        ("crisis recall", [_pct(p.crisis_recall) for p in parts]),
        ("false crisis, hard negatives", [_pct(p.false_crisis_hard) for p in parts]),
        ("false crisis, ordinary items", [_pct(p.false_crisis_ordinary) for p in parts]),
        ("intent", [_pct(p.intent) for p in parts]),
        ("entities (set equal)", [_pct(p.entities) for p in parts]),
        ("population", [_pct(p.population) for p in parts]),
        ("lead level", [_pct(p.lead_level) for p in parts]),
    ]
    out = [_grid(["measure", *(p.name for p in parts)], [[label, *cells] for label, cells in rows])]
    intents = sorted({i for p in parts for i in p.by_intent})
    header = ["intent"] + [f"{p.name}: {m}" for p in parts for m in ("n", "intent", "entities", "lead")]
    body = []
    for intent in intents:
        row = [intent]
        for part in parts:
            tallies = part.by_intent.get(intent)
            if tallies is None:
                row.extend(["0", "—", "—", "—"])
                continue
            row.append(str(tallies["intent"].total))
            row.extend(_short(tallies[k]) for k in ("intent", "entities", "lead_level"))
        body.append(row)
    out.append(_grid(header, body))
    return "\n\n".join(out)


def _short(tally: Tally) -> str:
    rate = tally.rate
    return "—" if rate is None else f"{100 * rate:.0f}%"


def _grid(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = [" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines.extend(" | ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows)
    return "\n".join(lines)
