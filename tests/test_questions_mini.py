"""Parsing and answering on the made-up evidence base: intents, entities, typos, unknown names."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from suppwise.errors import QuestionError
from suppwise.evidence import EvidenceBase
from suppwise.questions.parse import Intent, parse
from suppwise.reasoning.verdict import Direction
from suppwise.render import Format, render
from tests.evidence_helpers import ask


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Does alpha help pain in condition X?", Intent.EFFECT),
        ("Can alpha cure condition X?", Intent.CURE),
        ("Is alpha safe for everyone?", Intent.SAFETY),
        ("Is alpha safe with Kayone?", Intent.INTERACTION),
        ("Does alpha interact with K blockers?", Intent.INTERACTION),
        ("What are the side effects of alpha?", Intent.SIDE_EFFECTS),
        ("How much alpha should I take?", Intent.DOSING),
        ("Should I take alpha on an empty stomach or with food?", Intent.ADMINISTRATION),
        ("Which foods contain alpha?", Intent.SOURCES),
        ("Alpha vs beta for condition X", Intent.COMPARISON),
        ("What are the alternatives to alpha for condition X?", Intent.ALTERNATIVES),
        ("How does alpha affect pain?", Intent.MECHANISM),
        ("Is alpha the same as beta?", Intent.DEFINITION),
        ("Where can I find reliable information about alpha?", Intent.RESOURCES),
    ],
)
def test_intents(mini: EvidenceBase, text: str, intent: Intent) -> None:
    assert parse(text, mini).intent is intent


def test_synonyms_and_typos_are_recognised(mini: EvidenceBase) -> None:
    query = parse("Does L-alpha help pain in Conditon X?", mini)
    assert query.substances == ("alpha",)
    assert query.conditions == ("cond-x",)


def test_asked_direction_uses_outcome_orientation(mini: EvidenceBase) -> None:
    assert parse("Does alpha increase pain?", mini).asked is Direction.WORSENS
    assert parse("Does gamma increase mood?", mini).asked is Direction.HELPS
    assert parse("Does alpha make pain worse?", mini).asked is Direction.WORSENS
    assert parse("Does alpha reduce pain?", mini).asked is Direction.HELPS


def test_unknown_substance_gets_a_clear_message_and_no_verdict(mini: EvidenceBase) -> None:
    answer = ask(mini, "Does ashwagandha help pain in condition X?")
    assert answer.code == "SUBSTANCE_NOT_FOUND"
    assert answer.verdict is None
    assert "ashwagandha" in answer.summary


def test_unknown_condition_gets_a_clear_message(mini: EvidenceBase) -> None:
    answer = ask(mini, "Does alpha help lupus?")
    assert answer.code == "CONDITION_NOT_FOUND"
    assert answer.verdict is None and "lupus" in answer.summary


def test_interaction_reaches_class_members(mini: EvidenceBase) -> None:
    answer = ask(mini, "Can I take alpha with Kayone?")
    section = next(s for s in answer.sections if s.key == "interactions")
    assert "K blockers" in section.items[0]
    assert any(c.matches_question and c.kind == "interaction" for c in answer.cautions)


def test_cure_is_never_yes(mini: EvidenceBase) -> None:
    answer = ask(mini, "Can alpha cure condition X?")
    assert answer.summary.startswith("No")
    assert answer.verdict is not None and answer.verdict.answer == "no"


def test_crisis_comes_first_in_every_format(mini: EvidenceBase) -> None:
    answer = ask(mini, "I feel suicidal, does alpha help my mood?")
    assert answer.crisis and answer.crisis_resources
    text = render(answer, Format.TEXT)
    assert text.index("Get help now") < text.index("does alpha")
    assert render(answer, Format.MARKDOWN).startswith("> **If you are in crisis")
    html = render(answer, Format.HTML)
    assert html.index('class="crisis"') < html.index("<h1>")


def test_every_format_carries_the_disclaimer(mini: EvidenceBase) -> None:
    answer = ask(mini, "Does alpha help pain in condition X?")
    for fmt in Format:
        assert "not medical advice" in render(answer, fmt)


def test_html_escapes_the_question(mini: EvidenceBase) -> None:
    answer = ask(mini, "<script>alert(1)</script> does alpha help pain?")
    html = render(answer, Format.HTML)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_empty_and_overlong_questions_are_clear_errors(mini: EvidenceBase) -> None:
    with pytest.raises(QuestionError, match="empty"):
        parse("   ", mini)
    with pytest.raises(QuestionError, match="limit is 500"):
        parse("why " * 200, mini)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_string_gives_an_answer_or_a_clear_error(mini: EvidenceBase, text: str) -> None:
    try:
        answer = ask(mini, text)
    except QuestionError as error:
        assert error.message
        return
    assert answer.disclaimer
    assert json.loads(render(answer, Format.JSON))["question"] == answer.question
