"""`suppwise pool`: many people's diaries of one outcome pooled into a population estimate."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from suppwise.cli_trial import FormatOption, OutputFormat, _run

MAX_POOL_FILE_BYTES = 200_000_000


def pool(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Diary CSVs (one person each) or folders of them, or one CSV with a person column."),
    ],
    outcome: Annotated[
        str, typer.Option("--outcome", "-o", help="The outcome to pool: pain, fatigue, sleep, gi, phq2 or mood.")
    ],
    min_people: Annotated[
        int, typer.Option("--min-people", help="Refuse pools smaller than this (10 at least).", min=10)
    ] = 10,
    output: FormatOption = OutputFormat.TEXT,
) -> None:
    """Pool many people's personal trials of one supplement into a population estimate.

    Each person's effect comes from the same AR(1) analysis as `suppwise analyze`; between people
    a random-effects model gives the average effect, the spread, and how likely the supplement is
    to help someone new. The output names no person, date or note. See docs/pooling.md.

    Example: suppwise pool diaries/ --outcome pain --format json
    """

    def act() -> Any:
        from suppwise import pool_service
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
