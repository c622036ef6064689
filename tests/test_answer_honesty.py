"""Honest answers, fifth pass (issue 12 §4; docs/reasoning.md, "Honest answers, fifth pass"): what a
demanding user reads when asking about the supplements the base holds. Each test holds one rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from suppwise.evidence import EvidenceBase
from suppwise.questions.answer_model import Answer
from suppwise.questions.parse import parse
from suppwise.questions.record_mentions import alcohol_drink, looked_up_as
from suppwise.reasoning.symptoms import Relation, asked_symptom, named_symptoms, names_a_subtype, relation
from suppwise.reasoning.verdict import Direction, VerdictCode, judge
from tests.evidence_helpers import ask


def said(answer: Answer) -> str:
    """Everything the person reads in words: the summary, the key points and the verdicts' reasons."""
    return " ".join([answer.summary, *answer.key_points, *(r for v in answer.verdicts for r in v.reasons)])


# --- opposite symptoms (reasoning/symptoms.py) ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["does magnesium help constipation", "can magnesium help me if im constipated", "magnesium for constipation?"],
)
def test_an_opposite_side_effect_never_makes_the_verdict_worsening(bundled: EvidenceBase, text: str) -> None:
    # magnesium's diarrhoea is the opposite of constipation: it was "leans towards worsening"
    answer = ask(bundled, text)
    assert all(v.direction != Direction.WORSENS for v in answer.verdicts)
    words = said(answer)
    assert "worsening" not in words
    assert "opposite of constipation" in words and "diarrhoea" in words.lower()


def test_a_side_effect_that_is_the_symptom_asked_leans_towards_worsening(bundled: EvidenceBase) -> None:
    # constipation is glutamine's commonest recorded side effect; the IBS-D trial is set aside
    answer = ask(bundled, "does glutamine help constipation")
    assert answer.verdicts[0].direction == Direction.WORSENS
    words = said(answer)
    assert "worsening constipation" in words
    assert "was in diarrhoea, the opposite of constipation" in words


def test_a_trial_in_the_opposite_subgroup_is_not_counted_as_benefit(bundled: EvidenceBase) -> None:
    verdict = judge(
        bundled, "glutamine", "gut-symptoms", "irritable-bowel-syndrome", asked_text="does glutamine help ibs-c"
    )
    assert verdict.direction is not Direction.HELPS
    assert not any(g.direction is Direction.HELPS for g in verdict.evidence)
    assert any("the kind of irritable bowel syndrome asked about" in r for r in verdict.reasons)


def test_a_subtype_keeps_its_other_gut_complaints(bundled: EvidenceBase) -> None:
    # IBS-D is a condition: nausea still counts as harm there; only constipation is set aside
    verdict = judge(bundled, "glutamine", "gut-symptoms", "irritable-bowel-syndrome", asked_text="glutamine for ibs-d")
    harms = [g.effect_name or "" for g in verdict.evidence if g.harm]
    assert any("Nausea" in h for h in harms) and not any("Constipation" in h for h in harms)
    assert any(
        "constipation, a recorded side effect of glutamine, is the opposite of diarrhoea" in r for r in verdict.reasons
    )


def test_no_evidence_left_says_what_was_set_aside(bundled: EvidenceBase) -> None:
    verdict = judge(bundled, "magnesium", "gut-symptoms", asked_text="does magnesium help constipation")
    assert verdict.code is VerdictCode.NO_EVIDENCE
    assert verdict.symptom == "constipation"
    assert any("not counted as harm" in r.lower() for r in verdict.reasons)


def test_questions_naming_no_bowel_habit_are_graded_as_before(bundled: EvidenceBase) -> None:
    verdict = judge(bundled, "magnesium", "gut-symptoms", asked_text="does magnesium upset the stomach")
    assert verdict.direction is Direction.WORSENS and verdict.symptom is None


@given(st.sampled_from(["diarrhoea", "diarrhea", "loose stools", "the runs", "ibs-d"]), st.text(max_size=20))
def test_the_two_sides_of_the_pair_are_opposite(diarrhoea: str, noise: str) -> None:
    constipation = asked_symptom("does it help constipation", "gut-symptoms")
    assert constipation is not None
    assert relation(constipation, f"{diarrhoea} {noise}".strip()) in (Relation.OPPOSITE, Relation.SAME)
    assert relation(constipation, diarrhoea) is Relation.OPPOSITE
    assert relation(constipation, f"{diarrhoea} or constipation") is Relation.SAME
    assert asked_symptom(f"constipation and {diarrhoea}", "gut-symptoms") is None
    assert asked_symptom("does it help constipation", "pain") is None


@pytest.mark.parametrize(("text", "subtype"), [("ibs c", True), ("ibs-d", False), ("constipation", False)])
def test_a_subtype_is_told_from_the_symptom(text: str, subtype: bool) -> None:
    assert names_a_subtype(text.replace("-", " ")) is (subtype or text == "ibs-d")


# --- counting studies and records apart -----------------------------------------------------------


def test_side_effect_records_are_not_counted_as_studies(bundled: EvidenceBase) -> None:
    verdict = judge(bundled, "glutamine", "pain", "fibromyalgia")
    line = next(r for r in verdict.reasons if r.startswith("Indirect evidence"))
    assert "studies suggest benefit" in line and "side-effect records suggest harm" in line
    assert not any(r.startswith("Indirect studies") and "harm" in r for r in verdict.reasons)


def test_direct_side_effect_records_are_not_called_studies(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "can st johns wort make anxiety worse for someone with depression")
    words = said(answer)
    assert "Side-effect records in depression show St John's wort worsening anxiety symptoms" in words
    assert "(one side-effect record)" in words and "Human studies in depression found" not in words


def test_side_effect_reports_name_what_was_reported(bundled: EvidenceBase) -> None:
    words = said(ask(bundled, "does st johns wort help anxiety"))
    assert "side-effect reports of restlessness in depression" in words


# --- alcoholic drinks are looked up as alcohol ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "is it ok to drink red wine with melatonin",
        "melatonin and wine",
        "can i have a glass of prosecco with melatonin",
    ],
)
def test_a_drink_is_looked_up_as_alcohol(bundled: EvidenceBase, text: str) -> None:
    words = said(ask(bundled, text))
    assert "mention alcohol" in words and "Alcohol and smoking make it work less well" in words


def test_red_wine_is_one_term_and_no_record_mentioning_alcohol_is_said(bundled: EvidenceBase) -> None:
    summary = ask(bundled, "is glutamine ok to take with red wine").summary
    assert "'red wine'" in summary and "'red'" not in summary
    assert "nothing recorded about glutamine mentions alcohol" in summary


def test_low_spirits_is_not_a_drink() -> None:
    assert alcohol_drink("st johns wort for low spirits") is None
    assert looked_up_as("red wine") == "alcohol" and looked_up_as("ginger") == "ginger"


# --- side effects not recorded, named as asked -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "can st johns wort cause hair loss",
        "does st johns wort make you lose hair",
        "will st johns wort make my hair fall out",
        "is hair loss a side effect of St Johns wort",
    ],
)
def test_hair_loss_not_recorded_is_said_in_those_words(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    assert answer.intent == "side_effects"
    assert answer.summary.startswith("Hair loss is not among the side effects recorded for St John's wort")
    assert "Loss is not" not in answer.summary


# --- "same" in a supplement's slot -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["does same worsen mood in bipolar", "can same lift my mood", "will same ease my low mood"]
)
def test_lower_case_same_before_a_verb_of_effect_is_same(bundled: EvidenceBase, text: str) -> None:
    query = parse(text, bundled)
    assert query.substances == ("same",)


@pytest.mark.parametrize(
    "text", ["can i take the same dose of magnesium every day", "is magnesium the same as epsom salt"]
)
def test_the_adjective_same_is_never_the_supplement(bundled: EvidenceBase, text: str) -> None:
    assert "same" not in parse(text, bundled).substances


# --- how soon, for mood: the depression trials -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "left_out"),
    [
        ("how soon does saffron help my mood", "for mood gave it for 6 to 12 weeks", "poor sleep"),
        ("how long before SAMe helps my mood", "for mood gave it for 12 weeks", "fibromyalgia"),
    ],
)
def test_how_soon_for_mood_gives_the_depression_trials(
    bundled: EvidenceBase, text: str, span: str, left_out: str
) -> None:
    answer = ask(bundled, text)
    assert span in answer.summary
    assert not any(left_out in k for k in answer.key_points if k.startswith("Given for"))


# --- trials named by their name ------------------------------------------------------------------


def test_vital_dep_is_named_where_it_stands(bundled: EvidenceBase) -> None:
    words = said(ask(bundled, "does vitamin d help depression"))
    assert (
        "VITAL-DEP, a randomised controlled trial in people in general, found that vitamin D did not change mood"
        in words
    )
    assert "it is indirect evidence for depression" in words
    assert "(one finding: VITAL-DEP)" in said(ask(bundled, "does vitamin d help my mood"))


# --- side effects found through the outcome they are filed under ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "can st johns wort make me anxious",
        "does st johns wort cause anxiety in depression",
        "could SJW make me anxious",
    ],
)
def test_restlessness_answers_an_anxiety_side_effect_question(bundled: EvidenceBase, text: str) -> None:
    summary = ask(bundled, text).summary
    assert summary.startswith("Yes: recorded among the side effects of St John's wort: restlessness")
    assert "not among the side effects" not in summary


def test_an_opposite_record_is_no_match_for_a_side_effect_question(bundled: EvidenceBase) -> None:
    # SAMe's mania is filed under mood, but it is not depression
    summary = ask(bundled, "can same cause depression").summary
    assert summary.startswith("Depression is not among the side effects recorded for SAMe")


@pytest.mark.parametrize("text", ["does omega 3 cause bloating", "can fish oil make you bloated"])
def test_a_record_found_only_by_its_heading_says_so(bundled: EvidenceBase, text: str) -> None:
    summary = ask(bundled, text).summary
    assert "stomach upset and other digestive complaints (not in those words; filed under gut symptoms)" in summary


# --- a body measure the base has no study of ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "does magnesium lower blood pressure",
        "is magnesium ok with high blood pressure",
        "can mag help high blood pressure",
    ],
)
def test_blood_pressure_is_looked_up_in_the_records(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    assert answer.summary.startswith("The evidence base holds no study of magnesium on blood pressure")
    assert "low blood pressure" in answer.summary


def test_nothing_recorded_on_blood_pressure_is_said(bundled: EvidenceBase) -> None:
    summary = ask(bundled, "will melatonin raise my blood pressure").summary
    assert "no study of melatonin on blood pressure, and nothing recorded about it mentions it" in summary


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        (
            "can green tea extract cause diarrhoea",
            "Diarrhoea is not among the side effects recorded for green tea extract",
        ),
        ("can omega 3 give me diarrhea", "Diarrhoea is not among the side effects recorded for omega-3"),
        ("does 5-htp make you depressed", "Depression is not among the side effects recorded for 5-HTP"),
        (
            "does magnesium give you the runs",
            "Yes: recorded among the side effects of magnesium: diarrhoea (diarrhea, loose stools).",
        ),
    ],
)
def test_a_named_bowel_habit_or_mood_pole_is_matched_only_by_a_record_naming_it(
    bundled: EvidenceBase, text: str, opening: str
) -> None:
    # nausea is not diarrhoea; mania is not depression; "the runs" is diarrhoea in other words
    assert ask(bundled, text).summary.startswith(opening)


def test_a_disease_named_as_a_setting_does_not_reach_its_symptom_records(bundled: EvidenceBase) -> None:
    # fibromyalgia is measured by pain, but "worse if you have fibromyalgia" is not glutamine's pain records
    summary = ask(bundled, "are glutamine side effects worse if you have fibromyalgia").summary
    assert "Yes: recorded" not in summary


@pytest.mark.parametrize(
    ("text", "recorded"),
    [("does st johns wort make you tired", "tiredness."), ("does glutamine make you gassy", "gas and bloating")],
)
def test_a_record_in_the_questions_own_words_needs_no_heading_note(
    bundled: EvidenceBase, text: str, recorded: str
) -> None:
    summary = ask(bundled, text).summary
    assert recorded in summary and "not in those words" not in summary


@pytest.mark.parametrize("text", ["can omega 3 thin my blood", "does fish oil thin your blood"])
def test_thinning_the_blood_is_looked_up_as_bleeding_and_never_answered_yes_about_mood(
    bundled: EvidenceBase, text: str
) -> None:
    summary = ask(bundled, text).summary
    assert summary.startswith("The evidence base holds no study of omega-3")
    assert "mention bleeding" in summary and "Warfarin" in summary
    assert "Yes:" not in summary


def test_groggy_finds_next_day_drowsiness(bundled: EvidenceBase) -> None:
    summary = ask(bundled, "does melatonin make you groggy").summary
    assert summary.startswith("Yes: recorded among the side effects of melatonin: drowsiness, including the next day")


def test_blood_thinners_are_medicines_not_a_measure(bundled: EvidenceBase) -> None:
    summary = ask(bundled, "can glutamine be taken with blood thinners").summary
    assert summary.startswith("No interaction between glutamine and anticoagulants")
    assert "thinning the blood" not in summary


def test_a_count_of_interactions_is_written_as_a_count(bundled: EvidenceBase) -> None:
    summary = ask(bundled, "does magnesium interact with any medicines").summary
    assert summary.startswith("Magnesium has 6 recorded interactions with medicines")
    assert "(s)" not in summary


def test_a_prevention_trial_is_not_a_study_in_the_condition_for_how_soon(bundled: EvidenceBase) -> None:
    # VITAL-DEP was in people without depression: not "its studies of vitamin D in depression"
    summary = ask(bundled, "how long does vitamin d take to work for depression").summary
    assert "in depression gave it" not in summary
    assert "for mood gave it for about 5 years" in ask(bundled, "how soon does vitamin d help my mood").summary


@pytest.mark.parametrize(
    "text", ["ginger beer with melatonin", "root beer tonight", "apple cider with it", "cider vinegar shots"]
)
def test_drinks_named_like_alcohol_but_without_it_are_not_looked_up_as_alcohol(text: str) -> None:
    assert alcohol_drink(text) is None


@pytest.mark.parametrize("text", ["does it help with manipulating my mood", "it will manifest later"])
def test_words_that_start_like_mania_are_not_mania(text: str) -> None:
    assert "mania" not in named_symptoms(text)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("does magnesium help sleep in kidney disease", "kidney disease"),
        ("does saffron help anxiety in fibromyalgia", "fibromyalgia"),
    ],
)
def test_indirect_evidence_is_never_worded_as_a_study_in_the_condition(
    bundled: EvidenceBase, text: str, where: str
) -> None:
    # "the evidence leans towards magnesium improving sleep quality in kidney disease" read as a study there
    summary = ask(bundled, text).summary
    assert f"improving {where}" not in summary and f"quality in {where}" not in summary
    assert f"no direct study in {where}" in summary
    assert "the indirect evidence" in summary
