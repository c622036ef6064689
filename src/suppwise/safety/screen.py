"""The personal safety screen: a person's profile against everything recorded about one substance.

Each recorded caution either matches the person (a condition they have or one it belongs to, a
medicine they take or its class, a population they are in) and becomes a reason, or stays a
general caution they should still read. Terms that could not be recognised are reasons too: an
unknown medicine is "ask your pharmacist", never silence. The level is the most serious reason:
avoid, caution, or no_known_issue.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.citation import references
from suppwise.evidence.names import mid_sentence, normalise
from suppwise.evidence.schema import EntityKind
from suppwise.safety.cautions import LEVEL_RANK, severity_order, substance_cautions
from suppwise.safety.crisis import CRISIS_MESSAGE, crisis_resources_out, mentions_self_harm
from suppwise.safety.dose_check import check_dose
from suppwise.safety.medicine_reach import medicine_reach
from suppwise.safety.populations import CHILD_BELOW_AGE, OLDER_FROM_AGE, populations_in, record_populations
from suppwise.safety.profile import LIST_FIELDS, Profile
from suppwise.safety.recognise import Recognised, Unrecognised, recognise
from suppwise.safety.screen_model import GeneralCaution, RecognisedTerm, Screen, ScreenReason, UnknownTerm

_CANNOT_SAY = {
    "medications": "whether it interacts with {name}",
    "supplements": "whether it interacts with {name}",
    "conditions": "whether {name} is safe with it",
    "sensitivities": "whether {name} could set it off",
}
_ASK_WHO = {
    "medications": "pharmacist",
    "supplements": "pharmacist",
    "conditions": "doctor or pharmacist",
    "sensitivities": "pharmacist",
}
_WHAT = {
    "medications": "medicine",
    "supplements": "supplement",
    "conditions": "condition",
    "sensitivities": "sensitivity",
}


@dataclass(frozen=True)
class ResolvedProfile:
    """A profile read against one evidence base: what each term names, what it could not read, and
    the special populations the person belongs to (with the words that placed them there)."""

    profile: Profile
    recognised: tuple[Recognised, ...]
    unknown: tuple[Unrecognised, ...]
    populations: dict[str, str] = field(default_factory=dict)

    def by_kind(self, *kinds: EntityKind) -> dict[str, Recognised]:
        return {r.entity: r for r in self.recognised if r.kind in kinds}


def resolve_profile(base: EvidenceBase, profile: Profile) -> ResolvedProfile:
    recognised: list[Recognised] = []
    unknown: list[Unrecognised] = []
    populations: dict[str, str] = {}
    if profile.pregnant:
        populations["pregnancy"] = "pregnant"
    if profile.breastfeeding:
        populations["breastfeeding"] = "breastfeeding"
    if profile.age is not None and profile.age < CHILD_BELOW_AGE:
        populations["children"] = f"age {profile.age}"
    if profile.age is not None and profile.age >= OLDER_FROM_AGE:
        populations["older adults"] = f"age {profile.age}"
    for field_name in LIST_FIELDS:
        for term in getattr(profile, field_name):
            found = recognise(base, field_name, term)
            if isinstance(found, Recognised):
                recognised.append(found)
                continue
            named = populations_in(normalise(term))
            if named:  # "pregnant" written under conditions
                for population in named:
                    populations.setdefault(population, term)
            else:
                unknown.append(found)
    return ResolvedProfile(profile, tuple(recognised), tuple(unknown), populations)


def supplements_taken(resolved: ResolvedProfile) -> dict[str, Recognised]:
    """Supplements the person takes, listed as such or among their medicines ("5-HTP" next to
    "sertraline"): an interaction recorded with another supplement must be caught as surely as one
    with a medicine."""
    return {
        r.entity: r
        for r in resolved.recognised
        if r.field in ("medications", "supplements") and r.kind is EntityKind.SUBSTANCE
    }


def reach(base: EvidenceBase, chosen: dict[str, Recognised]) -> dict[str, Recognised]:
    """Every entity the person's terms reach through class membership (Tegretol reaches
    anticonvulsants; hepatic encephalopathy reaches liver disease), mapped to the term that reached it."""
    reached: dict[str, Recognised] = {}
    for entity_id, found in chosen.items():
        for ancestor in base.ancestors(entity_id):
            reached.setdefault(ancestor, found)
    return reached


def through_members(base: EvidenceBase, chosen: dict[str, Recognised], direct: dict[str, Recognised]) -> dict[str, str]:
    """Every entity a class of medicines the person listed reaches through its members ("SSRIs"
    reaches fluvoxamine and fluvoxamine's own classes), mapped to that class, for what is not reached
    directly: the person named the class and may well take that member (the rule of
    `safety.medicine_reach`, which the answers and the corpus's lead levels use too)."""
    classes = [entity for entity, found in chosen.items() if found.kind is EntityKind.DRUG_CLASS]
    reached = medicine_reach(base, classes)
    return {entity: cls for entity, cls in reached.items() if cls is not None and entity not in direct}


def _through_name(base: EvidenceBase, subject: str, record_entity: str, named_class: str) -> str:
    """A record reached through a listed class, named as the condition it holds under: "Fluvoxamine,
    if one of your SSRIs is fluvoxamine"; a narrower class as "among the ..."."""
    members = base.members(named_class)
    member = record_entity if record_entity in members else next(
        (m for m in members if record_entity in base.ancestors(m)), record_entity
    )
    entity = base.entities.get(member)
    which = f"among the {mid_sentence(base.name(member))}" if entity and entity.kind is EntityKind.DRUG_CLASS else (
        mid_sentence(base.name(member))
    )
    return f"{subject}, if one of your {mid_sentence(base.name(named_class))} is {which}"


def _implied_name(base: EvidenceBase, condition_name: str, medicine: str | None) -> str:
    """A condition reached through a medicine, named conditionally: the person listed Keppra, not
    epilepsy, and a medicine can be taken for something else."""
    if medicine is None:
        return condition_name
    return f"{condition_name}, if you take {mid_sentence(base.name(medicine))} for it"


def _unknown_reason(term: Unrecognised, name: str) -> ScreenReason:
    return ScreenReason(
        kind="unrecognised",
        entity=None,
        entity_name=term.term,
        level="caution",
        why=f"The {_WHAT[term.field]} {term.term!r} is not in the evidence base, so suppwise cannot say "
        f"{_CANNOT_SAY[term.field].format(name=name)}: ask your {_ASK_WHO[term.field]}.",
        sources=[],
        matched_term=term.term,
    )


def _summary(name: str, level: str, reasons: list[ScreenReason], profile: Profile, records: int) -> str:
    def subjects(wanted: str) -> str:
        names = [
            f"{r.entity_name!r} (not recognised)" if r.kind == "unrecognised" else mid_sentence(r.entity_name)
            for r in reasons
            if r.level == wanted
        ]
        return ", ".join(dict.fromkeys(names))

    if level == "avoid":
        rest = subjects("caution")
        also = f" It also needs care because of: {rest}." if rest else ""
        return (
            f"Avoid {name}: what you told suppwise matches a warning against it ({subjects('avoid')}).{also} "
            "The reasons and sources are below; talk to your doctor before taking it."
        )
    if level == "caution":
        return (
            f"Use {name} only with care and your clinician's agreement, because of: {subjects('caution')}. "
            "The reasons and sources are below."
        )
    if records == 0:
        return (
            f"No known issue, but only because the evidence base holds no safety records for {name}: that is not "
            "evidence that it is safe. Ask your pharmacist."
        )
    if profile.is_empty:
        return (
            f"You gave no details about yourself, so this screen can only list the general cautions for {name} (below)."
        )
    return (
        f"No known issue: nothing you listed matches a recorded warning about {name}. That is not proof of "
        "safety; the general cautions below still apply."
    )


def profile_shows_risk(resolved: ResolvedProfile) -> bool:
    """Whether any term of the profile shows a sign of self-harm risk (docs/crisis.md). A term that
    is exactly the name of a medicine or condition is a name, not a message: read as prose, "the
    pill" looked like the crisis messages about pills. Typo matches are still read."""
    names = {r.term for r in resolved.recognised if not r.close}
    return any(mentions_self_harm(term) for term in resolved.profile.terms() if term not in names)


def screen(base: EvidenceBase, resolved: ResolvedProfile, substance: str) -> Screen:
    """The screen of one substance for one resolved profile."""
    name = base.name(substance)
    profile = resolved.profile
    conditions = reach(base, resolved.by_kind(EntityKind.CONDITION))
    listed_medicines = resolved.by_kind(EntityKind.DRUG, EntityKind.DRUG_CLASS)
    drugs = reach(base, {**listed_medicines, **supplements_taken(resolved)})
    through = through_members(base, listed_medicines, drugs)
    reasons: list[ScreenReason] = []
    general: list[GeneralCaution] = []
    medicines = resolved.by_kind(EntityKind.DRUG)
    implied = base.implied_conditions(medicines, resolved.by_kind(EntityKind.CONDITION))
    cautions = substance_cautions(base, substance)
    for caution in cautions:
        found: Recognised | None = None
        matched_term: str | None = None
        implied_by: str | None = None
        through_class: str | None = None
        if caution.kind == "contraindication":
            found = conditions.get(caution.entity)
            if found is None and caution.entity in implied:
                implied_by = implied[caution.entity]
                found = medicines[implied_by]
        elif caution.kind == "interaction":
            found = drugs.get(caution.entity)
            if found is None and caution.entity in through:
                through_class = through[caution.entity]
                found = listed_medicines[through_class]
        else:
            hit = record_populations(caution.subject) & resolved.populations.keys()
            matched_term = resolved.populations[min(hit)] if hit else None
        if found is not None:
            matched_term = found.term
        if matched_term is None:
            general.append(
                GeneralCaution(
                    kind=caution.kind,
                    entity=caution.entity,
                    entity_name=caution.subject,
                    level=caution.level.value,
                    why=caution.advice,
                    sources=list(caution.sources),
                    severity=caution.severity,
                    evidence_level=caution.evidence_level,
                )
            )
            continue
        reasons.append(
            ScreenReason(
                kind=caution.kind,
                entity=caution.entity,
                entity_name=(
                    _through_name(base, caution.subject, caution.entity, through_class)
                    if through_class
                    else _implied_name(base, caution.subject, implied_by)
                ),
                level=caution.level.value,
                why=caution.advice,
                mechanism=caution.mechanism,
                sources=[*caution.sources, *(base.use_sources(implied_by, caution.entity) if implied_by else ())],
                matched_term=matched_term,
                close_match=bool(found and found.close),
                severity=caution.severity,
                evidence_level=caution.evidence_level,
                implied_by=implied_by,
                through=through_class,
            )
        )
    for found in resolved.recognised:
        if found.field == "sensitivities" and found.entity == substance:
            reasons.append(
                ScreenReason(
                    kind="sensitivity",
                    entity=substance,
                    entity_name=name,
                    level="avoid",
                    why=f"You listed a sensitivity or allergy to {name} itself.",
                    sources=[],
                    matched_term=found.term,
                    close_match=found.close,
                )
            )
    reasons.extend(_unknown_reason(term, name) for term in resolved.unknown)
    dose = profile.parsed_dose
    dose_check = check_dose(base, substance, dose, profile.weight_kg) if dose else None
    if dose_check is not None and dose_check.level != "no_known_issue":
        reasons.append(
            ScreenReason(
                kind="dose",
                entity=substance,
                entity_name=f"Dose: {dose_check.understood}",
                level=dose_check.level,
                why=dose_check.why,
                sources=dose_check.sources,
                matched_term=dose_check.intended,
            )
        )
    reasons.sort(key=lambda r: (-LEVEL_RANK[r.level], severity_order(r.severity)))
    level = max((r.level for r in reasons), key=LEVEL_RANK.__getitem__, default="no_known_issue")
    records = (
        len(cautions)
        + len(base.for_substance(base.side_effects, substance))
        + len(base.for_substance(base.dosing, substance))
    )
    crisis = profile_shows_risk(resolved)
    cited = [s for r in reasons for s in r.sources] + [s for g in general for s in g.sources]
    if dose_check is not None:
        cited.extend(dose_check.sources)
    return Screen(
        substance=substance,
        substance_name=name,
        level=level,
        summary=_summary(mid_sentence(name), level, reasons, profile, records),
        profile=profile,
        reasons=reasons,
        dose_check=dose_check,
        recognised=[
            RecognisedTerm(
                field=r.field,
                term=r.term,
                entity=r.entity,
                name=base.name(r.entity),
                kind=r.kind.value,
                close_match=r.close,
                note=r.note,
            )
            for r in resolved.recognised
        ],
        unknown=[
            UnknownTerm(
                field=u.field,
                term=u.term,
                message=f"not in the evidence base — ask your {_ASK_WHO[u.field]}",
                suggestions=list(u.suggestions),
            )
            for u in resolved.unknown
        ],
        general_cautions=general,
        safety_records=records,
        references=references(base, cited),
        crisis=crisis,
        crisis_message=CRISIS_MESSAGE if crisis else None,
        crisis_resources=crisis_resources_out() if crisis else [],
    )
