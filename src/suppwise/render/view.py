"""Presentation helpers shared by the text, markdown and HTML renderers, so the three views say
the same thing in the same words."""

from __future__ import annotations

from dataclasses import dataclass

from suppwise.evidence.names import mid_sentence
from suppwise.questions.answer_model import Answer, MechanismOut, VerdictOut
from suppwise.reasoning.condition_overview import DIRECTION_WORDS, ConditionOverview, ConditionRow

ANSWER_WORDS = {"yes": "Yes", "no": "No", "unclear": "Unclear"}
# The badge of a verdict given in place of a goal the base lacks: it answers a neighbouring question, so no
# yes or no stands above it ("magnesium for fibro cramps" shows the verdict on pain in fibromyalgia).
RELATED_WORD = "Related"


def answer_word(verdict: VerdictOut) -> str:
    """The word on a verdict's badge: its yes, no or unclear, or "Related" when it stands in for a goal."""
    return RELATED_WORD if verdict.stands_in_for else ANSWER_WORDS.get(verdict.answer, verdict.answer.capitalize())

# What a path does to an outcome, worded by the outcome's orientation: easing pain, improving mood.
EFFECT_VERBS = {
    ("helps", False): "would ease",
    ("worsens", False): "would worsen",
    ("helps", True): "would improve",
    ("worsens", True): "would lower",
}
MAX_SHOWN_MECHANISMS = 6


@dataclass(frozen=True)
class EvidenceGroup:
    """One finding with every source behind it (the JSON lists one row per source)."""

    finding: str
    design: str
    scope: str
    certainty: str
    sources: tuple[str, ...]


def name(answer: Answer, entity_id: str | None) -> str:
    if not entity_id:
        return ""
    return answer.names.get(entity_id, entity_id)


def mid_name(answer: Answer, entity_id: str | None) -> str:
    """The display name as it reads inside a sentence ("vitamin D", "SAMe", "fibromyalgia")."""
    return mid_sentence(name(answer, entity_id))


def read_as_line(read_as: dict[str, str]) -> str:
    """How the answer says which misspelt words it read as which ("Read 'dosege' as 'dosage'.")."""
    return "Read " + ", ".join(f"'{typed}' as '{meant}'" for typed, meant in read_as.items()) + "."


def certainty_label(certainty: str | None) -> str:
    return certainty.replace("_", " ") if certainty else "none"


def verdict_subject(answer: Answer, verdict: VerdictOut) -> str:
    where = f" in {mid_name(answer, verdict.condition)}" if verdict.condition else ""
    return f"{name(answer, verdict.substance)} → {mid_name(answer, verdict.outcome)}{where}"


def mechanism_effect(answer: Answer, mechanism: MechanismOut) -> str:
    outcome = mid_name(answer, mechanism.outcome)
    # a process asked about ("what does glutamine do to the gut lining") has no better direction, so a
    # path is worded by what it does: "would raise intestinal barrier integrity", never "would worsen"
    # it because an unoriented process counts as higher-is-worse (fifth try-out)
    if mechanism.outcome in answer.entities.get("process", ()):
        return f"{'would raise' if mechanism.sign == '+' else 'would lower'} {outcome}"
    # a raising path that helps means higher is better for this outcome
    higher_is_better = (mechanism.sign == "+") == (mechanism.effect == "helps")
    verb = EFFECT_VERBS.get((mechanism.effect, higher_is_better), mechanism.effect)
    return f"{verb} {outcome}"


def shown_mechanisms(answer: Answer) -> tuple[list[MechanismOut], int]:
    """The shortest, surest paths first; the rest are counted, not hidden silently."""
    shown = answer.mechanisms[:MAX_SHOWN_MECHANISMS]
    return shown, len(answer.mechanisms) - len(shown)


def grouped_evidence(answer: Answer) -> list[EvidenceGroup]:
    groups: dict[tuple[str, bool | None, str | None], EvidenceGroup] = {}
    order: list[tuple[str, bool | None, str | None]] = []
    for item in answer.evidence:
        key = (item.finding_id, item.direct, item.certainty)
        if key not in groups:
            order.append(key)
            groups[key] = EvidenceGroup(
                finding=item.finding,
                design=item.study_type_label,
                scope="direct" if item.direct else "indirect",
                certainty=certainty_label(item.certainty),
                sources=(item.source,),
            )
        else:
            group = groups[key]
            groups[key] = EvidenceGroup(
                group.finding, group.design, group.scope, group.certainty, (*group.sources, item.source)
            )
    return [groups[key] for key in order]


def mechanism_sources(mechanism: MechanismOut) -> list[str]:
    """Every source behind any link of the path, in order of first use."""
    return list(dict.fromkeys(source for step in mechanism.steps for source in step.sources))


def overview_header(overview: ConditionOverview) -> list[str]:
    """The condition-first table's column titles (text and Markdown share them)."""
    names = {c.outcome: c.outcome_name for row in overview.rows for c in row.cells}
    return ["Supplement", *(names.get(o, o) for o in overview.outcomes),
            "For you" if overview.personal else "Key cautions", "Studied dose"]


def overview_row(overview: ConditionOverview, row: ConditionRow) -> list[str]:
    """One row of the condition-first table as plain strings."""
    cells = {c.outcome: c for c in row.cells}
    shown = [
        f"{DIRECTION_WORDS.get(c.direction, c.direction)}, {(c.certainty or 'no').replace('_', ' ')}"
        f"{'' if c.direct else ' (indirect)'}" if (c := cells.get(o)) else "—"
        for o in overview.outcomes
    ]
    if row.screen_level:
        reasons = f": {'; '.join(row.screen_reasons)}" if row.screen_reasons else ""
        caution = row.screen_level.replace("_", " ") + reasons
    else:
        caution = "; ".join(row.cautions) or "none recorded"
    return [row.name, *shown, caution, row.studied_doses[0].regimen if row.studied_doses else "—"]
