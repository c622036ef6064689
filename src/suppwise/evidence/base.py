"""The loaded evidence base: immutable records with the indexes the reasoner needs.

Built once per process, from validated records (`build`) or from the evidence cache
(`evidence.cache`), behind one interface: every section and index is an attribute, made on first
use and kept. A base read from the cache therefore decodes only what a command touches (an `ask`
about magnesium does not decode the sources of every other substance), so opening it costs about
the same whatever the size of the base. Lookups are dictionary hits, and `for_substance` uses a
per-substance index made once per section, so answering a question costs microseconds, not a scan
of every record.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, Generic, Protocol, TypeVar, cast, overload

from suppwise.evidence.schema import (
    Administration,
    AlertRule,
    Comparison,
    Contraindication,
    Dosing,
    Entity,
    EntityKind,
    EvidenceFile,
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
V = TypeVar("V")

# Sections held as a mapping by id; every other section is a tuple in file order.
KEYED_SECTIONS = ("entities", "sources", "findings", "links", "outcome_scales")
# Groupings made from a keyed section: attribute -> (section, field grouped by).
GROUPINGS = {"findings_by_subject": ("findings", "subject"), "links_from": ("links", "subject")}


class RecordSource(Protocol):
    """Where a base's records come from: validated records in memory (`build`), or the evidence
    cache decoding them on first use (`evidence.cache`). Each method is called at most once per
    section and base; what it returns is kept."""

    def section(self, name: str) -> tuple[Any, ...]:
        """Every record of a section, in file order."""
        ...

    def by_id(self, name: str) -> Mapping[str, Any]:
        """The records of a keyed section by id (same objects as `section`)."""
        ...

    def grouped(self, name: str, key: str) -> Mapping[str, tuple[Any, ...]]:
        """The records of a keyed section grouped by one field's value, in file order."""
        ...

    def word_forms(self) -> Mapping[str, str]:
        """The entities' word forms (evidence.word_forms)."""
        ...


def group(items: Iterable[T], key: str) -> Mapping[str, tuple[T, ...]]:
    groups: dict[str, list[T]] = defaultdict(list)
    for item in items:
        groups[getattr(item, key)].append(item)
    return MappingProxyType({k: tuple(v) for k, v in groups.items()})


class InMemory:
    """A `RecordSource` over records already validated (the path from the YAML files)."""

    def __init__(self, sections: Mapping[str, tuple[Any, ...]], word_forms: Mapping[str, str]) -> None:
        self._sections = sections
        self._word_forms = MappingProxyType(dict(word_forms))

    def word_forms(self) -> Mapping[str, str]:
        return self._word_forms

    def section(self, name: str) -> tuple[Any, ...]:
        return self._sections.get(name, ())

    def by_id(self, name: str) -> Mapping[str, Any]:
        return MappingProxyType({record.id: record for record in self.section(name)})

    def grouped(self, name: str, key: str) -> Mapping[str, tuple[Any, ...]]:
        return group(self.section(name), key)


_MISSING = object()


class _Made(Generic[V]):
    """An attribute made from the base's record source on first use, then stored on the instance
    (a non-data descriptor, like `functools.cached_property`, so later reads are plain attribute
    reads) under the base's lock, so concurrent first reads (web workers) share one object."""

    def __init__(self, make: Callable[[RecordSource, str], V]) -> None:
        self._make = make
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, instance: None, owner: type) -> _Made[V]: ...

    @overload
    def __get__(self, instance: EvidenceBase, owner: type) -> V: ...

    def __get__(self, instance: EvidenceBase | None, owner: type) -> _Made[V] | V:
        if instance is None:
            return self
        with instance._lock:
            value = instance.__dict__.get(self._name, _MISSING)
            if value is _MISSING:
                value = self._make(instance._source, self._name)
                instance.__dict__[self._name] = value
        return cast(V, value)


def _records(model: type[T]) -> _Made[tuple[T, ...]]:
    return _Made(lambda source, name: source.section(name))


def _keyed(model: type[T]) -> _Made[Mapping[str, T]]:
    return _Made(lambda source, name: source.by_id(name))


def _grouped(model: type[T]) -> _Made[Mapping[str, tuple[T, ...]]]:
    return _Made(lambda source, name: source.grouped(*GROUPINGS[name]))


class EvidenceBase:
    """Compared and hashed by identity: one loaded base is one cache key. Immutable: its records
    are frozen models, its sections tuples and read-only mappings."""

    entities = _keyed(Entity)
    sources = _keyed(Source)
    findings = _keyed(Finding)
    links = _keyed(Link)
    contraindications = _records(Contraindication)
    interactions = _records(Interaction)
    side_effects = _records(SideEffect)
    dosing = _records(Dosing)
    administration = _records(Administration)
    populations = _records(SpecialPopulation)
    food_sources = _records(FoodSource)
    comparisons = _records(Comparison)
    factors = _records(Factor)
    guidance = _records(Guidance)
    resources = _records(Resource)
    alert_rules = _records(AlertRule)
    outcome_scales = _keyed(OutcomeScaleRecord)
    findings_by_subject = _grouped(Finding)
    links_from = _grouped(Link)
    word_forms: _Made[Mapping[str, str]] = _Made(lambda source, _name: source.word_forms())

    _source: RecordSource
    _lock: threading.RLock

    def __init__(self, source: RecordSource) -> None:
        object.__setattr__(self, "_source", source)
        object.__setattr__(self, "_lock", threading.RLock())
        object.__setattr__(self, "_substance_index", {})
        object.__setattr__(self, "_members", {})
        object.__setattr__(self, "_ancestors", {})

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"the evidence base is immutable (cannot set {name!r})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"the evidence base is immutable (cannot delete {name!r})")

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
        """A base over validated records. `word_forms` (evidence.word_forms) is computed from the
        entities unless given."""
        sections: dict[str, tuple[Any, ...]] = {
            "entities": tuple(entities),
            "sources": tuple(sources),
            "findings": tuple(findings),
            "links": tuple(links),
            "contraindications": tuple(contraindications),
            "interactions": tuple(interactions),
            "side_effects": tuple(side_effects),
            "dosing": tuple(dosing),
            "administration": tuple(administration),
            "populations": tuple(populations),
            "food_sources": tuple(food_sources),
            "comparisons": tuple(comparisons),
            "factors": tuple(factors),
            "guidance": tuple(guidance),
            "resources": tuple(resources),
            "alert_rules": tuple(alert_rules),
            "outcome_scales": tuple(outcome_scales),
        }
        if word_forms is None:
            from suppwise.evidence.word_forms import word_forms as compute_forms

            word_forms = compute_forms(sections["entities"])
        return cls(InMemory(sections, word_forms))

    def with_records(self, **sections: Iterable[Any]) -> EvidenceBase:
        """A new base with the given sections replaced (`interactions=(...)`) and every other
        section and the word forms as here: how tests add a probe record to the bundled base."""
        unknown = set(sections) - set(EvidenceFile.model_fields)
        if unknown:
            raise TypeError(f"not a section of the evidence base: {', '.join(sorted(unknown))}")
        records = {
            name: tuple(sections[name]) if name in sections else self.records(name)
            for name in EvidenceFile.model_fields
        }
        return EvidenceBase(InMemory(records, self.word_forms))

    def records(self, section: str) -> tuple[Any, ...]:
        """The records of one section, as the data files hold them (for the cache)."""
        value = getattr(self, section)
        return tuple(value.values()) if isinstance(value, Mapping) else tuple(value)

    def name(self, entity_id: str) -> str:
        entity = self.entities.get(entity_id)
        return entity.name if entity else entity_id

    def for_substance(self, records: Iterable[T], substance: str) -> tuple[T, ...]:
        """The records naming `substance`, in file order. For one of this base's own sections
        (`base.interactions`, ...) an index made on first use answers; any other iterable is
        scanned."""
        for name in _SUBSTANCE_SECTIONS:
            if self.__dict__.get(name) is records:
                index: dict[str, Mapping[str, tuple[Any, ...]]] = self.__dict__["_substance_index"]
                with self._lock:
                    groups = index.get(name)
                    if groups is None:
                        groups = index[name] = group(self.__dict__[name], "substance")
                return groups.get(substance, ())
        return tuple(r for r in records if getattr(r, "substance") == substance)  # noqa: B009

    def conditions_used_for(self, medicine: str) -> tuple[str, ...]:
        """The conditions a medicine is prescribed for (its own `used_for`, not its class's: a class
        such as anticonvulsants holds members used for pain too)."""
        entity = self.entities.get(medicine)
        return tuple(use.condition for use in entity.used_for) if entity else ()

    def implied_conditions(self, medicines: Iterable[str], named: Iterable[str] = ()) -> dict[str, str]:
        """Each condition (with its wider classes) that a named medicine is prescribed for, mapped to
        the first such medicine: someone who names Keppra very likely has epilepsy, so the answer
        and the corpus's lead level both screen the condition too. A medicine one of whose uses is
        named already (`named`: "epileptic on Lamictal") is taken for that use, so its other uses
        (bipolar disorder) are not read into the question."""
        reached = {wider for entity in named for wider in self.ancestors(entity)}
        implied: dict[str, str] = {}
        for medicine in medicines:
            uses = self.conditions_used_for(medicine)
            if reached.intersection(uses):
                continue
            for condition in uses:
                for wider in self.ancestors(condition):
                    implied.setdefault(wider, medicine)
        return implied

    def use_sources(self, medicine: str, condition: str) -> tuple[str, ...]:
        """The sources saying the medicine is prescribed for the condition (or a narrower one): a
        caution reached through the medicine applies to the person only through them, so they are
        cited with it."""
        entity = self.entities.get(medicine)
        if entity is None:
            return ()
        return tuple(
            source for use in entity.used_for if condition in self.ancestors(use.condition) for source in use.sources
        )

    def ancestors(self, entity_id: str) -> tuple[str, ...]:
        """The entity itself and every class it belongs to, nearest first (cycle-safe). Kept per
        base once found for an entity of the base (so what is kept is bounded by the base): a
        question's cautions ask it for every condition and medicine named."""
        known: dict[str, tuple[str, ...]] = self.__dict__["_ancestors"]
        found = known.get(entity_id)
        if found is None:
            found = self._ancestors_of(entity_id)
            if entity_id in self.entities:
                known.setdefault(entity_id, found)
        return found

    def _ancestors_of(self, entity_id: str) -> tuple[str, ...]:
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

    def members(self, entity_id: str) -> tuple[str, ...]:
        """Every entity that belongs to `entity_id`, directly or through a narrower class, nearest
        first (cycle-safe); the other direction of `ancestors`. Made once per base on first use:
        every question that names a medicine class asks it."""
        known: dict[str, tuple[str, ...]] = self.__dict__["_members"]
        if entity_id in known:
            return known[entity_id]
        children: dict[str, list[str]] = {}
        for entity in self.entities.values():
            for parent in entity.member_of:
                children.setdefault(parent, []).append(entity.id)
        with self._lock:
            for parent in children:
                known.setdefault(parent, self._members_from(parent, children))
            return known.setdefault(entity_id, ())

    @staticmethod
    def _members_from(entity_id: str, children: Mapping[str, list[str]]) -> tuple[str, ...]:
        seen: list[str] = []
        queue = list(children.get(entity_id, ()))
        while queue:
            current = queue.pop(0)
            if current in seen or current == entity_id:
                continue
            seen.append(current)
            queue.extend(children.get(current, ()))
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


def _substance_sections() -> tuple[str, ...]:
    """Tuple sections whose records name a substance (the ones `for_substance` indexes)."""
    names = []
    for name, field in EvidenceFile.model_fields.items():
        model = getattr(field.annotation, "__args__", (None,))[0]
        if name not in KEYED_SECTIONS and "substance" in getattr(model, "model_fields", {}):
            names.append(name)
    return tuple(names)


_SUBSTANCE_SECTIONS = _substance_sections()
