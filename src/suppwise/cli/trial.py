"""`suppwise trial ...` and `suppwise analyze`: parse arguments, call one trial service, render.

Kept apart from `suppwise.cli`. The trial services (and through them SQLAlchemy, the renderers)
are bound through `suppwise.lazy`, so `suppwise ask` does not pay for them at start-up.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console, RenderableType

from suppwise.cli.options import (
    AgeOption,
    BreastfeedingOption,
    DirectionOption,
    ImportantDifferenceOption,
    MedOption,
    PregnantOption,
    ProfileOption,
    SensitivityOption,
    WeightOption,
)
from suppwise.cli.output import FormatOption, OutputFormat, run, trial_database
from suppwise.errors import DiaryError, SuppwiseError
from suppwise.lazy import lazy_module
from suppwise.owners import LOCAL_OWNER
from suppwise.safety.profile import profile_from_data
from suppwise.services import answers as services
from suppwise.services.downloads import ReportFormat
from suppwise.trials import plan_defaults as plan_default
from suppwise.trials.custom_outcomes import parse_outcome_specs, parse_value_options
from suppwise.trials.plan_defaults import Design
from suppwise.user_files import read_user_text

if TYPE_CHECKING:
    from suppwise.render import trial_text
    from suppwise.services import consent as consent_service
    from suppwise.services import files as file_service
    from suppwise.services import trials as trial_service
else:
    trial_text = lazy_module("suppwise.render.trial_text")
    consent_service = lazy_module("suppwise.services.consent")
    file_service = lazy_module("suppwise.services.files")
    trial_service = lazy_module("suppwise.services.trials")

trial_app = typer.Typer(
    help="Personal trials: plan, keep a daily diary, get alerts, and analyse whether it helps or hurts you.",
    no_args_is_help=True,
)

MAX_DIARY_BYTES = 5_000_000


DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: SUPPWISE_DATABASE_URL, else a SQLite file in your data folder)."),
]
TrialIdArg = Annotated[str, typer.Argument(help="The trial's id, e.g. t-7f3a9c (see `suppwise trial list`).")]
OutputFile = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of the screen.")]


def _print(renderable: RenderableType) -> None:
    Console(highlight=False, soft_wrap=False).print(renderable)


def _emit(result: Any, output: OutputFormat, renderer: str) -> None:
    """A result as its JSON contract, or through the named renderer of `suppwise.render.trial_text`
    (loaded only for text, so JSON output does not load Rich's page builders)."""
    if output is OutputFormat.JSON:
        typer.echo(result.model_dump_json(indent=2))
        return
    _print(getattr(trial_text, renderer)(result))


def _read_text(path: Path, what: str) -> str:
    if str(path) == "-":
        return sys.stdin.read()
    hint = "save it from your spreadsheet as 'CSV UTF-8'"
    return read_user_text(path, what, max_bytes=MAX_DIARY_BYTES, error=DiaryError, utf8_hint=hint)


def _write(output: Path | None, content: str | bytes) -> None:
    if output is None:
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
        else:
            typer.echo(content, nl=not content.endswith("\n"))
        return
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        output.write_bytes(data)
    except OSError as error:
        raise SuppwiseError(f"cannot write {str(output)!r}: {error.strerror}") from None
    Console(stderr=True, highlight=False).print(f"Wrote {output}", markup=False)


@trial_app.command("plan")
def plan(
    substance: Annotated[str, typer.Argument(help="The supplement to test, e.g. glutamine.")],
    condition: Annotated[str, typer.Option("--condition", "-c", help="The condition you take it for.")],
    outcomes: Annotated[
        str | None,
        typer.Option(
            "--outcomes",
            help="What to measure, comma-separated: pain, fatigue, sleep, mood, gi (default: pain, "
            "or none when --outcome names your own).",
        ),
    ] = None,
    own_outcome: Annotated[
        list[str] | None,
        typer.Option(
            "--outcome",
            help="An outcome of your own, NAME:LOW-HIGH:higher-better|higher-worse[:decimals][:delta=D], "
            "e.g. energy:0-10:higher-better (repeatable).",
        ),
    ] = None,
    start: Annotated[
        str | None, typer.Option("--start", help="First baseline day, YYYY-MM-DD (default: today).")
    ] = None,
    baseline_days: Annotated[
        int, typer.Option("--baseline-days", help="Days measured before any dose.")
    ] = plan_default.BASELINE_DAYS,
    start_dose: Annotated[str, typer.Option("--start-dose", help="First titration dose, e.g. '5 g/day'.")] = "",
    step: Annotated[str, typer.Option("--step", help="Increase per titration step, e.g. '5 g/day'.")] = "",
    target: Annotated[str, typer.Option("--target", help="The agreed target dose, e.g. '15 g/day'.")] = "",
    days_per_step: Annotated[
        int, typer.Option("--days-per-step", help="Days on each titration dose.")
    ] = plan_default.DAYS_PER_STEP,
    design: Annotated[
        Design, typer.Option("--design", help="ab: one on block; abab: randomised on/off pairs.")
    ] = plan_default.DESIGN,
    block_days: Annotated[
        int, typer.Option("--block-days", help="Days per on or off block.")
    ] = plan_default.BLOCK_DAYS,
    pairs: Annotated[int, typer.Option("--pairs", help="Number of on/off pairs (abab).")] = plan_default.PAIRS,
    washout_days: Annotated[
        int, typer.Option("--washout-days", help="Days after each switch kept out of the analysis.")
    ] = plan_default.WASHOUT_DAYS,
    seed: Annotated[
        int | None, typer.Option("--seed", help="Randomisation seed (default: a random one, recorded).")
    ] = None,
    med: MedOption = None,
    other_condition: Annotated[
        list[str] | None, typer.Option("--also", help="Another condition you have (repeatable).")
    ] = None,
    sensitivity: SensitivityOption = None,
    pregnant: PregnantOption = False,
    breastfeeding: BreastfeedingOption = False,
    age: AgeOption = None,
    weight: WeightOption = None,
    profile_file: ProfileOption = None,
    acknowledge: Annotated[
        str | None,
        typer.Option("--acknowledge", help="Needed when the screen says caution: your words, stored with the trial."),
    ] = None,
    calendar: Annotated[
        Path | None, typer.Option("--calendar", help="Also write the schedule as an iCalendar (.ics) file.")
    ] = None,
    db: DbOption = None,
    output: FormatOption = OutputFormat.TEXT,
) -> None:
    """Plan a personal trial: baseline, titration to the agreed dose, then on/off blocks.

    Your profile is screened at the target dose first: `avoid` stops the plan; `caution` needs
    --acknowledge. The doses are the ones you and your clinician agreed; suppwise checks them, it
    does not choose them.

    Outcomes of your own are described by name, range and direction (and, optionally, decimals and
    the smallest change that matters): without delta=D, 20% of the range is used and the report
    says so. A profile's trial_outcomes are added to them.

    Example: suppwise trial plan glutamine -c fibromyalgia --start-dose "5 g" --step "5 g" --target "15 g"

    Example: suppwise trial plan glutamine -c fibromyalgia --outcomes pain --outcome energy:0-10:higher-better
    --outcome headache_hours:0-24:higher-worse:decimals:delta=2 --start-dose "5 g" --step "5 g" --target "10 g"
    """

    def act() -> Any:
        if not (start_dose and step and target):
            raise trial_service.TrialPlanError(
                "the titration needs --start-dose, --step and --target",
                hint='e.g. --start-dose "5 g/day" --step "5 g/day" --target "15 g/day" (the doses agreed with '
                "your clinician)",
            )
        flags = profile_from_data(
            {
                "conditions": other_condition or [],
                "medications": med or [],
                "sensitivities": sensitivity or [],
                "pregnant": pregnant,
                "breastfeeding": breastfeeding,
                "age": age,
                "weight_kg": weight,
            }
        )
        profile = services.load_profile(profile_file).merged(flags) if profile_file else flags
        own = parse_outcome_specs([*profile.trial_outcomes, *(own_outcome or [])])
        request = trial_service.plan_request(
            {
                "substance": substance,
                "condition": condition,
                "outcomes": [outcomes if outcomes is not None else "pain"] if outcomes or not own else [],
                "custom_outcomes": [o.model_dump() for o in own],
                "start_date": start,
                "baseline_days": baseline_days,
                "titration": {"start": start_dose, "step": step, "target": target, "days_per_step": days_per_step},
                "design": design,
                "block_days": block_days,
                "pairs": pairs,
                "washout_days": washout_days,
                "seed": seed,
                "profile": profile,
                "acknowledgement": acknowledge,
            }
        )
        base = services.evidence_base()
        with trial_database(db) as database:
            result = trial_service.plan_trial(database, base, request, today=date.today(), owner=LOCAL_OWNER)
            if calendar is not None:
                _write(calendar, file_service.calendar_file(database, base, result.trial.id, owner=LOCAL_OWNER).body)
        return result

    _emit(run(output, act), output, "planned_renderable")


@trial_app.command("log")
def log(
    trial: Annotated[
        str | None, typer.Option("--trial", "-t", help="Trial id (default: your only active trial).")
    ] = None,
    day: Annotated[str | None, typer.Option("--date", "-d", help="The day, YYYY-MM-DD (default: today).")] = None,
    pain: Annotated[int | None, typer.Option("--pain", help="Pain, 0 (none) to 10 (worst imaginable).")] = None,
    fatigue: Annotated[int | None, typer.Option("--fatigue", help="Fatigue, 0 (none) to 10 (worst).")] = None,
    sleep: Annotated[int | None, typer.Option("--sleep", help="Sleep quality, 0 (worst) to 10 (best).")] = None,
    gi: Annotated[int | None, typer.Option("--gi", help="Gut symptoms, 0 (none) to 10 (worst).")] = None,
    phq2: Annotated[int | None, typer.Option("--phq2", help="PHQ-2 total, 0 to 6 (daily mood).")] = None,
    phq9: Annotated[int | None, typer.Option("--phq9", help="PHQ-9 total, 0 to 27 (weekly).")] = None,
    phq9_item9: Annotated[
        int | None, typer.Option("--phq9-item9", help="PHQ-9 question 9 (thoughts of self-harm), 0 to 3.")
    ] = None,
    dose: Annotated[
        str | None, typer.Option("--dose", help="What you took today, e.g. '5 g twice a day', or 'none'.")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="Anything else about the day.")] = None,
    value: Annotated[
        list[str] | None,
        typer.Option(
            "--value", help="A value of one of the trial's own outcomes, NAME=NUMBER, e.g. energy=6 (repeatable)."
        ),
    ] = None,
    db: DbOption = None,
    output: FormatOption = OutputFormat.TEXT,
) -> None:
    """Log one day's scores and dose. Logging a day again corrects it; the earlier version is kept.

    Safety alerts are checked at once and shown, a crisis first. The trial's own outcomes (see
    `trial plan --outcome`) are given with --value, each checked against its range.

    Example: suppwise trial log --pain 6 --sleep 4 --dose "5 g twice a day" --note "long walk"

    Example: suppwise trial log --pain 5 --value energy=6 --value headache_hours=1.5
    """
    data: dict[str, Any] = {
        "day": day or date.today().isoformat(),
        "pain": pain,
        "fatigue": fatigue,
        "sleep": sleep,
        "gi": gi,
        "phq2": phq2,
        "phq9": phq9,
        "phq9_item9": phq9_item9,
        "dose_taken": dose,
        "note": note,
    }

    def act() -> Any:
        if value:
            data["custom"] = parse_value_options(value)
        base = services.evidence_base()
        with trial_database(db) as database:
            trial_id = trial_service.trial_to_log(database, trial, owner=LOCAL_OWNER)
            return trial_service.log_entry(
                database,
                base,
                trial_id,
                {k: v for k, v in data.items() if v is not None},
                today=date.today(),
                source="cli",
                owner=LOCAL_OWNER,
            )

    _emit(run(output, act), output, "logged_renderable")


@trial_app.command("import")
def import_csv(
    trial: TrialIdArg,
    file: Annotated[Path, typer.Argument(help="A diary CSV (see docs/diary-csv.md), or - for standard input.")],
    db: DbOption = None,
    output: FormatOption = OutputFormat.TEXT,
) -> None:
    """Import a diary CSV into a trial, all or nothing; days already logged are corrected.

    A bad row stops the whole import with its row and field named.

    Example: suppwise trial import t-7f3a9c diary.csv
    """

    def act() -> Any:
        text = _read_text(file, "diary file")
        base = services.evidence_base()
        with trial_database(db) as database:
            return trial_service.import_diary(database, base, trial, text, today=date.today(), owner=LOCAL_OWNER)

    _emit(run(output, act), output, "imported_renderable")


@trial_app.command("export")
def export_csv(trial: TrialIdArg, out: OutputFile = None, db: DbOption = None) -> None:
    """Export a trial's diary as CSV (date, phase and every score), ready to re-import.

    Example: suppwise trial export t-7f3a9c -o diary.csv
    """

    def act() -> None:
        with trial_database(db) as database:
            _write(out, trial_service.export_diary(database, trial, owner=LOCAL_OWNER))

    run(OutputFormat.TEXT, act)


@trial_app.command("list")
def list_command(db: DbOption = None, output: FormatOption = OutputFormat.TEXT) -> None:
    """List your trials with their dates, status, diary days and alerts.

    Example: suppwise trial list
    """

    def act() -> Any:
        base = services.evidence_base()
        with trial_database(db) as database:
            return trial_service.trial_summaries(database, base, owner=LOCAL_OWNER)

    summaries = run(output, act)
    if output is OutputFormat.JSON:
        typer.echo(json.dumps([s.model_dump(mode="json") for s in summaries], indent=2))
        return
    _print(trial_text.summaries_renderable(summaries))


@trial_app.command("show")
def show(trial: TrialIdArg, db: DbOption = None, output: FormatOption = OutputFormat.TEXT) -> None:
    """Where a trial stands today: phase and dose, next change, adherence, alerts, recent entries.

    Example: suppwise trial show t-7f3a9c
    """

    def act() -> Any:
        base = services.evidence_base()
        with trial_database(db) as database:
            return trial_service.overview(database, base, trial, today=date.today(), owner=LOCAL_OWNER)

    _emit(run(output, act), output, "overview_renderable")


@trial_app.command("stop")
def stop_command(
    trial: TrialIdArg,
    reason: Annotated[
        str | None, typer.Option("--reason", help="Why you stopped, in your words (shown in the report).")
    ] = None,
    db: DbOption = None,
    output: FormatOption = OutputFormat.TEXT,
) -> None:
    """Stop a trial early, today. Its analysis ends today; the report says when and why.

    Stop at once if an alert tells you to, and tell your clinician.

    Example: suppwise trial stop t-7f3a9c --reason "pain rose three days running"
    """

    def act() -> Any:
        base = services.evidence_base()
        with trial_database(db) as database:
            return trial_service.stop_trial(database, base, trial, reason=reason, today=date.today(), owner=LOCAL_OWNER)

    _emit(run(output, act), output, "stopped_renderable")


@trial_app.command("consent")
def consent_command(trial: TrialIdArg, db: DbOption = None, output: FormatOption = OutputFormat.TEXT) -> None:
    """Share this trial's diary for pooling with other people's trials of the same supplement.

    Shared: the daily scores and each day's phase. Never shared: notes, dates, the trial's id, who
    you are. A pooled result needs at least 10 people. Withdraw at any time with
    `suppwise trial withdraw-consent`; later pools leave the trial out.

    Example: suppwise trial consent t-7f3a9c
    """

    def act() -> Any:
        base = services.evidence_base()
        with trial_database(db) as database:
            return consent_service.give_consent(database, base, trial, now=datetime.now(UTC), owner=LOCAL_OWNER)

    _emit(run(output, act), output, "consent_renderable")


@trial_app.command("withdraw-consent")
def withdraw_consent_command(trial: TrialIdArg, db: DbOption = None, output: FormatOption = OutputFormat.TEXT) -> None:
    """Stop sharing this trial for pooling: every pool made from now on leaves it out.

    Example: suppwise trial withdraw-consent t-7f3a9c
    """

    def act() -> Any:
        base = services.evidence_base()
        with trial_database(db) as database:
            return consent_service.withdraw_consent(database, base, trial, now=datetime.now(UTC), owner=LOCAL_OWNER)

    _emit(run(output, act), output, "consent_renderable")


@trial_app.command("calendar")
def calendar_command(trial: TrialIdArg, out: OutputFile = None, db: DbOption = None) -> None:
    """Export the schedule as an iCalendar file: a daily diary reminder and every dose change.

    Example: suppwise trial calendar t-7f3a9c -o trial.ics
    """

    def act() -> None:
        base = services.evidence_base()
        with trial_database(db) as database:
            _write(out, file_service.calendar_file(database, base, trial, owner=LOCAL_OWNER).body)

    run(OutputFormat.TEXT, act)


@trial_app.command("report")
def report(
    trial: TrialIdArg,
    output: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = ReportFormat.HTML,
    out: OutputFile = None,
    db: DbOption = None,
) -> None:
    """The report for you and your clinician: protocol, adherence, a chart and verdict per outcome,
    alerts, the published evidence, references. HTML, PDF, JSON or a FHIR R4 Bundle.

    A PDF is written to a file (default: suppwise-report-ID.pdf).

    Example: suppwise trial report t-7f3a9c --format pdf -o report.pdf
    """

    def act() -> None:
        base = services.evidence_base()
        with trial_database(db) as database:
            result = trial_service.trial_report(
                database, base, trial, today=date.today(), now=datetime.now(UTC), owner=LOCAL_OWNER
            )
        file = file_service.report_file(result, output)
        if output is ReportFormat.PDF:
            _write(out or Path(file.filename), file.body)
        else:
            _write(out, file.body.decode())

    run(OutputFormat.JSON if output in (ReportFormat.JSON, ReportFormat.FHIR) else OutputFormat.TEXT, act)


def analyze(
    diary: Annotated[Path, typer.Argument(help="A diary CSV with a phase or dose_taken column, or - for stdin.")],
    outcome: Annotated[
        list[str] | None,
        typer.Option(
            "--outcome",
            "-o",
            help="Only this outcome: pain, fatigue, sleep, mood or gi, or any numeric column of the file "
            "(then describe it with --range and a direction). Repeatable.",
        ),
    ] = None,
    score_range: Annotated[
        str | None,
        typer.Option("--range", help="A custom column's score range, LOW-HIGH (e.g. 0-10)."),
    ] = None,
    higher_is_better: DirectionOption = None,
    important_difference: ImportantDifferenceOption = None,
    output: FormatOption = OutputFormat.TEXT,
) -> None:
    """Analyse a diary kept in another tracker, without storing anything.

    Days are compared by the phase column (on against baseline and off); without one, days with
    a dose count as on and 'none' as off. Scores may have decimals (daily means). A column
    suppwise has no instrument for is analysed when named, with its range and direction.

    Example: suppwise analyze diary.csv --outcome pain --format json

    Example: suppwise analyze diary.csv --outcome mood --range 0-10 --higher-is-better
    """

    def act() -> Any:
        spec = trial_service.outcome_spec(
            score_range=score_range,
            higher_is_worse=None if higher_is_better is None else not higher_is_better,
            important_difference=important_difference,
        )
        return trial_service.analyse_csv(
            _read_text(diary, "diary file"), outcomes=outcome, today=date.today(), spec=spec
        )

    _emit(run(output, act), output, "diary_analysis_renderable")
