"""Issue 12 §3: a medicine named brings up the condition it is prescribed for. "Can I take glutamine
with my Keppra" is asked by someone who almost surely has epilepsy, so glutamine's AVOID for seizure
disorders leads, said conditionally (a medicine can be taken for something else) and citing the
label that says what the medicine is for. Also the evidence format's `used_for` field, checked."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from suppwise.cli import app
from suppwise.evidence import EvidenceBase, validate_directory
from suppwise.questions.answer_model import Answer, Caution
from suppwise.questions.corpus_levels import expected_lead_level
from suppwise.safety.profile import profile_from_data
from suppwise.safety.screen import resolve_profile, screen
from suppwise.safety.screen_model import Screen
from tests.evidence_helpers import ask

from .conftest import MINI_DIR


def caution(answer: Answer, entity: str) -> Caution:
    return next(x for x in answer.cautions if x.entity == entity)


@pytest.mark.parametrize(
    ("text", "opening", "condition", "medicine", "label"),
    [
        (
            "can I take glutamine with my Keppra",
            "Avoid if you take levetiracetam (Keppra) for seizure disorder: glutamine is advised against",
            "seizure-disorder",
            "levetiracetam",
            "keppra_label_fda",
        ),
        (
            "is glutamine ok with lithium",
            "Avoid if you take lithium for bipolar disorder: glutamine is advised against",
            "bipolar-disorder",
            "lithium",
            "lithium_label_fda",
        ),
        (
            "my dad takes lactulose, can he have glutamine?",
            "Avoid if you take lactulose for hepatic encephalopathy: glutamine is advised against",
            "hepatic-encephalopathy",
            "lactulose",
            "enulose_label_globalrph",
        ),
    ],
)
def test_a_medicine_named_leads_with_its_conditions_avoid(
    bundled: EvidenceBase, text: str, opening: str, condition: str, medicine: str, label: str
) -> None:
    answer = ask(bundled, text)
    assert answer.summary.startswith(opening)
    found = caution(answer, condition)
    assert (found.level, found.matches_question, found.implied_by) == ("avoid", True, medicine)
    assert label in found.sources
    assert label in {r.id for r in answer.references}
    assert answer.safety_level == "avoid"
    assert answer.cautions[0].level == "avoid"  # the avoid leads the list as well as the summary


def test_a_condition_reached_through_a_narrower_use_matches_too(bundled: EvidenceBase) -> None:
    """Lactulose is for hepatic encephalopathy, a kind of liver disease: the liver-disease caution is
    the person's as well, and says through which medicine."""
    answer = ask(bundled, "my dad takes lactulose, can he have glutamine?")
    liver = caution(answer, "liver-disease")
    assert (liver.matches_question, liver.implied_by) == (True, "lactulose")
    assert "people with liver disease (if you take lactulose for it)" in answer.summary


def test_a_condition_named_outright_is_not_worded_conditionally(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "I have epilepsy and take Keppra, glutamine?")
    assert answer.summary.startswith("Avoid: glutamine is advised against for people with seizure disorder")
    assert "if you take" not in answer.summary
    assert caution(answer, "seizure-disorder").implied_by is None


def test_a_medicine_without_recorded_uses_brings_up_no_condition(bundled: EvidenceBase) -> None:
    """Sertraline's uses are not recorded: no contraindication is matched through it, so nothing is
    guessed from a medicine the base says nothing about."""
    answer = ask(bundled, "can I take glutamine with sertraline")
    assert not [x for x in answer.cautions if x.kind == "contraindication" and x.matches_question]
    assert "if you take" not in answer.summary


def test_pregabalin_is_not_read_as_epilepsy_through_its_class(bundled: EvidenceBase) -> None:
    """Uses are a medicine's own, never inherited from its class: pregabalin is an anticonvulsant but
    is prescribed for pain and fibromyalgia too, so naming it must not say the person has seizures."""
    assert bundled.conditions_used_for("pregabalin") == ()
    answer = ask(bundled, "is glutamine ok with Lyrica")
    assert not caution(answer, "seizure-disorder").matches_question


def test_the_json_and_text_a_user_sees(bundled: EvidenceBase) -> None:
    runner = CliRunner()
    shown = runner.invoke(app, ["ask", "can I take glutamine with my Keppra", "-f", "json"])
    assert shown.exit_code == 0, shown.output
    data = json.loads(shown.output)
    first = data["cautions"][0]
    assert (first["entity"], first["level"], first["implied_by"]) == ("seizure-disorder", "avoid", "levetiracetam")
    assert data["safety_level"] == "avoid"
    text = runner.invoke(app, ["ask", "can I take glutamine with my Keppra"])
    assert text.exit_code == 0, text.output
    flat = " ".join(text.output.split())
    assert "Avoid if you take levetiracetam (Keppra) for seizure disorder" in flat
    assert "AVOID Seizure disorder" in flat


def test_the_corpus_lead_level_follows_the_same_rule(bundled: EvidenceBase) -> None:
    assert expected_lead_level(bundled, ["glutamine", "levetiracetam"], []) == "avoid"
    assert expected_lead_level(bundled, ["glutamine", "lithium"], []) == "avoid"
    assert expected_lead_level(bundled, ["glutamine", "pregabalin"], []) == "caution"


def _mini(tmp_path: Path, extra: str) -> list[str]:
    shutil.copytree(MINI_DIR, tmp_path, dirs_exist_ok=True)
    (tmp_path / "extra.yaml").write_text(extra, encoding="utf-8")
    return [p.code for p in validate_directory(tmp_path)]


def test_used_for_with_a_verified_source_is_clean(tmp_path: Path) -> None:
    extra = (
        "entities:\n  - id: drug-u\n    kind: drug\n    name: U\n"
        "    used_for: [{condition: cond-x, sources: [rct-big]}]\n"
    )
    assert _mini(tmp_path, extra) == []


@pytest.mark.parametrize(
    ("entity", "expected"),
    [
        (
            "  - id: cond-z\n    kind: condition\n    name: Z\n"
            "    used_for: [{condition: cond-x, sources: [rct-big]}]\n",
            ["misplaced_field"],
        ),
        (
            "  - id: drug-u\n    kind: drug\n    name: U\n    used_for: [{condition: gamma, sources: [rct-big]}]\n",
            ["wrong_kind"],
        ),
        (
            "  - id: drug-u\n    kind: drug\n    name: U\n    used_for: [{condition: nowhere, sources: [rct-big]}]\n",
            ["dangling_id"],
        ),
        ("  - id: drug-u\n    kind: drug\n    name: U\n    used_for: [{condition: cond-x}]\n", ["no_source"]),
        (
            "  - id: drug-u\n    kind: drug\n    name: U\n    used_for: [{condition: cond-x, sources: [nobody]}]\n",
            ["dangling_source"],
        ),
    ],
)
def test_used_for_problems_are_named(tmp_path: Path, entity: str, expected: list[str]) -> None:
    assert _mini(tmp_path, "entities:\n" + entity) == expected


def test_used_for_resting_only_on_an_unverified_source_is_refused(tmp_path: Path) -> None:
    extra = (
        "sources:\n  - id: rumour\n    title: T\n    study_type: regulatory_label\n    population: P\n"
        "    verification: {status: unverified, how: test fixture}\n"
        "entities:\n  - id: drug-u\n    kind: drug\n    name: U\n"
        "    used_for: [{condition: cond-x, sources: [rumour]}]\n"
    )
    assert _mini(tmp_path, extra) == ["unverified_only"]


def _screen(base: EvidenceBase, **fields: object) -> Screen:
    return screen(base, resolve_profile(base, profile_from_data(fields)), "glutamine")


def test_a_profile_listing_keppra_is_screened_for_seizure_disorder(bundled: EvidenceBase) -> None:
    result = _screen(bundled, medications=["Keppra"])
    assert result.level == "avoid"
    reason = next(r for r in result.reasons if r.entity == "seizure-disorder")
    assert (reason.level, reason.implied_by, reason.matched_term) == ("avoid", "levetiracetam", "Keppra")
    assert reason.entity_name == "Seizure disorder, if you take levetiracetam for it"
    assert "keppra_label_fda" in reason.sources
    assert "seizure disorder, if you take levetiracetam for it" in result.summary


def test_a_profile_listing_the_condition_itself_is_not_worded_conditionally(bundled: EvidenceBase) -> None:
    result = _screen(bundled, medications=["Keppra"], conditions=["epilepsy"])
    reason = next(r for r in result.reasons if r.entity == "seizure-disorder")
    assert (reason.implied_by, reason.entity_name) == (None, "Seizure disorder")


def test_a_profile_listing_pregabalin_is_not_screened_for_seizures(bundled: EvidenceBase) -> None:
    result = _screen(bundled, medications=["Lyrica"])
    assert "seizure-disorder" not in {r.entity for r in result.reasons}


def test_a_medicine_with_several_uses_names_them_as_alternatives(bundled: EvidenceBase) -> None:
    """Lamotrigine is licensed for epilepsy and for bipolar disorder: the person takes it for one or
    the other, so the uses are joined with "or", and both cautions lead at their level."""
    answer = ask(bundled, "glutamine with lamictal?")
    assert answer.summary.startswith(
        "Avoid if you take lamotrigine (Lamictal) for bipolar disorder or seizure disorder: glutamine is advised"
    )
    implied = {x.entity for x in answer.cautions if x.implied_by == "lamotrigine"}
    assert implied == {"bipolar-disorder", "seizure-disorder"}


def test_a_use_named_outright_is_the_one_the_medicine_is_taken_for(bundled: EvidenceBase) -> None:
    """ "Epileptic on Lamictal": lamotrigine is taken for the epilepsy named, so its other use
    (bipolar disorder) is not read into the question, in the answer, the screen or the corpus rule."""
    answer = ask(bundled, "I'm epileptic and on lamictal, can I take glutamine?")
    assert not caution(answer, "bipolar-disorder").matches_question
    assert caution(answer, "seizure-disorder").implied_by is None
    result = _screen(bundled, medications=["Lamictal"], conditions=["epilepsy"])
    assert "bipolar-disorder" not in {r.entity for r in result.reasons}
    assert bundled.implied_conditions(["lamotrigine"], ["seizure-disorder"]) == {}
    assert "bipolar-disorder" in bundled.implied_conditions(["lamotrigine"])
