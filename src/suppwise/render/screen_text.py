"""Screen → a readable terminal page (Rich). Everything a person typed is shown as plain Text, never
as markup, so a profile term such as "[bold]" prints as written."""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.text import Text

from suppwise.render.rich_parts import LEVEL_STYLE, crisis_panel, heading, leveled_line, reference_lines
from suppwise.safety.screen_model import DoseCheck, Screen

LEVEL_WORDS = {"avoid": "AVOID", "caution": "CAUTION", "no_known_issue": "NO KNOWN ISSUE"}


def _bullet(text: str, *, style: str = "") -> Text:
    return Text(f"• {text}", style=style)


def _dose(check: DoseCheck) -> list[RenderableType]:
    parts: list[RenderableType] = [heading("Your dose")]
    line = Text(f"• {check.understood}: ")
    line.append(check.status.replace("_", " "), style=LEVEL_STYLE.get(check.level, ""))
    parts.append(line)
    parts.append(Text(f"  {check.why}"))
    if check.studied_range:
        r = check.studied_range
        parts.append(Text(f"  Studied by mouth: {r.low:g}-{r.high:g} {r.unit}", style="dim"))
    for note in check.notes:
        parts.append(Text(f"  {note}", style="dim"))
    if check.sources:
        parts.append(Text(f"  sources: {', '.join(check.sources)}", style="dim"))
    return parts


def screen_summary_renderable(screen: Screen, *, said: str = "") -> RenderableType:
    """The short form used inside an answer: level, summary (unless the answer `said` it already)
    and the reasons for this person."""
    title = Text()
    title.append(f" {LEVEL_WORDS[screen.level]} ", style=LEVEL_STYLE[screen.level] + " reverse")
    title.append(f"  {screen.substance_name} for you", style="bold")
    parts: list[RenderableType] = [title]
    if screen.summary != said:
        parts.append(Text(screen.summary))
    for reason in screen.reasons:
        line = Text("• ")
        line.append(reason.level.upper(), style=LEVEL_STYLE[reason.level])
        line.append(f" {reason.entity_name}")
        if reason.grade:
            line.append(f" ({reason.grade})")
        if reason.matched_term and reason.matched_term != reason.entity_name:
            line.append(f" (you wrote {reason.matched_term!r})", style="dim")
        line.append(f": {reason.why}")
        if reason.sources:
            line.append(f" [{', '.join(reason.sources)}]", style="dim")
        parts.append(line)
    return Group(*parts)


def screen_renderable(screen: Screen) -> RenderableType:
    parts: list[RenderableType] = []
    if screen.crisis:
        parts.append(crisis_panel(screen.crisis_message or "", screen.crisis_resources))
    parts.append(screen_summary_renderable(screen))
    mechanisms = [r for r in screen.reasons if r.mechanism]
    if mechanisms:
        parts.append(heading("How it could happen"))
        parts.extend(_bullet(f"{r.entity_name}: {r.mechanism}") for r in mechanisms)
    if screen.dose_check:
        parts.extend(_dose(screen.dose_check))
    if screen.recognised:
        parts.append(heading("What suppwise understood"))
        for term in screen.recognised:
            how = "read as" if term.close_match else "is"
            said = f"• {term.term!r} {how} {term.name}"
            if term.close_match:
                said += " (a close spelling; correct it if that is wrong)"
            if term.note:
                said += f"; {term.note}"
            parts.append(Text(said))
    if screen.unknown:
        parts.append(heading("Not recognised"))
        for unknown in screen.unknown:
            close = f" Did you mean: {', '.join(unknown.suggestions)}?" if unknown.suggestions else ""
            parts.append(_bullet(f"{unknown.term!r} ({unknown.field}): {unknown.message}.{close}"))
    if screen.general_cautions:
        parts.append(heading("General cautions (not matched to you, still worth reading)"))
        parts.extend(
            leveled_line(c.level, f"{c.entity_name}{f' ({c.grade})' if c.grade else ''}: {c.why}", c.sources)
            for c in screen.general_cautions
        )
    parts.extend(reference_lines(screen.references))
    parts.append(Text("\n" + screen.disclaimer, style="italic"))
    return Group(*parts)


def render_screen_text(screen: Screen, *, width: int = 100) -> str:
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, highlight=False).print(screen_renderable(screen))
    return buffer.getvalue()
