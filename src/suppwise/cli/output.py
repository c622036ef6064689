"""What every command shares: the output format option, the error output, running a service call,
and opening the trial database.

Its own module so that `commands` (the app), `trial` and `pool` all import it and none of them
imports another back. The database layer is bound through `suppwise.lazy`, so `suppwise ask` does
not pay for SQLAlchemy at start-up.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from suppwise.errors import SuppwiseError
from suppwise.lazy import lazy_module

if TYPE_CHECKING:
    from suppwise.services import database as database_service
    from suppwise.services.database import Database
else:
    database_service = lazy_module("suppwise.services.database")


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]


def fail(error: SuppwiseError, *, as_json: bool = False) -> typer.Exit:
    """Report a deliberate error: one JSON envelope on stdout for --format json, else a message and
    a hint on stderr. Exit code 2 either way."""
    if as_json:
        typer.echo(json.dumps({"error": error.envelope()}, indent=2))
        return typer.Exit(code=2)
    err = Console(stderr=True, highlight=False)
    err.print(f"[bold red]Error:[/] {escape(error.message)}", markup=True)
    if error.hint:
        err.print(f"Hint: {error.hint}", markup=False)
    return typer.Exit(code=2)


def run(output: OutputFormat, action: Callable[[], Any]) -> Any:
    """Run a service call, turning a deliberate error into the CLI's error output."""
    try:
        return action()
    except SuppwiseError as error:
        raise fail(error, as_json=output is OutputFormat.JSON) from error


@contextmanager
def trial_database(url: str | None) -> Iterator[Database]:
    """The trial database at `url`, else the configured one (see `services.database`)."""
    with database_service.open_trial_database(url) as db:
        yield db
