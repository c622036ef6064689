"""CombinationCheck → a readable terminal page (Rich): the interacting pairs first, most severe first,
because that is what the person came to learn, then each supplement's screen in its short form.
What a person typed is plain Text, never markup."""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from suppwise.render.rich_parts import LEVEL_STYLE, crisis_panel, heading, reference_lines
from suppwise.render.screen_text import LEVEL_WORDS, screen_summary_renderable
from suppwise.safety.combination_model import CombinationCheck, InteractingPair


def _who(pair: InteractingPair) -> Text:
    text = Text(f"{pair.first_name} + {pair.second_name}")
    notes = []
    words = [w for w in pair.matched_terms if w.lower() != pair.second_name.lower()]
    if words:
        notes.append("you wrote " + ", ".join(repr(w) for w in words))
    if pair.close_match:
        notes.append("a close spelling; correct it if that is wrong")
    if pair.recorded_with not in (pair.first, pair.second):
        notes.append(f"recorded for {pair.recorded_with_name}")
    if notes:
        text.append(f" ({'; '.join(notes)})", style="dim")
    return text


_ACTION_WORDS = {"avoid": "avoid", "monitor": "monitor", "tell_prescriber": "tell your prescriber"}


def action_words(pair: InteractingPair) -> str:
    """The recorded actions in a few words ("avoid, tell your prescriber"; "separate by 4 h"): the
    full advice is in the screen of the pair's first supplement, below the table."""
    words = []
    for action in pair.actions:
        if action == "separate" and pair.separate_hours is not None:
            words.append(f"separate by {pair.separate_hours:g} h")
        else:
            words.append(_ACTION_WORDS.get(action, action.replace("_", " ")))
    return ", ".join(words)


def pairs_table(pairs: list[InteractingPair]) -> Table:
    """One row per pair: severity (with the screen's word), the two things, evidence level and what
    to do in a few words."""
    table = Table("severity", "together", "evidence", "what to do")
    for pair in pairs:
        severity = Text(pair.severity.upper(), style=LEVEL_STYLE.get(pair.level, ""))
        severity.append(f" ({LEVEL_WORDS[pair.level].lower()})", style="dim")
        table.add_row(severity, _who(pair), Text(pair.evidence_level), Text(action_words(pair)))
    return table


def combination_renderable(check: CombinationCheck) -> RenderableType:
    parts: list[RenderableType] = []
    if check.crisis:
        parts.append(crisis_panel(check.crisis_message or "", check.crisis_resources))
    title = Text()
    title.append(f" {LEVEL_WORDS[check.level]} ", style=LEVEL_STYLE[check.level] + " reverse")
    title.append(f"  {', '.join(check.substance_names)} together, for you", style="bold")
    parts.extend([title, Text(check.summary)])
    parts.append(heading("Interacting pairs (most severe first)"))
    if check.pairs:
        parts.append(pairs_table(check.pairs))
    else:
        parts.append(Text("None recorded among what you listed. That is not proof that none exists."))
    parts.append(heading("Each supplement"))
    for one in check.screens:
        parts.append(Text(""))
        parts.append(screen_summary_renderable(one))
        if one.general_cautions:
            names = ", ".join(dict.fromkeys(c.entity_name for c in one.general_cautions))
            parts.append(Text(f"  General cautions not matched to you: {names}.", style="dim"))
    if check.unknown:
        parts.append(heading("Not recognised"))
        for unknown in check.unknown:
            close = f" Did you mean: {', '.join(unknown.suggestions)}?" if unknown.suggestions else ""
            parts.append(Text(f"• {unknown.term!r} ({unknown.field}): {unknown.message}.{close}"))
    parts.extend(reference_lines(check.references))
    parts.append(Text("\n" + check.disclaimer, style="italic"))
    return Group(*parts)


def render_combination_text(check: CombinationCheck, *, width: int = 100) -> str:
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, highlight=False).print(combination_renderable(check))
    return buffer.getvalue()
