"""Builds the trial report from the plan, the diary, the stored alerts and the evidence base.

Pure: the caller (the trial service) reads the database and passes plain values, so the same
report can be built in a test from hand-made data and rendered to HTML, PDF, JSON or FHIR.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import date, datetime

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.citation import citation, references, source_url
from suppwise.evidence.names import mid_sentence
from suppwise.questions.answer import verdict_out, verdict_sentence
from suppwise.questions.answer_model import DISCLAIMER, EvidenceItem
from suppwise.reasoning.grading import STUDY_TYPE_LABELS
from suppwise.reasoning.verdict import judge
from suppwise.safety.cautions import substance_cautions
from suppwise.safety.crisis import crisis_resources_out
from suppwise.safety.dose import format_daily
from suppwise.trials.alert_episodes import alert_episodes
from suppwise.trials.alerts import baseline_mean
from suppwise.trials.diary import DiaryEntry
from suppwise.trials.diary_analysis import adherence, analyse_diary
from suppwise.trials.outcome_keys import FIELD_SCALES, OUTCOME_FIELDS, fields_for
from suppwise.trials.outcomes import OUTCOME_SCALES, Citation, OutcomeScale
from suppwise.trials.plan import Phase, ScheduledDay, TrialPlan, schedule
from suppwise.trials.report_model import (
    AdherenceOut,
    AlertOut,
    AnalysisOut,
    EvidenceSummary,
    ImportantDifferenceOut,
    OutcomeReport,
    PhaseSpan,
    ProtocolOut,
    SeriesPoint,
    SourceOut,
    TitrationOut,
    TrialOut,
    TrialReport,
)

REPORT_DISCLAIMER = (
    DISCLAIMER + " A personal trial describes one person over one period; its verdicts are estimates with the "
    "uncertainty shown, not a diagnosis, and they say nothing certain about anyone else."
)
METHOD = (
    "Each outcome is compared between days planned on the supplement and comparison days (baseline and off "
    "blocks), by the protocol as planned (intention to treat). Washout and titration days are recorded but "
    "not compared. Day-to-day scores are modelled with first-order autocorrelation (AR(1)); missing days are "
    "integrated out, not filled in. The effect's posterior is exact given the model (conjugate normal-"
    "inverse-gamma, autocorrelation on a grid). A verdict needs a 90% posterior probability; otherwise it is "
    "'unclear'."
)


def next_change(days: Sequence[ScheduledDay], today: date) -> ScheduledDay | None:
    """The first day after `today` whose phase or planned dose differs from the day before: what the
    person has to do differently next. A new block of the same phase is not a change for them."""
    for before, day in zip([None, *days], days, strict=False):
        if day.day > today and (before is None or (day.phase, day.planned_g) != (before.phase, before.planned_g)):
            return day
    return None


def phase_spans(days: Sequence[ScheduledDay]) -> list[PhaseSpan]:
    """Runs of consecutive days with the same phase, block and planned amount."""
    spans: list[PhaseSpan] = []
    for day in days:
        last = spans[-1] if spans else None
        if (
            last is not None
            and last.phase == day.phase.value
            and last.block == day.block
            and last.planned_g == day.planned_g
        ):
            spans[-1] = last.model_copy(update={"end": day.day, "days": last.days + 1})
        else:
            spans.append(
                PhaseSpan(
                    phase=day.phase.value,
                    start=day.day,
                    end=day.day,
                    days=1,
                    block=day.block,
                    planned_g=day.planned_g,
                    planned=day.planned_text if day.planned_g else None,
                    analysed=day.analysed,
                )
            )
    return spans


def protocol_out(plan: TrialPlan, days: Sequence[ScheduledDay]) -> ProtocolOut:
    return ProtocolOut(
        design=plan.design.value,
        start_date=plan.start_date,
        end_date=days[-1].day,
        total_days=len(days),
        baseline_days=plan.baseline_days,
        titration=TitrationOut(
            start=plan.titration.start,
            step=plan.titration.step,
            target=plan.titration.target,
            days_per_step=plan.titration.days_per_step,
            steps_g=plan.titration.steps(),
            unit=plan.titration.unit,
            steps=[format_daily(g, iu=plan.titration.in_iu(g)) for g in plan.titration.steps()],
        ),
        block_days=plan.block_days,
        pairs=plan.pairs,
        washout_days=plan.washout_days,
        seed=plan.seed,
        block_order=[p.value for p in plan.block_order()],
        phases=phase_spans(days),
    )


def _source(citation: Citation) -> SourceOut:
    ids = [f"PMID {citation.pmid}" if citation.pmid else "", f"doi:{citation.doi}" if citation.doi else ""]
    tail = "; ".join(i for i in ids if i)
    head = " ".join(p for p in (citation.authors, f"({citation.year})" if citation.year else "") if p)
    text = ". ".join(p for p in (head, citation.title, citation.venue) if p) + "." + (f" {tail}." if tail else "")
    url = (
        f"https://doi.org/{citation.doi}"
        if citation.doi
        else f"https://pubmed.ncbi.nlm.nih.gov/{citation.pmid}/"
        if citation.pmid
        else citation.url
    )
    return SourceOut(citation=text, url=url, checked=citation.checked)


def important_difference_out(scale: OutcomeScale) -> ImportantDifferenceOut:
    difference = scale.important_difference
    return ImportantDifferenceOut(
        points=difference.points,
        relative=difference.relative,
        status=difference.status.value,
        basis=difference.basis,
        sources=[_source(c) for c in difference.sources],
    )


def _shown(value: float | None) -> int | float | None:
    """A score as a reader expects it: `6`, not `6.0` (a trial's own outcomes are stored as numbers)."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _outcome(
    field: str,
    outcome: str,
    scale: OutcomeScale,
    entries: Sequence[DiaryEntry],
    days: Sequence[ScheduledDay],
    analysis: AnalysisOut,
) -> OutcomeReport:
    by_day = {e.day: e for e in entries}
    planned = {d.day: d.phase.value for d in days}
    all_days = sorted(set(planned) | set(by_day))
    series = [
        SeriesPoint(
            day=d,
            value=_shown(by_day[d].score(field)) if d in by_day else None,
            phase=planned.get(d),
        )
        for d in all_days
    ]
    return OutcomeReport(
        field=field,
        outcome=outcome,
        scale=scale.id,
        name=scale.name,
        low=scale.low,
        high=scale.high,
        higher_is_worse=scale.higher_is_worse,
        decimals=scale.decimals,
        custom=field not in FIELD_SCALES,
        loinc=scale.loinc[0] if scale.loinc else None,
        important_difference=important_difference_out(scale),
        baseline_mean=baseline_mean(entries, days, field),
        series=series,
        analysis=analysis,
    )


def plan_scales(plan: TrialPlan) -> dict[str, OutcomeScale]:
    """Every field the plan measures, in plan order, with its scale: the built-in fields on their
    cited scales, then the trial's own outcomes on theirs."""
    scales = {field: OUTCOME_SCALES[FIELD_SCALES[field]] for field in fields_for(plan.outcomes)}
    return scales | {outcome.name: outcome.scale() for outcome in plan.custom_outcomes}


def _evidence(base: EvidenceBase, substance: str, condition: str | None) -> tuple[EvidenceSummary | None, list[str]]:
    """What the published evidence says about the substance for the condition, asked of the
    reasoner directly (the outcome the condition is measured by), and the sources the summary cites:
    the recorded cautions for the condition, and each study behind the verdict, listed in it."""
    if condition is None:
        return None, []
    outcome = base.entities[condition].outcome
    if outcome is None:
        return None, []
    verdict = judge(base, substance, outcome, condition)
    reached = set(base.ancestors(condition))
    cautions = [
        c for c in substance_cautions(base, substance) if c.kind == "contraindication" and c.entity in reached
    ]
    lines = [
        f"{'Avoid' if c.level.value == 'avoid' else 'Take care'}: a caution is recorded for people with "
        f"{c.subject}. {c.why}"
        for c in cautions
    ]
    studies = [
        EvidenceItem(
            source=source_id,
            citation=citation(base.sources[source_id]),
            study_type=base.sources[source_id].study_type.value,
            study_type_label=STUDY_TYPE_LABELS[base.sources[source_id].study_type],
            finding=graded.finding.summary,
            finding_id=graded.finding.id,
            direction=graded.direction.value,
            certainty=graded.grade.certainty.label,
            direct=graded.direct,
            url=source_url(base.sources[source_id]),
        )
        for graded in verdict.evidence
        for source_id in graded.sources
    ]
    name = {e: mid_sentence(base.name(e)) for e in (substance, outcome, condition)}
    question = f"Does {name[substance]} help {name[outcome]} in {name[condition]}?"
    summary = EvidenceSummary(
        question=question,
        summary=" ".join([*lines, verdict_sentence(base, verdict)]),
        verdicts=[verdict_out(verdict)],
        key_points=[],  # the verdict's reasons are its key points; listed once, under the verdict
        studies=studies,
        caution_sources=list(dict.fromkeys(s for c in cautions for s in c.sources)),
    )
    cited = [s for c in cautions for s in c.sources] + [item.source for item in studies]
    return summary, list(dict.fromkeys(cited))


def adherence_out(
    entries: Sequence[DiaryEntry], days: Sequence[ScheduledDay], today: date, *, iu_per_mcg: float | None = None
) -> AdherenceOut:
    counted = adherence(entries, days, today, iu_per_mcg=iu_per_mcg)
    return AdherenceOut(**asdict(counted), diary_fraction=counted.diary_fraction, dose_fraction=counted.dose_fraction)


def alert_out(
    base: EvidenceBase,
    *,
    day: date,
    rule_id: str,
    level: str,
    message: str,
    detail: str | None,
    recorded_at: datetime,
) -> AlertOut:
    """A stored alert as shown, with its rule's rationale and sources from the evidence base (a rule
    since removed from the evidence keeps its stored message, without a rationale)."""
    rule = next((r for r in base.alert_rules if r.id == rule_id), None)
    return AlertOut(
        day=day,
        rule_id=rule_id,
        level=level,
        message=message,
        detail=detail,
        rationale=rule.rationale if rule is not None else None,
        sources=list(rule.sources) if rule is not None else [],
        recorded_at=recorded_at,
    )


def by_day(alerts: Sequence[AlertOut]) -> list[AlertOut]:
    """Alerts in the order every view lists them: by day, then rule."""
    return sorted(alerts, key=lambda a: (a.day, a.rule_id))


def rule_fields(base: EvidenceBase) -> dict[str, str | None]:
    """The score each alert rule watches, for the episodes' peaks."""
    return {rule.id: rule.field for rule in base.alert_rules}


def build_report(
    base: EvidenceBase,
    trial: TrialOut,
    plan: TrialPlan,
    entries: Sequence[DiaryEntry],
    alerts: Sequence[AlertOut],
    *,
    today: date,
    generated_at: datetime,
    trend: bool = False,
) -> TrialReport:
    """The whole report as of `today` (adherence counts only days that have passed)."""
    days = schedule(plan)
    # Only days that have passed, up to a stop: a day still to come, or after the person stopped the
    # trial, is not a missing day.
    last = min(today, trial.stopped_on) if trial.stopped_on is not None else today
    phases: dict[date, Phase] = {d.day: d.phase for d in days if d.day <= last}
    scales = plan_scales(plan)
    analyses = analyse_diary([e for e in entries if e.day <= last], phases, scales, trend=trend)
    outcome_of = {field: outcome for outcome in plan.outcomes for field in OUTCOME_FIELDS[outcome]}
    outcomes = [
        _outcome(
            field,
            outcome_of.get(field, field),
            scale,
            entries,
            days,
            AnalysisOut.model_validate(analyses[field].to_dict()),
        )
        for field, scale in scales.items()
    ]
    alert_out = by_day(alerts)
    evidence, evidence_sources = _evidence(base, plan.substance, plan.condition)
    crisis = any(a.level == "crisis" for a in alerts)
    return TrialReport(
        generated_at=generated_at,
        as_of=today,
        trial=trial,
        protocol=protocol_out(plan, days),
        adherence=adherence_out(entries, days, last, iu_per_mcg=plan.titration.iu_per_mcg),
        outcomes=outcomes,
        alerts=alert_out,
        alert_episodes=alert_episodes(alert_out, entries, rule_fields(base)),
        evidence=evidence,
        references=references(base, [*evidence_sources, *(s for a in alert_out for s in a.sources)]),
        crisis=crisis,
        crisis_resources=crisis_resources_out() if crisis else [],
        method=METHOD,
        disclaimer=REPORT_DISCLAIMER,
    )
