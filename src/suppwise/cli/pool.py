"""`suppwise pool`: many people's diaries of one outcome pooled into a population estimate."""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from suppwise.cli.options import DirectionOption, ImportantDifferenceOption
from suppwise.cli.output import OutputFormat, run, trial_database
from suppwise.errors import DiaryError, OutcomeSpecError, PoolingError
from suppwise.lazy import lazy_module
from suppwise.services import answers as services
from suppwise.user_files import read_user_text

if TYPE_CHECKING:
    from suppwise.render import pool_html, pool_text
    from suppwise.services import consent as consent_service
    from suppwise.services import pool as pool_service
    from suppwise.services import trials as trial_service
else:
    pool_html = lazy_module("suppwise.render.pool_html")
    pool_text = lazy_module("suppwise.render.pool_text")
    consent_service = lazy_module("suppwise.services.consent")
    pool_service = lazy_module("suppwise.services.pool")
    trial_service = lazy_module("suppwise.services.trials")

MAX_POOL_FILE_BYTES = 200_000_000


class PoolFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    HTML = "html"


def pool(
    outcome: Annotated[
        str,
        typer.Option(
            "--outcome",
            "-o",
            help="The outcome to pool: pain, fatigue, sleep, gi, phq2 or mood; any numeric column of the "
            "diary files (then describe it with --range and a direction); or, with --db, an outcome the "
            "trials define themselves (pooled on one scale: --range and a direction, else the most common).",
        ),
    ],
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Diary CSVs (one person each) or folders of them, or one CSV with a person column "
            "(or, instead, --db with --substance and --condition)."
        ),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Pool the trial database's consented trials instead of files (a database URL; with "
            "--substance and --condition).",
        ),
    ] = None,
    substance: Annotated[
        str | None,
        typer.Option(
            "--substance", help="The supplement: with --db, the trials to pool; with --write-evidence, the finding's."
        ),
    ] = None,
    condition: Annotated[
        str | None,
        typer.Option(
            "--condition", help="The condition: with --db, the trials to pool; with --write-evidence, the finding's."
        ),
    ] = None,
    min_people: Annotated[
        int, typer.Option("--min-people", help="Refuse pools smaller than this (10 at least).", min=10)
    ] = 10,
    score_range: Annotated[
        str | None,
        typer.Option(
            "--range",
            help="An outcome of your own: its score range, LOW-HIGH (e.g. 0-10); with --db, only trials that "
            "define it on this range and direction are pooled.",
        ),
    ] = None,
    higher_is_better: DirectionOption = None,
    important_difference: ImportantDifferenceOption = None,
    output: Annotated[PoolFormat, typer.Option("--format", "-f", help="Output format.")] = PoolFormat.TEXT,
    write_evidence: Annotated[
        Path | None,
        typer.Option(
            "--write-evidence",
            help="Also write the pooled result as an evidence file (YAML) for the evidence folder.",
        ),
    ] = None,
    directory: Annotated[
        Path | None, typer.Option("--dir", help="With --write-evidence: the evidence folder naming them.")
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Analyse each person on the workers of this Dask scheduler (e.g. tcp://10.0.0.5:8786); "
            "needs the cluster extra.",
        ),
    ] = None,
) -> None:
    """Pool many people's personal trials of one supplement into a population estimate.

    Each person's effect comes from the same AR(1) analysis as `suppwise analyze`; between people
    a random-effects model gives the average effect, the spread, and how likely the supplement is
    to help someone new. The output names no person, date or note. See docs/pooling.md.

    From the trial database, only trials whose owner consented to pooling (`suppwise trial consent`)
    and did not withdraw are read, one per person.

    With --write-evidence FILE.yaml (and --substance, --condition) the result is also written as a
    finding of study type pooled_personal_trials; put the file in an evidence folder and `ask`
    grades it beside the published studies. Nothing is written when the pool is refused.

    With --scheduler ADDRESS the per-person step runs on a Dask cluster (pip install
    'suppwise[cluster]' on this machine and the workers); with --db each worker reads its own
    partition of people from the database, so the workers must reach the same URL. The result is
    the same as without it.

    The outcome is named as for `suppwise analyze`: a column of the diary files that suppwise has
    no instrument for is pooled when named, with its range and direction (the same for everyone).
    With --db, an outcome the trials define themselves (energy) is pooled on one scale only: the
    one --range and a direction ask for, else the one most people's trials use; trials that
    define it on another scale are left out and counted (source.outcome_definition).

    Example: suppwise pool diaries/ --outcome pain --format json

    Example: suppwise pool diaries/ --outcome energy --range 0-10 --higher-is-better

    Example: suppwise pool --db sqlite:///trials.db --substance glutamine --condition fibromyalgia -o pain

    Example: suppwise pool --db sqlite:///trials.db --substance glutamine --condition fibromyalgia -o energy
    --range 0-10 --higher-is-better

    Example: suppwise pool diaries/ --outcome pain --scheduler tcp://scheduler:8786
    """

    def act() -> Any:
        spec = trial_service.outcome_spec(
            score_range=score_range,
            higher_is_worse=None if higher_is_better is None else not higher_is_better,
            important_difference=important_difference,
        )
        if spec.given and write_evidence is not None:
            raise OutcomeSpecError(
                "--range, --higher-is-better/--higher-is-worse and --important-difference describe an outcome "
                "suppwise has no instrument for; --write-evidence, whose finding needs an outcome of the evidence "
                "base, takes the outcomes suppwise has cited scales for",
                hint="pool an outcome of your own without --write-evidence",
            )

        if db is not None and paths:
            raise PoolingError(
                "give either diary files or --db with --substance and --condition, not both",
                hint="pool files: suppwise pool FILES --outcome NAME; pool the database: "
                "suppwise pool --db URL --substance S --condition C --outcome NAME",
            )
        if db is None and not paths:
            raise PoolingError(
                "nothing to pool: give diary files or folders, or --db with --substance and --condition",
                hint="suppwise pool diaries/ --outcome pain",
            )
        needs = "pooling the trial database" if db is not None else "--write-evidence" if write_evidence else None
        missing = [name for name, value in (("--substance", substance), ("--condition", condition)) if not value]
        if needs and missing:
            raise PoolingError(
                f"{needs} needs {' and '.join(missing)}",
                hint="say what the people took and what condition they have, e.g. --substance glutamine "
                "--condition fibromyalgia",
            )
        target = None
        if write_evidence is not None:
            assert substance is not None and condition is not None  # checked above
            base = services.evidence_base(directory)
            target = pool_service.evidence_target(base, substance=substance, condition=condition, outcome=outcome)
        today = date.today()
        if db is not None:
            result = _pool_database(db, substance, condition, outcome, min_people, scheduler, spec)
            where = "--db (database)"
        else:
            def read(path: Path) -> str:
                hint = "save it from your spreadsheet as 'CSV UTF-8'"
                return read_user_text(
                    path, "diary file", max_bytes=MAX_POOL_FILE_BYTES, error=DiaryError, utf8_hint=hint
                )

            assert paths is not None  # checked above
            people = pool_service.person_texts(paths, read)
            result = pool_service.pool_diaries(
                people, outcome=outcome, today=today, min_people=min_people, scheduler=scheduler, spec=spec
            )
            where = f"({len(paths)} path(s))"
        if write_evidence is not None and target is not None:
            # File and folder names can name people, and a database URL its server: neither is recorded.
            command = (
                f"suppwise pool {where} --outcome {result['outcome']['field']} "
                f"--min-people {result['minimum_people']} --substance {target.substance.id} "
                f"--condition {target.condition.id}"
            )
            text = pool_service.pooled_evidence_text(result, target, command=command, today=today)
            try:
                write_evidence.write_text(text, encoding="utf-8")
            except OSError as error:
                raise PoolingError(
                    f"could not write {str(write_evidence)!r}: {error.strerror}",
                    hint="check that the folder exists and can be written",
                ) from None
        return result

    result = run(OutputFormat.JSON if output is PoolFormat.JSON else OutputFormat.TEXT, act)
    if write_evidence is not None:
        typer.echo(
            f"Wrote the pooled result as evidence to {write_evidence}; "
            "put it in an evidence folder for `suppwise ask`.",
            err=True,
        )
    if output is PoolFormat.JSON:
        typer.echo(json.dumps(result, indent=2))
    elif output is PoolFormat.HTML:
        typer.echo(pool_html.pool_html(result), nl=False)
    else:
        typer.echo(pool_text.pool_text(result))


def _pool_database(
    url: str | None,
    substance: str | None,
    condition: str | None,
    outcome: str,
    min_people: int,
    scheduler: str | None,
    spec: trial_service.OutcomeSpec,
) -> Any:
    assert url is not None and substance is not None and condition is not None  # checked by the caller
    base = services.evidence_base()
    with trial_database(url) as database:
        return consent_service.pool_from_database(
            database,
            base,
            substance,
            condition,
            outcome,
            min_people,
            today=date.today(),
            scheduler=scheduler,
            spec=spec,
        )
