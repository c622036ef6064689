"""The evidence base's data model: what a curator may write in a data file, and nothing else.

Every model forbids unknown keys, so a misspelt field is a located error rather than a silently
ignored fact. Claims (findings) are kept apart from the works that support them (sources): a
finding names its sources, and several sources pool behind one claim.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator, model_validator

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
SourceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]

PMID_PATTERN = re.compile(r"^[1-9][0-9]{0,8}$")
DOI_PATTERN = re.compile(r"^10\.[0-9]{4,9}/\S+$")


class Strict(BaseModel):
    """Base for every evidence model: unknown keys are errors and instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class EntityKind(StrEnum):
    SUBSTANCE = "substance"
    CONDITION = "condition"
    OUTCOME = "outcome"
    PROCESS = "process"
    DRUG = "drug"
    DRUG_CLASS = "drug_class"
    FOOD = "food"


class StudyType(StrEnum):
    META_ANALYSIS = "meta_analysis"
    SYSTEMATIC_REVIEW = "systematic_review"
    RCT = "rct"
    NON_RANDOMISED = "non_randomised_controlled"
    COHORT = "cohort"
    CASE_CONTROL = "case_control"
    CROSS_SECTIONAL = "cross_sectional"
    CASE_SERIES = "case_series"
    CASE_REPORT = "case_report"
    ANIMAL = "animal"
    IN_VITRO = "in_vitro"
    MECHANISTIC_REVIEW = "mechanistic_review"
    NARRATIVE_REVIEW = "narrative_review"
    GUIDELINE = "guideline"
    REGULATORY_LABEL = "regulatory_label"
    MONOGRAPH = "monograph"
    EXPERT_OPINION = "expert_opinion"
    N_OF_1_SERIES = "n_of_1_series"
    POOLED_PERSONAL_TRIALS = "pooled_personal_trials"


class VerificationStatus(StrEnum):
    VERIFIED = "verified"
    PARTIAL = "partial"
    UNVERIFIED = "unverified"


class Effect(StrEnum):
    """What a finding says the subject does to the object.

    `no_effect` claims the absence of an effect; `no_clear_effect` says only that the study could
    not tell (a trend, or an interval that includes no effect): it is evidence of neither benefit,
    harm nor absence.
    """

    INCREASES = "increases"
    DECREASES = "decreases"
    NO_EFFECT = "no_effect"
    NO_CLEAR_EFFECT = "no_clear_effect"
    CONVERTS_TO = "converts_to"
    ASSOCIATED_WITH = "associated_with"
    ELEVATED_IN = "elevated_in"
    REDUCED_IN = "reduced_in"


class Sign(StrEnum):
    RAISES = "+"
    LOWERS = "-"


class CautionLevel(StrEnum):
    AVOID = "avoid"
    CAUTION = "caution"


class Severity(StrEnum):
    """How bad an interaction can be (docs/interactions.md): contraindicated, never combine; major,
    avoid unless a prescriber supervises; moderate, combine only with the prescriber's agreement and
    the stated precaution; minor, worth knowing, rarely a reason to change anything."""

    CONTRAINDICATED = "contraindicated"
    MAJOR = "major"
    MODERATE = "moderate"
    MINOR = "minor"


class ExternalIds(Strict):
    mesh: str | None = None
    umls: str | None = None
    chebi: str | None = None
    rxnorm: str | None = None
    loinc: str | None = None


class UsedFor(Strict):
    """A condition a medicine is prescribed for, with the label or guideline that says so. Someone
    who names the medicine very likely has the condition, so its cautions are screened too; the
    wording stays conditional because a medicine can have several uses (a list, never a diagnosis)."""

    condition: Slug
    sources: tuple[SourceId, ...] = ()


class Entity(Strict):
    """Anything the evidence speaks of.

    `member_of` puts a drug in its class (or a food in a food group), so that a fact about the class
    reaches every member. `outcome` says which outcome a condition's symptoms are measured by, so
    "does X worsen depression" can be answered. `higher_is_better` orients an outcome: a mechanism
    path that raises pain worsens it, one that raises mood helps. `used_for` (drugs and drug
    classes only) lists the conditions a medicine is prescribed for, each with a cited source.
    """

    id: Slug
    kind: EntityKind
    name: Text
    synonyms: tuple[Text, ...] = ()
    description: Text | None = None
    external_ids: ExternalIds = ExternalIds()
    member_of: tuple[Slug, ...] = ()
    outcome: Slug | None = None
    higher_is_better: bool | None = None
    used_for: tuple[UsedFor, ...] = ()


class Verification(Strict):
    status: VerificationStatus
    how: Text


class Source(Strict):
    """A citable work. `verification` records how its identity was checked; never a guess: an
    author list or venue that was not seen is left empty and said so in `verification.how`."""

    id: SourceId
    authors: Text | None = None
    year: int | None = Field(default=None, ge=1800, le=2100)
    title: Text
    venue: Text | None = None
    pmid: str | None = None
    doi: str | None = None
    url: str | None = None
    study_type: StudyType
    population: Text
    n: int | None = Field(default=None, ge=1)
    humans: bool = True
    verification: Verification
    # the name a trial is known by ("VITAL-DEP"), which answers use so a reader can look it up
    trial_name: str | None = None

    @field_validator("pmid")
    @classmethod
    def _pmid_shape(cls, value: str | None) -> str | None:
        if value is not None and not PMID_PATTERN.match(value):
            raise ValueError(f"PMID must be 1-9 digits, got {value!r}")
        return value

    @field_validator("doi")
    @classmethod
    def _doi_shape(cls, value: str | None) -> str | None:
        if value is not None and not DOI_PATTERN.match(value):
            raise ValueError(f"DOI must look like 10.NNNN/suffix, got {value!r}")
        return value


class ConcernKind(StrEnum):
    """GRADE's reasons to trust a body of evidence less, recorded by the curator when the design
    alone would overstate it (e.g. a meta-analysis with inconsistent results)."""

    RISK_OF_BIAS = "risk_of_bias"
    INCONSISTENCY = "inconsistency"
    INDIRECTNESS = "indirectness"
    IMPRECISION = "imprecision"
    PUBLICATION_BIAS = "publication_bias"


class FindingConcern(Strict):
    kind: ConcernKind
    note: Text


ALPHA = 0.05


class Comparator(StrEnum):
    LESS = "<"
    AT_MOST = "<="
    EQUAL = "="
    AT_LEAST = ">="
    MORE = ">"


class PValue(Strict):
    """A p-value as the source prints it: `p < 0.07` is `{comparator: "<", value: 0.07}`."""

    comparator: Comparator = Comparator.EQUAL
    value: float = Field(gt=0, le=1)


class IntervalKind(StrEnum):
    CONFIDENCE = "confidence"
    CREDIBLE = "credible"


class Interval(Strict):
    """A confidence or credible interval; `null_value` is the value meaning no effect (0 for a
    difference, 1 for a ratio)."""

    kind: IntervalKind
    level: float = Field(gt=0, lt=1)
    low: float
    high: float
    null_value: float = 0.0

    @field_validator("high")
    @classmethod
    def _ordered(cls, high: float, info: ValidationInfo) -> float:
        low = info.data.get("low")
        if low is not None and high < low:
            raise ValueError(f"high ({high:g}) is below low ({low:g})")
        return high


class Statistic(Strict):
    """One source's test of a finding's own claim (not of a side result): what was compared, and
    its p-value, interval, or the source's own word on significance when it gives no number."""

    source: SourceId
    measure: Text
    p_value: PValue | None = None
    interval: Interval | None = None
    significant: bool | None = None
    alpha: float = Field(default=ALPHA, gt=0, lt=1)

    @model_validator(mode="after")
    def _says_something(self) -> Statistic:
        if self.p_value is None and self.interval is None and self.significant is None:
            raise ValueError("give a p_value, an interval or significant (the source's own word)")
        return self

    def p_says(self) -> bool | None:
        """Significant at `alpha` by the p-value, or None when the printed bound cannot tell.

        A bound above `alpha` (`p < 0.07`) is read as not significant: sources print the tightest
        conventional bound the result met, so `p < 0.07` is a result between 0.05 and 0.07."""
        if self.p_value is None:
            return None
        comparator, value = self.p_value.comparator, self.p_value.value
        if comparator is Comparator.EQUAL:
            return value < self.alpha
        if comparator in (Comparator.LESS, Comparator.AT_MOST):
            return value <= self.alpha
        return False if value >= self.alpha else None

    def interval_says(self) -> bool | None:
        """Significant when the interval leaves out the no-effect value."""
        if self.interval is None:
            return None
        return not (self.interval.low <= self.interval.null_value <= self.interval.high)

    def is_significant(self) -> bool | None:
        """What the recorded numbers (or, without numbers, the source's own word) say."""
        for verdict in (self.p_says(), self.interval_says(), self.significant):
            if verdict is not None:
                return verdict
        return None

    def describe(self) -> str:
        parts = []
        if self.p_value is not None:
            parts.append(f"p {self.p_value.comparator.value} {self.p_value.value:g}")
        if self.interval is not None:
            i = self.interval
            parts.append(f"{i.level:.0%} {i.kind.value} interval {i.low:g} to {i.high:g}")
        if not parts and self.significant is not None:
            parts.append("reported significant" if self.significant else "reported not significant")
        return f"{self.measure} ({', '.join(parts) or 'no statistic'})"


class Subgroup(Strict):
    """The part of a condition a finding was studied in (post-infectious IBS with diarrhoea), and the
    words a question would use for it; a question about the condition in general or about another
    subgroup is answered from it only indirectly (docs/reasoning.md)."""

    name: Text
    terms: tuple[Text, ...]
    others: tuple[Text, ...] = ()


class Finding(Strict):
    """One claim: subject, effect, object, in a context. Its identity is the claim, not the source:
    several sources may support the same finding. `statistics` hold each source's test of this
    claim where the source gives one; the validator keeps `effect` consistent with them."""

    id: Slug
    subject: Slug
    effect: Effect
    object: Slug
    context: Slug | None = None
    subgroup: Subgroup | None = None
    sources: tuple[SourceId, ...]
    summary: Text
    magnitude: Text | None = None
    concerns: tuple[FindingConcern, ...] = ()
    statistics: tuple[Statistic, ...] = ()


class Link(Strict):
    """A signed edge of the mechanism graph, backed by the findings that support it."""

    id: Slug
    subject: Slug
    sign: Sign
    object: Slug
    findings: tuple[Slug, ...]
    note: Text | None = None


class Contraindication(Strict):
    id: Slug
    substance: Slug
    condition: Slug
    level: CautionLevel
    reason: Text
    mechanism: Text
    sources: tuple[SourceId, ...]


class EvidenceLevel(StrEnum):
    """How well an interaction is documented, separately from how bad it is (docs/interactions.md).
    A: controlled human studies (randomised or controlled pharmacokinetic studies) or a systematic
    review of them; B: uncontrolled or observational human studies, or a consistent series of case
    reports; C: isolated case reports; D: theory from the mechanism, animal or laboratory data."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"


class InteractionMechanism(StrEnum):
    """How two things interact. The first group acts on the body (pharmacodynamic), the second on
    how much of the medicine reaches the blood (pharmacokinetic); `unknown` says honestly that a
    listed interaction has no settled mechanism. `nutrient_depletion` is the medicine lowering the
    body's supply of the supplement (less absorbed from food, or more lost), which the supplement does
    not return on the medicine: the question it answers is "do I need more of it", not "is it safe
    to combine" (docs/interactions.md)."""

    SEROTONERGIC = "serotonergic"
    BLEEDING = "bleeding"
    SEDATION = "sedation"
    BLOOD_PRESSURE = "blood_pressure"
    BLOOD_SUGAR = "blood_sugar"
    ADDITIVE = "additive"
    OPPOSING = "opposing"
    ENZYME_INDUCTION = "enzyme_induction"
    ENZYME_INHIBITION = "enzyme_inhibition"
    TRANSPORTER_INDUCTION = "transporter_induction"
    CHELATION = "chelation"
    ABSORPTION = "absorption"
    EXCRETION = "excretion"
    NUTRIENT_DEPLETION = "nutrient_depletion"
    UNKNOWN = "unknown"

    @property
    def pharmacokinetic(self) -> bool:
        return self in _PHARMACOKINETIC


_PHARMACOKINETIC = frozenset(
    {
        InteractionMechanism.ENZYME_INDUCTION,
        InteractionMechanism.ENZYME_INHIBITION,
        InteractionMechanism.TRANSPORTER_INDUCTION,
        InteractionMechanism.CHELATION,
        InteractionMechanism.ABSORPTION,
        InteractionMechanism.EXCRETION,
    }
)


class InteractionAction(StrEnum):
    """What a person should do, most restrictive first."""

    AVOID = "avoid"
    SEPARATE = "separate"
    MONITOR = "monitor"
    TELL_PRESCRIBER = "tell_prescriber"


class Interaction(Strict):
    """A substance with a medicine, a class of medicines or another supplement (`drug` may name a
    substance). `severity` and `evidence_level` are separate scales, as in the pharmacists'
    references: a well-documented minor interaction and a theoretical severe one are different
    warnings. `separate_hours` is required exactly when `actions` include separating the doses."""

    id: Slug
    substance: Slug
    drug: Slug
    severity: Severity
    evidence_level: EvidenceLevel
    mechanism_kinds: tuple[InteractionMechanism, ...] = Field(min_length=1)
    actions: tuple[InteractionAction, ...] = Field(min_length=1)
    separate_hours: float | None = Field(default=None, gt=0, le=24)
    mechanism: Text
    management: Text
    sources: tuple[SourceId, ...]

    @model_validator(mode="after")
    def _hours_with_separate(self) -> Interaction:
        separate = InteractionAction.SEPARATE in self.actions
        if separate and self.separate_hours is None:
            raise ValueError("actions include 'separate': say by how many hours (separate_hours)")
        if self.separate_hours is not None and not separate:
            raise ValueError("separate_hours is given but actions do not include 'separate'")
        return self


class SideEffect(Strict):
    """An adverse effect. `outcome` names the outcome it worsens (constipation: gut symptoms) and
    `context` the population its frequency was seen in, so a verdict on that outcome weighs it."""

    id: Slug
    substance: Slug
    effect: Text
    frequency: Text | None = None
    note: Text | None = None
    outcome: Slug | None = None
    context: Slug | None = None
    sources: tuple[SourceId, ...]


class SafeLevelBasis(StrEnum):
    """What kind of limit a safe level is. An observed safe level comes from a risk assessment of
    the trials of a substance (glutamine); a tolerable upper intake level is set by a nutrition
    authority for a nutrient and may count only some sources of it (magnesium from supplements and
    medicines, not food). Answers name the limit by its kind, never one as the other."""

    OBSERVED_SAFE_LEVEL = "observed_safe_level"
    UPPER_INTAKE_LEVEL = "upper_intake_level"


class ObservedSafeLevel(Strict):
    """The highest daily intake with good evidence of no harm, and the risk assessment behind it;
    `basis` says which kind of limit it is."""

    amount: float = Field(gt=0)
    unit: Annotated[str, StringConstraints(pattern=r"^(mg|g|IU|mcg)/day$")]
    basis: SafeLevelBasis = SafeLevelBasis.OBSERVED_SAFE_LEVEL
    # Whether an upper intake level counts food as well as supplements: magnesium's counts only
    # supplements and medicines, vitamin D's counts every source.
    counts_food: bool = False
    sources: tuple[SourceId, ...]

    @property
    def label(self) -> str:
        """The limit's name in a sentence ("the observed safe level of ...")."""
        if self.basis is SafeLevelBasis.UPPER_INTAKE_LEVEL:
            return "tolerable upper intake level"
        return "observed safe level"

    @property
    def meaning(self) -> str:
        """What the limit means, for the reader who has never met the term."""
        if self.basis is SafeLevelBasis.UPPER_INTAKE_LEVEL and self.counts_food:
            return "the most a day from food and supplements together unlikely to harm healthy adults"
        if self.basis is SafeLevelBasis.UPPER_INTAKE_LEVEL:
            return "the most a day from supplements and medicines unlikely to harm healthy adults; food does not count"
        return "the highest intake with good evidence of no harm in healthy adults"


class Route(StrEnum):
    ORAL = "oral"
    INTRAVENOUS = "intravenous"


class DoseRange(Strict):
    """A daily amount or range as studied; `/kg/day` units scale with body weight."""

    low: float = Field(gt=0)
    high: float = Field(gt=0)
    unit: Annotated[str, StringConstraints(pattern=r"^(mg|g|IU|mcg)(/kg)?/day$")]

    @field_validator("high")
    @classmethod
    def _not_backwards(cls, high: float, info: ValidationInfo) -> float:
        low = info.data.get("low")
        if low is not None and high < low:
            raise ValueError(f"high ({high:g}) is below low ({low:g})")
        return high


class StudiedDose(Strict):
    """One amount a study or label used, structured so a person's dose can be placed against it.
    `daily` is left out when the amount was not given by mouth or not reported per day."""

    setting: Text
    regimen: Text
    daily: DoseRange | None = None
    route: Route = Route.ORAL
    weeks: float | None = Field(default=None, gt=0)
    sources: tuple[SourceId, ...]


class Dosing(Strict):
    """What is known about amounts. Never a prescription: `studied` ranges are what trials used,
    `observed_safe_level` is the highest intake with good evidence of no harm."""

    id: Slug
    substance: Slug
    standard_dose: Text
    guidance: tuple[Text, ...]
    studied: tuple[StudiedDose, ...] = ()
    observed_safe_level: ObservedSafeLevel | None = None
    upper_limit_note: Text | None = None
    # International units per microgram, for a substance whose amounts are given in both (vitamin
    # D: 40). IU measure biological activity, so the factor belongs to the substance, not the unit.
    iu_per_mcg: float | None = Field(default=None, gt=0)
    sources: tuple[SourceId, ...]


class Administration(Strict):
    id: Slug
    substance: Slug
    advice: Text
    sources: tuple[SourceId, ...]


class SpecialPopulation(Strict):
    id: Slug
    substance: Slug
    population: Text
    level: CautionLevel
    reason: Text
    sources: tuple[SourceId, ...]


class FoodSource(Strict):
    id: Slug
    substance: Slug
    food: Slug
    amount: Text | None = None
    sources: tuple[SourceId, ...]


class Alternative(Strict):
    """One option in a comparison of alternatives for a goal (gut health, mood)."""

    substance: Slug
    mechanism: Text
    target: Text
    research_strength: Text
    risks: Text
    sources: tuple[SourceId, ...]


class Comparison(Strict):
    id: Slug
    goal: Text
    condition: Slug | None = None
    outcome: Slug | None = None
    options: tuple[Alternative, ...]


class Factor(Strict):
    """Something about a person that changes the answer (sensitivity, dose, comorbidity, genes)."""

    id: Slug
    substance: Slug
    name: Text
    effect_on_answer: Text
    conditions: tuple[Slug, ...] = ()
    sources: tuple[SourceId, ...]


class Guidance(Strict):
    """Practical advice or a common mistake, in our words, with the sources that motivate it."""

    id: Slug
    substance: Slug
    kind: Annotated[str, StringConstraints(pattern=r"^(practice|mistake)$")]
    text: Text
    conditions: tuple[Slug, ...] = ()
    sources: tuple[SourceId, ...]


class Resource(Strict):
    """Where to find reliable information; organisations and databases, not citations."""

    id: Slug
    name: Text
    kind: Annotated[str, StringConstraints(pattern=r"^(organisation|database|professional|journal)$")]
    url: str | None = None
    about: Text
    conditions: tuple[Slug, ...] = ()


class AlertKind(StrEnum):
    SUSTAINED_RISE = "sustained_rise"
    SEVERE_SCORE = "severe_score"
    CRISIS = "crisis"
    DOSE_ABOVE_PLAN = "dose_above_plan"
    DOSE_ABOVE_SAFE_LEVEL = "dose_above_safe_level"


class AlertLevel(StrEnum):
    INFO = "info"
    WARNING = "warning"
    URGENT = "urgent"
    CRISIS = "crisis"


class AlertRule(Strict):
    """A personal-trial stopping or safety rule. Its parameters are data with a cited rationale,
    so a threshold can be questioned and changed by a curator without touching code:
    `sustained_rise`: `field` at least `threshold` points above the baseline mean on `days`
    consecutive days; `severe_score`: `field` at `threshold` or more; `crisis`: `field` above
    `threshold`, or a note that mentions self-harm; `dose_above_plan` / `dose_above_safe_level`:
    the dose taken exceeds the plan's or the substance's observed safe level."""

    id: Slug
    kind: AlertKind
    field: Annotated[str, StringConstraints(pattern=r"^(pain|fatigue|sleep|gi|phq2|phq9|phq9_item9)$")] | None = None
    threshold: float | None = None
    days: int | None = Field(default=None, ge=1, le=30)
    level: AlertLevel
    message: Text
    rationale: Text
    sources: tuple[SourceId, ...]


ScaleId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
LoincCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,7}-[0-9]$")]


class DifferenceStatus(StrEnum):
    """How sure we are of an important difference (docs/evidence-format.md, "Outcome scales"):
    `verified`, published for this instrument and the source checked against an indexed copy;
    `verified_proxy`, checked the same way but measured on a related instrument or population (the
    basis says what differs); `unverified_convention`, none published that could be verified, so
    the convention (a share of the range) is used and the sources support only the instrument."""

    VERIFIED = "verified"
    VERIFIED_PROXY = "verified_proxy"
    UNVERIFIED_CONVENTION = "unverified_convention"


class Loinc(Strict):
    """The LOINC code of the instrument as the diary asks it, with LOINC's display name."""

    code: LoincCode
    display: Text


class ImportantDifferenceRecord(Strict):
    """δ in score points. `published: false` says no published value could be verified; then
    `convention_fraction` states the share of the range used instead, and `points` must equal it
    times the range (the validator checks). `relative` is the relative change the source gives."""

    points: float = Field(gt=0)
    status: DifferenceStatus
    published: bool = True
    convention_fraction: float | None = Field(default=None, gt=0, lt=1)
    relative: float | None = Field(default=None, gt=0, lt=1)
    basis: Text
    sources: tuple[SourceId, ...]


class OutcomeScaleRecord(Strict):
    """One instrument a personal trial can measure an outcome with, and its important difference.

    `outcome` is the outcome entity it measures. `inverse` says a higher score means less of that
    entity (the PHQ-9 counts depressive symptoms, so a higher score is lower mood); the validator
    checks `higher_is_worse` against the entity's `higher_is_better` through it. `decimals` says
    whether a diary entry may hold a fraction (an analysed file of daily means always may)."""

    id: ScaleId
    name: Text
    noun: Text
    outcome: Slug
    inverse: bool = False
    low: float
    high: float
    higher_is_worse: bool
    decimals: bool = False
    loinc: Loinc | None = None
    instrument_sources: tuple[SourceId, ...] = ()
    important_difference: ImportantDifferenceRecord


class EvidenceFile(Strict):
    """The top level of one data file: any subset of these sections."""

    entities: tuple[Entity, ...] = ()
    sources: tuple[Source, ...] = ()
    findings: tuple[Finding, ...] = ()
    links: tuple[Link, ...] = ()
    contraindications: tuple[Contraindication, ...] = ()
    interactions: tuple[Interaction, ...] = ()
    side_effects: tuple[SideEffect, ...] = ()
    dosing: tuple[Dosing, ...] = ()
    administration: tuple[Administration, ...] = ()
    populations: tuple[SpecialPopulation, ...] = ()
    food_sources: tuple[FoodSource, ...] = ()
    comparisons: tuple[Comparison, ...] = ()
    factors: tuple[Factor, ...] = ()
    guidance: tuple[Guidance, ...] = ()
    resources: tuple[Resource, ...] = ()
    alert_rules: tuple[AlertRule, ...] = ()
    outcome_scales: tuple[OutcomeScaleRecord, ...] = ()


SECTIONS: tuple[str, ...] = tuple(EvidenceFile.model_fields)
