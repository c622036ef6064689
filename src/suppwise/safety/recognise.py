"""Recognising the names in a profile: "Tegretol" is carbamazepine, "fibro" is fibromyalgia, "MSG"
listed as a sensitivity is MSG sensitivity, "Lamictal 200 mg XR" is lamotrigine.

People write medicine names with strengths and release suffixes, misspell them, and put them under
the wrong heading. Each field therefore prefers some kinds of entity but accepts any: a medicine
listed under conditions is still screened as a medicine, with a note. Exact names (any kind) win
over typo matches; a typo match needs a close spelling of a name of at least five letters, so short
abbreviations are never guessed. What is not recognised is returned as such, never dropped, so the
screen can say "not in the evidence base: ask your pharmacist".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from suppwise.errors import ConditionNotFoundError, NotFoundError
from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.names import normalise, variants
from suppwise.evidence.schema import EntityKind
from suppwise.questions.near_names import is_near_name
from suppwise.questions.vocabulary import canonical, lexicon_for

TYPO_CUTOFF = 85.0
MIN_TYPO_CHARS = 5

FIELD_KINDS: dict[str, frozenset[EntityKind]] = {
    "conditions": frozenset({EntityKind.CONDITION}),
    "medications": frozenset({EntityKind.DRUG, EntityKind.DRUG_CLASS}),
    "supplements": frozenset({EntityKind.SUBSTANCE}),
    "sensitivities": frozenset({EntityKind.CONDITION}),
}
USEFUL_KINDS = frozenset(
    {
        EntityKind.CONDITION,
        EntityKind.DRUG,
        EntityKind.DRUG_CLASS,
        EntityKind.SUBSTANCE,
        EntityKind.FOOD,
        EntityKind.OUTCOME,
    }
)
KIND_WORDS = {
    EntityKind.CONDITION: "a condition",
    EntityKind.DRUG: "a medicine",
    EntityKind.DRUG_CLASS: "a group of medicines",
    EntityKind.SUBSTANCE: "a supplement or food substance",
    EntityKind.FOOD: "a food",
    EntityKind.OUTCOME: "a symptom",
}

# Strength, form and release suffixes on medicine names: "Depakote ER 500 mg tablets".
_STRENGTH = re.compile(r"\s\d+(?:\s\d+)?\s*(?:mg|g|mcg|ug|iu|ml|units?|%)?(?:\s.*)?$")
_SUFFIXES = frozenset(
    "er xr sr cr xl la dr ec odt cd xt mr retard tablets tablet tabs caps capsules capsule oral solution".split()
)
_SENSITIVITY_WORDS = re.compile(
    r"\b(allergy|allergic|allergies|sensitivity|sensitive|intolerance|intolerant|to|reaction|reactions)\b"
)


@dataclass(frozen=True)
class Recognised:
    """A profile term matched to an entity. `close` is true for a typo match (shown to the person so
    a wrong guess is caught)."""

    field: str
    term: str
    entity: str
    kind: EntityKind
    close: bool
    note: str | None = None


@dataclass(frozen=True)
class Unrecognised:
    field: str
    term: str
    suggestions: tuple[str, ...]


@dataclass(frozen=True)
class _Index:
    kinds: dict[str, EntityKind]
    keys_by_kind: dict[EntityKind, tuple[str, ...]]


@lru_cache(maxsize=8)
def _index(base: EvidenceBase) -> _Index:
    lexicon = lexicon_for(base)
    kinds = {entity_id: entity.kind for entity_id, entity in base.entities.items()}
    keys: dict[EntityKind, list[str]] = {}
    for key, entity_id in lexicon.phrases.items():
        keys.setdefault(kinds[entity_id], []).append(key)
    return _Index(kinds, {kind: tuple(found) for kind, found in keys.items()})


def _candidates(field: str, term: str) -> list[str]:
    """The forms of a term worth looking up, most specific first."""
    text = normalise(term)
    if not any(ch.isalnum() for ch in text):
        return []  # "", "-" or "?" in a form names nothing; the suffixes below would make it "sensitivity"
    out = [text]
    if field == "medications":
        stripped = _STRENGTH.sub("", " " + text).strip()
        words = [w for w in stripped.split() if w not in _SUFFIXES]
        out.append(" ".join(words))
    if field in ("sensitivities", "conditions"):
        core = re.sub(r"\s+", " ", _SENSITIVITY_WORDS.sub(" ", text)).strip()
        if not core:
            return []  # "sensitivity" or "allergy" alone names no substance: a guess would be a wrong screen
        out.extend([f"{text} sensitivity", core, f"{core} sensitivity"])
    return [c for c in dict.fromkeys(out) if c]


def _exact(base: EvidenceBase, candidates: Iterable[str], kinds: frozenset[EntityKind]) -> str | None:
    lexicon = lexicon_for(base)
    index = _index(base)
    for candidate in candidates:
        for form in (candidate, *sorted(variants(candidate))):
            entity_id = lexicon.phrases.get(form) or lexicon.phrases.get(canonical(form, lexicon.forms))
            if entity_id is not None and index.kinds[entity_id] in kinds:
                return entity_id
    return None


def _typo(base: EvidenceBase, candidates: Iterable[str], kinds: frozenset[EntityKind]) -> str | None:
    """The entity a candidate is a slip of; never by way of an English word that only looks like a
    name ("lactose intolerance" is not lactulose, `suppwise.questions.near_names`)."""
    return closest_entity(base, candidates, kinds, english=True)


def closest_entity(
    base: EvidenceBase, candidates: Iterable[str], kinds: frozenset[EntityKind], *, english: bool = False
) -> str | None:
    """The entity the candidates come closest to spelling. With `english`, a match is dropped when a
    word that differs from the name is a near name; tools/derive_near_names.py derives that list
    from the matcher without it."""
    lexicon = lexicon_for(base)
    index = _index(base)
    keys = [key for kind in sorted(kinds) for key in index.keys_by_kind.get(kind, ())]
    best: tuple[float, str] | None = None
    for candidate in candidates:
        if len(candidate.replace(" ", "")) < MIN_TYPO_CHARS:
            continue
        form = canonical(candidate, lexicon.forms)
        match = process.extractOne(form, keys, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF)
        if match is None or (english and is_near_name(form, match[0])):
            continue
        if best is None or match[1] > best[0]:
            best = (match[1], lexicon.phrases[match[0]])
    return best[1] if best else None


def recognise(base: EvidenceBase, field: str, term: str) -> Recognised | Unrecognised:
    """What one term in one profile field names, or that it names nothing the evidence base knows."""
    preferred = FIELD_KINDS[field]
    others = USEFUL_KINDS - preferred
    candidates = _candidates(field, term)
    if not candidates:
        return Unrecognised(field, term, ())
    capital = lexicon_for(base).capitals.get(term.strip())
    if capital is not None and _index(base).kinds[capital] in preferred | others:
        return Recognised(field, term, capital, _index(base).kinds[capital], False)
    for kinds, close in ((preferred, False), (others, False), (preferred, True), (others, True)):
        finder = _typo if close else _exact
        entity_id = finder(base, candidates, kinds)
        if entity_id is None:
            continue
        kind = _index(base).kinds[entity_id]
        note = None
        if kind not in preferred and not (field == "sensitivities" and kind in (EntityKind.SUBSTANCE, EntityKind.FOOD)):
            note = f"listed under {field}, read as {KIND_WORDS[kind]}"
        return Recognised(field, term, entity_id, kind, close, note)
    return Unrecognised(field, term, tuple(lexicon_for(base).suggest(candidates[-1] if candidates else term, 3)))


def find_substance(base: EvidenceBase, term: str) -> str:
    """The substance `term` names (exactly or by a close spelling); NotFoundError with close matches
    otherwise, so an unknown supplement is never screened as if nothing were known against it."""
    return _find(base, term, EntityKind.SUBSTANCE, NotFoundError, because=", so it cannot be screened")


def find_condition(base: EvidenceBase, term: str) -> str:
    """The condition `term` names (exactly or by a close spelling); ConditionNotFoundError with
    close matches and the known conditions otherwise."""
    return _find(base, term, EntityKind.CONDITION, ConditionNotFoundError)


def find_outcome(base: EvidenceBase, term: str) -> str:
    """The outcome `term` names ("pain", "sleep"); NotFoundError listing the known ones otherwise."""
    return _find(base, term, EntityKind.OUTCOME, NotFoundError)


def _find(
    base: EvidenceBase, term: str, kind: EntityKind, error: type[NotFoundError], *, because: str = ""
) -> str:
    candidates = [c for c in [normalise(term)] if any(ch.isalnum() for ch in c)]
    kinds = frozenset({kind})
    entity_id = _exact(base, candidates, kinds) or _typo(base, candidates, kinds)
    if entity_id is not None:
        return entity_id
    close = [base.name(s) for s in lexicon_for(base).suggest(term, 5) if _index(base).kinds[s] is kind]
    known = sorted(base.name(e.id) for e in base.entities.values() if e.kind is kind)
    raise error(
        f"{term.strip()[:80]!r} is not {'an' if kind.value[0] in 'aeiou' else 'a'} {kind.value} in the evidence base"
        f"{because}",
        hint=(f"did you mean: {', '.join(close)}? " if close else "") + f"known {kind.value}s: {', '.join(known)}",
    )
