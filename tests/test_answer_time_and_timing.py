"""Questions about time: how soon a supplement works, and when in the day to take it. The base has
no record of onset, but knows how long each study gave the supplement; it may have no advice on
timing, and then says so rather than answering with advice on something else (issue 12 §3)."""

from __future__ import annotations

import pytest

from suppwise.evidence import EvidenceBase
from suppwise.questions.answer import build_answer
from suppwise.questions.parse import parse


def summary(base: EvidenceBase, text: str) -> str:
    return build_answer(base, parse(text, base)).summary


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("how long does it take for SAMe to work", "6 to 12 weeks"),
        ("how soon will i notice saffron working for my depression", "in depression gave it for 6 to 12 weeks"),
        # the interaction studies in healthy volunteers (2 weeks) measured no effect on a symptom
        ("how many weeks until st johns wort kicks in", "4 to 8 weeks"),
        ("how long does melatonin take to work for sleep", "for sleep quality gave it for 13 weeks"),
        # mood is measured in depression: the depression trials, not the sleep study (answers15)
        ("how many days of saffron before it helps my mood", "for mood gave it for 6 to 12 weeks"),
    ],
)
def test_how_soon_is_answered_with_how_long_the_studies_gave_it(bundled: EvidenceBase, text: str, span: str) -> None:
    said = summary(bundled, text)
    assert said.startswith("The evidence base does not record how soon")
    assert span in said


def test_how_long_to_keep_taking_it_is_not_read_as_how_soon(bundled: EvidenceBase) -> None:
    assert "how soon" not in summary(bundled, "how long can i take melatonin for")


def test_a_timing_question_with_no_timing_advice_is_told_so(bundled: EvidenceBase) -> None:
    said = summary(bundled, "what time of day should i take omega 3")
    assert said.startswith("No advice on when in the day to take omega-3")


def test_the_advice_that_fits_the_question_leads(bundled: EvidenceBase) -> None:
    said = summary(bundled, "is glutamine better with food or on an empty stomach")
    assert said.startswith("No study has compared taking glutamine on an empty stomach")
    assert summary(bundled, "should i take melatonin in the morning or at night").startswith(
        "Take melatonin 1-2 hours before bedtime"
    )


def test_two_supplements_together_are_not_each_answered_no(bundled: EvidenceBase) -> None:
    said = summary(bundled, "can i take vitamin d and magnesium at the same time")
    assert "No interaction between vitamin D and magnesium is recorded" in said
    assert "No, " not in said and "Magnesium is not for everyone: people with kidney disease" in said
    assert summary(bundled, "is magnesium safe").startswith("No, magnesium is not safe for everyone.")
