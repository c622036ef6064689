"""Answer → JSON: the stable contract of docs/answer-json.md."""

from __future__ import annotations

from suppwise.questions.answer_model import Answer


def render_json(answer: Answer) -> str:
    return answer.model_dump_json(indent=2)
