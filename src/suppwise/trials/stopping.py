"""When a personal trial may be stopped early: a domain rule, checked by the trial service inside
the write that records the stop (so two stops sent at once cannot both pass).

A trial stops once, on its first day or later: stopping it again is refused naming the day it
stopped, and a day before it started is a slip. The person's reason is kept verbatim, up to
`STOP_REASON_MAX_CHARS` characters.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from suppwise.errors import TrialStopRefusedError

STOP_REASON_MAX_CHARS: Final = 2000


def check_can_stop(
    *, trial_id: str, start_date: date, stopped_on: date | None, on: date, reason: str | None
) -> None:
    """Nothing when trial `trial_id` (started `start_date`, stopped on `stopped_on` or not yet) may
    be stopped on `on` for `reason`; `TrialStopRefusedError` saying why otherwise."""
    if stopped_on is not None:
        raise TrialStopRefusedError(
            f"trial {trial_id} was already stopped on {stopped_on.isoformat()}",
            hint="a stopped trial stays stopped; plan a new trial to start again",
        )
    if on < start_date:
        raise TrialStopRefusedError(
            f"{on.isoformat()} is before trial {trial_id} started ({start_date.isoformat()})",
            hint="give the day you stopped taking it, on or after the start",
        )
    if reason is not None and len(reason) > STOP_REASON_MAX_CHARS:
        raise TrialStopRefusedError(
            f"the reason is {len(reason)} characters long; at most {STOP_REASON_MAX_CHARS} fit",
            hint="shorten the reason",
        )
