"""`suppwise analyze` on any numeric column: decimals from another tracker's daily means, and a
custom outcome described by its range and direction, with the default δ stated when none is given."""

from __future__ import annotations

import json
import math
import random
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from suppwise.cli import app
from suppwise.errors import DiaryError, OutcomeKeyError, OutcomeSpecError
from suppwise.services import trials as trial_service
from suppwise.trials.diary import read_csv
from suppwise.trials.outcome_spec import MAX_SCORE_MAGNITUDE, OutcomeSpec, parse_range
from suppwise.trials.score_table import parse_score, read_scores

TODAY = date(2026, 11, 23)
runner = CliRunner()


def said(result: object) -> str:
    return " ".join(str(getattr(result, "output", "")).split())


# ------------------------------------------------------------------------------------------ --range

bound = st.floats(min_value=-MAX_SCORE_MAGNITUDE, max_value=MAX_SCORE_MAGNITUDE, allow_nan=False)


@given(bound, bound, st.sampled_from(["-", " - ", " to ", "–", ".."]))
def test_a_range_written_low_first_reads_back_exactly(a: float, b: float, separator: str) -> None:
    low, high = min(a, b), max(a, b)
    text = f"{low!r}{separator}{high!r}"
    if low == high:
        with pytest.raises(OutcomeSpecError):
            parse_range(text)
    else:
        assert parse_range(text) == (low, high)


@given(st.integers(-1000, 1000), st.integers(-1000, 1000))
def test_a_range_written_high_first_is_refused_with_the_right_order_suggested(a: int, b: int) -> None:
    if a <= b:
        return
    with pytest.raises(OutcomeSpecError) as caught:
        parse_range(f"{a}-{b}")
    assert caught.value.hint == f"for example --range {b}-{a}"


@given(st.text(max_size=30))
def test_any_text_is_a_range_or_a_clear_error(text: str) -> None:
    try:
        low, high = parse_range(text)
    except OutcomeSpecError as error:
        assert "--range" in error.message
    else:
        assert math.isfinite(low) and math.isfinite(high) and low < high


def test_ranges_people_write() -> None:
    assert parse_range("0-10") == (0, 10)
    assert parse_range("1 to 5") == (1, 5)
    assert parse_range("-5-5") == (-5, 5)
    assert parse_range("0.5-4.5") == (0.5, 4.5)
    for bad in ("0-", "ten", "0-10-20", "nan-1", "0-inf", "1e400-1e401"):
        with pytest.raises(OutcomeSpecError):
            parse_range(bad)


# ------------------------------------------------------------------------------------------ decimals

@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), st.integers(0, 6))
def test_a_decimal_score_reads_back_as_written(value: float, places: int) -> None:
    text = f"{value:.{places}f}"
    assert parse_score(text, column="pain") == float(text)


@given(st.text(max_size=20))
def test_any_cell_is_a_finite_number_or_a_diary_error_naming_the_column(text: str) -> None:
    try:
        value = parse_score(text, column="mood", row=4)
    except DiaryError as error:
        assert error.field == "mood" and error.row == 4 and error.message.startswith("row 4: mood")
    else:
        assert math.isfinite(value)


def test_decimal_comma_gets_a_hint_and_nan_is_no_score() -> None:
    with pytest.raises(DiaryError) as caught:
        parse_score("5,4", column="pain")
    assert caught.value.hint and "point" in caught.value.hint
    for text in ("nan", "NaN", "inf", "-", ""):
        with pytest.raises(DiaryError):
            parse_score(text, column="pain")


def _tracker(column: str, effect: float, *, seed: int = 5, days: int = 84, places: int = 1, base: float = 5.0) -> str:
    """A diary from another tracker: daily means with decimals, 14-day on/off blocks, truth `effect`."""
    rng = random.Random(seed)
    lines = [f"date,{column},phase"]
    for k in range(days):
        on = (k // 14) % 2 == 1
        value = min(10.0, max(0.0, base + (effect if on else 0.0) + rng.gauss(0, 0.6)))
        lines.append(f"{date(2026, 1, 1) + timedelta(days=k)},{value:.{places}f},{'on' if on else 'off'}")
    return "\n".join(lines) + "\n"


def test_pain_with_decimals_is_analysed_where_an_import_refuses_it() -> None:
    text = _tracker("pain", 2.5, places=2)
    with pytest.raises(DiaryError, match="whole number"):
        read_csv(text, today=TODAY)  # a stored diary still holds whole points
    (pain,) = trial_service.analyse_csv(text, outcomes=["pain"], today=TODAY).outcomes
    assert pain.scale == "pain_nrs" and pain.important_difference.points == 2.0
    assert pain.analysis.verdict == "likely_worse"
    assert pain.analysis.ci_low < 2.5 < pain.analysis.ci_high


def test_a_custom_mood_column_higher_is_better() -> None:
    """Mood 0-10, higher is better, 2.5 points higher on supplement days: a benefit, with δ the
    stated default (20% of the range, 2 points) because none was given."""
    text = _tracker("mood", 2.5, seed=11)
    spec = OutcomeSpec(score_range=(0, 10), higher_is_worse=False)
    result = trial_service.analyse_csv(text, outcomes=["mood"], today=TODAY, spec=spec)
    (mood,) = result.outcomes
    assert (mood.field, mood.scale) == ("mood", "mood")
    assert mood.analysis.verdict == "likely_better"
    assert mood.analysis.ci_low < 2.5 < mood.analysis.ci_high
    difference = mood.important_difference
    assert (difference.points, difference.status, difference.sources) == (2.0, "unverified_convention", [])
    assert "None published" in difference.basis and "20%" in difference.basis
    worse = trial_service.analyse_csv(
        text, outcomes=["mood"], today=TODAY, spec=OutcomeSpec(score_range=(0, 10), higher_is_worse=True)
    )
    assert worse.outcomes[0].analysis.verdict == "likely_worse"  # the direction is the person's word, never guessed


def test_a_known_outcome_needs_no_flags_and_refuses_them() -> None:
    text = _tracker("pain", 0.0)
    (pain,) = trial_service.analyse_csv(text, outcomes=None, today=TODAY).outcomes
    assert pain.scale == "pain_nrs"
    with pytest.raises(OutcomeSpecError, match="no instrument for"):
        trial_service.analyse_csv(text, outcomes=["pain"], today=TODAY, spec=OutcomeSpec(score_range=(0, 10)))


def test_a_custom_column_needs_its_range_and_direction() -> None:
    text = _tracker("energy", 1.0)
    with pytest.raises(OutcomeSpecError, match="give its range"):
        trial_service.analyse_csv(text, outcomes=["energy"], today=TODAY)
    with pytest.raises(OutcomeSpecError, match="which way"):
        trial_service.analyse_csv(text, outcomes=["energy"], today=TODAY, spec=OutcomeSpec(score_range=(0, 10)))
    with pytest.raises(OutcomeSpecError, match="important-difference 12"):
        spec = OutcomeSpec(score_range=(0, 10), higher_is_worse=False, important_difference=12)
        trial_service.analyse_csv(text, outcomes=["energy"], today=TODAY, spec=spec)
    with pytest.raises(OutcomeKeyError, match="neither an outcome suppwise knows nor a column"):
        trial_service.analyse_csv(text, outcomes=["steps"], today=TODAY)


def test_a_custom_score_outside_its_range_names_the_row() -> None:
    text = "date,mood,phase\n2026-01-01,4.5,off\n2026-01-02,10.5,on\n"
    with pytest.raises(DiaryError, match=r"row 3: mood 10\.5 is outside 0-10") as caught:
        spec = OutcomeSpec(score_range=(0, 10), higher_is_worse=False)
        trial_service.analyse_csv(text, outcomes=["mood"], today=TODAY, spec=spec)
    assert (caught.value.row, caught.value.field) == (3, "mood")


def test_reading_scores_checks_the_rest_as_an_import_does() -> None:
    with pytest.raises(DiaryError, match="row 3: 2026-01-01 already appears in row 2"):
        read_scores("date,pain\n2026-01-01,4.5\n2026-01-01,3\n", today=TODAY, custom={})
    with pytest.raises(DiaryError, match="row 2: phq9_item9 cannot be larger"):
        read_scores("date,phq9,phq9_item9\n2026-01-01,1,2\n", today=TODAY, custom={})
    with pytest.raises(DiaryError, match="in the future"):
        read_scores("date,pain\n2027-01-01,4.5\n", today=TODAY, custom={})
    table = read_scores("date,pain,mood,steps\n2026-01-01,4.5,7.25,1200\n", today=TODAY, custom={"mood": (0, 10)})
    assert table.scores == {"pain": {date(2026, 1, 1): 4.5}, "mood": {date(2026, 1, 1): 7.25}}
    assert table.unread == ("steps",) and table.entries == []


def test_analyze_command_with_a_custom_mood_column() -> None:
    text = _tracker("mood", 3.0, seed=2)
    result = runner.invoke(
        app,
        ["analyze", "-", "--outcome", "mood", "--range", "0-10", "--higher-is-better", "--format", "json"],
        input=text,
    )
    assert result.exit_code == 0, result.output
    (mood,) = json.loads(result.stdout)["outcomes"]
    assert mood["analysis"]["verdict"] == "likely_better"
    shown = runner.invoke(
        app, ["analyze", "-", "-o", "mood", "--range", "0-10", "--higher-is-better", "--important-difference", "1.5"],
        input=text,
    )
    assert shown.exit_code == 0, shown.output
    assert "Important difference: 1.5 points" in said(shown) and "as given" in said(shown)
    default = runner.invoke(app, ["analyze", "-", "-o", "mood", "--range", "0-10", "--higher-is-better"], input=text)
    assert "20% of the range 0-10, i.e. 2 points" in said(default)
    bad = runner.invoke(app, ["analyze", "-", "-o", "mood", "--range", "ten", "--higher-is-better"], input=text)
    assert bad.exit_code == 2 and "--range 'ten' is not a range" in said(bad)


@given(
    st.lists(st.floats(min_value=0, max_value=10, allow_nan=False), min_size=1, max_size=40),
    st.integers(0, 3),
    st.floats(min_value=-5, max_value=5, allow_nan=False),
)
def test_a_file_of_decimal_scores_reads_back_day_by_day(values: list[float], places: int, shift: float) -> None:
    """Known and custom columns alike: each cell as written (to its decimals), on its own day; a
    custom column's range may start below zero."""
    rows = [
        (date(2026, 1, 1) + timedelta(days=k), f"{v:.{places}f}", f"{v + shift - 5:.{places}f}")
        for k, v in enumerate(values)
    ]
    text = "Date,Pain Level,Wellbeing\n" + "".join(f"{d},{pain},{other}\n" for d, pain, other in rows)
    table = read_scores(text, today=TODAY, custom={"wellbeing": (-10.0, 10.0)})
    assert table.scores["pain"] == {d: float(pain) for d, pain, _ in rows}
    assert table.scores["wellbeing"] == {d: float(other) for d, _, other in rows}
    assert table.days == tuple(d for d, _, _ in rows) and table.unread == ()
