"""Alerts grouped into episodes: one row per event, not per day.

A rule such as "pain at least 2 points above baseline for 3 days in a row" fires again on every
day the rise lasts; a two-week flare printed fourteen near-identical rows, each with its full
reason, and buried the one crisis alert among them. An episode is the alerts of one rule whose
days are at most `EPISODE_GAP_DAYS` apart (a day without a diary entry in the middle does not split
a flare in two), shown with its first and last day, how many days fired, and the highest score of
the rule's field over those days. Every stored alert stays available (JSON, the trial's page);
the episodes are how a person and a clinician read them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Final

from suppwise.trials.diary import DiaryEntry
from suppwise.trials.report_model import AlertEpisodeOut, AlertOut

EPISODE_GAP_DAYS: Final = 2
_LEVEL_ORDER: Final = {"crisis": 0, "urgent": 1, "warning": 2, "info": 3}


def _peak(field: str | None, days: Iterable[date], scores: Mapping[date, DiaryEntry]) -> tuple[float, date] | None:
    """The highest score of `field` on the episode's days (the first day it was reached)."""
    if field is None:
        return None
    found = [(float(v), d) for d in sorted(days) if d in scores and (v := getattr(scores[d], field, None)) is not None]
    if not found:
        return None
    top = max(value for value, _ in found)
    return top, next(d for value, d in found if value == top)


def alert_episodes(
    alerts: Sequence[AlertOut], entries: Sequence[DiaryEntry], rule_fields: Mapping[str, str | None]
) -> list[AlertEpisodeOut]:
    """The episodes, most severe level first, then by first day. `rule_fields` names the score
    each rule watches (None for rules on doses or notes, and for rules no longer in the base)."""
    scores = {e.day: e for e in entries}
    runs: list[list[AlertOut]] = []
    open_run: dict[str, list[AlertOut]] = {}
    for alert in sorted(alerts, key=lambda a: (a.rule_id, a.day)):
        run = open_run.get(alert.rule_id)
        if run is not None and (alert.day - run[-1].day).days <= EPISODE_GAP_DAYS:
            run.append(alert)
            continue
        run = [alert]
        runs.append(run)
        open_run[alert.rule_id] = run
    episodes = []
    for run in runs:
        first = run[0]
        field = rule_fields.get(first.rule_id)
        peak = _peak(field, {a.day for a in run}, scores)
        episodes.append(
            AlertEpisodeOut(
                rule_id=first.rule_id,
                level=min((a.level for a in run), key=lambda level: _LEVEL_ORDER.get(level, 9)),
                first_day=first.day,
                last_day=run[-1].day,
                alert_days=len({a.day for a in run}),
                message=first.message,
                peak_field=field if peak else None,
                peak_value=peak[0] if peak else None,
                peak_day=peak[1] if peak else None,
                rationale=first.rationale,
                sources=list(first.sources),
            )
        )
    return sorted(episodes, key=lambda e: (_LEVEL_ORDER.get(e.level, 9), e.first_day, e.rule_id))
