"""A pooled result (`suppwise pool --format html`) → a standalone HTML page (no scripts, no external
assets), with the same sentences as the text output (`pool_text.pool_parts`), escaped by Jinja2."""

from __future__ import annotations

from typing import Any

from suppwise.render.html import environment
from suppwise.render.pool_text import pool_parts


def pool_html(result: dict[str, Any]) -> str:
    parts = pool_parts(result)
    return environment().get_template("pool.html.j2").render(parts=parts, result=result)
