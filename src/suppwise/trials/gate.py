"""Whether a planned trial may start: the person's profile is screened with the plan's highest dose.

`avoid` stops the trial from starting, whatever the person says: the product never helps someone
test a supplement their own record warns against. `caution` lets it start only with an explicit
acknowledgement, stored verbatim with the trial, that the person has read the reasons and agreed
the plan with a clinician.
"""

from __future__ import annotations

from suppwise.errors import TrialBlockedError
from suppwise.evidence.base import EvidenceBase
from suppwise.safety.profile import Profile
from suppwise.safety.screen import resolve_profile, screen
from suppwise.safety.screen_model import Screen
from suppwise.trials.plan import TrialPlan

MIN_ACKNOWLEDGEMENT_CHARS = 10


def screen_plan(base: EvidenceBase, profile: Profile, plan: TrialPlan) -> Screen:
    """The person's screen with the plan's target (its highest) dose as the intended dose."""
    planned = profile.model_copy(update={"dose": plan.titration.target})
    return screen(base, resolve_profile(base, planned), plan.substance)


def check_can_start(result: Screen, acknowledgement: str | None) -> str | None:
    """The acknowledgement to store (None when none is needed); TrialBlockedError otherwise."""
    reasons = "; ".join(f"{r.entity_name} ({r.level})" for r in result.reasons)
    if result.level == "avoid":
        raise TrialBlockedError(
            f"this trial cannot start: the safety screen says avoid {result.substance_name} for you ({reasons})",
            hint=f"see `suppwise check {result.substance}` with your profile, and talk to your doctor",
            screen=result,
        )
    if result.level == "caution":
        text = (acknowledgement or "").strip()
        if len(text) < MIN_ACKNOWLEDGEMENT_CHARS:
            raise TrialBlockedError(
                f"the safety screen says caution ({reasons}); starting needs your acknowledgement",
                hint='pass --acknowledge "I have read the cautions and agreed this plan with my clinician"',
                screen=result,
            )
        return text
    return None
