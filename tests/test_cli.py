"""The `suppwise` command as a user runs it: formats, exit codes, error messages."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from suppwise.cli import app

from .conftest import MINI_DIR

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_ask_text_is_readable_and_ends_with_the_disclaimer() -> None:
    result = run("ask", "Does alpha help pain in condition X?", "--dir", str(MINI_DIR))
    assert result.exit_code == 0
    assert "Yes" in result.output and "moderate" in result.output
    assert "not medical advice" in " ".join(result.output.split())


@pytest.mark.parametrize("fmt", ["json", "markdown", "html", "text"])
def test_ask_every_format(fmt: str) -> None:
    result = run("ask", "Is alpha safe with Kayone?", "--format", fmt, "--dir", str(MINI_DIR))
    assert result.exit_code == 0, result.output
    if fmt == "json":
        data = json.loads(result.output)
        assert data["intent"] == "interaction" and data["schema_version"] == 1
    if fmt == "html":
        assert result.output.lstrip().startswith("<!doctype html>")


def test_ask_empty_question_is_a_clear_error() -> None:
    result = run("ask", "  ", "--dir", str(MINI_DIR))
    assert result.exit_code == 2
    assert "the question is empty" in result.output
    assert "Traceback" not in result.output


def test_ask_unknown_format_is_rejected() -> None:
    result = run("ask", "Does alpha help?", "--format", "pdf", "--dir", str(MINI_DIR))
    assert result.exit_code == 2


def test_broken_evidence_folder_is_reported_not_crashed(tmp_path) -> None:
    (tmp_path / "bad.yaml").write_text("entities: [", encoding="utf-8")
    result = run("ask", "Does alpha help pain?", "--dir", str(tmp_path))
    assert result.exit_code == 2
    assert "bad.yaml:1" in result.output and "suppwise evidence validate" in result.output


def test_evidence_list_json() -> None:
    result = run("evidence", "list", "--kind", "substance", "--format", "json", "--dir", str(MINI_DIR))
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert {r["id"] for r in rows} == {"alpha", "beta", "gamma", "omicron", "sigma", "kappa"}
    assert all(set(r) == {"id", "kind", "name", "synonyms"} for r in rows)
    assert next(r for r in rows if r["id"] == "alpha")["synonyms"] == ["alpha powder", "L-alpha"]


def test_evidence_stats() -> None:
    result = run("evidence", "stats", "--format", "json", "--dir", str(MINI_DIR))
    stats = json.loads(result.output)
    assert stats["entities_by_kind"]["substance"] == 6
    assert stats["sources_by_study_type"]["rct"] == 5
    assert stats["sources_by_study_type"]["meta_analysis"] == 1
    assert stats["records"]["links"] == 6
    assert stats["by_substance"]["alpha"]["findings"] > 0
    assert set(stats["by_substance"]["alpha"]) >= {"findings", "interactions", "dosing", "contraindications"}


def test_bundled_evidence_is_the_default(bundled) -> None:
    result = run("evidence", "stats", "--format", "json")
    assert json.loads(result.output)["entities_by_kind"]["substance"] == len(
        [e for e in bundled.entities.values() if e.kind.value == "substance"]
    )


def test_settings_error_gives_a_hint(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("SUPPWISE_EVIDENCE_DIR", str(tmp_path / "missing"))
    result = run("evidence", "stats")
    assert result.exit_code == 2
    assert "SUPPWISE_EVIDENCE_DIR" in result.output and "Hint" in result.output


def test_json_errors_use_one_envelope() -> None:
    result = run("ask", " ", "--format", "json", "--dir", str(MINI_DIR))
    assert result.exit_code == 2
    error = json.loads(result.output)["error"]
    assert error["code"] == "question_invalid" and "empty" in error["message"] and error["hint"]


def test_json_evidence_errors_list_the_problems(tmp_path) -> None:
    (tmp_path / "bad.yaml").write_text("entities: [", encoding="utf-8")
    result = run("ask", "Does alpha help?", "--format", "json", "--dir", str(tmp_path))
    error = json.loads(result.output)["error"]
    assert error["code"] == "evidence_invalid"
    assert error["problems"][0]["file"] == "bad.yaml" and error["problems"][0]["code"] == "yaml_syntax"
