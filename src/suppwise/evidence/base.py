"""The loaded evidence base: immutable records with the indexes the reasoner needs.

Built once per process from validated records; lookups are dictionary hits so that answering a
question costs microseconds, not a scan of every finding.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, TypeVar

from suppwise.evidence.schema import (
    Administration,
    AlertRule,
    Comparison,
    Contraindication,
    Dosing,
    Entity,
    EntityKind,
    Factor,
    Finding,
    FoodSource,
    Guidance,
    Interaction,
    Link,
    OutcomeScaleRecord,
    Resource,
    SideEffect,
    Source,
    SpecialPopulation,
    StudyType,
)

T = TypeVar("T")


def _group(items: Iterable[T], key: str) -> Mapping[str, tuple[T, ...]]:
    groups: dict[str, list[T]] = defaultdict(list)
    for item in items:
        groups[getattr(item, key)].append(item)
    return MappingProxyType({k: tuple(v) for k, v in groups.items()})


def _by_id(items: Iterable[T]) -> Mapping[str, T]:
    return MappingProxyType({getattr(item, "id"): item for item in items})  # noqa: B009


@dataclass(frozen=True, eq=False)
class EvidenceBase:
    """Compared and hashed by identity: one loaded base is one cache key."""

    entities: Mapping[str, Entity]
    sources: Mapping[str, Source]
    findings: Mapping[str, Finding]
    links: Mapping[str, Link]
    contraindications: tuple[Contraindication, ...]
    interactions: tuple[Interaction, ...]
    side_effects: tuple[SideEffect, ...]
    dosing: tuple[Dosing, ...]
    administration: tuple[Administration, ...]
    populations: tuple[SpecialPopulation, ...]
    food_sources: tuple[FoodSource, ...]
    comparisons: tuple[Comparison, ...]
    factors: tuple[Factor, ...]
    guidance: tuple[Guidance, ...]
    resources: tuple[Resource, ...]
    alert_rules: tuple[AlertRule, ...]
    outcome_scales: Mapping[str, OutcomeScaleRecord]
    findings_by_subject: Mapping[str, tuple[Finding, ...]]
    links_from: Mapping[str, tuple[Link, ...]]
    word_forms: Mapping[str, str]

    @classmethod
    def build(
        cls,
        *,
        entities: Iterable[Entity] = (),
        sources: Iterable[Source] = (),
        findings: Iterable[Finding] = (),
        links: Iterable[Link] = (),
        contraindications: Iterable[Contraindication] = (),
        interactions: Iterable[Interaction] = (),
        side_effects: Iterable[SideEffect] = (),
        dosing: Iterable[Dosing] = (),
        administration: Iterable[Administration] = (),
        populations: Iterable[SpecialPopulation] = (),
        food_sources: Iterable[FoodSource] = (),
        comparisons: Iterable[Comparison] = (),
        factors: Iterable[Factor] = (),
        guidance: Iterable[Guidance] = (),
        resources: Iterable[Resource] = (),
        alert_rules: Iterable[AlertRule] = (),
        outcome_scales: Iterable[OutcomeScaleRecord] = (),
        word_forms: Mapping[str, str] | None = None,
    ) -> EvidenceBase:
        """`word_forms` (evidence.word_forms) is computed from the entities unless given, as the
        evidence cache does so that a cache hit never loads the morphology library."""
        entity_list = tuple(entities)
        if word_forms is None:
            from suppwise.evidence.word_forms import word_forms as compute_forms

            word_forms = compute_forms(entity_list)
        finding_list = tuple(findings)
        link_list = tuple(links)
        return cls(
            entities=_by_id(entity_list),
            sources=_by_id(sources),
            findings=_by_id(finding_list),
            links=_by_id(link_list),
            contraindications=tuple(contraindications),
            interactions=tuple(interactions),
            side_effects=tuple(side_effects),
            dosing=tuple(dosing),
            administration=tuple(administration),
            populations=tuple(populations),
            food_sources=tuple(food_sources),
            comparisons=tuple(comparisons),
            factors=tuple(factors),
            guidance=tuple(guidance),
            resources=tuple(resources),
            alert_rules=tuple(alert_rules),
            outcome_scales=_by_id(outcome_scales),
            findings_by_subject=_group(finding_list, "subject"),
            links_from=_group(link_list, "subject"),
            word_forms=MappingProxyType(dict(word_forms)),
        )

    def records(self, section: str) -> tuple[Any, ...]:
        """The records of one section, as the data files hold them (for the cache)."""
        value = getattr(self, section)
        return tuple(value.values()) if isinstance(value, Mapping) else tuple(value)

    def name(self, entity_id: str) -> str:
        entity = self.entities.get(entity_id)
        return entity.name if entity else entity_id

    def for_substance(self, records: Iterable[T], substance: str) -> tuple[T, ...]:
        return tuple(r for r in records if getattr(r, "substance") == substance)  # noqa: B009

    def ancestors(self, entity_id: str) -> tuple[str, ...]:
        """The entity itself and every class it belongs to, nearest first (cycle-safe)."""
        seen: list[str] = []
        queue = [entity_id]
        while queue:
            current = queue.pop(0)
            if current in seen:
                continue
            seen.append(current)
            entity = self.entities.get(current)
            if entity:
                queue.extend(entity.member_of)
        return tuple(seen)

    def study_type_counts(self) -> dict[StudyType, int]:
        counts: dict[StudyType, int] = defaultdict(int)
        for source in self.sources.values():
            counts[source.study_type] += 1
        return dict(counts)

    def kind_counts(self) -> dict[EntityKind, int]:
        counts: dict[EntityKind, int] = defaultdict(int)
        for entity in self.entities.values():
            counts[entity.kind] += 1
        return dict(counts)
