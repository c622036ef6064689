"""The words pages use for the result codes of answers and screens. Colour on a page always comes
with one of these words (and an icon), never alone."""

from __future__ import annotations

from typing import Final

from suppwise.safety.profile import LIST_FIELDS

LEVEL_WORDS: Final[dict[str, str]] = {
    "avoid": "Avoid",
    "caution": "Use with caution",
    "no_known_issue": "No known issue",
    "info": "Good to know",
}
DOSE_WORDS: Final[dict[str, str]] = {
    "within_observed_safe_level": "Within the observed safe level",
    "above_observed_safe_level": "Above the observed safe level",
    "above_studied_doses": "Above the doses studied",
    "within_studied_doses": "Within the doses studied",
    "below_studied_doses": "Below the doses studied",
    "needs_weight": "Needs your weight to compare",
    "not_comparable": "Cannot be compared",
    "no_dose_data": "No dose data on record",
}
FIELD_LABELS: Final[dict[str, str]] = {
    "substance": "supplement",
    "conditions": "conditions",
    "medications": "medicines",
    "supplements": "other supplements",
    "sensitivities": "sensitivities",
    "dose": "dose",
    "age": "age",
    "weight_kg": "weight",
    "pregnant": "pregnancy",
    "breastfeeding": "breastfeeding",
}
# Answers with these codes found nothing to answer about: their pages are 404s (unless in crisis).
NOT_FOUND_CODES: Final = frozenset({"SUBSTANCE_NOT_FOUND", "CONDITION_NOT_FOUND", "NOT_UNDERSTOOD"})


def form_field(error_field: str | None) -> str | None:
    """The form input a located error belongs to: `medications.2` is the medicines box."""
    if not error_field:
        return None
    name = error_field.split(".")[0]
    return name if name in FIELD_LABELS or name in LIST_FIELDS else None
