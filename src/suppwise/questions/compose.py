"""Gathering the facts an answer needs from the evidence base: verdicts, mechanisms, cautions,
dosing, side effects, foods, comparisons. Each method adds records, and cites their sources, to
one Composer; the intent handlers in answer.py decide which to call and word the summary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.citation import citation, source_url
from suppwise.evidence.names import mid_sentence
from suppwise.evidence.schema import (
    Administration,
    Comparison,
    Dosing,
    EntityKind,
    Finding,
    FoodSource,
    Interaction,
    SideEffect,
)
from suppwise.questions.answer_model import (
    Caution,
    ComparisonOut,
    ComparisonRow,
    EvidenceItem,
    MechanismOut,
    MechanismStep,
    Section,
)
from suppwise.questions.parse import Query
from suppwise.reasoning.grading import STUDY_TYPE_LABELS
from suppwise.reasoning.paths import MechanismPath, find_paths
from suppwise.reasoning.verdict import Direction, Verdict, judge, orient
from suppwise.safety.cautions import SubstanceCaution, substance_cautions
from suppwise.safety.medicine_reach import medicine_reach
from suppwise.safety.populations import record_populations

_CONTEXT_CUES = ("in", "with", "have", "has", "for", "among")
_SETTING_CUES = ("in", "among")
MAX_ROLES = 6


class Composer:
    def __init__(self, base: EvidenceBase, query: Query, personal: frozenset[tuple[str, str]] = frozenset()) -> None:
        """`personal` holds the (kind, entity) of each caution that matches the asker's profile."""
        self.base = base
        self.query = query
        self.personal = personal
        self.cited: dict[str, None] = {}  # the sources cited, in first-cited order (an ordered set)
        self.key_points: list[str] = []
        self.sections: list[Section] = []
        self.evidence: list[EvidenceItem] = []
        self.mechanisms: list[MechanismOut] = []
        self.comparisons: list[ComparisonOut] = []
        self.verdicts: list[Verdict] = []
        # (substance, outcome, condition) of a verdict given in place of a goal the base lacks -> that goal
        self.stand_ins: dict[tuple[str, str, str | None], str] = {}
        # the condition each outcome is asked about in, when it differs from the question's setting
        self.settings: dict[str, str] = {}

    # -- helpers -----------------------------------------------------------------------------
    def cite(self, sources: Iterable[str]) -> list[str]:
        known = self.base.sources
        out = [source_id for source_id in sources if source_id in known]
        self.cited.update(dict.fromkeys(out))
        return out

    def name(self, entity_id: str | None) -> str:
        return self.base.name(entity_id) if entity_id else ""

    def mid(self, entity_id: str | None) -> str:
        """The display name as it reads inside a sentence ("vitamin D", "SAMe", "fibromyalgia")."""
        return mid_sentence(self.name(entity_id))

    def section(self, key: str, title: str, items: list[str], sources: Iterable[str] = ()) -> None:
        if items:
            cited = self.cite(dict.fromkeys(sources))
            self.sections.append(Section(key=key, title=title, items=items, sources=cited))

    # -- what the question is about ----------------------------------------------------------
    def context_and_outcomes(self) -> tuple[str | None, list[str]]:
        """The condition the question is set in, and the outcomes it asks about.

        A condition after "in/with/for/have" is the setting ("... in fibromyalgia"); so is the only
        condition named beside an explicit symptom ("fibromyalgia fatigue"). Other conditions are
        asked about through the outcome that measures them ("anxiety or depression" -> anxiety
        symptoms, mood).
        """
        base, query = self.base, self.query
        words = query.normalised.split()
        conditions = list(query.conditions)
        outcomes = list(query.outcomes)
        context = None
        cued = False  # a setting named as such ("anxiety in depression"), not one of a list of diagnoses
        for mention in query.mentions:
            cue = words[max(0, mention.start - 2) : mention.start]
            if mention.entity_id in conditions and any(w in _CONTEXT_CUES for w in cue):
                context = mention.entity_id
                cued = any(w in _SETTING_CUES for w in cue)
        if context is None and len(conditions) == 1:
            context = conditions[0]
        listed = _listed_with(query, context, words) if context else set()
        for condition in conditions:
            mapped = base.entities[condition].outcome
            if condition == context:
                continue
            # "I have fibromyalgia, IBS and depression": pain is asked about in fibromyalgia and mood
            # in depression, not in the setting picked for the rest; "anxiety in depression" keeps it,
            # and so does "I have bipolar, would saffron help my depression" (not one list).
            if mapped and not cued and (condition in listed if context is not None else len(conditions) > 1):
                self.settings.setdefault(mapped, condition)
            if mapped and mapped not in outcomes:
                outcomes.append(mapped)
            elif context is None:
                context = condition
        # the setting of a list ("glutamine for fibro and IBS") is asked about through its own outcome
        # too, not only through the others'
        own = base.entities[context].outcome if context is not None else None
        if own and own not in outcomes and len(listed) > 1 and not query.outcomes:
            outcomes.insert(0, own)
        if not outcomes and context is not None:
            mapped = base.entities[context].outcome
            if mapped:
                outcomes.append(mapped)
        return context, outcomes

    # -- sections ----------------------------------------------------------------------------
    def add_verdict(self, substance: str, outcome: str, context: str | None, asked: Direction) -> Verdict:
        verdict = judge(self.base, substance, outcome, context, asked, self.query.normalised)
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
        shown = _roles(self.base, substance)
        self.section(
            "roles",
            f"What {self.mid(substance)} does in the body",
            [f.summary for f in shown],
            [s for f in shown for s in f.sources],
        )

    def cautions(self, substance: str) -> list[Caution]:
        """Every caution for the substance; those the question names, then those matching the
        person's profile, come first."""
        base, query = self.base, self.query
        asked_conditions: set[str] = set()
        for condition in query.conditions:
            asked_conditions.update(base.ancestors(condition))
        # A medicine reaches its classes' records; a class named reaches its members' too, as a
        # condition the answer words "if one of your <class> is <member>" (safety/medicine_reach.py).
        asked_drugs = medicine_reach(base, (*query.drugs, *_other_substances(query.substances, substance)))
        asked_populations = set(query.populations)
        implied = base.implied_conditions(query.drugs, query.conditions) if query.drugs else {}
        out: list[Caution] = []
        cited = self.cited
        personal = self.personal
        for record, level, reason, populations, known, once in _caution_records(base, substance):
            implied_by: str | None = None
            through: str | None = None
            if record.kind == "contraindication":
                asked = record.entity in asked_conditions
                if not asked and record.entity in implied:
                    asked, implied_by = True, implied[record.entity]
            elif record.kind == "interaction":
                asked = record.entity in asked_drugs
                through = asked_drugs.get(record.entity)
            else:
                asked = bool(populations & asked_populations)
            if implied_by:
                sources = self.cite((*record.sources, *base.use_sources(implied_by, record.entity)))
            else:  # the same as `self.cite(record.sources)`, its known sources found once per base
                cited.update(once)
                sources = list(known)
            out.append(
                Caution(
                    entity=record.entity,
                    kind=record.kind,
                    substance=substance,
                    level=level,
                    reason=reason,
                    sources=sources,
                    matches_question=asked,
                    through=through,
                    matches_profile=(record.kind, record.entity) in personal,
                    implied_by=implied_by,
                )
            )
        out.sort(key=lambda c: (not c.matches_question, not c.matches_profile, c.level != "avoid", c.kind))
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

    def dosing(self, substance: str) -> tuple[Dosing, ...]:
        items: list[str] = []
        sources: list[str] = []
        records = self.base.for_substance(self.base.dosing, substance)
        for record in records:
            items.append(record.standard_dose)
            items.extend(record.guidance)
            items.extend(f"Studied: {s.setting}: {s.regimen}" for s in record.studied)
            if record.observed_safe_level:
                level = record.observed_safe_level
                items.append(
                    f"{level.label.capitalize()}: {level.amount:g} {level.unit} ({level.meaning}; not a target dose)."
                )
            if record.upper_limit_note:
                items.append(record.upper_limit_note)
            sources.extend(record.sources)
            sources.extend(source for studied in record.studied for source in studied.sources)
            if record.observed_safe_level:
                sources.extend(record.observed_safe_level.sources)
        self.section("dosing", "Dose", items, sources)
        return records

    def side_effects(self, substance: str) -> tuple[SideEffect, ...]:
        records = self.base.for_substance(self.base.side_effects, substance)
        items = []
        for record in records:
            extra = "; ".join(x for x in (record.frequency, record.note) if x)
            items.append(f"{record.effect}" + (f" ({extra})" if extra else ""))
        # with two supplements in one question, each list says whose it is
        title = f"Side effects of {self.mid(substance)}" if len(self.query.substances) > 1 else "Side effects"
        self.section("side_effects", title, items, [s for r in records for s in r.sources])
        return records

    def side_effect_words(self, substance: str) -> set[str]:
        """Every word used to name a recorded side effect (to spot "does it cause headaches?")."""
        words: set[str] = set()
        for record in self.base.for_substance(self.base.side_effects, substance):
            words.update(w for w in re.findall(r"[a-z]+", record.effect.lower()) if len(w) >= 4)
        return words

    def mechanisms_for(self, substance: str, outcome: str) -> list[MechanismOut]:
        """Mechanism paths without a verdict (for side-effect answers that mention theory)."""
        return [self.mechanism(path, outcome) for path in find_paths(self.base, substance, outcome)]

    def administration(self, substance: str) -> tuple[Administration, ...]:
        records = self.base.for_substance(self.base.administration, substance)
        self.section(
            "administration", "How to take it", [r.advice for r in records], [s for r in records for s in r.sources]
        )
        return records

    def foods(self, substance: str) -> tuple[FoodSource, ...]:
        records = self.base.for_substance(self.base.food_sources, substance)
        items = [f"{self.food_name(r.food, records)}" + (f": {r.amount}" if r.amount else "") for r in records]
        self.section(
            "foods", f"Foods that provide {self.mid(substance)}", items, [s for r in records for s in r.sources]
        )
        return records

    def food_name(self, food: str, records: Iterable[FoodSource]) -> str:
        """A food's name in a list of sources. A group listed beside one of its own members is the
        rest of that group ("pumpkin seeds, other seeds"): "Seeds" beside "Pumpkin seeds" read as a
        second, unrelated food."""
        listed = [r.food for r in records]
        if any(food != other and food in self.base.ancestors(other) for other in listed):
            return f"Other {mid_sentence(self.name(food))}"
        return self.name(food)

    def interactions(self, substance: str) -> list[Interaction]:
        base = self.base
        recorded = base.for_substance(base.interactions, substance)
        wanted: set[str] = set()
        for drug in self.query.drugs:
            wanted.update(base.ancestors(drug))
        for other in _other_substances(self.query.substances, substance):
            wanted.update(set(base.ancestors(other)) & {r.drug for r in recorded})
        records = [r for r in recorded if not wanted or r.drug in wanted]
        items = [f"{self.name(r.drug)} ({r.severity.value}): {r.mechanism} {r.management}" for r in records]
        self.section("interactions", "Interactions", items, [s for r in records for s in r.sources])
        return records

    def matching_comparisons(self, substances: tuple[str, ...], context: str | None, outcomes: list[str]) -> None:
        chosen: list[tuple[int, Comparison]] = []
        for comparison in self.base.comparisons:
            options = {o.substance for o in comparison.options}
            named_together = len(substances) >= 2 and set(substances) <= options
            same_condition = comparison.condition is not None and comparison.condition == context
            same_outcome = comparison.outcome is not None and comparison.outcome in outcomes
            about_substance = len(substances) == 1 and not context and not outcomes and substances[0] in options
            if named_together or same_condition or same_outcome or about_substance:
                # an option the question names (saffron in "saffron vs sertraline") ranks its comparison higher
                names_option = bool(set(substances) & options)
                chosen.append((named_together + same_outcome + same_condition + names_option, comparison))
        # The comparison that fits the question best leads ("melatonin vs magnesium for sleep in
        # fibromyalgia" opens with the sleep comparison, not every fibromyalgia goal in file order).
        chosen.sort(key=lambda scored: -scored[0])
        for _, comparison in chosen:
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
            # the options the question names come first ("omega 3 or vitamin d for depression" does not
            # open with glutamine); the others keep the comparison's order
            rows.sort(key=lambda row: row.substance not in substances)
            self.comparisons.append(ComparisonOut(id=comparison.id, goal=comparison.goal, rows=rows))

    def resources(self, context: str | None) -> None:
        records = [r for r in self.base.resources if not r.conditions or context is None or context in r.conditions]
        self.section(
            "resources",
            "Where to find reliable information",
            [f"{r.name}: {r.about}" + (f" ({r.url})" if r.url else "") for r in records],
        )


_LIST_WORDS = frozenset({"and", "or", "plus", "&"})


def _listed_with(query: Query, context: str, words: list[str]) -> set[str]:
    """The conditions named in one list with the setting ("fibromyalgia, IBS and depression"): only
    "and", "or" or commas stand between neighbours."""
    mentions = sorted((m for m in query.mentions if m.entity_id in query.conditions), key=lambda m: m.start)
    groups: list[list[str]] = []
    previous_end = -1
    for mention in mentions:
        between = words[previous_end : mention.start] if previous_end >= 0 else None
        if groups and between is not None and all(w in _LIST_WORDS for w in between):
            groups[-1].append(mention.entity_id)
        else:
            groups.append([mention.entity_id])
        previous_end = mention.end
    return next((set(g) for g in groups if context in g), set())


@lru_cache(maxsize=1024)
def _caution_records(
    base: EvidenceBase, substance: str
) -> tuple[tuple[SubstanceCaution, str, str, frozenset[str], tuple[str, ...], dict[str, None]], ...]:
    """Each caution record of the substance with what an answer shows of it whatever is asked (its
    level, its one-line reason, the populations its subject names, and its sources the base holds
    as `Composer.cite` returns and records them), worked out once per base and substance: every
    answer about the substance lists them all. Read only: the dicts are never changed."""
    records = []
    for record in substance_cautions(base, substance):
        known = tuple(source for source in record.sources if source in base.sources)
        populations = frozenset(record_populations(record.subject))
        records.append((record, record.level.value, record.reason, populations, known, dict.fromkeys(known)))
    return tuple(records)


@lru_cache(maxsize=1024)
def _roles(base: EvidenceBase, substance: str) -> tuple[Finding, ...]:
    """The first findings of the substance on processes and other substances (`MAX_ROLES`), found
    once per base and substance: a well-studied substance has hundreds of findings to sift."""
    return tuple(
        finding
        for finding in base.findings_by_subject.get(substance, ())
        if (target := base.entities.get(finding.object)) is not None
        and target.kind in (EntityKind.PROCESS, EntityKind.SUBSTANCE)
    )[:MAX_ROLES]


def _other_substances(named: Iterable[str], substance: str) -> tuple[str, ...]:
    """The other supplements a question names beside the one being answered: "St John's wort with
    5-HTP" asks about their interaction as much as "with sertraline" does."""
    return tuple(other for other in named if other != substance)
