"""The diary: validated entries, CSV import that is all or nothing, and export that survives a
spreadsheet."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from suppwise.errors import DiaryError
from suppwise.trials.diary import CSV_COLUMNS, DiaryEntry, make_entry, read_csv, write_csv

TODAY = date(2026, 11, 23)


def test_a_full_entry() -> None:
    entry = make_entry(
        {"day": "2026-11-20", "pain": "6", "phq9": 12, "phq9_item9": 0, "dose_taken": "5 g twice a day"}, today=TODAY
    )
    assert entry.pain == 6 and entry.dose_taken_g() == 10


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ({"day": "2026-11-20", "pain": 11}, "pain", "pain 11 is outside 0-10"),
        ({"day": "2026-11-20", "fatigue": -1}, "fatigue", "outside 0-10"),
        ({"day": "2026-11-20", "phq2": 7}, "phq2", "outside 0-6"),
        ({"day": "2026-11-20", "phq9": 28}, "phq9", "outside 0-27"),
        ({"day": "2026-11-20", "phq9_item9": 4}, "phq9_item9", "outside 0-3"),
        ({"day": "2026-11-20", "pain": "3.5"}, "pain", "whole number"),
        ({"day": "20/11/2026", "pain": 3}, "date", "YYYY-MM-DD"),
        ({"day": "2026-11-24", "pain": 3}, "date", "in the future"),
        ({"day": "2026-11-20"}, "entry", "at least one score"),
        ({"day": "2026-11-20", "phq9": 2, "phq9_item9": 3}, "entry", "larger than the PHQ-9 total"),
        ({"day": "2026-11-20", "dose_taken": "2 scoops"}, "dose_taken", "differ between products"),
        ({"day": "2026-11-20", "note": "x" * 2001}, "note", "2000"),
        ({"day": "2026-11-20", "mood": 3}, "mood", "unknown field"),
    ],
)
def test_bad_entries_name_the_field(data: dict[str, object], field: str, words: str) -> None:
    with pytest.raises(DiaryError) as caught:
        make_entry(data, today=TODAY)
    assert words in caught.value.message and caught.value.field == field


def test_csv_with_aliases_and_a_byte_order_mark() -> None:
    text = "\ufeffDate,Pain Level,Tiredness,GI symptoms,Dose,Notes\n2026-11-01,5,4,2,5 g twice a day,ok\n\n"
    (entry,) = read_csv(text, today=TODAY)
    assert (entry.pain, entry.fatigue, entry.gi, entry.note) == (5, 4, 2, "ok")


@pytest.mark.parametrize(
    ("text", "row", "words"),
    [
        ("date,pain\n2026-11-01,3\n2026-11-02,11\n", 3, "row 3: pain 11"),
        ("date,pain\n2026-11-01,3\n2026-11-01,4\n", 3, "already appears in row 2"),
        ("date,pain\n2026-11-01\n", 2, "1 cells for 2 columns"),
        ("date,pane\n", 1, "unknown column"),
        ("pain\n3\n", 1, "no date column"),
        ("date,pain,pain_level\n", 1, "appears twice"),
        ("", None, "empty"),
    ],
)
def test_a_bad_csv_is_refused_whole_with_the_row(text: str, row: int | None, words: str) -> None:
    with pytest.raises(DiaryError) as caught:
        read_csv(text, today=TODAY)
    assert words in caught.value.message and caught.value.row == row


def test_export_has_the_documented_columns_and_defuses_formulas() -> None:
    entry = make_entry({"day": "2026-11-01", "pain": 3, "note": '=HYPERLINK("x")'}, today=TODAY)
    text = write_csv([entry], {date(2026, 11, 1): "baseline"})
    header, row = text.splitlines()
    assert header == ",".join(CSV_COLUMNS)
    assert row.startswith("2026-11-01,baseline,3,") and "'=HYPERLINK" in row
    assert read_csv(text, today=TODAY) == [entry]


scores = st.none() | st.integers(min_value=0, max_value=10)
notes = st.none() | st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40).filter(
    lambda s: s.strip() == s and s != ""
)


@given(
    days=st.lists(st.dates(min_value=date(2024, 1, 1), max_value=TODAY), min_size=1, max_size=20, unique=True),
    pain=scores,
    gi=scores,
    note=notes,
)
def test_csv_round_trip(days: list[date], pain: int | None, gi: int | None, note: str | None) -> None:
    if pain is None and gi is None and note is None:
        pain = 0
    entries = [DiaryEntry(day=d, pain=pain, gi=gi, note=note) for d in days]
    assert read_csv(write_csv(entries), today=TODAY) == sorted(entries, key=lambda e: e.day)


def test_every_column_and_alias_is_documented() -> None:
    from pathlib import Path

    from suppwise.trials.diary import COLUMN_ALIASES

    doc = (Path(__file__).resolve().parents[1] / "docs" / "diary-csv.md").read_text(encoding="utf-8")
    for name in (*CSV_COLUMNS, *COLUMN_ALIASES):
        assert f"`{name}`" in doc, name
