"""The one conversion between a diary entry and its stored row (`services.entry_records`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from suppwise.services.entry_records import diary_entry, entry_out, stored_values
from suppwise.storage import EntryRecord
from suppwise.trials.diary import DiaryEntry

RECORDED = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
scores = st.none() | st.integers(min_value=0, max_value=10)
doses = st.none() | st.sampled_from(["none", "0", "5 g", "5 g twice a day", "500 mg/day", "2.5 g/day", "0.1 g/kg"])
notes = st.none() | st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=30).filter(
    lambda s: s.strip() != ""
)
custom = st.dictionaries(st.sampled_from(["energy", "steps", "headache_hours"]), st.floats(-100, 100), max_size=3)


def _row(entry: DiaryEntry, version: int = 1) -> EntryRecord:
    """The row storage would return for `entry` (what `save_entry` stores, read back)."""
    values = dict(stored_values(entry))
    return EntryRecord(
        id=7,
        trial_id="t-1",
        day=entry.day,
        version=version,
        is_current=True,
        recorded_at=RECORDED,
        source="cli",
        custom=dict(values.pop("custom")),
        **values,
    )


@given(
    day=st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 1, 1)),
    pain=scores,
    sleep=scores,
    dose=doses,
    note=notes,
    values=custom,
)
def test_an_entry_comes_back_from_its_row_as_it_was_given(
    day: date, pain: int | None, sleep: int | None, dose: str | None, note: str | None, values: dict[str, float]
) -> None:
    if pain is None and sleep is None and dose is None and note is None and not values:
        pain = 3
    entry = DiaryEntry(day=day, pain=pain, sleep=sleep, dose_taken=dose, note=note, custom=values)
    row = _row(entry)
    assert diary_entry(row) == entry
    shown = entry_out(row)
    assert shown.model_dump(exclude={"version", "dose_daily", "dose_unit"}) == entry.model_dump()
    assert (shown.version, shown.dose_daily, shown.dose_unit) == (1, row.dose_taken, row.dose_unit)


def test_the_dose_is_stored_as_a_daily_amount_in_its_unit_and_in_the_persons_words() -> None:
    twice = stored_values(DiaryEntry(day=date(2026, 3, 1), dose_taken="5 g twice a day"))
    assert (twice["dose_taken"], twice["dose_unit"], twice["dose_text"]) == (10.0, "g/day", "5 g twice a day")
    per_kg = stored_values(DiaryEntry(day=date(2026, 3, 1), dose_taken="0.1 g/kg"))
    assert (per_kg["dose_taken"], per_kg["dose_unit"]) == (0.1, "g/kg/day")
    none = stored_values(DiaryEntry(day=date(2026, 3, 1), dose_taken="none"))
    assert (none["dose_taken"], none["dose_unit"]) == (0.0, "g/day")


def test_a_row_stored_before_the_words_were_kept_shows_its_amount() -> None:
    entry = DiaryEntry(day=date(2026, 3, 1), pain=4, dose_taken="5 g twice a day")
    assert diary_entry(replace(_row(entry), dose_text=None)).dose_taken == "10 g/day"
    none = _row(DiaryEntry(day=date(2026, 3, 1), pain=4, dose_taken="none"))
    assert diary_entry(replace(none, dose_text=None)).dose_taken == "none"
