"""`suppwise trial ...` and `suppwise analyze` as a person runs them: a whole trial from plan to
report, defaults (today, the only active trial), errors with their exit code, and every output file."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from suppwise.cli import app

runner = CliRunner()
DOSES = ["--start-dose", "5 g", "--step", "5 g", "--target", "10 g", "--days-per-step", "2"]


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def said(result: object) -> str:
    """The output as one line: Rich wraps long lines at the terminal width."""
    return " ".join(str(getattr(result, "output", "")).split())


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


def plan(db: str, *extra: str, start: date | None = None) -> str:
    first = (start or date.today() - timedelta(days=40)).isoformat()
    result = run(
        "trial", "plan", "glutamine", "-c", "depression", "--outcomes", "pain,mood,gi", "--start", first,
        *DOSES, "--block-days", "10", "--washout-days", "2", "--db", db, "--format", "json", *extra,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return str(json.loads(result.stdout)["trial"]["id"])


def test_a_whole_trial_from_plan_to_report(db: str, tmp_path: Path) -> None:
    trial_id = plan(db, "--seed", "5", "--calendar", str(tmp_path / "trial.ics"))
    assert (tmp_path / "trial.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    logged = run("trial", "log", "--pain", "4", "--dose", "none", "--db", db)  # today, the only trial
    assert logged.exit_code == 0, logged.output
    assert f"Logged {date.today().isoformat()}" in said(logged)
    corrected = run("trial", "log", "--pain", "5", "--dose", "none", "--db", db)
    assert "Corrected" in said(corrected) and "earlier versions are kept" in said(corrected)
    diary = "date,pain,gi,dose_taken\n" + "".join(
        f"{(date.today() - timedelta(days=40 - k)).isoformat()},{3 + k % 3},{k % 2},none\n" for k in range(14)
    )
    (tmp_path / "diary.csv").write_text(diary, encoding="utf-8")
    imported = run("trial", "import", trial_id, str(tmp_path / "diary.csv"), "--db", db)
    assert imported.exit_code == 0 and "Imported 14 row(s)" in said(imported)
    exported = run("trial", "export", trial_id, "--db", db)
    assert exported.output.splitlines()[0].startswith("date,phase,pain")
    assert len(exported.output.splitlines()) == 16
    listed = json.loads(run("trial", "list", "--db", db, "--format", "json").stdout)
    assert [(t["trial"]["id"], t["diary_days"]) for t in listed] == [(trial_id, 15)]
    shown = run("trial", "show", trial_id, "--db", db)
    assert shown.exit_code == 0 and "Diary: 15 of 41 days" in said(shown)
    report = json.loads(run("trial", "report", trial_id, "--format", "json", "--db", db).stdout)
    assert report["trial"]["id"] == trial_id and report["adherence"]["diary_days"] == 15
    for fmt, name, start in [
        ("html", "r.html", b"<!doctype html>"),
        ("fhir", "r.json", b"{"),
        ("pdf", "r.pdf", b"%PDF"),
    ]:
        written = run("trial", "report", trial_id, "--format", fmt, "-o", str(tmp_path / name), "--db", db)
        assert written.exit_code == 0, written.output
        assert (tmp_path / name).read_bytes().startswith(start)
    assert json.loads((tmp_path / "r.json").read_text())["resourceType"] == "Bundle"


def test_log_needs_the_trial_when_there_are_two(db: str) -> None:
    plan(db)
    plan(db)
    result = run("trial", "log", "--pain", "3", "--db", db, "--format", "json")
    assert result.exit_code == 2
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "diary_invalid" and "--trial" in error["hint"]


def test_log_errors_name_the_field(db: str) -> None:
    trial_id = plan(db)
    result = run("trial", "log", "-t", trial_id, "--pain", "12", "--db", db, "--format", "json")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["field"] == "pain"
    future = run("trial", "log", "-t", trial_id, "--date", "2999-01-01", "--pain", "1", "--db", db)
    assert future.exit_code == 2 and "in the future" in said(future)
    bad_date = run("trial", "log", "-t", trial_id, "--date", "23/11/2026", "--pain", "1", "--db", db)
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in said(bad_date)


def test_a_crisis_note_shows_help_first(db: str) -> None:
    trial_id = plan(db)
    result = run("trial", "log", "-t", trial_id, "--note", "I keep thinking about suicide", "--db", db)
    assert result.exit_code == 0
    assert said(result).index("Get help now") < said(result).index("Logged")


def test_caution_without_acknowledgement_is_refused_with_the_screen(db: str) -> None:
    result = run(
        "trial", "plan", "glutamine", "-c", "fibromyalgia", *DOSES, "--med", "Lyrica", "--seed", "1",
        "--db", db, "--format", "json",
    )  # fmt: skip
    assert result.exit_code == 2
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "trial_blocked" and error["screen"]["level"] == "caution"
    assert json.loads(run("trial", "list", "--db", db, "--format", "json").stdout) == []


def test_plan_without_doses_says_what_is_missing(db: str) -> None:
    result = run("trial", "plan", "glutamine", "-c", "depression", "--db", db)
    assert result.exit_code == 2 and "--start-dose, --step and --target" in said(result)


def test_unknown_trial_and_unreadable_files(db: str, tmp_path: Path) -> None:
    missing = run("trial", "show", "t-ffffff", "--db", db)
    assert missing.exit_code == 2 and "trial list" in said(missing)
    trial_id = plan(db)
    nofile = run("trial", "import", trial_id, str(tmp_path / "nope.csv"), "--db", db)
    assert nofile.exit_code == 2 and "does not exist" in said(nofile)
    (tmp_path / "latin1.csv").write_bytes("date,note\n2026-01-01,caf\xe9\n".encode("latin-1"))
    latin = run("trial", "import", trial_id, str(tmp_path / "latin1.csv"), "--db", db)
    assert latin.exit_code == 2 and "UTF-8" in said(latin)


def test_calendar_command(db: str, tmp_path: Path) -> None:
    trial_id = plan(db, "--seed", "9")
    out = tmp_path / "t.ics"
    result = run("trial", "calendar", trial_id, "-o", str(out), "--db", db)
    assert result.exit_code == 0, result.output
    assert b"RRULE:FREQ=DAILY" in out.read_bytes()


def test_analyze_from_standard_input() -> None:
    wobble = [0, 1, -1, 0, 1, 0, -1, 1, 0, -1]
    lines = ["date,pain,phase"] + [
        f"{date(2026, 1, 1) + timedelta(days=k)},{(7 if (k // 10) % 2 else 4) + wobble[k % 10]},"
        + ("on" if (k // 10) % 2 else "off")
        for k in range(40)
    ]
    result = run("analyze", "-", "--format", "json", input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    (pain,) = json.loads(result.stdout)["outcomes"]
    assert pain["analysis"]["verdict"] == "likely_worse"
    text = run("analyze", "-", input="date,pain\n2026-01-01,3\n")
    assert text.exit_code == 2 and "which days were on" in said(text)


def test_stopping_a_trial_from_the_command_line(db: str) -> None:
    trial_id = plan(db)
    stopped = run("trial", "stop", trial_id, "--reason", "pain rose three days running", "--db", db)
    assert stopped.exit_code == 0, stopped.output
    assert f"Stopped trial {trial_id} (Glutamine) on {date.today().isoformat()}" in said(stopped)
    shown = run("trial", "show", trial_id, "--db", db)
    assert f"Stopped on {date.today().isoformat()}" in said(shown) and "pain rose three days running" in said(shown)
    again = run("trial", "stop", trial_id, "--db", db, "--format", "json")
    assert again.exit_code == 2 and json.loads(again.stdout)["error"]["code"] == "trial_stop_refused"
    report = json.loads(run("trial", "report", trial_id, "--db", db, "--format", "json").stdout)
    assert report["trial"]["stopped_on"] == date.today().isoformat()
    html = run("trial", "report", trial_id, "--db", db, "--format", "html").stdout
    assert f"Stopped early on {date.today().isoformat()}" in html and "pain rose three days running" in html
