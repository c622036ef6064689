"""`suppwise pool`: diary files in, a pooled result out (a thin shell over `suppwise.pooling`).

Inputs are diary CSVs as `suppwise analyze` reads them (docs/diary-csv.md): a folder (or list) of
files, one person each, or one long file whose `person` column says whose row it is. Which days
were on the supplement comes from the `phase` column, else from `dose_taken`, exactly as for
`analyze`; titration, washout and unlabelled days stay in the AR(1) process but not in the
contrast. The outcome is named as for `analyze` too: a diary field or outcome word with its cited
scale, or any other column of the files (a custom outcome), described by its range and
direction (`OutcomeSpec`), the same for every person; scores may have decimals. A bad row stops
everything with the file (or person) and row named: a pool silently built from the readable part
of the data would misstate its own size.

The result is the pooled part only (`PoolResult.to_dict` plus the outcome's description): the
person labels (file names, person column values) are used in error messages and never appear in
it, and neither do dates or notes.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import numpy as np

from suppwise.errors import DiaryError, OutcomeKeyError, OutcomeSpecError, PoolingError
from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import Entity, EntityKind
from suppwise.lazy import lazy_module
from suppwise.pooling import MIN_PEOPLE, CohortBatch, PersonEffects, PoolResult, batch_from_rows
from suppwise.pooling.cohort import FloatArray, IntArray
from suppwise.pooling.partitions import BatchPartition, Partition, effects_in_process
from suppwise.pooling.pool import pool_person_effects
from suppwise.questions.answer_model import DISCLAIMER
from suppwise.services.pool_evidence import OUTCOME_ENTITIES, evidence_yaml, pooled_evidence, resolve_entity
from suppwise.trials.diary import CSV_COLUMNS, column_name
from suppwise.trials.diary_analysis import EXPOSURE, phases_from_doses
from suppwise.trials.outcome_keys import FIELD_SCALES, OUTCOME_FIELDS, parse_outcomes
from suppwise.trials.outcome_spec import OutcomeSpec
from suppwise.trials.outcomes import OUTCOME_SCALES, OutcomeScale
from suppwise.trials.plan import Phase
from suppwise.trials.report import important_difference_out
from suppwise.trials.score_table import header_columns, read_scores

if TYPE_CHECKING:
    from suppwise.pooling import cluster as pooling_cluster
else:
    pooling_cluster = lazy_module("suppwise.pooling.cluster")  # Dask (the `cluster` extra) only when named

PERSON_COLUMNS: Final = ("person", "person_id", "participant")
BATCH_PEOPLE: Final = 4096
POOL_NOTE: Final = (
    "Pooled from personal trials: people chose to run them and knew when they took the supplement, "
    "so the result can carry selection and expectation bias that a blinded randomised trial avoids."
)


@dataclass(frozen=True)
class PersonText:
    """One person's diary text; `label` (a file name or person value) is only for error messages;
    `rows` maps the text's row numbers to the rows of the file they came from."""

    label: str
    text: str
    rows: tuple[int, ...] | None = None


def resolve_outcome(name: str) -> tuple[str, OutcomeScale]:
    """A diary field (pain, fatigue, sleep, gi, phq2, phq9) or an outcome word (mood = the daily PHQ-2)."""
    key = name.strip().lower()
    if key not in FIELD_SCALES:
        outcomes = parse_outcomes(key)
        if len(outcomes) != 1:
            raise OutcomeKeyError(f"a pool is of one outcome at a time, got {', '.join(outcomes)}")
        key = OUTCOME_FIELDS[outcomes[0]][0]
    return key, OUTCOME_SCALES[FIELD_SCALES[key]]


def resolve_file_outcome(name: str, people: Sequence[PersonText], spec: OutcomeSpec) -> tuple[str, OutcomeScale]:
    """The outcome of a pool of files, named as for `suppwise analyze`: a column of the files that is
    no diary column is a custom outcome, described by `spec` (its range and direction are required:
    never guessed); anything else is a diary field or outcome word (`resolve_outcome`), for which
    `spec` must be empty, since those carry their own cited scales."""
    key = column_name(name)
    if key and key not in CSV_COLUMNS and any(key in _header(person.text) for person in people):
        return key, spec.scale(key)
    if spec.given:
        raise OutcomeSpecError(
            "--range, --higher-is-better/--higher-is-worse and --important-difference describe a column "
            f"suppwise has no instrument for; {name!r} has its own cited scale",
            hint="name a column of the diary files with --outcome, "
            "e.g. --outcome energy --range 0-10 --higher-is-better",
        )
    return resolve_outcome(name)


def _header(text: str) -> list[str]:
    try:
        return header_columns(text)
    except DiaryError:
        return []  # the file's own error is raised, with its label, when it is read


def person_texts(paths: Sequence[Path], read: Callable[[Path], str]) -> list[PersonText]:
    """Every person's diary text from files and folders (`read(path)` returns a file's text)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv" and p.is_file())
            if not found:
                raise DiaryError(f"the folder {str(path)!r} holds no .csv files")
            files.extend(found)
        else:
            files.append(path)
    people: list[PersonText] = []
    for file in files:
        text = read(file)
        people.extend(_split_by_person(file.name, text))
    return people


def pool_diaries(
    people: Sequence[PersonText],
    *,
    outcome: str,
    today: date,
    min_people: int = MIN_PEOPLE,
    scheduler: str | None = None,
    spec: OutcomeSpec | None = None,
) -> dict[str, Any]:
    """The pooled result of these people's diaries for one outcome, as JSON-ready data; with
    `scheduler` (a Dask scheduler's address) the per-person step runs on that cluster's workers.
    A custom outcome (a column of the files suppwise has no instrument for) needs `spec`."""
    field, scale = resolve_file_outcome(outcome, people, spec or OutcomeSpec())
    if len(people) < min_people:
        # Refused before any file is analysed (and with the same words as the statistics would use).
        raise PoolingError(
            f"a pool needs at least {max(min_people, MIN_PEOPLE)} people with an analysable diary; "
            f"{len(people)} diaries were given",
            hint="add more people's diaries",
        )
    custom = {} if field in FIELD_SCALES else {field: scale.score_range}
    rows = [_person_row(person, field, today, custom) for person in people]
    return pool_rows(rows, field=field, scale=scale, min_people=min_people, scheduler=scheduler)


def pool_rows(
    rows: list[tuple[IntArray, FloatArray, FloatArray]],
    *,
    field: str,
    scale: OutcomeScale,
    min_people: int,
    scheduler: str | None = None,
) -> dict[str, Any]:
    """The pooled result of people's (day ordinals, scores, exposures) rows (`scores_row`), with the
    outcome's description, the minimum applied, the note on bias and the disclaimer."""
    partitions = (BatchPartition(batch) for batch in _batches(rows))
    effects = person_step(partitions, scale=scale, scheduler=scheduler)
    return pooled_from_effects(effects, field=field, scale=scale, min_people=min_people)[0]


def person_step(partitions: Iterable[Partition], *, scale: OutcomeScale, scheduler: str | None) -> PersonEffects:
    """Every person's summary, partition by partition: here, or on the Dask cluster whose scheduler
    is at `scheduler` (`suppwise.pooling.cluster`; the same numbers either way)."""
    if scheduler is None:
        return effects_in_process(partitions, score_range=scale.score_range)
    return pooling_cluster.effects_on_cluster(scheduler, partitions, score_range=scale.score_range)


def pooled_from_effects(
    effects: PersonEffects, *, field: str, scale: OutcomeScale, min_people: int
) -> tuple[dict[str, Any], PoolResult]:
    """The pooled result of every person's summary (in the order of the people), and the
    `PoolResult` behind it, whose per-row shrunken estimates a caller may show each person (their
    own only)."""
    result = pool_person_effects(
        effects,
        outcome=field,
        delta=scale.delta,
        higher_is_worse=scale.higher_is_worse,
        score_range=scale.score_range,
        min_people=min_people,
    )
    pooled = result.to_dict()
    pooled["outcome"] = {
        "field": field,
        "scale": scale.id,
        "name": scale.name,
        "delta": scale.delta,
        "higher_is_worse": scale.higher_is_worse,
        "score_low": scale.low,
        "score_high": scale.high,
        "important_difference": important_difference_out(scale).model_dump(),
    }
    pooled["minimum_people"] = max(min_people, MIN_PEOPLE)
    pooled["note"] = POOL_NOTE
    pooled["disclaimer"] = DISCLAIMER
    return pooled, result


def _batches(rows: list[tuple[IntArray, FloatArray, FloatArray]]) -> Iterator[CohortBatch]:
    for start in range(0, len(rows), BATCH_PEOPLE):
        yield batch_from_rows(rows[start : start + BATCH_PEOPLE])


def _person_row(
    person: PersonText, field: str, today: date, custom: Mapping[str, tuple[float, float]]
) -> tuple[IntArray, FloatArray, FloatArray]:
    """(day ordinals, scores, exposures) of the days with a row in the file, read as `analyze` reads
    a diary (`read_scores`: decimals allowed, a custom column checked against its range)."""
    try:
        found = read_scores(person.text, today=today, custom=custom)
    except DiaryError as error:
        raise _located(error, person) from None
    phases = phases_from_doses(found.entries, found.phases)
    if not phases:
        raise DiaryError(
            f"{person.label}: the diary does not say which days were on the supplement",
            hint="add a phase column (baseline, on, off, washout) or a dose_taken column ('none' on off days)",
            field="phase",
        )
    return scores_row(found.scores.get(field, {}), phases, found.days)


def scores_row(
    scores: Mapping[date, float], phases: Mapping[date, Phase], days: Iterable[date] = ()
) -> tuple[IntArray, FloatArray, FloatArray]:
    """One person's (day ordinals, scores, exposures) from their scores and phases by day: every day
    of `days`, `scores` or `phases`, a missing score or phase as NaN (the gap the AR(1) model spans)."""
    every = sorted(set(days) | set(scores) | set(phases))
    return (
        np.asarray([d.toordinal() for d in every], dtype=np.int64),
        np.asarray([scores.get(d, math.nan) for d in every], dtype=np.float64),
        np.asarray([EXPOSURE[phases[d]] if d in phases else math.nan for d in every], dtype=np.float64),
    )


def _located(error: DiaryError, person: PersonText) -> DiaryError:
    """The error with the person's label and the row number of the file the row came from."""
    message = error.message
    row = error.row
    if row is not None and person.rows is not None and 2 <= row <= len(person.rows) + 1:
        original = person.rows[row - 2]
        message = message.replace(f"row {row}", f"row {original}", 1)
        row = original
    return DiaryError(f"{person.label}: {message}", hint=error.hint, row=row, field=error.field)


def _split_by_person(name: str, text: str) -> list[PersonText]:
    """One person for a plain diary; one per value of the person column for a long file."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return [PersonText(name, text)]
    normalised = [h.strip().lower().replace(" ", "_").replace("-", "_") for h in header]
    at = next((i for i, h in enumerate(normalised) if h in PERSON_COLUMNS), None)
    if at is None:
        return [PersonText(name, text)]
    kept_header = header[:at] + header[at + 1 :]
    groups: dict[str, list[tuple[int, list[str]]]] = {}
    try:
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                raise DiaryError(f"{name}: row {number}: {len(cells)} cells for {len(header)} columns", row=number)
            who = cells[at].strip()
            if not who:
                raise DiaryError(f"{name}: row {number}: the person cell is empty", row=number, field="person")
            groups.setdefault(who, []).append((number, cells[:at] + cells[at + 1 :]))
    except csv.Error as error:
        raise DiaryError(f"{name}: the file is not valid CSV ({error})") from None
    people = []
    for who, rows in groups.items():
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(kept_header)
        writer.writerows(cells for _, cells in rows)
        people.append(PersonText(f"{name}, person {who!r}", out.getvalue(), tuple(n for n, _ in rows)))
    return people


@dataclass(frozen=True)
class EvidenceTarget:
    """What a pooled result is evidence about: the evidence base's substance, condition and
    outcome entities, resolved before any diary is read so a typo costs nothing."""

    substance: Entity
    condition: Entity
    outcome: Entity


def evidence_target(base: EvidenceBase, *, substance: str, condition: str, outcome: str) -> EvidenceTarget:
    """Resolve the names given to `--write-evidence` against the evidence base."""
    field, _ = resolve_outcome(outcome)
    outcome_entity = resolve_entity(base, OUTCOME_ENTITIES[field], EntityKind.OUTCOME)
    return EvidenceTarget(
        resolve_entity(base, substance, EntityKind.SUBSTANCE),
        resolve_entity(base, condition, EntityKind.CONDITION),
        outcome_entity,
    )


def pooled_evidence_text(pooled: dict[str, Any], target: EvidenceTarget, *, command: str, today: date) -> str:
    """The evidence file (YAML) a pooled result becomes (`suppwise.services.pool_evidence`)."""
    evidence = pooled_evidence(
        pooled,
        substance=target.substance,
        condition=target.condition,
        outcome=target.outcome,
        command=command,
        today=today,
    )
    return evidence_yaml(evidence)
