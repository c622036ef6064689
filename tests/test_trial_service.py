"""The trial service end to end on both databases: planning behind the safety screen, logging with
corrections and alerts, all-or-nothing imports, export, overview, the report, and `analyze`."""

from __future__ import annotations

import csv
import io
import random
from datetime import UTC, date, datetime, timedelta

import pytest

from suppwise.errors import DiaryError, SuppwiseError, TrialBlockedError
from suppwise.evidence import EvidenceBase
from suppwise.owners import LOCAL_OWNER
from suppwise.safety.profile import Profile
from suppwise.services import trials as trial_service
from suppwise.storage import Database, current_entries, entry_history, get_trial, list_alerts, list_trials
from suppwise.trials.plan import Phase, TrialPlan, schedule
from suppwise.trials.report_model import TrialReport

TODAY = date(2026, 11, 23)
START = date(2026, 9, 1)


def make_plan(**changes: object) -> TrialPlan:
    data: dict[str, object] = {
        "substance": "glutamine",
        "condition": "depression",
        "outcomes": ("pain", "mood", "gi"),
        "start_date": START,
        "baseline_days": 14,
        "titration": {"start": "5 g", "step": "5 g", "target": "10 g", "days_per_step": 2},
        "design": "abab",
        "block_days": 10,
        "pairs": 2,
        "washout_days": 2,
        "seed": 11,
    }
    data.update(changes)
    return trial_service.make_plan(data)


def planned(db: Database, base: EvidenceBase, **changes: object) -> str:
    plan = make_plan(**changes)
    return trial_service.store_plan(
        db, base, plan, Profile(), acknowledgement=None, today=TODAY, owner=LOCAL_OWNER
    ).trial.id


def log(db: Database, base: EvidenceBase, trial_id: str, day: date, **values: object) -> trial_service.LoggedOut:
    return trial_service.log_entry(
        db, base, trial_id, {"day": day, **values}, today=TODAY, source="cli", owner=LOCAL_OWNER
    )


# ------------------------------------------------------------------------------------------------ plan


def test_avoid_blocks_the_trial_and_stores_nothing(db: Database, bundled: EvidenceBase) -> None:
    with pytest.raises(TrialBlockedError, match="cannot start") as caught:
        trial_service.store_plan(
            db,
            bundled,
            make_plan(),
            Profile(sensitivities=["MSG"]),
            acknowledgement="I accept all risks",
            today=TODAY,
            owner=LOCAL_OWNER,
        )
    assert caught.value.envelope()["screen"]["level"] == "avoid"  # type: ignore[index]
    assert list_trials(db, owner=LOCAL_OWNER) == []


def test_caution_needs_an_acknowledgement_that_is_stored_verbatim(db: Database, bundled: EvidenceBase) -> None:
    plan = make_plan(condition="fibromyalgia")
    with pytest.raises(TrialBlockedError, match="acknowledgement"):
        trial_service.store_plan(db, bundled, plan, Profile(), acknowledgement=None, today=TODAY, owner=LOCAL_OWNER)
    with pytest.raises(TrialBlockedError):
        trial_service.store_plan(db, bundled, plan, Profile(), acknowledgement="ok", today=TODAY, owner=LOCAL_OWNER)
    assert list_trials(db, owner=LOCAL_OWNER) == []
    words = "Read it; Dr <b>Lee</b> agreed on 'Monday' — \"fine\""
    result = trial_service.store_plan(
        db, bundled, plan, Profile(), acknowledgement=words, today=TODAY, owner=LOCAL_OWNER
    )
    assert result.screen.level == "caution"
    stored = get_trial(db, trial_id=result.trial.id, owner=LOCAL_OWNER)
    assert stored.acknowledgement == words
    assert stored.screen_level == "caution"
    assert stored.seed == 11
    assert stored.acknowledged_at is not None


def test_the_screen_uses_the_target_dose(db: Database, bundled: EvidenceBase) -> None:
    """15 g/day is above the observed safe level (14 g/day), so even a clean profile needs an acknowledgement."""
    plan = make_plan(titration={"start": "5 g", "step": "5 g", "target": "15 g", "days_per_step": 2})
    with pytest.raises(TrialBlockedError) as caught:
        trial_service.store_plan(db, bundled, plan, Profile(), acknowledgement=None, today=TODAY, owner=LOCAL_OWNER)
    assert "Dose" in caught.value.message


def test_a_plan_stored_then_read_gives_the_same_schedule(db: Database, bundled: EvidenceBase) -> None:
    trial_id = planned(db, bundled)
    stored = trial_service.stored_plan(get_trial(db, trial_id=trial_id, owner=LOCAL_OWNER))
    assert schedule(stored) == schedule(make_plan())
    future = trial_service.store_plan(
        db,
        bundled,
        make_plan(start_date=TODAY + timedelta(days=3)),
        Profile(),
        acknowledgement=None,
        today=TODAY,
        owner=LOCAL_OWNER,
    )
    assert future.trial.status == "planned"


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"block_days": 2}, "block_days"),
        ({"washout_days": 10}, "washout"),
        ({"titration": {"start": "2 scoops", "step": "5 g", "target": "10 g", "days_per_step": 2}}, "titration.start"),
        ({"titration": {"start": "20 g", "step": "5 g", "target": "10 g", "days_per_step": 2}}, "above the target"),
        ({"seed": None}, "seed"),
        ({"baseline_days": 400}, "baseline_days"),
    ],
)
def test_a_bad_plan_names_its_field(changes: dict[str, object], words: str) -> None:
    with pytest.raises(trial_service.TrialPlanError, match=words):
        make_plan(**changes)


def test_unknown_condition_lists_the_known_ones(bundled: EvidenceBase) -> None:
    with pytest.raises(SuppwiseError, match="not a condition") as caught:
        trial_service.find_condition(bundled, "wobbly knees")
    assert "Fibromyalgia" in (caught.value.hint or "")
    assert caught.value.code == "condition_not_found"
    assert trial_service.find_condition(bundled, "fibromyalgia syndrome") == "fibromyalgia"


# ---------------------------------------------------------------------------------------------- diary


def test_logging_a_day_twice_is_a_correction_that_keeps_history(db: Database, bundled: EvidenceBase) -> None:
    trial_id = planned(db, bundled)
    first = log(db, bundled, trial_id, START, pain=4, dose_taken="none")
    assert not first.corrected and first.scheduled is not None and first.scheduled.phase == "baseline"
    again = log(db, bundled, trial_id, START, pain=4, dose_taken="none")
    assert again.unchanged and not again.corrected
    fixed = log(db, bundled, trial_id, START, pain=6, dose_taken="none", note="typo fixed")
    assert fixed.corrected and fixed.entry.version == 2
    history = entry_history(db, trial_id=trial_id, day=START, owner=LOCAL_OWNER)
    assert [(h.version, h.pain, h.is_current) for h in history] == [(1, 4, False), (2, 6, True)]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"day": TODAY + timedelta(days=1), "pain": 3}, "date"),
        ({"day": START - timedelta(days=1), "pain": 3}, "date"),
        ({"day": START, "pain": 11}, "pain"),
        ({"day": START, "phq9": 1, "phq9_item9": 2, "pain": 1}, "entry"),
        ({"day": "1/9/2026", "pain": 3}, "date"),
        ({"day": START, "dose_taken": "two scoops"}, "dose_taken"),
        ({"day": START}, "entry"),
    ],
)
def test_a_refused_entry_names_the_field_and_stores_nothing(
    db: Database, bundled: EvidenceBase, values: dict[str, object], field: str
) -> None:
    trial_id = planned(db, bundled)
    log(db, bundled, trial_id, START + timedelta(days=1), pain=2)
    with pytest.raises(DiaryError) as caught:
        trial_service.log_entry(db, bundled, trial_id, values, today=TODAY, source="cli", owner=LOCAL_OWNER)
    assert caught.value.field == field
    assert [e.day for e in current_entries(db, trial_id=trial_id, owner=LOCAL_OWNER)] == [START + timedelta(days=1)]


def test_the_dose_keeps_the_persons_words_and_its_daily_amount(db: Database, bundled: EvidenceBase) -> None:
    trial_id = planned(db, bundled)
    logged = log(db, bundled, trial_id, START + timedelta(days=15), pain=3, dose_taken="2.5 g twice a day")
    assert (logged.entry.dose_taken, logged.entry.dose_daily, logged.entry.dose_unit) == (
        "2.5 g twice a day",
        5.0,
        "g/day",
    )
    exported = trial_service.export_diary(db, trial_id, owner=LOCAL_OWNER)
    assert "2.5 g twice a day" in exported
    assert ",titration," in exported


def test_the_first_entry_makes_a_planned_trial_active(db: Database, bundled: EvidenceBase) -> None:
    trial_id = planned(db, bundled, start_date=TODAY)
    assert get_trial(db, trial_id=trial_id, owner=LOCAL_OWNER).status == "active"  # starts today
    later = trial_service.store_plan(
        db,
        bundled,
        make_plan(start_date=TODAY + timedelta(days=5)),
        Profile(),
        acknowledgement=None,
        today=TODAY,
        owner=LOCAL_OWNER,
    )
    assert later.trial.status == "planned"


# --------------------------------------------------------------------------------------------- alerts


def _baseline(db: Database, base: EvidenceBase, trial_id: str, pain: int = 3) -> None:
    for k in range(14):
        log(db, base, trial_id, START + timedelta(days=k), pain=pain, dose_taken="none")


def test_a_sustained_pain_rise_fires_once_with_what_made_it_fire(db: Database, bundled: EvidenceBase) -> None:
    trial_id = planned(db, bundled)
    _baseline(db, bundled, trial_id)
    day = START + timedelta(days=14)
    assert log(db, bundled, trial_id, day, pain=6, dose_taken="5 g").alerts == []
    assert log(db, bundled, trial_id, day + timedelta(days=1), pain=6, dose_taken="5 g").alerts == []
    third = log(db, bundled, trial_id, day + timedelta(days=2), pain=5, dose_taken="5 g")
    assert [(a.rule_id, a.new) for a in third.alerts] == [("pain-sustained-rise", True)]
    assert third.alerts[0].detail == "pain 6, 6, 5 against a baseline mean of 3.0"
    assert "farrar2001_pain_nrs" in third.alerts[0].sources
    again = log(db, bundled, trial_id, day + timedelta(days=2), pain=5, dose_taken="5 g", note="same day")
    assert [(a.rule_id, a.new) for a in again.alerts] == [("pain-sustained-rise", False)]
    stored = list_alerts(db, trial_id=trial_id, owner=LOCAL_OWNER)
    assert [(a.rule_id, a.detail) for a in stored] == [
        ("pain-sustained-rise", "pain 6, 6, 5 against a baseline mean of 3.0")
    ]


def test_a_flare_is_one_alert_episode_in_the_overview_and_the_report(db: Database, bundled: EvidenceBase) -> None:
    """Nine days of raised pain fire the sustained-rise rule on seven of them; a person and their
    clinician read that as one flare, with its span and how high pain went."""
    trial_id = planned(db, bundled)
    _baseline(db, bundled, trial_id)
    flare = START + timedelta(days=14)
    for k, pain in enumerate([6, 6, 7, 8, 9, 8, 7, 6, 6]):
        log(db, bundled, trial_id, flare + timedelta(days=k), pain=pain, dose_taken="5 g")
    assert len(list_alerts(db, trial_id=trial_id, owner=LOCAL_OWNER)) == 7
    seen = trial_service.overview(db, bundled, trial_id, today=TODAY, owner=LOCAL_OWNER)
    (episode,) = seen.alert_episodes
    assert (episode.rule_id, episode.alert_days) == ("pain-sustained-rise", 7)
    assert (episode.first_day, episode.last_day) == (flare + timedelta(days=2), flare + timedelta(days=8))
    assert (episode.peak_field, episode.peak_value, episode.peak_day) == ("pain", 9.0, flare + timedelta(days=4))
    report = trial_service.trial_report(
        db, bundled, trial_id, today=TODAY, now=datetime(2026, 11, 23, tzinfo=UTC), owner=LOCAL_OWNER
    )
    assert report.alert_episodes == seen.alert_episodes and len(report.alerts) == 7


def test_filling_in_a_missing_day_can_complete_a_run(db: Database, bundled: EvidenceBase) -> None:
    trial_id = planned(db, bundled)
    _baseline(db, bundled, trial_id)
    day = START + timedelta(days=14)
    log(db, bundled, trial_id, day, pain=7)
    log(db, bundled, trial_id, day + timedelta(days=2), pain=7)
    filled = log(db, bundled, trial_id, day + timedelta(days=1), pain=7)
    assert [(a.day, a.rule_id) for a in filled.alerts] == [(day + timedelta(days=2), "pain-sustained-rise")]


def test_a_crisis_comes_first_with_resources(db: Database, bundled: EvidenceBase) -> None:
    trial_id = planned(db, bundled)
    logged = log(db, bundled, trial_id, START, gi=9, phq9=12, phq9_item9=1, dose_taken="20 g")
    assert logged.crisis and logged.crisis_resources
    assert logged.alerts[0].rule_id == "phq9-self-harm"
    assert {a.rule_id for a in logged.alerts} == {
        "phq9-self-harm",
        "gi-severe",
        "dose-above-plan",
        "dose-above-safe-level",
    }
    note_only = log(db, bundled, trial_id, START + timedelta(days=1), note="some days I want to end my life")
    assert note_only.crisis and note_only.alerts[0].detail == "the note mentions self-harm"
    calm = log(db, bundled, trial_id, START + timedelta(days=2), pain=2, note="walked the dog")
    assert not calm.crisis and calm.crisis_resources == []


# --------------------------------------------------------------------------------------- import, export


def _csv(rows: list[dict[str, object]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["date", "pain", "gi", "dose_taken", "note"], lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue()


def test_an_import_with_one_bad_row_writes_nothing(db: Database, bundled: EvidenceBase) -> None:
    trial_id = planned(db, bundled)
    log(db, bundled, trial_id, START, pain=5)
    rows: list[dict[str, object]] = [{"date": (START + timedelta(days=k)).isoformat(), "pain": 3} for k in range(6)]
    rows[4]["gi"] = 12
    with pytest.raises(DiaryError) as caught:
        trial_service.import_diary(db, bundled, trial_id, _csv(rows), today=TODAY, owner=LOCAL_OWNER)
    assert (caught.value.row, caught.value.field) == (6, "gi")
    assert [(e.day, e.pain) for e in current_entries(db, trial_id=trial_id, owner=LOCAL_OWNER)] == [(START, 5)]
    early = [{"date": (START - timedelta(days=1)).isoformat(), "pain": 3}]
    with pytest.raises(DiaryError, match=r"row 2: .* before this trial started"):
        trial_service.import_diary(db, bundled, trial_id, _csv(early), today=TODAY, owner=LOCAL_OWNER)


def test_import_counts_and_export_round_trip(db: Database, bundled: EvidenceBase) -> None:
    trial_id = planned(db, bundled)
    log(db, bundled, trial_id, START, pain=5)
    log(db, bundled, trial_id, START + timedelta(days=1), pain=2)
    rows: list[dict[str, object]] = [
        {"date": START.isoformat(), "pain": 6},
        {"date": (START + timedelta(days=1)).isoformat(), "pain": 2},
        {"date": (START + timedelta(days=2)).isoformat(), "pain": 4, "dose_taken": "none", "note": "=SUM(A1)"},
    ]
    result = trial_service.import_diary(db, bundled, trial_id, _csv(rows), today=TODAY, owner=LOCAL_OWNER)
    assert (result.rows, result.added, result.corrected, result.unchanged) == (3, 1, 1, 1)
    assert result.substance_name == "Glutamine"
    exported = trial_service.export_diary(db, trial_id, owner=LOCAL_OWNER)
    assert "'=SUM(A1)" in exported  # a spreadsheet shows it, does not run it
    again = trial_service.import_diary(db, bundled, trial_id, exported, today=TODAY, owner=LOCAL_OWNER)
    assert (again.added, again.corrected, again.unchanged) == (0, 0, 3)


def test_another_trials_id_is_not_found(db: Database, bundled: EvidenceBase) -> None:
    with pytest.raises(SuppwiseError, match="no trial 't-000000'"):
        trial_service.log_entry(
            db, bundled, "t-000000", {"day": START, "pain": 1}, today=TODAY, source="cli", owner=LOCAL_OWNER
        )


# ------------------------------------------------------------------------------------ overview, report


def _simulate(db: Database, base: EvidenceBase, trial_id: str, effect: float, seed: int = 3) -> None:
    """A diary with a known effect on pain: AR(1) noise, 10% of days missed."""
    rng = random.Random(seed)
    plan = trial_service.stored_plan(get_trial(db, trial_id=trial_id, owner=LOCAL_OWNER))
    noise = 0.0
    rows = ["date,pain,gi,phq2,dose_taken"]
    for day in schedule(plan):
        noise = 0.4 * noise + rng.gauss(0, 0.8)
        if rng.random() < 0.1 or day.day > TODAY:
            continue
        pain = round(min(10, max(0, 4 + (effect if day.phase is Phase.ON else 0) + noise)))
        dose = f"{day.planned_g:g} g" if day.planned_g else "none"
        rows.append(f"{day.day.isoformat()},{pain},{rng.randint(0, 3)},{rng.randint(0, 2)},{dose}")
    trial_service.import_diary(db, base, trial_id, "\n".join(rows) + "\n", today=TODAY, owner=LOCAL_OWNER)


def test_a_stopped_trial_is_analysed_up_to_its_stop_day(db: Database, bundled: EvidenceBase) -> None:
    trial_id = planned(db, bundled, start_date=TODAY - timedelta(days=30))
    stop_day = TODAY - timedelta(days=10)
    log(db, bundled, trial_id, TODAY - timedelta(days=30), pain=3)
    stopped = trial_service.stop_trial(db, bundled, trial_id, reason=" pain rose ", today=stop_day, owner=LOCAL_OWNER)
    assert (stopped.trial.status, stopped.trial.stopped_on, stopped.trial.stop_reason) == (
        "stopped",
        stop_day,
        "pain rose",
    )
    log(db, bundled, trial_id, TODAY - timedelta(days=2), pain=6)  # logging afterwards still works
    report = trial_service.trial_report(
        db, bundled, trial_id, today=TODAY, now=datetime(2026, 11, 23, tzinfo=UTC), owner=LOCAL_OWNER
    )
    pain = report.outcomes[0].analysis
    assert pain.n_used + pain.n_missing + pain.n_excluded == 21  # start to stop day: later days are not missing
    assert report.adherence.days_elapsed == 21 and report.adherence.diary_days == 1
    seen = trial_service.overview(db, bundled, trial_id, today=TODAY, owner=LOCAL_OWNER)
    assert seen.today is None and seen.next_change is None and seen.trial.stopped_on == stop_day
    assert seen.adherence.days_elapsed == 21
    with pytest.raises(SuppwiseError, match="already stopped on") as caught:
        trial_service.stop_trial(db, bundled, trial_id, reason=None, today=TODAY, owner=LOCAL_OWNER)
    assert caught.value.code == "trial_stop_refused"
    later = planned(db, bundled, start_date=TODAY + timedelta(days=3))
    with pytest.raises(SuppwiseError, match=r"before trial t-\w+ started"):
        trial_service.stop_trial(db, bundled, later, reason=None, today=TODAY, owner=LOCAL_OWNER)


def test_overview_says_where_the_trial_stands(db: Database, bundled: EvidenceBase) -> None:
    trial_id = planned(db, bundled, start_date=TODAY - timedelta(days=16))  # 14 baseline, then titration
    log(db, bundled, trial_id, TODAY - timedelta(days=16), pain=3)
    seen = trial_service.overview(db, bundled, trial_id, today=TODAY, owner=LOCAL_OWNER)
    assert seen.today is not None and seen.today.phase == "titration"
    assert seen.next_change is not None and seen.next_change.day > TODAY
    assert seen.adherence.days_elapsed == 17 and seen.adherence.diary_days == 1
    report = trial_service.trial_report(
        db, bundled, trial_id, today=TODAY, now=datetime(2026, 11, 23, tzinfo=UTC), owner=LOCAL_OWNER
    )
    pain = report.outcomes[0].analysis
    assert pain.n_used + pain.n_missing + pain.n_excluded == 17  # days still to come are not "missing"
    assert [e.pain for e in seen.recent_entries] == [3]


def test_the_report_finds_a_known_harm(db: Database, bundled: EvidenceBase) -> None:
    trial_id = planned(db, bundled)
    _simulate(db, bundled, trial_id, effect=3.0)
    report = trial_service.trial_report(
        db, bundled, trial_id, today=TODAY, now=datetime(2026, 11, 23, tzinfo=UTC), owner=LOCAL_OWNER
    )
    pain = next(o for o in report.outcomes if o.field == "pain")
    assert pain.analysis.verdict == "likely_worse"
    assert pain.analysis.verdict_text.startswith("likely worsened your pain: by at least the important")
    assert pain.analysis.ci_low is not None and pain.analysis.ci_low < 3.0 < (pain.analysis.ci_high or 0)
    assert pain.loinc == "72514-3"
    assert [o.field for o in report.outcomes] == ["pain", "phq2", "phq9", "gi"]
    assert report.evidence is not None and "in depression?" in report.evidence.question
    assert TrialReport.model_validate_json(report.model_dump_json()) == report


def test_the_report_shows_no_meaningful_change_when_there_is_none(db: Database, bundled: EvidenceBase) -> None:
    trial_id = planned(db, bundled, pairs=3)
    _simulate(db, bundled, trial_id, effect=0.0, seed=5)
    report = trial_service.trial_report(
        db, bundled, trial_id, today=TODAY, now=datetime(2026, 11, 23, tzinfo=UTC), owner=LOCAL_OWNER
    )
    pain = next(o for o in report.outcomes if o.field == "pain")
    assert pain.analysis.verdict in ("no_meaningful_change", "unclear")
    assert pain.analysis.verdict != "likely_worse"


# -------------------------------------------------------------------------------------------- analyze


def _tracker_csv(effect: float, *, with_phase: bool, days: int = 84, seed: int = 1) -> str:
    rng = random.Random(seed)
    lines = ["Date,Pain Level,Phase,Dose" if with_phase else "Date,Pain Level,Dose"]
    for k in range(days):
        on = (k // 14) % 2 == 1
        pain = round(min(10, max(0, 5 + (effect if on else 0) + rng.gauss(0, 0.7))))
        day = (date(2026, 1, 1) + timedelta(days=k)).isoformat()
        dose = "10 g" if on else "none"
        lines.append(f"{day},{pain},{'on' if on else 'off'},{dose}" if with_phase else f"{day},{pain},{dose}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("with_phase", [True, False])
def test_analyze_a_diary_from_another_tracker(with_phase: bool) -> None:
    result = trial_service.analyse_csv(_tracker_csv(-3.0, with_phase=with_phase), outcomes=None, today=TODAY)
    (pain,) = result.outcomes
    assert pain.field == "pain" and pain.analysis.verdict == "likely_better"
    assert result.phase_days["on"] == 42 and result.phase_days["off"] == 42
    written = result.model_dump_json()
    assert '"grid_low":-0.9,"grid_high":0.99}' in written  # no float noise for readers


def test_analyze_refuses_a_diary_that_cannot_say_which_days_were_on() -> None:
    text = "date,pain\n" + "".join(f"2026-01-{d:02d},{d % 4}\n" for d in range(1, 20))
    with pytest.raises(DiaryError, match="which days were on") as caught:
        trial_service.analyse_csv(text, outcomes=None, today=TODAY)
    assert caught.value.field == "phase"
    with pytest.raises(DiaryError, match="no scores for mood"):
        trial_service.analyse_csv(_tracker_csv(0, with_phase=True), outcomes=["mood"], today=TODAY)
    with pytest.raises(DiaryError, match="row 3: phase 'sometimes'"):
        bad_phase = "date,pain,phase\n2026-01-01,3,on\n2026-01-02,3,sometimes\n"
        trial_service.analyse_csv(bad_phase, outcomes=None, today=TODAY)


def test_analyze_with_three_days_says_not_enough_data() -> None:
    text = "date,pain,phase\n2026-01-01,3,off\n2026-01-02,5,on\n2026-01-03,4,on\n"
    (pain,) = trial_service.analyse_csv(text, outcomes=["pain"], today=TODAY).outcomes
    assert pain.analysis.verdict == "not_enough_data"


def test_a_stop_reason_that_shows_risk_puts_crisis_resources_first(db: Database, bundled: EvidenceBase) -> None:
    """The trial's forms go through the same crisis detector as questions and diary notes."""
    ordinary = trial_service.stop_trial(
        db, bundled, planned(db, bundled), reason="it upset my stomach", today=TODAY, owner=LOCAL_OWNER
    )
    assert not ordinary.crisis and not ordinary.crisis_resources
    risky = trial_service.stop_trial(
        db, bundled, planned(db, bundled), reason="what's the point anymore", today=TODAY, owner=LOCAL_OWNER
    )
    assert risky.crisis and risky.crisis_resources
    assert risky.trial.stop_reason == "what's the point anymore"  # kept verbatim all the same


def test_an_acknowledgement_that_shows_risk_puts_crisis_resources_first(db: Database, bundled: EvidenceBase) -> None:
    plan = make_plan(condition="fibromyalgia")
    calm = trial_service.store_plan(
        db,
        bundled,
        plan,
        Profile(),
        acknowledgement="Read it; my GP agreed on a low start",
        today=TODAY,
        owner=LOCAL_OWNER,
    )
    assert not calm.crisis and not calm.crisis_resources
    risky = trial_service.store_plan(
        db,
        bundled,
        plan,
        Profile(),
        acknowledgement="whatever, I want it all to be over anyway",
        today=TODAY,
        owner=LOCAL_OWNER,
    )
    assert risky.crisis and risky.crisis_resources
