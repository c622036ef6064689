"""A trial's own outcomes from the command line: `trial plan --outcome SPEC` (and a profile's
`trial_outcomes`), `trial log --value NAME=NUMBER`, `trial show`, export and import, and the
report; every mistake an error naming the outcome, exit code 2, nothing stored."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from suppwise.cli import app

runner = CliRunner()
DOSES = ["--start-dose", "5 g", "--step", "5 g", "--target", "10 g", "--days-per-step", "2"]
FIRST = date.today() - timedelta(days=40)


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def said(result: object) -> str:
    return " ".join(str(getattr(result, "output", "")).split())


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


def plan(db: str, *extra: str) -> dict[str, object]:
    result = run(
        "trial", "plan", "glutamine", "-c", "depression", "--start", FIRST.isoformat(), *DOSES,
        "--block-days", "10", "--washout-days", "2", "--db", db, "--format", "json", *extra,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    planned: dict[str, object] = json.loads(result.stdout)["trial"]
    return planned


def test_plan_log_show_export_import_and_report(db: str, tmp_path: Path) -> None:
    trial = plan(db, "--outcome", "energy:0-10:higher-better", "--outcome", "Headache hours:0-24:higher-worse:decimals")
    assert trial["outcomes"] == []  # only outcomes of its own: no built-in one by default
    assert [o["name"] for o in trial["custom_outcomes"]] == ["energy", "headache_hours"]  # type: ignore[index]
    day = FIRST.isoformat()
    logged = run("trial", "log", "--date", day, "--value", "energy=6", "--value", "headache_hours=1.5", "--db", db)
    assert logged.exit_code == 0, logged.output
    assert "energy 6, headache_hours 1.5" in said(logged)
    shown = said(run("trial", "show", str(trial["id"]), "--db", db))
    assert "energy, 0-10, higher is better, whole points, important difference not given: 2 by default" in shown
    assert "energy 6, headache_hours 1.5" in shown
    exported = run("trial", "export", str(trial["id"]), "--db", db).output
    assert exported.splitlines()[0].endswith(",note,energy,headache_hours")
    rows = "".join(f"{(FIRST + timedelta(days=k)).isoformat()},{3 + k % 4},{1.25 * (k % 3)}\n" for k in range(20))
    (tmp_path / "own.csv").write_text("date,Energy,Headache Hours\n" + rows, encoding="utf-8")
    imported = run("trial", "import", str(trial["id"]), str(tmp_path / "own.csv"), "--db", db)
    assert imported.exit_code == 0, imported.output
    report = json.loads(run("trial", "report", str(trial["id"]), "--format", "json", "--db", db).stdout)
    energy = report["outcomes"][0]
    assert (energy["field"], energy["custom"], energy["loinc"]) == ("energy", True, None)
    assert "None published for this outcome" in energy["important_difference"]["basis"]
    html = run("trial", "report", str(trial["id"]), "--format", "html", "--db", db).output
    assert "energy (0-10, higher is better)" in html and "20% of the range 0-10" in html


def test_built_in_and_own_outcomes_together(db: str) -> None:
    trial = plan(db, "--outcomes", "pain", "--outcome", "energy:0-10:higher-better:delta=1.5")
    assert trial["outcomes"] == ["pain"]
    assert trial["custom_outcomes"] == [  # type: ignore[comparison-overlap]
        {"name": "energy", "low": 0.0, "high": 10.0, "higher_is_worse": False, "decimals": False,
         "important_difference": 1.5}
    ]  # fmt: skip


def test_a_profile_lists_outcomes_of_ones_own(db: str, tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text("conditions: [depression]\ntrial_outcomes:\n  - energy:0-10:higher-better\n", encoding="utf-8")
    trial = plan(db, "--profile", str(profile), "--outcome", "steps:0-50000:higher-better:delta=1000")
    assert [o["name"] for o in trial["custom_outcomes"]] == ["energy", "steps"]  # type: ignore[index]
    profile.write_text("trial_outcomes:\n  - energy:0-10:sideways\n", encoding="utf-8")
    bad = run("trial", "plan", "glutamine", "-c", "depression", *DOSES, "--profile", str(profile), "--db", db)
    assert bad.exit_code == 2 and "'sideways' is not a direction for energy" in said(bad)
    assert f"{profile}:2" in said(bad)


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ("energy", "outcome 'energy' needs a name, a range and a direction"),
        ("energy:0-10:up", "'up' is not a direction for energy"),
        ("pain:0-10:higher-worse", "'pain' is a built-in outcome or diary column"),
        ("energy:0-10:higher-better:delta=12", "must be above 0 and below the range's width (10)"),
    ],
)
def test_a_malformed_outcome_stores_no_trial(db: str, spec: str, words: str) -> None:
    result = run("trial", "plan", "glutamine", "-c", "depression", *DOSES, "--outcome", spec, "--db", db)
    assert result.exit_code == 2 and words in said(result)
    assert json.loads(run("trial", "list", "--db", db, "--format", "json").stdout) == []


@pytest.mark.parametrize(
    ("values", "words"),
    [
        (["energy=11"], "energy 11 is outside 0-10"),
        (["energy=6.5"], "energy must be a whole number, not 6.5"),
        (["energy"], "--value 'energy' needs a name and a number"),
        (["energy=six"], "energy must be a number, not 'six'"),
        (["enrgy=6"], "'enrgy' is not an outcome of this trial"),
        (["energy=6", "energy=7"], "--value gives energy twice"),
    ],
)
def test_a_bad_value_is_refused_and_nothing_is_stored(db: str, values: list[str], words: str) -> None:
    trial = plan(db, "--outcome", "energy:0-10:higher-better")
    given = [f"--value={v}" for v in values]
    result = run("trial", "log", "--date", FIRST.isoformat(), *given, "--db", db, "-f", "json")
    assert result.exit_code == 2, result.output
    error = json.loads(result.stdout)["error"]
    assert words in error["message"] and error["code"] == "diary_invalid"
    shown = json.loads(run("trial", "show", str(trial["id"]), "--db", db, "--format", "json").stdout)
    assert shown["recent_entries"] == []
