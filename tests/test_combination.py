"""Several supplements screened at once, on the bundled evidence base: every interacting pair among
the supplements and the person's medicines, once, most severe first; and the `check` command's
text and JSON for it."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from suppwise.cli import app
from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import EntityKind, Interaction, Severity
from suppwise.safety.combination import SEVERITY_RANK, combination_check, interacting_pairs
from suppwise.safety.combination_model import CombinationCheck
from suppwise.safety.profile import profile_from_data
from suppwise.safety.screen import resolve_profile, screen
from suppwise.safety.screen_model import Screen
from suppwise.services.answers import evidence_base

from .conftest import bundled as bundled_fixture  # noqa: F401  (pytest fixture)

runner = CliRunner()
ORDER = {"contraindicated": 0, "major": 1, "moderate": 2, "minor": 3}


def combine(base: EvidenceBase, substance: str, **fields: object) -> CombinationCheck:
    return combination_check(base, resolve_profile(base, profile_from_data(fields)), substance)


def keys(check: CombinationCheck) -> list[frozenset[str]]:
    return [frozenset((p.first, p.second)) for p in check.pairs]


def test_a_brand_name_reaches_the_class_a_record_names(bundled: EvidenceBase) -> None:
    check = combine(bundled, "st-johns-wort", medications=["Zoloft"], supplements=["magnesium"])
    (pair,) = check.pairs
    assert (pair.first, pair.second, pair.second_kind) == ("st-johns-wort", "sertraline", "medicine")
    assert pair.recorded_with == "antidepressants" and pair.matched_terms == ["Zoloft"]
    assert (pair.severity, pair.level) == ("major", "avoid")
    assert check.level == "avoid" and check.summary.startswith("Avoid this combination")


def test_a_supplement_with_another_supplement_is_a_pair(bundled: EvidenceBase) -> None:
    """St John's wort with 5-HTP is one pair, whichever of the two is being checked."""
    one = combine(bundled, "st-johns-wort", supplements=["5-HTP"])
    other = combine(bundled, "5-htp", supplements=["St John's wort"])
    assert keys(one) == keys(other) == [frozenset({"st-johns-wort", "5-htp"})]
    assert one.pairs[0].second_kind == "supplement" and one.pairs[0].severity == "major"
    # both sides are recorded (5-HTP's file names St John's wort too): still one pair, their sources pooled
    assert {other.pairs[0].first, other.pairs[0].second} == {"st-johns-wort", "5-htp"}
    assert [s.substance for s in other.screens] == ["5-htp", "st-johns-wort"]
    sjw = other.screens[1]
    assert any(r.kind == "interaction" and r.entity == "5-htp" for r in sjw.reasons)


def test_records_for_a_medicine_and_its_class_make_one_pair_the_most_severe(bundled: EvidenceBase) -> None:
    """Nardil is an MAOI (contraindicated with St John's wort) and an antidepressant (major): one
    pair, contraindicated, with the sources of both records."""
    check = combine(bundled, "st-johns-wort", medications=["Nardil"], supplements=["glutamine"])
    (pair,) = check.pairs
    assert pair.severity == "contraindicated" and pair.recorded_with == "maois"
    by_id = {r.id: r for r in bundled.interactions}
    assert pair.records == ["st-johns-wort-maois", "st-johns-wort-antidepressants"]
    for record_id in pair.records:
        assert set(by_id[record_id].sources) <= set(pair.sources)


def test_records_on_both_sides_make_one_pair(bundled: EvidenceBase) -> None:
    """5-HTP records St John's wort and St John's wort records 5-HTP: one pair, both records
    behind it, whichever is being checked; a made-up milder mirror never speaks for the pair."""
    forward = next(r for r in bundled.interactions if r.id == "st-johns-wort-5-htp")
    milder = Interaction.model_validate(
        {**forward.model_dump(), "id": "5-htp-st-johns-wort-probe", "substance": "5-htp", "drug": "st-johns-wort",
         "severity": "minor", "sources": [next(iter(bundled.sources))]}
    )  # fmt: skip
    base = bundled.with_records(interactions=(*bundled.interactions, milder))
    for checked, other in (("st-johns-wort", "5-HTP"), ("5-htp", "St John's wort")):
        check = combine(base, checked, supplements=[other], medications=["sertraline"])
        assert keys(check).count(frozenset({"st-johns-wort", "5-htp"})) == 1
        pair = next(p for p in check.pairs if {p.first, p.second} == {"st-johns-wort", "5-htp"})
        assert pair.severity == "major"
        assert set(pair.records) == {"st-johns-wort-5-htp", "5-htp-st-johns-wort", "5-htp-st-johns-wort-probe"}
        assert set(milder.sources) <= set(pair.sources)


def test_pairs_come_most_severe_first_then_best_documented(bundled: EvidenceBase) -> None:
    check = combine(
        bundled,
        "magnesium",
        supplements=["St John's wort", "glutamine"],
        medications=["Nardil", "warfarin", "Zoloft", "Prilosec", "Neurontin", "lactulose"],
    )
    ranks = [(ORDER[p.severity], p.evidence_level) for p in check.pairs]
    assert ranks == sorted(ranks)
    assert [p.severity for p in check.pairs][:1] == ["contraindicated"]
    assert check.pairs[-1].severity == "minor" and check.pairs[-1].second == "omeprazole"
    gabapentin = [p for p in check.pairs if p.second == "gabapentin"]
    assert {p.first for p in gabapentin} == {"magnesium", "glutamine"}
    separate = next(p for p in gabapentin if p.first == "magnesium")
    assert separate.separate_hours == 2 and separate.action == "Separate the doses by at least 2 hours."


def test_without_other_supplements_the_service_gives_todays_screen() -> None:
    from suppwise.services import answers as services

    base = evidence_base()
    profile = profile_from_data({"medications": ["5-HTP", "Zoloft"]})
    result = services.check("St John's wort", profile)
    assert isinstance(result, Screen)
    assert result == screen(base, resolve_profile(base, profile), "st-johns-wort")


def test_an_unknown_supplement_is_never_silence(bundled: EvidenceBase) -> None:
    check = combine(bundled, "magnesium", supplements=["ashwagandha", "glutamine"])
    assert check.level == "caution" and [u.term for u in check.unknown] == ["ashwagandha"]
    assert "'ashwagandha' is not in the evidence base" in check.summary
    for one in check.screens:
        unknown = [r for r in one.reasons if r.kind == "unrecognised"]
        assert unknown and "supplement 'ashwagandha'" in unknown[0].why and "pharmacist" in unknown[0].why


def test_a_supplement_to_avoid_for_its_own_reasons_is_named(bundled: EvidenceBase) -> None:
    """A moderate pair leads, but glutamine is to be avoided with epilepsy: the summary says both."""
    check = combine(bundled, "magnesium", supplements=["glutamine"], medications=["Neurontin"], conditions=["epilepsy"])
    assert check.level == "avoid" and [p.severity for p in check.pairs] == ["moderate", "moderate"]
    assert check.summary.startswith("Take these together only with care")
    assert "Avoid Glutamine for reasons of its own" in check.summary


def test_the_dose_belongs_to_the_checked_supplement_only(bundled: EvidenceBase) -> None:
    check = combine(bundled, "glutamine", supplements=["magnesium"], dose="5 g twice a day")
    glutamine, magnesium = check.screens
    assert glutamine.dose_check is not None and magnesium.dose_check is None
    assert magnesium.profile.supplements == ("Glutamine",) and magnesium.profile.dose is None


def test_the_checked_supplement_listed_again_is_screened_once(bundled: EvidenceBase) -> None:
    check = combine(bundled, "magnesium", supplements=["Magnesium"], medications=["metoprolol"])
    assert check.substances == ["magnesium"] and len(check.screens) == 1 and check.pairs == []
    assert check.summary.startswith("No interaction is recorded between Magnesium and the medicines you listed.")


def test_ask_with_a_profile_screens_its_supplements_as_interactants(tmp_path: Path) -> None:
    path = tmp_path / "me.yaml"
    path.write_text("supplements: [5-HTP]\n", encoding="utf-8")
    result = runner.invoke(app, ["ask", "Is St John's wort safe for me?", "--profile", str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    (screened,) = json.loads(result.output)["screens"]
    assert screened["level"] == "avoid" and any(r["entity"] == "5-htp" for r in screened["reasons"])


def test_a_supplement_without_safety_records_is_said(bundled: EvidenceBase) -> None:
    check = combine(bundled, "magnesium", supplements=["bone broth"])
    assert check.pairs == [] and "no safety records for Bone broth" in check.summary


def test_self_harm_words_among_the_supplements_bring_the_crisis_resources(bundled: EvidenceBase) -> None:
    check = combine(bundled, "magnesium", supplements=["glutamine", "enough pills to end it all"])
    assert check.crisis and check.crisis_message and check.crisis_resources


# --- a property over the bundled base -------------------------------------------------------------

_BASE = evidence_base()
_SUBSTANCES = sorted(e.id for e in _BASE.entities.values() if e.kind is EntityKind.SUBSTANCE)
_MEDICINES = sorted(
    name
    for e in _BASE.entities.values()
    if e.kind in (EntityKind.DRUG, EntityKind.DRUG_CLASS)
    for name in (e.name, *e.synonyms[:1])
)


def _expected(check: CombinationCheck, medicines: set[str]) -> set[frozenset[str]]:
    """The pairs worked out the long way: each record of each supplement against each thing taken."""
    taken = set(check.substances) | medicines
    return {
        frozenset((s, x))
        for s in check.substances
        for r in _BASE.for_substance(_BASE.interactions, s)
        for x in taken
        if x != s and r.drug in _BASE.ancestors(x)
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(_SUBSTANCES), min_size=1, max_size=5, unique=True),
    st.lists(st.sampled_from(_MEDICINES), max_size=6, unique=True),
    st.randoms(use_true_random=False),
)
def test_every_pair_is_reported_once_most_severe_first(
    substances: list[str], medicines: list[str], rng: object
) -> None:
    profile = profile_from_data({"supplements": [_BASE.name(s) for s in substances[1:]], "medications": medicines})
    resolved = resolve_profile(_BASE, profile)
    check = combination_check(_BASE, resolved, substances[0])
    found = keys(check)
    assert len(found) == len(set(found)), "a pair reported twice"
    given_medicines = {r.entity for r in resolved.recognised if r.field == "medications"}
    assert set(found) == _expected(check, given_medicines)
    ranks = [(SEVERITY_RANK[Severity(p.severity)], p.evidence_level) for p in check.pairs]
    assert ranks == sorted(ranks)
    assert check.substances[0] == substances[0] and set(check.substances) == set(substances)
    # The same people and things, with another supplement being checked, give the same pairs.
    shuffled = list(substances)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    again = profile_from_data({"supplements": [_BASE.name(s) for s in shuffled[1:]], "medications": medicines})
    other = interacting_pairs(_BASE, resolve_profile(_BASE, again), shuffled[0])
    assert {frozenset((p.first, p.second)): p.severity for p in other} == {
        frozenset((p.first, p.second)): p.severity for p in check.pairs
    }


# --- the command -----------------------------------------------------------------------------------


def test_check_command_lists_the_pairs_first_then_each_supplement() -> None:
    result = runner.invoke(
        app,
        ["check", "St John's wort", "--also-taking", "5-HTP,magnesium", "--med", "Zoloft", "--med", "Nardil"],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.index("Interacting pairs") < out.index("Each supplement") < out.index("Magnesium for you")
    assert out.index("CONTRAINDICATED") < out.index("MAJOR")
    assert "you wrote 'Zoloft'" in out and "recorded for Antidepressants" in out
    assert "AVOID" in out and out.rstrip().endswith("supplement or medicine.")


def test_check_command_json_is_the_combination_check(tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text("medications: [Zoloft]\nsupplements: [5-HTP]\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "hypericum", "--profile", str(profile), "-a", "magnesium", "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    check = CombinationCheck.model_validate(data)
    assert check.substances == ["st-johns-wort", "5-htp", "magnesium"]
    # St John's wort and 5-HTP each record sertraline (through its class) and each other: three pairs
    assert [(p.first, p.second, p.severity) for p in check.pairs] == [
        ("st-johns-wort", "sertraline", "major"),
        ("5-htp", "sertraline", "major"),
        ("5-htp", "st-johns-wort", "major"),
    ]
    assert data["schema_version"] == 1 and data["disclaimer"]


def test_check_command_without_other_supplements_is_unchanged() -> None:
    result = runner.invoke(app, ["check", "St John's wort", "--med", "5-HTP", "-f", "json"])
    data = json.loads(result.output)
    assert "pairs" not in data and Screen.model_validate(data).level == "avoid"
    text = runner.invoke(app, ["check", "St John's wort", "--med", "5-HTP"]).output
    assert "Interacting pairs" not in text


def test_a_profile_file_with_a_misnamed_supplements_field_gets_a_hint(tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text("also_taking: [5-HTP]\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "magnesium", "--profile", str(profile)])
    assert result.exit_code == 2 and "did you mean 'supplements'?" in result.output
