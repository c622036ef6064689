"""The daily diary: one validated entry per day, and CSV in and out.

Scores are checked against each instrument's range before anything is stored, and a file is
checked whole before any row of it is: a diary with one bad row is refused with the row and field
named, never half imported. Dates are ISO (2026-11-23) because "03/04" means March in one country
and April in another, and a date in the future is refused because a diary records what happened.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import Field, StringConstraints, ValidationError, field_validator, model_validator

from suppwise.contract import Model
from suppwise.errors import DiaryError, ProfileError
from suppwise.printable import PrintableText
from suppwise.safety.dose import convert_amount, parse_dose
from suppwise.trials.custom_outcomes import MAX_CUSTOM_OUTCOMES, NAME_PATTERN
from suppwise.trials.outcome_spec import MAX_SCORE_MAGNITUDE
from suppwise.trials.plan import Phase, Titration

MAX_NOTE_CHARS = 2000
MAX_CSV_ROWS = 5000
MAX_DIARY_SPAN_DAYS = 3 * 366
"""A diary file may cover at most about three years from its first day to its last: the analysis
models every day in between, so a typo such as 0206 for 2026 must not make it model 700,000 days."""
PHASE_NAMES = tuple(p.value for p in Phase)

SCORE_FIELDS: dict[str, tuple[int, int, str]] = {
    "pain": (0, 10, "pain, 0 (none) to 10 (worst imaginable)"),
    "fatigue": (0, 10, "fatigue, 0 (none) to 10 (worst)"),
    "sleep": (0, 10, "sleep quality, 0 (worst) to 10 (best)"),
    "gi": (0, 10, "gut symptoms, 0 (none) to 10 (worst)"),
    "phq2": (0, 6, "PHQ-2 total, 0 to 6 (the first two PHQ-9 questions)"),
    "phq9": (0, 27, "PHQ-9 total, 0 to 27 (weekly)"),
    "phq9_item9": (0, 3, "PHQ-9 question 9, 0 to 3"),
}
CSV_COLUMNS = ("date", "phase", *SCORE_FIELDS, "dose_taken", "note")

# Column names other trackers and spreadsheets use for the same things (compared case-folded,
# with spaces and dashes as underscores). Documented in docs/diary-csv.md.
COLUMN_ALIASES = {
    "day": "date",
    "entry_date": "date",
    "pain_level": "pain",
    "pain_score": "pain",
    "pain_nrs": "pain",
    "tiredness": "fatigue",
    "fatigue_level": "fatigue",
    "sleep_quality": "sleep",
    "gut": "gi",
    "gut_symptoms": "gi",
    "gi_symptoms": "gi",
    "digestion": "gi",
    "phq_2": "phq2",
    "phq_9": "phq9",
    "phq9_q9": "phq9_item9",
    "item9": "phq9_item9",
    "dose": "dose_taken",
    "notes": "note",
    "comment": "note",
    "comments": "note",
}


# What a diary may say for "took none today".
NO_DOSE = frozenset({"0", "none", "0 g"})


class DiaryEntry(Model):
    """One day's record, and the body of `POST /api/v1/trials/{id}/entries`. Every score is optional
    (a person may rate only pain), but an entry must hold at least one score, a dose or a note. The
    text a person sends holds no control character but line breaks and tabs (`suppwise.printable`)."""

    day: date = Field(default_factory=date.today, description="the day recorded (default: today)")
    pain: int | None = Field(default=None, ge=0, le=10)
    fatigue: int | None = Field(default=None, ge=0, le=10)
    sleep: int | None = Field(default=None, ge=0, le=10)
    gi: int | None = Field(default=None, ge=0, le=10)
    phq2: int | None = Field(default=None, ge=0, le=6)
    phq9: int | None = Field(default=None, ge=0, le=27)
    phq9_item9: int | None = Field(default=None, ge=0, le=3)
    dose_taken: (
        Annotated[PrintableText, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)] | None
    ) = None
    note: Annotated[PrintableText, StringConstraints(strip_whitespace=True, max_length=MAX_NOTE_CHARS)] | None = None
    custom: dict[str, float] = Field(
        default_factory=dict,
        max_length=MAX_CUSTOM_OUTCOMES,
        examples=[{"energy": 6, "headache_hours": 1.5}],
        description="values of the trial's own outcomes by name, each checked against its range",
    )
    """Values of the trial's own outcomes by name; their ranges are the plan's, checked by
    `suppwise.trials.custom_outcomes.check_values` once the trial is known."""

    @field_validator("custom")
    @classmethod
    def _custom_values(cls, values: dict[str, float]) -> dict[str, float]:
        for key, value in values.items():
            if not NAME_PATTERN.match(key):
                raise ValueError(f"{key[:60]!r} is not an outcome name")
            if not (math.isfinite(value) and abs(value) <= MAX_SCORE_MAGNITUDE):
                raise ValueError(f"{key} {value!r} is not a value an outcome can have")
        return values

    @field_validator("dose_taken")
    @classmethod
    def _readable_dose(cls, value: str | None) -> str | None:
        if value is not None and value.strip() not in NO_DOSE:
            try:
                parse_dose(value)
            except ProfileError as error:
                raise ValueError(error.message) from error
        return value

    @model_validator(mode="after")
    def _coherent(self) -> DiaryEntry:
        if self.phq9_item9 is not None and self.phq9 is not None and self.phq9_item9 > self.phq9:
            raise ValueError("phq9_item9 cannot be larger than the PHQ-9 total")
        if not self.custom and all(getattr(self, name) is None for name in (*SCORE_FIELDS, "dose_taken", "note")):
            raise ValueError("an entry needs at least one score, a dose or a note")
        return self

    def dose_taken_g(self, *, iu_per_mcg: float | None = None) -> float | None:
        """The dose taken that day in grams (0 for "none"); IU through the substance's `iu_per_mcg`.
        None when not recorded or not convertible (IU without a factor, a per-kg amount)."""
        if self.dose_taken is None:
            return None
        if self.dose_taken.strip() in NO_DOSE:
            return 0.0
        return parse_dose(self.dose_taken).daily_in("g", iu_per_mcg=iu_per_mcg)

    def values(self) -> dict[str, Any]:
        """The stored columns (everything but the day), with `custom` the trial's own outcomes."""
        return self.model_dump(exclude={"day"})

    def score(self, field: str) -> float | None:
        """The day's value of a built-in score field or of one of the trial's own outcomes."""
        if field in SCORE_FIELDS:
            value: int | None = getattr(self, field)
            return value
        return self.custom.get(field)


def _message(error: dict[str, Any]) -> tuple[str, str]:
    location = error["loc"]
    name = str(location[0]) if location else ""
    value = error.get("input")
    if name in SCORE_FIELDS and error["type"] in ("greater_than_equal", "less_than_equal"):
        low, high, what = SCORE_FIELDS[name]
        return name, f"{name} {value} is outside {low}-{high} ({what})"
    if name in SCORE_FIELDS and error["type"].startswith("int"):
        return name, f"{name} must be a whole number, not {value!r}"
    if name == "custom":
        key = str(location[1]) if len(location) > 1 else "custom"
        if error["type"] in ("float_parsing", "float_type"):
            return key, f"{key} must be a number, not {value!r}"
        return key, str(error["msg"]).removeprefix("Value error, ")
    if name == "day":
        return "date", f"{value!r} is not a date; write it as YYYY-MM-DD (e.g. 2026-11-23)"
    if error["type"] == "extra_forbidden":
        return name, f"unknown field {name!r}; known: {', '.join(CSV_COLUMNS)}"
    return name or "entry", str(error["msg"]).removeprefix("Value error, ")


def make_entry(data: DiaryEntry | Mapping[str, Any], *, today: date, row: int | None = None) -> DiaryEntry:
    """A validated entry from plain values (or an entry already validated, as a request body is),
    not in the future; DiaryError naming the (row and) field otherwise."""
    where = f"row {row}: " if row is not None else ""
    try:
        entry = data if isinstance(data, DiaryEntry) else DiaryEntry.model_validate(dict(data))
    except ValidationError as invalid:
        problems = [_message(dict(e)) for e in invalid.errors()]
        field, _ = problems[0]
        raise DiaryError(where + "; ".join(m for _, m in problems), row=row, field=field) from None
    if entry.day > today:
        raise DiaryError(
            f"{where}{entry.day.isoformat()} is in the future",
            hint="a diary entry records a day that has passed",
            row=row,
            field="date",
        )
    return entry


_NUMBER = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$")
_DECIMAL_COMMA = re.compile(r"^[-+]?\d+,\d+$")


def parse_score(text: str, *, column: str, row: int | None = None) -> float:
    """A score cell as a number: whole or with a decimal point ('5', '5.4', '.5'). Never NaN or
    infinity, which some spreadsheets write for an empty average but which are no score."""
    where = f"row {row}: " if row is not None else ""
    cleaned = text.strip()
    if not _NUMBER.match(cleaned):
        hint = "write decimals with a point (5.4), not a comma" if _DECIMAL_COMMA.match(cleaned) else None
        raise DiaryError(f"{where}{column} must be a number, not {cleaned!r}", hint=hint, row=row, field=column)
    value = float(cleaned)
    if not math.isfinite(value):
        raise DiaryError(f"{where}{column} {cleaned[:20]!r}... is too large to be a score", row=row, field=column)
    return value


def column_name(name: str) -> str:
    """A column name as the diary reads it: case-folded, spaces and dashes as underscores, aliases resolved."""
    key = name.strip().lower().replace(" ", "_").replace("-", "_")
    return COLUMN_ALIASES.get(key, key)


def uncell(text: str) -> str:
    text = text.strip()
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


def read_csv(text: str, *, today: date, custom: Collection[str] = ()) -> list[DiaryEntry]:
    """Every entry in a diary CSV, or DiaryError for the first bad row (nothing is returned in part).
    Rows are numbered as a spreadsheet shows them: the header is row 1. `custom` names the columns
    of the trial's own outcomes, read as numbers into each entry's `custom`."""
    return read_diary(text, today=today, custom=custom).entries


@dataclass(frozen=True)
class DiaryFile:
    """A diary CSV read whole: its entries, and the phase of each day where the file gives one
    (a stored trial takes phases from its plan; a diary analysed on its own needs them)."""

    entries: list[DiaryEntry]
    phases: dict[date, Phase]


def read_header(records: Iterator[list[str]], *, strict: bool = True, custom: Collection[str] = ()) -> list[str]:
    """The header row's columns, aliases read. `strict` refuses a column the diary does not store
    (an import must not drop data silently), other than the trial's own outcomes in `custom`; an
    analysis reads only the columns it is asked for."""
    try:
        header = next(records)
    except StopIteration:
        raise DiaryError(
            "the CSV file is empty", hint=f"the first line names the columns: {','.join(CSV_COLUMNS)}"
        ) from None
    columns = [column_name(h) for h in header]
    unknown = [h for h, c in zip(header, columns, strict=True) if c not in CSV_COLUMNS and c not in custom]
    if unknown and strict:
        own = f"; this trial's own outcomes: {', '.join(custom)}" if custom else ""
        raise DiaryError(
            f"row 1: unknown column(s) {', '.join(repr(u) for u in unknown)}",
            hint=f"known columns: {', '.join(CSV_COLUMNS)} (and the aliases in docs/diary-csv.md){own}",
            row=1,
        )
    if "date" not in columns:
        raise DiaryError("row 1: there is no date column", row=1, field="date")
    if len(set(columns)) != len(columns):
        raise DiaryError("row 1: a column appears twice (after reading aliases)", row=1)
    return columns


def row_phase(cells: dict[str, str], number: int) -> Phase | None:
    """The phase a row states, checked; None when it states none."""
    phase = cells.get("phase", "").strip().lower()
    if not phase:
        return None
    if phase not in PHASE_NAMES:
        raise DiaryError(
            f"row {number}: phase {phase!r} is not one of {', '.join(PHASE_NAMES)}", row=number, field="phase"
        )
    return Phase(phase)


def check_span(seen: dict[date, int]) -> None:
    """Refuse a file whose first and last days are implausibly far apart (`MAX_DIARY_SPAN_DAYS`),
    naming the later-written of the two rows: that is usually the one with the mistyped year."""
    if not seen:
        return
    first, last = min(seen), max(seen)
    if (last - first).days + 1 > MAX_DIARY_SPAN_DAYS:
        row = seen[first] if seen[first] > seen[last] else seen[last]
        raise DiaryError(
            f"row {row}: the diary runs from {first.isoformat()} to {last.isoformat()}, "
            f"more than {MAX_DIARY_SPAN_DAYS} days",
            hint="check the year of that row; split a longer diary into one file per trial",
            row=row,
            field="date",
        )


def data_rows(records: Iterator[list[str]], columns: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Each non-blank row as (row number, column → cell), checked for its cell count and the row limit."""
    count = 0
    for number, cells in enumerate(records, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if count >= MAX_CSV_ROWS:
            raise DiaryError(f"more than {MAX_CSV_ROWS} rows", row=number)
        if len(cells) != len(columns):
            raise DiaryError(f"row {number}: {len(cells)} cells for {len(columns)} columns", row=number)
        count += 1
        yield number, dict(zip(columns, cells, strict=True))


def repeated_day(day: date, number: int, seen: dict[date, int]) -> None:
    if day in seen:
        raise DiaryError(
            f"row {number}: {day.isoformat()} already appears in row {seen[day]}",
            hint="one row per day; keep the correct one",
            row=number,
            field="date",
        )
    seen[day] = number


def read_diary(text: str, *, today: date, custom: Collection[str] = ()) -> DiaryFile:
    """`read_csv`, keeping the `phase` column (checked against the known phases)."""
    records = csv_records(text)
    columns = read_header(records, custom=custom)
    entries: list[DiaryEntry] = []
    phases: dict[date, Phase] = {}
    seen: dict[date, int] = {}
    for number, cells in data_rows(records, columns):
        data: dict[str, Any] = {c: uncell(v) for c, v in cells.items() if v.strip() and c != "phase"}
        own = {c: parse_score(data.pop(c), column=c, row=number) for c in custom if c in data}
        if own:
            data["custom"] = own
        if "date" in data:
            data["day"] = data.pop("date")
        entry = make_entry(data, today=today, row=number)
        repeated_day(entry.day, number, seen)
        entries.append(entry)
        phase = row_phase(cells, number)
        if phase is not None:
            phases[entry.day] = phase
    check_span(seen)
    return DiaryFile(entries, phases)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_RUN_ON_ROW = re.compile(r"[\r\n]+\s*\d{4}-\d{2}-\d{2}\s*,")


def csv_records(text: str) -> Iterator[list[str]]:
    """The file's rows, as a spreadsheet numbers them (the header is row 1). A malformed row is a
    DiaryError naming it: a cell beyond the csv module's size limit, a stray quote, or a quote left
    open, which would otherwise swallow the rows after it into one note without a word."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), strict=True)
    number = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            why = str(error)
            if "field larger than field limit" in why:
                raise DiaryError(
                    f"row {number}: a cell is longer than {csv.field_size_limit():,} characters",
                    hint=f"a note holds at most {MAX_NOTE_CHARS} characters; check the file is a diary",
                    row=number,
                ) from None
            if "unexpected end of data" in why:
                raise DiaryError(
                    f'row {number}: a quote (") opened in this row is never closed',
                    hint='close the quote, or write a quote inside a note as two quotes ("")',
                    row=number,
                ) from None
            raise DiaryError(
                f"row {number}: the row is not valid CSV ({why})",
                hint='a cell with a comma or a quote is written in quotes, with each quote inside doubled ("")',
                row=number,
            ) from None
        if any(_RUN_ON_ROW.search(cell) for cell in cells):
            raise DiaryError(
                f'row {number}: a quote (") opened in this row is closed only on a later line, '
                "so the rows in between ran into one cell",
                hint='close the quote in its own row, or write a quote inside a note as two quotes ("")',
                row=number,
            )
        yield cells
        number += 1


def _cell(value: object) -> str:
    """A cell a spreadsheet will show, not run: text that would start a formula gets a leading
    apostrophe (removed again on import)."""
    text = "" if value is None else str(value)
    return "'" + text if isinstance(value, str) and text.startswith(_FORMULA_START) else text


def number_text(value: float) -> str:
    """A value as a diary file writes it and reads it back exactly: `6`, `6.5`, never `6.0`."""
    return str(int(value)) if value.is_integer() else repr(value)


def write_csv(
    entries: Iterable[DiaryEntry], phases: dict[date, str] | None = None, custom: Sequence[str] = ()
) -> str:
    """The diary as CSV in the documented columns (the phase from the schedule, when known), then
    one column for each of the trial's own outcomes named in `custom`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*CSV_COLUMNS, *custom])
    for entry in sorted(entries, key=lambda e: e.day):
        values = entry.values()
        phase = (phases or {}).get(entry.day, "")
        own = [number_text(v) if (v := entry.custom.get(k)) is not None else "" for k in custom]
        writer.writerow([entry.day.isoformat(), phase, *(_cell(values[k]) for k in CSV_COLUMNS[2:]), *own])
    return buffer.getvalue()


def check_dose_unit(entry: DiaryEntry, titration: Titration, *, row: int | None = None) -> None:
    """Refuse a dose the trial cannot compare with its plan (a DiaryError naming the row and field):
    IU for a substance without an IU-to-microgram factor, a mass against a plan in IU without one,
    or an amount per kg of body weight. Such a dose would otherwise be stored and then count as
    unrecorded in adherence and raise no dose alert, without a word."""
    text = entry.dose_taken
    if text is None or text.strip() in NO_DOSE:
        return
    dose = parse_dose(text)
    where = f"row {row}: " if row is not None else ""
    plan_unit = titration.unit
    if dose.per_kg:
        raise DiaryError(
            f"{where}dose_taken {text!r} is per kg of body weight; the diary records the amount you took",
            hint=f"write the amount itself, in {plan_unit} like the plan (e.g. '{titration.target}')",
            row=row,
            field="dose_taken",
        )
    if convert_amount(1.0, dose.unit, plan_unit, iu_per_mcg=titration.iu_per_mcg) is None:
        other = "g, mg or mcg" if dose.unit == "IU" else "IU"
        raise DiaryError(
            f"{where}dose_taken {text!r} is in {dose.unit}, but this trial's plan is in {plan_unit} and the "
            "evidence base gives this substance no IU-to-microgram factor to convert between them",
            hint=f"write the dose in {other}, the way the plan does (e.g. '{titration.target}'); "
            "the product's label states the amount",
            row=row,
            field="dose_taken",
        )
