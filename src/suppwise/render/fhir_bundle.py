"""A trial report as a FHIR R4 Bundle, for a clinician's record system.

One `collection` Bundle of Observations: every recorded daily score (LOINC-coded where LOINC has a
code for the instrument as the diary asks it, otherwise coded in suppwise's own system rather than
with a near miss), one summary Observation per outcome carrying the posterior and the verdict and
pointing at the days it was computed from, and one Observation per safety alert. There is no
Patient: the report is not tied to an identity, and the receiving system attaches it to the right
record. Every id is derived from the trial id (UUID v5), so exporting twice gives the same Bundle.
"""

from __future__ import annotations

import uuid
from typing import Any, Final

from suppwise.trials.outcome_keys import FIELD_LOINC
from suppwise.trials.report_model import AlertOut, OutcomeReport, TrialReport

LOINC: Final = "http://loinc.org"
CATEGORY: Final = "http://terminology.hl7.org/CodeSystem/observation-category"
DIARY_SYSTEM: Final = "urn:suppwise:diary-field"
RESULT_SYSTEM: Final = "urn:suppwise:trial-result"
ALERT_SYSTEM: Final = "urn:suppwise:alert-rule"
_NAMESPACE: Final = uuid.UUID("6f0b6c1e-8a55-5d8e-9b7e-2f4d0c1a9e31")  # fixed, so ids are stable


def _urn(trial_id: str, key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{trial_id}/{key}')}"


def _category(code: str, display: str) -> list[dict[str, Any]]:
    return [{"coding": [{"system": CATEGORY, "code": code, "display": display}]}]


def _code(outcome: OutcomeReport) -> dict[str, Any]:
    loinc = FIELD_LOINC.get(outcome.field)
    coding = (
        {"system": LOINC, "code": loinc[0], "display": loinc[1]}
        if loinc
        else {"system": DIARY_SYSTEM, "code": outcome.field, "display": outcome.name}
    )
    return {"coding": [coding], "text": outcome.name}


def _quantity(value: float, unit: str, code: str) -> dict[str, Any]:
    return {"value": round(value, 4), "unit": unit, "system": "http://unitsofmeasure.org", "code": code}


def _component(text: str, value: float | None, unit: str, code: str) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"code": {"text": text}, "valueQuantity": _quantity(value, unit, code)}


def _daily(report: TrialReport, outcome: OutcomeReport) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for point in outcome.series:
        if point.value is None:
            continue
        url = _urn(report.trial.id, f"{outcome.field}/{point.day.isoformat()}")
        resource: dict[str, Any] = {
            "resourceType": "Observation",
            "status": "final",
            "category": _category("survey", "Survey"),
            "code": _code(outcome),
            "effectiveDateTime": point.day.isoformat(),
            "valueInteger": point.value,
        }
        if point.phase:
            resource["note"] = [{"text": f"Personal trial {report.trial.id}, protocol phase: {point.phase}"}]
        out.append((url, resource))
    return out


def _summary(report: TrialReport, outcome: OutcomeReport, days: list[str]) -> tuple[str, dict[str, Any]]:
    a = outcome.analysis
    components = [
        c
        for c in (
            _component("Effect of the supplement, posterior mean (score points)", a.mean, "score points", "{score}"),
            _component("95% credible interval, lower bound", a.ci_low, "score points", "{score}"),
            _component("95% credible interval, upper bound", a.ci_high, "score points", "{score}"),
            _component(f"Probability worse by at least {a.delta:g} points", a.p_worse, "probability", "1"),
            _component(f"Probability better by at least {a.delta:g} points", a.p_better, "probability", "1"),
            _component(f"Probability within {a.delta:g} points either way", a.p_within, "probability", "1"),
        )
        if c is not None
    ]
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": _category("survey", "Survey"),
        "code": {
            "coding": [{"system": RESULT_SYSTEM, "code": f"effect-{outcome.field}", "display": outcome.name}],
            "text": f"Personal trial effect estimate: {outcome.name}",
        },
        "effectivePeriod": {"start": report.protocol.start_date.isoformat(), "end": report.as_of.isoformat()},
        "valueString": a.verdict_text,
        "note": [{"text": a.explanation}, {"text": report.method}],
    }
    if components:
        resource["component"] = components
    if days:
        resource["derivedFrom"] = [{"reference": url} for url in days]
    return _urn(report.trial.id, f"{outcome.field}/summary"), resource


def _alert(report: TrialReport, alert: AlertOut) -> tuple[str, dict[str, Any]]:
    detail = f" ({alert.detail})" if alert.detail else ""
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": _category("survey", "Survey"),
        "code": {
            "coding": [{"system": ALERT_SYSTEM, "code": alert.rule_id}],
            "text": f"Trial safety alert: {alert.rule_id}",
        },
        "effectiveDateTime": alert.day.isoformat(),
        "valueString": alert.message + detail,
        "interpretation": [{"text": alert.level}],
    }
    if alert.rationale:
        resource["note"] = [{"text": alert.rationale}]
    return _urn(report.trial.id, f"alert/{alert.day.isoformat()}/{alert.rule_id}"), resource


def report_fhir_bundle(report: TrialReport) -> dict[str, Any]:
    entries: list[tuple[str, dict[str, Any]]] = []
    for outcome in report.outcomes:
        daily = _daily(report, outcome)
        entries.extend(daily)
        entries.append(_summary(report, outcome, [url for url, _ in daily]))
    entries.extend(_alert(report, alert) for alert in report.alerts)
    return {
        "resourceType": "Bundle",
        "id": str(uuid.uuid5(_NAMESPACE, f"{report.trial.id}/bundle")),
        "identifier": {"system": "urn:suppwise:trial", "value": report.trial.id},
        "type": "collection",
        "timestamp": report.generated_at.isoformat(),
        "entry": [{"fullUrl": url, "resource": resource} for url, resource in entries],
    }
