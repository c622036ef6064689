"""`suppwise condition NAME`: the condition-first ranked table of the condition's web page, in every
output format, with the person's screen applied when a profile (or --med) is given."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from suppwise.cli import app
from suppwise.evidence import EvidenceBase
from suppwise.questions.answer_model import DISCLAIMER
from suppwise.reasoning.condition_overview import condition_overview
from suppwise.services import answers as services

runner = CliRunner()


def said(output: str) -> str:
    return " ".join(output.split())


def run_json(*args: str) -> dict[str, object]:
    result = runner.invoke(app, ["condition", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_the_table_is_the_one_the_condition_page_shows(bundled: EvidenceBase) -> None:
    answer = services.condition("fibro")
    assert answer.code == "CONDITION_OVERVIEW"
    assert answer.overview == condition_overview(bundled, "fibromyalgia")  # what /conditions/fibromyalgia shows
    assert answer.references and not answer.crisis
    assert answer.summary.startswith("For fibromyalgia, strongest evidence first: magnesium")


def test_text_output_has_the_table_the_note_and_the_disclaimer() -> None:
    result = runner.invoke(app, ["condition", "fibromyalgia"])
    assert result.exit_code == 0, result.output
    text = said(result.output)
    assert "Fibromyalgia: supplements" in text
    assert "A rank is not advice to take anything" in text
    assert said(DISCLAIMER) in text


def test_a_profile_screens_every_row_and_ranks_avoid_last(tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text("medications: [Zoloft]\n", encoding="utf-8")
    data = run_json("depression", "--profile", str(profile))
    overview = data["overview"]
    assert isinstance(overview, dict) and overview["personal"] is True
    levels = [(row["substance"], row["screen_level"]) for row in overview["rows"]]
    assert ("st-johns-wort", "avoid") in levels
    first_avoid = next(i for i, (_, level) in enumerate(levels) if level == "avoid")
    assert all(level == "avoid" for _, level in levels[first_avoid:])
    assert "Avoid for you: St John's wort" in str(data["summary"])
    same = run_json("depression", "--med", "Zoloft")
    assert same["overview"] == data["overview"]
    general = run_json("depression")
    assert general["overview"]["personal"] is False  # type: ignore[index]
    assert all(row["screen_level"] is None for row in general["overview"]["rows"])  # type: ignore[index]


def test_an_outcome_ranks_the_table_by_it() -> None:
    data = run_json("fibromyalgia", "--outcome", "sleep")
    overview = data["overview"]
    assert isinstance(overview, dict)
    assert overview["focus"] == "sleep" and overview["outcomes"][0] == "sleep"
    assert "(sleep quality: helps" in str(data["summary"])


def test_self_harm_words_in_the_profile_bring_help_first_and_no_doses(tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text("conditions: [depression with suicidal thoughts]\n", encoding="utf-8")
    data = run_json("depression", "--profile", str(profile))
    assert data["crisis"] is True and data["crisis_resources"]
    assert all(row["studied_doses"] == [] for row in data["overview"]["rows"])  # type: ignore[index]
    text = said(runner.invoke(app, ["condition", "depression", "--profile", str(profile)]).output)
    assert text.index("988") < text.index("Depression: supplements")


def test_an_unknown_condition_or_outcome_is_a_clear_error() -> None:
    unknown = runner.invoke(app, ["condition", "wobbly knees", "--format", "json"])
    assert unknown.exit_code == 2
    error = json.loads(unknown.stdout)["error"]
    assert error["code"] == "condition_not_found" and "Fibromyalgia" in error["hint"]
    close = runner.invoke(app, ["condition", "fibromyalgai"])
    assert close.exit_code == 0 and "Fibromyalgia: supplements" in said(close.output)
    outcome = runner.invoke(app, ["condition", "fibromyalgia", "--outcome", "happiness"])
    assert outcome.exit_code == 2 and "not an outcome" in said(outcome.output)


def test_markdown_and_html_carry_the_same_table() -> None:
    markdown = runner.invoke(app, ["condition", "fibromyalgia", "--format", "markdown"]).output
    assert "## Fibromyalgia: supplements with evidence, strongest first" in markdown
    assert "| Supplement |" in markdown
    html = runner.invoke(app, ["condition", "fibromyalgia", "--format", "html"]).output
    assert "Magnesium" in html and "<table" in html
