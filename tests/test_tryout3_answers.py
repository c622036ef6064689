"""What a user sees in `ask` answers: the third try-out (5 December 2026, recorded in
tests/corpus/tryout_2026_12_05.md). Each test holds one general cause found there; the wordings are
written for these tests, not taken from the try-out or a corpus file."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from suppwise.evidence import EvidenceBase
from suppwise.questions.parse import parse
from suppwise.questions.reactions import asks_whether_it_triggers
from suppwise.questions.stage_dose import stage_dose, stage_dose_sentence
from suppwise.questions.told_conditions import told_conditions
from tests.evidence_helpers import ask

# -- a dose asked for a stage of life -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("how much vitamin d can my 7 year old take", "Give children only doses a doctor or the product label"),
        ("melatonin dose for a teenager with adhd", "2 mg at first, up to 5 mg and at most 10 mg"),
        ("how many mg of magnesium for my toddler", "A licensed magnesium tablet is not recommended under 4"),
    ],
)
def test_a_dose_for_a_child_is_the_childrens_record_and_never_the_adult_dose(
    bundled: EvidenceBase, text: str, said: str
) -> None:
    summary = ask(bundled, text).summary
    assert said in summary
    assert "a child's amount is for the child's doctor to set" in summary
    assert "fibromyalgia" not in summary and "depression" not in summary


def test_a_dose_in_pregnancy_gives_the_adult_record_as_for_adults_in_general(bundled: EvidenceBase) -> None:
    summary = ask(bundled, "how much vitamin d is too much when pregnant").summary
    assert summary.startswith("Take care: for pregnancy")
    assert "The evidence base holds no other dose of vitamin D for pregnancy. For adults in general:" in summary
    assert "4000 IU/day" in summary
    assert "fibromyalgia" not in summary


def test_a_word_in_a_stage_of_life_record_is_not_said_to_be_missing(bundled: EvidenceBase) -> None:
    summary = ask(bundled, "can my 9 year old with adhd have melatonin").summary
    assert "nothing recorded about melatonin mentions it" not in summary
    assert "ADHD (from age 6)" in summary


def test_old_people_are_older_adults_and_reach_their_record(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "is melatonin alright for old folk")
    assert answer.populations == ["older adults"]
    assert answer.summary.startswith("Take care: for adults aged 55 and over")
    assert "folk" not in answer.summary  # a word for people is never an unknown name


def test_a_stage_of_life_with_no_record_is_named_not_passed_over(bundled: EvidenceBase) -> None:
    summary = ask(bundled, "are probiotics ok while breastfeeding").summary
    assert "No safety warning about probiotics is recorded in the evidence base, for breastfeeding" in summary


# -- MSG asked about as a trigger ------------------------------------------------------------------


@pytest.mark.parametrize("text", ["can msg trigger headaches", "does msg set off my ibs", "could msg bring on a flare"])
def test_msg_asked_about_as_a_trigger_is_the_substance(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    assert answer.entities["substance"] == ["monosodium-glutamate"]
    assert "msg-sensitivity" not in answer.entities.get("condition", [])
    assert "No supplement in the evidence base matches" not in answer.summary


def test_a_reaction_told_is_still_the_sensitivity(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "msg triggers my migraines, can i take glutamine")
    assert "msg-sensitivity" in answer.entities["condition"]
    assert answer.summary.startswith("Avoid")


@given(
    asking=st.sampled_from(["does", "can", "could", "will", "would"]),
    verb=st.sampled_from(["trigger", "set off", "bring on"]),
    tail=st.lists(st.sampled_from(["headaches", "my", "ibs", "a", "flare", "migraines"]), max_size=3),
)
def test_any_question_whether_a_thing_triggers_is_read_as_asked(asking: str, verb: str, tail: list[str]) -> None:
    words = [asking, "msg", *verb.split(), *tail]
    assert asks_whether_it_triggers(words, 1, 2)
    assert not asks_whether_it_triggers(["msg", *verb.split(), *tail], 0, 1)


# -- a condition told in a side-effect question ----------------------------------------------------


def test_a_condition_told_as_the_persons_own_is_not_called_a_side_effect(bundled: EvidenceBase) -> None:
    summary = ask(bundled, "can glutamine give you headaches if you have fibro").summary
    assert "Fibromyalgia is not among" not in summary
    assert "recorded among the side effects of glutamine: headache" in summary
    told = ask(bundled, "does magnesium cause headaches in people with ibs").summary
    assert "for people with irritable bowel syndrome or anyone else" in told
    assert "Irritable bowel syndrome is not among" not in told
    # a condition asked about as the effect stays the effect asked about
    assert "Depression is not among the side effects recorded for melatonin" in ask(
        bundled, "can melatonin cause depression"
    ).summary


@given(owner=st.sampled_from(["with", "have", "has", "diagnosed with", "living with"]))
def test_the_words_before_a_condition_say_whose_it_is(bundled: EvidenceBase, owner: str) -> None:
    query = parse(f"does 5-htp cause nausea in people {owner} fibromyalgia", bundled)
    assert told_conditions(query.normalised.split(), query.mentions, query.conditions) == {"fibromyalgia"}


# -- a symptom with no supplement named ------------------------------------------------------------


def test_a_symptom_with_no_supplement_lists_the_supplements_studied_for_it(bundled: EvidenceBase) -> None:
    summary = ask(bundled, "what supplements are good for sleep").summary
    assert summary.startswith("For sleep quality, the evidence base holds studies of these supplements")
    assert "melatonin (helps, high certainty)" in summary
    assert "A list is not advice to take anything" in summary
    none = ask(bundled, "anything for brain fog").summary
    assert none.startswith("The evidence base holds no supplement studied for thinking and memory")


# -- promises and slips ----------------------------------------------------------------------------


def test_listed_below_only_when_a_list_follows(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "magnesium if i have kidney failure")
    assert not any(s.key == "roles" for s in answer.sections)
    assert "listed below" not in answer.summary


def test_a_short_name_with_a_doubled_letter_is_read(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "does gabba help you sleep")
    assert answer.entities["substance"] == ["gaba"]
    assert "No supplement in the evidence base matches" not in answer.summary


def test_a_verb_and_its_particle_are_not_an_unknown_name(bundled: EvidenceBase) -> None:
    assert parse("how fast does saffron kick in", bundled).unrecognised == ()


def test_a_medicine_beside_an_effect_question_is_screened_and_said(bundled: EvidenceBase) -> None:
    said = ask(bundled, "she takes keppra for her fits, would fish oil lift her mood").summary
    assert "No interaction between omega-3 fatty acids (fish oil with EPA and DHA) and levetiracetam" in said
    # a medicine whose class has a record is warned about by that record, never called unrecorded
    reached = ask(bundled, "on citalopram, does saffron help with low mood").summary
    assert "No interaction between" not in reached
    assert reached.startswith("Take care: saffron and antidepressants interact")


def test_a_supplement_pair_warning_is_said_once(bundled: EvidenceBase) -> None:
    summary = ask(bundled, "st johns wort plus 5htp, ok?").summary
    assert summary.count("so together they could cause serotonin excess") == 1
    assert "is recorded (major)." in summary


def test_the_options_a_comparison_names_come_first(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "vitamin d vs fish oil, which is better for low mood")
    first = [row.substance for row in answer.comparisons[0].rows[:2]]
    assert sorted(first) == ["omega-3", "vitamin-d"]


def test_a_food_left_out_is_not_offered_as_the_answer(bundled: EvidenceBase) -> None:
    none_left = ask(bundled, "omega 3 foods for someone who doesn't eat fish").summary
    assert none_left.startswith("Every food source of omega-3")
    assert "Yes:" not in none_left
    kept = ask(bundled, "magnesium rich foods but no nuts please").summary
    assert kept.startswith("Without nuts, the food sources of magnesium")
    assert "almond" not in kept.lower() and "brazil" not in kept.lower()
    vegetarian = ask(bundled, "i don't eat meat, which foods have glutamine").summary
    assert vegetarian.startswith("Without meat, poultry and fish and seafood")
    # a food asked about is still answered as one
    assert ask(bundled, "is salmon a source of omega 3").summary.startswith("Yes:")


@pytest.mark.parametrize("allergy", ["i'm allergic to nuts", "im allergic to penicillin", "i'm sensitive to dairy"])
def test_the_m_of_im_is_never_msg(bundled: EvidenceBase, allergy: str) -> None:
    answer = ask(bundled, f"{allergy}, is glutamine ok for me")
    assert "msg-sensitivity" not in answer.entities.get("condition", [])
    assert not answer.summary.startswith("Avoid")


@pytest.mark.parametrize(
    ("text", "term"),
    [("magnesium for cramp in the calves at night?", "cramp"), ("would magnesium ease my leg cramps", "leg cramps")],
)
def test_cramps_in_a_limb_are_not_a_gut_symptom(bundled: EvidenceBase, text: str, term: str) -> None:
    query = parse(text, bundled)
    assert "gut-symptoms" not in query.entities.get("outcome", ())
    assert term in query.unrecognised


def test_stomach_cramps_stay_a_gut_symptom(bundled: EvidenceBase) -> None:
    assert parse("does 5-htp give you stomach cramps", bundled).entities["outcome"] == ("gut-symptoms",)


def test_a_dose_for_a_use_the_base_lacks_says_so(bundled: EvidenceBase) -> None:
    summary = ask(bundled, "how many mg of magnesium for leg cramps").summary
    assert summary.startswith("I don't recognise 'leg cramps', so the evidence base holds no dose of magnesium")


def test_an_unknown_supplement_set_beside_the_one_answered_is_said(bundled: EvidenceBase) -> None:
    summary = ask(bundled, "would valerian or melatonin help me sleep").summary
    assert summary.endswith("I don't recognise 'valerian', so this answer is about melatonin only.")


def test_no_organisation_recorded_for_a_condition_is_said(bundled: EvidenceBase) -> None:
    none = ask(bundled, "any charities for people with ibs").summary
    assert none.startswith("The evidence base records no organisation or helpline for irritable bowel syndrome")
    some = ask(bundled, "is there a support group for fibromyalgia").summary
    assert "records no organisation" not in some


@pytest.mark.parametrize(
    ("text", "effect"),
    [
        ("could glutamine cause me to have anxiety", "Anxiety"),
        ("can melatonin cause you to have depression", "Depression"),
    ],
)
def test_an_effect_after_cause_me_to_have_is_the_effect_asked_about(
    bundled: EvidenceBase, text: str, effect: str
) -> None:
    summary = ask(bundled, text).summary
    assert summary.startswith(f"{effect}") and "not among the side effects" in summary
    assert "for people with" not in summary


def test_the_symptom_list_weighs_the_side_of_a_pair_asked_about_as_ask_does(bundled: EvidenceBase) -> None:
    listed = ask(bundled, "what supplements help diarrhea").summary
    single = ask(bundled, "does glutamine help diarrhea").summary
    assert listed.startswith("For diarrhoea")
    assert "glutamine (helps" in listed.lower() and "improv" in single.lower()


def test_a_stage_record_that_does_not_lead_is_given_whole(bundled: EvidenceBase) -> None:
    dose = stage_dose(bundled, "melatonin", ["children"])
    assert dose is not None and dose.first
    assert dose.first not in stage_dose_sentence(dose, "melatonin", "adult dose", led=True)
    assert stage_dose_sentence(dose, "melatonin", "adult dose", led=False).startswith(dose.first)
