"""Alerts as the rules return them (`FiredAlert`), for storage tests that need one without a diary."""

from __future__ import annotations

from datetime import date

from suppwise.trials.trial_model import FiredAlert


def fired(day: date, rule_id: str, level: str, message: str, detail: str = "") -> FiredAlert:
    """An alert of `rule_id` on `day`, with no rationale or sources (the storage keeps neither)."""
    return FiredAlert(day=day, rule_id=rule_id, level=level, message=message, detail=detail, rationale="", sources=[])
