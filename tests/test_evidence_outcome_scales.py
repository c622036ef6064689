"""Outcome scales are evidence: the validator checks each one like any other record, naming the
file, line and field, and the trial engine reads them from the bundled base."""

from __future__ import annotations

from pathlib import Path

import pytest

from suppwise.evidence import load_evidence, validate_directory
from suppwise.trials.outcomes import CONVENTION_FRACTION, OUTCOME_SCALES, EvidenceStatus

SCALE_FILE = """entities:
  - id: mood
    kind: outcome
    name: Mood
    higher_is_better: true
sources:
  - id: test_source
    authors: Test fixture
    title: T
    venue: V
    study_type: cross_sectional
    population: P
    verification: {{status: verified, how: test fixture}}
outcome_scales:
  - id: mood_score
    name: Depression score, 0-20
    noun: depression score
    outcome: {outcome}
    inverse: {inverse}
    low: {low}
    high: {high}
    higher_is_worse: {higher_is_worse}
    important_difference:
      points: {points}
      status: {status}
      published: {published}
{extra}      basis: Test basis.
      sources: [test_source]
"""
GOOD = {
    "outcome": "mood",
    "inverse": "true",
    "low": 0,
    "high": 20,
    "higher_is_worse": "true",
    "points": 3,
    "status": "verified",
    "published": "true",
    "extra": "",
}


def problems_for(tmp_path: Path, **changes: object) -> list[tuple[str, int, str, str]]:
    (tmp_path / "scales.yaml").write_text(SCALE_FILE.format(**{**GOOD, **changes}), encoding="utf-8")
    return [(p.file, p.line, p.code, p.message) for p in validate_directory(tmp_path)]


def test_a_consistent_scale_is_clean_and_loads(tmp_path: Path) -> None:
    assert problems_for(tmp_path) == []
    base = load_evidence(tmp_path)
    assert base.outcome_scales["mood_score"].important_difference.points == 3


def test_direction_must_agree_with_the_outcome_entity(tmp_path: Path) -> None:
    """Mood: higher is better. A depression score runs against it (inverse), so higher is worse;
    forgetting `inverse` (or flipping higher_is_worse) is named at the higher_is_worse line."""
    [(file, line, code, message)] = problems_for(tmp_path, inverse="false")
    assert (file, line, code) == ("scales.yaml", 22, "direction_conflict")
    assert "inverse" in message
    [(_, line, code, _)] = problems_for(tmp_path, higher_is_worse="false")
    assert (line, code) == (22, "direction_conflict")
    assert problems_for(tmp_path, inverse="false", higher_is_worse="false") == []


def test_the_outcome_must_be_a_defined_outcome_entity(tmp_path: Path) -> None:
    [(_, line, code, message)] = problems_for(tmp_path, outcome="sleep")
    assert (line, code) == (18, "dangling_id") and "'sleep'" in message


@pytest.mark.parametrize(
    ("changes", "code", "line"),
    [
        ({"low": 5, "high": 5}, "scale_range", 21),
        ({"low": 10, "high": 0}, "scale_range", 21),
        ({"points": 20}, "difference_outside_range", 24),
        ({"points": 25}, "difference_outside_range", 24),
    ],
)
def test_range_and_difference_must_fit(tmp_path: Path, changes: dict[str, object], code: str, line: int) -> None:
    found = problems_for(tmp_path, **changes)
    assert [(c, n) for _, n, c, _ in found] == [(code, line)]


def test_none_published_states_its_convention_and_the_points_follow_from_it(tmp_path: Path) -> None:
    convention = {"status": "unverified_convention", "published": "false"}
    assert problems_for(tmp_path, **convention, points=4, extra="      convention_fraction: 0.2\n") == []
    [(_, _, code, message)] = problems_for(tmp_path, **convention, points=4)
    assert code == "convention_mismatch" and "convention_fraction" in message
    fraction = "      convention_fraction: 0.2\n"
    [(_, line, code, message)] = problems_for(tmp_path, **convention, points=3, extra=fraction)
    assert (line, code) == (24, "convention_mismatch") and "(4)" in message
    assert {code for _, _, code, _ in problems_for(tmp_path, published="false")} == {"convention_mismatch"}
    [(_, _, code, _)] = problems_for(tmp_path, status="unverified_convention")
    assert code == "convention_mismatch"


def test_a_cited_source_must_exist(tmp_path: Path) -> None:
    text = SCALE_FILE.format(**GOOD).replace("sources: [test_source]\n", "sources: [test_source, nobody2020]\n")
    (tmp_path / "scales.yaml").write_text(text, encoding="utf-8")
    found = validate_directory(tmp_path)
    assert [(p.code, p.line) for p in found] == [("dangling_source", 28)]


def test_a_misspelt_field_is_a_located_schema_error(tmp_path: Path) -> None:
    text = SCALE_FILE.format(**GOOD).replace("higher_is_worse:", "higher_is_wrose:")
    (tmp_path / "scales.yaml").write_text(text, encoding="utf-8")
    found = validate_directory(tmp_path)
    assert ("scales.yaml", 22) in {(p.file, p.line) for p in found}
    assert "higher_is_wrose" in {p.field.split(".")[-1] for p in found if p.code == "schema"}


def test_the_trial_engine_reads_the_bundled_records() -> None:
    """One source of truth: the six scales, their LOINC codes and the PHQ-2 convention come from
    evidence/data/outcome-scales.yaml."""
    assert OUTCOME_SCALES["pain_nrs"].loinc == (
        "72514-3",
        "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
    )
    assert OUTCOME_SCALES["fatigue_nrs"].loinc is None
    phq2 = OUTCOME_SCALES["phq2"].important_difference
    assert (phq2.published, phq2.status) == (False, EvidenceStatus.UNVERIFIED_CONVENTION)
    assert phq2.points == pytest.approx(CONVENTION_FRACTION * 6)
    assert all(scale.outcome for scale in OUTCOME_SCALES.values())
    assert not any(scale.decimals for scale in OUTCOME_SCALES.values())
