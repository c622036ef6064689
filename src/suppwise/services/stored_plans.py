"""A trial's stored plan, validated once per process rather than on every diary write.

Every diary write reads its trial and needs the plan as a `TrialPlan`; validating the stored JSON
(the titration's steps, the schedule's coherence) cost about 0.13 ms of CPU per write, a twentieth
of a write's whole cost in the web app. A plan is written once, when its trial is created, and never
updated, so the validated plan is kept, looked up by the trial's id and creation time. A hit is
used only if the stored document still equals the one validated (a C-level comparison of two small
dicts), so a trial id reused after a deletion, or a record built by hand, is never given another
plan. The plans are frozen models, safe to share between threads.
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from datetime import datetime
from typing import Any, Final

from suppwise.storage import TrialRecord
from suppwise.trials.plan import TrialPlan

PLANS_KEPT: Final = 1024
"""Validated plans kept (least recently used dropped first): a few kilobytes each."""

_plans: OrderedDict[tuple[str, datetime], tuple[dict[str, Any], TrialPlan]] = OrderedDict()
_lock = threading.Lock()


def validated_plan(trial: TrialRecord) -> TrialPlan:
    """`TrialPlan.model_validate(trial.plan)`, validated once per stored plan (see the module
    docstring). Raises pydantic's `ValidationError` for a plan that is not valid, every time."""
    key = (trial.id, trial.created_at)
    with _lock:
        kept = _plans.get(key)
        if kept is not None and kept[0] == trial.plan:
            _plans.move_to_end(key)
            return kept[1]
    plan = TrialPlan.model_validate(trial.plan)
    document = copy.deepcopy(trial.plan)  # what was validated, safe from later changes to the record's dict
    with _lock:
        _plans[key] = (document, plan)
        _plans.move_to_end(key)
        while len(_plans) > PLANS_KEPT:
            _plans.popitem(last=False)
    return plan


def forget_plans() -> None:
    """Drop every kept plan (for tests that count validations)."""
    with _lock:
        _plans.clear()
