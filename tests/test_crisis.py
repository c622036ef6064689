import pytest
from hypothesis import given
from hypothesis import strategies as st

from suppwise.safety.crisis import mentions_self_harm


@pytest.mark.parametrize(
    "text",
    [
        "I feel suicidal, does glutamine help?",
        "thinking about self-harm",
        "I want to kill myself",
        "I've been having SUICIDAL thoughts",
        "sometimes I want to die",
        "can glutamine stop me hurting myself",
        "I'd be better off dead",
        "self harm and glutamine",
    ],
)
def test_signs_of_self_harm_are_caught(text: str) -> None:
    assert mentions_self_harm(text)


@pytest.mark.parametrize(
    "text",
    [
        "Does glutamine increase pain in fibromyalgia?",
        "Is glutamine safe with lamotrigine?",
        "Can I take it with food?",
    ],
)
def test_ordinary_questions_are_not_flagged(text: str) -> None:
    assert not mentions_self_harm(text)


@given(st.text(max_size=200))
def test_any_text_is_handled(text: str) -> None:
    assert isinstance(mentions_self_harm(text), bool)
