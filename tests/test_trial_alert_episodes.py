"""Alerts grouped into episodes: a flare is one row with its span and peak, not one row a day."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from suppwise.render.trial_report import alert_table
from suppwise.trials.alert_episodes import EPISODE_GAP_DAYS, alert_episodes
from suppwise.trials.diary import DiaryEntry
from suppwise.trials.report_model import AlertOut

START = date(2026, 3, 1)
RULE_FIELDS = {"pain-sustained-rise": "pain", "phq9-self-harm": "phq9_item9", "dose-above-plan": None}


def alert(day: int, rule: str = "pain-sustained-rise", level: str = "warning") -> AlertOut:
    return AlertOut(
        day=START + timedelta(days=day),
        rule_id=rule,
        level=level,
        message=f"message of {rule}",
        detail=None,
        rationale=f"why {rule}",
        sources=["farrar2001_pain_nrs"],
        recorded_at=datetime(2026, 3, 1, tzinfo=UTC),
    )


def entry(day: int, pain: int) -> DiaryEntry:
    return DiaryEntry(day=START + timedelta(days=day), pain=pain)


def test_a_nine_day_flare_is_one_episode_with_its_peak() -> None:
    alerts = [alert(d) for d in range(10, 19)]
    entries = [entry(d, 6 + (d == 14) * 3) for d in range(25)]
    (episode,) = alert_episodes(alerts, entries, RULE_FIELDS)
    assert (episode.first_day, episode.last_day) == (START + timedelta(days=10), START + timedelta(days=18))
    assert episode.alert_days == 9
    assert (episode.peak_field, episode.peak_value, episode.peak_day) == ("pain", 9.0, START + timedelta(days=14))
    assert episode.rationale == "why pain-sustained-rise"


def test_a_missing_diary_day_does_not_split_a_flare_but_a_longer_pause_does() -> None:
    bridged = alert_episodes([alert(0), alert(EPISODE_GAP_DAYS)], [], RULE_FIELDS)
    assert len(bridged) == 1 and bridged[0].alert_days == 2
    split = alert_episodes([alert(0), alert(EPISODE_GAP_DAYS + 1)], [], RULE_FIELDS)
    assert len(split) == 2


def test_the_most_severe_episode_comes_first_and_rules_without_a_score_have_no_peak() -> None:
    alerts = [alert(1), alert(2), alert(5, "dose-above-plan", "info"), alert(8, "phq9-self-harm", "crisis")]
    episodes = alert_episodes(alerts, [DiaryEntry(day=START + timedelta(days=8), phq9_item9=2)], RULE_FIELDS)
    assert [e.level for e in episodes] == ["crisis", "warning", "info"]
    assert episodes[0].peak_value == 2.0
    assert episodes[2].peak_value is None and episodes[2].peak_field is None


def test_the_report_table_lists_episodes_and_each_reason_once() -> None:
    alerts = [alert(d) for d in range(10, 19)] + [alert(30)]
    table = alert_table(alert_episodes(alerts, [], RULE_FIELDS))
    assert len(table.rows) == 2 and table.hidden == 0
    assert [r.rule_id for r in table.rules] == ["pain-sustained-rise"]


@given(
    st.lists(
        st.tuples(st.integers(0, 60), st.sampled_from(sorted(RULE_FIELDS))),
        max_size=60,
        unique=True,
    )
)
def test_every_alert_day_belongs_to_exactly_one_episode(fired: list[tuple[int, str]]) -> None:
    alerts = [alert(day, rule) for day, rule in fired]
    episodes = alert_episodes(alerts, [], RULE_FIELDS)
    assert sum(e.alert_days for e in episodes) == len(fired)
    for rule in RULE_FIELDS:
        spans = sorted((e.first_day, e.last_day) for e in episodes if e.rule_id == rule)
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert (start - end).days > EPISODE_GAP_DAYS  # episodes of one rule never touch
        for day, r in fired:
            if r == rule:
                when = START + timedelta(days=day)
                assert sum(first <= when <= last for first, last in spans) == 1
