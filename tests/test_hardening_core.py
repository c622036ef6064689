"""Bounds that hold by construction in the pure trial core and the import path (issue 11): work
that follows from a person's numbers is counted before it is done, a diary file that the csv
module cannot read is a located error, and a crash during an import never leaves entries
without their alerts."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from typer.testing import CliRunner

from suppwise.cli import app
from suppwise.errors import DiaryError
from suppwise.evidence import EvidenceBase
from suppwise.owners import LOCAL_OWNER
from suppwise.safety.profile import Profile
from suppwise.services import trials as trial_service
from suppwise.storage import Database, current_entries, list_alerts
from suppwise.trials.diary import MAX_DIARY_SPAN_DAYS, read_csv
from suppwise.trials.plan import MAX_TITRATION_STEPS, Titration

TODAY = date(2026, 11, 23)
UNITS = st.sampled_from(["g", "mg", "mcg"])
AMOUNTS = st.floats(min_value=1e-6, max_value=999, allow_nan=False, allow_infinity=False)


def dose(amount: float, unit: str) -> str:
    return f"{amount:.6f} {unit}/day"


@settings(max_examples=300, deadline=None)
@given(start=AMOUNTS, step=AMOUNTS, target=AMOUNTS, units=st.tuples(UNITS, UNITS, UNITS))
def test_any_titration_is_counted_before_it_is_built(
    start: float, step: float, target: float, units: tuple[str, str, str]
) -> None:
    """Whatever three doses a person types, a titration either has at most MAX_TITRATION_STEPS
    steps or is refused saying how many it would take; it never builds more."""
    try:
        titration = Titration(
            start=dose(start, units[0]), step=dose(step, units[1]), target=dose(target, units[2]), days_per_step=1
        )
        steps = titration.steps()
    except (ValidationError, ValueError) as error:
        assert "dose steps" in str(error) or "above the target" in str(error) or "too large" in str(error)
        return
    assert 1 <= len(steps) <= MAX_TITRATION_STEPS
    assert steps == sorted(steps) and steps[-1] == pytest.approx(steps[-1])


def test_the_attack_titration_is_refused_with_its_step_count() -> None:
    with pytest.raises(ValueError, match=r"more than a billion dose steps; at most 60"):
        Titration(start="0.000001 mcg/day", step="0.000001 mcg/day", target="10 g/day", days_per_step=1).steps()
    assert len(Titration(start="1 g", step="1 g", target="60 g", days_per_step=1).steps()) == 60


@pytest.mark.parametrize(
    ("text", "row", "words"),
    [
        ("date,pain,note\n2026-01-01,3," + "x" * 200_000 + "\n", 2, "longer than 131,072 characters"),
        ('date,pain,note\n2026-01-01,3,ok\n2026-01-02,3,"never closed\n2026-01-03,4,next\n', 3, "never closed"),
        ('date,pain,note\n2026-01-02,3,"opened\n2026-01-03,4,closed"\n', 2, "ran into one cell"),
        ('date,pain,note\n2026-01-02,3,"a"b\n', 2, "not valid CSV"),
        ("date,pain\n2026-01-01,3\n0206-01-01,4\n", 3, f"more than {MAX_DIARY_SPAN_DAYS} days"),
    ],
)
def test_unreadable_csv_rows_are_located_errors(text: str, row: int, words: str) -> None:
    with pytest.raises(DiaryError, match=words) as caught:
        read_csv(text, today=TODAY)
    assert caught.value.row == row and caught.value.message.startswith(f"row {row}: ")


def test_a_note_may_still_span_lines_and_hold_quotes() -> None:
    (first, second) = read_csv('date,note\n2026-01-01,"one\ntwo"\n2026-01-02,"say ""hi"""\n', today=TODAY)
    assert first.note == "one\ntwo" and second.note == 'say "hi"'


def test_trial_import_reports_the_bad_row_without_a_traceback(tmp_path: Path) -> None:
    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    start = (date.today() - timedelta(days=20)).isoformat()
    planned = runner.invoke(
        app,
        ["trial", "plan", "glutamine", "-c", "depression", "--outcomes", "pain", "--start", start,
         "--start-dose", "5 g", "--step", "5 g", "--target", "10 g", "--db", db, "--format", "json"],
    )  # fmt: skip
    assert planned.exit_code == 0, planned.output
    trial_id = planned.stdout.split('"id": "')[1].split('"')[0]
    for body in (f"date,pain,note\n{start},3," + "x" * 200_000 + "\n", f'date,pain,note\n{start},3,"open\n'):
        diary = tmp_path / "diary.csv"
        diary.write_text(body)
        result = runner.invoke(app, ["trial", "import", trial_id, str(diary), "--db", db])
        assert result.exit_code == 2 and "row 2" in result.output, result.output  # 2: the input is wrong
        assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output


CRASH_DURING_IMPORT = """
import os, sys
from datetime import date
from sqlalchemy import event
from suppwise.services import answers as services
from suppwise.services import trials as trial_service
from suppwise.storage import open_database
from suppwise.owners import LOCAL_OWNER

db = open_database(sys.argv[1])
def crash(conn, cursor, statement, *args):
    if statement.startswith("INSERT INTO alerts"):
        os._exit(17)  # the process dies between the entries and their alerts
event.listen(db.engine, "before_cursor_execute", crash)
text = open(sys.argv[3]).read()
trial_service.import_diary(db, services.evidence_base(), sys.argv[2], text, today=date(2026, 11, 23), owner=LOCAL_OWNER)
"""


def test_a_crash_during_an_import_never_keeps_entries_without_their_alerts(
    db: Database, url: str, bundled: EvidenceBase, tmp_path: Path
) -> None:
    plan = trial_service.make_plan(
        {
            "substance": "glutamine",
            "condition": "depression",
            "outcomes": ("pain", "mood"),
            "start_date": date(2026, 9, 1),
            "titration": {"start": "5 g", "step": "5 g", "target": "10 g", "days_per_step": 2},
            "design": "ab",
        }
    )
    trial_id = trial_service.store_plan(
        db, bundled, plan, Profile(), acknowledgement=None, today=TODAY, owner=LOCAL_OWNER
    ).trial.id
    rows = ["date,pain,phq2,phq9,phq9_item9"]
    rows += [f"{date(2026, 9, 1) + timedelta(days=k)},{3 if k < 14 else 9},1,," for k in range(40)]
    rows.append("2026-10-15,5,5,20,2")  # thoughts of self-harm: a crisis alert
    diary = tmp_path / "diary.csv"
    diary.write_text("\n".join(rows) + "\n")
    crashed = subprocess.run(
        [sys.executable, "-c", CRASH_DURING_IMPORT, url, trial_id, str(diary)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert crashed.returncode == 17, crashed.stderr
    assert (
        current_entries(db, trial_id=trial_id, owner=LOCAL_OWNER) == []
        and list_alerts(db, trial_id=trial_id, owner=LOCAL_OWNER) == []
    )
    imported = trial_service.import_diary(db, bundled, trial_id, diary.read_text(), today=TODAY, owner=LOCAL_OWNER)
    stored = list_alerts(db, trial_id=trial_id, owner=LOCAL_OWNER)
    assert imported.crisis and any(a.level == "crisis" for a in stored)
    assert len(current_entries(db, trial_id=trial_id, owner=LOCAL_OWNER)) == 41 and len(stored) == len(imported.alerts)
