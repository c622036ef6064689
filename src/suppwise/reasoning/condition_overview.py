"""Condition first: which supplements the evidence base can say something about for one condition,
ranked, with each one's verdict per outcome, its key cautions and the doses studied.

"What supplements help fibromyalgia?" and "what can I take for depression besides my SSRI?" start
from the condition, not from a supplement. The table is built from the same verdicts `ask` gives
(`reasoning.verdict.judge`), so the two can never disagree; with a profile (the medicines named in
the question count as one), each row carries that person's screen.

Ranking (docs/reasoning.md, "Condition overviews"):
1. a row whose screen for this person says avoid goes last, whatever its evidence, marked as such;
2. then rows with a verdict from human studies in the condition itself (direct evidence) before rows
   resting on indirect evidence or mechanisms only;
3. then by the best "helps" verdict's certainty (high, moderate, low, very low), a row with no
   helpful verdict after those with one;
4. then a row whose direct evidence also shows harm on some outcome after one that shows none;
5. then by name.
Rows are the substances a person could take: those the base records a dose for, or compares as an
option for the condition. Substances studied as triggers (MSG, aspartame) are not rows.
The certainty is GRADE's, as everywhere: a rank says where the evidence is strongest, never what
to take.
"""

from __future__ import annotations

from typing import Final

from suppwise.contract import Model
from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.names import mid_sentence, normalise
from suppwise.evidence.schema import EntityKind
from suppwise.reasoning.verdict import Direction, Verdict, VerdictCode, judge
from suppwise.safety.cautions import substance_cautions
from suppwise.safety.screen import ResolvedProfile, screen

MAX_OUTCOMES: Final = 4
MAX_CAUTIONS: Final = 3
_LEVEL_RANK: Final = {"avoid": 2, "caution": 1}


class OutcomeCell(Model):
    """The verdict on one outcome: its direction, GRADE certainty and whether it rests on human
    studies in the condition itself."""

    outcome: str
    outcome_name: str
    direction: str
    certainty: str | None
    direct: bool
    sources: list[str]


class StudiedDoseRef(Model):
    regimen: str
    setting: str


class ConditionRow(Model):
    substance: str
    name: str
    cells: list[OutcomeCell]
    cautions: list[str]  # the most severe recorded cautions, e.g. "avoid: bipolar disorder"
    screen_level: str | None  # this person's screen, when a profile was given
    screen_reasons: list[str]
    studied_doses: list[StudiedDoseRef]


class ConditionOverview(Model):
    condition: str
    condition_name: str
    outcomes: list[str]
    focus: str | None
    rows: list[ConditionRow]
    personal: bool
    note: str


def condition_outcomes(base: EvidenceBase, condition: str, focus: str | None = None) -> list[str]:
    """The outcomes the condition is judged on: the one asked about (`focus`), the one its symptoms
    are measured by, then those that studies in the condition measured, most studied first."""
    measured = focus or base.entities[condition].outcome
    counts: dict[str, int] = {}
    for findings in base.findings_by_subject.values():
        for finding in findings:
            target = base.entities.get(finding.object)
            if finding.context == condition and target is not None and target.kind is EntityKind.OUTCOME:
                counts[finding.object] = counts.get(finding.object, 0) + 1
    ranked = sorted(counts, key=lambda o: (-counts[o], o))
    out = ([measured] if measured else []) + [o for o in ranked if o != measured]
    return out[:MAX_OUTCOMES]


def _candidates(base: EvidenceBase, condition: str) -> list[str]:
    """Substances a person could take (a dose is recorded) with a finding in the condition, and those
    compared as options for it in the base's comparisons."""
    dosed = {record.substance for record in base.dosing}
    found = {
        subject
        for subject, findings in base.findings_by_subject.items()
        if subject in dosed
        and base.entities.get(subject) is not None
        and base.entities[subject].kind is EntityKind.SUBSTANCE
        and any(f.context == condition for f in findings)
    }
    for comparison in base.comparisons:
        if comparison.condition == condition:
            found.update(
                o.substance for o in comparison.options
                if o.substance in base.entities and base.entities[o.substance].kind is EntityKind.SUBSTANCE
            )
    return sorted(found)


def _cell(base: EvidenceBase, verdict: Verdict) -> OutcomeCell:
    return OutcomeCell(
        outcome=verdict.outcome,
        outcome_name=base.name(verdict.outcome),
        direction=verdict.direction.value,
        certainty=verdict.certainty.label if verdict.certainty else None,
        direct=verdict.code is VerdictCode.DIRECT_EVIDENCE,
        sources=list(dict.fromkeys(s for g in verdict.evidence for s in g.sources)),
    )


def _studied_doses(base: EvidenceBase, substance: str, condition: str) -> list[StudiedDoseRef]:
    """Doses studied in the condition (matched by its name or synonyms in the study's setting)."""
    entity = base.entities[condition]
    names = {normalise(n) for n in (entity.name, *entity.synonyms)}
    out: list[StudiedDoseRef] = []
    for record in base.for_substance(base.dosing, substance):
        for studied in record.studied:
            setting = normalise(studied.setting)
            if any(f" {n} " in f" {setting} " for n in names if n):
                out.append(StudiedDoseRef(regimen=studied.regimen, setting=studied.setting))
    return out[:2]


def _recorded_cautions(base: EvidenceBase, substance: str) -> list[str]:
    cautions = sorted(
        substance_cautions(base, substance), key=lambda c: (-_LEVEL_RANK.get(c.level.value, 0), c.subject)
    )
    return [f"{c.level.value}: {c.subject}" for c in cautions[:MAX_CAUTIONS]]


# Certainty labels, most certain first: the order both this overview and the list of supplements studied
# for a symptom (questions/studied_for.py) rank by.
CERTAINTY_ORDER: Final = ("high", "moderate", "low", "very_low")
DIRECTION_WORDS: Final = {
    "helps": "helps",
    "worsens": "worsens",
    "no_effect": "no effect",
    "mixed": "mixed evidence",
    "unknown": "no clear effect",
}


def _screen_reason(subject: str, matched: str | None) -> str:
    """"Antidepressants, which covers your SSRIs": the recorded subject, and what reached it."""
    short = matched.split(" (")[0] if matched else None
    return f"{subject}, which covers your {short}" if short and short.lower() != subject.lower() else subject


def _rank(row: ConditionRow, focus: str | None) -> tuple[bool, bool, int, bool, str]:
    cells = [c for c in row.cells if c.outcome == focus] if focus else row.cells
    helps = [c for c in cells if c.direction == Direction.HELPS.value and c.certainty]
    order = CERTAINTY_ORDER
    best = min((order.index(c.certainty) for c in helps if c.certainty in order), default=len(order))
    harm = any(c.direct and c.direction == Direction.WORSENS.value for c in row.cells)
    return (row.screen_level == "avoid", not any(c.direct for c in cells), best, harm, row.name.lower())


def condition_overview(
    base: EvidenceBase,
    condition: str,
    profile: ResolvedProfile | None = None,
    *,
    focus: str | None = None,
) -> ConditionOverview:
    """The ranked table for one condition; `focus` ranks by one outcome ("fibro fatigue")."""
    outcomes = condition_outcomes(base, condition, focus)
    rows: list[ConditionRow] = []
    for substance in _candidates(base, condition):
        verdicts = [judge(base, substance, outcome, condition) for outcome in outcomes]
        cells = [_cell(base, v) for v in verdicts if v.code is not VerdictCode.NO_EVIDENCE]
        if not cells:
            continue
        screened = screen(base, profile, substance) if profile is not None else None
        rows.append(
            ConditionRow(
                substance=substance,
                name=base.name(substance),
                cells=cells,
                cautions=_recorded_cautions(base, substance),
                screen_level=screened.level if screened else None,
                screen_reasons=[_screen_reason(r.entity_name, r.matched_term) for r in screened.reasons][:MAX_CAUTIONS]
                if screened
                else [],
                studied_doses=_studied_doses(base, substance, condition),
            )
        )
    rows.sort(key=lambda row: _rank(row, focus))
    name = base.name(condition)
    note = (
        f"Supplements the evidence base can say something about for {mid_sentence(name)}, strongest evidence first "
        "(GRADE certainty; direct means human studies in the condition itself). A rank is not advice to "
        "take anything: check with your doctor or pharmacist."
    )
    return ConditionOverview(
        condition=condition,
        condition_name=name,
        outcomes=outcomes,
        focus=focus,
        rows=rows,
        personal=profile is not None,
        note=note,
    )
