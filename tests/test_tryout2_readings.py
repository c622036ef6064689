"""What a user sees when the second try-out's reading leftovers are asked (tests/corpus/
tryout_2026_12_04.md, "Left"): the person's own state is not the direction asked, a name suppwise
does not know is never passed over in silence, and the morning after pill is not read as the
contraceptive pill. The wordings are written for these tests."""

from __future__ import annotations

import pytest

from suppwise.evidence import EvidenceBase
from suppwise.questions.parse import parse
from suppwise.reasoning.verdict import Direction
from tests.evidence_helpers import ask


@pytest.mark.parametrize(
    "text",
    [
        "flaring up most days with fibro, could magnesium ease the aching",
        "ibs flare ups all week, would probiotics settle my stomach",
        "my pain is worse in winter, would magnesium take the edge off",
    ],
)
def test_a_state_told_beside_a_question_for_relief_asks_whether_it_helps(bundled: EvidenceBase, text: str) -> None:
    assert parse(text, bundled).asked is Direction.HELPS


def test_relief_asked_after_a_flare_is_not_answered_no(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "bad fibro flare this month, will magnesium cut down the aches")
    assert answer.summary.startswith("Yes: the evidence leans towards magnesium improving pain")


@pytest.mark.parametrize(
    "text", ["will magnesium flare up my fibro", "can magnesium trigger a flare", "could glutamine make my pain flare"]
)
def test_a_flare_asked_about_is_still_the_direction(bundled: EvidenceBase, text: str) -> None:
    assert parse(text, bundled).asked is Direction.WORSENS


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("vitamin b6 for pmdd mood swings", "pmdd"),
        ("is vitamin d any good for perimenopause tiredness", "perimenopause"),
        ("fish oil for menopause achy joints", "menopause"),
    ],
)
def test_an_unknown_condition_beside_a_symptom_is_named_after_the_verdict(
    bundled: EvidenceBase, text: str, term: str
) -> None:
    summary = ask(bundled, text).summary
    assert f"I don't recognise '{term}', so this answer does not take it into account." in summary


@pytest.mark.parametrize(
    ("text", "term", "subject"),
    [
        ("is it fine to drink prosecco on st johns wort", "prosecco", "St John's wort"),
        ("is saffron alright with grapefruit", "grapefruit", "saffron"),
        ("i eat grapefruit most mornings, can i take saffron", "grapefruit", "saffron"),
    ],
)
def test_a_drink_or_food_taken_beside_it_is_reported_first(
    bundled: EvidenceBase, text: str, term: str, subject: str
) -> None:
    answer = ask(bundled, text)
    assert term in parse(text, bundled).unrecognised
    assert answer.summary.startswith(f"I don't recognise '{term}'")
    assert f"how it bears on {subject}" in answer.summary


def test_a_known_name_adds_no_note(bundled: EvidenceBase) -> None:
    assert "I don't recognise" not in ask(bundled, "does saffron help low mood").summary


@pytest.mark.parametrize(
    "text", ["st johns wort with the morning after pill?", "is emergency contraception ok with st johns wort"]
)
def test_emergency_contraception_is_not_answered_as_the_pill(bundled: EvidenceBase, text: str) -> None:
    query = parse(text, bundled)
    assert query.intent.value == "interaction"
    assert "hormonal-contraceptives" not in query.drugs
    assert "is not in the evidence base, so suppwise cannot say whether it interacts with St John's wort" in (
        ask(bundled, text).summary
    )
