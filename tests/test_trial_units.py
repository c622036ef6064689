"""Trials in the unit a person doses in: a vitamin D plan in IU (through the substance's 40 IU per
microgram) is scheduled, shown, alerted on and reported in IU; a dose that cannot be converted to
the plan's unit (IU for a substance without a factor, an amount per kg) is refused everywhere a
diary is written, and what was stored before stays as it was."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError
from typer.testing import CliRunner

from suppwise.cli import app
from suppwise.errors import DiaryError
from suppwise.evidence import EvidenceBase
from suppwise.owners import LOCAL_OWNER
from suppwise.render.trial_report import render_report_html
from suppwise.render.trial_text import protocol_lines
from suppwise.safety.dose import format_daily
from suppwise.services import trials as trial_service
from suppwise.storage import Database, current_entries, list_trials
from suppwise.storage.tables import Trial as TrialRow
from suppwise.trials.calendar import schedule_calendar
from suppwise.trials.plan import Phase, Titration, TrialPlan, schedule
from suppwise.web.app import create_app
from tests.web.test_trials_web import PASSWORD, register

TODAY = date(2026, 11, 23)
START = date(2026, 9, 1)
ACKNOWLEDGED = "I have read the cautions and agreed this plan with my clinician"
VITAMIN_D_IU = {"start": "1000 IU", "step": "1000 IU", "target": "2000 IU", "days_per_step": 3}


def vitamin_d_plan(**titration: object) -> TrialPlan:
    return TrialPlan.model_validate(
        {
            "substance": "vitamin_d",
            "condition": "depression",
            "outcomes": ("mood",),
            "start_date": START,
            "baseline_days": 7,
            "titration": {**VITAMIN_D_IU, "iu_per_mcg": 40, **titration},
            "design": "ab",
            "block_days": 14,
            "washout_days": 0,
        }
    )


# ----------------------------------------------------------------------------------- the plan, pure


def test_a_titration_in_iu_converts_through_the_factor_and_shows_in_iu() -> None:
    plan = vitamin_d_plan()
    assert plan.titration.unit == "IU"
    assert plan.titration.amounts() == [1000.0, 2000.0]
    assert plan.titration.steps() == [pytest.approx(25e-6), pytest.approx(50e-6)]  # 25 and 50 mcg
    days = schedule(plan)
    shown = {(d.phase, d.planned_text) for d in days if d.planned_g}
    assert shown == {(Phase.TITRATION, "1000 IU/day"), (Phase.TITRATION, "2000 IU/day"), (Phase.ON, "2000 IU/day")}


def test_mixed_units_convert_when_the_substance_has_a_factor() -> None:
    plan = vitamin_d_plan(start="25 mcg", step="1000 IU", target="3000 IU")
    assert plan.titration.amounts() == [1000.0, 2000.0, 3000.0]
    mass = vitamin_d_plan(start="1000 IU", step="25 mcg", target="75 mcg")
    assert mass.titration.unit == "mcg" and mass.titration.amounts() == [25.0, 50.0, 75.0]
    assert {d.planned_text for d in schedule(mass) if d.phase is Phase.ON} == {"75 mcg/day"}


@pytest.mark.parametrize(
    "titration",
    [
        {"start": "100 IU", "step": "100 IU", "target": "300 IU"},
        {"start": "100 mg", "step": "100 mg", "target": "3000 IU"},
        {"start": "100 IU", "step": "100 mg", "target": "300 mg"},
    ],
)
def test_iu_without_a_factor_is_refused_with_the_reason(titration: dict[str, str]) -> None:
    with pytest.raises(ValidationError, match="is in IU, but the evidence base gives this substance no IU"):
        Titration.model_validate(titration)


@given(
    start=st.integers(min_value=1, max_value=20_000),
    step=st.integers(min_value=1, max_value=20_000),
    rises=st.integers(min_value=0, max_value=20),
)
def test_a_plan_in_iu_shows_exactly_the_amounts_written(start: int, step: int, rises: int) -> None:
    """Whatever the IU amounts, going through grams for the schedule never changes what is shown."""
    target = start + step * rises
    titration = Titration(start=f"{start} IU", step=f"{step} IU", target=f"{target} IU", iu_per_mcg=40)
    shown = [format_daily(g, iu=titration.in_iu(g)) for g in titration.steps()]
    assert shown == [f"{start + k * step} IU/day" for k in range(rises + 1)]


def test_small_steps_in_micrograms_are_not_rounded_away() -> None:
    titration = Titration(start="12.5 mcg", step="12.5 mcg", target="50 mcg")
    assert titration.steps() == [pytest.approx(g) for g in (12.5e-6, 25e-6, 37.5e-6, 50e-6)]


def test_the_calendar_says_the_dose_in_iu() -> None:
    text = schedule_calendar(vitamin_d_plan(), trial_id="t1", substance_name="Vitamin D").decode()
    unfolded = text.replace("\r\n ", "")
    assert "Titration: take 1000 IU/day of Vitamin D" in unfolded
    assert "Titration: increase to 2000 IU/day" in unfolded
    assert "g/day" not in unfolded


# ------------------------------------------------------------------------------ the service, both DBs


def plan_request(**changes: object) -> trial_service.PlanRequest:
    data: dict[str, object] = {
        "substance": "vitamin d",
        "condition": "depression",
        "outcomes": ["mood"],
        "start_date": START,
        "baseline_days": 7,
        "titration": VITAMIN_D_IU,
        "design": "ab",
        "block_days": 14,
        "washout_days": 0,
        "acknowledgement": ACKNOWLEDGED,
    }
    data.update(changes)
    return trial_service.plan_request(data)


def log(db: Database, base: EvidenceBase, trial_id: str, day: date, dose: str) -> trial_service.LoggedOut:
    return trial_service.log_entry(
        db, base, trial_id, {"day": day, "dose_taken": dose}, today=TODAY, source="cli", owner=LOCAL_OWNER
    )


def test_a_vitamin_d_trial_in_iu_from_plan_to_report(db: Database, bundled: EvidenceBase) -> None:
    planned = trial_service.plan_trial(db, bundled, plan_request(), today=TODAY, owner=LOCAL_OWNER)
    titration = planned.protocol.titration
    assert (titration.unit, titration.steps) == ("IU", ["1000 IU/day", "2000 IU/day"])
    assert [p.planned for p in planned.protocol.phases] == [None, "1000 IU/day", "2000 IU/day", "2000 IU/day"]
    shown = " ".join(str(line) for line in protocol_lines(planned.protocol, "Vitamin D"))
    assert "Titration: 1000 IU/day, 2000 IU/day" in shown
    trial_id = planned.trial.id
    on_day = START + timedelta(days=7 + 6 + 2)
    taken = log(db, bundled, trial_id, on_day, "2000 IU")
    assert taken.scheduled is not None and taken.scheduled.planned == "2000 IU/day"
    assert taken.alerts == []
    same_in_mcg = log(db, bundled, trial_id, on_day + timedelta(days=1), "50 mcg")
    assert same_in_mcg.alerts == []
    too_much = log(db, bundled, trial_id, on_day + timedelta(days=2), "5000 IU")
    details = {a.rule_id: a.detail for a in too_much.alerts}
    assert details["dose-above-plan"] == "took 5000 IU (5000 IU/day) against 2000 IU/day planned (on)"
    assert "the observed safe level is 4000 IU/day" in details["dose-above-safe-level"]
    report = trial_service.trial_report(
        db, bundled, trial_id, today=TODAY, now=datetime(2026, 11, 23, tzinfo=UTC), owner=LOCAL_OWNER
    )
    assert report.adherence.on_days_dose_recorded == 3
    assert report.adherence.on_days_as_planned == 2  # 2000 IU and 50 mcg are the plan; 5000 IU is not
    html = render_report_html(report)
    assert "1000 IU/day → 2000 IU/day" in html and "g/day" not in html


def test_a_plan_stored_before_plans_kept_the_factor_still_takes_doses_in_iu(
    db: Database, bundled: EvidenceBase
) -> None:
    """Trials planned before the titration recorded the IU factor keep working: the base's factor
    is used, so vitamin D logged in IU against a plan in mcg is accepted and counted as planned."""
    in_mcg = {"start": "25 mcg", "step": "25 mcg", "target": "50 mcg", "days_per_step": 3}
    trial_id = trial_service.plan_trial(
        db, bundled, plan_request(titration=in_mcg), today=TODAY, owner=LOCAL_OWNER
    ).trial.id
    with db.sessions.begin() as session:
        stored = session.get(TrialRow, trial_id)
        assert stored is not None
        old = {**stored.plan, "titration": {k: v for k, v in stored.plan["titration"].items() if k != "iu_per_mcg"}}
        stored.plan = old
    on_day = START + timedelta(days=7 + 6 + 2)
    logged = log(db, bundled, trial_id, on_day, "2000 IU")
    assert logged.alerts == []
    report = trial_service.trial_report(
        db, bundled, trial_id, today=TODAY, now=datetime(2026, 11, 23, tzinfo=UTC), owner=LOCAL_OWNER
    )
    assert report.adherence.on_days_as_planned == 1


def test_a_plan_in_iu_for_a_substance_without_a_factor_is_refused(db: Database, bundled: EvidenceBase) -> None:
    request = plan_request(substance="magnesium", titration={"start": "100 IU", "step": "100 IU", "target": "300 IU"})
    with pytest.raises(trial_service.TrialPlanError, match="titration: '100 IU' is in IU") as caught:
        trial_service.plan_trial(db, bundled, request, today=TODAY, owner=LOCAL_OWNER)
    assert "g, mg or mcg" in caught.value.message
    assert list_trials(db, owner=LOCAL_OWNER) == []


def magnesium_trial(db: Database, base: EvidenceBase) -> str:
    request = plan_request(
        substance="magnesium",
        condition="fibromyalgia",
        outcomes=["pain"],
        titration={"start": "100 mg", "step": "100 mg", "target": "300 mg", "days_per_step": 3},
    )
    return trial_service.plan_trial(db, base, request, today=TODAY, owner=LOCAL_OWNER).trial.id


@pytest.mark.parametrize(
    ("dose", "words"),
    [
        ("400 IU", "'400 IU' is in IU, but this trial's plan is in mg"),
        ("5 mg/kg", "per kg of body weight"),
    ],
)
def test_a_dose_the_plan_cannot_compare_is_refused_and_the_day_kept(
    db: Database, bundled: EvidenceBase, dose: str, words: str
) -> None:
    trial_id = magnesium_trial(db, bundled)
    day = START + timedelta(days=20)
    log(db, bundled, trial_id, day, "300 mg")
    with pytest.raises(DiaryError, match=words) as caught:
        log(db, bundled, trial_id, day, dose)
    assert caught.value.field == "dose_taken"
    [kept] = current_entries(db, trial_id=trial_id, owner=LOCAL_OWNER)
    assert (kept.version, kept.dose_text) == (1, "300 mg")


def test_an_import_with_one_dose_in_iu_stores_nothing(db: Database, bundled: EvidenceBase) -> None:
    trial_id = magnesium_trial(db, bundled)
    log(db, bundled, trial_id, START, "none")
    rows = [f"{(START + timedelta(days=k)).isoformat()},3,300 mg" for k in range(1, 4)]
    rows[1] = f"{(START + timedelta(days=2)).isoformat()},3,400 IU"
    text = "date,pain,dose_taken\n" + "\n".join(rows) + "\n"
    with pytest.raises(DiaryError, match="row 3: dose_taken '400 IU' is in IU") as caught:
        trial_service.import_diary(db, bundled, trial_id, text, today=TODAY, owner=LOCAL_OWNER)
    assert (caught.value.row, caught.value.field) == (3, "dose_taken")
    assert [(e.day, e.dose_text) for e in current_entries(db, trial_id=trial_id, owner=LOCAL_OWNER)] == [
        (START, "none")
    ]


# ----------------------------------------------------------------------------------- CLI, web and API

runner = CliRunner()


def test_the_cli_plans_in_iu_and_refuses_an_unconvertible_dose(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    start = (date.today() - timedelta(days=20)).isoformat()
    common = ["--outcomes", "pain", "--start", start, "--days-per-step", "3", "--db", db, "--acknowledge", ACKNOWLEDGED]
    planned = runner.invoke(
        app,
        ["trial", "plan", "vitamin d", "-c", "fibromyalgia", "--start-dose", "1000 IU", "--step", "1000 IU",
         "--target", "2000 IU", *common],
    )  # fmt: skip
    assert planned.exit_code == 0, planned.output
    assert "1000 IU/day, 2000 IU/day" in " ".join(planned.output.split())
    magnesium = runner.invoke(
        app,
        ["trial", "plan", "magnesium", "-c", "fibromyalgia", "--start-dose", "100 mg", "--step", "100 mg",
         "--target", "300 mg", *common, "--format", "json"],
    )  # fmt: skip
    assert magnesium.exit_code == 0, magnesium.output
    trial_id = json.loads(magnesium.stdout)["trial"]["id"]
    refused = runner.invoke(app, ["trial", "log", "--trial", trial_id, "--dose", "400 IU", "--pain", "3", "--db", db])
    assert refused.exit_code == 2
    assert "is in IU, but this trial's plan is in mg" in " ".join(refused.output.split())
    wrong_plan = runner.invoke(
        app,
        ["trial", "plan", "magnesium", "-c", "fibromyalgia", "--start-dose", "100 IU", "--step", "100 IU",
         "--target", "300 IU", *common],
    )  # fmt: skip
    assert wrong_plan.exit_code == 2 and "no IU-to-microgram factor" in " ".join(wrong_plan.output.split())


@pytest.fixture
def client(url: str) -> Iterator[TestClient]:
    with TestClient(create_app(database=url)) as test_client:
        yield test_client


def test_the_web_form_and_the_api_refuse_an_unconvertible_dose(client: TestClient) -> None:
    token = register(client, "una@example.org")
    start = (date.today() - timedelta(days=20)).isoformat()
    form = {
        "substance": "magnesium",
        "condition": "fibromyalgia",
        "outcomes": ["pain"],
        "start_dose": "100 mg",
        "step": "100 mg",
        "target": "300 mg",
        "days_per_step": "3",
        "start_date": start,
        "design": "ab",
        "acknowledgement": ACKNOWLEDGED,
        "csrf_token": token,
    }
    created = client.post("/trials/new", data=form, follow_redirects=False)
    assert created.status_code == 303, created.text[:800]
    trial_id = str(created.headers["location"]).rsplit("/", 1)[-1]
    page = client.post(f"/trials/{trial_id}/log", data={"csrf_token": token, "day": start, "dose_taken": "400 IU"})
    assert page.status_code == 422 and "is in IU, but this trial" in page.text
    api_token = client.post("/api/v1/tokens", json={"email": "una@example.org", "password": PASSWORD}).json()["token"]
    headers = {"Authorization": f"Bearer {api_token}"}
    refused = client.post(
        f"/api/v1/trials/{trial_id}/entries", json={"day": start, "dose_taken": "400 IU"}, headers=headers
    )
    assert refused.status_code == 422
    assert {"code": "diary_invalid", "field": "dose_taken"}.items() <= refused.json()["error"].items()
    assert client.get(f"/api/v1/trials/{trial_id}/entries", headers=headers).json() == []
    body = {
        "substance": "vitamin d",
        "condition": "fibromyalgia",
        "outcomes": ["pain"],
        "start_date": start,
        "titration": {"start": "1000 IU", "step": "1000 IU", "target": "2000 IU", "days_per_step": 3},
        "design": "ab",  # so that today, day 21, is an "on" day whatever the seed
        "baseline_days": 14,
        "acknowledgement": ACKNOWLEDGED,
    }
    planned = client.post("/api/v1/trials", json=body, headers=headers)
    assert planned.status_code == 201, planned.text
    assert planned.json()["protocol"]["titration"]["steps"] == ["1000 IU/day", "2000 IU/day"]
    page = client.get(f"/trials/{planned.json()['trial']['id']}").text
    assert "IU/day" in page and "g/day" not in page
