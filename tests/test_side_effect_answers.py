"""Questions about an effect the person already feels ("why does magnesium give me diarrhoea",
"does 5-HTP make you feel sick"): the side-effect record the base holds answers first, in whatever
words it is filed under, and a "why" question is never told "unclear" or "no report" about an effect
its sources list (issue 12, sections 3 and 4)."""

from __future__ import annotations

import pytest

from suppwise.evidence import EvidenceBase
from tests.evidence_helpers import ask


def test_why_a_recorded_side_effect_happens_opens_with_the_record_and_its_reason(bundled: EvidenceBase) -> None:
    summary = ask(bundled, "why does magnesium give me diarrhoea").summary
    assert summary.startswith("Recorded among the side effects of magnesium: diarrhoea")
    assert "draw water into the bowel" in summary  # the reason the sources give


def test_a_why_question_with_no_study_does_not_point_at_reports_that_are_not_there(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "how come melatonin gives me a headache the next day")
    assert answer.summary.startswith("Recorded among the side effects of melatonin: drowsiness, including the next day")
    assert "reports listed below" not in answer.summary and not answer.evidence
    assert "no study or mechanism" not in answer.summary


def test_a_why_question_about_a_symptom_the_base_has_no_name_for_finds_it_in_the_record(
    bundled: EvidenceBase,
) -> None:
    summary = ask(bundled, "why does melatonin give me nightmares").summary
    assert "abnormal dreams and nightmares" in summary and "up to 1 in 100" in summary
    assert "records nothing" not in summary


@pytest.mark.parametrize(
    ("text", "recorded"),
    [
        ("does 5-htp make you feel sick", "nausea, diarrhoea or other stomach upset"),  # filed under gut symptoms
        ("does melatonin give you nightmares", "abnormal dreams and nightmares"),  # a plural of the record's word
        ("does magnesium give you the runs", "diarrhoea"),
    ],
)
def test_a_side_effect_filed_under_other_words_is_still_a_yes(bundled: EvidenceBase, text: str, recorded: str) -> None:
    summary = ask(bundled, text).summary
    assert summary.startswith("Yes: recorded among the side effects")
    assert recorded in summary.split(".")[0]
    assert "not among the side effects" not in summary


def test_pain_means_the_pain_records_not_stomach_pain(bundled: EvidenceBase) -> None:
    first = ask(bundled, "why would glutamine cause pain").summary.split("(how often")[0]
    assert "back pain" in first and "pain in arms or legs" in first
    assert "abdominal" not in first


def test_a_side_effect_the_base_does_not_record_is_said_to_be_missing_not_denied(bundled: EvidenceBase) -> None:
    summary = ask(bundled, "does magnesium make your hair fall out").summary
    assert "not among the side effects recorded for magnesium" in summary
    assert "does not rule it out" in summary
