"""`suppwise pool --write-evidence`: a pooled result becomes a finding that the validator accepts and
`ask` grades beside the published studies (docs/pooling.md, docs/reasoning.md)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from suppwise.cli import app
from suppwise.evidence.loader import bundled_data_dir
from suppwise.evidence.schema import Effect, Entity, EntityKind, Source, StudyType, Verification, VerificationStatus
from suppwise.evidence.validate import validate_directory
from suppwise.pooling.synthetic import SyntheticCohort, diary_csv, synthetic_cohort
from suppwise.reasoning.grading import Certainty, Concern, grade_sources
from suppwise.services.pool_evidence import pooled_claim

runner = CliRunner()
WRITE = ["--substance", "glutamine", "--condition", "fibromyalgia"]


def write_folder(folder: Path, drawn: SyntheticCohort) -> Path:
    folder.mkdir()
    for row in range(drawn.batch.people):
        (folder / f"alice-{row:02d}.csv").write_text(diary_csv(drawn, row), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the bundled evidence with a pool of 12 people's glutamine trials (pain rises by
    about 1.2 points) written into it: (evidence folder, the written file)."""
    root = tmp_path_factory.mktemp("pooled")
    drawn = synthetic_cohort(12, mu=1.2, tau=0.5, seed=11, whole_numbers_within=(0.0, 10.0))
    diaries = write_folder(root / "kept-private", drawn)
    evidence = root / "evidence"
    shutil.copytree(bundled_data_dir(), evidence)
    target = evidence / "pooled-glutamine-pain.yaml"
    result = runner.invoke(app, ["pool", str(diaries), "-o", "pain", "--write-evidence", str(target), *WRITE])
    assert result.exit_code == 0, result.output
    return evidence, target


def test_the_written_file_validates_with_the_bundled_evidence(written: tuple[Path, Path]) -> None:
    evidence, _ = written
    assert validate_directory(evidence) == []


def test_the_written_file_describes_the_pool_and_names_nobody(written: tuple[Path, Path]) -> None:
    _, target = written
    text = target.read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    (source,) = data["sources"]
    (finding,) = data["findings"]
    assert source["study_type"] == "pooled_personal_trials" and source["n"] == 12
    assert "12 people" in source["title"] and "diary days" in source["title"]
    assert "suppwise pool" in source["verification"]["how"] and "--outcome pain" in source["verification"]["how"]
    assert finding["subject"] == "glutamine" and finding["object"] == "pain" and finding["context"] == "fibromyalgia"
    assert finding["effect"] == "increases"  # the interval of mu lies above 0: pain rose
    assert finding["statistics"][0]["interval"]["kind"] == "credible"
    # No file name (a person's label) and no diary date (the synthetic diaries start 2026-01-05).
    assert "alice" not in text and "kept-private" not in text
    assert "2026-01-" not in text and "2026-02-" not in text and "2026-03-" not in text


def test_ask_shows_the_pooled_finding_with_the_documented_certainty(written: tuple[Path, Path]) -> None:
    """12 people: starts moderate, -1 risk of bias (self-selected, unblinded), -1 imprecision
    (fewer than 200 people) = very low; direct, since it was filed under fibromyalgia."""
    evidence, _ = written
    result = runner.invoke(
        app, ["ask", "Does glutamine increase pain in fibromyalgia?", "--dir", str(evidence), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    pooled = [item for item in answer["evidence"] if item["study_type"] == "pooled_personal_trials"]
    assert len(pooled) == 1
    assert pooled[0]["certainty"] == "very_low" and pooled[0]["direct"] is True
    assert any(item["study_type"] != "pooled_personal_trials" for item in answer["evidence"])  # beside the others
    assert any(ref["id"] == pooled[0]["source"] for ref in answer["references"])


def test_a_pool_below_the_minimum_writes_nothing(tmp_path: Path) -> None:
    diaries = write_folder(tmp_path / "diaries", synthetic_cohort(9, mu=1.0, tau=0.5, seed=2))
    target = tmp_path / "pooled.yaml"
    result = runner.invoke(app, ["pool", str(diaries), "-o", "pain", "--write-evidence", str(target), *WRITE])
    assert result.exit_code == 2
    assert "at least 10 people" in result.output
    assert not target.exists()


def test_write_evidence_needs_a_known_substance_and_condition(tmp_path: Path) -> None:
    diaries = write_folder(tmp_path / "diaries", synthetic_cohort(10, mu=1.0, tau=0.5, seed=3))
    target = tmp_path / "pooled.yaml"
    missing = runner.invoke(app, ["pool", str(diaries), "-o", "pain", "--write-evidence", str(target)])
    assert missing.exit_code == 2 and "--substance and --condition" in missing.output
    unknown_substance = ["--substance", "unobtainium", "--condition", "fibromyalgia"]
    args = ["pool", str(diaries), "-o", "pain", "--write-evidence", str(target)]
    unknown = runner.invoke(app, [*args, *unknown_substance])
    assert unknown.exit_code == 2 and "no substance called 'unobtainium'" in unknown.output
    assert not target.exists()


def test_two_pools_of_the_same_claim_must_still_be_merged(written: tuple[Path, Path], tmp_path: Path) -> None:
    """A pool may repeat a published claim, but not another pool's: the validator's duplicate rule
    is relaxed only between a pooled finding and a curated one."""
    evidence, target = written
    folder = tmp_path / "evidence"
    shutil.copytree(evidence, folder)
    text = target.read_text(encoding="utf-8")
    (folder / "second-pool.yaml").write_text(
        text.replace("suppwise-pool-", "second-pool-").replace("id: pooled-", "id: second-pooled-"), encoding="utf-8"
    )
    codes = [problem.code for problem in validate_directory(folder)]
    assert codes == ["duplicate_claim"]


# --- the claim and its grade, on plain data -------------------------------------------------------


def pooled(low: float, high: float, *, higher_is_worse: bool = True, delta: float = 2.0) -> dict[str, Any]:
    return {"mu": {"ci_low": low, "ci_high": high}, "delta": delta, "higher_is_worse": higher_is_worse}


PAIN = Entity(id="pain", kind=EntityKind.OUTCOME, name="Pain", higher_is_better=False)
MOOD = Entity(id="mood", kind=EntityKind.OUTCOME, name="Mood", higher_is_better=True)


def test_the_claim_follows_the_credible_interval_of_mu() -> None:
    assert pooled_claim(pooled(0.3, 1.4), PAIN) is Effect.INCREASES
    assert pooled_claim(pooled(-1.4, -0.3), PAIN) is Effect.DECREASES
    assert pooled_claim(pooled(-0.5, 0.6), PAIN) is Effect.NO_EFFECT  # rules out a 2-point change either way
    assert pooled_claim(pooled(-0.5, 2.6), PAIN) is Effect.NO_CLEAR_EFFECT


def test_a_falling_depression_score_is_mood_increasing() -> None:
    """PHQ-2 (higher is worse) measures mood (higher is better): the claim is oriented to the entity."""
    assert pooled_claim(pooled(-1.5, -0.4, delta=1.0), MOOD) is Effect.INCREASES
    assert pooled_claim(pooled(0.4, 1.5, delta=1.0), MOOD) is Effect.DECREASES


def pool_source(n: int) -> Source:
    return Source(
        id="pool",
        title="A pool",
        study_type=StudyType.POOLED_PERSONAL_TRIALS,
        population="people who ran personal trials",
        n=n,
        verification=Verification(status=VerificationStatus.VERIFIED, how="written by suppwise pool"),
    )


def test_rule_pooled_personal_trials_always_carry_their_risk_of_bias() -> None:
    small = grade_sources([pool_source(12)])
    assert small.start is Certainty.MODERATE and small.certainty is Certainty.VERY_LOW
    assert [c for c, _ in small.concerns] == [Concern.RISK_OF_BIAS, Concern.IMPRECISION]
    large = grade_sources([pool_source(250)])
    assert large.certainty is Certainty.LOW
    assert [c for c, _ in large.concerns] == [Concern.RISK_OF_BIAS]
    indirect = grade_sources([pool_source(250)], indirect="studied in another condition")
    assert indirect.certainty is Certainty.VERY_LOW
