"""A trial's schedule as a calendar the person imports into their phone: a daily diary reminder,
a marker on each day the dose instruction changes, an end marker, and text that survives any
substance name. Every test reads the file back the way a calendar app would (`from_ical`)."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from itertools import groupby, pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event

from suppwise.safety.dose import format_amount
from suppwise.trials.calendar import DISCLAIMER, schedule_calendar
from suppwise.trials.plan import Design, ScheduledDay, Titration, TrialPlan, schedule

ABAB = TrialPlan(
    substance="glutamine",
    condition="fibromyalgia",
    outcomes=("pain", "fatigue"),
    start_date=date(2026, 1, 5),
    baseline_days=14,
    titration=Titration(start="5 g/day", step="5 g/day", target="15 g/day", days_per_step=3),
    design=Design.ABAB,
    block_days=14,
    pairs=2,
    washout_days=3,
    seed=7,
)
AB_NO_BASELINE = TrialPlan(
    substance="magnesium",
    outcomes=("sleep",),
    start_date=date(2026, 3, 2),
    baseline_days=0,
    titration=Titration(start="500 mg/day", step="500 mg/day", target="1.5 g/day", days_per_step=2),
    design=Design.AB,
    block_days=10,
    washout_days=2,
)
HOSTILE_NAMES = [
    "Mg, citrate; 200 mg",
    "evil\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected",
    "<script>alert('x')</script>",
    'back\\slash "quoted" \\n not a newline',
    "L-théanine ☕ " * 12,
]


def ics(plan: TrialPlan = ABAB, **kwargs: object) -> bytes:
    arguments: dict[str, object] = {"trial_id": "T1", "substance_name": "glutamine", **kwargs}
    return schedule_calendar(plan, **arguments)  # type: ignore[arg-type]


def events(raw: bytes) -> list[Event]:
    return list(Calendar.from_ical(raw).walk("VEVENT"))


def reminder(raw: bytes) -> Event:
    (event,) = [e for e in events(raw) if "RRULE" in e]
    return event


def all_day(raw: bytes) -> list[Event]:
    """The markers, in file order: every event whose start is a date rather than a time."""
    return [e for e in events(raw) if type(e.decoded("dtstart")) is date]


def runs(days: list[ScheduledDay]) -> list[list[ScheduledDay]]:
    """The schedule's runs of equal (phase, planned amount), derived here independently."""
    return [list(group) for _, group in groupby(days, key=lambda d: (d.phase, d.planned_g))]


def unescape_text(value: str) -> str:
    """RFC 5545 TEXT unescaping, as a calendar app applies it to X-WR-CALNAME (the parser keeps
    unknown X- properties raw)."""
    return re.sub(r"\\([\\;,Nn])", lambda m: "\n" if m.group(1) in "Nn" else m.group(1), value)


def stated_days(event: Event) -> int:
    match = re.search(r"Lasts (\d+) days?: (\S+) until (\S+) inclusive", str(event["description"]))
    assert match, event["description"]
    return int(match.group(1))


def test_reminder_repeats_daily_for_every_scheduled_day_at_floating_local_time() -> None:
    event = reminder(ics())
    assert event["rrule"]["FREQ"] == ["DAILY"]
    assert event["rrule"]["COUNT"] == [len(schedule(ABAB))]
    start = event.decoded("dtstart")
    assert start == datetime(2026, 1, 5, 20, 0)
    assert start.tzinfo is None
    assert "TZID" not in event["dtstart"].params
    assert event.decoded("duration") == timedelta(minutes=10)
    assert str(event["summary"]) == "Diary: glutamine trial"
    (alarm,) = event.walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY"
    assert alarm.decoded("trigger") == timedelta(0)
    description = str(event["description"])
    assert "(pain, fatigue)" in description
    assert "suppwise trial log --trial T1" in description
    assert DISCLAIMER in description


def test_reminder_time_and_product_id_are_the_callers() -> None:
    raw = ics(reminder_time=time(7, 30), product_id="-//clinic//trials//EN")
    assert reminder(raw).decoded("dtstart") == datetime(2026, 1, 5, 7, 30)
    assert str(Calendar.from_ical(raw)["prodid"]) == "-//clinic//trials//EN"


def test_a_reminder_time_with_a_timezone_is_refused() -> None:
    with pytest.raises(ValueError, match="without a timezone"):
        ics(reminder_time=time(20, 0, tzinfo=datetime.now().astimezone().tzinfo))


def test_calendar_properties() -> None:
    calendar = Calendar.from_ical(ics())
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["prodid"]) == "-//suppwise//personal trial//EN"
    assert str(calendar["calscale"]) == "GREGORIAN"
    assert str(calendar["x-wr-calname"]) == "suppwise: glutamine trial T1"


def test_abab_markers_fall_on_each_dose_change_with_the_right_instruction() -> None:
    markers = all_day(ics())[:-1]
    seen = [(e.decoded("dtstart"), str(e["summary"])) for e in markers]
    # seed 7 draws on-off, then off-on: the two off blocks meet, so the second needs no marker.
    assert seen == [
        (date(2026, 1, 5), "Baseline starts: take no glutamine"),
        (date(2026, 1, 19), "Titration: take 5 g/day of glutamine"),
        (date(2026, 1, 22), "Titration: increase to 10 g/day"),
        (date(2026, 1, 25), "Titration: increase to 15 g/day"),
        (date(2026, 1, 28), "On block 1 starts: take 15 g/day of glutamine"),
        (date(2026, 2, 11), "Washout: stop glutamine; keep logging (these days are not analysed)"),
        (date(2026, 2, 14), "Off blocks 2–3: washout over, still no glutamine (these days are analysed)"),
        (date(2026, 3, 11), "Washout: take 15 g/day of glutamine again; keep logging (these days are not analysed)"),
        (date(2026, 3, 14), "On block 4: washout over, keep taking 15 g/day (these days are analysed)"),
    ]


@pytest.mark.parametrize("plan", [ABAB, AB_NO_BASELINE], ids=["abab", "ab-no-baseline"])
def test_markers_match_the_schedule_runs(plan: TrialPlan) -> None:
    markers = all_day(ics(plan))[:-1]
    expected = runs(schedule(plan))
    assert len(markers) == len(expected)
    for event, run in zip(markers, expected, strict=True):
        first, last = run[0], run[-1]
        assert event.decoded("dtstart") == first.day
        assert event.decoded("dtend") == first.day + timedelta(days=1)
        description = str(event["description"])
        amount = "none" if first.planned_g == 0 else format_amount(first.planned_g)
        assert f"Daily amount: {amount}" in description
        assert f"Phase: {first.phase.value}" in description
        if first.block is not None:
            assert f"block {first.block}" in description or f"blocks {first.block}" in description
        assert stated_days(event) == len(run)
        assert f"until {last.day.isoformat()} inclusive" in description
        assert DISCLAIMER in description


def test_ab_plan_without_baseline_starts_with_titration_in_milligrams() -> None:
    seen = [(e.decoded("dtstart"), str(e["summary"])) for e in all_day(ics(AB_NO_BASELINE, substance_name="Mg"))]
    assert seen == [
        (date(2026, 3, 2), "Titration: take 500 mg/day of Mg"),
        (date(2026, 3, 4), "Titration: increase to 1 g/day"),
        (date(2026, 3, 6), "Titration: increase to 1.5 g/day"),
        (date(2026, 3, 8), "On block 1 starts: take 1.5 g/day of Mg"),
        (date(2026, 3, 18), "Trial ends: run `suppwise trial report T1`"),
    ]


@pytest.mark.parametrize(
    ("grams", "text"),
    [
        (15.0, "15 g/day"),
        (7.5, "7.5 g/day"),
        (1.0, "1 g/day"),
        (0.5, "500 mg/day"),
        (0.00039999999999999996, "400 mcg/day"),
    ],
)
def test_amounts_read_like_a_label(grams: float, text: str) -> None:
    assert format_amount(grams) == text


def test_end_marker_is_the_day_after_the_last_diary_day() -> None:
    end = all_day(ics())[-1]
    last = schedule(ABAB)[-1].day
    assert end.decoded("dtstart") == last + timedelta(days=1)
    assert end.decoded("dtend") == last + timedelta(days=2)
    assert str(end["summary"]) == "Trial ends: run `suppwise trial report T1`"
    assert DISCLAIMER in str(end["description"])


def test_same_plan_gives_identical_bytes_and_a_stamp_from_the_plan() -> None:
    assert ics() == ics()
    assert ics() != ics(trial_id="T2")
    stamps = {e.decoded("dtstamp") for e in events(ics())}
    assert {s.isoformat() for s in stamps} == {"2026-01-05T00:00:00+00:00"}


def test_uids_are_unique_and_name_the_trial() -> None:
    uids = [str(e["uid"]) for e in events(ics())]
    assert len(uids) == len(set(uids))
    assert all(u.startswith("T1-") and u.endswith("@suppwise") for u in uids)
    assert "T1-diary-20260105@suppwise" in uids
    assert "T1-end-20260325@suppwise" in uids


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_substance_names_round_trip_and_inject_nothing(name: str) -> None:
    raw = ics(substance_name=name, trial_id="x;y,z")
    calendar = Calendar.from_ical(raw)
    assert unescape_text(str(calendar["x-wr-calname"])) == f"suppwise: {name} trial x;y,z"
    assert len(events(raw)) == len(events(ics()))
    assert str(reminder(raw)["summary"]) == f"Diary: {name} trial"
    assert str(all_day(raw)[0]["summary"]) == f"Baseline starts: take no {name}"
    assert "suppwise trial log --trial 'x;y,z'" in str(reminder(raw)["description"])
    assert not any(str(e["summary"]) == "injected" for e in events(raw))


def test_carriage_returns_and_control_characters_do_not_reach_the_file() -> None:
    raw = ics(substance_name="a\r\nb\x00c\x1b")
    assert str(reminder(raw)["summary"]) == "Diary: a\nb\ufffdc\ufffd trial"
    assert b"\x00" not in raw
    assert b"\x1b" not in raw


@pytest.mark.parametrize("name", ["glutamine", *HOSTILE_NAMES])
def test_every_physical_line_is_folded_to_75_octets(name: str) -> None:
    raw = ics(substance_name=name, trial_id="trial-" + "9" * 80)
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines), max(lines, key=len)
    assert all(b"\n" not in line and b"\r" not in line for line in lines)


@st.composite
def plans(draw: st.DrawFn) -> TrialPlan:
    start = draw(st.sampled_from([0.25, 0.5, 1.0, 2.0, 5.0, 7.5]))
    step = draw(st.sampled_from([0.25, 0.5, 1.0, 2.5, 5.0]))
    target = start + step * draw(st.integers(0, 4)) + draw(st.sampled_from([0.0, 0.1]))
    design = draw(st.sampled_from(list(Design)))
    block_days = draw(st.integers(3, 14))
    return TrialPlan(
        substance="glutamine",
        outcomes=("pain",),
        start_date=draw(st.dates(date(2025, 1, 1), date(2030, 12, 31))),
        baseline_days=draw(st.integers(0, 20)),
        titration=Titration(
            start=f"{start:g} g/day",
            step=f"{step:g} g/day",
            target=f"{target:g} g/day",
            days_per_step=draw(st.integers(1, 3)),
        ),
        design=design,
        block_days=block_days,
        pairs=draw(st.integers(1, 3)),
        washout_days=draw(st.integers(0, block_days - 1)),
        seed=draw(st.integers(0, 2**32)) if design is Design.ABAB else None,
    )


@settings(max_examples=75, deadline=None)
@given(plans())
def test_markers_are_ordered_within_the_trial_and_account_for_every_day(plan: TrialPlan) -> None:
    raw = ics(plan)
    days = schedule(plan)
    start, end = days[0].day, days[-1].day
    markers = all_day(raw)
    dates = [e.decoded("dtstart") for e in markers]
    assert all(a < b for a, b in pairwise(dates))
    assert all(start <= d <= end + timedelta(days=1) for d in dates)
    assert dates[-1] == end + timedelta(days=1)
    assert reminder(raw).decoded("dtstart").date() == start
    assert sum(stated_days(e) for e in markers[:-1]) == len(days)
