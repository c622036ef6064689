"""The `suppwise` command: parses arguments, calls one service, renders the result. Nothing else."""

from __future__ import annotations

import gc
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from suppwise.cli.options import (
    AgeOption,
    AlsoTakingOption,
    BreastfeedingOption,
    MedOption,
    PregnantOption,
    ProfileOption,
    SensitivityOption,
    WeightOption,
)
from suppwise.cli.output import fail
from suppwise.cli.pool import pool
from suppwise.cli.trial import analyze, trial_app
from suppwise.errors import SuppwiseError
from suppwise.evidence.schema import EntityKind
from suppwise.lazy import lazy_module
from suppwise.render import Format, render
from suppwise.safety.profile import profile_from_data
from suppwise.safety.screen_model import Screen
from suppwise.services import answers as services

if TYPE_CHECKING:
    from suppwise.questions.answer_model import Answer
    from suppwise.render import combination_text, screen_text
    from suppwise.render import text as text_render
    from suppwise.web import server as web_server
else:
    combination_text = lazy_module("suppwise.render.combination_text")
    screen_text = lazy_module("suppwise.render.screen_text")
    text_render = lazy_module("suppwise.render.text")
    web_server = lazy_module("suppwise.web.server")

app = typer.Typer(
    name="suppwise",
    help="Graded, cited answers about supplements, checked against the evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
evidence_app = typer.Typer(help="Inspect and validate the evidence base.", no_args_is_help=True)
app.add_typer(evidence_app, name="evidence")
app.add_typer(trial_app, name="trial")
app.command("analyze")(analyze)
app.command("pool")(pool)


class ListFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def _console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def _show_answer(answer: Answer, output: Format) -> None:
    """An answer as `ask` and `condition` both print it: Rich text on a terminal, else the format."""
    if output is Format.TEXT:
        _console().print(text_render.answer_renderable(answer))
    else:
        typer.echo(render(answer, output))

DirArg = Annotated[
    Path | None,
    typer.Argument(help="Folder of evidence .yaml files (default: the bundled evidence base).", show_default=False),
]


@app.command("ask")
def ask(
    question: Annotated[str, typer.Argument(help="A plain question, in quotes.")],
    output: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.TEXT,
    profile_file: ProfileOption = None,
    directory: Annotated[Path | None, typer.Option("--dir", help="Evidence folder to use.")] = None,
) -> None:
    """Answer a question about a supplement with a graded, cited verdict.

    With --profile, the answer also screens the supplement against that person.

    Example: suppwise ask "Is glutamine safe for me?" --profile me.yaml
    """
    try:
        profile = services.load_profile(profile_file) if profile_file else None
        answer = services.ask(question, directory, profile)
    except SuppwiseError as error:
        raise fail(error, as_json=output is Format.JSON) from error
    _show_answer(answer, output)


@app.command("check")
def check(
    substance: Annotated[str, typer.Argument(help="The supplement to screen, e.g. glutamine.")],
    condition: Annotated[
        list[str] | None, typer.Option("--condition", "-c", help="A condition you have (repeatable).")
    ] = None,
    med: MedOption = None,
    also_taking: AlsoTakingOption = None,
    sensitivity: SensitivityOption = None,
    pregnant: PregnantOption = False,
    breastfeeding: BreastfeedingOption = False,
    age: AgeOption = None,
    weight: WeightOption = None,
    dose: Annotated[
        str | None, typer.Option("--dose", help="Intended dose with its unit, e.g. '5 g twice a day'.")
    ] = None,
    profile_file: ProfileOption = None,
    output: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.TEXT,
    directory: Annotated[Path | None, typer.Option("--dir", help="Evidence folder to use.")] = None,
) -> None:
    """Screen a supplement against your conditions, medicines, sensitivities and dose.

    Says avoid, caution or no known issue, with the reasons and their sources. Options add to a
    --profile file; single values given as options replace the file's. With other supplements
    (--also-taking, or the profile's supplements), every interacting pair among the supplements and
    your medicines is listed once, most severe first, then each supplement's screen.

    Example: suppwise check glutamine --condition fibromyalgia --med Lyrica --dose "5 g twice a day"

    Example: suppwise check "St John's wort" --also-taking 5-HTP,magnesium --med Zoloft
    """
    flags = {
        "conditions": condition or [],
        "medications": med or [],
        "supplements": also_taking or [],
        "sensitivities": sensitivity or [],
        "pregnant": pregnant,
        "breastfeeding": breastfeeding,
        "age": age,
        "weight_kg": weight,
        "dose": dose,
    }
    try:
        given = profile_from_data(flags)
        profile = services.load_profile(profile_file).merged(given) if profile_file else given
        result = services.check(substance, profile, directory)
    except SuppwiseError as error:
        raise fail(error, as_json=output is ListFormat.JSON) from error
    if output is ListFormat.JSON:
        typer.echo(result.model_dump_json(indent=2))
        return
    if isinstance(result, Screen):
        _console().print(screen_text.screen_renderable(result))
        return
    _console().print(combination_text.combination_renderable(result))


@app.command("condition")
def condition(
    name: Annotated[str, typer.Argument(help="The condition, e.g. fibromyalgia.")],
    outcome: Annotated[
        str | None, typer.Option("--outcome", help="Rank by this outcome (e.g. pain, sleep) first.")
    ] = None,
    med: MedOption = None,
    profile_file: ProfileOption = None,
    output: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.TEXT,
    directory: Annotated[Path | None, typer.Option("--dir", help="Evidence folder to use.")] = None,
) -> None:
    """Rank the supplements the evidence base can say something about for one condition.

    One row per supplement: the verdict on each outcome with its direction and GRADE certainty
    (direct when human studies in the condition itself support it), the key cautions and the doses
    studied, strongest evidence first, as on the condition's web page. With --profile (and --med),
    every row also carries your screen, and a supplement to avoid for you is ranked last and said so.
    A rank is not advice to take anything.

    Example: suppwise condition fibromyalgia --profile me.yaml

    Example: suppwise condition depression --med sertraline --outcome mood
    """
    try:
        given = profile_from_data({"medications": med or []})
        profile = services.load_profile(profile_file).merged(given) if profile_file else (given if med else None)
        answer = services.condition(name, directory, profile, outcome=outcome)
    except SuppwiseError as error:
        raise fail(error, as_json=output is Format.JSON) from error
    _show_answer(answer, output)


@evidence_app.command("validate")
def evidence_validate(
    directory: DirArg = None,
    output: Annotated[ListFormat, typer.Option("--format", help="Output format.")] = ListFormat.TEXT,
) -> None:
    """Load and check every evidence file; list each problem with file, line and field.

    Exits 1 when there is any problem.

    Example: suppwise evidence validate src/suppwise/evidence/data
    """
    try:
        problems = services.validate_evidence(directory)
    except SuppwiseError as error:
        raise fail(error, as_json=output is ListFormat.JSON) from error
    if output is ListFormat.JSON:
        typer.echo(json.dumps({"ok": not problems, "problems": [p.as_dict() for p in problems]}, indent=2))
    else:
        for problem in problems:
            typer.echo(problem.render())
        where = services.evidence_dir(directory)
        typer.echo(f"{len(problems)} problem(s) in {where}" if problems else f"OK: no problems in {where}")
    if problems:
        raise typer.Exit(code=1)


@evidence_app.command("list")
def evidence_list(
    kind: Annotated[
        EntityKind | None,
        typer.Option(
            help="Only entities of this kind: substance, condition, outcome, process, drug, drug_class or food."
        ),
    ] = None,
    output: Annotated[ListFormat, typer.Option("--format", help="Output format.")] = ListFormat.TEXT,
    directory: Annotated[Path | None, typer.Option("--dir", help="Evidence folder to use.")] = None,
) -> None:
    """List every entity (id, kind, name, synonyms).

    Example: suppwise evidence list --kind substance --format json
    """
    try:
        base = services.evidence_base(directory)
    except SuppwiseError as error:
        raise fail(error, as_json=output is ListFormat.JSON) from error
    entities = services.list_entities(base, kind)
    if output is ListFormat.JSON:
        typer.echo(json.dumps([e.model_dump() for e in entities], indent=2, ensure_ascii=False))
        return
    table = Table("id", "kind", "name", "synonyms")
    for e in entities:
        table.add_row(e.id, e.kind, e.name, ", ".join(e.synonyms))
    _console().print(table)


# Short headers so the per-substance table fits a terminal; the caption spells them out.
_STATS_COLUMNS = ("find", "link", "contra", "inter", "side", "dose", "admin", "popul", "food")
_STATS_CAPTION = (
    "find(ings), link(s), contra(indications), inter(actions), side (effects), dose (records), admin(istration), "
    "popul(ations), food (sources)"
)


@evidence_app.command("stats")
def evidence_stats(
    output: Annotated[ListFormat, typer.Option("--format", help="Output format.")] = ListFormat.TEXT,
    directory: Annotated[Path | None, typer.Option("--dir", help="Evidence folder to use.")] = None,
) -> None:
    """Count entities per kind, sources per study type, the other records, and records per substance.

    Example: suppwise evidence stats
    """
    try:
        base = services.evidence_base(directory)
    except SuppwiseError as error:
        raise fail(error, as_json=output is ListFormat.JSON) from error
    stats = services.evidence_stats(base)
    by_substance = services.substance_counts(base)
    if output is ListFormat.JSON:
        typer.echo(json.dumps({**stats, "by_substance": by_substance}, indent=2))
        return
    console = _console()
    for title, counts in stats.items():
        table = Table(title=title.replace("_", " "), title_justify="left")
        table.add_column("")
        table.add_column("count", justify="right")
        for key, value in counts.items():
            table.add_row(key, str(value))
        console.print(table)
    table = Table(title="records by substance", title_justify="left", caption=_STATS_CAPTION, caption_justify="left")
    table.add_column("substance", overflow="fold")
    for column in _STATS_COLUMNS:
        table.add_column(column, justify="right", min_width=len(column), no_wrap=True)
    for substance, counts in by_substance.items():
        table.add_row(substance, *(str(n) for n in counts.values()))
    console.print(table)


@app.command("serve")
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    db: Annotated[
        str | None, typer.Option("--db", help="Database URL (default: SUPPWISE_DATABASE_URL, else a SQLite file).")
    ] = None,
    https: Annotated[
        bool, typer.Option("--https", help="The app is reached over HTTPS (secure cookies, HSTS).")
    ] = False,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", help="Processes serving the port, e.g. one per core (PostgreSQL only; SQLite takes 1)."
        ),
    ] = 1,
) -> None:
    """Start the web app and the JSON API (OpenAPI schema at /openapi.json).

    Example: suppwise serve --port 8000
    Example: suppwise serve --db postgresql+psycopg://suppwise@db/suppwise --workers 2
    """
    try:
        web_server.serve(host, port, behind_https=https, database=db, workers=workers)
    except SuppwiseError as error:
        raise fail(error) from error


def main() -> None:
    """Console-script entry point."""
    # Everything imported so far lives until exit: moving it out of the collector's reach saves a
    # full collection at shutdown (tens of ms of a ~350 ms run; benchmarks/bench_cold_start.py).
    gc.freeze()
    try:
        app()
    except SuppwiseError as error:  # pragma: no cover - commands convert their own errors
        Console(stderr=True).print(f"Error: {error.message}", markup=False)
        sys.exit(2)
