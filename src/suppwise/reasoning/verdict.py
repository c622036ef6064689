"""Verdicts: what the evidence says about a substance's effect on an outcome in a condition.

The rules (docs/reasoning.md) in short:
1. Human evidence in the condition asked about (direct evidence) decides the direction when it
   exists; each piece is graded from its design down for its concerns, conflicting direct
   evidence costs a level (inconsistency), and a split with no clear majority is `mixed`.
2. With no direct evidence, indirect evidence (other conditions, animals) and mechanism paths can
   only ever give `very_low` certainty: they agree on a direction, or the verdict is `mixed`.
3. No sources, no verdict: with nothing at all the result is `NO_EVIDENCE`, never a guess.
4. "Yes" or "no" needs at least low certainty and a clear direction; otherwise "unclear".
5. A finding of no clear effect (a trend, an interval that includes no effect) counts as neither
   benefit, harm nor "no effect": its direction is `unknown`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import ConcernKind, Effect, EntityKind, Finding, FindingConcern, Sign
from suppwise.reasoning.grading import Certainty, Grade, grade_sources
from suppwise.reasoning.paths import MechanismPath, find_paths

MAJORITY = 0.75
# A result that could not be told apart from no effect is imprecise by definition (GRADE rates
# such results down for imprecision, on top of a small sample: "very serious imprecision").
NO_CLEAR_EFFECT_CONCERN = FindingConcern(
    kind=ConcernKind.IMPRECISION, note="no clear effect: the result could not be told apart from none"
)


class Direction(StrEnum):
    HELPS = "helps"
    WORSENS = "worsens"
    NO_EFFECT = "no_effect"
    MIXED = "mixed"
    UNKNOWN = "unknown"


class Reply(StrEnum):
    YES = "yes"
    NO = "no"
    UNCLEAR = "unclear"


class VerdictCode(StrEnum):
    DIRECT_EVIDENCE = "DIRECT_EVIDENCE"
    INDIRECT_EVIDENCE_ONLY = "INDIRECT_EVIDENCE_ONLY"
    NO_EVIDENCE = "NO_EVIDENCE"


@dataclass(frozen=True)
class GradedFinding:
    """A finding graded for the question asked. Human and animal sources of one claim are graded
    apart (`sources`), because only the human part can be direct evidence."""

    finding: Finding
    sources: tuple[str, ...]
    direction: Direction
    grade: Grade
    direct: bool


@dataclass(frozen=True)
class Verdict:
    substance: str
    outcome: str
    condition: str | None
    asked: Direction
    direction: Direction
    certainty: Certainty | None
    answer: Reply
    code: VerdictCode
    reasons: tuple[str, ...]
    evidence: tuple[GradedFinding, ...]
    paths: tuple[MechanismPath, ...]


def orient(base: EvidenceBase, outcome: str, raises: bool) -> Direction:
    """Raising an outcome helps when higher is better (mood) and worsens otherwise (pain)."""
    entity = base.entities.get(outcome)
    higher_is_better = bool(entity and entity.higher_is_better)
    return Direction.HELPS if raises == higher_is_better else Direction.WORSENS


def _effect_direction(base: EvidenceBase, finding: Finding, outcome: str) -> Direction | None:
    if finding.effect is Effect.INCREASES:
        return orient(base, outcome, raises=True)
    if finding.effect is Effect.DECREASES:
        return orient(base, outcome, raises=False)
    if finding.effect is Effect.NO_EFFECT:
        return Direction.NO_EFFECT
    if finding.effect is Effect.NO_CLEAR_EFFECT:
        return Direction.UNKNOWN
    return None


def recorded_indirectness(finding: Finding) -> str | None:
    """The curator's note when a finding's population only partly matches its own context (a
    mixed sample, say): such a finding is graded lower and never counts as direct evidence."""
    return next((c.note for c in finding.concerns if c.kind is ConcernKind.INDIRECTNESS), None)


def relevant_findings(
    base: EvidenceBase, substance: str, outcome: str, condition: str | None
) -> tuple[GradedFinding, ...]:
    """Findings of the substance acting on the outcome (or on a condition measured by it)."""
    graded = []
    for finding in base.findings_by_subject.get(substance, ()):
        context = finding.context
        target = base.entities.get(finding.object)
        if finding.object != outcome:
            if target is None or target.kind is not EntityKind.CONDITION or target.outcome != outcome:
                continue
            context = context or finding.object
        direction = _effect_direction(base, finding, outcome)
        if direction is None:
            continue
        indirect = _indirectness(base, context, condition)
        recorded = recorded_indirectness(finding)
        concerns = finding.concerns
        if finding.effect is Effect.NO_CLEAR_EFFECT:
            concerns = (*concerns, NO_CLEAR_EFFECT_CONCERN)
        all_sources = [base.sources[s] for s in finding.sources]
        for humans in (True, False):
            sources = [s for s in all_sources if s.humans is humans]
            if not sources:
                continue
            grade = grade_sources(sources, indirect=indirect, recorded=concerns)
            ids = tuple(s.id for s in sources)
            direct = humans and indirect is None and recorded is None
            graded.append(GradedFinding(finding, ids, direction, grade, direct=direct))
    graded.sort(key=lambda g: (not g.direct, -int(g.grade.certainty)))
    return tuple(graded)


def _indirectness(base: EvidenceBase, context: str | None, condition: str | None) -> str | None:
    """Why a finding's population differs from the question's, or None when it matches.

    A question that names no condition asks about people in general, so a study confined to one
    disease (sickle cell pain crises, a transplant ward) is indirect for it too.
    """
    if condition is None:
        return f"studied only in {base.name(context)}" if context else None
    if context != condition:
        where = base.name(context) if context else "a general population"
        return f"studied in {where}, not {base.name(condition)}"
    return None


def _weighted_direction(items: list[tuple[Direction, Certainty]]) -> Direction:
    weights: dict[Direction, float] = {}
    for direction, certainty in items:
        weights[direction] = weights.get(direction, 0.0) + 3.0 ** (int(certainty) - 1)
    total = sum(weights.values())
    top = max(weights, key=lambda d: weights[d])
    return top if weights[top] / total >= MAJORITY else Direction.MIXED


def _reply(asked: Direction, direction: Direction, certainty: Certainty | None) -> Reply:
    if certainty is None or certainty < Certainty.LOW or direction in (Direction.MIXED, Direction.UNKNOWN):
        return Reply.UNCLEAR
    return Reply.YES if direction is asked else Reply.NO


def _path_direction(base: EvidenceBase, path: MechanismPath, outcome: str) -> Direction:
    return orient(base, outcome, raises=path.sign is Sign.RAISES)


def judge(
    base: EvidenceBase,
    substance: str,
    outcome: str,
    condition: str | None = None,
    asked: Direction = Direction.HELPS,
) -> Verdict:
    """The verdict for (substance, outcome, condition), answering "does it <asked>?"."""
    evidence = relevant_findings(base, substance, outcome, condition)
    paths = find_paths(base, substance, outcome)
    outcome_name = base.name(outcome).lower()
    subject_name = base.name(substance)
    where = f" in {base.name(condition)}" if condition else ""
    reasons: list[str] = []
    direct = [g for g in evidence if g.direct]
    certainty: Certainty | None
    if direct:
        code = VerdictCode.DIRECT_EVIDENCE
        direction = _weighted_direction([(g.direction, g.grade.certainty) for g in direct])
        if direction is Direction.MIXED:
            certainty = max(g.grade.certainty for g in direct).lowered(1)
            reasons.append(f"Human studies of {subject_name} and {outcome_name}{where} disagree.")
        else:
            agreeing = [g for g in direct if g.direction is direction]
            certainty = max(g.grade.certainty for g in agreeing)
            opposing = [g for g in direct if g.direction is not direction]
            if opposing:
                certainty = certainty.lowered(1)
                unclear = sum(g.direction is Direction.UNKNOWN for g in opposing)
                how = (
                    "found no clear effect"
                    if unclear == len(opposing)
                    else "point another way or found no clear effect"
                    if unclear
                    else "point another way"
                )
                reasons.append(f"{_count(len(opposing), 'direct finding')} {how} (inconsistency).")
            reasons.append(
                f"{_count(len(agreeing), 'human finding')}{where} say {subject_name} {_verb(direction)} {outcome_name}."
            )
        for g in direct:
            for concern, detail in g.grade.concerns:
                reasons.append(f"Certainty lowered for {concern.value}: {detail}.")
    else:
        indirect_dirs = [g.direction for g in evidence]
        path_dirs = [_path_direction(base, p, outcome) for p in paths]
        if not indirect_dirs and not path_dirs:
            unsigned = [
                f.id
                for f in base.findings_by_subject.get(substance, ())
                if f.effect is Effect.ASSOCIATED_WITH and f.object == outcome
            ]
            why = (
                f"No study and no mechanism shows which way {subject_name} affects {outcome_name}{where}; the "
                f"evidence base records only an association of unstated direction ({', '.join(unsigned)})."
                if unsigned
                else f"The evidence base has no study and no mechanism linking {subject_name} to {outcome_name}{where}."
            )
            return Verdict(
                substance,
                outcome,
                condition,
                asked,
                Direction.UNKNOWN,
                None,
                Reply.UNCLEAR,
                VerdictCode.NO_EVIDENCE,
                (why,),
                (),
                (),
            )
        code = VerdictCode.INDIRECT_EVIDENCE_ONLY
        certainty = Certainty.VERY_LOW
        # a finding of no clear effect says nothing about which way: it is reported, not counted
        direction = _common_direction({d for d in indirect_dirs if d is not Direction.UNKNOWN} | set(path_dirs))
        partial = [
            note
            for g in evidence
            if (note := recorded_indirectness(g.finding)) is not None
            and all(base.sources[s].humans for s in g.sources)
            and _indirectness(base, g.finding.context, condition) is None
        ]
        if partial:
            reasons.append(
                f"No study has tested {subject_name} for {outcome_name}{where} directly in people; "
                f"the human evidence is indirect: {'; '.join(dict.fromkeys(partial))}."
            )
        else:
            reasons.append(f"No study has tested {subject_name} for {outcome_name}{where} in people.")
        if indirect_dirs:
            summary = _count_directions(indirect_dirs)
            reasons.append(f"Indirect studies (other settings or populations, or animals): {summary}.")
        if path_dirs:
            reasons.append(f"Mechanism paths: {_count_directions(path_dirs)}.")
        reasons.append("Indirect evidence and mechanisms alone cannot give more than very low certainty.")
    answer = _reply(asked, direction, certainty)
    return Verdict(
        substance,
        outcome,
        condition,
        asked,
        direction,
        certainty,
        answer,
        code,
        tuple(dict.fromkeys(reasons)),
        evidence,
        paths,
    )


def _common_direction(directions: set[Direction]) -> Direction:
    """The one direction all agree on, `mixed` when they differ, `unknown` when there is none."""
    if not directions:
        return Direction.UNKNOWN
    return directions.pop() if len(directions) == 1 else Direction.MIXED


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _verb(direction: Direction) -> str:
    return {
        Direction.HELPS: "improves",
        Direction.WORSENS: "worsens",
        Direction.NO_EFFECT: "does not change",
        Direction.MIXED: "has mixed effects on",
        Direction.UNKNOWN: "has no clear effect on",
    }[direction]


def _count_directions(directions: list[Direction]) -> str:
    counts: dict[Direction, int] = {}
    for direction in directions:
        counts[direction] = counts.get(direction, 0) + 1
    singular = {
        Direction.HELPS: "suggests benefit",
        Direction.WORSENS: "suggests harm",
        Direction.NO_EFFECT: "shows no effect",
        Direction.UNKNOWN: "found no clear effect",
    }
    plural = {
        Direction.HELPS: "suggest benefit",
        Direction.WORSENS: "suggest harm",
        Direction.NO_EFFECT: "show no effect",
        Direction.UNKNOWN: "found no clear effect",
    }
    return ", ".join(f"{n} {(singular if n == 1 else plural).get(d, d.value)}" for d, n in sorted(counts.items()))
