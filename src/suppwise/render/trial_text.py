"""Trial results → terminal pages (Rich). A crisis always comes first; what the person typed (notes,
acknowledgements) is shown as plain Text, never as markup."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from suppwise.render.rich_parts import crisis_panel, heading
from suppwise.render.screen_text import screen_summary_renderable
from suppwise.safety.crisis import CrisisResourceOut, crisis_resources_out
from suppwise.trials.report_model import AdherenceOut, AlertEpisodeOut, DiaryAnalysis, ProtocolOut, TrialOut
from suppwise.trials.trial_model import (
    ConsentOut,
    DayPlan,
    EntryOut,
    FiredAlert,
    ImportedOut,
    LoggedOut,
    OverviewOut,
    PlannedOut,
    StoppedOut,
    TrialSummary,
)

ALERT_STYLE = {"crisis": "bold red", "urgent": "bold red", "warning": "bold yellow", "info": "cyan"}
VERDICT_STYLE = {"likely_worse": "bold red", "likely_better": "bold green", "no_meaningful_change": "bold"}
CRISIS_MESSAGE = (
    "You told us about thoughts of death or self-harm. You deserve support right now: please contact one of "
    "these services, or your local emergency number."
)
SCORE_LABELS = {
    "pain": "pain",
    "fatigue": "fatigue",
    "sleep": "sleep quality",
    "gi": "gut symptoms",
    "phq2": "PHQ-2",
    "phq9": "PHQ-9",
    "phq9_item9": "PHQ-9 item 9",
}


def _day_plan(day: DayPlan, substance: str) -> str:
    dose = f"take {day.planned} of {substance}" if day.planned else f"no {substance}"
    block = f", block {day.block}" if day.block else ""
    counted = "" if day.analysed else " (not analysed)"
    return f"{day.day.isoformat()}: {day.phase}{block}{counted}: {dose}"


def _alert_lines(alerts: Sequence[FiredAlert]) -> list[RenderableType]:
    lines: list[RenderableType] = []
    for alert in alerts:
        line = Text("• ")
        line.append(alert.level.upper(), style=ALERT_STYLE.get(alert.level, ""))
        line.append(f" {alert.day.isoformat()}: {alert.message}")
        lines.append(line)
        lines.append(Text(f"  Why: {alert.detail}. {alert.rationale} [{', '.join(alert.sources)}]", style="dim"))
        if not alert.new:
            lines.append(Text("  (already recorded for this day)", style="dim"))
    return lines


def _crisis_first(crisis: bool, resources: Sequence[CrisisResourceOut]) -> list[RenderableType]:
    return [crisis_panel(CRISIS_MESSAGE, resources)] if crisis else []


def protocol_lines(protocol: ProtocolOut, substance: str) -> list[RenderableType]:
    t = protocol.titration
    steps = ", ".join(t.steps)
    lines: list[RenderableType] = [
        Text(f"{protocol.start_date.isoformat()} to {protocol.end_date.isoformat()} ({protocol.total_days} days)"),
        Text(f"Design: {protocol.design.upper()}" + (f", seed {protocol.seed}" if protocol.seed is not None else "")),
        Text(f"Titration: {steps}, {t.days_per_step} day(s) each"),
    ]
    table = Table("from", "to", "days", "phase", "dose", "analysed", title_justify="left")
    for span in protocol.phases:
        dose = span.planned or f"no {substance}"
        block = f" {span.block}" if span.block else ""
        table.add_row(
            span.start.isoformat(),
            span.end.isoformat(),
            str(span.days),
            span.phase + block,
            dose,
            "yes" if span.analysed else "no",
        )
    lines.append(table)
    return lines


def _own_outcome_lines(trial: TrialOut) -> list[RenderableType]:
    """The trial's own outcomes, each with its range, direction and important difference (or the
    default used when none was given, said as such)."""
    if not trial.custom_outcomes:
        return []
    lines: list[RenderableType] = [Text("Your own outcomes (log them with --value NAME=NUMBER):")]
    lines += [Text(f"  {outcome.describe()}") for outcome in trial.custom_outcomes]
    return lines


def planned_renderable(result: PlannedOut) -> RenderableType:
    trial = result.trial
    parts: list[RenderableType] = _crisis_first(result.crisis, result.crisis_resources)
    parts += [
        Text(f"Trial {trial.id} planned: {trial.substance_name}", style="bold"),
        Text(f"Status: {trial.status}. Log each day with: suppwise trial log --trial {trial.id}"),
    ]
    parts.extend(_own_outcome_lines(trial))
    parts.append(heading("Safety screen at the target dose"))
    parts.append(screen_summary_renderable(result.screen))
    if trial.acknowledgement:
        parts.append(Text("Your acknowledgement, stored with the trial: ", style="dim") + Text(trial.acknowledgement))
    parts.append(heading("Schedule"))
    parts.extend(protocol_lines(result.protocol, trial.substance_name))
    parts.append(Text(f"\nCalendar: suppwise trial calendar {trial.id} -o trial.ics", style="dim"))
    return Group(*parts)


def _entry_text(entry: EntryOut) -> str:
    scores = [f"{SCORE_LABELS[k]} {v}" for k in SCORE_LABELS if (v := getattr(entry, k)) is not None]
    scores += [f"{name} {value:g}" for name, value in entry.custom.items()]
    if entry.dose_taken is not None:
        scores.append(f"dose {entry.dose_taken}")
    return ", ".join(scores)


def logged_renderable(result: LoggedOut) -> RenderableType:
    parts: list[RenderableType] = _crisis_first(result.crisis, result.crisis_resources)
    entry = result.entry
    if result.unchanged:
        what = f"{entry.day.isoformat()} already had exactly these values; nothing changed."
    elif result.corrected:
        what = f"Corrected {entry.day.isoformat()} (version {entry.version}; earlier versions are kept)."
    else:
        what = f"Logged {entry.day.isoformat()}."
    parts.append(Text(what, style="bold"))
    parts.append(Text(_entry_text(entry)))
    if entry.note:
        parts.append(Text("note: ", style="dim") + Text(entry.note))
    if result.scheduled is not None:
        parts.append(Text("Plan for that day: " + _day_plan(result.scheduled, result.substance_name), style="dim"))
    else:
        parts.append(Text("That day is outside the plan's schedule; it is kept but not analysed.", style="dim"))
    if result.alerts:
        parts.append(heading("Alerts"))
        parts.extend(_alert_lines(result.alerts))
    return Group(*parts)


def stopped_renderable(result: StoppedOut) -> RenderableType:
    trial = result.trial
    stopped = trial.stopped_on.isoformat() if trial.stopped_on else "today"
    why = f" Reason: {trial.stop_reason}" if trial.stop_reason else ""
    return Group(
        *_crisis_first(result.crisis, result.crisis_resources),
        Text(f"Stopped trial {trial.id} ({trial.substance_name}) on {stopped}.{why}", style="bold"),
        Text(f"Its analysis ends on {stopped}. See it with: suppwise trial report {trial.id} --format html"),
    )


def consent_renderable(result: ConsentOut) -> RenderableType:
    if result.shared:
        since = result.given_at.date().isoformat() if result.given_at else "now"
        state = f"Trial {result.trial_id} ({result.substance_name}) is shared for pooling since {since}."
        if not result.changed:
            state += " (It already was.)"
        after = f"Withdraw at any time with: suppwise trial withdraw-consent {result.trial_id}"
    else:
        if result.withdrawn_at is not None:
            on = result.withdrawn_at.date().isoformat()
            state = f"Trial {result.trial_id} ({result.substance_name}) is not shared: consent withdrawn on {on}."
        else:
            state = f"Trial {result.trial_id} ({result.substance_name}) is not shared for pooling."
        after = f"Share it with: suppwise trial consent {result.trial_id}"
    return Group(Text(state, style="bold"), Text(result.what_is_shared), Text(after))


def imported_renderable(result: ImportedOut) -> RenderableType:
    parts: list[RenderableType] = _crisis_first(result.crisis, result.crisis_resources)
    parts.append(
        Text(
            f"Imported {result.rows} row(s) into {result.trial_id} ({result.substance_name}): {result.added} new, "
            f"{result.corrected} corrected (earlier versions kept), {result.unchanged} unchanged.",
            style="bold",
        )
    )
    if result.alerts:
        parts.append(heading("Alerts"))
        parts.extend(_alert_lines(result.alerts))
    return Group(*parts)


def summaries_renderable(summaries: Sequence[TrialSummary]) -> RenderableType:
    if not summaries:
        return Text("No trials yet. Plan one with: suppwise trial plan SUBSTANCE --condition C --outcomes pain")
    table = Table("id", "substance", "condition", "status", "dates", "diary days", "alerts")
    for s in summaries:
        table.add_row(
            s.trial.id,
            s.trial.substance_name,
            s.trial.condition_name or "",
            s.trial.status,
            f"{s.start_date.isoformat()} to {s.end_date.isoformat()}",
            str(s.diary_days),
            str(s.alerts),
        )
    return table


def adherence_text(adherence: AdherenceOut) -> Text:
    def percent(value: float | None) -> str:
        return "-" if value is None else f"{round(100 * value)}%"

    return Text(
        f"Diary: {adherence.diary_days} of {adherence.days_elapsed} days so far ({percent(adherence.diary_fraction)}); "
        f"planned dose recorded on {adherence.on_days_as_planned} of {adherence.on_days} on days "
        f"({percent(adherence.dose_fraction)}); a dose was taken on {adherence.comparison_days_dose_taken} of "
        f"{adherence.comparison_days} comparison days."
    )


def _episode_lines(episodes: Sequence[AlertEpisodeOut]) -> list[RenderableType]:
    """One line per alert episode (its span, how many days fired, the highest score), not per day."""
    lines: list[RenderableType] = []
    for episode in episodes:
        line = Text("• ")
        line.append(episode.level.upper(), style=ALERT_STYLE.get(episode.level, ""))
        span = episode.first_day.isoformat()
        if episode.last_day != episode.first_day:
            span += f" to {episode.last_day.isoformat()}"
        days = f"{episode.alert_days} alert day{'s' if episode.alert_days != 1 else ''}"
        line.append(f" {span} ({days}): {episode.message}")
        if episode.peak_value is not None and episode.peak_day is not None:
            line.append(
                f" Highest {episode.peak_field}: {episode.peak_value:g} on {episode.peak_day.isoformat()}.", style="dim"
            )
        lines.append(line)
    return lines


def overview_renderable(result: OverviewOut) -> RenderableType:
    trial = result.trial
    crisis = any(a.level == "crisis" for a in result.alerts)
    parts: list[RenderableType] = []
    if crisis:
        parts.append(crisis_panel(CRISIS_MESSAGE, crisis_resources_out()))
    condition = f" for {trial.condition_name}" if trial.condition_name else ""
    parts.append(Text(f"Trial {trial.id}: {trial.substance_name}{condition} ({trial.status})", style="bold"))
    if trial.stopped_on is not None:
        why = f" Reason: {trial.stop_reason}" if trial.stop_reason else ""
        parts.append(Text(f"Stopped on {trial.stopped_on.isoformat()}; the analysis ends there.{why}"))
    elif result.today is not None:
        parts.append(Text("Today " + _day_plan(result.today, trial.substance_name)))
    else:
        parts.append(Text(f"Today ({result.as_of.isoformat()}) is outside the schedule."))
    if result.next_change is not None:
        parts.append(Text("Next change " + _day_plan(result.next_change, trial.substance_name), style="dim"))
    parts.append(adherence_text(result.adherence))
    parts.extend(_own_outcome_lines(trial))
    if trial.acknowledgement:
        parts.append(Text("Acknowledged cautions: ", style="dim") + Text(trial.acknowledgement))
    if result.alert_episodes:
        parts.append(heading("Alerts"))
        parts.extend(_episode_lines(result.alert_episodes))
    if result.recent_entries:
        parts.append(heading("Recent entries"))
        for entry in result.recent_entries:
            version = f" (version {entry.version})" if entry.version > 1 else ""
            parts.append(Text(f"{entry.day.isoformat()}{version}: {_entry_text(entry)}"))
    parts.append(heading("Schedule"))
    parts.extend(protocol_lines(result.protocol, trial.substance_name))
    parts.append(Text(f"\nFull analysis: suppwise trial report {trial.id} --format html -o report.html", style="dim"))
    return Group(*parts)


def diary_analysis_renderable(result: DiaryAnalysis) -> RenderableType:
    parts: list[RenderableType] = [
        Text(
            f"{result.days} diary days, {result.first_day.isoformat()} to {result.last_day.isoformat()}; "
            + ", ".join(f"{phase} {n}" for phase, n in result.phase_days.items() if n),
            style="bold",
        ),
    ]
    for outcome in result.outcomes:
        a = outcome.analysis
        parts.append(heading(outcome.name))
        line = Text("Verdict: ")
        line.append(a.verdict_text, style=VERDICT_STYLE.get(a.verdict, ""))
        parts.append(line)
        parts.append(Text(a.explanation))
        difference = outcome.important_difference
        why = "; ".join(s.citation for s in difference.sources) or difference.basis
        parts.append(
            Text(
                f"Important difference: {difference.points:g} points ({difference.status.replace('_', ' ')}; {why})",
                style="dim",
            )
        )
        parts.append(Text(f"Days used {a.n_used}, missing {a.n_missing}, excluded {a.n_excluded}.", style="dim"))
    parts.append(Text(f"\n{result.note}", style="dim"))
    parts.append(Text(result.disclaimer, style="italic"))
    return Group(*parts)
