"""Pieces every terminal page is built from (answers, screens): headings, level-coloured caution
lines, the crisis panel and the reference list. What a person typed goes in as plain Text, never
as markup, so "[bold]" in a profile prints as written."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.panel import Panel
from rich.text import Text

from suppwise.evidence.citation import Reference
from suppwise.safety.crisis import CrisisResourceOut

LEVEL_STYLE = {"avoid": "bold red", "caution": "bold yellow", "no_known_issue": "bold green"}


def heading(text: str) -> Text:
    return Text(f"\n{text}", style="bold underline")


def leveled_line(level: str, text: str, sources: Sequence[str]) -> Text:
    """ "• AVOID text [sources]", the level coloured: one look for every caution list."""
    line = Text("• ")
    line.append(level.upper(), style=LEVEL_STYLE.get(level, ""))
    line.append(f" {text} [{', '.join(sources)}]")
    return line


def crisis_panel(message: str, resources: Sequence[CrisisResourceOut]) -> Panel:
    body = Text(message)
    for resource in resources:
        body.append("\n• ")
        body.append(resource.name, style="bold")
        body.append(f" ({resource.region}): {resource.contact}")
    return Panel(body, title="Get help now", border_style="bold red")


def reference_lines(references: Sequence[Reference]) -> list[RenderableType]:
    """The reference list, flagging any source not fully verified."""
    if not references:
        return []
    lines: list[RenderableType] = [heading("References")]
    for ref in references:
        flag = "" if ref.verification == "verified" else f" ({ref.verification} verification)"
        lines.append(Text(f"[{ref.id}] {ref.citation}{flag}", style="dim"))
    return lines
