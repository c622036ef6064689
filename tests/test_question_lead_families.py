"""Lead level and entity families of issue 12 §2-§3, second pass (leadent12 round).

Each family is a way a question names a person, a condition or a supplement that the reader missed
or misread: a child after a word of safety ("is it ok for my kids") is the one who would take it,
while a son or daughter who "wants me on" something, or the "parents of kids with epilepsy", is not;
"explain it like I'm five" is no age; a question cut down to its predicate ("any side effects for
someone with bipolar?") is still about the supplement suppwise covers; sleep inside a death
euphemism ("died in her sleep", "put to sleep") is not the sleep outcome; another language's name for
a supplement, medicine or condition reaches it. The tests
assert what a user sees: the level that leads the answer and its first caution, the populations
screened and the entities named. Examples were written for the test.
"""

from __future__ import annotations

import pytest

from suppwise.evidence import EvidenceBase
from suppwise.questions.answer_model import Answer
from tests.evidence_helpers import ask
from tests.question_helpers import entity_ids as _ids


def _first_matching(answer: Answer) -> tuple[str, str]:
    first = next(c for c in answer.cautions if c.matches_question)
    return first.entity, first.level


@pytest.mark.parametrize(
    "text",
    [
        "is glutamine alright for my children",
        "would glutamine be bad for my son",
        "glutamine - fine to give to my kids?",
        "is l-glutamine suitable for our daughter",
    ],
)
def test_a_child_after_a_safety_word_leads_with_the_childrens_caution(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    assert "children" in answer.populations
    assert answer.safety_level == "caution"
    assert any(c.matches_question and c.level == "caution" for c in answer.cautions)


@pytest.mark.parametrize(
    "text",
    [
        "my son wants me on glutamine for my gut, does it work",
        "our daughter keeps nagging me to try magnesium for sleep",
        "is there a support group for mums of children with epilepsy",
        "the kids say i should try fish oil for my joints",
    ],
)
def test_a_relative_who_is_not_taking_it_places_nobody_among_the_children(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    assert "children" not in answer.populations


def test_a_daughter_who_is_the_subject_is_still_a_child(bundled: EvidenceBase) -> None:
    assert "children" in ask(bundled, "my daughter wants to try glutamine, is it ok for her").populations


@pytest.mark.parametrize(
    "text",
    [
        "explain like im 5 how glutamine works in the gut",
        "eli5: how does melatonin make you sleepy",
        "can you explain it to me like i'm ten, why is fish oil good for inflammation",
    ],
)
def test_explain_like_im_five_is_no_age(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    assert answer.populations == []
    assert answer.safety_level in (None, "none")


def test_a_real_age_of_five_is_still_a_child(bundled: EvidenceBase) -> None:
    assert "children" in ask(bundled, "my son is 5, can he take glutamine").populations


@pytest.mark.parametrize(
    ("text", "entity", "level"),
    [
        ("any side effects for someone with epilepsy?", "seizure-disorder", "avoid"),
        ("side effects if you have cirrhosis?", "liver-disease", "caution"),
        ("safe in pregnancy?", "pregnancy", "avoid"),
        ("any risks for people with kidney disease?", "kidney-disease", "caution"),
        ("ok while nursing?", "breastfeeding", "avoid"),
    ],
)
def test_a_question_cut_to_its_predicate_is_about_the_main_supplement(
    bundled: EvidenceBase, text: str, entity: str, level: str
) -> None:
    answer = ask(bundled, text)
    assert answer.safety_level == level
    first_entity, first_level = _first_matching(answer)
    assert first_level == level
    assert entity in first_entity or entity in _ids(answer) or entity in answer.populations


@pytest.mark.parametrize(
    "text",
    [
        "my grandad passed away in his sleep, is magnesium safe for older people",
        "my cat was put to sleep yesterday, would saffron lift my mood",
        "if someone took 50 melatonin, would they die in their sleep",
        "she died peacefully in her sleep. does omega 3 help memory",
    ],
)
def test_sleep_in_a_death_euphemism_is_not_the_sleep_outcome(bundled: EvidenceBase, text: str) -> None:
    assert "sleep" not in _ids(ask(bundled, text))


@pytest.mark.parametrize(
    "text",
    ["does magnesium help you sleep for longer", "i haven't been able to sleep for a week, would melatonin help"],
)
def test_sleep_asked_about_is_still_sleep(bundled: EvidenceBase, text: str) -> None:
    assert "sleep" in _ids(ask(bundled, text))


@pytest.mark.parametrize(
    ("text", "expected", "level"),
    [
        ("czy dziurawiec jest bezpieczny z sertraline", {"st-johns-wort", "sertraline"}, "avoid"),
        ("el hiperico es seguro con la sertralina?", {"st-johns-wort", "sertraline"}, "avoid"),
        ("la vitamina d sirve para la depresion?", {"vitamin-d", "depression"}, None),
        ("moja siostra ma depresje, czy witamina d pomoze", {"vitamin-d", "depression"}, None),
    ],
)
def test_another_languages_name_reaches_the_entity(
    bundled: EvidenceBase, text: str, expected: set[str], level: str | None
) -> None:
    answer = ask(bundled, text)
    assert expected <= _ids(answer)
    if level:
        assert answer.safety_level == level
        assert _first_matching(answer)[1] == level
