"""Answer → a standalone HTML page (no scripts, no external assets), escaped by Jinja2."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape

from suppwise.questions.answer_model import Answer
from suppwise.render import view


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The renderers' shared Jinja2 environment: the package's templates, autoescaped everywhere."""
    return Environment(
        loader=PackageLoader("suppwise.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(answer: Answer) -> str:
    shown, hidden = view.shown_mechanisms(answer)
    return (
        environment()
        .get_template("answer.html.j2")
        .render(
            answer=answer,
            view=view,
            shown_mechanisms=shown,
            hidden_mechanisms=hidden,
            evidence_groups=view.grouped_evidence(answer),
        )
    )
