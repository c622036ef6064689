"""A trial's schedule as an iCalendar file the person can import into their phone's calendar.

Why a calendar: a protocol is only as good as the days it is followed, and the two things people
forget are the evening diary and the day the dose changes. So the file holds one daily reminder
to log the diary, one all-day marker on each day the instruction changes (a run of days with the
same phase and planned amount), and a marker the day after the last diary day saying how to get
the report.

Times are floating (no timezone): the reminder is "20:00 wherever the phone is", which is what a
person travelling with their diary wants. DTSTAMP and UIDs are derived from the plan, never from
the clock, so the same plan always gives byte-identical output (re-importing updates events
instead of duplicating them, and tests can compare bytes). The file is built with the `icalendar`
library, which escapes and folds text; the only free text that reaches it is the substance name
and the trial id, cleaned of control characters first. Nothing here chooses a dose: the amounts
are the plan's, and every description says so.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event, vText

from suppwise.trials.plan import Phase, ScheduledDay, TrialPlan, schedule

DEFAULT_PRODUCT_ID = "-//suppwise//personal trial//EN"
DISCLAIMER = "Doses are the ones you and your clinician agreed; suppwise does not prescribe."
REMINDER_MINUTES = 10

# RFC 5545 TEXT allows no control characters except tab (and newlines, which it escapes). A
# carriage return would come back as a newline anyway, so it is normalised up front; anything else
# is shown as a replacement character rather than silently dropped.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Outcomes are listed in the reminder only when they look like outcome keys ("pain", "sleep
# quality"); anything else in a hand-edited plan is not echoed into the calendar.
_OUTCOME_WORD = re.compile(r"[a-z][a-z0-9 _-]{0,39}")


@dataclass(frozen=True)
class Run:
    """Consecutive scheduled days with the same phase and planned amount: one dose instruction.

    A run can span two blocks (an off block followed by another off block in the next pair), which
    is why it carries every block it touches rather than one."""

    first: ScheduledDay
    last: ScheduledDay
    blocks: tuple[int, ...]

    @property
    def days(self) -> int:
        return self.last.index - self.first.index + 1

    @property
    def phase(self) -> Phase:
        return self.first.phase

    @property
    def planned_g(self) -> float:
        return self.first.planned_g


def phase_runs(days: Sequence[ScheduledDay]) -> list[Run]:
    """Split a schedule where (phase, planned amount) changes; each run starts a calendar marker."""
    runs: list[Run] = []
    start = 0
    for i in range(1, len(days) + 1):
        if i == len(days) or (days[i].phase, days[i].planned_g) != (days[start].phase, days[start].planned_g):
            stretch = days[start:i]
            blocks = tuple(sorted({d.block for d in stretch if d.block is not None}))
            runs.append(Run(stretch[0], stretch[-1], blocks))
            start = i
    return runs


def schedule_calendar(
    plan: TrialPlan,
    *,
    trial_id: str,
    substance_name: str,
    reminder_time: time = time(20, 0),
    product_id: str = DEFAULT_PRODUCT_ID,
) -> bytes:
    """The plan's schedule as RFC 5545 bytes: a daily diary reminder, a marker per dose change and
    an end marker. Pure: the same arguments always give the same bytes."""
    if reminder_time.tzinfo is not None:
        raise ValueError("reminder_time must be a local time without a timezone (the phone supplies the zone)")
    trial_id = _clean(trial_id)
    name = _clean(substance_name)
    days = schedule(plan)
    stamp = datetime.combine(plan.start_date, time(0, 0), tzinfo=UTC)

    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", product_id)
    calendar.add("calscale", "GREGORIAN")
    # X- properties default to an unescaped type; vText makes the name escaped like any other text.
    calendar.add("x-wr-calname", vText(f"suppwise: {name} trial {trial_id}"))

    calendar.add_component(_diary_reminder(plan, days, trial_id, name, reminder_time, stamp))
    previous: Run | None = None
    for run in phase_runs(days):
        summary = _run_summary(run, previous, name)
        calendar.add_component(_all_day(trial_id, "dose", run.first.day, summary, _run_description(run, name), stamp))
        previous = run
    end = days[-1].day + timedelta(days=1)
    report = f"suppwise trial report {shlex.quote(trial_id)}"
    end_description = "\n".join(
        [
            f"The last diary day was {days[-1].day.isoformat()} ({len(days)} days in all).",
            f"To see what the trial showed, run: {report}",
            DISCLAIMER,
        ]
    )
    calendar.add_component(_all_day(trial_id, "end", end, f"Trial ends: run `{report}`", end_description, stamp))
    ical: bytes = calendar.to_ical()
    return ical


def _diary_reminder(
    plan: TrialPlan, days: Sequence[ScheduledDay], trial_id: str, name: str, at: time, stamp: datetime
) -> Event:
    """One recurring event rather than one per day: a phone shows it the same, and a 300-day trial
    stays a small file."""
    outcomes = [*plan.outcomes, *(o.name for o in plan.custom_outcomes)]
    words = [o for o in outcomes if _OUTCOME_WORD.fullmatch(o)]
    scores = f"today's scores ({', '.join(words)})" if words else "today's scores"
    description = "\n".join(
        [
            f"Log {scores} and how much {name} you took today (or none):",
            f"suppwise trial log --trial {shlex.quote(trial_id)}",
            DISCLAIMER,
        ]
    )
    event = Event()
    event.add("uid", _uid(trial_id, "diary", plan.start_date))
    event.add("dtstamp", stamp)
    event.add("summary", f"Diary: {name} trial")
    event.add("dtstart", datetime.combine(plan.start_date, at.replace(microsecond=0)))
    event.add("duration", timedelta(minutes=REMINDER_MINUTES))
    event.add("rrule", {"freq": "daily", "count": len(days)})
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(0))
    alarm.add("description", f"Diary: {name} trial")
    event.add_component(alarm)
    return event


def _all_day(trial_id: str, kind: str, day: date, summary: str, description: str, stamp: datetime) -> Event:
    """A one-day marker: DTEND is the next day because all-day DTEND is exclusive (RFC 5545 3.6.1)."""
    event = Event()
    event.add("uid", _uid(trial_id, kind, day))
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event


def _run_summary(run: Run, previous: Run | None, name: str) -> str:
    """What to do from today, in the words a person needs at a glance. A block that begins with
    washout has its analysed days start mid-block, so that marker says "washout over" rather than
    "starts"."""
    amount = run.first.planned_text
    label = _blocks_label(run.blocks)
    after_washout = previous is not None and previous.phase is Phase.WASHOUT
    if run.phase is Phase.BASELINE:
        return f"Baseline starts: take no {name}"
    if run.phase is Phase.TITRATION:
        if previous is None or previous.phase is not Phase.TITRATION:
            return f"Titration: take {amount} of {name}"
        verb = "increase" if run.planned_g > previous.planned_g else "change"
        return f"Titration: {verb} to {amount}"
    if run.phase is Phase.WASHOUT:
        if run.planned_g == 0:
            return f"Washout: stop {name}; keep logging (these days are not analysed)"
        return f"Washout: take {amount} of {name} again; keep logging (these days are not analysed)"
    if run.phase is Phase.ON:
        if after_washout:
            return f"On {label}: washout over, keep taking {amount} (these days are analysed)"
        return f"On {label} starts: take {amount} of {name}"
    if after_washout:
        return f"Off {label}: washout over, still no {name} (these days are analysed)"
    return f"Off {label} starts: stop {name}"


def _run_description(run: Run, name: str) -> str:
    amount = f"{run.first.planned_text} of {name}" if run.planned_g > 0 else f"none (no {name})"
    counted = "these days are analysed" if run.first.analysed else "these days are kept in the diary but not analysed"
    where = f", {_blocks_label(run.blocks)}" if run.blocks else ""
    length = "1 day" if run.days == 1 else f"{run.days} days"
    return "\n".join(
        [
            f"Daily amount: {amount}.",
            f"Phase: {run.phase.value}{where} ({counted}).",
            f"Lasts {length}: {run.first.day.isoformat()} until {run.last.day.isoformat()} inclusive.",
            DISCLAIMER,
        ]
    )


def _blocks_label(blocks: tuple[int, ...]) -> str:
    if not blocks:
        return ""
    if len(blocks) == 1:
        return f"block {blocks[0]}"
    return f"blocks {blocks[0]}–{blocks[-1]}"


def _uid(trial_id: str, kind: str, day: date) -> str:
    """Stable per trial, kind and day, so a re-exported calendar updates rather than duplicates."""
    return f"{trial_id}-{kind}-{day:%Y%m%d}@suppwise"


def _clean(text: str) -> str:
    return _CONTROL.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))
