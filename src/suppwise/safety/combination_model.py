"""The CombinationCheck: one typed result of screening several supplements at once against one
person. It holds every interacting pair once, most severe first, and each supplement's own Screen.
Its JSON form is a stable contract documented in docs/screen-json.md ("Several supplements at
once"); it shares `SCHEMA_VERSION` with the Screen.
"""

from __future__ import annotations

from suppwise.contract import Model
from suppwise.evidence.citation import Reference
from suppwise.safety.crisis import CrisisResourceOut
from suppwise.safety.profile import Profile
from suppwise.safety.screen_model import SCHEMA_VERSION, SCREEN_DISCLAIMER, Screen, UnknownTerm


class InteractingPair(Model):
    """Two things the person would take together and the interaction recorded between them.

    `first` is always a supplement being screened; `second` is another of those supplements or one
    of the person's medicines. `recorded_with` is what the record names (a class such as
    antidepressants, or the medicine itself); `matched_terms` are the person's own words that
    reached it ("Zoloft"). When records on both sides, or for both a medicine and its class, name
    the same pair, the most severe one speaks for the pair and the others add their sources."""

    first: str
    first_name: str
    second: str
    second_name: str
    second_kind: str
    recorded_with: str
    recorded_with_name: str
    severity: str
    evidence_level: str
    level: str
    mechanism_kinds: list[str]
    actions: list[str]
    separate_hours: float | None
    action: str | None
    mechanism: str
    management: str
    matched_terms: list[str]
    close_match: bool
    records: list[str]
    sources: list[str]


class CombinationCheck(Model):
    schema_version: int = SCHEMA_VERSION
    substance: str
    substances: list[str]
    substance_names: list[str]
    level: str
    summary: str
    profile: Profile
    pairs: list[InteractingPair]
    screens: list[Screen]
    unknown: list[UnknownTerm]
    references: list[Reference]
    crisis: bool
    crisis_message: str | None
    crisis_resources: list[CrisisResourceOut]
    disclaimer: str = SCREEN_DISCLAIMER
