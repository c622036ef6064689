"""Cross-record checks: everything a schema cannot see because it spans records or files.

`validate_directory` returns every problem; `load_evidence` raises `EvidenceError` when there is
any, so nothing downstream ever reasons over a base with a dangling id or an unsupported claim.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import BaseModel

from suppwise.errors import EvidenceError
from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.loader import Origin, RawEvidence, field_name, read_directory
from suppwise.evidence.names import variants
from suppwise.evidence.problems import Problem
from suppwise.evidence.schema import (
    Comparison,
    DifferenceStatus,
    Dosing,
    Effect,
    Entity,
    EntityKind,
    Finding,
    Link,
    OutcomeScaleRecord,
    Sign,
    Source,
    StudyType,
    VerificationStatus,
)

Located = tuple[BaseModel, Origin]

# The entity kinds a person takes as medicines; only these say which conditions they are used for.
_MEDICINE_KINDS = frozenset({EntityKind.DRUG, EntityKind.DRUG_CLASS})
# Which entity kinds each reference field may point at (None: any kind).
_ENTITY_REFS: dict[str, dict[str, frozenset[EntityKind] | None]] = {
    "findings": {"subject": None, "object": None, "context": frozenset({EntityKind.CONDITION})},
    "links": {"subject": None, "object": None},
    "contraindications": {
        "substance": frozenset({EntityKind.SUBSTANCE}),
        "condition": frozenset({EntityKind.CONDITION}),
    },
    "interactions": {
        "substance": frozenset({EntityKind.SUBSTANCE}),
        "drug": frozenset({EntityKind.DRUG, EntityKind.DRUG_CLASS, EntityKind.SUBSTANCE}),
    },
    "side_effects": {
        "substance": frozenset({EntityKind.SUBSTANCE}),
        "outcome": frozenset({EntityKind.OUTCOME}),
        "context": frozenset({EntityKind.CONDITION}),
    },
    "dosing": {"substance": frozenset({EntityKind.SUBSTANCE})},
    "administration": {"substance": frozenset({EntityKind.SUBSTANCE})},
    "populations": {"substance": frozenset({EntityKind.SUBSTANCE})},
    "food_sources": {"substance": frozenset({EntityKind.SUBSTANCE}), "food": frozenset({EntityKind.FOOD})},
    "factors": {"substance": frozenset({EntityKind.SUBSTANCE})},
    "guidance": {"substance": frozenset({EntityKind.SUBSTANCE})},
    "outcome_scales": {"outcome": frozenset({EntityKind.OUTCOME})},
}
_LIST_ENTITY_REFS: dict[str, dict[str, frozenset[EntityKind] | None]] = {
    "factors": {"conditions": frozenset({EntityKind.CONDITION})},
    "guidance": {"conditions": frozenset({EntityKind.CONDITION})},
    "resources": {"conditions": frozenset({EntityKind.CONDITION})},
}
# Effects that claim a change, a difference or an association: a recorded test of the claim that
# is not significant contradicts them. Effects that claim no (clear) effect are contradicted by a
# significant one.
_CLAIMS_AN_EFFECT = frozenset(
    {Effect.INCREASES, Effect.DECREASES, Effect.ELEVATED_IN, Effect.REDUCED_IN, Effect.ASSOCIATED_WITH}
)
_CLAIMS_NONE = frozenset({Effect.NO_EFFECT, Effect.NO_CLEAR_EFFECT})
_LINK_EFFECTS: dict[Sign, frozenset[Effect]] = {
    Sign.RAISES: frozenset({Effect.INCREASES, Effect.CONVERTS_TO, Effect.ASSOCIATED_WITH}),
    Sign.LOWERS: frozenset({Effect.DECREASES, Effect.ASSOCIATED_WITH}),
}


class _Checker:
    def __init__(self, raw: RawEvidence) -> None:
        self.raw = raw
        self.problems: list[Problem] = []
        self.entities: dict[str, Entity] = {}
        self.sources: dict[str, Source] = {}
        self.findings: dict[str, Finding] = {}

    def add(self, origin: Origin, field: str, code: str, message: str, *path: str | int) -> None:
        line = origin.line(*path) if path else origin.line()
        self.problems.append(Problem(origin.file, line, field or field_name((*origin.path, *path)), code, message))

    def run(self) -> list[Problem]:
        self._unique_ids()
        self._entities()
        self._entity_references()
        self._source_references()
        self._findings_and_links()
        self._statistics()
        self._duplicate_claims()
        self._outcome_scales()
        self._synonym_clashes()
        self._list_separators()
        self._unused_sources()
        return self.problems

    def _records(self, section: str) -> list[Located]:
        return self.raw.records[section]

    def _unique_ids(self) -> None:
        for section, records in self.raw.records.items():
            seen: dict[str, Origin] = {}
            for record, origin in records:
                record_id = getattr(record, "id", None)
                if record_id is None:
                    continue
                if record_id in seen:
                    first = seen[record_id]
                    self.add(
                        origin,
                        f"{section}.id",
                        "duplicate_id",
                        f"id {record_id!r} is already defined at {first.file}:{first.line()}",
                        "id",
                    )
                    continue
                seen[record_id] = origin
                if section == "entities":
                    assert isinstance(record, Entity)
                    self.entities[record_id] = record
                elif section == "sources":
                    assert isinstance(record, Source)
                    self.sources[record_id] = record
                elif section == "findings":
                    assert isinstance(record, Finding)
                    self.findings[record_id] = record

    def _entity(
        self, origin: Origin, field: str, value: str, kinds: frozenset[EntityKind] | None, *path: str | int
    ) -> None:
        entity = self.entities.get(value)
        if entity is None:
            self.add(origin, "", "dangling_id", f"{field} {value!r} is not a defined entity", *path)
        elif kinds is not None and entity.kind not in kinds:
            allowed = ", ".join(sorted(k.value for k in kinds))
            self.add(origin, "", "wrong_kind", f"{field} {value!r} is a {entity.kind.value}; expected {allowed}", *path)

    def _entities(self) -> None:
        for record, origin in self._records("entities"):
            assert isinstance(record, Entity)
            for index, parent in enumerate(record.member_of):
                if parent == record.id:
                    self.add(origin, "", "self_loop", f"{record.id!r} cannot be a member of itself", "member_of", index)
                else:
                    self._entity(origin, "member_of", parent, None, "member_of", index)
            if record.used_for and record.kind not in _MEDICINE_KINDS:
                self.add(origin, "", "misplaced_field", "only a drug or drug class is used for a condition", "used_for")
            for index, use in enumerate(record.used_for):
                self._entity(
                    origin, "used_for", use.condition, frozenset({EntityKind.CONDITION}), "used_for", index, "condition"
                )
            if record.outcome is not None:
                if record.kind is not EntityKind.CONDITION:
                    self.add(
                        origin, "", "misplaced_field", "only a condition names the outcome it is measured by", "outcome"
                    )
                self._entity(origin, "outcome", record.outcome, frozenset({EntityKind.OUTCOME}), "outcome")
            if record.kind is EntityKind.OUTCOME and record.higher_is_better is None:
                self.add(
                    origin,
                    "",
                    "missing_orientation",
                    "an outcome must say whether a higher value is better (higher_is_better)",
                    "id",
                )
            if record.kind is not EntityKind.OUTCOME and record.higher_is_better is not None:
                self.add(origin, "", "misplaced_field", "higher_is_better applies to outcomes only", "higher_is_better")

    def _entity_references(self) -> None:
        for section, fields in _ENTITY_REFS.items():
            for record, origin in self._records(section):
                for field, kinds in fields.items():
                    value = getattr(record, field)
                    if value is not None:
                        self._entity(origin, field, value, kinds, field)
        for section, fields in _LIST_ENTITY_REFS.items():
            for record, origin in self._records(section):
                for field, kinds in fields.items():
                    for index, value in enumerate(getattr(record, field)):
                        self._entity(origin, field, value, kinds, field, index)
        for record, origin in self._records("comparisons"):
            assert isinstance(record, Comparison)
            if record.condition:
                self._entity(origin, "condition", record.condition, frozenset({EntityKind.CONDITION}), "condition")
            if record.outcome:
                self._entity(origin, "outcome", record.outcome, frozenset({EntityKind.OUTCOME}), "outcome")
            if len(record.options) < 2:
                self.add(origin, "", "too_few_options", "a comparison needs at least two options", "options")
            for index, option in enumerate(record.options):
                self._entity(origin, "substance", option.substance, None, "options", index, "substance")

    def _cited(self) -> Iterator[tuple[str, Origin, tuple[str | int, ...], tuple[str, ...]]]:
        """Every (section, origin, path-to-sources, sources) that must cite something."""
        for section, records in self.raw.records.items():
            if section in {"entities", "sources", "links", "resources", "comparisons", "outcome_scales"}:
                continue
            for record, origin in records:
                yield section, origin, ("sources",), tuple(getattr(record, "sources", ()))
        for record, origin in self._records("entities"):
            assert isinstance(record, Entity)
            for index, use in enumerate(record.used_for):
                yield "entities", origin, ("used_for", index, "sources"), use.sources
        for record, origin in self._records("comparisons"):
            assert isinstance(record, Comparison)
            for index, option in enumerate(record.options):
                yield "comparisons", origin, ("options", index, "sources"), option.sources
        for record, origin in self._records("dosing"):
            assert isinstance(record, Dosing)
            for index, studied in enumerate(record.studied):
                yield "dosing", origin, ("studied", index, "sources"), studied.sources
            if record.observed_safe_level is not None:
                yield "dosing", origin, ("observed_safe_level", "sources"), record.observed_safe_level.sources
        for record, origin in self._records("outcome_scales"):
            assert isinstance(record, OutcomeScaleRecord)
            yield "outcome_scales", origin, ("important_difference", "sources"), record.important_difference.sources
            if record.instrument_sources:
                yield "outcome_scales", origin, ("instrument_sources",), record.instrument_sources

    def _source_references(self) -> None:
        for section, origin, path, sources in self._cited():
            if not sources:
                self.add(origin, "", "no_source", f"a record in {section} must cite at least one source", *path)
                continue
            known = []
            for index, source_id in enumerate(sources):
                source = self.sources.get(source_id)
                if source is None:
                    self.add(origin, "", "dangling_source", f"source {source_id!r} is not defined", *path, index)
                else:
                    known.append(source)
            if known and all(s.verification.status is VerificationStatus.UNVERIFIED for s in known):
                self.add(
                    origin,
                    "",
                    "unverified_only",
                    "its only support is unverified; add a verified source or remove the claim",
                    *path,
                )

    def _findings_and_links(self) -> None:
        for record, origin in self._records("findings"):
            assert isinstance(record, Finding)
            if record.subject == record.object:
                self.add(origin, "", "self_loop", f"finding relates {record.subject!r} to itself", "object")
        for record, origin in self._records("links"):
            assert isinstance(record, Link)
            if record.subject == record.object:
                self.add(origin, "", "self_loop", f"link from {record.subject!r} to itself", "object")
            if not record.findings:
                self.add(origin, "", "no_source", "a link must be backed by at least one finding", "findings")
            supported_by_verified = False
            for index, finding_id in enumerate(record.findings):
                finding = self.findings.get(finding_id)
                if finding is None:
                    self.add(origin, "", "dangling_id", f"finding {finding_id!r} is not defined", "findings", index)
                    continue
                if finding.effect not in _LINK_EFFECTS[record.sign]:
                    self.add(
                        origin,
                        "",
                        "sign_conflict",
                        f"a {record.sign.value!r} link cannot rest on finding {finding_id!r} "
                        f"whose effect is {finding.effect.value!r}",
                        "findings",
                        index,
                    )
                statuses = [self.sources[s].verification.status for s in finding.sources if s in self.sources]
                if any(s is not VerificationStatus.UNVERIFIED for s in statuses):
                    supported_by_verified = True
            if record.findings and not supported_by_verified and all(f in self.findings for f in record.findings):
                self.add(origin, "", "unverified_only", "no finding behind this link has a verified source", "findings")

    def _statistics(self) -> None:
        """A finding's effect must agree with the statistics recorded for it (docs/evidence-format.md)."""
        for record, origin in self._records("findings"):
            assert isinstance(record, Finding)
            for index, statistic in enumerate(record.statistics):
                here = ("statistics", index)
                if statistic.source not in record.sources:
                    self.add(
                        origin,
                        "",
                        "dangling_source",
                        f"statistic from {statistic.source!r}, which is not among this finding's sources",
                        *here,
                        "source",
                    )
                numbers = [v for v in (statistic.p_says(), statistic.interval_says()) if v is not None]
                if len(set(numbers)) > 1 or (
                    numbers and statistic.significant is not None and statistic.significant != numbers[0]
                ):
                    self.add(
                        origin,
                        "",
                        "statistics_conflict",
                        f"{statistic.describe()}: the p-value, interval and 'significant' disagree",
                        *here,
                    )
                    continue
                significant = statistic.is_significant()
                if significant is False and record.effect in _CLAIMS_AN_EFFECT:
                    self.add(
                        origin,
                        "",
                        "effect_vs_statistics",
                        f"effect {record.effect.value!r} but statistics[{index}] is not significant "
                        f"at {statistic.alpha:g}: {statistic.describe()}; label it no_clear_effect "
                        "(or no_effect), or give that result its own finding",
                        "effect",
                    )
                elif significant is True and record.effect in _CLAIMS_NONE:
                    self.add(
                        origin,
                        "",
                        "effect_vs_statistics",
                        f"effect {record.effect.value!r} but statistics[{index}] is significant "
                        f"at {statistic.alpha:g}: {statistic.describe()}",
                        "effect",
                    )

    def _pooled_only(self, finding: Finding) -> bool:
        """A finding resting only on pooled personal trials (`suppwise pool --write-evidence`)."""
        found = [self.sources.get(s) for s in finding.sources]
        return bool(found) and all(s is not None and s.study_type is StudyType.POOLED_PERSONAL_TRIALS for s in found)

    def _duplicate_claims(self) -> None:
        """Two findings of one claim must merge their sources, except that a pooled result of
        personal trials may repeat a published claim: it is written by `suppwise pool` into a file
        of its own, replaced whenever the pool is rerun, and graded on its own (docs/reasoning.md)."""
        seen: dict[tuple[str, str, str, str | None, bool], tuple[str, Origin]] = {}
        for record, origin in self._records("findings"):
            assert isinstance(record, Finding)
            key = (record.subject, record.effect.value, record.object, record.context, self._pooled_only(record))
            if key in seen:
                other_id, other = seen[key]
                self.add(
                    origin,
                    "",
                    "duplicate_claim",
                    f"same claim as finding {other_id!r} ({other.file}:{other.line()}); "
                    "merge their sources into one finding",
                    "id",
                )
            else:
                seen[key] = (record.id, origin)
        link_seen: dict[tuple[str, str, str], str] = {}
        for record, origin in self._records("links"):
            assert isinstance(record, Link)
            edge = (record.subject, record.sign.value, record.object)
            if edge in link_seen:
                self.add(origin, "", "duplicate_claim", f"same edge as link {link_seen[edge]!r}", "id")
            link_seen.setdefault(edge, record.id)

    def _outcome_scales(self) -> None:
        """A scale's numbers must hang together (docs/evidence-format.md, "Outcome scales"): a sane
        range, δ inside it, a convention stated exactly when no value is published, and a direction
        that agrees with the outcome entity it measures."""
        for record, origin in self._records("outcome_scales"):
            assert isinstance(record, OutcomeScaleRecord)
            if not (math.isfinite(record.low) and math.isfinite(record.high) and record.low < record.high):
                message = f"low ({record.low:g}) must be below high ({record.high:g})"
                self.add(origin, "", "scale_range", message, "high")
                continue
            span = record.high - record.low
            difference = record.important_difference
            if difference.points >= span:
                self.add(
                    origin,
                    "",
                    "difference_outside_range",
                    f"an important difference of {difference.points:g} points does not fit in the range "
                    f"{record.low:g}-{record.high:g}",
                    "important_difference",
                    "points",
                )
            self._convention(record, origin, span)
            entity = self.entities.get(record.outcome)
            if entity is not None and entity.higher_is_better is not None:
                expected = (not entity.higher_is_better) != record.inverse
                if record.higher_is_worse != expected:
                    way = "better" if entity.higher_is_better else "worse"
                    self.add(
                        origin,
                        "",
                        "direction_conflict",
                        f"higher_is_worse is {str(record.higher_is_worse).lower()}, but a higher "
                        f"{record.outcome!r} is {way}"
                        + (" and this scale runs against it (inverse)" if record.inverse else "")
                        + "; fix higher_is_worse, or set inverse when a higher score means less of the outcome",
                        "higher_is_worse",
                    )

    def _convention(self, record: OutcomeScaleRecord, origin: Origin, span: float) -> None:
        """`published: false` goes with the convention status and a stated fraction whose points
        are that fraction of the range; a published value goes with neither."""
        difference = record.important_difference
        here = ("important_difference",)
        convention = difference.status is DifferenceStatus.UNVERIFIED_CONVENTION
        if difference.published == convention:
            self.add(
                origin,
                "",
                "convention_mismatch",
                "status unverified_convention goes with published: false (none published), and only with it",
                *here,
                "status",
            )
        if difference.published:
            if difference.convention_fraction is not None:
                self.add(
                    origin,
                    "",
                    "convention_mismatch",
                    "a published value needs no convention_fraction",
                    *here,
                    "convention_fraction",
                )
            return
        if difference.convention_fraction is None:
            self.add(
                origin,
                "",
                "convention_mismatch",
                "none published: state the convention used (convention_fraction, e.g. 0.2 of the range)",
                *here,
            )
            return
        expected = round(difference.convention_fraction * span, 9)
        if not math.isclose(difference.points, expected, rel_tol=0, abs_tol=1e-9):
            self.add(
                origin,
                "",
                "convention_mismatch",
                f"points {difference.points:g} is not {difference.convention_fraction:g} of the range "
                f"{record.low:g}-{record.high:g} ({expected:g})",
                *here,
                "points",
            )

    def _synonym_clashes(self) -> None:
        owners: dict[str, str] = {}
        reported: set[tuple[str, str]] = set()
        for record, origin in self._records("entities"):
            assert isinstance(record, Entity)
            for index, term in enumerate((record.id.replace("-", " "), record.name, *record.synonyms)):
                for form in variants(term):
                    owner = owners.setdefault(form, record.id)
                    if owner != record.id and (owner, record.id) not in reported:
                        reported.add((owner, record.id))
                        path: tuple[str | int, ...] = (
                            ("id",) if index == 0 else ("name",) if index == 1 else ("synonyms", index - 2)
                        )
                        self.add(
                            origin,
                            "",
                            "ambiguous_name",
                            f"{term!r} also names entity {owner!r}; a question could not tell them apart",
                            *path,
                        )
                        break

    def _list_separators(self) -> None:
        """Names a person may type into a profile list must not hold its separators: a profile splits
        "sertraline, 5-HTP" at the comma, so a name with a comma in it could never be given whole."""
        for record, origin in self._records("entities"):
            assert isinstance(record, Entity)
            if record.kind not in PROFILE_KINDS:
                continue
            for index, term in enumerate((record.name, *record.synonyms)):
                if "," in term or ";" in term:
                    path: tuple[str | int, ...] = ("name",) if index == 0 else ("synonyms", index - 1)
                    self.add(
                        origin, "", "list_separator",
                        f"{term!r} holds a comma or semicolon, which split a profile's list; reword it", *path,
                    )  # fmt: skip

    def _unused_sources(self) -> None:
        cited: set[str] = set()
        for _section, _origin, _path, sources in self._cited():
            cited.update(sources)
        for record, origin in self._records("sources"):
            assert isinstance(record, Source)
            if record.id not in cited:
                self.add(
                    origin, "", "unused_source", f"source {record.id!r} supports nothing; cite it or remove it", "id"
                )


# Entity kinds a profile lists: conditions, medicines (and their classes), supplements.
PROFILE_KINDS = frozenset({EntityKind.CONDITION, EntityKind.DRUG, EntityKind.DRUG_CLASS, EntityKind.SUBSTANCE})


def check(raw: RawEvidence) -> list[Problem]:
    """Schema problems plus cross-record problems, sorted by file and line."""
    return sorted([*raw.problems, *_Checker(raw).run()])


def validate_directory(directory: Path) -> list[Problem]:
    """Every problem in the folder (`suppwise evidence validate`): always read and checked in
    full, never from the cache; the collector paused as in `load_evidence`."""
    with collector_paused():
        return check(read_directory(directory))


def build_base(raw: RawEvidence) -> EvidenceBase:
    sections = {name: [record for record, _ in records] for name, records in raw.records.items()}
    return EvidenceBase.build(**sections)  # type: ignore[arg-type]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Loading creates many objects and no cycles; pausing the cyclic garbage collector meanwhile
    saves a third of the time on a large base (benchmarks/bench_core.py)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_evidence(directory: Path) -> EvidenceBase:
    """Load and check; raise `EvidenceError` listing every problem if there is any."""
    with collector_paused():
        raw = read_directory(directory)
        problems = check(raw)
        if problems:
            raise EvidenceError(problems, str(directory))
        return build_base(raw)
