"""Every recorded reason to be careful with a substance, in one shape: contraindications (a
condition), interactions (a medicine or class of medicines) and special populations. Answers list
them all; the screen picks those that match a person. One gatherer keeps both views identical.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import CautionLevel, Interaction, InteractionAction, Severity

LEVEL_RANK = {"no_known_issue": 0, "caution": 1, "avoid": 2}
SEVERITY_RANK = {
    Severity.CONTRAINDICATED: 0,
    Severity.MAJOR: 1,
    Severity.MODERATE: 2,
    Severity.MINOR: 3,
}


def severity_order(severity: str | None) -> int:
    """Where a reason stands among others of the same level: contraindicated first, then major,
    moderate, minor, then reasons that carry no severity (kept in their recorded order)."""
    return SEVERITY_RANK[Severity(severity)] if severity else len(SEVERITY_RANK)


@dataclass(frozen=True)
class SubstanceCaution:
    """`entity` is the condition id (contraindication), the drug or class id (interaction), or the
    population record's id (population); `subject` is its display name."""

    kind: str
    entity: str
    subject: str
    level: CautionLevel
    why: str
    mechanism: str | None
    sources: tuple[str, ...]
    action: str | None = None
    severity: str | None = None
    evidence_level: str | None = None

    @property
    def advice(self) -> str:
        """What to do, the recorded action first: a person who reads one sentence learns the gap to
        keep between the doses."""
        return f"{self.action} {self.why}" if self.action else self.why

    @property
    def reason(self) -> str:
        """One line for an answer: for an interaction, the action to take, how it happens, then
        the rest of what to do."""
        if self.kind == "interaction" and self.mechanism:
            lead = f"{self.action} " if self.action else ""
            return f"{self.subject}: {lead}{self.mechanism} {self.why}"
        return f"{self.subject}: {self.why}"


def action_sentence(record: Interaction) -> str | None:
    """The interaction's timing action in one sentence ("Separate the doses by at least 4 hours."), or None
    when the record does not ask to separate the doses: the hours are data, so no renderer has to
    dig them out of the management text."""
    if InteractionAction.SEPARATE not in record.actions or record.separate_hours is None:
        return None
    hours = record.separate_hours
    unit = "hour" if hours == 1 else "hours"
    return f"Separate the doses by at least {hours:g} {unit}."


def interaction_level(severity: Severity) -> CautionLevel:
    """A contraindicated or major interaction means do not combine; moderate and minor ones mean only with the
    prescriber's agreement."""
    return CautionLevel.AVOID if severity in (Severity.CONTRAINDICATED, Severity.MAJOR) else CautionLevel.CAUTION


def substance_cautions(base: EvidenceBase, substance: str) -> list[SubstanceCaution]:
    """Every contraindication, interaction and population record of the substance, as cautions in
    file order. Made once per base and substance (the records are frozen and the base immutable):
    each answer and screen about a substance asks for them."""
    return list(_substance_cautions(base, substance))


@lru_cache(maxsize=2048)
def _substance_cautions(base: EvidenceBase, substance: str) -> tuple[SubstanceCaution, ...]:
    out: list[SubstanceCaution] = []
    for record in base.for_substance(base.contraindications, substance):
        out.append(
            SubstanceCaution(
                kind="contraindication",
                entity=record.condition,
                subject=base.name(record.condition),
                level=record.level,
                why=record.reason,
                mechanism=record.mechanism,
                sources=record.sources,
            )
        )
    for interaction in base.for_substance(base.interactions, substance):
        out.append(
            SubstanceCaution(
                kind="interaction",
                entity=interaction.drug,
                subject=base.name(interaction.drug),
                level=interaction_level(interaction.severity),
                why=interaction.management,
                mechanism=interaction.mechanism,
                sources=interaction.sources,
                action=action_sentence(interaction),
                severity=interaction.severity.value,
                evidence_level=interaction.evidence_level.value,
            )
        )
    for population in base.for_substance(base.populations, substance):
        out.append(
            SubstanceCaution(
                kind="population",
                entity=population.id,
                subject=population.population,
                level=population.level,
                why=population.reason,
                mechanism=None,
                sources=population.sources,
            )
        )
    return tuple(out)
