"""The Screen: one typed result of checking a person's profile against what is known about one
substance. Its JSON form is a stable contract documented in docs/screen-json.md; `SCHEMA_VERSION`
changes when a field changes meaning or disappears (new optional fields do not bump it).
"""

from __future__ import annotations

from suppwise.contract import Model
from suppwise.evidence.citation import Reference
from suppwise.safety.crisis import CrisisResourceOut
from suppwise.safety.profile import Profile

SCHEMA_VERSION = 1

SCREEN_DISCLAIMER = (
    "This screen compares what you told suppwise with the evidence it holds. It cannot know everything "
    "about you, and 'no known issue' is not proof of safety. It is not medical advice and does not "
    "prescribe: check with your doctor or pharmacist before starting, stopping or changing any supplement "
    "or medicine."
)


def grade_words(severity: str | None, evidence_level: str | None) -> str | None:
    """An interaction's grade in a few words ("major, evidence B"), or None for anything else: a
    pharmacist weighs the severity and how well it is documented, not only avoid/caution."""
    if severity is None:
        return None
    return f"{severity}, evidence {evidence_level}" if evidence_level else severity


class ScreenReason(Model):
    """Why the screen raised its level. `kind`: contraindication, interaction, population,
    sensitivity, dose or unrecognised. `severity` (contraindicated, major, moderate, minor) and
    `evidence_level` (A-D) are set for interactions only."""

    kind: str
    entity: str | None
    entity_name: str
    level: str
    why: str
    mechanism: str | None = None
    sources: list[str]
    matched_term: str | None = None
    close_match: bool = False
    severity: str | None = None
    evidence_level: str | None = None
    # A contraindication reached through a medicine the person takes, not a condition they listed
    # (Keppra → seizure disorder): that medicine's id; the reason is then worded conditionally.
    implied_by: str | None = None
    # An interaction reached through a class of medicines the person listed, about one of its members
    # ("SSRIs" and fluvoxamine's record): that class's id; the reason then holds only if their medicine
    # is that member, and is worded so.
    through: str | None = None

    @property
    def grade(self) -> str | None:
        return grade_words(self.severity, self.evidence_level)


class RecognisedTerm(Model):
    field: str
    term: str
    entity: str
    name: str
    kind: str
    close_match: bool
    note: str | None = None


class UnknownTerm(Model):
    field: str
    term: str
    message: str
    suggestions: list[str]


class GeneralCaution(Model):
    """A recorded caution that does not match anything in the profile: still worth reading."""

    kind: str
    entity: str
    entity_name: str
    level: str
    why: str
    sources: list[str]
    severity: str | None = None
    evidence_level: str | None = None

    @property
    def grade(self) -> str | None:
        return grade_words(self.severity, self.evidence_level)


class DailyAmount(Model):
    low: float
    high: float
    unit: str


class StudiedDoseOut(Model):
    setting: str
    regimen: str
    daily: DailyAmount | None
    weeks: float | None
    route: str
    relation: str
    sources: list[str]


class DoseCheck(Model):
    """The intended dose against the observed safe level and the doses studied.

    `status`: within_observed_safe_level, above_observed_safe_level, above_studied_doses,
    within_studied_doses, below_studied_doses, needs_weight, not_comparable or no_dose_data."""

    intended: str
    understood: str
    daily: DailyAmount | None
    status: str
    level: str
    why: str
    observed_safe_level: DailyAmount | None
    ratio_to_safe_level: float | None
    studied_range: DailyAmount | None
    longest_study_weeks_at_or_above: float | None
    studied: list[StudiedDoseOut]
    notes: list[str]
    sources: list[str]


class Screen(Model):
    schema_version: int = SCHEMA_VERSION
    substance: str
    substance_name: str
    level: str
    summary: str
    profile: Profile
    reasons: list[ScreenReason]
    dose_check: DoseCheck | None
    recognised: list[RecognisedTerm]
    unknown: list[UnknownTerm]
    general_cautions: list[GeneralCaution]
    safety_records: int
    references: list[Reference]
    crisis: bool
    crisis_message: str | None
    crisis_resources: list[CrisisResourceOut]
    disclaimer: str = SCREEN_DISCLAIMER
