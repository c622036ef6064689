"""The functions every shell (CLI, web, API) calls. Each parses nothing and prints nothing: it takes
plain values, calls the pure core, and returns a result object for a renderer."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from suppwise.contract import Model
from suppwise.errors import ProfileError
from suppwise.evidence import EvidenceBase, Problem, bundled_data_dir, validate_directory
from suppwise.evidence.cache import cached_base
from suppwise.evidence.schema import Entity, EntityKind
from suppwise.questions.answer import build_answer, overview_answer
from suppwise.questions.answer_model import Answer
from suppwise.questions.parse import parse
from suppwise.safety.combination import combination_check
from suppwise.safety.combination_model import CombinationCheck
from suppwise.safety.profile import Profile, profile_from_text
from suppwise.safety.recognise import find_condition, find_outcome, find_substance
from suppwise.safety.screen import resolve_profile, screen
from suppwise.safety.screen_model import Screen
from suppwise.settings import load_settings
from suppwise.user_files import read_user_text


def evidence_dir(directory: Path | None = None) -> Path:
    """The folder in force: an explicit one, else the setting, else the bundled evidence."""
    if directory is not None:
        return directory
    return load_settings().evidence_dir or bundled_data_dir()


def evidence_base(directory: Path | None = None) -> EvidenceBase:
    """The loaded evidence base, cached per folder for the life of the process."""
    return cached_base(evidence_dir(directory).resolve(), load_settings().cache_dir)


def validate_evidence(directory: Path | None = None) -> list[Problem]:
    return validate_directory(evidence_dir(directory))


class EntityOut(Model):
    """One entity of the evidence base, as `suppwise evidence list --format json` and
    `GET /api/v1/entities` list it."""

    id: str
    kind: str
    name: str
    synonyms: list[str]


def entity_out(entity: Entity) -> EntityOut:
    return EntityOut(id=entity.id, kind=entity.kind.value, name=entity.name, synonyms=list(entity.synonyms))


def list_entities(base: EvidenceBase, kind: EntityKind | None = None) -> list[EntityOut]:
    """Every entity (or those of one kind), sorted by kind and id."""
    chosen = (e for e in base.entities.values() if kind is None or e.kind is kind)
    return [entity_out(e) for e in sorted(chosen, key=lambda e: (e.kind.value, e.id))]


def evidence_stats(base: EvidenceBase) -> dict[str, dict[str, int]]:
    """Coverage figures a curator watches: entities per kind, sources per study type, records."""
    records = {
        "findings": len(base.findings),
        "links": len(base.links),
        "contraindications": len(base.contraindications),
        "interactions": len(base.interactions),
        "side_effects": len(base.side_effects),
        "dosing": len(base.dosing),
        "administration": len(base.administration),
        "populations": len(base.populations),
        "food_sources": len(base.food_sources),
        "comparisons": len(base.comparisons),
        "factors": len(base.factors),
        "guidance": len(base.guidance),
        "resources": len(base.resources),
    }
    verification: dict[str, int] = {}
    for source in base.sources.values():
        verification[source.verification.status.value] = verification.get(source.verification.status.value, 0) + 1
    return {
        "entities_by_kind": {k.value: v for k, v in sorted(base.kind_counts().items())},
        "sources_by_study_type": {k.value: v for k, v in sorted(base.study_type_counts().items())},
        "sources_by_verification": dict(sorted(verification.items())),
        "records": records,
    }


SUBSTANCE_SECTIONS: Final = (
    "contraindications", "interactions", "side_effects", "dosing", "administration", "populations", "food_sources",
)


def substance_counts(base: EvidenceBase) -> dict[str, dict[str, int]]:
    """Per substance with any record: how deep the base knows it (a curator's to-do list: a
    substance with findings but no dosing or safety records is only half written)."""
    out: dict[str, dict[str, int]] = {}
    for entity in sorted(base.entities.values(), key=lambda e: e.id):
        if entity.kind is not EntityKind.SUBSTANCE:
            continue
        counts = {
            "findings": len(base.findings_by_subject.get(entity.id, ())),
            "links": len(base.links_from.get(entity.id, ())),
            **{name: len(base.for_substance(getattr(base, name), entity.id)) for name in SUBSTANCE_SECTIONS},
        }
        if any(counts.values()):
            out[entity.id] = counts
    return out


MAX_PROFILE_BYTES = 100_000


def load_profile(path: Path) -> Profile:
    """A profile from a YAML or JSON file; every problem names the file and line."""
    text = read_user_text(path, "profile file", max_bytes=MAX_PROFILE_BYTES, error=ProfileError)
    return profile_from_text(text, str(path))


def check(substance: str, profile: Profile, directory: Path | None = None) -> Screen | CombinationCheck:
    """Screen one substance against one person's profile: the Screen when the profile lists no other
    supplement, else the CombinationCheck of the substance with every supplement the person takes
    (each interacting pair once, most severe first, and each supplement's screen)."""
    base = evidence_base(directory)
    found = find_substance(base, substance)
    resolved = resolve_profile(base, profile)
    if not profile.supplements:
        return screen(base, resolved, found)
    return combination_check(base, resolved, found, term=substance.strip())


def ask(question: str, directory: Path | None = None, profile: Profile | None = None) -> Answer:
    """Answer one plain-language question from the evidence base; with a profile, the cautions and
    a screen of each substance asked about reflect that person."""
    base = evidence_base(directory)
    resolved = resolve_profile(base, profile) if profile is not None else None
    return build_answer(base, parse(question, base), resolved)


def condition(
    term: str, directory: Path | None = None, profile: Profile | None = None, *, outcome: str | None = None
) -> Answer:
    """The supplements the evidence base can say something about for one condition, ranked (the
    condition's web page, as an answer); with a profile, each row carries that person's screen.
    `outcome` ranks by one outcome ("pain") instead of the one the condition is measured by."""
    base = evidence_base(directory)
    found = find_condition(base, term)
    focus = find_outcome(base, outcome) if outcome else None
    resolved = resolve_profile(base, profile) if profile is not None else None
    return overview_answer(base, found, resolved, focus=focus)
