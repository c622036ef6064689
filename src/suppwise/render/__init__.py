"""Renderers shared by every shell: text (Rich), markdown, HTML and JSON from one Answer."""

from __future__ import annotations

from enum import StrEnum

from suppwise.questions.answer_model import Answer


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"


def render(answer: Answer, fmt: Format, *, width: int = 100) -> str:
    """The answer in one format. Renderers are imported on use: a terminal answer need not load
    Jinja2, and an HTML one need not load Rich."""
    if fmt is Format.JSON:
        from suppwise.render.json_format import render_json

        return render_json(answer)
    if fmt is Format.MARKDOWN:
        from suppwise.render.markdown import render_markdown

        return render_markdown(answer)
    if fmt is Format.HTML:
        from suppwise.render.html import render_html

        return render_html(answer)
    from suppwise.render.text import render_text

    return render_text(answer, width=width)


__all__ = ["Format", "render"]
