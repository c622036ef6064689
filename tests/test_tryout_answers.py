"""What a new user sees in `ask` answers (issue 12, sections 2-4; the try-out of 3 December 2026 is
recorded in tests/corpus/tryout_2026_12_03.md). Each test holds one general cause found there."""

from __future__ import annotations

import re

import pytest

from suppwise.evidence import EvidenceBase
from suppwise.questions.answer_model import Answer
from suppwise.render.text import render_text
from tests.evidence_helpers import ask


def reasons(answer: Answer) -> list[str]:
    return [r for v in answer.verdicts for r in v.reasons]


@pytest.mark.parametrize(
    "text",
    ["does magnesium help fibro pain", "do probiotics help depression", "melatonin for my 8 year old who cant sleep"],
)
def test_a_direct_verdict_reads_as_a_sentence(bundled: EvidenceBase, text: str) -> None:
    # was "1 human finding in depression says probiotics improves mood"
    said = reasons(ask(bundled, text))
    assert said and not any(re.match(r"\d+ human finding", r) for r in said)
    assert any(r.startswith("Human studies") and " found that " in r for r in said)


def test_plural_supplement_names_take_a_verb_that_agrees(bundled: EvidenceBase) -> None:
    said = reasons(ask(bundled, "do probiotics help depression"))
    assert any("probiotics improved mood" in r for r in said)
    assert not any("probiotics improves" in r for r in said)


def test_a_study_with_a_mixed_sample_is_not_called_another_kind_of_the_condition(bundled: EvidenceBase) -> None:
    # the glutamine case series is in depression, but in a mixed sample: not "the kind of Depression asked about"
    said = reasons(ask(bundled, "does glutamin help depresion"))
    assert any("No study has tested glutamine directly for mood in depression" in r for r in said)
    assert not any("kind of" in r or "Depression" in r for r in said)


def test_another_subgroup_keeps_the_kind_asked_about_in_lower_case(bundled: EvidenceBase) -> None:
    said = reasons(ask(bundled, "does l glutamine help ibs constipation"))
    assert any("in the kind of irritable bowel syndrome asked about" in r for r in said)


def test_harms_are_named_in_lower_case_mid_sentence(bundled: EvidenceBase) -> None:
    said = reasons(ask(bundled, "glutamine for ibs-d"))
    harms = next(r for r in said if r.startswith("Harms count too"))
    assert "nausea" in harms and "Nausea" not in harms


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("my dad has sarcoidosis can he take vitamin d", "Take care: "),
        ("i have fatty liver can i take green tea extract", "Avoid: "),
        ("my liver is bad (cirrhosis) can i take melatonin to sleep", "Avoid: "),
    ],
)
def test_a_can_i_take_question_naming_a_condition_gets_a_safety_answer(
    bundled: EvidenceBase, text: str, opening: str
) -> None:
    answer = ask(bundled, text)
    assert answer.summary.startswith(opening)
    assert "could not tell what you want to know" not in answer.summary
    assert "reasons and sources are below" in answer.summary


def test_a_side_effect_question_about_a_condition_is_answered_first(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "can melatonin cause depression")
    assert answer.summary.startswith("Depression is not among the side effects recorded for melatonin")
    assert "does not rule it out" in answer.summary


def test_a_side_effect_list_of_a_few_records_does_not_say_most_frequent(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "can melatonin cause depression")
    assert "The side effects recorded for melatonin are: " in answer.summary
    assert "2 side effects" not in answer.summary


@pytest.mark.parametrize(
    ("text", "process", "design"),
    [
        ("does glutamine help leaky gut", "intestinal permeability", "randomised controlled trial"),
        ("does glutamine raise ammonia", "ammonia", "cohort study"),
    ],
)
def test_a_question_about_a_body_process_gets_what_is_recorded_on_it(
    bundled: EvidenceBase, text: str, process: str, design: str
) -> None:
    answer = ask(bundled, text)
    assert answer.summary.startswith("On ") and process in answer.summary and design in answer.summary
    assert "several roles" not in answer.summary
    assert len(render_text(answer).splitlines()) <= 60


def test_a_named_condition_is_never_asked_for_again(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "glutamine epilepsy")
    assert answer.summary.startswith("Avoid: glutamine is advised against for people with seizure disorder")
    assert "name a condition" not in answer.summary
    assert "no symptom measure for seizure disorder" in answer.summary


def test_two_supplements_named_together_are_both_answered(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "is it safe to take magnesium and melatonin together")
    assert "No interaction between magnesium and melatonin is recorded" in answer.summary
    assert "not proof that taking them together is safe" in answer.summary
    assert "Magnesium is not for everyone: people with kidney disease should avoid it" in answer.summary
    assert "Melatonin is not for everyone: people with liver disease should avoid it" in answer.summary


def test_a_recorded_supplement_pair_is_named(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "is it safe to take 5-htp and st johns wort together")
    assert "An interaction between" in answer.summary and "is recorded (major)" in answer.summary


def test_an_unknown_word_is_said_even_when_a_caution_leads(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "is melatonin ok for a 78 year old with dementia who is up all night")
    assert answer.summary.startswith("Take care: for adults aged 55 and over")
    assert "I don't recognise 'dementia'" in answer.summary


def test_a_safety_question_about_a_condition_weighs_the_studies_of_harm(bundled: EvidenceBase) -> None:
    # no contraindication of MSG is recorded, but a trial in fibromyalgia is: "no warning" is not the whole answer
    answer = ask(bundled, "is msg bad for fibromyalgia")
    # the studies point both ways, so they are introduced as weighing harm, not as showing it (fourth try-out)
    assert "On whether it does harm there: the evidence on monosodium glutamate (MSG) and pain" in answer.summary
    assert answer.verdicts and answer.verdicts[0].asked == "worsens"
    assert answer.verdicts[0].condition == "fibromyalgia"


@pytest.mark.parametrize("text", ["saffron vs sertraline for depression", "probiotics vs prebiotics for IBS"])
def test_a_comparison_fits_about_one_screen_in_text(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    page = render_text(answer)
    assert len(page.splitlines()) <= 70  # was 505 lines for the first
    assert answer.comparisons and answer.comparisons[0].rows[0].name in page
    if len(answer.comparisons) > 1:
        assert "more comparison" in answer.summary


def test_the_comparison_that_names_the_supplement_asked_about_leads(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "saffron vs sertraline for depression")
    assert "saffron" in {row.substance for row in answer.comparisons[0].rows}


def test_a_why_question_without_a_traced_mechanism_says_so(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "why does glutamine cause headaches")
    assert "traces no mechanism from glutamine to headache" in answer.summary


def test_a_question_naming_no_symptom_gets_the_verdict_the_studies_allow(bundled: EvidenceBase) -> None:
    # the base's one human finding on L-methylfolate is on mood in depression (added to an SSRI)
    answer = ask(bundled, "l-methylfolate with antidepressant to boost it")
    assert answer.summary.startswith(
        "The human studies of L-methylfolate in the evidence base are on mood in depression"
    )
    assert [(v.outcome, v.condition) for v in answer.verdicts] == [("mood", "depression")]


def test_nothing_to_list_is_not_called_listed_below(bundled: EvidenceBase) -> None:
    # "the blood brain barrier" is now named as an unknown term (test_tryout_reading.py), so the
    # untraced mechanism is asked without one
    answer = ask(bundled, "does gaba even cross into the brain")
    assert answer.intent == "mechanism"
    assert "listed below" not in answer.summary
    assert "records nothing" in answer.summary


def test_an_interaction_question_that_also_asks_for_the_evidence_gets_it(bundled: EvidenceBase) -> None:
    text = (
        "i have fibromyalgia, ibs and depression and i'm on duloxetine, i've read glutamine might help my gut "
        "but also might make pain worse, i'm so confused about whether to try it, what does the evidence say"
    )
    answer = ask(bundled, text)
    assert answer.summary.startswith("Take care: for people with fibromyalgia")
    assert "No interaction between glutamine and duloxetine is recorded" in answer.summary
    assert {(v.outcome, v.condition) for v in answer.verdicts} == {
        ("gut-symptoms", "irritable-bowel-syndrome"),
        ("pain", "fibromyalgia"),
    }
    assert "On the effects asked about:" in answer.summary


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("glutamine for fibro and ibs", [("pain", "fibromyalgia"), ("gut-symptoms", "irritable-bowel-syndrome")]),
        ("does omega 3 help fibromyalgia and depression", [("pain", "fibromyalgia"), ("mood", "depression")]),
        ("is vitamin d good for fibro and depression", [("pain", "fibromyalgia"), ("mood", "depression")]),
        # a setting named as such keeps every outcome in it
        ("does glutamine help anxiety in depression", [("anxiety-symptoms", "depression")]),
        # not one list: the depression of a person with bipolar disorder is asked about in bipolar disorder
        ("i have bipolar 2, would saffron help my depression", [("mood", "bipolar-disorder")]),
    ],
)
def test_each_condition_of_a_list_is_asked_about_through_its_own_outcome(
    bundled: EvidenceBase, text: str, pairs: list[tuple[str, str]]
) -> None:
    # was "pain in people in general" for the second, and mood "in irritable bowel syndrome" for a list
    answer = ask(bundled, text)
    assert [(v.outcome, v.condition) for v in answer.verdicts] == pairs


def test_each_side_effect_list_of_two_supplements_says_whose_it_is(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "is it safe to take magnesium and melatonin together")
    titles = [s.title for s in answer.sections if s.key == "side_effects"]
    assert titles == ["Side effects of magnesium", "Side effects of melatonin"]


def test_a_stricter_form_of_a_named_condition_is_named_after_the_lead(bundled: EvidenceBase) -> None:
    # liver disease is a caution for glutamine; hepatic encephalopathy, a form of it, an avoid
    answer = ask(bundled, "is glutamine ok for my dad's liver")
    assert answer.summary.startswith("Take care: ")
    assert "If it is hepatic encephalopathy, a form of liver disease, glutamine is advised against" in answer.summary
    assert answer.safety_level == "caution"  # the level the question names still leads


def test_lactulose_named_for_the_liver_makes_the_stricter_form_lead(bundled: EvidenceBase) -> None:
    # lactulose is prescribed for hepatic encephalopathy (its label; tests/test_medicine_uses.py):
    # naming it makes that form likely, so its avoid leads, said conditionally, and is not repeated
    answer = ask(bundled, "glutamine and lactulose for my dad's liver")
    assert answer.summary.startswith("Avoid if you take lactulose for hepatic encephalopathy: ")
    assert "If it is hepatic encephalopathy" not in answer.summary
    assert answer.safety_level == "avoid"


def test_a_named_stricter_form_is_not_repeated(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "my dad has hepatic encephalopathy and liver disease, is glutamine ok")
    assert "If it is hepatic encephalopathy" not in answer.summary


@pytest.mark.parametrize(
    ("text", "opening", "severity_says"),
    [
        (
            "is magnesium safe with gabapentin",
            "Take care: magnesium and gabapentin interact; separate the doses",
            "Combine them only with the prescriber's agreement.",  # moderate (docs/interactions.md)
        ),
        (
            "fish oil and warfarin",
            "Take care: omega-3 fatty acids (fish oil with EPA and DHA) and warfarin interact",
            "It is recorded as a minor interaction.",
        ),
    ],
)
def test_a_caution_level_interaction_leads_with_its_advice_and_what_its_severity_asks(
    bundled: EvidenceBase, text: str, opening: str, severity_says: str
) -> None:
    # was "for people taking gabapentin, magnesium is only for use with a clinician's agreement (Separate ...)"
    answer = ask(bundled, text)
    assert answer.summary.startswith(opening)
    assert severity_says in answer.summary
    assert "may interact with" not in answer.summary  # said once, by the lead
    assert answer.safety_level == "caution"


def test_a_side_effect_named_in_the_opening_is_not_listed_again(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "could vitamin b6 give me nerve damage")
    assert answer.summary.startswith("Yes: recorded among the side effects of vitamin B6: sensory nerve damage")
    assert answer.summary.count("sensory nerve damage") == 1


def test_the_supplements_own_name_is_not_read_as_a_symptom(bundled: EvidenceBase) -> None:
    # "SAMe" is a word of the serotonin-syndrome record, but "can SAMe cause mania" asks about mania
    answer = ask(bundled, "can SAMe cause mania")
    assert "recorded among the side effects of SAMe (S-adenosylmethionine): hypomania or mania." in answer.summary
    opening = answer.summary.split("Yes: ", 1)[1].split(". ", 1)[0]
    assert "serotonin syndrome" not in opening.lower()


def test_a_why_question_about_an_interaction_points_to_its_record(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "why does st johns wort make the pill not work")
    assert answer.summary.startswith(
        "Avoid: St John's wort is advised against for people taking hormonal contraceptives"
    )
    assert "records nothing" not in answer.summary and "listed below" not in answer.summary
    assert "How they interact, and what to do, is in the recorded warning" in answer.summary


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        (
            "i take omeprazole every day do i need b12",
            "Take care: Omeprazole, like the other proton pump inhibitors (PPIs), can lower vitamin B12.",
        ),
        ("do I need B12 if I'm on a PPI", "Take care: Proton pump inhibitors (PPIs) can lower vitamin B12."),
        ("b12 and metformin", "Take care: Metformin can lower vitamin B12."),
        (
            "i'm on famotidine and metformin, do i need b12 shots",
            "Take care: Metformin and H2 blockers (H2-receptor antagonists) such as famotidine can lower vitamin B12.",
        ),
    ],
)
def test_a_medicine_that_lowers_a_nutrient_is_answered_as_whether_more_is_needed(
    bundled: EvidenceBase, text: str, opening: str
) -> None:
    # try-out 40: was "vitamin B12 and PPIs interact; stomach acid frees B12 from food", which
    # neither said what the PPI does to B12 nor whether to take it
    answer = ask(bundled, text)
    assert answer.summary.startswith(opening)
    assert "ask whether a B12 check is due" in answer.summary
    assert " interact;" not in answer.summary
    assert answer.safety_level == "caution"


def test_a_named_medicine_is_linked_only_to_the_class_it_belongs_to(bundled: EvidenceBase) -> None:
    # was "Famotidine, metformin is counted among the H2 blockers"
    summary = ask(bundled, "i'm on famotidine and metformin, do i need b12 shots").summary
    assert "Famotidine is counted among the H2 blockers (H2-receptor antagonists)." in summary
    assert "metformin is counted" not in summary.lower()


def test_a_comparison_written_for_another_condition_says_so_first(bundled: EvidenceBase) -> None:
    # try-out 51: the only probiotics-prebiotics comparison is written for fibromyalgia
    summary = ask(bundled, "probiotics vs prebiotics for IBS").summary
    assert summary.startswith(
        "The evidence base holds no comparison of these options written for irritable bowel syndrome; "
        "the closest, written for another setting (supporting gut health in someone with fibromyalgia"
    )
    fitting = ask(bundled, "i have ibs and fibro, would probiotics or glutamine be better").summary
    assert "another setting" not in fitting and "Supporting gut health in someone with fibromyalgia" in fitting
