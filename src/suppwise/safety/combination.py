"""Screening several supplements at once: the one being checked and those the person already takes.

A person who adds St John's wort to 5-HTP, magnesium and sertraline needs one list of what clashes
with what, not three screens to compare by eye. Every supplement is screened as `screen` does, with
the other supplements counted among what the person takes; then every interaction between a
supplement and another supplement or one of the person's medicines becomes one pair. A pair is
unordered: the record "St John's wort with 5-HTP" and a record "5-HTP with St John's wort", or a
record for sertraline's class and one for sertraline itself, describe the same two things taken
together, so they make one pair, spoken for by the most severe record, with every record's
sources. Pairs come most severe first (contraindicated, major, moderate, minor), then best
documented (evidence level A first), then by name.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.citation import references
from suppwise.evidence.schema import EntityKind, Interaction, Severity
from suppwise.safety.cautions import LEVEL_RANK, SEVERITY_RANK, action_sentence, interaction_level
from suppwise.safety.combination_model import CombinationCheck, InteractingPair
from suppwise.safety.crisis import CRISIS_MESSAGE, crisis_resources_out
from suppwise.safety.profile import LIST_FIELDS
from suppwise.safety.recognise import Recognised
from suppwise.safety.screen import ResolvedProfile, screen, supplements_taken
from suppwise.safety.screen_model import Screen

_TAKEN_FIELDS = ("medications", "supplements")


@dataclass(frozen=True)
class _Hit:
    """One record that joins a screened supplement (`first`) to something the person takes (`second`)."""

    record: Interaction
    first: str
    second: str


def considered_supplements(resolved: ResolvedProfile, substance: str) -> list[str]:
    """The supplements to screen, the one being checked first, then those the person takes (listed as
    supplements or among their medicines), each once."""
    return list(dict.fromkeys([substance, *supplements_taken(resolved)]))


def _own_profile(resolved: ResolvedProfile, substance: str, checked: str, checked_term: str) -> ResolvedProfile:
    """The profile one supplement is screened against: the person's, with the checked supplement
    among what they take instead of this one. The intended dose belongs to the checked supplement
    alone, so the others are screened without it."""
    if substance == checked:
        return resolved
    this = {r.term for r in resolved.recognised if r.field == "supplements" and r.entity == substance}
    kept = [r for r in resolved.recognised if not (r.field == "supplements" and r.entity == substance)]
    as_taken = Recognised("supplements", checked_term, checked, EntityKind.SUBSTANCE, False)
    recognised = sorted([as_taken, *kept], key=lambda r: LIST_FIELDS.index(r.field))
    supplements = (checked_term, *(t for t in resolved.profile.supplements if t not in this))
    profile = resolved.profile.model_copy(update={"supplements": supplements, "dose": None})
    return replace(resolved, profile=profile, recognised=tuple(recognised))


def _taken(resolved: ResolvedProfile, checked: str, checked_term: str) -> dict[str, list[Recognised]]:
    """Everything the person would take with the supplements, by entity, with every term that named
    it: their medicines and classes (under any heading) and their supplements, the checked one too."""
    taken: dict[str, list[Recognised]] = {
        checked: [Recognised("supplements", checked_term, checked, EntityKind.SUBSTANCE, False)]
    }
    interactant = (EntityKind.DRUG, EntityKind.DRUG_CLASS)
    for found in resolved.recognised:
        if found.kind in interactant or (found.kind is EntityKind.SUBSTANCE and found.field in _TAKEN_FIELDS):
            taken.setdefault(found.entity, []).append(found)
    return taken


def _order(hit: _Hit) -> tuple[int, str, str]:
    return SEVERITY_RANK[hit.record.severity], hit.record.evidence_level.value, hit.record.id


def _pair(
    base: EvidenceBase, hits: list[_Hit], taken: dict[str, list[Recognised]], supplements: set[str]
) -> InteractingPair:
    """One pair from every record that names it: the most severe (then best documented) speaks."""
    lead = min(hits, key=_order)
    record = lead.record
    words = taken[lead.second]
    return InteractingPair(
        first=lead.first,
        first_name=base.name(lead.first),
        second=lead.second,
        second_name=base.name(lead.second),
        second_kind="supplement" if lead.second in supplements else "medicine",
        recorded_with=record.drug,
        recorded_with_name=base.name(record.drug),
        severity=record.severity.value,
        evidence_level=record.evidence_level.value,
        level=interaction_level(record.severity).value,
        mechanism_kinds=[kind.value for kind in record.mechanism_kinds],
        actions=[action.value for action in record.actions],
        separate_hours=record.separate_hours,
        action=action_sentence(record),
        mechanism=record.mechanism,
        management=record.management,
        matched_terms=list(dict.fromkeys(found.term for found in words)),
        close_match=any(found.close for found in words),
        records=list(dict.fromkeys(hit.record.id for hit in sorted(hits, key=_order))),
        sources=list(dict.fromkeys(s for hit in sorted(hits, key=_order) for s in hit.record.sources)),
    )


def interacting_pairs(
    base: EvidenceBase, resolved: ResolvedProfile, substance: str, *, term: str | None = None
) -> list[InteractingPair]:
    """Every interacting pair among the supplements and between them and the person's medicines,
    each unordered pair once, most severe first."""
    checked_term = term or base.name(substance)
    supplements = considered_supplements(resolved, substance)
    taken = _taken(resolved, substance, checked_term)
    found: dict[frozenset[str], list[_Hit]] = {}
    for supplement in supplements:
        for record in base.for_substance(base.interactions, supplement):
            for entity in taken:
                if entity != supplement and record.drug in base.ancestors(entity):
                    found.setdefault(frozenset((supplement, entity)), []).append(_Hit(record, supplement, entity))
    pairs = [_pair(base, hits, taken, set(supplements)) for hits in found.values()]
    return sorted(
        pairs,
        key=lambda p: (
            SEVERITY_RANK[Severity(p.severity)],
            p.evidence_level,
            p.first_name.lower(),
            p.second_name.lower(),
        ),
    )


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _for_own_reasons(screens: list[Screen], level: str) -> list[str]:
    """The supplements whose screen reaches `level` for a reason other than a pair: a condition, a
    population, a sensitivity, the dose."""
    return [
        s.substance_name
        for s in screens
        if any(r.level == level and r.kind not in ("interaction", "unrecognised") for r in s.reasons)
    ]


def _summary(names: list[str], pairs: list[InteractingPair], screens: list[Screen], unknown: list[str]) -> str:
    parts: list[str] = []
    if pairs:
        worst = pairs[0]
        lead = (
            f"{worst.first_name} with {worst.second_name} is a {worst.severity} interaction "
            f"(evidence level {worst.evidence_level})"
        )
        more = len(pairs) - 1
        if more:
            lead += f", and {more} more interacting pair{'s' if more > 1 else ''} {'are' if more > 1 else 'is'} listed"
        if worst.level == "avoid":
            parts.append(
                f"Avoid this combination as it stands: {lead}. "
                "Talk to your doctor or pharmacist before taking these together."
            )
        else:
            parts.append(f"Take these together only with care and your clinician's agreement: {lead}.")
    else:
        among = f"among {_join(names)} or between them" if len(names) > 1 else f"between {names[0]}"
        parts.append(f"No interaction is recorded {among} and the medicines you listed.")
    avoid = _for_own_reasons(screens, "avoid")
    care = [name for name in _for_own_reasons(screens, "caution") if name not in avoid]
    if avoid:
        parts.append(f"Avoid {_join(avoid)} for reasons of {'its' if len(avoid) == 1 else 'their'} own: see below.")
    if care:
        parts.append(f"{_join(care)} also need{'s' if len(care) == 1 else ''} care for other reasons: see below.")
    silent = [s.substance_name for s in screens if s.safety_records == 0]
    if silent:
        parts.append(
            f"The evidence base holds no safety records for {_join(silent)}, so it cannot say how "
            f"{'it combines' if len(silent) == 1 else 'they combine'} with the rest: ask your pharmacist."
        )
    if unknown:
        one = len(unknown) == 1
        parts.append(
            f"{_join([repr(term) for term in unknown])} {'is' if one else 'are'} not in the evidence base, so "
            f"suppwise cannot say how {'it combines' if one else 'they combine'} with the rest: ask your pharmacist."
        )
    if not pairs and not avoid and not care and not silent and not unknown:
        parts.append("That is not proof of safety; the general cautions in each screen still apply.")
    return " ".join(parts)


def combination_check(
    base: EvidenceBase, resolved: ResolvedProfile, substance: str, *, term: str | None = None
) -> CombinationCheck:
    """The checked supplement and every supplement the person takes, screened together. `term` is
    how the person wrote the checked supplement (shown when it is what another one's record names)."""
    checked_term = term or base.name(substance)
    supplements = considered_supplements(resolved, substance)
    screens = [screen(base, _own_profile(resolved, s, substance, checked_term), s) for s in supplements]
    pairs = interacting_pairs(base, resolved, substance, term=checked_term)
    level = max(
        [*(s.level for s in screens), *(p.level for p in pairs)], key=LEVEL_RANK.__getitem__, default="no_known_issue"
    )
    names = [base.name(s) for s in supplements]
    crisis = any(s.crisis for s in screens)
    cited = [s for p in pairs for s in p.sources] + [r.id for s in screens for r in s.references]
    return CombinationCheck(
        substance=substance,
        substances=supplements,
        substance_names=names,
        level=level,
        summary=_summary(names, pairs, screens, [u.term for u in resolved.unknown if u.field in _TAKEN_FIELDS]),
        profile=resolved.profile,
        pairs=pairs,
        screens=screens,
        unknown=screens[0].unknown,
        references=references(base, cited),
        crisis=crisis,
        crisis_message=CRISIS_MESSAGE if crisis else None,
        crisis_resources=crisis_resources_out() if crisis else [],
    )
