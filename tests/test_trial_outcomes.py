"""The outcome scales and their cited important differences are data: check they stay honest."""

from __future__ import annotations

import re

import pytest

from suppwise.trials.outcomes import CONVENTION_FRACTION, OUTCOME_SCALES, Citation, EvidenceStatus, OutcomeScale

PMID = re.compile(r"^[1-9]\d{0,8}$")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")


def _citations(scale: OutcomeScale) -> list[Citation]:
    found = list(scale.important_difference.sources)
    if scale.instrument is not None:
        found.append(scale.instrument)
    return found


def test_the_six_outcomes_of_a_trial_are_known() -> None:
    assert set(OUTCOME_SCALES) == {"pain_nrs", "phq9", "phq2", "fatigue_nrs", "sleep_quality_nrs", "gi_symptoms_nrs"}
    assert all(key == scale.id for key, scale in OUTCOME_SCALES.items())
    assert OUTCOME_SCALES["phq2"].important_difference.points == 1.2  # printed as 1.2, not 1.2000000000000002


@pytest.mark.parametrize("scale", OUTCOME_SCALES.values(), ids=lambda s: s.id)
def test_scale_is_consistent(scale: OutcomeScale) -> None:
    assert scale.low < scale.high
    assert 0 < scale.delta < scale.high - scale.low
    assert scale.name and scale.noun and scale.important_difference.basis
    relative = scale.important_difference.relative
    assert relative is None or 0 < relative < 1


@pytest.mark.parametrize("scale", OUTCOME_SCALES.values(), ids=lambda s: s.id)
def test_identifiers_have_the_right_shape_and_say_how_they_were_checked(scale: OutcomeScale) -> None:
    for citation in _citations(scale):
        assert citation.pmid is None or PMID.match(citation.pmid), citation.pmid
        assert citation.doi is None or DOI.match(citation.doi), citation.doi
        assert citation.pmid or citation.doi or citation.url, f"{citation.title}: no way to find it"
        assert citation.checked, f"{citation.title}: say what it was checked against"
        assert 1950 < citation.year < 2100


@pytest.mark.parametrize("scale", OUTCOME_SCALES.values(), ids=lambda s: s.id)
def test_status_matches_where_the_value_comes_from(scale: OutcomeScale) -> None:
    difference = scale.important_difference
    assert difference.sources, "even a convention names what supports the instrument"
    if difference.status is EvidenceStatus.UNVERIFIED_CONVENTION:
        assert difference.points == pytest.approx(CONVENTION_FRACTION * (scale.high - scale.low))
        assert "No published point value could be verified" in difference.basis
    else:
        assert any(c.pmid or c.doi or c.url for c in difference.sources), "a verified value needs a findable source"
        for citation in difference.sources:
            if not (citation.pmid and citation.doi):
                assert "not" in citation.checked, f"{citation.title}: say which identifier was not found"


def test_the_two_values_the_design_names_are_verified() -> None:
    pain, phq9 = OUTCOME_SCALES["pain_nrs"], OUTCOME_SCALES["phq9"]
    assert (pain.delta, pain.important_difference.status) == (2.0, EvidenceStatus.VERIFIED)
    assert pain.important_difference.sources[0].pmid == "11690728"
    assert (phq9.delta, phq9.important_difference.status) == (5.0, EvidenceStatus.VERIFIED)
    assert phq9.important_difference.sources[0].pmid == "15550799"
