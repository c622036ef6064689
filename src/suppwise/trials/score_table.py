"""A diary file read for analysis only (`suppwise analyze`): every score as a number, decimals
included, and any column a person names as an outcome.

Why apart from the import reader (`suppwise.trials.diary`): a stored diary holds what a person
rated, whole points on the instruments it knows; a file exported from another tracker may hold a
daily mean ("pain 5.4") or a column suppwise has no instrument for (`mood` 0-10). Analysing such
a file stores nothing, so a fraction loses nothing and is accepted, while everything else is
checked exactly as an import checks it: dates, doses, notes, phases, repeated days, the span.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from suppwise.errors import DiaryError
from suppwise.trials.diary import (
    CSV_COLUMNS,
    SCORE_FIELDS,
    DiaryEntry,
    check_span,
    csv_records,
    data_rows,
    make_entry,
    parse_score,
    read_header,
    repeated_day,
    row_phase,
    uncell,
)
from suppwise.trials.plan import Phase

__all__ = ["ScoreTable", "header_columns", "parse_score", "read_scores"]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def header_columns(text: str) -> list[str]:
    """The columns a diary file names, aliases read (docs/diary-csv.md)."""
    return read_header(csv_records(text), strict=False)


@dataclass(frozen=True)
class ScoreTable:
    """A diary file as the analysis needs it. `entries` are the rows holding a whole-number score,
    a dose or a note, validated like an import (a row of decimals or custom scores only has none);
    `scores` maps each score column read to its value per day; `unread` names the columns that are
    neither diary columns nor asked for; `days` is every row's day, in file order."""

    days: tuple[date, ...]
    entries: list[DiaryEntry]
    phases: dict[date, Phase]
    scores: dict[str, dict[date, float]]
    unread: tuple[str, ...]


def _day(text: str | None, row: int, today: date) -> date:
    if not text:
        raise DiaryError(f"row {row}: the date is missing", row=row, field="date")
    try:
        day = date.fromisoformat(text) if _DATE.match(text) else None
    except ValueError:
        day = None
    if day is None:
        raise DiaryError(
            f"row {row}: {text!r} is not a date; write it as YYYY-MM-DD (e.g. 2026-11-23)", row=row, field="date"
        )
    if day > today:
        raise DiaryError(
            f"row {row}: {day.isoformat()} is in the future",
            hint="a diary entry records a day that has passed",
            row=row,
            field="date",
        )
    return day


def read_scores(text: str, *, today: date, custom: Mapping[str, tuple[float, float]]) -> ScoreTable:
    """Every score of a diary file, with the known columns checked against their instruments'
    ranges and each `custom` column (name → (low, high)) against the range given for it."""
    records = csv_records(text)
    columns = read_header(records, strict=False)
    missing = [name for name in custom if name not in columns]
    if missing:
        raise DiaryError(f"row 1: there is no {missing[0]!r} column", row=1, field=missing[0])
    ranges: dict[str, tuple[float, float, str]] = {
        name: (float(low), float(high), what) for name, (low, high, what) in SCORE_FIELDS.items()
    }
    ranges.update({name: (low, high, f"{name}, {low:g} to {high:g} as given") for name, (low, high) in custom.items()})
    entries: list[DiaryEntry] = []
    phases: dict[date, Phase] = {}
    scores: dict[str, dict[date, float]] = {name: {} for name in ranges if name in columns}
    seen: dict[date, int] = {}
    for number, cells in data_rows(records, columns):
        data = {c: uncell(v) for c, v in cells.items() if v.strip() and c != "phase"}
        day = _day(data.pop("date", None), number, today)
        repeated_day(day, number, seen)
        kept: dict[str, object] = {}
        for column, cell in data.items():
            if column in ranges:
                value = parse_score(cell, column=column, row=number)
                low, high, what = ranges[column]
                if not low <= value <= high:
                    raise DiaryError(
                        f"row {number}: {column} {cell} is outside {low:g}-{high:g} ({what})", row=number, field=column
                    )
                scores[column][day] = value
                if column in SCORE_FIELDS and value.is_integer():
                    kept[column] = int(value)
            elif column in CSV_COLUMNS:
                kept[column] = cell
        if kept:
            entries.append(make_entry({"day": day.isoformat(), **kept}, today=today, row=number))
        phase = row_phase(cells, number)
        if phase is not None:
            phases[day] = phase
    check_span(seen)
    unread = tuple(c for c in columns if c not in CSV_COLUMNS and c not in custom)
    return ScoreTable(tuple(seen), entries, phases, scores, unread)
