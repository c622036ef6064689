"""A trial's own outcomes (energy 0-10, headache hours): the spec parser, and the whole path on both
databases — plan, log, correct, import, export, overview, report and FHIR — with every refusal
specific and storing nothing."""

from __future__ import annotations

import csv
import io
import math
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import inspect

from suppwise.errors import DiaryError
from suppwise.evidence import EvidenceBase
from suppwise.owners import LOCAL_OWNER
from suppwise.render.trial_fhir import CUSTOM_OUTCOME_SYSTEM, LOINC, report_fhir_bundle
from suppwise.safety.profile import Profile
from suppwise.services import trials as trial_service
from suppwise.storage import (
    Database,
    current_entries,
    delete_trial,
    entry_history,
    open_database,
    save_entry,
)
from suppwise.storage import db as db_module
from suppwise.storage.db import SCHEMA_REVISION, current_revision
from suppwise.trials.custom_outcomes import (
    MAX_CUSTOM_OUTCOMES,
    CustomOutcome,
    CustomOutcomeError,
    parse_outcome_spec,
    parse_outcome_specs,
    reserved_names,
)
from suppwise.trials.plan import TrialPlan

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
START = date(2026, 9, 1)
ENERGY = "energy:0-10:higher-better"
HEADACHE = "headache_hours:0-24:higher-worse:decimals:delta=2"


# ------------------------------------------------------------------------------------------- the spec


def test_a_spec_gives_name_range_direction_decimals_and_delta() -> None:
    energy = parse_outcome_spec(ENERGY)
    assert (energy.name, energy.low, energy.high, energy.higher_is_worse) == ("energy", 0, 10, False)
    assert not energy.decimals and energy.important_difference is None
    headache = parse_outcome_spec("Headache Hours : 0 - 24 : higher-worse : decimals : delta=2")
    assert headache == parse_outcome_spec(HEADACHE)
    assert (headache.name, headache.decimals, headache.important_difference) == ("headache_hours", True, 2.0)
    assert parse_outcome_spec("mood_0_10:0-10:higher-is-better:whole").decimals is False
    assert parse_outcome_spec("balance:-5-5:higher-better").low == -5


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ("energy", "needs a name, a range and a direction"),
        ("energy:0-10", "needs a name, a range and a direction"),
        ("energy::higher-better", "needs a name, a range and a direction"),
        ("pain:0-10:higher-worse", "'pain' is a built-in outcome or diary column"),
        ("dose:0-10:higher-worse", "'dose' is a built-in outcome or diary column"),
        ("9lives:0-10:higher-better", "'9lives' is not an outcome name"),
        ("énergie:0-10:higher-better", "not an outcome name"),
        ("energy:ten:higher-better", "the range of energy 'ten' is not a range"),
        ("energy:10-0:higher-better", "the low end must come first"),
        ("energy:0-1e12:higher-better", "out of reach"),
        ("energy:0-10:up", "'up' is not a direction for energy"),
        ("energy:0-10:higher-better:often", "'often' is not an option of outcome energy"),
        ("energy:0-10:higher-better:delta=", "is not an option"),
        ("energy:0-10:higher-better:delta=lots", "delta of energy 'lots' is not a number"),
        ("energy:0-10:higher-better:delta=nan", "is not a number"),
        ("energy:0-10:higher-better:delta=10", "must be above 0 and below the range's width (10)"),
        ("energy:0-10:higher-better:delta=0", "must be above 0"),
        ("energy:0-10:higher-better:decimals:whole", "says decimals or whole twice"),
        ("energy:0-10:higher-better:delta=1:delta=2", "says delta twice"),
        ("energy:0.5-10:higher-better", "needs whole bounds"),
    ],
)
def test_a_malformed_spec_names_what_is_wrong(spec: str, words: str) -> None:
    with pytest.raises(CustomOutcomeError) as caught:
        parse_outcome_spec(spec)
    assert words in caught.value.message
    assert caught.value.envelope()["code"] == "outcome_spec_invalid"


def test_a_name_given_twice_or_too_many_outcomes_are_refused() -> None:
    with pytest.raises(CustomOutcomeError, match="'energy' is given twice"):
        parse_outcome_specs([ENERGY, "Energy:1-5:higher-better"])
    many = [f"o{k}:0-10:higher-better" for k in range(MAX_CUSTOM_OUTCOMES + 1)]
    with pytest.raises(CustomOutcomeError, match=f"at most {MAX_CUSTOM_OUTCOMES}"):
        parse_outcome_specs(many)


names = st.from_regex(r"\A[a-z][a-z0-9_]{0,39}\Z").filter(lambda n: n not in reserved_names())
bounds = st.one_of(st.integers(-(10**9), 10**9).map(float), st.floats(-1e9, 1e9, allow_nan=False))


@st.composite
def outcomes(draw: st.DrawFn) -> CustomOutcome:
    decimals = draw(st.booleans())
    kind = bounds if decimals else st.integers(-(10**9), 10**9).map(float)
    low, high = sorted(draw(st.lists(kind, min_size=2, max_size=2, unique=True)))
    wide = high - low > 1e-6  # a strictly smaller positive delta always exists
    delta = draw(st.none() | st.floats(0, high - low, exclude_min=True, exclude_max=True)) if wide else None
    return CustomOutcome(
        name=draw(names),
        low=low,
        high=high,
        higher_is_worse=draw(st.booleans()),
        decimals=decimals,
        important_difference=delta,
    )


@given(outcomes())
def test_any_outcome_written_as_its_spec_reads_back_identical(outcome: CustomOutcome) -> None:
    assert parse_outcome_spec(outcome.spec()) == outcome


@given(st.text(max_size=80))
def test_any_text_is_an_outcome_or_a_specific_error(text: str) -> None:
    try:
        outcome = parse_outcome_spec(text)
    except CustomOutcomeError as error:
        assert error.message and error.code == "outcome_spec_invalid"
    else:
        assert outcome.low < outcome.high and math.isfinite(outcome.high - outcome.low)
        assert outcome.name not in reserved_names()


# ------------------------------------------------------------------------------------- through a trial


def make_plan(outcomes: tuple[str, ...] = ("pain",), specs: tuple[str, ...] = (ENERGY, HEADACHE)) -> TrialPlan:
    return trial_service.make_plan(
        {
            "substance": "glutamine",
            "condition": "depression",
            "outcomes": outcomes,
            "custom_outcomes": [o.model_dump() for o in parse_outcome_specs(specs)],
            "start_date": START,
            "baseline_days": 14,
            "titration": {"start": "5 g", "step": "5 g", "target": "10 g", "days_per_step": 2},
            "design": "abab",
            "block_days": 10,
            "pairs": 2,
            "washout_days": 2,
            "seed": 11,
        }
    )


def planned(db: Database, base: EvidenceBase, plan: TrialPlan | None = None) -> str:
    result = trial_service.store_plan(
        db, base, plan or make_plan(), Profile(), acknowledgement=None, today=TODAY, owner=LOCAL_OWNER
    )
    return result.trial.id


def log(db: Database, base: EvidenceBase, trial_id: str, day: date, **values: object) -> trial_service.LoggedOut:
    return trial_service.log_entry(
        db, base, trial_id, {"day": day, **values}, today=TODAY, source="cli", owner=LOCAL_OWNER
    )


def test_the_plan_keeps_the_trials_own_outcomes(db: Database, bundled: EvidenceBase) -> None:
    trial_id = planned(db, bundled)
    seen = trial_service.overview(db, bundled, trial_id, today=TODAY, owner=LOCAL_OWNER)
    assert seen.trial.outcomes == ["pain"]
    assert [o.spec() for o in seen.trial.custom_outcomes] == [ENERGY, HEADACHE]


def test_a_plan_may_measure_only_its_own_outcomes(db: Database, bundled: EvidenceBase) -> None:
    trial_id = planned(db, bundled, make_plan(outcomes=(), specs=(ENERGY,)))
    log(db, bundled, trial_id, START, custom={"energy": 4})
    report = trial_service.trial_report(db, bundled, trial_id, today=TODAY, now=NOW, owner=LOCAL_OWNER)
    assert [o.field for o in report.outcomes] == ["energy"]


def test_a_plan_cannot_name_a_built_in_outcome_as_its_own() -> None:
    own = [{"name": "pain", "low": 0, "high": 10, "higher_is_worse": True}]
    with pytest.raises(trial_service.TrialPlanError, match="is a built-in outcome"):
        trial_service.make_plan({**make_plan().model_dump(), "custom_outcomes": own})


def test_values_are_stored_per_version_and_read_back(db: Database, bundled: EvidenceBase) -> None:
    trial_id = planned(db, bundled)
    first = log(db, bundled, trial_id, START, pain=5, custom={"energy": 6, "headache_hours": 1.5})
    assert first.entry.custom == {"energy": 6, "headache_hours": 1.5}
    assert log(db, bundled, trial_id, START, pain=5, custom={"energy": 6, "headache_hours": 1.5}).unchanged
    corrected = log(db, bundled, trial_id, START, pain=5, custom={"energy": 7})
    assert corrected.corrected and corrected.entry.version == 2
    history = entry_history(db, trial_id=trial_id, day=START, owner=LOCAL_OWNER)
    assert [h.custom for h in history] == [{"energy": 6.0, "headache_hours": 1.5}, {"energy": 7.0}]
    assert [e.custom for e in current_entries(db, trial_id=trial_id, owner=LOCAL_OWNER)] == [{"energy": 7.0}]


@pytest.mark.parametrize(
    ("custom", "field", "words"),
    [
        ({"energy": 11}, "energy", "energy 11 is outside 0-10 (energy, 0-10, higher is better, whole points"),
        ({"energy": -1}, "energy", "energy -1 is outside 0-10"),
        ({"energy": 6.5}, "energy", "energy must be a whole number, not 6.5"),
        ({"headache_hours": 24.5}, "headache_hours", "headache_hours 24.5 is outside 0-24"),
        ({"enrgy": 5}, "enrgy", "'enrgy' is not an outcome of this trial"),
        ({"energy": "lots"}, "energy", "energy must be a number, not 'lots'"),
        ({"Energy!": 5}, "custom", "'Energy!' is not an outcome name"),
    ],
)
def test_a_bad_value_is_refused_by_name_and_nothing_is_stored(
    db: Database, bundled: EvidenceBase, custom: dict[str, object], field: str, words: str
) -> None:
    trial_id = planned(db, bundled)
    log(db, bundled, trial_id, START, pain=3, custom={"energy": 5})
    with pytest.raises(DiaryError) as caught:
        log(db, bundled, trial_id, START, pain=4, custom=custom)
    assert words in caught.value.message
    assert caught.value.field == field
    (entry,) = current_entries(db, trial_id=trial_id, owner=LOCAL_OWNER)
    assert (entry.version, entry.pain, entry.custom) == (1, 3, {"energy": 5.0})


def test_decimals_are_kept_exactly(db: Database, bundled: EvidenceBase) -> None:
    trial_id = planned(db, bundled)
    log(db, bundled, trial_id, START, custom={"headache_hours": 0.1 + 0.2})
    (entry,) = current_entries(db, trial_id=trial_id, owner=LOCAL_OWNER)
    assert entry.custom == {"headache_hours": 0.1 + 0.2}


def test_export_and_import_carry_the_columns(db: Database, bundled: EvidenceBase) -> None:
    trial_id = planned(db, bundled)
    log(db, bundled, trial_id, START, pain=5, custom={"energy": 6, "headache_hours": 2.25})
    log(db, bundled, trial_id, START + timedelta(days=1), note="no scores")
    exported = trial_service.export_diary(db, trial_id, owner=LOCAL_OWNER)
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert list(rows[0])[-2:] == ["energy", "headache_hours"]
    assert (rows[0]["energy"], rows[0]["headache_hours"], rows[1]["energy"]) == ("6", "2.25", "")
    other = planned(db, bundled)
    imported = trial_service.import_diary(db, bundled, other, exported, today=TODAY, owner=LOCAL_OWNER)
    assert imported.added == 2
    assert trial_service.export_diary(db, other, owner=LOCAL_OWNER) == exported


@pytest.mark.parametrize(
    ("header", "row", "words"),
    [
        ("date,energy", "2026-09-01,11", "row 2: energy 11 is outside 0-10"),
        ("date,energy", "2026-09-01,6.5", "row 2: energy must be a whole number, not 6.5"),
        ("date,energy", "2026-09-01,6,5", "row 2: 3 cells for 2 columns"),
        ("date,headache_hours", '2026-09-01,"2,5"', "row 2: headache_hours must be a number, not '2,5'"),
        ("date,steps", "2026-09-01,100", "unknown column(s) 'steps'"),
    ],
)
def test_a_bad_import_names_row_and_outcome_and_stores_nothing(
    db: Database, bundled: EvidenceBase, header: str, row: str, words: str
) -> None:
    trial_id = planned(db, bundled)
    with pytest.raises(DiaryError) as caught:
        trial_service.import_diary(db, bundled, trial_id, f"{header}\n{row}\n", today=TODAY, owner=LOCAL_OWNER)
    assert words in caught.value.message
    if "unknown column" in words:
        assert caught.value.hint and "this trial's own outcomes: energy, headache_hours" in caught.value.hint
    assert current_entries(db, trial_id=trial_id, owner=LOCAL_OWNER) == []


def diary_with_a_rise(db: Database, base: EvidenceBase) -> str:
    """Energy 3 on comparison days and 7 on supplement days; headache hours unchanged at 2.5."""
    trial_id = planned(db, base)
    plan = trial_service.stored_plan(trial_service.get_trial(db, trial_id=trial_id, owner=LOCAL_OWNER))
    rows = ["date,pain,energy,headache_hours"]
    for k, day in enumerate(d for d in trial_service.schedule(plan) if d.day <= TODAY):
        energy = 7 if day.phase.value == "on" else 3
        rows.append(f"{day.day.isoformat()},{4 + k % 2},{energy},{2.5 + (k % 3) / 4}")
    trial_service.import_diary(db, base, trial_id, "\n".join(rows) + "\n", today=TODAY, owner=LOCAL_OWNER)
    return trial_id


def test_the_report_analyses_each_own_outcome_and_states_the_default_delta(db: Database, bundled: EvidenceBase) -> None:
    trial_id = diary_with_a_rise(db, bundled)
    report = trial_service.trial_report(db, bundled, trial_id, today=TODAY, now=NOW, owner=LOCAL_OWNER)
    by_field = {o.field: o for o in report.outcomes}
    assert list(by_field) == ["pain", "energy", "headache_hours"]
    energy, headache = by_field["energy"], by_field["headache_hours"]
    assert (energy.custom, energy.higher_is_worse, energy.loinc, energy.decimals) == (True, False, None, False)
    assert energy.important_difference.points == 2.0
    assert "None published for this outcome" in energy.important_difference.basis
    assert "20% of the range 0-10" in energy.important_difference.basis
    assert "delta=D" in energy.important_difference.basis
    assert energy.analysis.verdict == "likely_better"
    assert headache.important_difference.points == 2.0 and "as given" in headache.important_difference.basis
    assert headache.decimals and any(p.value == 2.75 for p in headache.series)
    assert not by_field["pain"].custom


def test_fhir_codes_own_outcomes_in_a_local_system(db: Database, bundled: EvidenceBase) -> None:
    trial_id = diary_with_a_rise(db, bundled)
    report = trial_service.trial_report(db, bundled, trial_id, today=TODAY, now=NOW, owner=LOCAL_OWNER)
    bundle = report_fhir_bundle(report)
    daily = [e["resource"] for e in bundle["entry"] if "effectiveDateTime" in e["resource"]]  # type: ignore[union-attr]
    systems = {r["code"]["coding"][0]["system"]: r for r in daily if r["resourceType"] == "Observation"}
    assert LOINC in systems and CUSTOM_OUTCOME_SYSTEM in systems
    headache = [r for r in daily if r["code"]["coding"][0].get("code") == "headache_hours"]
    assert headache and all(r["code"]["coding"][0]["system"] == CUSTOM_OUTCOME_SYSTEM for r in headache)
    assert any(r.get("valueQuantity", {}).get("value") == 2.75 for r in headache)
    energy = [r for r in daily if r["code"]["coding"][0].get("code") == "energy"]
    assert energy and all(isinstance(r["valueInteger"], int) for r in energy)


def test_the_overview_shows_the_values(db: Database, bundled: EvidenceBase) -> None:
    trial_id = planned(db, bundled)
    log(db, bundled, trial_id, START, custom={"energy": 6, "headache_hours": 1.5})
    seen = trial_service.overview(db, bundled, trial_id, today=TODAY, owner=LOCAL_OWNER)
    assert seen.recent_entries[-1].custom == {"energy": 6, "headache_hours": 1.5}


def test_values_go_with_their_trial(db: Database, bundled: EvidenceBase) -> None:
    trial_id = planned(db, bundled)
    log(db, bundled, trial_id, START, custom={"energy": 6})
    delete_trial(db, trial_id=trial_id, owner=LOCAL_OWNER)
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM entry_values").scalar_one() == 0


def test_a_database_at_0006_keeps_its_diary_when_migrated(db: Database, url: str) -> None:
    from suppwise.storage import create_trial

    trial = create_trial(db, substance="glutamine", outcomes=["pain"], plan={}, start_date=START, owner=LOCAL_OWNER)
    save_entry(
        db, trial_id=trial.id, day=START, values={"pain": 4, "note": "before 0007"}, source="cli", owner=LOCAL_OWNER
    )
    db_module.downgrade(db, "0006")
    with db.engine.connect() as connection:
        assert "entry_values" not in inspect(connection).get_table_names()
    reopened = open_database(url)
    try:
        assert current_revision(reopened) == SCHEMA_REVISION == "0008"
        (entry,) = current_entries(reopened, trial_id=trial.id, owner=LOCAL_OWNER)
        assert (entry.pain, entry.note, entry.custom) == (4, "before 0007", {})
        again = save_entry(
            reopened,
            trial_id=trial.id,
            day=START,
            values={**entry.values(), "custom": {"energy": 5}},
            source="cli",
            owner=LOCAL_OWNER,
        )
        assert again.version == 2 and again.custom == {"energy": 5.0}
    finally:
        reopened.close()


def test_the_diary_reminder_names_the_trials_own_outcomes() -> None:
    from suppwise.trials.calendar import schedule_calendar

    reminder = schedule_calendar(make_plan(), trial_id="t-000001", substance_name="Glutamine").decode()
    assert "today's scores (pain\\, energy\\, headache_hours)" in reminder.replace("\r\n ", "")
