"""Answer → Markdown, for pasting into notes or sharing with a clinician. Crisis resources, when
present, come first; the disclaimer always comes last."""

from __future__ import annotations

from suppwise.questions.answer_model import Answer, VerdictOut
from suppwise.reasoning.condition_overview import ConditionOverview
from suppwise.render.view import (
    answer_word,
    certainty_label,
    grouped_evidence,
    mechanism_effect,
    mechanism_sources,
    overview_header,
    overview_row,
    read_as_line,
    shown_mechanisms,
    verdict_subject,
)


def verdict_line(answer: Answer, verdict: VerdictOut) -> str:
    return (
        f"{answer_word(verdict)} — direction: {verdict.direction.replace('_', ' ')}, "
        f"certainty: {certainty_label(verdict.certainty)} ({verdict_subject(answer, verdict)})"
        + (f", in place of '{verdict.stands_in_for}', which the base does not hold" if verdict.stands_in_for else "")
    )


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def _escape_inline(text: str) -> str:
    """User text on one line with Markdown and HTML special characters neutralised."""
    flat = " ".join(text.split())
    return "".join(f"\\{ch}" if ch in "\\`*_{}[]()#+-.!|>" else ch for ch in flat).replace("<", "&lt;")


def render_markdown(answer: Answer) -> str:
    out: list[str] = []
    if answer.crisis:
        out.append("> **If you are in crisis, get help now.** " + (answer.crisis_message or ""))
        for resource in answer.crisis_resources:
            out.append(f"> - **{resource.name}** ({resource.region}): {resource.contact}")
        out.append("")
    out.append(f"# {_escape_inline(answer.question)}")
    out.append("")
    if answer.read_as:
        out.append(f"*{_escape_inline(read_as_line(answer.read_as))}*")
        out.append("")
    for verdict in answer.verdicts:
        out.append(f"**Verdict:** {verdict_line(answer, verdict)}")
    if answer.verdicts:
        out.append("")
    out.append(answer.summary)
    out.append("")
    if answer.support:
        out.append(f"*{answer.support}*")
        out.append("")
    for screen in answer.screens:
        out.append(f"## For you: {screen.substance_name} — {screen.level.replace('_', ' ')}")
        if screen.summary != answer.summary:
            out.append(_escape_inline(screen.summary))
        for reason in screen.reasons:
            sources = f" [{', '.join(reason.sources)}]" if reason.sources else ""
            grade = f" ({reason.grade})" if reason.grade else ""
            out.append(
                f"- **{reason.level}** — {_escape_inline(reason.entity_name)}{grade}: "
                f"{_escape_inline(reason.why)}{sources}"
            )
        out.append("")
    if answer.key_points:
        out.append("## Key points")
        out.extend(f"- {point}" for point in answer.key_points)
        out.append("")
    shown, hidden = shown_mechanisms(answer)
    if shown:
        out.append("## Mechanisms")
        for mechanism in shown:
            out.append(
                f"- {mechanism.text} — {mechanism_effect(answer, mechanism)} "
                f"({certainty_label(mechanism.certainty)} certainty) [{', '.join(mechanism_sources(mechanism))}]"
            )
        if hidden:
            out.append(f"- … and {hidden} longer path(s) (see the JSON form)")
        out.append("")
    groups = grouped_evidence(answer)
    if groups:
        out.append("## Evidence, strongest design first")
        for group in groups:
            out.append(
                f"- *{group.design}* ({group.scope}; {group.certainty}): {group.finding} [{', '.join(group.sources)}]"
            )
        out.append("")
    for section in answer.sections:
        out.append(f"## {section.title}")
        out.extend(f"- {item}" for item in section.items)
        if section.sources:
            out.append(f"  Sources: {', '.join(section.sources)}")
        out.append("")
    for comparison in answer.comparisons:
        out.append(f"## {comparison.goal}")
        out.append("| Option | Mechanism | Target | Strength of research | Risks | Sources |")
        out.append("| --- | --- | --- | --- | --- | --- |")
        for row in comparison.rows:
            cells = (row.name, row.mechanism, row.target, row.research_strength, row.risks, ", ".join(row.sources))
            out.append("| " + " | ".join(_escape(c) for c in cells) + " |")
        out.append("")
    if answer.overview is not None and answer.overview.rows:
        out.extend(_overview_lines(answer.overview))
    if answer.cautions:
        out.append("## Who should be careful")
        for caution in answer.cautions:
            out.append(f"- **{caution.level}** — {caution.reason} [{', '.join(caution.sources)}]")
        out.append("")
    if answer.references:
        out.append("## References")
        for ref in answer.references:
            link = f" <{ref.url}>" if ref.url else ""
            flag = "" if ref.verification == "verified" else f" (identity {ref.verification}ly verified)"
            out.append(f"- [{ref.id}] {ref.citation}{link}{flag}")
        out.append("")
    out.append(f"---\n*{answer.disclaimer}*")
    return "\n".join(out) + "\n"


def _overview_lines(overview: ConditionOverview) -> list[str]:
    """The condition-first table as Markdown."""
    header = overview_header(overview)
    out = [f"## {overview.condition_name}: supplements with evidence, strongest first", ""]
    out.append("| " + " | ".join(header) + " |")
    out.append("|" + " --- |" * len(header))
    out.extend("| " + " | ".join(_escape(c) for c in overview_row(overview, row)) + " |" for row in overview.rows)
    out.extend(["", overview.note, ""])
    return out
