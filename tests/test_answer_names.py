"""Every name an answer writes reads as the evidence base spells it: "St John's wort", "vitamin D"
mid-sentence, "SAMe", "5-HTP", never "st john's wort", "Vitamin d" or "same". Checked over every
substance and every condition in the bundled base, for every kind of question."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from suppwise.evidence import EvidenceBase
from suppwise.evidence.names import mid_sentence
from suppwise.evidence.schema import EntityKind
from suppwise.questions.answer import build_answer
from suppwise.questions.answer_model import Answer
from suppwise.questions.common_words import COMMON_WORDS
from suppwise.questions.parse import parse
from suppwise.safety.profile import Profile
from suppwise.safety.screen import resolve_profile

NAMED_KINDS = (
    EntityKind.SUBSTANCE,
    EntityKind.CONDITION,
    EntityKind.OUTCOME,
    EntityKind.DRUG,
    EntityKind.DRUG_CLASS,
    EntityKind.FOOD,
)
# One question per kind of answer; {s} is a substance as people type it (lower case), {c} a condition.
SUBSTANCE_QUESTIONS = {
    "effect": "Does {s} help {c}?",
    "cure": "Can {s} cure {c}?",
    "safety": "Is {s} safe for people with {c}?",
    "interaction": "Does {s} interact with sertraline?",
    "side_effects": "What are the side effects of {s}?",
    "dosing": "What is the maximum dose of {s}?",
    "administration": "Should I take {s} with food?",
    "sources": "Which foods contain {s}?",
    "comparison": "Is {s} better than magnesium for {c}?",
    "mechanism": "How does {s} work for {c}?",
    "definition": "What is {s}?",
}
CONDITION_QUESTIONS = {
    "overview": "What supplements help {c}?",
    "alternatives": "What can I take for {c} besides my SSRI?",
    "effect": "Does {s} help {c}?",
    "safety": "Is {s} safe for people with {c}?",
    "cure": "Can {s} cure {c}?",
}
# Lists of names ("Did you mean: Magnesium, Melatonin?") show names as a list does, capitalised.
_NAME_LISTS = re.compile(r"(Did you mean|Close matches|known conditions): [^.?]*[.?]")


def _spoken(name: str) -> str:
    """A name as a person types it: the part before any bracket, in lower case unless it is an
    acronym that only its capitals tell from a word ("SAMe", not "same")."""
    head = name.split(" (")[0]
    return head if any(ch.isupper() for ch in head[1:]) else head.lower()


def _forms(base: EvidenceBase) -> list[tuple[str, str]]:
    """Each display name, and the part before its bracket, with its mid-sentence form. A short form
    that is also an everyday word ("SAMe" and "same") cannot be told apart and is left out."""
    forms: dict[str, str] = {}
    for entity in base.entities.values():
        if entity.kind not in NAMED_KINDS:
            continue
        forms[entity.name] = mid_sentence(entity.name)
        head = entity.name.split(" (")[0]
        if head != entity.name and head.lower() not in COMMON_WORDS:
            forms[head] = mid_sentence(head)
    return sorted(forms.items(), key=lambda item: -len(item[0]))


def _texts(answer: Answer) -> Iterator[str]:
    yield answer.summary
    yield from answer.key_points
    yield from (section.title for section in answer.sections)


def miscased(text: str, forms: list[tuple[str, str]]) -> list[str]:
    """Every name in `text` written otherwise than as the base spells it: the display name opens a
    sentence, the mid-sentence form sits inside one."""
    text = _NAME_LISTS.sub("", text)
    wrong = []
    for display, mid in forms:
        pattern = re.compile(rf"(?<![\w'-]){re.escape(display)}(?![\w-])", re.IGNORECASE)
        for match in pattern.finditer(text):
            found = match.group(0)
            # A sentence opens at the start, after . ? or !, and so does each heading of a list of
            # them joined by semicolons ("Saffron or duloxetine for fibromyalgia symptoms; ...").
            opens = match.start() == 0 or re.search(r"([.?!]|;)\s+$", text[: match.start()]) is not None
            if found == mid or (found == display and opens):
                continue
            wrong.append(f"{found!r} (as {mid!r}) in: {text[max(0, match.start() - 60) : match.end() + 40]!r}")
    return wrong


def test_mid_sentence_forms_of_the_bundled_names(bundled: EvidenceBase) -> None:
    names = {e.name: mid_sentence(e.name) for e in bundled.entities.values()}
    assert names["St John's wort"] == "St John's wort"
    assert names["Vitamin D"] == "vitamin D"
    assert names["SAMe (S-adenosylmethionine)"] == "SAMe (S-adenosylmethionine)"
    assert names["5-HTP (5-hydroxytryptophan)"] == "5-HTP (5-hydroxytryptophan)"
    assert names["Omega-3 fatty acids (fish oil with EPA and DHA)"] == "omega-3 fatty acids (fish oil with EPA and DHA)"
    assert names["L-methylfolate"] == "L-methylfolate"
    assert names["B vitamins (B-complex)"] == "B vitamins (B-complex)"
    assert names["Fibromyalgia"] == "fibromyalgia"
    assert names["MSG sensitivity"] == "MSG sensitivity"


def test_the_check_catches_what_users_saw(bundled: EvidenceBase) -> None:
    forms = _forms(bundled)
    assert miscased("Yes: the evidence shows st john's wort improving mood.", forms)
    assert miscased("The studies of Vitamin d and pain found no clear effect.", forms)
    assert miscased("No interaction between 5-htp and sertraline is recorded.", forms)
    assert miscased("It is given with Fibromyalgia in mind.", forms)
    assert not miscased("Vitamin D has several roles. The evidence on vitamin D and SAMe agrees.", forms)


def _substances(base: EvidenceBase) -> list[str]:
    return sorted(e.name for e in base.entities.values() if e.kind is EntityKind.SUBSTANCE)


def _conditions(base: EvidenceBase) -> list[str]:
    return sorted(e.name for e in base.entities.values() if e.kind is EntityKind.CONDITION)


def _ask(base: EvidenceBase, template: str, substance: str, condition: str) -> Answer:
    return build_answer(base, parse(template.format(s=_spoken(substance), c=_spoken(condition)), base))


def test_every_substance_reads_right_in_every_kind_of_answer(bundled: EvidenceBase) -> None:
    forms = _forms(bundled)
    conditions = _conditions(bundled)
    problems: list[str] = []
    intents: set[str] = set()
    for i, substance in enumerate(_substances(bundled)):
        condition = conditions[i % len(conditions)]
        for template in SUBSTANCE_QUESTIONS.values():
            answer = _ask(bundled, template, substance, condition)
            intents.add(answer.intent)
            problems += [p for text in _texts(answer) for p in miscased(text, forms)]
    assert not problems, "\n".join(dict.fromkeys(problems))
    assert set(SUBSTANCE_QUESTIONS) <= intents


def test_every_condition_reads_right_in_every_kind_of_answer(bundled: EvidenceBase) -> None:
    forms = _forms(bundled)
    substances = _substances(bundled)
    problems: list[str] = []
    codes: set[str] = set()
    for i, condition in enumerate(_conditions(bundled)):
        substance = substances[i % len(substances)]
        for template in CONDITION_QUESTIONS.values():
            answer = _ask(bundled, template, substance, condition)
            codes.add(answer.code)
            problems += [p for text in _texts(answer) for p in miscased(text, forms)]
    assert not problems, "\n".join(dict.fromkeys(problems))
    assert "CONDITION_OVERVIEW" in codes


@pytest.mark.parametrize(
    "profile",
    [Profile(), Profile(medications=["sertraline"]), Profile(conditions=["kidney disease"], medications=["warfarin"])],
)
def test_every_substance_reads_right_in_a_screened_answer(bundled: EvidenceBase, profile: Profile) -> None:
    """With a profile, a safety question is answered by the person's screen, whose summary names the
    supplement mid-sentence too ("Use vitamin D only with care ...")."""
    forms = _forms(bundled)
    resolved = resolve_profile(bundled, profile)
    problems: list[str] = []
    for substance in _substances(bundled):
        answer = build_answer(bundled, parse(f"Is {_spoken(substance)} safe for me?", bundled), resolved)
        assert answer.screens, substance
        problems += [p for text in _texts(answer) for p in miscased(text, forms)]
    assert not problems, "\n".join(dict.fromkeys(problems))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Does st john's wort help depression?", "St John's wort improving mood in depression"),
        ("Does vitamin d help fibromyalgia pain?", "vitamin D"),
        ("Does SAMe help depression?", "SAMe (S-adenosylmethionine)"),
        ("Can I take 5-htp with tramadol?", "5-HTP"),
    ],
)
def test_names_in_summaries_people_asked_about(bundled: EvidenceBase, question: str, expected: str) -> None:
    answer = build_answer(bundled, parse(question, bundled))
    assert expected in answer.summary
