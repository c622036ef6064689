"""Answer → a readable terminal page (Rich). Formatting returns renderables; printing is the
caller's job, so tests can render at a fixed width without colour."""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from suppwise.questions.answer_model import Answer
from suppwise.questions.dose_frame import UPPER_LEVEL, dose_sentences
from suppwise.reasoning.condition_overview import ConditionOverview
from suppwise.render.rich_parts import crisis_panel, heading, leveled_line, reference_lines
from suppwise.render.screen_text import screen_summary_renderable
from suppwise.render.view import (
    answer_word,
    certainty_label,
    grouped_evidence,
    mechanism_effect,
    overview_header,
    overview_row,
    read_as_line,
    shown_mechanisms,
    verdict_subject,
)

_ANSWER_STYLE = {"yes": "bold green", "no": "bold red", "unclear": "bold yellow"}


# The terminal page is the short form: enough to act on in about one screen. Everything else is in
# the JSON and markdown forms, and the page says how much was left out.
MAX_KEY_POINTS = 3
MAX_TEXT_MECHANISMS = 3
MAX_EVIDENCE_ROWS = 3
MAX_SECTION_ITEMS = 3
MAX_REFERENCES = 3
MAX_EVIDENCE_CHARS = 220
MAX_TEXT_COMPARISONS = 1
MAX_COMPARISON_ROWS = 5
MAX_COMPARISON_CHARS = 140
_COMPARING_INTENTS = frozenset({"comparison", "alternatives"})
# The sections the short form shows for each intent; the others are counted as left out.
TEXT_SECTIONS: dict[str, tuple[str, ...]] = {
    "effect": ("factors",),
    "cure": ("factors",),
    "mechanism": ("roles",),
    "safety": ("side_effects",),
    "interaction": ("interactions",),
    "side_effects": ("side_effects",),
    "dosing": ("dosing",),
    "administration": ("administration",),
    "sources": ("foods",),
    "definition": ("definitions", "relations"),
    "resources": ("resources",),
    "alternatives": (),
    "comparison": (),
    "unknown": (),
}


def answer_renderable(answer: Answer) -> RenderableType:
    parts: list[RenderableType] = []
    left_out = 0
    if answer.crisis:
        parts.append(crisis_panel(answer.crisis_message or "", answer.crisis_resources))
    parts.append(Text(answer.question, style="bold"))
    if answer.read_as:
        parts.append(Text(read_as_line(answer.read_as), style="dim"))
    for verdict in answer.verdicts:
        line = Text()
        style = "bold" if verdict.stands_in_for else _ANSWER_STYLE[verdict.answer]
        line.append(f" {answer_word(verdict)} ", style=style + " reverse")
        line.append(f"  {verdict_subject(answer, verdict)}: direction ")
        line.append(verdict.direction.replace("_", " "), style="bold")
        line.append(", certainty ")
        line.append(certainty_label(verdict.certainty), style="bold")
        if verdict.stands_in_for:
            line.append(f" (in place of '{verdict.stands_in_for}', which the base does not hold)")
        parts.append(line)
    parts.append(Text("\n" + answer.summary))
    if answer.support:
        parts.append(Text(answer.support, style="italic"))
    leading = [c for c in answer.cautions if c.matches_question or c.matches_profile]
    if leading:
        parts.append(heading("Who should be careful"))
        parts.extend(leveled_line(c.level, c.reason, c.sources) for c in leading)
    if answer.screens:
        parts.append(heading("For you"))
        parts.extend(screen_summary_renderable(screen, said=answer.summary) for screen in answer.screens)
    if answer.key_points:
        parts.append(heading("Key points"))
        parts.extend(Text(f"• {p}") for p in answer.key_points[:MAX_KEY_POINTS])
        left_out += max(0, len(answer.key_points) - MAX_KEY_POINTS)
    shown, hidden = shown_mechanisms(answer)
    if shown:
        parts.append(heading("Mechanisms"))
        for m in shown[:MAX_TEXT_MECHANISMS]:
            effect = mechanism_effect(answer, m)
            parts.append(Text(f"• {m.text}  ({effect}; {certainty_label(m.certainty)} certainty)"))
        left_out += hidden + max(0, len(shown) - MAX_TEXT_MECHANISMS)
    groups = grouped_evidence(answer)
    if groups:
        parts.append(heading("Evidence, strongest design first"))
        table = Table(show_header=True, header_style="bold", expand=True)
        table.add_column("Design", ratio=2)
        table.add_column("Finding", ratio=6)
        table.add_column("Sources", ratio=2, overflow="fold")
        for group in groups[:MAX_EVIDENCE_ROWS]:
            finding = group.finding
            if len(finding) > MAX_EVIDENCE_CHARS:
                finding = finding[:MAX_EVIDENCE_CHARS] + "…"
            table.add_row(f"{group.design}\n({group.scope}, {group.certainty})", finding, "\n".join(group.sources))
        parts.append(table)
        left_out += max(0, len(groups) - MAX_EVIDENCE_ROWS)
    shown_sections = TEXT_SECTIONS.get(answer.intent, ())
    for section in answer.sections:
        if section.key not in shown_sections:
            left_out += len(section.items)
            continue
        # an item the summary already says word for word (a dose answer is the usual-dose record) is
        # not printed again under its heading; a section with nothing else is left out
        items = [item for item in section.items if not _said_in(item, answer.summary)]
        if not items:
            continue
        parts.append(heading(section.title))
        limit = 1 if section.key == "factors" else MAX_SECTION_ITEMS
        parts.extend(Text(f"• {item}") for item in items[:limit])
        left_out += max(0, len(items) - limit)
        if section.sources:
            parts.append(Text(f"  sources: {', '.join(section.sources[:MAX_REFERENCES])}", style="dim"))
    # A comparison is the answer only to a comparison or alternatives question; beside other answers
    # it is counted as left out. Even then the short form gives each option one line (what the research
    # shows, the main risk), since a six-column table of paragraphs ran to hundreds of terminal lines.
    compared = answer.comparisons[:MAX_TEXT_COMPARISONS] if answer.intent in _COMPARING_INTENTS else []
    for comparison in compared:
        parts.append(heading(comparison.goal))
        for row in comparison.rows[:MAX_COMPARISON_ROWS]:
            option = f"• {row.name}: {_clipped(row.research_strength)} Risks: {_clipped(row.risks)}"
            parts.append(Text(option))
        left_out += max(0, len(comparison.rows) - MAX_COMPARISON_ROWS)
    left_out += sum(len(c.rows) for c in answer.comparisons[len(compared) :])
    if answer.overview is not None:
        parts.append(overview_table(answer.overview))
    general = [c for c in answer.cautions if not (c.matches_question or c.matches_profile)]
    if general and not leading:
        parts.append(heading("Who should be careful"))
        parts.extend(leveled_line(c.level, c.reason, c.sources) for c in general[:2])
        left_out += max(0, len(general) - 2)
    else:
        left_out += len(general)
    parts.extend(reference_lines(answer.references[:MAX_REFERENCES]))
    left_out += max(0, len(answer.references) - MAX_REFERENCES)
    if left_out:
        parts.append(
            Text(
                f"\n… {left_out} more item(s) (other cautions, evidence, references): --format markdown or json",
                style="dim",
            )
        )
    parts.append(Text("\n" + answer.disclaimer, style="italic"))
    return Group(*parts)


def _said_in(item: str, summary: str) -> bool:
    """Whether the summary already says the item, word for word or after its "Name: " label: a
    definition answer's summary is the description the "What it is" item repeats under the name
    (fourth try-out: "vit d" and "what is l-methylfolate" printed their definition twice)."""
    if item in summary:
        return True
    label, sep, rest = item.partition(": ")
    if bool(sep) and len(label) < 80 and len(rest) > 40 and rest in summary:
        return True
    # a dose record the summary quoted sentence by sentence, reordered (questions.dose_frame.dose_first) or without
    # its sentence on the upper level, having led with that level (dose_frame.without_limit)
    said = dose_sentences(item)
    return len(said) > 1 and all(
        s in summary or (UPPER_LEVEL in s.lower() and UPPER_LEVEL in summary.lower()) for s in said
    )


def render_text(answer: Answer, *, width: int = 100, color: bool = False) -> str:
    """The terminal page as a string (fixed width, optional colour) for tests and pipes."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, color_system="standard" if color else None, highlight=False, force_terminal=color
    )
    console.print(answer_renderable(answer))
    return buffer.getvalue()


def overview_table(overview: ConditionOverview) -> RenderableType:
    """The condition-first table: one row per supplement, one column per outcome."""
    table = Table(show_header=True, header_style="bold", expand=True, title=f"{overview.condition_name}: supplements")
    for title in overview_header(overview):
        table.add_column(title, overflow="fold")
    for row in overview.rows:
        table.add_row(*overview_row(overview, row))
    return table


def _clipped(text: str) -> str:
    """A comparison cell cut to one line's worth at a word boundary (the full text is in JSON/markdown)."""
    text = " ".join(text.split())
    if len(text) <= MAX_COMPARISON_CHARS:
        return text
    return text[:MAX_COMPARISON_CHARS].rsplit(" ", 1)[0] + "…"
