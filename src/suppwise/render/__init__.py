"""Renderers shared by every shell: text (Rich), markdown, HTML and JSON from one Answer."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from suppwise.lazy import lazy_module
from suppwise.questions.answer_model import Answer

# Bound under names of their own: a submodule's name is an attribute of this package, which the
# import system sets to the real module when it loads.
if TYPE_CHECKING:
    from suppwise.render import html as html_renderer
    from suppwise.render import json_format as json_renderer
    from suppwise.render import markdown as markdown_renderer
    from suppwise.render import text as text_renderer
else:
    html_renderer = lazy_module("suppwise.render.html")
    json_renderer = lazy_module("suppwise.render.json_format")
    markdown_renderer = lazy_module("suppwise.render.markdown")
    text_renderer = lazy_module("suppwise.render.text")


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"


def render(answer: Answer, fmt: Format, *, width: int = 100) -> str:
    """The answer in one format. Renderers load on use (`suppwise.lazy`): a terminal answer need
    not load Jinja2, and an HTML one need not load Rich."""
    if fmt is Format.JSON:
        return json_renderer.render_json(answer)
    if fmt is Format.MARKDOWN:
        return markdown_renderer.render_markdown(answer)
    if fmt is Format.HTML:
        return html_renderer.render_html(answer)
    return text_renderer.render_text(answer, width=width)


__all__ = ["Format", "render"]
