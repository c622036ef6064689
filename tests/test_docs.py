"""Docs are tests: the CLI reference is current, every command is in the README, every field of the
JSON contract and every setting is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from suppwise.cli.reference import cli_reference
from suppwise.questions.answer_model import (
    Answer,
    Caution,
    ComparisonOut,
    ComparisonRow,
    EvidenceItem,
    MechanismOut,
    MechanismStep,
    Reference,
    Section,
    VerdictOut,
)
from suppwise.safety.combination_model import CombinationCheck, InteractingPair
from suppwise.safety.profile import Profile
from suppwise.safety.screen_model import (
    DailyAmount,
    DoseCheck,
    GeneralCaution,
    RecognisedTerm,
    Screen,
    ScreenReason,
    StudiedDoseOut,
    UnknownTerm,
)
from suppwise.settings import SETTINGS
from suppwise.trials.custom_outcomes import CustomOutcome
from suppwise.trials.report_model import (
    AdherenceOut,
    AlertOut,
    AnalysisOut,
    DiaryAnalysis,
    DiaryOutcome,
    EvidenceSummary,
    ImportantDifferenceOut,
    OutcomeReport,
    PhaseSpan,
    ProtocolOut,
    RhoOut,
    SeriesPoint,
    SourceOut,
    TitrationOut,
    TrialOut,
    TrialReport,
)
from suppwise.trials.trial_model import (
    ConsentOut,
    DayPlan,
    EntryOut,
    FiredAlert,
    ImportedOut,
    LoggedOut,
    OverviewOut,
    PlannedOut,
    StoppedOut,
    TrialSummary,
)

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_is_current() -> None:
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == cli_reference(), "run `make docs`"


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for line in cli_reference().splitlines():
        if line.startswith("## `suppwise "):
            command = line.removeprefix("## `").rstrip("`")
            assert command in readme, command


def test_every_command_has_an_example() -> None:
    sections = cli_reference().split("## `")[1:]
    for section in sections:
        name = section.split("`")[0]
        if name in ("suppwise evidence", "suppwise trial"):  # command groups
            continue
        assert "Example: suppwise" in section, name


def test_every_answer_field_is_documented() -> None:
    doc = (ROOT / "docs" / "answer-json.md").read_text(encoding="utf-8")
    for field in (*Answer.model_fields, *VerdictOut.model_fields):
        assert f"`{field}`" in doc, field


@pytest.mark.parametrize(
    "model", [MechanismOut, MechanismStep, EvidenceItem, Caution, Section, ComparisonOut, ComparisonRow, Reference]
)
def test_every_nested_field_is_documented(model: type) -> None:
    doc = (ROOT / "docs" / "answer-json.md").read_text(encoding="utf-8")
    words = set(re.findall(r"[a-z_]+", doc))
    for field in model.model_fields:
        assert field in words, f"{model.__name__}.{field}"


@pytest.mark.parametrize(
    "model",
    [
        Screen,
        ScreenReason,
        DoseCheck,
        StudiedDoseOut,
        DailyAmount,
        RecognisedTerm,
        UnknownTerm,
        GeneralCaution,
        Profile,
        CombinationCheck,
        InteractingPair,
    ],
)
def test_every_screen_field_is_documented(model: type) -> None:
    doc = (ROOT / "docs" / "screen-json.md").read_text(encoding="utf-8")
    for field in model.model_fields:
        assert f"`{field}`" in doc or re.search(rf"[{{ ]{field}[,}}]", doc), f"{model.__name__}.{field}"


def test_every_profile_field_is_in_the_profile_guide() -> None:
    doc = (ROOT / "docs" / "profile.md").read_text(encoding="utf-8")
    for field in Profile.model_fields:
        assert f"{field}:" in doc, field


def test_every_setting_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert setting.name in readme


TRIAL_MODELS = [
    CustomOutcome,
    PlannedOut,
    LoggedOut,
    EntryOut,
    DayPlan,
    FiredAlert,
    ImportedOut,
    StoppedOut,
    ConsentOut,
    TrialSummary,
    OverviewOut,
    TrialReport,
    TrialOut,
    ProtocolOut,
    TitrationOut,
    PhaseSpan,
    AdherenceOut,
    AlertOut,
    EvidenceSummary,
    OutcomeReport,
    SeriesPoint,
    ImportantDifferenceOut,
    SourceOut,
    AnalysisOut,
    RhoOut,
    DiaryAnalysis,
    DiaryOutcome,
]


def _trial_doc_section(model: type[BaseModel]) -> str:
    """The section of docs/trial-json.md whose heading names the model, e.g. "## `TrialOut`: `trial`"."""
    doc = (ROOT / "docs" / "trial-json.md").read_text(encoding="utf-8")
    sections = [s for s in re.split(r"^## ", doc, flags=re.MULTILINE)[1:] if f"`{model.__name__}`" in s.split("\n")[0]]
    assert len(sections) == 1, f"docs/trial-json.md needs one section headed `{model.__name__}`"
    return sections[0]


@pytest.mark.parametrize("model", TRIAL_MODELS, ids=lambda m: m.__name__)
def test_every_trial_field_is_documented(model: type[BaseModel]) -> None:
    section = _trial_doc_section(model)
    for field in model.model_fields:
        assert f"`{field}`" in section or re.search(rf"[{{ ]{field}[,}}]", section), f"{model.__name__}.{field}"
