"""What a user sees in `ask` answers: the second try-out (4 December 2026, recorded in
tests/corpus/tryout_2026_12_04.md). Each test holds one general cause found there; the wordings are
written for these tests."""

from __future__ import annotations

import pytest

from suppwise.evidence import EvidenceBase
from suppwise.questions.answer_model import Answer
from suppwise.render.text import render_text
from tests.evidence_helpers import ask


def page(answer: Answer) -> str:
    return render_text(answer, width=100)


def test_a_limit_question_leads_with_the_limit_and_its_dose_section_goes_on_from_there(
    bundled: EvidenceBase,
) -> None:
    answer = ask(bundled, "whats the max vitamin d a day")
    assert answer.summary.startswith("The tolerable upper intake level of vitamin D is 4000 IU/day")
    # the usual dose is in the summary; the Dose heading opens with the advice that follows it
    shown = page(answer)
    assert shown.split("Dose\n", 1)[1].startswith("• Agree any amount with a clinician")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("how much b12 should i take", "Adults need 2.4 micrograms a day"),
        ("whats the max vitamin d a day", "There is no established dose of vitamin D"),
    ],
)
def test_the_summary_is_not_printed_again_in_a_section(bundled: EvidenceBase, text: str, said: str) -> None:
    answer = ask(bundled, text)
    assert said in answer.summary
    assert " ".join(page(answer).split()).count(said) == 1


def test_a_food_group_beside_its_own_member_reads_as_the_rest_of_it(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "which foods give you magnesium")
    assert "pumpkin seeds, other seeds," in answer.summary
    foods = next(s for s in answer.sections if s.key == "foods")
    assert any(item.startswith("Other seeds: Flaxseed") for item in foods.items)


def test_an_unknown_word_the_records_mention_is_answered_from_them(bundled: EvidenceBase) -> None:
    said = ask(bundled, "melatonin and alcohol ok?").summary
    assert "Alcohol and smoking make it work less well" in said
    assert "I don't recognise" not in said
    vitamin_d = ask(bundled, "taking calcium with vitamin d, fine?").summary
    assert "Stay at or under 4,000 IU" in vitamin_d and "calcium with D" in vitamin_d


def test_an_unknown_word_no_record_mentions_is_said_to_be_unrecorded(bundled: EvidenceBase) -> None:
    said = ask(bundled, "is it safe to drink alcohol while taking st johns wort").summary
    assert "I don't recognise 'alcohol', and nothing recorded about St John's wort mentions it" in said


@pytest.mark.parametrize(
    "text", ["does glutamine help serotonin levels and calm you", "is melatonin ok with a history of strokes"]
)
def test_an_unknown_word_not_taken_with_the_supplement_is_not_looked_up(bundled: EvidenceBase, text: str) -> None:
    # only something taken beside the supplement ("with alcohol") is looked up in its records
    said = ask(bundled, text).summary
    assert "has no entry for" not in said and "mentions it" not in said


def test_stopping_a_supplement_is_answered_from_the_records_on_stopping(bundled: EvidenceBase) -> None:
    herb = ask(bundled, "what if i stop st john's wort").summary
    assert herb.startswith("No withdrawal effects of St John's wort are recorded")
    assert "levels of those medicines change again" in herb
    quit_5htp = ask(bundled, "can i quit 5-htp cold turkey").summary
    assert "records nothing on stopping 5-HTP" in quit_5htp
    assert "mg a day" not in quit_5htp


def test_stopping_a_medicine_is_not_read_as_stopping_the_supplement(bundled: EvidenceBase) -> None:
    said = ask(bundled, "should i stop my sertraline to take st johns wort").summary
    assert "about stopping it" not in said and said.startswith("Avoid")


def test_two_forms_of_one_supplement_are_answered_from_the_records_on_them(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "b12 tablets or injections, which is better")
    b12 = answer.summary
    assert b12.startswith("No study in the evidence base compares tablets and injections as forms of vitamin B12")
    assert "before choosing tablets or injections with the doctor" in b12
    # the dose record quoted is cited
    assert "iom1998_b_vitamin_dri" in {r.id for r in answer.references}
    magnesium = ask(bundled, "magnesium citrate or glycinate").summary
    assert "Its records say nothing about glycinate" in magnesium
    assert "300 mg/day magnesium citrate" in magnesium


def test_a_side_effect_named_in_another_form_of_the_word_is_found(bundled: EvidenceBase) -> None:
    said = ask(bundled, "can st john's wort make me sensitive to sun").summary
    assert said.startswith("Yes: recorded among the side effects of St John's wort: sensitivity to sunlight")


def test_a_plural_name_takes_a_plural_verb(bundled: EvidenceBase) -> None:
    anxious = ask(bundled, "could l-methylfolate make me anxious").summary
    assert anxious.startswith("Anxiety disorders are not among the side effects recorded for L-methylfolate")
    none = ask(bundled, "any side effects from probiotics").summary
    assert none.endswith("that is not evidence that they have none.")


def test_certainty_concerns_are_named_in_words(bundled: EvidenceBase) -> None:
    reasons = [r for v in ask(bundled, "is folate good for depression").verdicts for r in v.reasons]
    assert any(r.startswith("Certainty lowered for risk of bias:") for r in reasons)
    assert not any("risk_of_bias" in r for r in reasons)


@pytest.mark.parametrize(
    "text",
    [
        "loose stools lately, should i stop taking magnesium",  # a symptom: the side-effect records answer
        "does coffee stop the melatonin from working",  # preventing an effect, not coming off it
        "i can't stop worrying, would saffron calm me",
    ],
)
def test_only_coming_off_the_supplement_is_a_stopping_question(bundled: EvidenceBase, text: str) -> None:
    said = ask(bundled, text).summary
    assert "on stopping" not in said and "about stopping it" not in said


@pytest.mark.parametrize("text", ["is glutamine an amino acid or a vitamin", "saffron, a spice or a medicine?"])
def test_asking_what_kind_of_thing_it_is_is_not_a_comparison_of_forms(bundled: EvidenceBase, text: str) -> None:
    said = ask(bundled, text).summary
    assert "as forms of" not in said and "What the records on" not in said


def test_forms_asked_as_how_to_take_it_also_get_the_administration_record(bundled: EvidenceBase) -> None:
    said = ask(bundled, "vitamin d spray vs tablets").summary
    assert said.startswith("No study in the evidence base compares spray and tablets as forms of vitamin D")
    assert "Its records say nothing about spray" in said
    assert "On how to take it: Vitamin D is fat-soluble" in said
