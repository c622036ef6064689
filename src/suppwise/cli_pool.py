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
    write_evidence: Annotated[
        Path | None,
        typer.Option(
            "--write-evidence",
            help="Also write the pooled result as an evidence file (YAML) for the evidence folder.",
        ),
    ] = None,
    substance: Annotated[
        str | None, typer.Option("--substance", help="With --write-evidence: the supplement the people trialled.")
    ] = None,
    condition: Annotated[
        str | None, typer.Option("--condition", help="With --write-evidence: the condition the people have.")
    ] = None,
    directory: Annotated[
        Path | None, typer.Option("--dir", help="With --write-evidence: the evidence folder naming them.")
    ] = None,
) -> None:
    """Pool many people's personal trials of one supplement into a population estimate.

    Each person's effect comes from the same AR(1) analysis as `suppwise analyze`; between people
    a random-effects model gives the average effect, the spread, and how likely the supplement is
    to help someone new. The output names no person, date or note. See docs/pooling.md.

    With --write-evidence FILE.yaml (and --substance, --condition) the result is also written as a
    finding of study type pooled_personal_trials; put the file in an evidence folder and `ask`
    grades it beside the published studies. Nothing is written when the pool is refused.

    Example: suppwise pool diaries/ --outcome pain --format json
    """

    def act() -> Any:
        from suppwise import pool_service
        from suppwise.pooling import PoolingError
        from suppwise.trials.diary import DiaryError
        from suppwise.user_files import read_user_text

        def read(path: Path) -> str:
            hint = "save it from your spreadsheet as 'CSV UTF-8'"
            return read_user_text(path, "diary file", max_bytes=MAX_POOL_FILE_BYTES, error=DiaryError, utf8_hint=hint)

        target = None
        if write_evidence is not None:
            if not (substance and condition):
                raise PoolingError(
                    "--write-evidence needs --substance and --condition",
                    hint="say what the people took and what condition they have, e.g. --substance glutamine "
                    "--condition fibromyalgia",
                )
            from suppwise import services

            base = services.evidence_base(directory)
            target = pool_service.evidence_target(base, substance=substance, condition=condition, outcome=outcome)
        people = pool_service.person_texts(paths, read)
        today = date.today()
        result = pool_service.pool_diaries(people, outcome=outcome, today=today, min_people=min_people)
        if write_evidence is not None and target is not None:
            # File and folder names can name people: the command is recorded without them.
            command = (
                f"suppwise pool ({len(paths)} path(s)) --outcome {result['outcome']['field']} "
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

    result = _run(output, act)
    if write_evidence is not None:
        typer.echo(
            f"Wrote the pooled result as evidence to {write_evidence}; "
            "put it in an evidence folder for `suppwise ask`.",
            err=True,
        )
    if output is OutputFormat.JSON:
        typer.echo(json.dumps(result, indent=2))
        return
    from suppwise.render.pool_text import pool_text

    typer.echo(pool_text(result))
