"""What a user sees in `ask` answers: the sixth try-out (6 December 2026, recorded in
tests/corpus/tryout_2026_12_06.md, branch tryout20). Each test holds one general cause found there;
most wordings are written for these tests, not taken from the try-out or a corpus file."""

from __future__ import annotations

import pytest

from suppwise.evidence import EvidenceBase
from suppwise.evidence.schema import Interaction, InteractionMechanism
from suppwise.questions.dose_frame import dose_first
from suppwise.questions.medicine_ways import asks_about_medicines_in_general, medicine_ways
from suppwise.questions.parse import parse
from suppwise.questions.record_mentions import naming
from suppwise.questions.unknown_goal import unknown_goals
from suppwise.render.text import render_text
from tests.evidence_helpers import ask


def _entities(base: EvidenceBase, text: str) -> set[str]:
    return {e for ids in parse(text, base).entities.values() for e in ids}


# -- how a supplement acts on medicines in general: said from its interaction records -----------------


@pytest.mark.parametrize(
    ("text", "medicine", "way"),
    [
        ("how does st johns wort stop other medicines working", "hormonal contraceptives", "clear the other faster"),
        ("why does st john's wort interfere with so many drugs", "anticoagulants", "clear the other faster"),
        ("in what way does melatonin interact with other medications", "fluvoxamine", "slows the body's breakdown"),
        ("how come magnesium messes with my meds", "levothyroxine", "absorbed from the gut"),
        ("how does saffron interact with meds", "antidepressants", "serotonin"),
    ],
)
def test_how_a_supplement_acts_on_medicines_in_general_is_answered(
    bundled: EvidenceBase, text: str, medicine: str, way: str
) -> None:
    # before: "The evidence base records nothing on what St John's wort does in the body that fits
    # this question", while each of its interaction records says how it acts
    answer = ask(bundled, text)
    assert answer.intent == "mechanism"
    assert "records nothing" not in answer.summary
    assert way in answer.summary and medicine in answer.summary.lower()
    assert any(section.key == "interactions" for section in answer.sections)


def test_supplements_beside_it_are_not_called_medicines(bundled: EvidenceBase) -> None:
    summary = ask(bundled, "how does st johns wort stop other medicines working").summary
    assert "5-HTP" not in summary and "SAMe" not in summary


def test_a_medicine_named_keeps_its_own_record(bundled: EvidenceBase) -> None:
    # near miss: one medicine named is answered by its own warning, not the general ways
    summary = ask(bundled, "how does st johns wort interact with sertraline").summary
    assert "ways" not in summary
    assert summary.startswith("Avoid")


@pytest.mark.parametrize(
    "text",
    ["how does st johns wort work for depression", "why does magnesium cause diarrhoea", "how does the pill work"],
)
def test_medicines_in_general_is_not_read_into_other_questions(text: str) -> None:
    assert not asks_about_medicines_in_general(text)


def test_no_recorded_way_says_nothing(bundled: EvidenceBase) -> None:
    unknown = Interaction(
        id="x-y",
        substance="magnesium",
        drug="warfarin",
        severity="minor",
        evidence_level="C",
        mechanism_kinds=(InteractionMechanism.UNKNOWN,),
        actions=("monitor",),
        mechanism="Not settled.",
        management="Tell the prescriber.",
        sources=(),
    )
    assert medicine_ways([unknown], "magnesium", bundled.name) == ""
    assert medicine_ways([], "magnesium", bundled.name) == ""


# -- weight goals said in gym words are the base's overweight and obesity -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "dying to know if green tea extract actually burns fat",
        "fat burner with green tea extract, is it worth it",
        "will magnesium help me lose fat",
        "is saffron any use for fat loss",
    ],
)
def test_burning_fat_is_read_as_the_weight_goal(bundled: EvidenceBase, text: str) -> None:
    assert "obesity" in _entities(bundled, text)
    # before: "The human studies of green tea extract (EGCG) in the evidence base are on mood"
    assert "on mood" not in ask(bundled, text).summary


def test_the_records_on_weight_loss_blends_are_quoted_not_passed_over(bundled: EvidenceBase) -> None:
    summary = ask(bundled, "does green tea extract burn fat").summary
    assert "weight-loss blends" in summary and "liver injury" in summary


def test_a_word_ending_in_double_s_is_found_in_the_records() -> None:
    assert naming("weight-loss").search("especially in weight-loss blends")
    assert naming("tablets").search("two tablets") and naming("tablets").search("one tablet")
    assert not naming("harm").search("self-harm")


# -- a dose answer leads with the amount when no condition is named ------------------------------------


@pytest.mark.parametrize(
    ("text", "substance"),
    [
        ("how many grams of glutamine should i take after the gym", "glutamine"),
        ("How many melatonin is possible for take in one night?", "melatonin"),
        ("how many mg of melatonin should a night shift worker take", "melatonin"),
    ],
)
def test_a_dose_answer_does_not_open_with_conditions_not_named(
    bundled: EvidenceBase, text: str, substance: str
) -> None:
    summary = ask(bundled, text).summary
    assert not summary.startswith("There is no")
    assert "fibromyalgia" in summary  # moved, not dropped


def test_a_condition_named_keeps_its_no_dose_sentence_first(bundled: EvidenceBase) -> None:
    assert ask(bundled, "how much melatonin for fibromyalgia").summary.startswith("There is no established dose")


def test_dose_first_moves_only_an_opening_no_dose_sentence() -> None:
    text = "There is no established dose for fibromyalgia. The licensed product is 2 mg."
    assert dose_first(text, names_a_setting=False) == "The licensed product is 2 mg. " + text.split(". ")[0] + "."
    assert dose_first(text, names_a_setting=True) == text
    assert dose_first("Trials gave 30 mg. There is no dose for X.", names_a_setting=False).startswith("Trials")


# -- school and work words and texted "nite" -----------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["melatonin every nite for exams ok?", "ok to take magnesium every nite before my exams?"]
)
def test_nightly_use_texted_is_a_dose_question_and_exams_are_no_term(bundled: EvidenceBase, text: str) -> None:
    query = parse(text, bundled)
    assert query.intent.value == "dosing"
    assert not query.unrecognised
    assert "I don't recognise" not in ask(bundled, text).summary


@pytest.mark.parametrize(
    "text", ["is 5htp safe to take during exam season", "can i take magnesium before my night shift"]
)
def test_a_setting_in_life_is_not_reported_as_unknown(bundled: EvidenceBase, text: str) -> None:
    assert "I don't recognise" not in ask(bundled, text).summary


# -- a symptom the base lacks inside a condition it knows ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "does magnesium do anything for fibro cramps",
        "would magnesium ease my fibromyalgia cramps",
        "does magnesium help muscle cramps in fibromyalgia",
    ],
)
def test_cramps_in_fibromyalgia_are_said_not_recognised_before_the_pain_verdict(
    bundled: EvidenceBase, text: str
) -> None:
    answer = ask(bundled, text)
    assert "gut-symptoms" not in _entities(bundled, text)
    assert answer.summary.startswith("I don't recognise")
    assert "pain in fibromyalgia" in answer.summary
    assert "Yes:" not in answer.summary  # no yes to a question not asked


def test_belly_cramps_stay_gut_symptoms(bundled: EvidenceBase) -> None:
    # near miss: cramps of the belly are the base's gut symptoms, and the verdict leads as before
    text = "glutamine for stomach cramps with ibs"
    assert "gut-symptoms" in _entities(bundled, text)
    assert ask(bundled, text).summary.startswith("Yes:")


def test_a_condition_alone_still_gets_its_yes_or_no(bundled: EvidenceBase) -> None:
    assert ask(bundled, "does saffron help depression").summary.startswith("Yes:")


def test_unknown_goals_reads_only_a_word_said_of_the_condition() -> None:
    fibro = ("fibro", "fibromyalgia")
    assert unknown_goals("does magnesium help fibro cramps", ("cramps",), fibro) == ["cramps"]
    assert unknown_goals("does omega 3 help stiffness with my fibro", ("stiffness",), fibro) == ["stiffness"]
    assert unknown_goals("i take amitriptyline, does saffron help fibro", ("amitriptyline",), fibro) == []
    assert unknown_goals("would glutamine help a chap of 67 with ibs", ("chap",), ("ibs",)) == []
    depression = ("depression",)
    assert unknown_goals("for my dissertation: does glutamine help depression", ("dissertation",), depression) == []


# -- a cure asked of a process names it --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("can glutamine cure leaky gut for good", "leaky gut"),
        ("will glutamine heal my leaky gut permanently", "leaky gut"),
        ("does l-glutamine heal the gut lining", "the gut lining"),
    ],
)
def test_a_cure_of_a_process_names_it_and_says_what_is_recorded(
    bundled: EvidenceBase, text: str, named: str
) -> None:
    # before: "Unclear: nothing shows that glutamine cures it."
    summary = ask(bundled, text).summary
    assert f"heals {named} for good." in summary
    assert "the evidence base records" in summary


def test_a_cure_of_a_condition_is_unchanged(bundled: EvidenceBase) -> None:
    summary = ask(bundled, "can saffron cure depression").summary
    assert summary.startswith("No: nothing shows that saffron cures depression.")


@pytest.mark.parametrize(
    "text", ["just tell me the max dose of vitamin d", "whats the maximum vitamin d a day", "vit d upper limit?"]
)
def test_the_limit_asked_for_is_said_once(bundled: EvidenceBase, text: str) -> None:
    # try-out #3: the upper level led, and the dose record quoted after it said it again
    answer = ask(bundled, text)
    assert answer.summary.startswith("The tolerable upper intake level of vitamin D is 4000 IU/day")
    assert answer.summary.lower().count("upper intake level") == 1
    page = " ".join(render_text(answer, width=100).split())
    # the record's other sentences are not printed again under "Dose" either
    assert page.count("There is no established dose of vitamin D") == 1


def test_a_verdict_in_place_of_an_unheld_goal_carries_no_yes_badge(bundled: EvidenceBase) -> None:
    # review of stop 32: "Yes" stood above "I don't recognise 'cramps'", which set out to give no yes or no
    answer = ask(bundled, "does magnesium do anything for fibro cramps, yes or no")
    assert [v.stands_in_for for v in answer.verdicts] == ["cramps"]
    page = render_text(answer, width=100)
    assert " Related " in page and " Yes " not in page
    direct = ask(bundled, "does magnesium help fibromyalgia pain")
    assert [v.stands_in_for for v in direct.verdicts] == [None]
