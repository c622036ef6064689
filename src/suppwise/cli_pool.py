"""`suppwise pool`: many people's diaries of one outcome pooled into a population estimate."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from suppwise.cli_trial import FormatOption, OutputFormat, _database, _run

MAX_POOL_FILE_BYTES = 200_000_000


def pool(
    outcome: Annotated[
        str, typer.Option("--outcome", "-o", help="The outcome to pool: pain, fatigue, sleep, gi, phq2 or mood.")
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
        str | None, typer.Option("--substance", help="With --db: the supplement the trials tested.")
    ] = None,
    condition: Annotated[
        str | None, typer.Option("--condition", help="With --db: the condition the trials were for.")
    ] = None,
    min_people: Annotated[
        int, typer.Option("--min-people", help="Refuse pools smaller than this (10 at least).", min=10)
    ] = 10,
    output: FormatOption = OutputFormat.TEXT,
) -> None:
    """Pool many people's personal trials of one supplement into a population estimate.

    Each person's effect comes from the same AR(1) analysis as `suppwise analyze`; between people
    a random-effects model gives the average effect, the spread, and how likely the supplement is
    to help someone new. The output names no person, date or note. See docs/pooling.md.

    From the trial database, only trials whose owner consented to pooling (`suppwise trial consent`)
    and did not withdraw are read, one per person.

    Example: suppwise pool diaries/ --outcome pain --format json

    Example: suppwise pool --db sqlite:///trials.db --substance glutamine --condition fibromyalgia -o pain
    """

    def act() -> Any:
        from suppwise import pool_service
        from suppwise.pooling import PoolingError

        from_database = db is not None or substance is not None or condition is not None
        if from_database and paths:
            raise PoolingError(
                "give either diary files or --db with --substance and --condition, not both",
                hint="pool files: suppwise pool FILES --outcome NAME; pool the database: "
                "suppwise pool --db URL --substance S --condition C --outcome NAME",
            )
        if from_database:
            missing = [
                name
                for name, value in (("--db", db), ("--substance", substance), ("--condition", condition))
                if not value
            ]
            if missing:
                raise PoolingError(
                    f"pooling the trial database needs {', '.join(missing)}",
                    hint="suppwise pool --db URL --substance S --condition C --outcome NAME",
                )
            return _pool_database(db, substance, condition, outcome, min_people)
        if not paths:
            raise PoolingError(
                "nothing to pool: give diary files or folders, or --db with --substance and --condition",
                hint="suppwise pool diaries/ --outcome pain",
            )

        from suppwise.trials.diary import DiaryError
        from suppwise.user_files import read_user_text

        def read(path: Path) -> str:
            hint = "save it from your spreadsheet as 'CSV UTF-8'"
            return read_user_text(path, "diary file", max_bytes=MAX_POOL_FILE_BYTES, error=DiaryError, utf8_hint=hint)

        people = pool_service.person_texts(paths, read)
        return pool_service.pool_diaries(people, outcome=outcome, today=date.today(), min_people=min_people)

    result = _run(output, act)
    if output is OutputFormat.JSON:
        typer.echo(json.dumps(result, indent=2))
        return
    from suppwise.render.pool_text import pool_text

    typer.echo(pool_text(result))


def _pool_database(url: str | None, substance: str | None, condition: str | None, outcome: str, min_people: int) -> Any:
    from suppwise import consent_service, services

    assert url is not None and substance is not None and condition is not None  # checked by the caller
    base = services.evidence_base()
    with _database(url) as database:
        return consent_service.pool_from_database(
            database, base, substance, condition, outcome, min_people, today=date.today()
        )
