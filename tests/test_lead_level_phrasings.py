"""The most severe warning leads however a person names the thing it is about (issue 12, section 3).

For every substance in the base and every condition it is contraindicated in, every medicine or
class it interacts with (and each medicine in that class) and every population it has a record for,
questions are generated the ways people write them: each name and synonym the base lists (lay
names, brand names), the name in lower case, with a slip in its longest word, a class described in
words ("epilepsy pills" for the base's "epilepsy meds"), a population by a life stage or an age
in figures or in words. Each must lead with the level the base's records give
(`corpus_levels.expected_lead_level`, the labelling rule of the question corpus), and must name the
entity. Nothing here is copied from the corpus: the names come from the base itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.evidence import EvidenceBase
from suppwise.evidence.schema import EntityKind
from suppwise.questions.answer import build_answer
from suppwise.questions.corpus_levels import expected_lead_level
from suppwise.questions.parse import parse
from suppwise.questions.vocabulary import derived_names, lexicon_for, normalise
from suppwise.safety.populations import record_populations
from tests.question_helpers import bundled_base

CONDITION_QUESTIONS = (
    "is {s} safe with {x}?",
    "can someone with {x} take {s}",
    "i have {x}, can i take {s}?",
    "{s} and {x}",
    "my mum has {x} - is {s} ok for her?",
)
MEDICINE_QUESTIONS = (
    "can i take {s} with {x}?",
    "i'm on {x}, is {s} ok?",
    "{s} + {x}?",
    "does {s} interact with {x}",
    "is it safe to take {s} while taking {x}",
)
# How people place themselves or the person they ask for in a population, by the population the
# screen uses; ages in figures and in words, and life stages misspelt.
POPULATION_PHRASES = {
    "pregnancy": ("i'm pregnant, is {s} ok?", "im pregant, can i take {s}", "is {s} safe in my first trimester"),
    "breastfeeding": ("can i take {s} while breastfeeding", "brestfeeding, is {s} safe?", "i'm nursing, {s} ok?"),
    "children": ("can my 7 year old take {s}", "is {s} ok for a ten-year-old", "my daughter (15) wants {s}"),
    "older adults": ("i'm 78, is {s} ok?", "my dad, 84, wants to try {s}", "my mum is eighty two, can she have {s}"),
}


@dataclass(frozen=True)
class Case:
    substance: str
    entity: str | None  # the condition or medicine named; None for a population
    population: str | None
    text: str


def _names(base: EvidenceBase, entity_id: str) -> list[str]:
    entity = base.entities[entity_id]
    capitals = lexicon_for(base).capitals
    return [n for n in (entity.name, *entity.synonyms) if normalise(n) and n not in capitals]


def _as_written(name: str) -> bool:
    """A name that counts only in its capitals ("SAMe") is never lower-cased."""
    return any(ch.isupper() for ch in name[1:])


def slip(name: str) -> str | None:
    """The name with two letters swapped in the middle of its longest word (7 letters or more)."""
    words = name.split()
    i = max(range(len(words)), key=lambda k: len(words[k]))
    word = words[i]
    if len(word) < 7 or not word.isalpha():
        return None
    k = len(word) // 2
    words[i] = word[:k] + word[k + 1] + word[k] + word[k + 2 :]
    return " ".join(words)


def _members(base: EvidenceBase, class_id: str) -> list[str]:
    return [e.id for e in base.entities.values() if class_id in base.ancestors(e.id)[1:]]


def _named_cases(base: EvidenceBase) -> Iterator[Case]:
    """One question per name of every condition, medicine and class a substance has a record for."""
    for substance in sorted(e.id for e in base.entities.values() if e.kind is EntityKind.SUBSTANCE):
        own = _names(base, substance)[:4]
        targets: list[tuple[str, tuple[str, ...]]] = [
            (r.condition, CONDITION_QUESTIONS) for r in base.for_substance(base.contraindications, substance)
        ]
        for record in base.for_substance(base.interactions, substance):
            targets += [(d, MEDICINE_QUESTIONS) for d in (record.drug, *_members(base, record.drug))]
        n = 0
        for entity, questions in targets:
            kind = base.entities[entity].kind
            names = _names(base, entity)
            forms = [*names]
            forms += [x.lower() for x in names if not _as_written(x)]
            forms += [s for x in names if (s := slip(x)) is not None]
            forms += derived_names(kind, names)  # a class described in words, any medicine word
            for form in dict.fromkeys(forms):
                n += 1
                name = own[n % len(own)]
                yield Case(substance, entity, None, questions[n % len(questions)].format(s=name, x=form))


def _population_cases(base: EvidenceBase) -> Iterator[Case]:
    for substance in sorted(e.id for e in base.entities.values() if e.kind is EntityKind.SUBSTANCE):
        records = base.for_substance(base.populations, substance)
        reached = {p for r in records for p in record_populations(r.population)}
        for population in sorted(reached):
            for i, phrase in enumerate(POPULATION_PHRASES[population]):
                name = _names(base, substance)[i % 2]
                yield Case(substance, None, population, phrase.format(s=name))


NAMED = list(_named_cases(bundled_base()))
POPULATIONS = list(_population_cases(bundled_base()))


_FOR_OWNER = re.compile(
    r"\b(meds|medication|medications|medicine|medicines|drugs|tablets|pills) for (my|his|her|their|your|the) "
)


def _check(base: EvidenceBase, case: Case) -> None:
    answer = build_answer(base, parse(case.text, base))
    named = {e for ids in answer.entities.values() for e in ids}
    entities = [case.substance] + ([case.entity] if case.entity else [])
    if _FOR_OWNER.search(case.text):  # "meds for my seizures" says the person has the condition too
        entities += [e for e in named if base.entities[e].kind is EntityKind.CONDITION]
    expected = expected_lead_level(base, entities, [case.population] if case.population else [])
    assert (answer.safety_level or "none") == expected, f"{case.text!r} leads with {answer.safety_level}"
    if case.entity is not None:
        assert case.entity in named, f"{case.text!r} does not name {case.entity} ({sorted(named)})"
    else:
        assert case.population in answer.populations, f"{case.text!r} places nobody in {case.population}"


def test_the_generated_questions_cover_every_record() -> None:
    base = bundled_base()
    substances = {c.substance for c in NAMED} | {c.substance for c in POPULATIONS}
    with_records = {
        r.substance
        for records in (base.contraindications, base.interactions, base.populations)
        for r in records
        if base.entities[r.substance].kind is EntityKind.SUBSTANCE
    }
    assert with_records <= substances
    assert len(NAMED) > 1500
    assert {c.population for c in POPULATIONS} == set(POPULATION_PHRASES)


@pytest.mark.parametrize("substance", sorted({c.substance for c in NAMED}))
def test_every_name_of_a_condition_or_medicine_leads_with_its_level(substance: str) -> None:
    base = bundled_base()
    for case in (c for c in NAMED if c.substance == substance):
        _check(base, case)


@pytest.mark.parametrize("case", POPULATIONS, ids=lambda c: c.text)
def test_every_way_of_naming_a_population_leads_with_its_level(case: Case) -> None:
    _check(bundled_base(), case)


@settings(deadline=None, max_examples=200)
@given(
    st.sampled_from(NAMED),
    st.sampled_from(["", "hi, ", "quick question: ", "my gp is away - "]),
    st.sampled_from(["", " thanks", " please", "??"]),
)
def test_a_warning_leads_whatever_surrounds_the_question(case: Case, before: str, after: str) -> None:
    """Words around a question (a greeting, thanks, punctuation) never change what leads."""
    _check(bundled_base(), Case(case.substance, case.entity, case.population, f"{before}{case.text}{after}"))
