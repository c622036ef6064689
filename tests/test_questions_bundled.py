"""Questions beyond the seed FAQs, on the bundled evidence base: the ways a real person asks."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from suppwise.errors import QuestionError
from suppwise.evidence import EvidenceBase
from suppwise.questions.answer import mid_sentence
from tests.evidence_helpers import ask


@pytest.mark.parametrize(
    "text",
    [
        "i dont want to live anymore",
        "I don't want to be here anymore",
        "kms",
        "How many glutamine pills would it take to die?",
        "I want to take all my pills at once",
        "je veux mourir",
        "ich will nicht mehr leben",
        "I want to die " + "x" * 700,
        "?! suicide ?!",
    ],
)
def test_every_sign_of_crisis_shows_resources_and_no_suggestions(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    assert answer.crisis and answer.crisis_resources
    assert answer.suggestions == {}
    assert "Did you mean" not in answer.summary


def test_condition_before_symptom_is_the_setting(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "Does glutamine help fibromyalgia fatigue?")
    assert [(v.outcome, v.condition) for v in answer.verdicts] == [("fatigue", "fibromyalgia")]


def test_general_question_is_not_answered_from_one_disease(bundled: EvidenceBase) -> None:
    # the only pain trial is in sickle cell disease: indirect for people in general
    answer = ask(bundled, "Does glutamine help pain?")
    assert answer.verdict is not None and answer.verdict.certainty == "very_low"
    assert answer.verdict.answer == "unclear"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Does glutamine cause headaches?", "headache"), ("Does glutamine cause bloating?", "bloating")],
)
def test_side_effect_questions_answer_from_side_effect_records(bundled: EvidenceBase, text: str, expected: str) -> None:
    answer = ask(bundled, text)
    assert answer.intent == "side_effects" and answer.verdict is None
    assert any(expected in point.lower() and "recorded among" in point.lower() for point in answer.key_points)


@pytest.mark.parametrize(
    ("text", "population"),
    [
        ("Is glutamine safe during pregnancy?", "glutamine-pregnancy"),
        ("Can kids take glutamine?", "glutamine-children"),
    ],
)
def test_special_populations_are_matched(bundled: EvidenceBase, text: str, population: str) -> None:
    answer = ask(bundled, text)
    assert answer.intent == "safety" and answer.code == "ANSWERED"
    assert any(c.entity == population and c.matches_question for c in answer.cautions)


def test_unknown_drug_is_named_and_never_called_safe(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "Does glutamine interact with metoprolol?")
    assert answer.intent == "interaction"
    assert "'metoprolol' is not in the evidence base" in answer.summary
    assert "not proof of safety" in answer.summary


def test_drug_named_without_a_question_word_is_an_interaction(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "Glutamine with valproate?")
    assert answer.intent == "interaction"
    assert any(c.entity == "anticonvulsants" and c.matches_question for c in answer.cautions)


def test_what_is_a_process(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "What is central sensitisation?")
    assert answer.intent == "definition" and answer.code == "ANSWERED"
    assert "pain" in answer.summary.lower()


def test_avoid_condition_is_said_first_in_an_effect_answer(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "Does glutamine help mood in bipolar disorder?")
    assert answer.key_points[0].startswith("Glutamine should be avoided in bipolar disorder")


def test_maximum_dose_question_leads_with_the_safe_level(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "What is the maximum dose of glutamine?")
    assert answer.summary.startswith("The observed safe level of glutamine is 14 g/day")


def test_meta_analysis_with_recorded_inconsistency_is_not_high(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "Does fish oil help depression?")
    assert answer.verdict is not None and answer.verdict.certainty not in ("high", "moderate")
    assert any("inconsistency" in point for point in answer.key_points)


def test_no_safety_records_is_not_called_safe(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "Is bone broth safe?")
    assert "not evidence that it is safe" in answer.summary


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.text(max_size=200), st.text(max_size=200))
def test_crisis_words_in_any_surrounding_text_are_caught(bundled: EvidenceBase, before: str, after: str) -> None:
    try:
        answer = ask(bundled, f"{before} I have thought about suicide {after}")
    except QuestionError:  # pragma: no cover - crisis text is never rejected
        pytest.fail("a question showing crisis risk was rejected")
    assert answer.crisis


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.text(max_size=300))
def test_any_string_on_the_bundled_base_gives_an_answer_or_a_clear_error(bundled: EvidenceBase, text: str) -> None:
    try:
        answer = ask(bundled, text)
    except QuestionError as error:
        assert error.message
        return
    assert answer.disclaimer


def test_every_cited_id_in_the_html_page_resolves_to_a_reference(bundled: EvidenceBase) -> None:
    import re

    from suppwise.render import Format, render

    answer = ask(bundled, "Does glutamine increase pain in fibromyalgia?")
    html = render(answer, Format.HTML)
    linked = set(re.findall(r'href="#ref-([^"]+)"', html))
    anchors = set(re.findall(r'id="ref-([^"]+)"', html))
    assert linked and linked <= anchors
    for caution in answer.cautions:
        assert all(f'href="#ref-{s}"' in html for s in caution.sources)


def test_markdown_title_neutralises_markup(bundled: EvidenceBase) -> None:
    from suppwise.render import Format, render

    markdown = render(ask(bundled, "<script>x</script> # does glutamine help pain?\n## injected"), Format.MARKDOWN)
    title = markdown.splitlines()[0]
    assert "<script>" not in title and "\n" not in title and title.startswith("# ")


@pytest.mark.parametrize(
    "text", ["Can glutamine replace my antidepressant?", "Should I stop my meds and take glutamine instead?"]
)
def test_swapping_a_prescribed_medicine_is_warned_against_first(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    assert answer.key_points[0].startswith("Do not stop, reduce or replace a prescribed medicine")


def test_ordinary_questions_carry_no_medication_warning(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "Does glutamine increase pain in fibromyalgia?")
    assert not any(p.startswith("Do not stop") for p in answer.key_points)


def test_a_second_supplement_named_keeps_the_first_ones_warning_in_the_lead(bundled: EvidenceBase) -> None:
    """Naming vitamin D beside glutamine must not drop glutamine's fibromyalgia caution; naming two
    supplements that interact leads with the avoid, about the one it concerns."""
    both = ask(bundled, "Vitamin D or glutamine - which should I start with for fibro fatigue?")
    assert both.safety_level == "caution"
    assert both.summary.startswith("Take care: for people with fibromyalgia, glutamine")
    pair = ask(bundled, "can I take 5-HTP with St John's wort?")
    assert pair.safety_level == "avoid" and pair.summary.startswith("Avoid:")
    assert {x.substance for x in pair.cautions if x.matches_question} <= {"st-johns-wort", "5-htp"}


def test_an_unnamed_supplement_is_still_the_one_the_base_knows_best(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "is it ok to take in pregnancy?")
    assert "this answer is about glutamine" in answer.summary


def test_side_effect_summaries_keep_each_names_own_capitals(bundled: EvidenceBase) -> None:
    """"LDL", "DHA" or "GI" never come out lowercased; only a common noun's first capital drops."""
    checked = 0
    for substance in {r.substance for r in bundled.side_effects}:
        name = bundled.name(substance)
        summary = ask(bundled, f"{name} side effects").summary
        for record in bundled.for_substance(bundled.side_effects, substance)[:3]:
            rest = record.effect[1:]
            assert rest in summary, (name, record.effect, summary)
            checked += any(ch.isupper() for ch in rest)
    assert checked, "no side effect with capitals inside its name was checked"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Nausea", "nausea"),
        ("Bipolar disorder", "bipolar disorder"),
        ("A small rise in LDL cholesterol", "a small rise in LDL cholesterol"),
        ("GI upset", "GI upset"),
        ("SSRIs", "SSRIs"),
        ("St John's wort", "St John's wort"),
        ("Vitamin D", "vitamin D"),
    ],
)
def test_names_mid_sentence(name: str, expected: str) -> None:
    assert mid_sentence(name) == expected
