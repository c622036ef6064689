"""GRADE-style certainty for single pieces of evidence.

A study design sets the starting level (randomised evidence starts high, observational low,
case series, animal and mechanistic work very low); each concern takes a level off. The rules
are written out in docs/reasoning.md and each has a test.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from suppwise.evidence.schema import FindingConcern, Source, StudyType, VerificationStatus


class Certainty(IntEnum):
    VERY_LOW = 1
    LOW = 2
    MODERATE = 3
    HIGH = 4

    @property
    def label(self) -> str:
        return self.name.lower()

    def lowered(self, steps: int) -> Certainty:
        return Certainty(max(1, int(self) - steps))


class Concern(StrEnum):
    """GRADE's domains, plus `verification` for a source whose identity was only partly seen."""

    RISK_OF_BIAS = "risk_of_bias"
    INCONSISTENCY = "inconsistency"
    INDIRECTNESS = "indirectness"
    IMPRECISION = "imprecision"
    PUBLICATION_BIAS = "publication_bias"
    VERIFICATION = "verification"


# Where each design starts, before any concern (GRADE: randomised high, observational low).
START: dict[StudyType, Certainty] = {
    StudyType.META_ANALYSIS: Certainty.HIGH,
    StudyType.SYSTEMATIC_REVIEW: Certainty.HIGH,
    StudyType.RCT: Certainty.HIGH,
    StudyType.N_OF_1_SERIES: Certainty.MODERATE,
    StudyType.POOLED_PERSONAL_TRIALS: Certainty.MODERATE,
    StudyType.NON_RANDOMISED: Certainty.LOW,
    StudyType.COHORT: Certainty.LOW,
    StudyType.CASE_CONTROL: Certainty.LOW,
    StudyType.CROSS_SECTIONAL: Certainty.LOW,
    StudyType.REGULATORY_LABEL: Certainty.LOW,
    StudyType.GUIDELINE: Certainty.LOW,
    StudyType.CASE_SERIES: Certainty.VERY_LOW,
    StudyType.CASE_REPORT: Certainty.VERY_LOW,
    StudyType.ANIMAL: Certainty.VERY_LOW,
    StudyType.IN_VITRO: Certainty.VERY_LOW,
    StudyType.MECHANISTIC_REVIEW: Certainty.VERY_LOW,
    StudyType.NARRATIVE_REVIEW: Certainty.VERY_LOW,
    StudyType.MONOGRAPH: Certainty.VERY_LOW,
    StudyType.EXPERT_OPINION: Certainty.VERY_LOW,
}

# Relative weight of one source when designs are listed "by level of evidence".
RANK: dict[StudyType, int] = {
    StudyType.META_ANALYSIS: 10,
    StudyType.SYSTEMATIC_REVIEW: 9,
    StudyType.RCT: 8,
    StudyType.N_OF_1_SERIES: 7,
    StudyType.POOLED_PERSONAL_TRIALS: 6,
    StudyType.NON_RANDOMISED: 6,
    StudyType.COHORT: 5,
    StudyType.CASE_CONTROL: 4,
    StudyType.CROSS_SECTIONAL: 4,
    StudyType.REGULATORY_LABEL: 4,
    StudyType.GUIDELINE: 4,
    StudyType.CASE_SERIES: 3,
    StudyType.CASE_REPORT: 2,
    StudyType.NARRATIVE_REVIEW: 2,
    StudyType.MECHANISTIC_REVIEW: 2,
    StudyType.MONOGRAPH: 2,
    StudyType.ANIMAL: 1,
    StudyType.IN_VITRO: 1,
    StudyType.EXPERT_OPINION: 1,
}

# Pooled personal trials are randomised within each person (on/off blocks), which is why they start
# moderate, but the people chose to run them and rated themselves knowing when they took the
# supplement: that risk of selection and expectation bias is structural, so it always costs a level.
POOLED_TRIALS_BIAS = "self-selected people who knew when they took the supplement and rated themselves (not blinded)"

# Fewer participants than this across a finding's sources is imprecise (GRADE's optimal
# information size for a continuous outcome is of this order).
IMPRECISION_N = 200

STUDY_TYPE_LABELS: dict[StudyType, str] = {
    StudyType.META_ANALYSIS: "meta-analysis",
    StudyType.SYSTEMATIC_REVIEW: "systematic review",
    StudyType.RCT: "randomised controlled trial",
    StudyType.N_OF_1_SERIES: "series of personal (N-of-1) trials",
    StudyType.POOLED_PERSONAL_TRIALS: "pooled personal trials (suppwise users)",
    StudyType.NON_RANDOMISED: "non-randomised controlled study",
    StudyType.COHORT: "cohort study",
    StudyType.CASE_CONTROL: "case-control study",
    StudyType.CROSS_SECTIONAL: "cross-sectional study",
    StudyType.CASE_SERIES: "case series",
    StudyType.CASE_REPORT: "case report",
    StudyType.ANIMAL: "animal study",
    StudyType.IN_VITRO: "laboratory (cell) study",
    StudyType.MECHANISTIC_REVIEW: "mechanistic review",
    StudyType.NARRATIVE_REVIEW: "narrative review",
    StudyType.GUIDELINE: "guideline or criteria",
    StudyType.REGULATORY_LABEL: "regulatory label",
    StudyType.MONOGRAPH: "reference monograph",
    StudyType.EXPERT_OPINION: "expert opinion",
}


@dataclass(frozen=True)
class Grade:
    """A certainty with the concerns that lowered it, so a reader can see why."""

    start: Certainty
    certainty: Certainty
    concerns: tuple[tuple[Concern, str], ...]


def best_source(sources: Iterable[Source]) -> Source | None:
    ranked = sorted(sources, key=lambda s: (START[s.study_type], RANK[s.study_type]), reverse=True)
    return ranked[0] if ranked else None


def grade_sources(
    sources: Iterable[Source], *, indirect: str | None = None, recorded: Iterable[FindingConcern] = ()
) -> Grade:
    """Grade the body of sources behind one claim.

    `indirect` names why the claim is indirect for the question asked (another condition or
    population), which costs one level, or two when the evidence is also not from humans.
    `recorded` are the concerns a curator noted on the finding (inconsistent results, risk of
    bias ...); each costs one level, as in GRADE. A body led by pooled personal trials always
    carries their risk of bias (`POOLED_TRIALS_BIAS`); it is not left to the file to record.
    """
    pool = tuple(sources)
    best = best_source(pool)
    if best is None:
        return Grade(Certainty.VERY_LOW, Certainty.VERY_LOW, ((Concern.VERIFICATION, "no source"),))
    start = START[best.study_type]
    concerns: list[tuple[Concern, str]] = []
    if best.study_type is StudyType.POOLED_PERSONAL_TRIALS:
        concerns.append((Concern.RISK_OF_BIAS, POOLED_TRIALS_BIAS))
    if indirect:
        concerns.append((Concern.INDIRECTNESS, indirect))
    human = [s for s in pool if s.humans]
    if not human:
        concerns.append((Concern.INDIRECTNESS, "animal or laboratory evidence only"))
    total_n = sum(s.n or 0 for s in pool if START[s.study_type] == start)
    if start >= Certainty.MODERATE and total_n < IMPRECISION_N:
        detail = f"{total_n} participants" if total_n else "number of participants not recorded"
        concerns.append((Concern.IMPRECISION, f"small evidence base ({detail})"))
    if all(s.verification.status is not VerificationStatus.VERIFIED for s in pool):
        concerns.append((Concern.VERIFICATION, "no source fully verified"))
    for concern in recorded:
        concerns.append((Concern(concern.kind.value), concern.note))
    return Grade(start, start.lowered(len(concerns)), tuple(concerns))
