"""`suppwise trial consent`, `suppwise trial withdraw-consent` and `suppwise pool --db`: the same
service as the web app, from the command line."""

from __future__ import annotations

import json
import re

import numpy as np
from typer.testing import CliRunner

from suppwise.cli import app
from suppwise.evidence import EvidenceBase
from suppwise.owners import LOCAL_OWNER
from suppwise.storage import Database, open_database
from tests.consent_cohort import NOTE, add_trial, cohort, own_outcome_cohort

runner = CliRunner()


def test_consent_and_withdrawal_from_the_command_line(url: str, bundled: EvidenceBase) -> None:
    database = open_database(url)
    try:
        trial_id = _cli_trial(database, bundled)
    finally:
        database.close()
    shared = runner.invoke(app, ["trial", "consent", trial_id, "--db", url])
    assert shared.exit_code == 0, shared.output
    assert "is shared for pooling since" in shared.output and "notes" in shared.output
    as_json = json.loads(runner.invoke(app, ["trial", "consent", trial_id, "--db", url, "-f", "json"]).output)
    assert as_json["shared"] is True and as_json["changed"] is False
    withdrawn = runner.invoke(app, ["trial", "withdraw-consent", trial_id, "--db", url, "-f", "json"])
    assert withdrawn.exit_code == 0, withdrawn.output
    data = json.loads(withdrawn.output)
    assert (data["shared"], data["changed"]) == (False, True) and data["withdrawn_at"] is not None
    unknown = runner.invoke(app, ["trial", "consent", "t-000000", "--db", url, "-f", "json"])
    assert unknown.exit_code != 0 and json.loads(unknown.output)["error"]["code"] == "trial_not_found"


def _cli_trial(db: Database, base: EvidenceBase) -> str:
    """A trial of the CLI's (the local owner), as `suppwise trial plan` makes them."""
    return add_trial(db, base, LOCAL_OWNER, np.random.default_rng(1))


def test_pool_from_the_database_names_nobody(db: Database, url: str, bundled: EvidenceBase) -> None:
    people = cohort(db, bundled, 10)
    args = ["pool", "--db", url, "--substance", "glutamine", "--condition", "depression", "--outcome", "pain"]
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["people_used"] == 10 and data["source"]["people_consented"] == 10
    assert not any(p.trial_id in result.output or p.user_id in result.output for p in people)
    assert NOTE not in result.output and re.search(r"\d{4}-\d{2}-\d{2}", result.output) is None
    text = runner.invoke(app, args)
    assert text.exit_code == 0, text.output
    refused = runner.invoke(app, [*args, "--min-people", "11", "--format", "json"])
    assert refused.exit_code != 0
    error = json.loads(refused.output)["error"]
    assert error["code"] == "pool_invalid" and "at least 11 people" in error["message"]


def test_an_outcome_of_the_trials_own_is_pooled_on_the_asked_scale_from_the_command_line(
    db: Database, url: str, bundled: EvidenceBase
) -> None:
    own_outcome_cohort(db, bundled, ["energy:0-10:higher-better"] * 10 + ["energy:1-5:higher-better"] * 11)
    args = ["pool", "--db", url, "--substance", "glutamine", "--condition", "depression", "-o", "energy", "-f", "json"]
    most = json.loads(runner.invoke(app, args).output)
    assert most["people_used"] == 11 and most["outcome"]["score_high"] == 5.0
    result = runner.invoke(app, [*args, "--range", "0-10", "--higher-is-better", "--important-difference", "1.5"])
    assert result.exit_code == 0, result.output
    asked = json.loads(result.output)
    assert (asked["people_used"], asked["delta"], asked["outcome"]["score_high"]) == (10, 1.5, 10.0)
    assert asked["source"]["outcome_definition"]["people_other_scale"] == 11
    text = runner.invoke(app, [*args[:-2], "--range", "0-10", "--higher-is-better"])
    assert text.exit_code == 0 and "energy (0-10, higher is better)" in text.output, text.output
    assert "left out: 11 who record it on another scale" in " ".join(text.output.split())
    worse = runner.invoke(app, [*args, "--range", "0-10", "--higher-is-worse"])
    assert worse.exit_code != 0 and "0 have" in json.loads(worse.output)["error"]["message"]


def test_files_and_the_database_cannot_be_mixed_and_the_database_needs_all_three() -> None:
    both = runner.invoke(app, ["pool", "x.csv", "--db", "sqlite:///x.db", "-o", "pain", "-f", "json"])
    assert both.exit_code != 0 and "not both" in json.loads(both.output)["error"]["message"]
    partial = runner.invoke(
        app, ["pool", "--db", "sqlite:///x.db", "--substance", "glutamine", "-o", "pain", "-f", "json"]
    )
    assert partial.exit_code != 0
    assert "pooling the trial database needs --condition" in json.loads(partial.output)["error"]["message"]
    # --substance and --condition without --db or files: nothing to pool (they name a pool's subject)
    alone = runner.invoke(app, ["pool", "--substance", "glutamine", "-o", "pain", "-f", "json"])
    assert alone.exit_code != 0 and "nothing to pool" in json.loads(alone.output)["error"]["message"]
    nothing = runner.invoke(app, ["pool", "-o", "pain", "-f", "json"])
    assert nothing.exit_code != 0 and "nothing to pool" in json.loads(nothing.output)["error"]["message"]
