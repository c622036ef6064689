"""The personal safety screen on the bundled evidence base.

The tables are built from the evidence itself: every contraindication is tried under every name
its condition has (and a typo of each long name), every interaction under every medicine in its
class (generic and brand, and typos), so a name added to the evidence base is tested the day it is
added.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from suppwise.cli import app
from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import EntityKind
from suppwise.render.screen_text import render_screen_text
from suppwise.safety.cautions import interaction_level
from suppwise.safety.profile import Profile, profile_from_data
from suppwise.safety.screen import resolve_profile, screen
from suppwise.safety.screen_model import Screen

from .conftest import bundled as bundled_fixture  # noqa: F401  (pytest fixture)

runner = CliRunner()


def check(base: EvidenceBase, substance: str = "glutamine", **fields: object) -> Screen:
    return screen(base, resolve_profile(base, profile_from_data(fields)), substance)


def typo(name: str) -> str | None:
    """A one-letter slip (two neighbouring letters swapped) in a long name; None for short ones,
    where a guess would be reckless."""
    if len(name) < 8 or not name.isascii():
        return None
    middle = len(name) // 2
    for i in sorted(range(1, len(name)), key=lambda i: abs(i - middle)):
        a, b = name[i - 1], name[i]
        if a.isalpha() and b.isalpha() and a.lower() != b.lower():
            return name[: i - 1] + b + a + name[i + 1 :]
    return None


def namings(base: EvidenceBase, entity_id: str) -> list[tuple[str, bool]]:
    """(name, is a typo) for every way a person might write an entity."""
    entity = base.entities[entity_id]
    names = [entity.name, *entity.synonyms]
    out = [(n, False) for n in names]
    out += [(t, True) for n in names if (t := typo(n))]
    return out


def _condition_cases() -> list[tuple[str, str, str, bool]]:
    from suppwise.services.answers import evidence_base

    base = evidence_base()
    cases = []
    for record in base.contraindications:
        for name, is_typo in namings(base, record.condition):
            cases.append((record.id, record.condition, name, is_typo))
    return cases


def _interaction_cases() -> list[tuple[str, str, str, bool]]:
    from suppwise.services.answers import evidence_base

    base = evidence_base()
    cases = []
    for record in base.interactions:
        members = [e.id for e in base.entities.values() if record.drug in base.ancestors(e.id)]
        for member in members:
            for name, is_typo in namings(base, member):
                cases.append((record.id, record.drug, name, is_typo))
    return cases


@pytest.mark.parametrize(("record_id", "condition", "name", "is_typo"), _condition_cases())
def test_every_contraindication_is_caught_under_every_name(
    bundled: EvidenceBase, record_id: str, condition: str, name: str, is_typo: bool
) -> None:
    record = next(r for r in bundled.contraindications if r.id == record_id)
    result = check(bundled, record.substance, conditions=[name])
    hits = [r for r in result.reasons if r.kind == "contraindication" and r.entity == condition]
    assert hits, f"{name!r} did not reach {condition}"
    assert hits[0].level == record.level.value and hits[0].sources == list(record.sources)
    assert hits[0].matched_term == name and hits[0].close_match is is_typo
    assert result.level in ("caution", "avoid")
    assert condition not in {c.entity for c in result.general_cautions}


@pytest.mark.parametrize(("record_id", "drug", "name", "is_typo"), _interaction_cases())
def test_every_interaction_is_caught_for_every_medicine_in_its_class(
    bundled: EvidenceBase, record_id: str, drug: str, name: str, is_typo: bool
) -> None:
    record = next(r for r in bundled.interactions if r.id == record_id)
    result = check(bundled, record.substance, medications=[name])
    hits = [r for r in result.reasons if r.kind == "interaction" and r.entity == drug]
    assert hits, f"{name!r} did not reach {drug}"
    assert hits[0].level == interaction_level(record.severity).value
    assert hits[0].mechanism == record.mechanism and hits[0].sources == list(record.sources)
    assert not result.unknown


@pytest.mark.parametrize(
    ("medication", "class_id"),
    [
        ("Tegretol", "anticonvulsants"),
        ("Tegretal", "anticonvulsants"),
        ("lamictol", "anticonvulsants"),
        ("Lamictal 200 mg XR", "anticonvulsants"),
        ("Depakote ER 500mg tablets", "anticonvulsants"),
        ("Lyrica", "anticonvulsants"),
        ("neurontin", "anticonvulsants"),
        ("AEDs", "anticonvulsants"),
        ("lactulose", "lactulose"),
        ("Kristalose", "lactulose"),
        ("chemo", "chemotherapy"),
        ("Taxol", "chemotherapy"),
    ],
)
def test_how_people_write_their_medicines(bundled: EvidenceBase, medication: str, class_id: str) -> None:
    result = check(bundled, medications=[medication])
    assert class_id in {r.entity for r in result.reasons if r.kind == "interaction"}


@pytest.mark.parametrize(
    ("sensitivity", "level"),
    [("MSG", "avoid"), ("msg allergy", "avoid"), ("allergic to MSG", "avoid"), ("glutamate", "avoid")],
)
def test_msg_sensitivity_however_written(bundled: EvidenceBase, sensitivity: str, level: str) -> None:
    result = check(bundled, sensitivities=[sensitivity])
    assert result.level == level
    assert any(r.entity == "msg-sensitivity" for r in result.reasons)


def test_a_sensitivity_to_the_supplement_itself_means_avoid(bundled: EvidenceBase) -> None:
    result = check(bundled, sensitivities=["L-glutamine"])
    assert result.level == "avoid" and result.reasons[0].kind == "sensitivity"


@pytest.mark.parametrize(
    ("fields", "population", "level"),
    [
        ({"pregnant": True}, "glutamine-pregnancy", "avoid"),
        ({"breastfeeding": True}, "glutamine-breastfeeding", "avoid"),
        ({"age": 12}, "glutamine-children", "caution"),
        ({"age": 17}, "glutamine-children", "caution"),
        ({"conditions": ["pregnant"]}, "glutamine-pregnancy", "avoid"),
        ({"conditions": ["breastfeeding"]}, "glutamine-breastfeeding", "avoid"),
    ],
)
def test_populations_with_little_data(
    bundled: EvidenceBase, fields: dict[str, object], population: str, level: str
) -> None:
    result = check(bundled, **fields)
    hit = next(r for r in result.reasons if r.entity == population)
    assert hit.level == level and hit.sources
    assert not result.unknown


def test_an_adult_is_not_screened_as_a_child(bundled: EvidenceBase) -> None:
    result = check(bundled, age=18)
    assert "glutamine-children" in {c.entity for c in result.general_cautions}


def test_a_condition_reaches_the_wider_condition_it_belongs_to(bundled: EvidenceBase) -> None:
    result = check(bundled, conditions=["hepatic encephalopathy"])
    assert {"hepatic-encephalopathy", "liver-disease"} <= {r.entity for r in result.reasons}
    assert result.level == "avoid"


def test_nothing_relevant_means_no_known_issue_and_still_the_general_cautions(bundled: EvidenceBase) -> None:
    result = check(bundled, conditions=["irritable bowel syndrome"], medications=["Taxol"][:0], age=40)
    sections = (bundled.contraindications, bundled.interactions, bundled.populations)
    recorded = sum(len(bundled.for_substance(records, "glutamine")) for records in sections)
    assert result.level == "no_known_issue" and result.reasons == []
    assert len(result.general_cautions) == recorded
    assert "not proof of safety" in result.summary
    assert result.recognised[0].entity == "irritable-bowel-syndrome"


def test_an_empty_profile_gets_the_general_cautions(bundled: EvidenceBase) -> None:
    result = screen(bundled, resolve_profile(bundled, Profile()), "glutamine")
    assert result.level == "no_known_issue" and "gave no details" in result.summary
    assert result.general_cautions and result.references


@pytest.mark.parametrize("field", ["medications", "conditions", "sensitivities"])
def test_an_unknown_name_is_never_treated_as_safe(bundled: EvidenceBase, field: str) -> None:
    result = check(bundled, **{field: ["Zorblax"]})
    assert result.level == "caution"
    assert result.unknown[0].term == "Zorblax" and "not in the evidence base" in result.unknown[0].message
    assert result.reasons[0].kind == "unrecognised"
    who = "pharmacist"
    assert who in result.reasons[0].why


def test_an_unknown_medicine_says_ask_your_pharmacist(bundled: EvidenceBase) -> None:
    result = check(bundled, medications=["metoprolol"])
    assert result.unknown[0].message == "not in the evidence base — ask your pharmacist"


def test_a_substance_with_no_safety_records_says_so(bundled: EvidenceBase) -> None:
    result = check(bundled, "bone-broth", conditions=["fibromyalgia"])
    assert result.level == "no_known_issue" and result.safety_records == 0
    assert "no safety records" in result.summary


@pytest.mark.parametrize(
    ("dose", "weight", "status", "level"),
    [
        ("5 g twice a day", None, "within_observed_safe_level", "no_known_issue"),
        ("14 g a day", None, "within_observed_safe_level", "no_known_issue"),
        ("500 mg three times a day", None, "within_observed_safe_level", "no_known_issue"),
        ("10 g twice a day", None, "above_observed_safe_level", "caution"),
        ("15000 mg per day", None, "above_observed_safe_level", "caution"),
        ("50 g a day", None, "above_studied_doses", "caution"),
        ("0.3 g/kg twice a day", None, "needs_weight", "no_known_issue"),
        ("0.3 g/kg twice a day", 70.0, "above_observed_safe_level", "caution"),  # as in the sickle cell trial
        ("0.5 g/kg twice a day", 70.0, "above_studied_doses", "caution"),
        ("0.1 g/kg a day", 60.0, "within_observed_safe_level", "no_known_issue"),
        ("1000 IU a day", None, "not_comparable", "no_known_issue"),
    ],
)
def test_the_dose_is_compared_with_the_safe_level_and_the_studies(
    bundled: EvidenceBase, dose: str, weight: float | None, status: str, level: str
) -> None:
    result = check(bundled, dose=dose, weight_kg=weight)
    assert result.dose_check is not None
    assert (result.dose_check.status, result.dose_check.level) == (status, level)
    dose_reasons = [r for r in result.reasons if r.kind == "dose"]
    assert bool(dose_reasons) is (level == "caution")
    if level == "caution":
        assert "shao2008_osl" in dose_reasons[0].sources


def test_the_dose_check_places_the_dose_against_each_study(bundled: EvidenceBase) -> None:
    check_ = check(bundled, dose="10 g twice a day", weight_kg=70).dose_check
    assert check_ is not None and check_.daily is not None
    assert check_.daily.high == 20 and check_.ratio_to_safe_level == pytest.approx(20 / 14, rel=1e-3)
    assert check_.studied_range is not None and check_.studied_range.high == 42  # 0.6 g/kg/day at 70 kg
    relations = {s.setting.split(" (")[0]: s.relation for s in check_.studied}
    assert relations["Chronic fatigue syndrome"] == "above"
    assert relations["Irritable bowel syndrome after infection"] == "above"
    assert relations["Bone-marrow transplant mood sub-study"] == "other_route"
    assert check_.longest_study_weeks_at_or_above == 48


def test_a_dose_for_a_substance_without_dose_data(bundled: EvidenceBase) -> None:
    result = check(bundled, "bone-broth", dose="1 g a day")
    assert result.dose_check is not None and result.dose_check.status == "no_dose_data"


def test_self_harm_words_in_a_profile_bring_the_crisis_resources(bundled: EvidenceBase) -> None:
    result = check(bundled, conditions=["depression with suicidal thoughts"])
    assert result.crisis and result.crisis_resources and result.crisis_message


def test_the_name_of_a_medicine_is_not_read_as_a_message(bundled: EvidenceBase) -> None:
    """"the pill" is a name the base knows; read as prose it looked like crisis messages about pills.
    A message typed where a medicine goes is still read."""
    named = check(bundled, "st-johns-wort", medications=["the pill", "tramadol"])
    assert not named.crisis and named.level == "avoid"
    message = check(bundled, "st-johns-wort", medications=["all my pills tonight so I never wake up"])
    assert message.crisis and message.crisis_resources


def test_typed_markup_is_shown_as_written(bundled: EvidenceBase) -> None:
    result = check(bundled, medications=["[bold red]boom[/]", "<script>alert(1)</script>"])
    text = render_screen_text(result, width=200)
    assert "[bold red]boom[/]" in text and "<script>alert(1)</script>" in text


def test_every_matched_interaction_shows_its_severity_and_evidence_level(bundled: EvidenceBase) -> None:
    """A pharmacist weighs how bad an interaction is and how well it is documented: both grades
    come with every interaction, in the JSON and beside the medicine's name in the text."""
    for record in bundled.interactions:
        result = check(bundled, record.substance, medications=[bundled.name(record.drug)])
        reason = next(r for r in result.reasons if r.kind == "interaction" and r.entity == record.drug)
        assert (reason.severity, reason.evidence_level) == (record.severity.value, record.evidence_level.value)
        grade = f"({record.severity.value}, evidence {record.evidence_level.value})"
        text = " ".join(render_screen_text(result, width=400).split())
        assert f"{bundled.name(record.drug)} {grade}" in text, (record.id, text)


def test_unmatched_interactions_keep_their_grades_and_other_reasons_have_none(bundled: EvidenceBase) -> None:
    result = check(bundled, "st-johns-wort", conditions=["bipolar disorder"])
    assert all(c.severity and c.evidence_level for c in result.general_cautions if c.kind == "interaction")
    assert all(r.severity is None and r.evidence_level is None for r in result.reasons)
    text = " ".join(render_screen_text(result, width=400).split())
    maois = next(c for c in result.general_cautions if c.entity == "maois")
    assert f"{maois.entity_name} ({maois.severity}, evidence {maois.evidence_level}):" in text


def test_within_a_level_the_most_severe_interaction_comes_first(bundled: EvidenceBase) -> None:
    result = check(bundled, "st-johns-wort", medications=["tramadol", "Zoloft", "Nardil"])
    severities = [r.severity for r in result.reasons if r.kind == "interaction"]
    assert severities[0] == "contraindicated" and "major" in severities
    order = ["contraindicated", "major", "moderate", "minor"]
    assert severities == sorted(severities, key=order.index)


# -- the command line ---------------------------------------------------------------------------


def test_check_command_json_contract() -> None:
    result = runner.invoke(
        app,
        ["check", "glutamine", "-c", "fibro", "--med", "Tegretol", "--dose", "10 g twice a day", "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    # Tegretol is prescribed for seizures (its label, `used_for`): the seizure-disorder avoid leads,
    # worded conditionally
    assert data["level"] == "avoid" and data["substance"] == "glutamine"
    assert {"entity", "level", "why", "sources"} <= set(data["reasons"][0])
    implied = next(r for r in data["reasons"] if r["entity"] == "seizure-disorder")
    assert (implied["implied_by"], implied["through"]) == ("carbamazepine", None)
    assert data["dose_check"]["status"] == "above_observed_safe_level"
    assert data["unknown"] == [] and data["disclaimer"]
    interaction = next(r for r in data["reasons"] if r["kind"] == "interaction")
    assert interaction["severity"] in {"contraindicated", "major", "moderate", "minor"}
    assert interaction["evidence_level"] in {"A", "B", "C", "D"}


def test_check_command_text_shows_reasons_and_the_disclaimer() -> None:
    result = runner.invoke(app, ["check", "glutamin", "--pregnant", "--med", "Zorblax"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "AVOID" in text and "Pregnancy" in text and "ask your pharmacist" in text
    assert "not proof of safety" in text


def test_check_command_reads_a_profile_file_and_flags_add_to_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "me.yaml"
    path.write_text("conditions: [bipolar]\nage: 40\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "glutamine", "--profile", str(path), "--med", "lactulose", "-f", "json"])
    data = json.loads(result.output)
    assert {"bipolar-disorder", "lactulose"} <= {r["entity"] for r in data["reasons"]}
    assert data["profile"]["age"] == 40


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["check", "glutamine", "--age", "200"], "profile_invalid", "not a possible age"),
        (["check", "glutamine", "--dose", "5 spoons"], "profile_invalid", "differ between products"),
        (["check", "glutamine", "--profile", "/nonexistent/me.yaml"], "profile_invalid", "does not exist"),
        (["check", "glutamne", "--dose", "5 g"], None, None),
        (["check", "unobtanium"], "substance_not_found", "not a substance in the evidence base"),
    ],
)
def test_check_command_errors(args: list[str], code: str | None, words: str | None) -> None:
    result = runner.invoke(app, [*args, "--format", "json"])
    if code is None:
        assert result.exit_code == 0
        return
    assert result.exit_code == 2
    error = json.loads(result.output)["error"]
    assert error["code"] == code and words in error["message"] and error["hint"]


def test_ask_with_a_profile_puts_the_persons_cautions_first(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "me.json"
    # gabapentin: an anticonvulsant whose uses are not recorded (it is prescribed for pain too)
    path.write_text('{"medications": ["Neurontin"], "conditions": ["fibromyalgia"]}', encoding="utf-8")
    result = runner.invoke(app, ["ask", "Is glutamine safe for me?", "--profile", str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    personal = [c for c in data["cautions"] if c["matches_profile"]]
    assert {c["entity"] for c in personal} == {"anticonvulsants", "fibromyalgia"}
    assert data["cautions"][: len(personal)] == personal
    assert data["screens"][0]["level"] == "caution"
    assert data["summary"] == data["screens"][0]["summary"]
    without = json.loads(runner.invoke(app, ["ask", "Is glutamine safe for me?", "-f", "json"]).output)
    assert not any(c["matches_profile"] for c in without["cautions"]) and without["screens"] == []


def test_ask_with_a_profile_in_text_shows_a_for_you_part(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "me.yaml"
    path.write_text("pregnant: true\n", encoding="utf-8")
    result = runner.invoke(app, ["ask", "Does glutamine help depression?", "--profile", str(path)])
    assert result.exit_code == 0
    assert "For you" in result.output and "AVOID" in result.output


def test_kinds_recognised_are_reported(bundled: EvidenceBase) -> None:
    result = check(bundled, conditions=["Lyrica"])
    term = result.recognised[0]
    assert term.kind == EntityKind.DRUG.value and term.note == "listed under conditions, read as a medicine"
    assert any(r.entity == "anticonvulsants" for r in result.reasons)
