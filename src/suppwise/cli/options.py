"""Command-line options shared by several commands (the parts of a profile), declared once so
`suppwise check` and `suppwise trial plan` describe them the same way."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

MedOption = Annotated[
    list[str] | None, typer.Option("--med", "-m", help="A medicine you take, generic or brand (repeatable).")
]
AlsoTakingOption = Annotated[
    list[str] | None,
    typer.Option(
        "--also-taking",
        "-a",
        help="Another supplement you take, screened with this one (repeatable; commas separate several).",
    ),
]
SensitivityOption = Annotated[
    list[str] | None, typer.Option("--sensitivity", "-s", help="A sensitivity or allergy, e.g. MSG (repeatable).")
]
PregnantOption = Annotated[bool, typer.Option("--pregnant", help="Pregnant or trying to conceive.")]
BreastfeedingOption = Annotated[bool, typer.Option("--breastfeeding", help="Breastfeeding.")]
AgeOption = Annotated[int | None, typer.Option("--age", help="Age in years.")]
WeightOption = Annotated[float | None, typer.Option("--weight-kg", help="Body weight in kg (for doses given per kg).")]
ProfileOption = Annotated[
    Path | None,
    typer.Option("--profile", help="A profile file (YAML or JSON): conditions, medications, sensitivities, ..."),
]

DirectionOption = Annotated[
    bool | None,
    typer.Option(
        "--higher-is-better/--higher-is-worse",
        help="Which way a custom column runs (required for one; never guessed).",
        show_default=False,
    ),
]
ImportantDifferenceOption = Annotated[
    float | None,
    typer.Option(
        "--important-difference",
        help="The smallest change in a custom column that matters, in its points "
        "(default: 20% of the range, stated in the output).",
    ),
]
