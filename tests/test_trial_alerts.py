"""Alerts on the bundled rules: each fires when it should, stays quiet when it should not, and a
crisis always comes first."""

from __future__ import annotations

import functools
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.evidence import bundled_data_dir, load_evidence
from suppwise.evidence.base import EvidenceBase
from suppwise.trials.alerts import days_needed, days_to_check, evaluate, rule_reach
from suppwise.trials.diary import DiaryEntry
from suppwise.trials.plan import Titration, TrialPlan, schedule

PLAN = TrialPlan(
    substance="glutamine",
    outcomes=("pain", "gi"),
    start_date=date(2026, 9, 1),
    baseline_days=5,
    titration=Titration(start="2 g a day", step="2 g a day", target="4 g a day", days_per_step=2),
    design="ab",
    block_days=20,
    washout_days=0,
)
DAYS = schedule(PLAN)
FIRST_ON = next(d.day for d in DAYS if d.phase == "on")


def diary(**by_offset: dict[str, object]) -> list[DiaryEntry]:
    """Baseline pain 3 on every baseline day, plus entries by offset from the first "on" day."""
    entries = [DiaryEntry(day=d.day, pain=3) for d in DAYS if d.phase == "baseline"]
    for key, values in by_offset.items():
        entries.append(DiaryEntry(day=FIRST_ON + timedelta(days=int(key[1:])), **values))  # type: ignore[arg-type]
    return entries


def fired(bundled: EvidenceBase, entries: list[DiaryEntry], day: date) -> list[str]:
    return [a.rule_id for a in evaluate(bundled, "glutamine", entries, DAYS, day)]


def test_pain_two_points_up_three_days_running(bundled: EvidenceBase) -> None:
    entries = diary(d0={"pain": 5}, d1={"pain": 6}, d2={"pain": 5})
    assert "pain-sustained-rise" in fired(bundled, entries, FIRST_ON + timedelta(days=2))
    assert "pain-sustained-rise" not in fired(bundled, entries, FIRST_ON + timedelta(days=1))


def test_a_missing_or_lower_day_breaks_the_run(bundled: EvidenceBase) -> None:
    gap = diary(d0={"pain": 6}, d2={"pain": 6})
    assert "pain-sustained-rise" not in fired(bundled, gap, FIRST_ON + timedelta(days=2))
    dip = diary(d0={"pain": 6}, d1={"pain": 4}, d2={"pain": 6})
    assert "pain-sustained-rise" not in fired(bundled, dip, FIRST_ON + timedelta(days=2))


def test_severe_gut_symptoms(bundled: EvidenceBase) -> None:
    assert "gi-severe" in fired(bundled, diary(d0={"gi": 7}), FIRST_ON)
    assert "gi-severe" not in fired(bundled, diary(d0={"gi": 6}), FIRST_ON)


def test_self_harm_comes_first_from_phq9_or_a_note(bundled: EvidenceBase) -> None:
    alerts = evaluate(bundled, "glutamine", diary(d0={"phq9": 9, "phq9_item9": 1, "gi": 9}), DAYS, FIRST_ON)
    assert alerts[0].rule_id == "phq9-self-harm" and alerts[0].level == "crisis"
    note = diary(d0={"note": "some days I want to die"})
    assert fired(bundled, note, FIRST_ON) == ["phq9-self-harm"]
    assert fired(bundled, diary(d0={"phq9": 9, "phq9_item9": 0}), FIRST_ON) == []


def test_a_note_reads_as_a_question_does(bundled: EvidenceBase) -> None:
    """One detector for notes and questions: an amount asked in a crisis manner (only the learned
    model reads it) raises the crisis alert; giving up on the supplement or weariness said of a
    symptom does not."""
    asked = diary(d0={"note": "how much of this magnesium would it take to make everything stop"})
    assert fired(bundled, asked, FIRST_ON) == ["phq9-self-harm"]
    for note in ("two more weeks before I give up", "cant take it anymore - the bloating i mean"):
        assert fired(bundled, diary(d0={"note": note}), FIRST_ON) == []


def test_doses_above_the_plan_or_the_safe_level(bundled: EvidenceBase) -> None:
    assert fired(bundled, diary(d0={"dose_taken": "4 g a day"}), FIRST_ON) == []
    assert fired(bundled, diary(d0={"dose_taken": "6 g a day"}), FIRST_ON) == ["dose-above-plan"]
    assert set(fired(bundled, diary(d0={"dose_taken": "10 g twice a day"}), FIRST_ON)) == {
        "dose-above-plan",
        "dose-above-safe-level",
    }
    baseline_day = DAYS[0].day
    entries = [DiaryEntry(day=baseline_day, pain=3, dose_taken="1 g")]
    assert fired(bundled, entries, baseline_day) == ["dose-above-plan"]  # nothing is planned at baseline


def test_every_rule_cites_sources_and_explains_itself(bundled: EvidenceBase) -> None:
    alerts = evaluate(bundled, "glutamine", diary(d0={"dose_taken": "30 g a day", "gi": 8}), DAYS, FIRST_ON)
    assert alerts and all(a.sources and a.rationale and a.detail for a in alerts)
    assert all(s in bundled.sources for rule in bundled.alert_rules for s in rule.sources)


@functools.cache
def _bundled() -> EvidenceBase:
    return load_evidence(bundled_data_dir())


@settings(max_examples=80, deadline=None)
@given(
    days=st.lists(
        st.none()
        | st.tuples(
            st.sampled_from([1, 3, 8, 9]), st.sampled_from([2, 8]), st.sampled_from([None, "2 g", "9 g", "20 g"])
        ),
        min_size=len(DAYS),
        max_size=len(DAYS),
    ),
    logged=st.integers(min_value=0, max_value=len(DAYS) - 1),
)
def test_the_days_a_write_reads_decide_its_alerts_like_the_whole_diary(
    days: list[tuple[int, int, str | None] | None], logged: int
) -> None:
    """A diary write reads back only `days_needed` (so its cost stays flat); the alerts it then
    evaluates must be exactly those the whole diary gives, on every day the write can change.
    Scores are drawn high and low with gaps, so that runs of rises, and their breaks, are common."""
    days[logged] = days[logged] or (8, 2, None)  # the day just written has an entry
    entries = [
        DiaryEntry(day=d.day, pain=values[0], gi=values[1], dose_taken=values[2])
        for d, values in zip(DAYS, days, strict=True)
        if values is not None
    ]
    bundled = _bundled()
    day = DAYS[logged].day
    reach = rule_reach(bundled)
    needed = days_needed(DAYS, day, reach)
    window = [e for e in entries if e.day in needed]
    checked = days_to_check([day], {e.day for e in entries}, reach)
    assert days_to_check([day], {e.day for e in window}, reach) == checked
    for each in checked:
        assert evaluate(bundled, "glutamine", window, DAYS, each) == evaluate(bundled, "glutamine", entries, DAYS, each)


def _one_day(bundled: EvidenceBase, substance: str, dose: str, target: str) -> dict[str, str]:
    plan = PLAN.model_copy(
        update={
            "substance": substance,
            "titration": Titration(start=target, step=target, target=target, days_per_step=2),
        }
    )
    days = schedule(plan)
    first_on = next(d.day for d in days if d.phase == "on")
    entries = [DiaryEntry(day=first_on, dose_taken=dose)]
    return {a.rule_id: a.detail for a in evaluate(bundled, substance, entries, days, first_on)}


def test_dose_limits_in_milligrams_and_international_units(bundled: EvidenceBase) -> None:
    """Magnesium's safe level is in mg, vitamin D's in IU: a diary dose in any unit the records
    use is compared, and the alert states both amounts."""
    assert _one_day(bundled, "magnesium", "300 mg", "300 mg a day") == {}
    magnesium = _one_day(bundled, "magnesium", "0.5 g", "300 mg a day")
    assert "took 0.5 g (500 mg/day)" in magnesium["dose-above-plan"]
    assert "500 mg/day; the observed safe level is 350 mg/day" in magnesium["dose-above-safe-level"]
    vitamin_d = _one_day(bundled, "vitamin-d", "10000 IU", "25 mcg a day")
    assert "took 10000 IU (250 mcg/day) against 25 mcg/day planned" in vitamin_d["dose-above-plan"]
    assert "10000 IU/day; the observed safe level is 4000 IU/day" in vitamin_d["dose-above-safe-level"]
    assert _one_day(bundled, "vitamin-d", "1000 IU", "25 mcg a day") == {}
