"""The command line: `commands` holds the Typer app and the evidence commands, `trial` the trial
and `analyze` commands, `pool` pooling, `options` the options they share, `reference` the generated
CLI reference (docs/cli.md). Only `app` and `main` are public (the `suppwise` entry point)."""

from suppwise.cli.commands import app, main

__all__ = ["app", "main"]
