"""Helpers shared by the per-substance evidence tests (tests/test_evidence_<substance>.py)."""

from __future__ import annotations

from suppwise.evidence import EvidenceBase
from suppwise.questions.answer import build_answer
from suppwise.questions.answer_model import Answer
from suppwise.questions.parse import parse


def ask(base: EvidenceBase, text: str) -> Answer:
    return build_answer(base, parse(text, base))


def cited(answer: Answer) -> set[str]:
    return {item.source for item in answer.evidence} | {r.id for r in answer.references}


def words(text: str) -> str:
    return " ".join(text.split()).lower()


def flat(text: str) -> str:
    return " ".join(text.split())
