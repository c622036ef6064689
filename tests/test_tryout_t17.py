"""What a user sees in `ask` answers: the fourth try-out (5 December 2026, recorded in
tests/corpus/tryout_2026_12_05c.md, branch tryout17). Each test holds one general cause found there;
the wordings are written for these tests, not taken from the try-out or a corpus file."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.evidence import EvidenceBase
from suppwise.questions.parse import parse
from suppwise.render.text import render_text
from tests.evidence_helpers import ask

# -- a supplement the base lacks is named where it stands --------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("passionflower with zoloft, is that alright", "passionflower"),
        ("ginkgo and eliquis together?", "ginkgo"),
        ("is co q10 or coq10 good for tiredness", "coq10"),
        ("q10 for fibro fatigue", "q10"),
        ("would kava be ok for my nerves", "kava"),
    ],
)
def test_an_unknown_supplement_is_named_not_passed_over(bundled: EvidenceBase, text: str, name: str) -> None:
    answer = ask(bundled, text)
    assert name in parse(text, bundled).unrecognised
    assert f"'{name}'" in answer.summary
    assert "names no supplement" not in answer.summary


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("would a low fodmap diet calm my ibs", "low fodmap diet"),
        ("is the paleo diet good for fibromyalgia", "paleo diet"),
        ("gluten free diet for ibs bloating?", "free diet"),
    ],
)
def test_a_diet_the_base_lacks_is_one_name_and_low_is_none(bundled: EvidenceBase, text: str, name: str) -> None:
    unrecognised = parse(text, bundled).unrecognised
    assert "low" not in unrecognised
    if name != "free diet":  # "gluten" is a word the reader knows as a supplement slot of its own
        assert name in unrecognised
        assert f"'{name}'" in ask(bundled, text).summary


@pytest.mark.parametrize(
    "text",
    [
        "my husband has bipolar and is low today, is saffron or same better",
        "my sons epilepsy is bad, would magnesium help",
        "coq10 dose for migraine prevention",
    ],
)
def test_words_for_a_state_a_person_or_a_goal_are_never_unknown_names(bundled: EvidenceBase, text: str) -> None:
    unrecognised = parse(text, bundled).unrecognised
    assert not {"low", "sons", "prevention"} & set(unrecognised)


def test_a_supplement_and_its_form_are_one_name(bundled: EvidenceBase) -> None:
    query = parse("chamomile tea or melatonin for sleep", bundled)
    assert query.unrecognised == ("chamomile tea",)
    assert query.intent.value == "comparison"


def test_an_unknown_option_beside_the_answered_one_is_said(bundled: EvidenceBase) -> None:
    summary = ask(bundled, "magnesium or feverfew for headaches").summary
    assert "I don't recognise 'feverfew', so this answer is about magnesium only" in summary


@settings(max_examples=25, deadline=None)
@given(
    name=st.sampled_from(["kava", "rhodiola", "butterbur", "passionflower", "skullcap"]),
    joiner=st.sampled_from(["with", "and", "plus"]),
    medicine=st.sampled_from(["xanax", "sertraline", "lexapro", "keppra", "imitrex"]),
    tail=st.sampled_from(["", " ok?", " together", " is that safe"]),
)
def test_property_a_first_named_unknown_beside_a_medicine_is_reported(
    bundled: EvidenceBase, name: str, joiner: str, medicine: str, tail: str
) -> None:
    text = f"{name} {joiner} {medicine}{tail}"
    assert name in parse(text, bundled).unrecognised
    assert f"'{name}'" in ask(bundled, text).summary


# -- a definition is printed once ---------------------------------------------------------------------


@pytest.mark.parametrize("text", ["whats saffron", "what exactly is 5 htp", "vit d", "l-methylfolate"])
def test_a_definition_is_printed_once_in_the_terminal(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    assert answer.intent == "definition"
    shown = render_text(answer, width=100)
    first = answer.summary[:60]
    assert shown.replace("\n", " ").count(first[:30]) == 1
    assert any(s.key == "definitions" for s in answer.sections)  # markdown and JSON keep the section


# -- a condition with no symptom measure: its warning screen is said -------------------------------


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("could vitamin d make her epilepsy worse", "seizure disorder"),
        ("omega 3 epilepsy", "seizure disorder"),
        ("does 5-htp make epilepsy worse", "seizure disorder"),
        ("SAMe for liver disease", "liver disease"),
    ],
)
def test_no_measure_answer_says_no_warning_is_about_the_condition(
    bundled: EvidenceBase, text: str, condition: str
) -> None:
    summary = ask(bundled, text).summary
    assert "no symptom measure" in summary
    assert f"is about {condition}, but that is not proof of safety" in summary


def test_no_measure_answer_with_a_warning_leads_with_it_and_claims_no_silence(bundled: EvidenceBase) -> None:
    summary = ask(bundled, "will glutamine make my epilepsy worse").summary
    assert summary.startswith("Avoid: glutamine is advised against for people with seizure disorder")
    assert "None of suppwise's warnings about glutamine is about seizure disorder" not in summary


# -- a benefit is never introduced as harm --------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["is melatonin alright with fibro", "magnesium ok for someone with fibromyalgia?"]
)
def test_a_benefit_found_where_harm_was_looked_for_is_not_labelled_harm(bundled: EvidenceBase, text: str) -> None:
    summary = ask(bundled, text).summary
    assert "On harm: the" not in summary or "worsening" in summary.split("On harm:")[1]
    assert re.search(r"On whether it does harm there: the (indirect )?evidence leans towards", summary)


def test_harm_found_stays_labelled_harm(bundled: EvidenceBase) -> None:
    summary = ask(bundled, "is magnesium ok with ibs").summary
    # all of it indirect: "the indirect evidence", and where it was not tested is said (stop 32)
    assert "On harm: the indirect evidence leans towards magnesium worsening" in summary
    assert "no direct study in irritable bowel syndrome" in summary


@pytest.mark.parametrize(
    ("text", "lead", "condition"),
    [
        ("my daughter is 9 and has epilepsy, is melatonin ok for her", "Take care: for children", "seizure disorder"),
        ("i have epilepsy and take keppra, is vitamin d alright", None, "seizure disorder"),
        ("pregnant with ibs, would saffron be ok", "Avoid: saffron is advised against for pregnancy", "irritable"),
    ],
)
def test_a_condition_told_beside_a_warned_stage_or_medicine_is_screened_aloud(
    bundled: EvidenceBase, text: str, lead: str | None, condition: str
) -> None:
    summary = ask(bundled, text).summary
    if lead:
        assert summary.startswith(lead)
    assert "None of suppwise's warnings about" in summary
    assert condition in summary.split("None of suppwise's warnings about")[1]


def test_an_interaction_answer_screens_a_told_condition_aloud(bundled: EvidenceBase) -> None:
    summary = ask(bundled, "mum has liver cirrhosis and takes warfarin, can she have omega 3").summary
    assert summary.startswith("Take care: omega-3 fatty acids (fish oil with EPA and DHA) and warfarin interact")
    assert "is about liver disease, but that is not proof of safety" in summary
