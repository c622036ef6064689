"""The questions a substance or condition page offers, built from the evidence base's records.

Each record kind suggests a question ("Is X safe with C?" for a contraindication, "How much X
should I take?" for dosing, ...). A question is offered only if asking it gives an answer of the
expected kind about this entity, so a page never links to "we know nothing about that". Pure: the
evidence base in, questions out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.names import is_plural as is_plural  # re-exported: the web's questions use it
from suppwise.evidence.schema import EntityKind
from suppwise.questions.answer import build_answer
from suppwise.questions.answer_model import Answer
from suppwise.questions.parse import parse

_BRACKETS = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True)
class Candidate:
    question: str
    intent: str
    substance: str | None
    condition: str | None = None


def spoken_name(base: EvidenceBase, entity_id: str) -> str:
    """The name as it reads inside a sentence: without a bracketed gloss ("GABA", not "GABA
    (gamma-aminobutyric acid)"), each word in lower case unless it is an abbreviation ("MSG", "D")."""
    words = _BRACKETS.sub("", base.name(entity_id)).split()
    return " ".join(w if w.isupper() else w.lower() for w in words)


def _does(name: str) -> str:
    return "Do" if is_plural(name) else "Does"


def _is(name: str) -> str:
    return "are" if is_plural(name) else "is"


def _conditions_studied(base: EvidenceBase, substance: str) -> list[str]:
    found = [f.context for f in base.findings_by_subject.get(substance, ()) if f.context]
    found += [c.condition for c in base.comparisons if c.condition and any(o.substance == substance for o in c.options)]
    return [c for c in dict.fromkeys(found) if c in base.entities and base.entities[c].kind is EntityKind.CONDITION]


def substance_candidates(base: EvidenceBase, substance: str) -> list[Candidate]:
    x = spoken_name(base, substance)
    out = [Candidate(f"What {_is(x)} {x}?", "definition", substance)]
    for condition in _conditions_studied(base, substance):
        out.append(Candidate(f"{_does(x)} {x} help {spoken_name(base, condition)}?", "effect", substance, condition))
    has_contraindications = bool(base.for_substance(base.contraindications, substance))
    if has_contraindications or base.for_substance(base.populations, substance):
        out.append(Candidate(f"{_is(x).capitalize()} {x} safe?", "safety", substance))
    for record in base.for_substance(base.contraindications, substance):
        c = spoken_name(base, record.condition)
        question = f"{_is(x).capitalize()} {x} safe for people with {c}?"
        out.append(Candidate(question, "safety", substance, record.condition))
    if base.for_substance(base.side_effects, substance):
        out.append(Candidate(f"What are the side effects of {x}?", "side_effects", substance))
    if base.for_substance(base.interactions, substance):
        out.append(Candidate(f"Can {x} interact with other medications?", "interaction", substance))
    if base.for_substance(base.dosing, substance):
        out.append(Candidate(f"How much {x} should I take?", "dosing", substance))
    if base.for_substance(base.administration, substance):
        out.append(Candidate(f"How should I take {x}?", "administration", substance))
    if base.for_substance(base.food_sources, substance):
        out.append(Candidate(f"Which foods contain {x}?", "sources", substance))
    for comparison in base.comparisons:
        if comparison.condition and any(o.substance == substance for o in comparison.options):
            c = spoken_name(base, comparison.condition)
            out.append(Candidate(f"What are the alternatives to {x} for {c}?", "alternatives", substance))
    return out


def condition_candidates(base: EvidenceBase, condition: str) -> list[Candidate]:
    c = spoken_name(base, condition)
    out = [Candidate(f"What {_is(c)} {c}?", "definition", None, condition)]
    for substance in sorted(e.id for e in base.entities.values() if e.kind is EntityKind.SUBSTANCE):
        x = spoken_name(base, substance)
        if condition in _conditions_studied(base, substance):
            out.append(Candidate(f"{_does(x)} {x} help {c}?", "effect", substance, condition))
        if any(r.condition == condition for r in base.for_substance(base.contraindications, substance)):
            question = f"{_is(x).capitalize()} {x} safe for people with {c}?"
            out.append(Candidate(question, "safety", substance, condition))
    return out


def answers_it(answer: Answer, candidate: Candidate) -> bool:
    """The question was understood as intended and the evidence base has something to say."""
    if answer.code != "ANSWERED" or answer.intent != candidate.intent or answer.crisis:
        return False
    if candidate.substance and answer.entities.get("substance", [None])[0] != candidate.substance:
        return False
    if candidate.condition and candidate.condition not in answer.entities.get("condition", []):
        return False
    if candidate.intent == "effect":
        return any(v.code != "NO_EVIDENCE" for v in answer.verdicts)
    return True


def answerable(base: EvidenceBase, candidates: Iterable[Candidate]) -> list[str]:
    """The candidates' questions that get a real answer, without repeats, in order."""
    kept = [c.question for c in candidates if answers_it(build_answer(base, parse(c.question, base)), c)]
    return list(dict.fromkeys(kept))


def questions_about(base: EvidenceBase, entity_id: str) -> list[str]:
    """Every answered question the evidence base supports about one substance or condition."""
    entity = base.entities.get(entity_id)
    if entity is None:
        return []
    if entity.kind is EntityKind.SUBSTANCE:
        return answerable(base, substance_candidates(base, entity_id))
    if entity.kind is EntityKind.CONDITION:
        return answerable(base, condition_candidates(base, entity_id))
    return []
