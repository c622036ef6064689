"""The pool on a Dask cluster gives the in-process numbers: synthetic partitions drawn by the
workers, diary files sent to them (`suppwise pool --scheduler`), and trials each worker reads from
the database in partitions of people (SQLite and PostgreSQL); Dask missing or unreachable is a clear
error. One local cluster (two workers, in this process to keep the tests quick) serves the module."""

from __future__ import annotations

import json
import math
import pickle
import re
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from suppwise.cli import app
from suppwise.errors import StorageError
from suppwise.evidence import EvidenceBase
from suppwise.owners import LOCAL_OWNER
from suppwise.pooling import PersonEffects, PoolingError
from suppwise.pooling.cluster import effects_on_cluster
from suppwise.pooling.partitions import effects_in_process
from suppwise.pooling.pool import pool_person_effects
from suppwise.pooling.synthetic import diary_csv, synthetic_cohort, synthetic_partitions
from suppwise.services import consent as consent_service
from suppwise.storage import Database, pool_owner_ranges, pool_people_count, pool_trials
from suppwise.trials.diary import DiaryError
from tests.consent_cohort import NOW, TODAY, add_trial, cohort, own_outcome_cohort

runner = CliRunner()
PAIN = {"delta": 2.0, "higher_is_worse": True, "score_range": (0.0, 10.0)}


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        yield str(cluster.scheduler_address)


def assert_same_pool(cluster: Any, here: Any, path: str = "") -> None:
    """Equal structure and text; numbers equal to a relative 1e-9 (the order in which BLAS adds a
    few terms may differ between batches of different people)."""
    if isinstance(here, dict):
        assert isinstance(cluster, dict) and cluster.keys() == here.keys(), path
        for key in here:
            assert_same_pool(cluster[key], here[key], f"{path}.{key}")
    elif isinstance(here, float):
        assert math.isclose(cluster, here, rel_tol=1e-9, abs_tol=1e-300), (path, cluster, here)
    else:
        assert cluster == here, path


def assert_same_effects(cluster: PersonEffects, here: PersonEffects) -> None:
    for name in PersonEffects.__dataclass_fields__:
        np.testing.assert_allclose(getattr(cluster, name), getattr(here, name), rtol=1e-12, atol=1e-15, err_msg=name)


def test_synthetic_partitions_drawn_by_the_workers_give_the_in_process_pool(scheduler: str) -> None:
    partitions = synthetic_partitions(600, per_partition=160, mu=-1.0, tau=0.5, seed=7)  # 160, 160, 160, 120
    here = effects_in_process(partitions, score_range=(0.0, 10.0))
    cluster = effects_on_cluster(scheduler, partitions, score_range=(0.0, 10.0))
    assert cluster.status.size == 600
    assert_same_effects(cluster, here)
    pooled_here = pool_person_effects(here, outcome="pain", **PAIN)  # type: ignore[arg-type]
    pooled_cluster = pool_person_effects(cluster, outcome="pain", **PAIN)  # type: ignore[arg-type]
    assert_same_pool(pooled_cluster.to_dict(), pooled_here.to_dict())
    np.testing.assert_allclose(pooled_cluster.shrunken.mean, pooled_here.shrunken.mean, rtol=1e-9)
    assert abs(pooled_here.pooled.mu.mean + 1.0) < 0.15  # the truth, so the comparison is of a real pool


def test_diary_files_pooled_with_a_scheduler_give_the_same_json(scheduler: str, tmp_path: Path) -> None:
    drawn = synthetic_cohort(12, mu=-1.0, tau=0.5, seed=4, whole_numbers_within=(0.0, 10.0))
    folder = tmp_path / "diaries"
    folder.mkdir()
    for row in range(12):
        (folder / f"bob-{row:02d}.csv").write_text(diary_csv(drawn, row), encoding="utf-8")
    here = runner.invoke(app, ["pool", str(folder), "-o", "pain", "-f", "json"])
    cluster = runner.invoke(app, ["pool", str(folder), "-o", "pain", "-f", "json", "--scheduler", scheduler])
    assert cluster.exit_code == 0, cluster.output
    assert_same_pool(json.loads(cluster.output), json.loads(here.output))
    assert "bob" not in cluster.output


def test_a_database_pool_read_by_the_workers_in_partitions_matches_the_in_process_pool(
    scheduler: str, db: Database, url: str, bundled: EvidenceBase
) -> None:
    people = cohort(db, bundled, 11)
    cohort(db, bundled, 3, consent=False, seed=9)  # not shared: never read
    rng = np.random.default_rng(4)
    # A person's second shared trial (they still count once), and two shared trials of the command
    # line's (the local owner: one more person).
    second = add_trial(db, bundled, people[2].user_id, rng, effect=0.5)
    consent_service.give_consent(db, bundled, second, now=NOW, owner=people[2].user_id)
    for _ in range(2):
        consent_service.give_consent(db, bundled, add_trial(db, bundled, LOCAL_OWNER, rng), now=NOW, owner=LOCAL_OWNER)
    consent_service.withdraw_consent(db, bundled, people[5].trial_id, now=NOW, owner=people[5].user_id)

    args = (db, bundled, "glutamine", "depression", "pain")
    whole = consent_service.pool_from_database(*args, today=TODAY)  # every person in one partition
    assert whole["people_used"] == whole["source"]["people_consented"] == 11  # 11 - 1 withdrawn + the local owner
    small = consent_service.pool_from_database(*args, today=TODAY, people_per_partition=3)
    cluster = consent_service.pool_from_database(*args, today=TODAY, people_per_partition=3, scheduler=scheduler)
    assert_same_pool(small, whole)
    assert_same_pool(cluster, whole)
    text = json.dumps(cluster)
    assert not any(p.trial_id in text or p.user_id in text for p in people)
    command = ["pool", "--db", url, "--substance", "glutamine", "--condition", "depression", "-o", "pain"]
    from_cli = runner.invoke(app, [*command, "-f", "json", "--scheduler", scheduler])
    assert from_cli.exit_code == 0, from_cli.output
    assert_same_pool(json.loads(from_cli.output), consent_service.pool_from_database(*args, today=date.today()))

    # The partitions: the 11 sharing owners (the local owner among them) three at a time, each owner
    # in exactly one range with all their shared trials.
    where = {"substance": "glutamine", "condition": "depression"}
    ranges = list(pool_owner_ranges(db, **where, people=3))
    assert len(ranges) == 4 and ranges[0].after is None  # each range starts after the last one's end:
    assert [r.after for r in ranges[1:]] == [r.last for r in ranges[:-1]]
    read = [pool_trials(db, **where, owners=r).trials for r in ranges]
    owners = [t.owner_id for trials in read for t in trials]
    sharing = {p.user_id for i, p in enumerate(people) if i != 5} | {LOCAL_OWNER}
    assert len(owners) == 13 and set(owners) == sharing  # people[2] has two trials, the local owner two
    assert sum(1 for owner in owners if owner == LOCAL_OWNER) == 2
    assert pool_people_count(db, **where) == 11
    with pytest.raises(StorageError, match="at least one person"):
        next(pool_owner_ranges(db, **where, people=0))


def test_workers_read_only_the_chosen_scale_of_an_outcome_of_the_trials_own(
    scheduler: str, db: Database, bundled: EvidenceBase
) -> None:
    """Each worker skips the trials that define the name on another scale, as the client does."""
    own_outcome_cohort(db, bundled, ["energy:0-10:higher-better"] * 10 + ["energy:1-5:higher-better"] * 4)
    args = (db, bundled, "glutamine", "depression", "energy")
    whole = consent_service.pool_from_database(*args, today=TODAY)
    cluster = consent_service.pool_from_database(*args, today=TODAY, people_per_partition=3, scheduler=scheduler)
    assert whole["people_used"] == 10 and whole["source"]["outcome_definition"]["people_other_scale"] == 4
    assert_same_pool(cluster, whole)


def test_without_dask_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    partitions = synthetic_partitions(20, per_partition=10, mu=0.0, tau=0.5, seed=1)
    with pytest.raises(PoolingError, match=r"dask\.distributed") as caught:
        effects_on_cluster("tcp://127.0.0.1:8786", partitions, score_range=(0.0, 10.0))
    assert caught.value.hint is not None and "suppwise[cluster]" in caught.value.hint

    drawn = synthetic_cohort(10, mu=-1.0, tau=0.5, seed=4, whole_numbers_within=(0.0, 10.0))
    folder = tmp_path / "diaries"
    folder.mkdir()
    for row in range(10):
        (folder / f"{row}.csv").write_text(diary_csv(drawn, row), encoding="utf-8")
    result = runner.invoke(app, ["pool", str(folder), "-o", "pain", "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code != 0
    assert "suppwise[cluster]" in result.output


def test_an_unreachable_scheduler_is_named() -> None:
    partitions = synthetic_partitions(20, per_partition=10, mu=0.0, tau=0.5, seed=1)
    with pytest.raises(PoolingError, match=re.escape("could not reach the Dask scheduler at 'tcp://127.0.0.1:9'")):
        effects_on_cluster("tcp://127.0.0.1:9", partitions, score_range=(0.0, 10.0), connect_timeout=0.5)


def test_an_error_raised_on_a_worker_arrives_with_its_hint_and_fields(scheduler: str) -> None:
    error = DiaryError("row 4: pain 11 is above 10", hint="scores run from 0 to 10", row=4, field="pain")
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), again.message, again.hint, again.row, again.field) == (
        DiaryError,
        error.message,
        error.hint,
        4,
        "pain",
    )
    with pytest.raises(DiaryError) as caught:
        effects_on_cluster(scheduler, [FailingPartition(error)], score_range=(0.0, 10.0))
    assert (caught.value.hint, caught.value.row) == ("scores run from 0 to 10", 4)


class FailingPartition:
    """A partition whose reading fails on the worker (as a bad database row would)."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    def load(self) -> Any:
        raise self.error


@pytest.fixture(scope="module")
def other_code_worker() -> Iterator[str]:
    """A cluster whose one worker (a process of its own) runs other suppwise code than this client:
    the same version number, one digest of the source different, as a worker left on an older image
    or a patched checkout would be."""
    from distributed import Client, LocalCluster

    def pretend_other_code() -> str:
        import suppwise.pooling.cluster as on_worker

        on_worker._source_digest = lambda: "0123456789ab"  # type: ignore[method-assign]
        return on_worker.code_version()

    with (
        # ":0": any free port for the scheduler's HTTP server (the module's other cluster holds 8787).
        LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster,
        Client(cluster.scheduler_address, set_as_default=False) as client,
    ):
        reported = client.run(pretend_other_code)
        assert next(iter(reported.values())).endswith("+code.0123456789ab")
        yield str(cluster.scheduler_address)


def test_a_worker_running_other_code_is_refused_before_any_partition_is_sent(
    other_code_worker: str, tmp_path: Path
) -> None:
    from suppwise.pooling.cluster import code_version

    mine = code_version()
    assert re.fullmatch(r".+\+code\.[0-9a-f]{12}", mine)
    partitions = synthetic_partitions(40, per_partition=20, mu=-1.0, tau=0.5, seed=3)
    with pytest.raises(PoolingError) as caught:
        effects_on_cluster(other_code_worker, partitions, score_range=(0.0, 10.0))
    message = caught.value.message
    assert f"this client {mine}" in message and "+code.0123456789ab" in message
    assert caught.value.hint is not None and "same code" in caught.value.hint

    # From the command line: the error, and no pooled result.
    drawn = synthetic_cohort(10, mu=-1.0, tau=0.5, seed=4, whole_numbers_within=(0.0, 10.0))
    folder = tmp_path / "diaries"
    folder.mkdir()
    for row in range(10):
        (folder / f"{row}.csv").write_text(diary_csv(drawn, row), encoding="utf-8")
    result = runner.invoke(app, ["pool", str(folder), "-o", "pain", "-f", "json", "--scheduler", other_code_worker])
    assert result.exit_code != 0
    error = json.loads(result.output)
    assert set(error) == {"error"} and "+code.0123456789ab" in error["error"]["message"]


def test_a_partition_analysed_by_other_code_is_never_pooled(
    other_code_worker: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker that joins after the first check (here: the first check skipped) is still caught,
    by the version each partition's summaries come back with."""
    import suppwise.pooling.cluster as cluster

    monkeypatch.setattr(cluster, "_check_workers", lambda client, timeout: None)
    partitions = synthetic_partitions(40, per_partition=20, mu=-1.0, tau=0.5, seed=3)
    with pytest.raises(PoolingError, match=r"no partition analysed by another version is pooled"):
        effects_on_cluster(other_code_worker, partitions, score_range=(0.0, 10.0))
