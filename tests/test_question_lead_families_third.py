"""Lead level, entities and populations, third pass (issue 12 §2-§3, lead13 round).

The families: a life stage, a child or an older relative's age said in French, German, Spanish or
Polish; a child who set the app up, a child of the asker's work, grown children who never ring, and
a new mother's baby, none of whom is the one taking it; a child's age in brackets after a bare
relative word; everyday and other-language words for sleep, mood, anxiety and fatigue; "my pill"
as the contraceptive pill (but not "my pills" or a pill box); the nervous system, which is no
anxiety. The tests assert what a user sees: the populations screened, the level that leads the
answer and the entities named. Every wording was written for the test.
"""

from __future__ import annotations

import pytest

from suppwise.evidence import EvidenceBase
from tests.evidence_helpers import ask
from tests.question_helpers import entity_ids as _ids


@pytest.mark.parametrize(
    ("text", "population"),
    [
        ("je suis enceinte de 5 mois, la mélatonine est-elle permise", "pregnancy"),
        ("schwanger im dritten Monat, ist Melatonin erlaubt", "pregnancy"),
        ("melatonina a karmienie piersią, czy to bezpieczne", "breastfeeding"),
        ("estoy amamantando, puedo tomar melatonina", "breastfeeding"),
        ("mon fils a 9 ans, peut-il prendre de la mélatonine", "children"),
        ("meine Tochter ist 6, ist Melatonin für sie okay", "children"),
        ("mi papá tiene 81 y quiere tomar melatonina", "older adults"),
    ],
)
def test_another_languages_life_stage_or_age_is_screened(bundled: EvidenceBase, text: str, population: str) -> None:
    answer = ask(bundled, text)
    assert population in answer.populations
    assert "melatonin" in _ids(answer)


def test_a_life_stage_in_another_language_leads_with_its_warning(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "bin schwanger, darf ich Glutamin nehmen")
    assert "pregnancy" in answer.populations
    assert answer.safety_level == "avoid"


@pytest.mark.parametrize(
    "text",
    [
        "my grandson set it up on my laptop, where do i type",
        "our son downloaded this for me last night, what is it for",
        "i work with toddlers all day and i'm shattered, is magnesium any use",
        "i teach kids with autism and cannot switch off, would melatonin help me sleep",
        "my kids never visit and i feel low most days, does saffron help",
        "the children have all flown the nest now, would omega 3 help my joints",
        "three weeks after giving birth and very low, could saffron help postnatal depression",
    ],
)
def test_a_child_who_is_not_taking_it_places_nobody(bundled: EvidenceBase, text: str) -> None:
    assert "children" not in ask(bundled, text).populations


@pytest.mark.parametrize(
    "text",
    [
        "son (12) would like to try melatonin before a school trip, ok?",
        "can my grandkids have glutamine powder in their juice",
        "my baby is 9 months old, can she have omega 3 drops",
    ],
)
def test_a_child_who_would_take_it_is_still_screened(bundled: EvidenceBase, text: str) -> None:
    assert "children" in ask(bundled, text).populations


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("is melatonin any use for falling asleep on long flights", "sleep"),
        ("magnesium per dormire bene, funziona?", "sleep"),
        ("el omega 3 es bueno para la ansiedad", "anxiety"),
        ("la vitamina d quita el cansancio de invierno?", "fatigue"),
        ("il magnesio migliora l'umore?", "mood"),
    ],
)
def test_everyday_and_other_language_words_name_the_outcome(bundled: EvidenceBase, text: str, entity: str) -> None:
    assert entity in _ids(ask(bundled, text))


def test_sleep_as_a_figure_of_dying_is_not_the_sleep_outcome(bundled: EvidenceBase) -> None:
    assert "sleep" not in _ids(ask(bundled, "if i swallowed all of these would i just fall asleep"))


def test_my_pill_is_the_contraceptive_and_leads_with_st_johns_worts_warning(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "does st john's wort stop my pill working")
    assert {"hormonal-contraceptives", "st-johns-wort"} <= _ids(answer)
    assert answer.safety_level == "avoid"


@pytest.mark.parametrize(
    "text",
    [
        "i keep losing my pills, would a weekly magnesium be easier",
        "can magnesium share my pill organiser with my other tablets",
    ],
)
def test_my_pills_and_a_pill_box_are_no_contraceptive(bundled: EvidenceBase, text: str) -> None:
    assert "hormonal-contraceptives" not in _ids(ask(bundled, text))


def test_st_johns_wort_misspelt_by_sound_is_still_screened(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "st jons wart with my citalopram, is that a problem")
    assert "st-johns-wort" in _ids(answer)
    assert answer.safety_level == "avoid"


def test_the_nervous_system_is_not_anxiety(bundled: EvidenceBase) -> None:
    ids = _ids(ask(bundled, "what does omega 3 do to the nervous system"))
    assert "anxiety-symptoms" not in ids
    assert "omega-3" in ids


def test_my_mood_for_a_while_is_mood(bundled: EvidenceBase) -> None:
    assert "mood" in _ids(ask(bundled, "taking vitamin d for my mood for two months, any difference yet"))


def test_exhaust_fumes_are_no_exhaustion(bundled: EvidenceBase) -> None:
    ids = _ids(ask(bundled, "walking to work through diesel exhaust fumes, can magnesium undo any harm"))
    assert "fatigue" not in ids
    assert "magnesium" in ids
