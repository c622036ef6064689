"""The words a person uses for what they measure, and the diary fields and scales behind them.

A plan names outcomes the way the person thinks of them (`pain,fatigue,sleep,mood,gi`); the diary
stores one column per instrument (`pain`, …, `phq2`, `phq9`); the analysis needs the scale with
its cited important difference. "mood" is two instruments: the PHQ-2 daily and the PHQ-9 weekly,
because the PHQ-9 asks about the past two weeks and cannot be a daily score.
"""

from __future__ import annotations

from typing import Final

from suppwise.errors import OutcomeKeyError

OUTCOME_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "pain": ("pain",),
    "fatigue": ("fatigue",),
    "sleep": ("sleep",),
    "mood": ("phq2", "phq9"),
    "gi": ("gi",),
}
"""Plan outcome → the diary fields that measure it."""

FIELD_SCALES: Final[dict[str, str]] = {
    "pain": "pain_nrs",
    "fatigue": "fatigue_nrs",
    "sleep": "sleep_quality_nrs",
    "gi": "gi_symptoms_nrs",
    "phq2": "phq2",
    "phq9": "phq9",
}
"""Diary field → the outcome scale (in `suppwise.trials.outcomes`) it is analysed on."""

FIELD_LOINC: Final[dict[str, tuple[str, str]]] = {
    "phq9_item9": ("44260-8", "Thoughts that you would be better off dead, or of hurting yourself in some way"),
}
"""Diary field → LOINC code and display, for the fields that are not outcome scales. A scale's own
code is part of its evidence record (`outcome_scales` in evidence/data/outcome-scales.yaml), where
fatigue, sleep quality and gut symptoms on a bare 0-10 scale have none: the FHIR export codes them
with suppwise's own code system instead of a near miss. Codes checked against their LOINC display
names as used in published FHIR profiles and Synthea records."""

OUTCOME_ALIASES: Final[dict[str, str]] = {
    "depression": "mood",
    "phq2": "mood",
    "phq9": "mood",
    "phq-2": "mood",
    "phq-9": "mood",
    "sleep_quality": "sleep",
    "sleep quality": "sleep",
    "gut": "gi",
    "gut symptoms": "gi",
    "digestion": "gi",
    "tiredness": "fatigue",
    "energy": "fatigue",
}


def parse_outcomes(text: str | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Plan outcome keys from `pain,fatigue,mood` (or a list), in the order given, repeats dropped."""
    parts = text.split(",") if isinstance(text, str) else [p for item in text for p in item.split(",")]
    keys: list[str] = []
    for part in parts:
        word = " ".join(part.strip().lower().replace("_", " ").split())
        if not word:
            continue
        key = word if word in OUTCOME_FIELDS else OUTCOME_ALIASES.get(word, OUTCOME_ALIASES.get(word.replace(" ", "_")))
        if key is None:
            raise OutcomeKeyError(f"unknown outcome {part.strip()!r}", hint=f"choose from: {', '.join(OUTCOME_FIELDS)}")
        if key not in keys:
            keys.append(key)
    if not keys:
        raise OutcomeKeyError("no outcomes given", hint=f"name at least one of: {', '.join(OUTCOME_FIELDS)}")
    return tuple(keys)


def fields_for(outcomes: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The diary fields a plan's outcomes are measured by, in plan order."""
    return tuple(field for outcome in outcomes for field in OUTCOME_FIELDS[outcome])
