"""Entity and lead-level families of issue 12 §2 and §3 read from sets d and e (deentity12 round).

Each family is a way people name a thing the base holds (or a person) that the reader missed or
misread: "nursing" as a job, an age after "shes" or a carer's "my client is 88", "feeling so down",
"queasy", a real medicine one letter from a supplement ("insulin", "inulin"), and a medicine said
by what it is for ("pills for my heart", "meds for my epilepsy"). The tests assert what a user sees:
the entities and population the answer screens, and the level that leads it.
"""

from __future__ import annotations

import pytest

from suppwise.evidence import EvidenceBase
from suppwise.safety.populations import populations_in
from tests.evidence_helpers import ask
from tests.question_helpers import entity_ids as _ids


@pytest.mark.parametrize(
    "text",
    [
        "im a nursing student, can i take melatonin after night shifts",
        "I work as a nursing assistant, is magnesium safe",
        "my nan is in a nursing home, can she have vitamin d",
        "for my nursing dissertation, does omega-3 help mood",
    ],
)
def test_nursing_as_a_job_is_not_breastfeeding(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    assert "breastfeeding" not in answer.populations
    assert answer.safety_level != "avoid"


@pytest.mark.parametrize(
    "text",
    ["is melatonin safe when nursing", "can i take melatonin while nursing my baby", "nursing mum, melatonin ok?"],
)
def test_nursing_a_baby_still_leads_with_the_breastfeeding_warning(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    assert "breastfeeding" in answer.populations
    assert answer.safety_level == "avoid"


@pytest.mark.parametrize(
    "text",
    ["shes 79, is fish oil ok", "hes 72 and wants melatonin", "my client is 88, is 5-htp safe", "my patient is 84"],
)
def test_an_age_after_shes_or_a_carers_client_is_older_adults(text: str) -> None:
    assert populations_in(text) == {"older adults"}


def test_an_older_client_brings_up_the_older_adults_caution(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "my patient is 84, can she have melatonin at night")
    assert set(answer.populations) == {"older adults"}
    assert answer.safety_level == "caution"


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("been feeling so down since winter, could vitamin d help", "mood"),
        ("since my divorce ive felt really down, would st johns wort help", "mood"),
        ("does saffron work if you feel down a lot", "mood"),
        ("magnesium makes me queasy, should i take it with food", "gut-symptoms"),
        ("green tea extract with or without breakfast? it makes me queasy", "gut-symptoms"),
    ],
)
def test_lay_words_for_low_mood_and_nausea_reach_the_evidence(bundled: EvidenceBase, text: str, entity: str) -> None:
    assert entity in _ids(ask(bundled, text))


@pytest.mark.parametrize("text", ["can i take glutamine if im on insulin", "what dose of insulin is dangerous"])
def test_insulin_is_a_medicine_not_a_slip_for_inulin(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    assert "prebiotics" not in _ids(answer)


def test_inulin_itself_is_still_a_prebiotic(bundled: EvidenceBase) -> None:
    assert "prebiotics" in _ids(ask(bundled, "can i take inulin with metformin"))


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("i take pills for my heart, is magnesium ok with them", "heart-medicines"),
        ("is st johns wort safe with tablets for my blood pressure", "blood-pressure-medicines"),
        ("my dad takes meds for his heart, can he have 5-htp", "heart-medicines"),
    ],
)
def test_a_medicine_said_by_what_it_is_for_is_that_class(bundled: EvidenceBase, text: str, entity: str) -> None:
    assert entity in _ids(ask(bundled, text))


def test_meds_for_my_epilepsy_screen_the_condition_and_lead_with_its_avoid(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "i take meds for my epilepsy, is glutamine ok")
    assert {"anticonvulsants", "seizure-disorder"} <= _ids(answer)
    assert answer.safety_level == "avoid"


def test_meds_for_a_condition_without_an_owner_stay_the_condition(bundled: EvidenceBase) -> None:
    # "anything other than meds for depression" asks for alternatives in depression, not about a class taken
    assert _ids(ask(bundled, "anything other than meds for depression?")) == {"depression"}


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("St John's wort + tablets for his depression?", "antidepressants"),
        ("st johns wort+antidepressants ok?", "antidepressants"),
        ("melatonin + sleeping pills together", "sleeping-pills"),
    ],
)
def test_a_plus_between_two_things_joins_them_like_and(bundled: EvidenceBase, text: str, entity: str) -> None:
    """A "+" is not dropped as punctuation: a name must not run on into the thing after it."""
    answer = ask(bundled, text)
    assert entity in _ids(answer)
    assert answer.safety_level in ("avoid", "caution")
