"""One plan request for every shell: the plan's own defaults, the seed policy and the names read the
same way whether the CLI, the web form or the API asks; the downloads come out the same for all."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from suppwise.errors import ConditionNotFoundError
from suppwise.evidence import EvidenceBase
from suppwise.owners import LOCAL_OWNER
from suppwise.services import trials as trial_service
from suppwise.services.files import ReportFormat, calendar_file, report_file
from suppwise.storage import Database
from suppwise.trials.requests import SEED_LIMIT, NumberField, PlanRequest, plan_numbers

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
DOSES = {"start": "5 g", "step": "5 g", "target": "10 g"}


def request(**changes: object) -> PlanRequest:
    values: dict[str, object] = {"substance": "Glutamine", "condition": "fibromyalgia", "outcomes": ["pain"]}
    values["titration"] = DOSES
    values["acknowledgement"] = "I have read the cautions and agreed this plan with my clinician"
    return trial_service.plan_request({**values, **changes})


def test_a_request_that_names_only_what_to_test_gets_the_plans_own_defaults(
    db: Database, bundled: EvidenceBase
) -> None:
    planned = trial_service.plan_trial(db, bundled, request(), today=TODAY, owner=LOCAL_OWNER)
    protocol = planned.protocol
    assert (protocol.baseline_days, protocol.block_days, protocol.pairs, protocol.washout_days) == (14, 14, 2, 3)
    assert protocol.titration.days_per_step == 3
    assert protocol.design == "abab"
    assert protocol.start_date == TODAY
    assert planned.trial.substance == "glutamine"
    assert planned.trial.condition == "fibromyalgia"


def test_a_form_shows_the_defaults_and_ranges_the_request_accepts() -> None:
    numbers = plan_numbers()
    assert numbers["baseline_days"] == NumberField(default=14, lowest=0, highest=90)
    assert numbers["days_per_step"] == NumberField(default=3, lowest=1, highest=28)
    assert numbers["pairs"] == NumberField(default=2, lowest=1, highest=6)
    for name, number in numbers.items():
        too_high = {name: number.highest + 1}
        changes: dict[str, object] = {"titration": {**DOSES, **too_high}} if name == "days_per_step" else too_high
        with pytest.raises(trial_service.TrialPlanError, match=name):
            request(**changes)


def test_a_randomised_design_records_a_drawn_seed_an_ab_design_needs_none(db: Database, bundled: EvidenceBase) -> None:
    drawn = trial_service.plan_trial(db, bundled, request(), today=TODAY, owner=LOCAL_OWNER).protocol.seed
    assert drawn is not None and 0 <= drawn < SEED_LIMIT
    assert trial_service.plan_trial(db, bundled, request(seed=7), today=TODAY, owner=LOCAL_OWNER).protocol.seed == 7
    assert (
        trial_service.plan_trial(db, bundled, request(design="ab"), today=TODAY, owner=LOCAL_OWNER).protocol.seed
        is None
    )


def test_a_value_out_of_range_is_refused_naming_the_field_before_anything_is_stored(db: Database) -> None:
    with pytest.raises(trial_service.TrialPlanError, match=r"^baseline_days: .*less than or equal to 90"):
        request(baseline_days=91)
    with pytest.raises(trial_service.TrialPlanError, match=r"titration\.days_per_step: .*greater than or equal to 1"):
        request(titration={**DOSES, "days_per_step": 0})
    with pytest.raises(trial_service.TrialPlanError, match=r"profile\.weight_kg: .*less than or equal to 400"):
        request(profile={"weight_kg": 450})
    with pytest.raises(trial_service.TrialPlanError, match=r"substance: contains the control character U\+0000"):
        request(substance="gluta\u0000mine")


def test_an_unknown_condition_names_the_known_ones(db: Database, bundled: EvidenceBase) -> None:
    with pytest.raises(ConditionNotFoundError, match="not a condition") as caught:
        trial_service.plan_trial(db, bundled, request(condition="hiccups"), today=TODAY, owner=LOCAL_OWNER)
    assert "Fibromyalgia" in str(caught.value.hint)


def test_every_report_format_has_its_media_type_and_file_name(db: Database, bundled: EvidenceBase) -> None:
    trial_id = trial_service.plan_trial(db, bundled, request(), today=TODAY, owner=LOCAL_OWNER).trial.id
    report = trial_service.trial_report(db, bundled, trial_id, today=TODAY, now=NOW, owner=LOCAL_OWNER)
    expected = {
        ReportFormat.JSON: ("application/json", ".json"),
        ReportFormat.HTML: ("text/html; charset=utf-8", ".html"),
        ReportFormat.FHIR: ("application/fhir+json", ".fhir.json"),
        ReportFormat.PDF: ("application/pdf", ".pdf"),
    }
    for fmt, (media_type, ending) in expected.items():
        file = report_file(report, fmt)
        assert file.media_type == media_type
        assert file.filename == f"suppwise-report-{trial_id}{ending}"
        assert file.body
    assert report_file(report, ReportFormat.PDF).body.startswith(b"%PDF")
    assert report_file(report, ReportFormat.JSON).body.decode().rstrip().endswith("}")


def test_the_calendar_is_the_trials_own_schedule(db: Database, bundled: EvidenceBase) -> None:
    trial_id = trial_service.plan_trial(db, bundled, request(), today=TODAY, owner=LOCAL_OWNER).trial.id
    file = calendar_file(db, bundled, trial_id, owner=LOCAL_OWNER)
    assert file.media_type == "text/calendar; charset=utf-8"
    assert file.filename == f"suppwise-{trial_id}.ics"
    assert file.body.startswith(b"BEGIN:VCALENDAR")

