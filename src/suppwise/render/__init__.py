"""Renderers shared by every shell: text (Rich), markdown, HTML and JSON from one Answer."""

from __future__ import annotations

from enum import StrEnum

from suppwise.questions.answer_model import Answer
from suppwise.render.html import render_html
from suppwise.render.json_format import render_json
from suppwise.render.markdown import render_markdown
from suppwise.render.text import render_text


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"


def render(answer: Answer, fmt: Format, *, width: int = 100) -> str:
    if fmt is Format.JSON:
        return render_json(answer)
    if fmt is Format.MARKDOWN:
        return render_markdown(answer)
    if fmt is Format.HTML:
        return render_html(answer)
    return render_text(answer, width=width)


__all__ = ["Format", "render", "render_html", "render_json", "render_markdown", "render_text"]
