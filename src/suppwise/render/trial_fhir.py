"""TrialReport → a FHIR R4 Bundle, so a clinician's record system can take the diary in as data.

Each recorded daily score is an Observation (LOINC-coded where LOINC has the instrument as the
diary asks it, otherwise coded in suppwise's own system rather than with a near miss; a trial's
own outcomes, which a person defines, in a system of their own, the outcome's range and direction
in its text), a whole-number score as `valueInteger` and a fraction as `valueQuantity`; each
analysed outcome is an Observation whose `derivedFrom` points at those days, and each safety alert
is an Observation too. There is no Patient: the report is not tied to an identity, so `subject` is
left out rather than invented. Identifiers are UUID5s of the trial id and a resource key, so
exporting the same report twice gives the same bundle. Plain dicts: fhir.resources is only used by
the tests to validate the shape.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any, Final

from suppwise.trials.outcomes import OUTCOME_SCALES
from suppwise.trials.report_model import AlertOut, OutcomeReport, TrialReport

LOINC: Final = "http://loinc.org"
OBSERVATION_CATEGORY: Final = "http://terminology.hl7.org/CodeSystem/observation-category"
TRIAL_SYSTEM: Final = "urn:suppwise:trial"
DIARY_FIELD_SYSTEM: Final = "urn:suppwise:diary-field"
CUSTOM_OUTCOME_SYSTEM: Final = "urn:suppwise:trial-own-outcome"
"""A trial's own outcomes: the code is the outcome's name, meaningful only with the trial's plan."""
TRIAL_RESULT_SYSTEM: Final = "urn:suppwise:trial-result"
TRIAL_PHASE_SYSTEM: Final = "urn:suppwise:trial-phase"
TRIAL_ALERT_SYSTEM: Final = "urn:suppwise:trial-alert"
UCUM: Final = "http://unitsofmeasure.org"
POINTS: Final = "score points"
FINISHED_STATUSES: Final = frozenset({"stopped", "finished"})

Json = dict[str, Any]


def _instant(moment: datetime) -> str:
    """A FHIR instant: seconds and a zone are required, so a naive time is taken as UTC."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.isoformat(timespec="seconds")


def _day(day: date) -> str:
    return day.isoformat()


class _Ids:
    """Deterministic urn:uuid fullUrls, one namespace per trial."""

    def __init__(self, trial_id: str) -> None:
        self.namespace = uuid.uuid5(uuid.NAMESPACE_URL, f"{TRIAL_SYSTEM}:{trial_id}")

    def uuid(self, key: str) -> str:
        return str(uuid.uuid5(self.namespace, key))

    def url(self, key: str) -> str:
        return f"urn:uuid:{self.uuid(key)}"


def _concept(system: str, code: str, text: str, display: str | None = None) -> Json:
    coding: Json = {"system": system, "code": code}
    if display:
        coding["display"] = display
    return {"coding": [coding], "text": text}


def _outcome_code(outcome: OutcomeReport) -> Json:
    if outcome.loinc:
        scale = OUTCOME_SCALES.get(outcome.scale)
        display = scale.loinc[1] if scale is not None and scale.loinc is not None else None
        return _concept(LOINC, outcome.loinc, outcome.name, display)
    return _concept(CUSTOM_OUTCOME_SYSTEM if outcome.custom else DIARY_FIELD_SYSTEM, outcome.field, outcome.name)


def _daily(ids: _Ids, outcome: OutcomeReport) -> list[tuple[str, Json]]:
    """One Observation per recorded score, with the protocol phase of its day as a component."""
    survey = _concept(OBSERVATION_CATEGORY, "survey", "Survey", "Survey")
    entries = []
    for point in outcome.series:
        if point.value is None:
            continue
        resource: Json = {
            "resourceType": "Observation",
            "status": "final",
            "category": [survey],
            "code": _outcome_code(outcome),
            "effectiveDateTime": _day(point.day),
        }
        if isinstance(point.value, int):
            resource["valueInteger"] = point.value
        else:
            resource["valueQuantity"] = {"value": point.value, "unit": POINTS}
        if point.phase is not None:
            resource["component"] = [
                {
                    "code": _concept(TRIAL_PHASE_SYSTEM, "phase", "Protocol phase of the day"),
                    "valueString": point.phase,
                }
            ]
        entries.append((ids.url(f"daily/{outcome.field}/{_day(point.day)}"), resource))
    return entries


def _quantity(value: float, unit: str) -> Json:
    if unit == "1":
        return {"value": round(value, 4), "unit": "1", "system": UCUM, "code": "1"}
    return {"value": round(value, 3), "unit": unit}


def _result(ids: _Ids, report: TrialReport, outcome: OutcomeReport, daily_urls: list[str]) -> tuple[str, Json]:
    """The posterior summary of one outcome, derived from its daily Observations."""
    a = outcome.analysis
    numbers: list[tuple[str, str, float | None, str]] = [
        ("effect-mean", "Effect on supplement days, posterior mean", a.mean, POINTS),
        ("effect-sd", "Effect on supplement days, posterior sd", a.sd, POINTS),
        ("effect-ci-low", f"Effect, {a.interval_probability:.0%} {a.interval_kind}, lower bound", a.ci_low, POINTS),
        ("effect-ci-high", f"Effect, {a.interval_probability:.0%} {a.interval_kind}, upper bound", a.ci_high, POINTS),
        ("important-difference", "Important difference (delta)", a.delta, POINTS),
        ("p-worse", "Probability of worsening by at least delta", a.p_worse, "1"),
        ("p-better", "Probability of improving by at least delta", a.p_better, "1"),
        ("p-within", "Probability of a change smaller than delta either way", a.p_within, "1"),
        ("p-any-worse", "Probability of any worsening", a.p_any_worse, "1"),
        ("p-any-better", "Probability of any improvement", a.p_any_better, "1"),
    ]
    components: list[Json] = [
        {"code": _concept(TRIAL_RESULT_SYSTEM, code, text), "valueQuantity": _quantity(value, unit)}
        for code, text, value, unit in numbers
        if value is not None
    ]
    components.append(
        {"code": _concept(TRIAL_RESULT_SYSTEM, "verdict", "Verdict code"), "valueString": a.verdict},
    )
    resource: Json = {
        "resourceType": "Observation",
        "status": "final" if report.trial.status in FINISHED_STATUSES else "preliminary",
        "code": _concept(
            TRIAL_RESULT_SYSTEM, f"effect-{outcome.field}", f"Personal trial effect estimate: {outcome.name}"
        ),
        "effectivePeriod": {
            "start": _day(report.protocol.start_date),
            "end": _day(max(report.protocol.start_date, min(report.as_of, report.protocol.end_date))),
        },
        "issued": _instant(report.generated_at),
        "valueString": a.verdict_text,
        "note": [{"text": a.explanation}, {"text": f"{report.method} Model: {a.method}."}],
        "component": components,
    }
    if daily_urls:
        resource["derivedFrom"] = [{"reference": url} for url in daily_urls]
    return ids.url(f"result/{outcome.field}"), resource


def _alert(ids: _Ids, index: int, alert: AlertOut) -> tuple[str, Json]:
    value = alert.message + (f" ({alert.detail})" if alert.detail else "")
    resource: Json = {
        "resourceType": "Observation",
        "status": "final",
        "code": _concept(TRIAL_ALERT_SYSTEM, alert.rule_id, f"Trial safety alert: {alert.rule_id}"),
        "effectiveDateTime": _day(alert.day),
        "issued": _instant(alert.recorded_at),
        "valueString": value,
        "interpretation": [{"text": alert.level}],
    }
    if alert.rationale:
        resource["note"] = [{"text": alert.rationale}]
    return ids.url(f"alert/{index}/{alert.rule_id}/{_day(alert.day)}"), resource


def report_fhir_bundle(report: TrialReport) -> dict[str, object]:
    """The report as a FHIR R4 `collection` Bundle of Observations (JSON-ready dicts)."""
    ids = _Ids(report.trial.id)
    entries: list[tuple[str, Json]] = []
    for outcome in report.outcomes:
        daily = _daily(ids, outcome)
        entries += daily
        entries.append(_result(ids, report, outcome, [url for url, _ in daily]))
    entries += [_alert(ids, i, alert) for i, alert in enumerate(report.alerts)]
    return {
        "resourceType": "Bundle",
        "id": ids.uuid("bundle"),
        "identifier": {"system": TRIAL_SYSTEM, "value": report.trial.id},
        "type": "collection",
        "timestamp": _instant(report.generated_at),
        "entry": [{"fullUrl": url, "resource": resource} for url, resource in entries],
    }
