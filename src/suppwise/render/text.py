"""Answer → a readable terminal page (Rich). Formatting returns renderables; printing is the
caller's job, so tests can render at a fixed width without colour."""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from suppwise.questions.answer_model import Answer
from suppwise.render.rich_parts import crisis_panel, heading, leveled_line, reference_lines
from suppwise.render.screen_text import screen_summary_renderable
from suppwise.render.view import (
    ANSWER_WORDS,
    certainty_label,
    grouped_evidence,
    mechanism_effect,
    mechanism_sources,
    shown_mechanisms,
    verdict_subject,
)

_ANSWER_STYLE = {"yes": "bold green", "no": "bold red", "unclear": "bold yellow"}


def answer_renderable(answer: Answer) -> RenderableType:
    parts: list[RenderableType] = []
    if answer.crisis:
        parts.append(crisis_panel(answer.crisis_message or "", answer.crisis_resources))
    parts.append(Text(answer.question, style="bold"))
    for verdict in answer.verdicts:
        line = Text()
        line.append(f" {ANSWER_WORDS[verdict.answer]} ", style=_ANSWER_STYLE[verdict.answer] + " reverse")
        line.append(f"  {verdict_subject(answer, verdict)}: direction ")
        line.append(verdict.direction.replace("_", " "), style="bold")
        line.append(", certainty ")
        line.append(certainty_label(verdict.certainty), style="bold")
        parts.append(line)
    parts.append(Text("\n" + answer.summary))
    if answer.support:
        parts.append(Text(answer.support, style="italic"))
    if answer.screens:
        parts.append(heading("For you"))
        parts.extend(screen_summary_renderable(screen, said=answer.summary) for screen in answer.screens)
    if answer.key_points:
        parts.append(heading("Key points"))
        parts.extend(Text(f"• {p}") for p in answer.key_points)
    shown, hidden = shown_mechanisms(answer)
    if shown:
        parts.append(heading("Mechanisms"))
        for m in shown:
            effect = mechanism_effect(answer, m)
            parts.append(Text(f"• {m.text}  ({effect}; {certainty_label(m.certainty)} certainty)"))
            parts.append(Text(f"  sources: {', '.join(mechanism_sources(m))}", style="dim"))
        if hidden:
            parts.append(Text(f"  … and {hidden} longer path(s) (see --format json)", style="dim"))
    groups = grouped_evidence(answer)
    if groups:
        parts.append(heading("Evidence, strongest design first"))
        table = Table(show_header=True, header_style="bold", expand=True)
        table.add_column("Design", ratio=2)
        table.add_column("Finding", ratio=6)
        table.add_column("Sources", ratio=2, overflow="fold")
        for group in groups:
            table.add_row(
                f"{group.design}\n({group.scope}, {group.certainty})", group.finding, "\n".join(group.sources)
            )
        parts.append(table)
    for section in answer.sections:
        parts.append(heading(section.title))
        parts.extend(Text(f"• {item}") for item in section.items)
        if section.sources:
            parts.append(Text(f"  sources: {', '.join(section.sources)}", style="dim"))
    for comparison in answer.comparisons:
        parts.append(heading(comparison.goal))
        table = Table(show_header=True, header_style="bold", expand=True)
        for column in ("Option", "Mechanism", "Target", "Research", "Risks", "Sources"):
            table.add_column(column, overflow="fold")
        for row in comparison.rows:
            table.add_row(row.name, row.mechanism, row.target, row.research_strength, row.risks, "\n".join(row.sources))
        parts.append(table)
    if answer.cautions:
        parts.append(heading("Who should be careful"))
        parts.extend(leveled_line(c.level, c.reason, c.sources) for c in answer.cautions)
    parts.extend(reference_lines(answer.references))
    parts.append(Text("\n" + answer.disclaimer, style="italic"))
    return Group(*parts)


def render_text(answer: Answer, *, width: int = 100, color: bool = False) -> str:
    """The terminal page as a string (fixed width, optional colour) for tests and pipes."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, color_system="standard" if color else None, highlight=False, force_terminal=color
    )
    console.print(answer_renderable(answer))
    return buffer.getvalue()
