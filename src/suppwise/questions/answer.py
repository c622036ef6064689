"""Assembling an Answer from a Query: the verdicts, the evidence behind them and the facts the
question asks for, every statement carrying the sources it rests on. Never free text: each line
is built from a record of the evidence base.
"""

from __future__ import annotations

from collections.abc import Iterable

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import CautionLevel, Comparison, EntityKind, Source
from suppwise.questions.answer_model import (
    Answer,
    Caution,
    ComparisonOut,
    ComparisonRow,
    CrisisResourceOut,
    EvidenceItem,
    MechanismOut,
    MechanismStep,
    Reference,
    Section,
    VerdictOut,
)
from suppwise.questions.parse import Intent, Query
from suppwise.reasoning.grading import STUDY_TYPE_LABELS
from suppwise.reasoning.paths import MechanismPath
from suppwise.reasoning.verdict import Direction, Reply, Verdict, judge, orient
from suppwise.safety.crisis import CRISIS_MESSAGE, CRISIS_RESOURCES

_CONTEXT_CUES = ("in", "with", "have", "has", "for", "among")
MAX_ROLES = 6


def citation(source: Source) -> str:
    """A compact reference: authors (year). Title. Venue. Identifiers."""
    year = f" ({source.year})" if source.year else ""
    ids = []
    if source.pmid:
        ids.append(f"PMID {source.pmid}")
    if source.doi:
        ids.append(f"doi:{source.doi}")
    tail = f" {'; '.join(ids)}." if ids else ""
    return f"{source.authors}{year}. {source.title.rstrip('.')}. {source.venue}.{tail}"


def source_url(source: Source) -> str | None:
    if source.doi:
        return f"https://doi.org/{source.doi}"
    if source.pmid:
        return f"https://pubmed.ncbi.nlm.nih.gov/{source.pmid}/"
    return source.url


class _Builder:
    def __init__(self, base: EvidenceBase, query: Query) -> None:
        self.base = base
        self.query = query
        self.cited: list[str] = []
        self.key_points: list[str] = []
        self.sections: list[Section] = []
        self.evidence: list[EvidenceItem] = []
        self.mechanisms: list[MechanismOut] = []
        self.comparisons: list[ComparisonOut] = []
        self.verdicts: list[Verdict] = []

    # -- helpers -----------------------------------------------------------------------------
    def cite(self, sources: Iterable[str]) -> list[str]:
        out = []
        for source_id in sources:
            if source_id in self.base.sources:
                out.append(source_id)
                if source_id not in self.cited:
                    self.cited.append(source_id)
        return out

    def name(self, entity_id: str | None) -> str:
        return self.base.name(entity_id) if entity_id else ""

    def section(self, key: str, title: str, items: list[str], sources: Iterable[str] = ()) -> None:
        if items:
            cited = self.cite(dict.fromkeys(sources))
            self.sections.append(Section(key=key, title=title, items=items, sources=cited))

    # -- what the question is about ----------------------------------------------------------
    def context_and_outcomes(self) -> tuple[str | None, list[str]]:
        """The condition the question is set in, and the outcomes it asks about."""
        base, query = self.base, self.query
        words = query.normalised.split()
        conditions = list(query.conditions)
        context = None
        for mention in query.mentions:
            if mention.entity_id in conditions and any(
                w in _CONTEXT_CUES for w in words[max(0, mention.start - 2) : mention.start]
            ):
                context = mention.entity_id
        outcomes = list(query.outcomes)
        for condition in conditions:
            if condition == context:
                continue
            mapped = base.entities[condition].outcome
            if context is None and not outcomes and len(conditions) == 1:
                context = condition
                continue
            if mapped and mapped not in outcomes:
                outcomes.append(mapped)
            elif context is None:
                context = condition
        if not outcomes and context is not None and base.entities[context].outcome:
            outcomes.append(base.entities[context].outcome or "")
        return context, [o for o in outcomes if o]

    # -- sections ----------------------------------------------------------------------------
    def add_verdict(self, substance: str, outcome: str, context: str | None, asked: Direction) -> Verdict:
        verdict = judge(self.base, substance, outcome, context, asked)
        self.verdicts.append(verdict)
        for graded in verdict.evidence:
            for source_id in graded.sources:
                source = self.base.sources[source_id]
                self.evidence.append(
                    EvidenceItem(
                        source=source_id,
                        citation=citation(source),
                        study_type=source.study_type.value,
                        study_type_label=STUDY_TYPE_LABELS[source.study_type],
                        finding=graded.finding.summary,
                        finding_id=graded.finding.id,
                        direction=graded.direction.value,
                        certainty=graded.grade.certainty.label,
                        direct=graded.direct,
                        url=source_url(source),
                    )
                )
                self.cite([source_id])
        for path in verdict.paths:
            self.mechanisms.append(self.mechanism(path, outcome))
        return verdict

    def mechanism(self, path: MechanismPath, outcome: str) -> MechanismOut:
        steps = []
        text = self.name(path.nodes[0])
        for link in path.links:
            sources: list[str] = []
            for finding_id in link.findings:
                sources.extend(self.base.findings[finding_id].sources)
            steps.append(
                MechanismStep(
                    subject=link.subject,
                    subject_name=self.name(link.subject),
                    sign=link.sign.value,
                    object=link.object,
                    object_name=self.name(link.object),
                    findings=list(link.findings),
                    sources=self.cite(dict.fromkeys(sources)),
                )
            )
            arrow = "→+" if link.sign.value == "+" else "→−"
            text += f" {arrow} {self.name(link.object)}"
        effect = orient(self.base, outcome, raises=path.sign.value == "+")
        return MechanismOut(
            outcome=outcome,
            nodes=list(path.nodes),
            text=text,
            sign=path.sign.value,
            effect=effect.value,
            certainty=path.certainty.label,
            steps=steps,
        )

    def background(self, substance: str) -> None:
        """What the substance does in the body: its findings on processes and other substances."""
        shown = [
            finding
            for finding in self.base.findings_by_subject.get(substance, ())
            if (target := self.base.entities.get(finding.object)) is not None
            and target.kind in (EntityKind.PROCESS, EntityKind.SUBSTANCE)
        ][:MAX_ROLES]
        self.section(
            "roles",
            f"What {self.name(substance)} does in the body",
            [f.summary for f in shown],
            [s for f in shown for s in f.sources],
        )

    def cautions(self, substance: str) -> list[Caution]:
        base, query = self.base, self.query
        asked_conditions = set(query.conditions)
        asked_drugs: set[str] = set()
        for drug in query.drugs:
            asked_drugs.update(base.ancestors(drug))
        out: list[Caution] = []
        for record in base.for_substance(base.contraindications, substance):
            out.append(
                Caution(
                    entity=record.condition,
                    kind="contraindication",
                    level=record.level.value,
                    reason=f"{self.name(record.condition)}: {record.reason}",
                    sources=self.cite(record.sources),
                    matches_question=record.condition in asked_conditions,
                )
            )
        for interaction in base.for_substance(base.interactions, substance):
            level = CautionLevel.AVOID if interaction.severity.value == "major" else CautionLevel.CAUTION
            out.append(
                Caution(
                    entity=interaction.drug,
                    kind="interaction",
                    level=level.value,
                    reason=f"{self.name(interaction.drug)}: {interaction.mechanism} {interaction.management}",
                    sources=self.cite(interaction.sources),
                    matches_question=interaction.drug in asked_drugs,
                )
            )
        for population in base.for_substance(base.populations, substance):
            out.append(
                Caution(
                    entity=population.id,
                    kind="population",
                    level=population.level.value,
                    reason=f"{population.population}: {population.reason}",
                    sources=self.cite(population.sources),
                    matches_question=False,
                )
            )
        out.sort(key=lambda c: (not c.matches_question, c.level != "avoid", c.kind))
        return out

    def factors_and_guidance(self, substance: str, context: str | None) -> None:
        base = self.base

        def in_scope(conditions: tuple[str, ...]) -> bool:
            return not conditions or context is None or context in conditions

        factors = [f for f in base.for_substance(base.factors, substance) if in_scope(f.conditions)]
        self.section(
            "factors",
            "What changes the answer for you",
            [f"{f.name}: {f.effect_on_answer}" for f in factors],
            [s for f in factors for s in f.sources],
        )
        practice = [
            g for g in base.for_substance(base.guidance, substance) if g.kind == "practice" and in_scope(g.conditions)
        ]
        self.section(
            "guidance", "Practical guidance", [g.text for g in practice], [s for g in practice for s in g.sources]
        )
        mistakes = [
            g for g in base.for_substance(base.guidance, substance) if g.kind == "mistake" and in_scope(g.conditions)
        ]
        self.section(
            "mistakes", "Common mistakes", [g.text for g in mistakes], [s for g in mistakes for s in g.sources]
        )

    def dosing(self, substance: str) -> None:
        items: list[str] = []
        sources: list[str] = []
        for record in self.base.for_substance(self.base.dosing, substance):
            items.append(record.standard_dose)
            items.extend(record.guidance)
            items.extend(f"Studied: {s}" for s in record.studied)
            if record.observed_safe_level:
                level = record.observed_safe_level
                items.append(
                    f"Observed safe level: {level.amount:g} {level.unit} (the highest intake with good evidence "
                    "of no harm in healthy adults; not a target dose)."
                )
            if record.upper_limit_note:
                items.append(record.upper_limit_note)
            sources.extend(record.sources)
        self.section("dosing", "Dose", items, sources)

    def side_effects(self, substance: str) -> None:
        records = self.base.for_substance(self.base.side_effects, substance)
        items = []
        for record in records:
            extra = "; ".join(x for x in (record.frequency, record.note) if x)
            items.append(f"{record.effect}" + (f" ({extra})" if extra else ""))
        self.section("side_effects", "Side effects", items, [s for r in records for s in r.sources])

    def administration(self, substance: str) -> None:
        records = self.base.for_substance(self.base.administration, substance)
        self.section(
            "administration", "How to take it", [r.advice for r in records], [s for r in records for s in r.sources]
        )

    def foods(self, substance: str) -> None:
        records = self.base.for_substance(self.base.food_sources, substance)
        items = [f"{self.name(r.food)}" + (f": {r.amount}" if r.amount else "") for r in records]
        self.section(
            "foods", f"Foods that provide {self.name(substance)}", items, [s for r in records for s in r.sources]
        )

    def interactions(self, substance: str) -> None:
        base = self.base
        wanted: set[str] = set()
        for drug in self.query.drugs:
            wanted.update(base.ancestors(drug))
        records = [r for r in base.for_substance(base.interactions, substance) if not wanted or r.drug in wanted]
        items = [f"{self.name(r.drug)} ({r.severity.value}): {r.mechanism} {r.management}" for r in records]
        self.section("interactions", "Interactions", items, [s for r in records for s in r.sources])
        if wanted and not records:
            names = ", ".join(self.name(d) for d in self.query.drugs)
            self.key_points.append(
                f"No interaction between {self.name(substance)} and {names} is recorded in the evidence base. "
                "That is not proof of safety: ask your pharmacist."
            )

    def matching_comparisons(self, substances: tuple[str, ...], context: str | None, outcomes: list[str]) -> None:
        chosen: list[Comparison] = []
        for comparison in self.base.comparisons:
            options = {o.substance for o in comparison.options}
            named_together = len(substances) >= 2 and set(substances) <= options
            same_goal = (comparison.condition is not None and comparison.condition == context) or (
                comparison.outcome is not None and comparison.outcome in outcomes
            )
            about_substance = len(substances) == 1 and not context and not outcomes and substances[0] in options
            if named_together or same_goal or about_substance:
                chosen.append(comparison)
        for comparison in chosen:
            rows = [
                ComparisonRow(
                    substance=o.substance,
                    name=self.name(o.substance),
                    mechanism=o.mechanism,
                    target=o.target,
                    research_strength=o.research_strength,
                    risks=o.risks,
                    sources=self.cite(o.sources),
                )
                for o in comparison.options
            ]
            self.comparisons.append(ComparisonOut(id=comparison.id, goal=comparison.goal, rows=rows))

    def resources(self, context: str | None) -> None:
        records = [r for r in self.base.resources if not r.conditions or context is None or context in r.conditions]
        self.section(
            "resources",
            "Where to find reliable information",
            [f"{r.name}: {r.about}" + (f" ({r.url})" if r.url else "") for r in records],
        )


def _verdict_out(base: EvidenceBase, verdict: Verdict) -> VerdictOut:
    return VerdictOut(
        substance=verdict.substance,
        outcome=verdict.outcome,
        condition=verdict.condition,
        asked=verdict.asked.value,
        direction=verdict.direction.value,
        certainty=verdict.certainty.label if verdict.certainty else None,
        answer=verdict.answer.value,
        code=verdict.code.value,
        reasons=list(verdict.reasons),
    )


def _verdict_sentence(base: EvidenceBase, verdict: Verdict, *, lead: bool = True) -> str:
    """One sentence for a verdict; `lead` opens with the yes/no/unclear answer (not for "how" questions)."""
    substance, outcome = base.name(verdict.substance), base.name(verdict.outcome).lower()
    where = f" in {base.name(verdict.condition)}" if verdict.condition else ""
    if verdict.code.value == "NO_EVIDENCE":
        return f"The evidence base holds nothing on {substance} and {outcome}{where}, so there is no verdict."
    certainty = verdict.certainty.label.replace("_", " ") if verdict.certainty else "no"
    opening = {Reply.YES: "Yes", Reply.NO: "No", Reply.UNCLEAR: "Unclear"}[verdict.answer]
    body = {
        Direction.HELPS: f"the evidence leans towards {substance} improving {outcome}{where}",
        Direction.WORSENS: f"the evidence leans towards {substance} worsening {outcome}{where}",
        Direction.NO_EFFECT: f"the evidence suggests {substance} does not change {outcome}{where}",
        Direction.MIXED: f"the evidence on {substance} and {outcome}{where} points both ways",
        Direction.UNKNOWN: f"the effect of {substance} on {outcome}{where} is unknown",
    }[verdict.direction]
    if not lead:
        return f"{body[0].upper()}{body[1:]} ({certainty} certainty)."
    return f"{opening}: {body} ({certainty} certainty)."


def _best_evidence_first(items: list[EvidenceItem], base: EvidenceBase) -> list[EvidenceItem]:
    from suppwise.reasoning.grading import RANK

    seen: set[tuple[str, str]] = set()
    unique = []
    for item in items:
        key = (item.source, item.finding_id)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return sorted(unique, key=lambda i: (not i.direct, -RANK[base.sources[i.source].study_type]))


def build_answer(base: EvidenceBase, query: Query) -> Answer:
    """The Answer to a parsed question."""
    b = _Builder(base, query)
    substances = query.substances
    code = "ANSWERED"
    summary = ""
    suggestions = {k: list(v) for k, v in query.suggestions.items() if v}
    context, outcomes = b.context_and_outcomes()
    intent = query.intent
    cautions: list[Caution] = []
    substance = substances[0] if substances else None

    if intent is Intent.RESOURCES:
        b.resources(context)
        summary = "Good places to check claims about supplements, and the people to ask."
    elif substance is None and intent is not Intent.DEFINITION:
        code = "SUBSTANCE_NOT_FOUND" if query.unrecognised else "NOT_UNDERSTOOD"
        terms = ", ".join(repr(t) for t in query.unrecognised[:3])
        close = sorted({base.name(s) for ids in query.suggestions.values() for s in ids})
        summary = (
            f"No supplement in the evidence base matches {terms}."
            if query.unrecognised
            else "The question names no supplement that the evidence base knows."
        )
        if close:
            summary += f" Did you mean: {', '.join(close[:6])}?"
        summary += " suppwise answers only from its evidence base and will not guess."
    elif intent is Intent.DEFINITION:
        summary = _definition(b, query)
    else:
        assert substance is not None
        unknown_condition = [t for t in query.unrecognised if t not in query.suggestions or query.suggestions[t]]
        if (
            not query.conditions
            and not query.outcomes
            and query.unrecognised
            and intent in (Intent.EFFECT, Intent.CURE, Intent.MECHANISM)
        ):
            code = "CONDITION_NOT_FOUND"
            terms = ", ".join(repr(t) for t in query.unrecognised[:3])
            close = sorted({base.name(s) for t in unknown_condition for s in query.suggestions.get(t, ())})
            summary = (
                f"The evidence base has nothing on {terms}, so suppwise cannot say what "
                f"{base.name(substance)} does there."
            )
            if close:
                summary += f" Close matches: {', '.join(close[:6])}."
        elif intent in (Intent.EFFECT, Intent.CURE, Intent.MECHANISM):
            summary = _effect(b, substance, context, outcomes, intent)
        elif intent is Intent.SAFETY:
            summary = _safety(b, substance, context)
        elif intent is Intent.INTERACTION:
            b.interactions(substance)
            summary = f"What is known about {base.name(substance)} and other medicines."
            if query.drugs:
                records = [s for s in b.sections if s.key == "interactions"]
                summary = (
                    f"{base.name(substance)} may interact with {', '.join(base.name(d) for d in query.drugs)}: "
                    "see below."
                    if records
                    else b.key_points[-1]
                )
        elif intent is Intent.SIDE_EFFECTS:
            b.side_effects(substance)
            summary = f"Reported side effects of {base.name(substance)}, mostly mild and digestive."
            for outcome in outcomes:
                verdict = b.add_verdict(substance, outcome, context, Direction.WORSENS)
                worsening = [m for m in b.mechanisms if m.effect == "worsens" and m.outcome == outcome]
                if worsening:
                    b.key_points.append(
                        f"In theory it could also worsen {base.name(outcome).lower()}"
                        f"{' in ' + base.name(context) if context else ''}: {worsening[0].text} "
                        f"({verdict.certainty.label.replace('_', ' ') if verdict.certainty else 'no'} certainty)."
                    )
        elif intent is Intent.DOSING:
            b.dosing(substance)
            summary = next(
                (s.items[0] for s in b.sections if s.key == "dosing"),
                f"The evidence base records no dosing information for {base.name(substance)}.",
            )
        elif intent is Intent.ADMINISTRATION:
            b.administration(substance)
            summary = next(
                (s.items[0] for s in b.sections if s.key == "administration"),
                f"The evidence base records nothing on how to take {base.name(substance)}.",
            )
        elif intent is Intent.SOURCES:
            b.foods(substance)
            summary = (
                f"{base.name(substance)} comes from protein-rich foods; most people get some every day."
                if any(s.key == "foods" for s in b.sections)
                else f"The evidence base records no food sources of {base.name(substance)}."
            )
        elif intent in (Intent.COMPARISON, Intent.ALTERNATIVES):
            b.matching_comparisons(substances, context, outcomes)
            if b.comparisons:
                summary = "; ".join(f"{c.goal}" for c in b.comparisons) + ": options compared below."
            else:
                summary = f"The evidence base has no comparison of alternatives for {base.name(substance)}."
        cautions = b.cautions(substance)
        if intent is Intent.EFFECT:
            b.dosing(substance)
        if intent in (Intent.EFFECT, Intent.CURE, Intent.MECHANISM):
            b.factors_and_guidance(substance, context)
    verdicts = [_verdict_out(base, v) for v in b.verdicts]
    references = [
        Reference(
            id=s,
            citation=citation(base.sources[s]),
            study_type=base.sources[s].study_type.value,
            verification=base.sources[s].verification.status.value,
            url=source_url(base.sources[s]),
        )
        for s in b.cited
    ]
    return Answer(
        question=query.text,
        intent=intent.value,
        code=code,
        entities={k: list(v) for k, v in query.entities.items()},
        verdict=verdicts[0] if verdicts else None,
        verdicts=verdicts,
        summary=summary,
        key_points=list(dict.fromkeys(b.key_points)),
        mechanisms=b.mechanisms,
        evidence=_best_evidence_first(b.evidence, base),
        cautions=cautions,
        sections=b.sections,
        comparisons=b.comparisons,
        references=references,
        suggestions=suggestions,
        names=_names(base, query, verdicts, b.mechanisms),
        crisis=query.crisis,
        crisis_message=CRISIS_MESSAGE if query.crisis else None,
        crisis_resources=[CrisisResourceOut(name=r.name, contact=r.contact, region=r.region) for r in CRISIS_RESOURCES]
        if query.crisis
        else [],
    )


def _names(
    base: EvidenceBase, query: Query, verdicts: list[VerdictOut], mechanisms: list[MechanismOut]
) -> dict[str, str]:
    """Display names for every entity id the answer mentions."""
    ids = {m.entity_id for m in query.mentions}
    for verdict in verdicts:
        ids.update(i for i in (verdict.substance, verdict.outcome, verdict.condition) if i)
    for mechanism in mechanisms:
        ids.update(mechanism.nodes)
    return {i: base.name(i) for i in sorted(ids)}


def _effect(b: _Builder, substance: str, context: str | None, outcomes: list[str], intent: Intent) -> str:
    base, query = b.base, b.query
    if not outcomes:
        b.background(substance)
        b.matching_comparisons((substance,), context, outcomes)
        return (
            f"{base.name(substance)} has several roles in the body; name a condition or symptom "
            "(pain, fatigue, mood, gut symptoms) for a graded verdict."
        )
    asked = query.asked or Direction.HELPS
    sentences = []
    for outcome in outcomes:
        verdict = b.add_verdict(substance, outcome, context, asked)
        sentences.append(_verdict_sentence(base, verdict, lead=intent is not Intent.MECHANISM))
        b.key_points.extend(verdict.reasons[:3])
    b.background(substance)
    if intent is Intent.CURE:
        cure_target = base.name(context) if context else base.name(outcomes[0]).lower()
        has_evidence = any(v.code.value != "NO_EVIDENCE" for v in b.verdicts)
        lead = "No" if has_evidence else "Unclear"
        b.key_points.insert(
            0,
            f"No study in the evidence base shows {base.name(substance)} curing or reversing "
            f"{cure_target}; at most, studies look at easing symptoms.",
        )
        b.verdicts = [_as_cure(v) for v in b.verdicts]
        on_symptoms = " ".join(_verdict_sentence(base, v, lead=False) for v in b.verdicts)
        return f"{lead}: nothing shows that {base.name(substance)} cures {cure_target}. On symptoms: {on_symptoms}"
    return " ".join(sentences)


def _as_cure(verdict: Verdict) -> Verdict:
    from dataclasses import replace

    if verdict.code.value == "NO_EVIDENCE":
        return verdict
    return replace(
        verdict,
        answer=Reply.NO,
        reasons=(
            "A cure would need trials showing lasting remission; none exists in the evidence base.",
            *verdict.reasons,
        ),
    )


def _safety(b: _Builder, substance: str, context: str | None) -> str:
    base, query = b.base, b.query
    cautions = b.cautions(substance)
    asked = [c for c in cautions if c.matches_question]
    b.side_effects(substance)
    name = base.name(substance)
    if asked:
        worst = "avoid" if any(c.level == "avoid" for c in asked) else "caution"
        what = ", ".join(base.name(c.entity) for c in asked)
        word = "Avoid" if worst == "avoid" else "Use with caution"
        return f"{word}: {name} is flagged for {what}. See the reasons and sources below."
    if query.conditions or query.drugs:
        named = ", ".join(base.name(c) for c in (*query.conditions, *query.drugs))
        return (
            f"No specific warning about {name} and {named} is recorded, but {name} is not safe for everyone: "
            "check the general cautions below with your clinician."
        )
    avoid = [base.name(c.entity) for c in cautions if c.level == "avoid" and c.kind == "contraindication"]
    if avoid:
        return (
            f"No, {name} is not safe for everyone. People with {', '.join(avoid)} should avoid it, and others "
            "need care; see below."
        )
    return f"Known cautions for {name} are listed below."


def _definition(b: _Builder, query: Query) -> str:
    base = b.base
    ids = [m.entity_id for m in query.mentions]
    ids = list(dict.fromkeys(ids))
    items: list[str] = []
    sources: list[str] = []
    for entity_id in ids:
        entity = base.entities[entity_id]
        if entity.description:
            items.append(f"{entity.name}: {entity.description}")
    relations = []
    for a in ids:
        for finding in base.findings_by_subject.get(a, ()):
            if finding.object in ids and finding.object != a:
                relations.append(finding.summary)
                sources.extend(finding.sources)
    b.section("definitions", "What they are", items)
    b.section("relations", "How they are related", relations, sources)
    if len(ids) >= 2:
        first, second = base.name(ids[0]), base.name(ids[1])
        related = " They are related: see below." if relations else ""
        return f"No: {first} and {second} are different things.{related}"
    if ids:
        entity = base.entities[ids[0]]
        return entity.description or f"{entity.name} is a {entity.kind.value} in the evidence base."
    return "The question names nothing the evidence base knows."
