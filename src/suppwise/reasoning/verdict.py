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

import re
from dataclasses import dataclass
from enum import StrEnum

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.names import mid_sentence
from suppwise.evidence.schema import ConcernKind, Effect, EntityKind, Finding, FindingConcern, Sign
from suppwise.reasoning.grading import Certainty, Grade, grade_sources
from suppwise.reasoning.paths import MechanismPath, find_paths
from suppwise.reasoning.symptoms import SYMPTOMS, Relation, Symptom, asked_symptom, names_a_subtype, relation

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
    harm: bool = False
    # a recorded side effect's own words ("Constipation"), so the reasons can name what was reported
    effect_name: str | None = None


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
    # the one side of an opposite pair the question named ("constipation"), when the evidence was
    # weighed for it alone (reasoning/symptoms.py); answers then name it instead of the outcome
    symptom: str | None = None
    # with indirect evidence only, where no study tested it ("in kidney disease", "in the kind of irritable
    # bowel syndrome asked about"): the answer's sentence says so, so that it never reads as a study there
    untested_in: str | None = None


def orient(base: EvidenceBase, outcome: str, raises: bool) -> Direction:
    """Raising an outcome helps when higher is better (mood) and worsens otherwise (pain)."""
    entity = base.entities.get(outcome)
    higher_is_better = bool(entity and entity.higher_is_better)
    return Direction.HELPS if raises == higher_is_better else Direction.WORSENS


def _effect_direction(base: EvidenceBase, finding: Finding, outcome: str) -> Direction | None:
    if finding.effect is Effect.NO_CLEAR_EFFECT:
        return Direction.UNKNOWN
    if finding.effect is Effect.INCREASES:
        return orient(base, outcome, raises=True)
    if finding.effect is Effect.DECREASES:
        return orient(base, outcome, raises=False)
    if finding.effect is Effect.NO_EFFECT:
        return Direction.NO_EFFECT
    return None


def _condition_direction(finding: Finding) -> Direction | None:
    """A finding on a condition itself ("decreases depression"): less of a condition always helps,
    whichever way the outcome it is measured by runs. Oriented by the outcome instead, "decreases
    depression" read as lowering mood, a harm."""
    if finding.effect is Effect.INCREASES:
        return Direction.WORSENS
    if finding.effect is Effect.DECREASES:
        return Direction.HELPS
    return _effect_direction_unsigned(finding)


def _effect_direction_unsigned(finding: Finding) -> Direction | None:
    if finding.effect is Effect.NO_CLEAR_EFFECT:
        return Direction.UNKNOWN
    if finding.effect is Effect.NO_EFFECT:
        return Direction.NO_EFFECT
    return None


def recorded_indirectness(finding: Finding) -> str | None:
    """The curator's note when a finding's population only partly matches its own context (a
    mixed sample, say): such a finding is graded lower and never counts as direct evidence."""
    return next((c.note for c in finding.concerns if c.kind is ConcernKind.INDIRECTNESS), None)


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def _subgroup_fit(finding: Finding, asked: str) -> str | None:
    """None when the finding's subgroup is the one asked about (or it has none); otherwise why it is
    indirect: "another subgroup" when the question names a different one, "a subgroup" otherwise."""
    subgroup = finding.subgroup
    if subgroup is None:
        return None
    padded = f" {asked} "
    if any(f" {_folded(term)} " in padded for term in subgroup.terms):
        return None
    if any(f" {_folded(term)} " in padded for term in subgroup.others):
        return "another subgroup"
    return "a subgroup"


def relevant_findings(
    base: EvidenceBase, substance: str, outcome: str, condition: str | None, asked_text: str = ""
) -> tuple[GradedFinding, ...]:
    """Findings of the substance acting on the outcome (or on a condition measured by it), and the
    recorded side effects that worsen it, each graded for the question asked."""
    asked = _folded(asked_text)
    symptom = asked_symptom(asked, outcome)
    graded = []
    for finding in base.findings_by_subject.get(substance, ()):
        if symptom is not None and _subgroup_relation(symptom, finding) is Relation.OPPOSITE:
            continue  # a trial in diarrhoea-type IBS says nothing about easing constipation
        context = finding.context
        target = base.entities.get(finding.object)
        if finding.object != outcome:
            if target is None or target.kind is not EntityKind.CONDITION or target.outcome != outcome:
                continue
            context = context or finding.object
            direction = _condition_direction(finding)
        else:
            direction = _effect_direction(base, finding, outcome)
        if direction is None:
            continue
        indirect = _indirectness(base, context, condition)
        recorded = recorded_indirectness(finding)
        concerns = finding.concerns
        if finding.effect is Effect.NO_CLEAR_EFFECT:
            concerns = (*concerns, NO_CLEAR_EFFECT_CONCERN)
        fit = _subgroup_fit(finding, asked) if indirect is None else None
        if fit == "another subgroup":
            named = finding.subgroup.name if finding.subgroup else "a subgroup"
            indirect = f"studied only in {named}, another subgroup"
        all_sources = [base.sources[s] for s in finding.sources]
        for humans in (True, False):
            sources = [s for s in all_sources if s.humans is humans]
            if not sources:
                continue
            why = indirect
            if why is None and fit == "a subgroup" and finding.subgroup is not None:
                why = f"studied only in {finding.subgroup.name}, a subgroup of {mid_sentence(base.name(context or ''))}"
            grade = grade_sources(sources, indirect=why, recorded=concerns)
            ids = tuple(s.id for s in sources)
            direct = humans and indirect is None and recorded is None
            graded.append(GradedFinding(finding, ids, direction, grade, direct=direct))
    graded.extend(_harms(base, substance, outcome, condition, symptom, whole=not names_a_subtype(asked)))
    graded.sort(key=lambda g: (not g.direct, -int(g.grade.certainty)))
    return tuple(graded)


def _subgroup_relation(symptom: Symptom, finding: Finding) -> Relation | None:
    """How a finding's subgroup stands to the symptom asked about; None without a subgroup."""
    if finding.subgroup is None:
        return None
    return relation(symptom, " ".join((finding.subgroup.name, *finding.subgroup.terms)))


def _harms(
    base: EvidenceBase,
    substance: str,
    outcome: str,
    condition: str | None,
    symptom: Symptom | None = None,
    *,
    whole: bool = True,
) -> list[GradedFinding]:
    """Recorded side effects that worsen the outcome, as evidence of harm: graded like findings from
    their sources, indirect when seen in another population than the one asked about. When the
    question names one side of an opposite pair, a record naming only the other side never counts;
    asked about the symptom alone (`whole`: "constipation", not "IBS-C"), only records naming it do."""
    out = []
    for record in base.for_substance(base.side_effects, substance):
        if record.outcome != outcome:
            continue
        fit = relation(symptom, record.effect) if symptom is not None else Relation.SAME
        if fit is Relation.OPPOSITE or (fit is Relation.OTHER and whole):
            continue
        sources = [base.sources[s] for s in record.sources if base.sources[s].humans]
        if not sources:
            continue
        # side-effect rates come from labels and trials in particular populations: indirect unless
        # that population is the one asked about
        indirect = _indirectness(base, record.context, condition) if record.context else "seen in other populations"
        if record.context and record.context == condition:
            indirect = None
        summary = f"Recorded side effect: {record.effect}" + (f" ({record.frequency})" if record.frequency else "")
        finding = Finding(
            id=record.id,
            subject=substance,
            effect=Effect.INCREASES if not _higher_is_better(base, outcome) else Effect.DECREASES,
            object=outcome,
            context=record.context,
            sources=tuple(s.id for s in sources),
            summary=summary,
        )
        grade = grade_sources(sources, indirect=indirect)
        out.append(
            GradedFinding(
                finding,
                finding.sources,
                Direction.WORSENS,
                grade,
                direct=indirect is None,
                harm=True,
                effect_name=record.effect,
            )
        )
    return out


def _set_aside(base: EvidenceBase, substance: str, symptom: Symptom, *, whole: bool = True) -> list[str]:
    """What `relevant_findings` left out for a question naming one side of an opposite pair, said so
    that the answer does not read as if the base held nothing: the opposite side effect and the
    study in the opposite subgroup by name, other complaints in one clause."""
    subject = mid_sentence(base.name(substance))
    notes = []
    records = [r for r in base.for_substance(base.side_effects, substance) if r.outcome == symptom.outcome]
    for record in records:
        if relation(symptom, record.effect) is Relation.OPPOSITE:
            # "diarrhoea (loose stools) ... is the opposite"; "nausea, diarrhoea or other upset ... names"
            opens = SYMPTOMS[symptom.opposite].words.match(record.effect) is not None
            how = "is" if opens else f"names {symptom.opposite},"
            notes.append(
                f"Not counted as harm: {mid_sentence(record.effect)}, a recorded side effect of {subject}, "
                f"{how} the opposite of {symptom.name}."
            )
    for finding in base.findings_by_subject.get(substance, ()):
        if finding.subgroup is not None and _subgroup_relation(symptom, finding) is Relation.OPPOSITE:
            notes.append(
                f"Not counted: the study in {finding.subgroup.name} was in {symptom.opposite}, the opposite "
                f"of {symptom.name}."
            )
    other = [mid_sentence(r.effect) for r in records if relation(symptom, r.effect) is Relation.OTHER]
    if other and whole:
        named = "; ".join(other) if len(other) <= 2 else f"{len(other)} of them, such as {other[0]}"
        notes.append(
            f"Side effects recorded on other gut complaints ({named}) are not evidence on {symptom.name} "
            "and are not counted."
        )
    return notes


def _higher_is_better(base: EvidenceBase, outcome: str) -> bool:
    entity = base.entities.get(outcome)
    return bool(entity and entity.higher_is_better)


def _indirectness(base: EvidenceBase, context: str | None, condition: str | None) -> str | None:
    """Why a finding's population differs from the question's, or None when it matches.

    A question that names no condition asks about people in general, so a study confined to one
    disease (sickle cell pain crises, a transplant ward) is indirect for it too.
    """
    if condition is None:
        return f"studied only in {mid_sentence(base.name(context))}" if context else None
    if context != condition:
        where = mid_sentence(base.name(context)) if context else "a general population"
        return f"studied in {where}, not {mid_sentence(base.name(condition))}"
    return None


def _weights(items: list[tuple[Direction, Certainty]]) -> dict[Direction, float]:
    weights: dict[Direction, float] = {}
    for direction, certainty in items:
        weights[direction] = weights.get(direction, 0.0) + 3.0 ** (int(certainty) - 1)
    return weights


def _weighted_direction(items: list[tuple[Direction, Certainty]]) -> Direction:
    weights = _weights(items)
    total = sum(weights.values())
    top = max(weights, key=lambda d: weights[d])
    return top if weights[top] / total >= MAJORITY else Direction.MIXED


def _reply(asked: Direction, direction: Direction, certainty: Certainty | None) -> Reply:
    if certainty is None or certainty < Certainty.LOW or direction in (Direction.MIXED, Direction.UNKNOWN):
        return Reply.UNCLEAR
    return Reply.YES if direction is asked else Reply.NO


def _path_direction(base: EvidenceBase, path: MechanismPath, outcome: str) -> Direction:
    return orient(base, outcome, raises=path.sign is Sign.RAISES)


def _studied_in(base: EvidenceBase, human: list[GradedFinding]) -> str:
    """Where the human studies behind indirect evidence were done: "a randomised controlled trial in
    sickle cell disease; a case series in depression"."""
    from suppwise.reasoning.grading import STUDY_TYPE_LABELS, best_source

    parts: list[str] = []
    # side-effect reports name what was reported, grouped by where: "side-effect reports of
    # constipation; nausea in sickle cell disease"
    reported: dict[str, list[str]] = {}
    for graded in human:
        source = best_source(base.sources[s] for s in graded.sources)
        if source is None:
            continue
        if graded.finding.subgroup:
            where = graded.finding.subgroup.name
        elif context := graded.finding.context or (
            graded.finding.object if base.entities[graded.finding.object].kind is EntityKind.CONDITION else None
        ):
            where = mid_sentence(base.name(context))
        else:
            where = "people in general" if not graded.harm else ""
        if graded.harm:
            key = f"side-effect reports{{}} in {where}" if where else "side-effect reports{}"
            if key not in reported:
                parts.append(key)
            reported.setdefault(key, []).append(mid_sentence(graded.effect_name or ""))
            continue
        label = STUDY_TYPE_LABELS[source.study_type]
        article = "an" if label[0] in "aeiou" else "a"
        kind = f"{source.trial_name} ({article} {label})" if source.trial_name else f"{article} {label}"
        parts.append(f"{kind} in {where}" if where else kind)
    named = {key: _reported(effects) for key, effects in reported.items()}
    return "; ".join(dict.fromkeys(part.format(named[part]) if part in named else part for part in parts))


def _reported(effects: list[str]) -> str:
    """What side-effect reports were of, when short enough to name (" of constipation"); a longer
    list is left to the evidence table, so a two-word question's page stays one screen."""
    distinct = list(dict.fromkeys(e for e in effects if e))
    return " of " + " and ".join(distinct) if 0 < len(distinct) <= 2 else ""


def judge(
    base: EvidenceBase,
    substance: str,
    outcome: str,
    condition: str | None = None,
    asked: Direction = Direction.HELPS,
    asked_text: str = "",
) -> Verdict:
    """The verdict for (substance, outcome, condition), answering "does it <asked>?". `asked_text` is
    the question as written, for the subgroup a finding was studied in ("IBS-D", "post-infectious")."""
    evidence = relevant_findings(base, substance, outcome, condition, asked_text)
    paths = find_paths(base, substance, outcome)
    symptom = asked_symptom(_folded(asked_text), outcome)
    whole = not names_a_subtype(_folded(asked_text))
    # "constipation", not "gut symptoms", when the question named one side of an opposite pair alone
    # (an IBS subtype is still asked about through its gut symptoms)
    # and only while no study is counted: a trial in IBS-D measured IBS symptoms, not diarrhoea alone
    named_symptom = symptom.name if symptom and whole and all(g.harm for g in evidence) else None
    outcome_name = named_symptom or mid_sentence(base.name(outcome))
    set_aside = _set_aside(base, substance, symptom, whole=whole) if symptom else []
    subject_name = mid_sentence(base.name(substance))
    where = f" in {mid_sentence(base.name(condition))}" if condition else ""
    untested_in: str | None = None
    reasons: list[str] = []
    direct = [g for g in evidence if g.direct]
    certainty: Certainty | None
    harms = [g for g in evidence if g.harm]
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
            # Past tense keeps the verb right for plural names ("probiotics improved mood"), and the
            # count follows the claim instead of opening the sentence with a digit.
            reasons.append(_direct_sentence(base, agreeing, where, subject_name, direction, outcome_name))
            reasons.extend(_named_elsewhere(base, evidence, direction, subject_name, outcome_name, condition))
        for g in direct:
            for concern, detail in g.grade.concerns:
                reasons.append(f"Certainty lowered for {concern.value.replace('_', ' ')}: {detail}.")
    else:
        indirect_items = [(g.direction, g.grade.certainty) for g in evidence]
        path_dirs = [_path_direction(base, p, outcome) for p in paths]
        if not indirect_items and not path_dirs:
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
                (why, *set_aside),
                (),
                (),
                named_symptom,
            )
        code = VerdictCode.INDIRECT_EVIDENCE_ONLY
        certainty = Certainty.VERY_LOW
        # Each direction the mechanism graph traces counts once, at very low weight, so a tangle of
        # paths never outweighs a study, and opposing paths are both heard.
        mechanism_items = [(d, Certainty.VERY_LOW) for d in dict.fromkeys(path_dirs)]
        # a finding of no clear effect says nothing about which way: it is reported, not counted
        counted = [(d, c) for d, c in indirect_items if d is not Direction.UNKNOWN]
        direction = _weighted_direction(counted + mechanism_items) if counted or mechanism_items else Direction.UNKNOWN
        human = [g for g in evidence if any(base.sources[s].humans for s in g.sources)]
        # a study in the condition set aside as the opposite subgroup still makes it "the kind asked about"
        aside = symptom is not None and any(
            f.context == condition and _subgroup_relation(symptom, f) is Relation.OPPOSITE
            for f in base.findings_by_subject.get(substance, ())
        )
        scope = f" {_untested_scope(base, condition, human, aside)}" if condition else " in people in general"
        untested_in = scope.strip() if condition else None
        in_condition = condition is not None and any(g.finding.context == condition for g in human)
        tested = "directly " if in_condition and "kind of" not in scope else ""
        if human:
            reasons.append(
                f"No study has tested {subject_name} {tested}for {outcome_name}{scope}; human evidence comes from "
                f"{_studied_in(base, human)}."
            )
        else:
            reasons.append(f"No study has tested {subject_name} for {outcome_name}{where} in people.")
        partial = [
            note
            for g in human
            if (note := recorded_indirectness(g.finding)) is not None
            and _indirectness(base, g.finding.context, condition) is None
        ]
        if partial:
            reasons.append(f"The human evidence there is indirect: {'; '.join(dict.fromkeys(partial))}.")
        if indirect_items:
            reasons.append(_indirect_summary(evidence))
        if path_dirs:
            reasons.append(f"Mechanism paths: {_count_directions(path_dirs)}.")
            if len(set(path_dirs)) == 1 and not indirect_items:
                reasons.append("Every traced mechanism points one way; the base may not hold the opposing ones.")
        reasons.append("Indirect evidence and mechanisms alone cannot give more than very low certainty.")
    # what was set aside follows the first reason, so the answer's key points carry it
    reasons[1:1] = set_aside
    if direction is Direction.HELPS and harms:
        named = ", ".join(
            dict.fromkeys(mid_sentence(g.finding.summary.removeprefix("Recorded side effect: ")) for g in harms[:3])
        )
        reasons.append(f"Harms count too: {subject_name} has recorded side effects on {outcome_name}: {named}.")
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
        named_symptom,
        untested_in,
    )


def _trial_names(base: EvidenceBase, graded: list[GradedFinding]) -> list[str]:
    """The names the trials behind these findings are known by ("VITAL-DEP"), each once."""
    return list(dict.fromkeys(n for g in graded for s in g.sources if (n := base.sources[s].trial_name)))


def _named_elsewhere(
    base: EvidenceBase,
    evidence: tuple[GradedFinding, ...],
    direction: Direction,
    subject: str,
    outcome: str,
    condition: str | None,
) -> list[str]:
    """A named trial outside the direct pool that found otherwise is said by name, so that a reader
    who has heard of it ("VITAL-DEP found no effect") sees where it stands: indirect evidence here."""
    from suppwise.reasoning.grading import STUDY_TYPE_LABELS, best_source

    said = []
    for g in evidence:
        source = best_source(base.sources[s] for s in g.sources)
        if g.direct or g.harm or g.direction is direction or source is None or not source.trial_name:
            continue
        where = mid_sentence(base.name(g.finding.context)) if g.finding.context else "people in general"
        asked = f" for {mid_sentence(base.name(condition))}" if condition else ""
        said.append(
            f"{source.trial_name}, a {STUDY_TYPE_LABELS[source.study_type]} in {where}, found that {subject} "
            f"{_past_verb(g.direction)} {outcome}; it is indirect evidence{asked}."
        )
    return said


def _direct_sentence(
    base: EvidenceBase, agreeing: list[GradedFinding], where: str, subject: str, direction: Direction, outcome: str
) -> str:
    """What the agreeing direct evidence found, studies and side-effect records counted apart: "(one
    finding; two side-effect records)"; records alone are not called studies."""
    studies = sum(not g.harm for g in agreeing)
    records = len(agreeing) - studies
    counted = "; ".join(
        c
        for c in (
            _count_words(studies, "finding") if studies else "",
            _count_words(records, "side-effect record") if records else "",
        )
        if c
    )
    names = _trial_names(base, [g for g in agreeing if not g.harm])
    if names:
        counted += f": {', '.join(names)}"
    if not studies:
        return f"Side-effect records{where} show {subject} {_present_verb(direction)} {outcome} ({counted})."
    return f"Human studies{where} found that {subject} {_past_verb(direction)} {outcome} ({counted})."


def _present_verb(direction: Direction) -> str:
    return {Direction.HELPS: "improving", Direction.WORSENS: "worsening"}.get(direction, "affecting")


def _indirect_summary(evidence: tuple[GradedFinding, ...]) -> str:
    """The indirect vote counted in words, studies and side-effect records apart, since a label's
    list of reactions is not a study: "1 study suggests benefit; 5 side-effect records suggest harm"."""
    studies = [g.direction for g in evidence if not g.harm]
    records = [g.direction for g in evidence if g.harm]
    if not records:
        return f"Indirect studies (other settings or populations, or animals): {_count_directions(studies)}."
    parts = [_count_directions(studies, "study", "studies")] if studies else []
    parts.append(_count_directions(records, "side-effect record", "side-effect records"))
    return f"Indirect evidence: {', '.join(parts)}."


def _untested_scope(base: EvidenceBase, condition: str, human: list[GradedFinding], aside: bool = False) -> str:
    """Where no study was done, said truthfully: "in the kind of IBS asked about" only when a human
    study in the condition was confined to another subgroup of it; otherwise "in depression" (and the
    caller adds "directly" when a study in the condition exists but its sample only partly matched)."""
    name = mid_sentence(base.name(condition))
    in_condition = [g for g in human if g.finding.context == condition]
    if (in_condition or aside) and all(g.finding.subgroup is not None for g in in_condition):
        return f"in the kind of {name} asked about"
    return f"in {name}"


_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _count_words(n: int, noun: str) -> str:
    """ "one finding", "three findings": a count inside a sentence, spelled out up to ten."""
    number = _NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else str(n)
    return f"{number} {noun}" if n == 1 else f"{number} {noun}s"


def _past_verb(direction: Direction) -> str:
    return {
        Direction.HELPS: "improved",
        Direction.WORSENS: "worsened",
        Direction.NO_EFFECT: "did not change",
        Direction.MIXED: "had mixed effects on",
        Direction.UNKNOWN: "had no clear effect on",
    }[direction]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _count_directions(directions: list[Direction], noun: str = "", nouns: str = "") -> str:
    """ "1 suggests benefit, 2 suggest harm"; with a noun, "1 study suggests benefit"."""
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
    return ", ".join(
        f"{n} {(noun if n == 1 else nouns) + ' ' if noun else ''}{(singular if n == 1 else plural).get(d, d.value)}"
        for d, n in sorted(counts.items())
    )
