"""The Answer: one typed result that every renderer (text, markdown, HTML, JSON) works from.

Its JSON form is a stable contract documented in docs/answer-json.md; `SCHEMA_VERSION` changes
when a field changes meaning or disappears (new optional fields do not bump it).
"""

from __future__ import annotations

from suppwise.contract import Model
from suppwise.evidence.citation import Reference as Reference  # re-exported: part of the Answer contract
from suppwise.reasoning.condition_overview import ConditionOverview
from suppwise.safety.crisis import CrisisResourceOut as CrisisResourceOut
from suppwise.safety.screen_model import Screen

SCHEMA_VERSION = 1

DISCLAIMER = (
    "suppwise summarises published evidence for information only. It is not medical advice, does not "
    "prescribe, and cannot know your full situation. Talk to your doctor or pharmacist before starting, "
    "stopping or changing any supplement or medicine."
)


class VerdictOut(Model):
    substance: str
    outcome: str
    condition: str | None
    asked: str
    direction: str
    certainty: str | None
    answer: str
    code: str
    reasons: list[str]
    # what the question asked about that the base does not hold ("cramps" in "magnesium for fibro cramps"),
    # when this verdict is on the measure standing in for it: it is then no yes or no to the question
    stands_in_for: str | None = None


class MechanismStep(Model):
    subject: str
    subject_name: str
    sign: str
    object: str
    object_name: str
    findings: list[str]
    sources: list[str]


class MechanismOut(Model):
    outcome: str
    nodes: list[str]
    text: str
    sign: str
    effect: str
    certainty: str
    steps: list[MechanismStep]


class EvidenceItem(Model):
    source: str
    citation: str
    study_type: str
    study_type_label: str
    finding: str
    finding_id: str
    direction: str | None = None
    certainty: str | None = None
    direct: bool | None = None
    url: str | None = None


class Caution(Model):
    entity: str
    kind: str
    substance: str | None = None  # the supplement it is about (a question may name several)
    level: str
    reason: str
    sources: list[str]
    matches_question: bool = False
    # The medicine class the question named when this caution is about one of its members ("blood
    # thinners" and warfarin's record): it applies if the person's medicine is that member.
    through: str | None = None
    matches_profile: bool = False
    # The medicine the question named whose use implies the condition ("my Keppra" → seizures):
    # the condition itself was not named, so the answer words the caution conditionally.
    implied_by: str | None = None


class Section(Model):
    """A titled list for the parts of an answer that are lists of facts (dosing, foods, ...)."""

    key: str
    title: str
    items: list[str]
    sources: list[str] = []


class ComparisonRow(Model):
    substance: str
    name: str
    mechanism: str
    target: str
    research_strength: str
    risks: str
    sources: list[str]


class ComparisonOut(Model):
    id: str
    goal: str
    rows: list[ComparisonRow]


class Answer(Model):
    schema_version: int = SCHEMA_VERSION
    question: str
    intent: str
    code: str
    entities: dict[str, list[str]]
    verdict: VerdictOut | None
    verdicts: list[VerdictOut]
    summary: str
    key_points: list[str]
    mechanisms: list[MechanismOut]
    evidence: list[EvidenceItem]
    cautions: list[Caution]
    sections: list[Section]
    comparisons: list[ComparisonOut]
    references: list[Reference]
    suggestions: dict[str, list[str]]
    names: dict[str, str]
    crisis: bool
    crisis_message: str | None
    crisis_resources: list[CrisisResourceOut]
    crisis_tier: str | None = None
    screens: list[Screen] = []
    safety_level: str | None = None
    populations: list[str] = []
    # each misspelt cue word of the question and the English word it was read as (questions/spelling.py)
    read_as: dict[str, str] = {}
    overview: ConditionOverview | None = None  # the condition-first table (code CONDITION_OVERVIEW)
    support: str | None = None
    disclaimer: str = DISCLAIMER
