"""Questions about swapping or stopping a prescribed medicine for a supplement. suppwise never
advises that; it says so first, because stopping some medicines abruptly (antidepressants,
anti-seizure drugs) is itself dangerous."""

from __future__ import annotations

import re

_MEDICINE = (
    r"(medication|medications|meds|medicine|medicines|prescription|antidepressants?|ssris?|pills|drugs?|tablets)"
)
_CHANGE = r"(replace|replacing|instead of|stop|stopping|quit|quitting|come off|coming off|swap|switch|get off|wean)"
_PATTERN = re.compile(rf"\b{_CHANGE}\b.*\b{_MEDICINE}\b|\b{_MEDICINE}\b.*\b{_CHANGE}\b")

MEDICATION_CHANGE_WARNING = (
    "Do not stop, reduce or replace a prescribed medicine with a supplement on your own: stopping some "
    "medicines suddenly (antidepressants and anti-seizure medicines among them) can cause withdrawal or a "
    "relapse. Any change should be planned with the prescriber."
)


def asks_about_changing_medication(normalised: str) -> bool:
    """True when a (normalised) question is about stopping or swapping a prescribed medicine."""
    return bool(_PATTERN.search(normalised))
