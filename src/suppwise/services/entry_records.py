"""A diary entry and its stored row, converted in one place, both ways.

The diary's shape (`DiaryEntry`: the dose as the person wrote it) and the table's (`EntryRecord`:
the dose also as a daily amount in its unit, for checks and pooling) differ only in the dose, so
the dose is the one mapping written out here (`StoredDose`); every other field keeps its name in
both and is carried by name. What a shell shows of a stored entry (`EntryOut`) is the diary entry
plus what storage adds, built from the same conversion. Nothing else in the package copies entry
fields one by one: the trial services read and write entries only through these functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from suppwise.safety.dose import parse_dose
from suppwise.storage import EntryRecord, EntryValues
from suppwise.trials.diary import NO_DOSE, DiaryEntry
from suppwise.trials.trial_model import EntryOut

# The amount stored for "none" (no dose that day): zero in the unit plans are written in.
NO_DOSE_UNIT = "g/day"


@dataclass(frozen=True)
class StoredDose:
    """The dose columns of one row: `dose_taken` (daily amount), `dose_unit`, `dose_text` (as written)."""

    amount: float | None
    unit: str | None
    text: str | None

    @classmethod
    def from_words(cls, text: str | None) -> StoredDose:
        """The columns for the dose as a person wrote it (already checked readable by DiaryEntry)."""
        if text is None:
            return cls(None, None, None)
        if text.strip() in NO_DOSE:
            return cls(0.0, NO_DOSE_UNIT, text)
        dose = parse_dose(text)
        return cls(dose.daily(), f"{dose.unit}{'/kg' if dose.per_kg else ''}/day", text)

    @classmethod
    def of(cls, record: EntryRecord) -> StoredDose:
        return cls(record.dose_taken, record.dose_unit, record.dose_text)

    def words(self) -> str | None:
        """The dose as written; rows stored before the words were kept show the amount instead."""
        if self.text is None and self.amount is not None and self.unit is not None:
            return "none" if self.amount == 0 else f"{self.amount:g} {self.unit}"
        return self.text

    def columns(self) -> dict[str, float | str | None]:
        return {"dose_taken": self.amount, "dose_unit": self.unit, "dose_text": self.text}


def stored_values(entry: DiaryEntry) -> EntryValues:
    """The row to store for `entry` (its day is the row's key, given apart)."""
    values = entry.values()
    return {**values, **StoredDose.from_words(values.pop("dose_taken")).columns()}


def _given(record: EntryRecord) -> dict[str, Any]:
    """The row back in the diary's shape: the fields the person gave, the dose in their words."""
    values: dict[str, Any] = record.values()
    for column in ("dose_taken", "dose_unit", "dose_text"):
        del values[column]
    return {**values, "day": record.day, "dose_taken": StoredDose.of(record).words()}


def diary_entry(record: EntryRecord) -> DiaryEntry:
    """A stored entry as the diary entry the rules and the analysis read."""
    return DiaryEntry(**_given(record))


def entry_out(record: EntryRecord) -> EntryOut:
    """A stored entry as its JSON contract: the diary entry's own fields as the person gave them, and
    what storage adds (the version, the dose as a daily amount in its unit)."""
    given = _given(record)
    given["custom"] = {k: int(v) if v.is_integer() else v for k, v in record.custom.items()}
    return EntryOut(**given, version=record.version, dose_daily=record.dose_taken, dose_unit=record.dose_unit)
