"""From a parsed question to an Answer. One handler per intent gathers the facts it needs through a
Composer and words a summary built from those records, never free text; `build_answer` routes,
handles what cannot be answered, and puts crisis resources first when they are needed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.citation import references as references_for
from suppwise.evidence.names import is_plural
from suppwise.evidence.names import mid_sentence as mid_sentence
from suppwise.evidence.schema import EntityKind, InteractionMechanism, SideEffect
from suppwise.questions.amount_against_limit import amount_against_limit
from suppwise.questions.answer_model import (
    Answer,
    Caution,
    EvidenceItem,
    MechanismOut,
    VerdictOut,
)
from suppwise.questions.common_words import COMMON_WORDS
from suppwise.questions.comparison_frame import framed_for_another_goal
from suppwise.questions.compose import Composer
from suppwise.questions.coverage import combination, join, on_processes, stricter_forms, studied_pairs
from suppwise.questions.dose_frame import dose_first, without_limit
from suppwise.questions.forms_compared import FormsCompared, forms_compared
from suppwise.questions.goal_mentions import goal_sentences
from suppwise.questions.lacked_supplements import is_lacked_supplement
from suppwise.questions.left_out_foods import left_out_foods
from suppwise.questions.medicine_ways import asks_about_medicines_in_general, medicine_ways
from suppwise.questions.parse import Intent, Query
from suppwise.questions.record_mentions import (
    ALCOHOL,
    Quote,
    alcohol_drink,
    looked_up_as,
    mentioned_anywhere,
    sentences_anywhere,
    sentences_mentioning,
    taken_beside,
)
from suppwise.questions.recorded_cautions import (
    ANY_SUPPLEMENT,
    asks_recorded_cautions,
    recorded_cautions,
    recorded_sentence,
)
from suppwise.questions.stage_dose import stage_dose, stage_dose_sentence
from suppwise.questions.stopping import asks_about_stopping, stopping_sentences
from suppwise.questions.story_foods import story_foods_only
from suppwise.questions.studied_for import SHOWN, studied_for, studied_sentence
from suppwise.questions.symptom_phrases import everyday_measures, everyday_symptoms, record_words
from suppwise.questions.told_conditions import told_conditions
from suppwise.questions.unheld_goals import unheld_goal, unheld_goal_sentence
from suppwise.questions.unknown_goal import unknown_goal_sentence, unknown_goals
from suppwise.questions.unsaid_names import beside_terms, qualifying_terms
from suppwise.questions.unscreened_medicines import unscreened_sentence
from suppwise.questions.vocabulary import normalise
from suppwise.reasoning.condition_overview import DIRECTION_WORDS, ConditionOverview, condition_overview
from suppwise.reasoning.grading import RANK
from suppwise.reasoning.symptoms import asked_symptom, misses_the_symptom, named_symptoms
from suppwise.reasoning.verdict import Direction, Reply, Verdict, VerdictCode
from suppwise.safety.crisis import (
    CRISIS_MESSAGE,
    SUPPORT_LINE,
    CrisisTier,
    crisis_message,
    crisis_resources_out,
)
from suppwise.safety.medication_change import MEDICATION_CHANGE_WARNING, asks_about_changing_medication
from suppwise.safety.medicine_reach import medicine_reach
from suppwise.safety.profile import Profile
from suppwise.safety.screen import ResolvedProfile, profile_shows_risk, resolve_profile, screen
from suppwise.safety.screen_model import Screen

_LIMIT_WORDS = re.compile(r"\b(too much|maximum|max|upper limit|limit|overdose|safe amount|how much is safe|most)\b")


@dataclass(frozen=True)
class Ask:
    """What a handler works on: the composer, the substance asked about and the question's setting."""

    c: Composer
    substance: str
    context: str | None
    outcomes: list[str]

    @property
    def name(self) -> str:
        """The substance's display name, to open a sentence with."""
        return self.c.name(self.substance)

    @property
    def mid(self) -> str:
        """The substance's name inside a sentence ("vitamin D", "SAMe", "St John's wort")."""
        return mid_sentence(self.name)


# -- handlers: each returns the summary -----------------------------------------------------------


def _effect(a: Ask) -> str:
    c, query = a.c, a.c.query
    soon = _how_soon(a)
    if soon and not a.outcomes:
        c.background(a.substance)
        c.dosing(a.substance)
        return soon
    if not a.outcomes:
        recorded = _recorded_side_effects(a) if query.intent is Intent.MECHANISM else ""
        if recorded:
            return f"{recorded} The evidence base records no mechanism for it."
        processes = query.of(EntityKind.PROCESS)
        if processes:
            return on_processes(c, a.substance, processes)
        if any(x.kind == "interaction" and x.matches_question for x in c.cautions(a.substance)):
            # "why does St John's wort make the pill not work": the interaction record is the answer
            return "How they interact, and what to do, is in the recorded warning (below, with its sources)."
        ways = _ways_with_medicines(a)
        if ways:
            return ways
        c.background(a.substance)
        c.matching_comparisons((a.substance,), a.context, a.outcomes)
        if query.conditions:
            # The person named a condition; asking them to name one would read as not listening.
            named = join([c.mid(x) for x in query.conditions])
            # "listed below" only when a list follows (green tea extract has no roles recorded)
            roles = any(section.key == "roles" for section in c.sections)
            if query.intent is Intent.MECHANISM and _why_warned(c, a.substance):
                # "why would glutamine be a problem in cirrhosis": the warning that leads is the answer;
                # "no symptom measure" after it read as boilerplate to a question answered (sixth try-out)
                after = f", and what {a.mid} does in the body is listed after them" if roles else ""
                return f"The reasons, with their sources, are in the warnings below{after}."
            return (
                f"suppwise grades effects on symptoms (pain, fatigue, mood, gut symptoms, sleep), and the "
                f"evidence base records no symptom measure for {named}, so there is no graded verdict on "
                f"{a.mid} there." + _unwarned_conditions(c, a.substance) + _goal_mentioned(c, a.substance)
                + (f" What {a.mid} does in the body is listed below." if roles else "")
            )
        studied = studied_pairs(c, a.substance) if query.intent is not Intent.MECHANISM else []
        if studied:
            # "l-methylfolate with an antidepressant to boost it" names no symptom, but the base's
            # human studies of it are on one: that verdict answers better than a list of roles.
            verdicts = [c.add_verdict(a.substance, o, where, query.asked or Direction.HELPS) for o, where in studied]
            pairs = join([c.mid(o) + (f" in {c.mid(w)}" if w else "") for o, w in studied])
            # a yes or no would answer a question not asked when it names a measure the base lacks
            # ("can omega 3 thin my blood" is not answered "Yes: ... improving mood")
            lead = not (everyday_measures(query.normalised) or query.unrecognised)
            said = " ".join(_verdict_sentence(c, v, lead=lead) for v in verdicts)
            return f"The human studies of {a.mid} in the evidence base are on {pairs}. {said}"
        if not any(section.key == "roles" for section in c.sections):
            # nothing to list: "listed below" would point at an empty page
            unknown = ", ".join(f"'{t}'" for t in query.unrecognised[:3])
            about = f" about {unknown}" if unknown else ""
            return (
                f"The evidence base records nothing{about} on what {a.mid} does in the body that fits this "
                "question; name a condition or symptom (pain, fatigue, mood, gut symptoms) for a graded verdict."
            )
        return (
            f"{a.name} has several roles in the body, listed below; name a condition or symptom "
            "(pain, fatigue, mood, gut symptoms) for a graded verdict."
        )
    asked = query.asked or Direction.HELPS
    mechanism = query.intent is Intent.MECHANISM
    recorded = _recorded_side_effects(a) if mechanism else ""
    sentences = [x for x in (soon, recorded) if x]
    # "magnesium for fibro cramps": a symptom the base lacks, the condition's measure standing in
    # for it, is said first, and the measure's verdict is given without a yes or no
    # (questions/unknown_goal.py)
    said_of = [n for x in query.conditions for n in (c.base.entities[x].name, *c.base.entities[x].synonyms)]
    # not for a "how" question, which gets no yes or no anyway ("in depression models"), nor beside a
    # crisis reading, whose words ("suicidal thoughts") are no symptom to look up
    skip = bool(query.outcomes) or mechanism or bool(query.crisis)
    goals = [] if skip else unknown_goals(query.normalised, query.unrecognised, said_of)
    if goals:
        measured = join([c.mid(o) + (f" in {c.mid(a.context)}" if a.context else "") for o in a.outcomes])
        sentences.append(unknown_goal_sentence(goals, a.mid, measured))
    for outcome in a.outcomes:
        verdict = c.add_verdict(a.substance, outcome, c.settings.get(outcome, a.context), asked)
        if goals:
            c.stand_ins[(verdict.substance, verdict.outcome, verdict.condition)] = ", ".join(goals[:2])
        if not (recorded and verdict.code is VerdictCode.NO_EVIDENCE):
            sentences.append(_verdict_sentence(c, verdict, lead=not (mechanism or goals)))
        c.key_points.extend(verdict.reasons[:3])
    if mechanism:
        # "why does glutamine cause headaches?" asks for a mechanism: say so when none is traced,
        # rather than let the verdict stand as if it explained why.
        traced = {m.outcome for m in c.mechanisms}
        untraced = [c.mid(o) for o in a.outcomes if o not in traced]
        if untraced:
            basis = (
                "the answer rests on the reports listed below"
                if c.evidence
                else "the side-effect record above is what the sources report"
                if recorded
                else "nor any report of it"
            )
            sentences.append(f"The evidence base traces no mechanism from {a.mid} to {join(untraced)}; {basis}.")
    _avoid_note(a)
    c.background(a.substance)
    c.dosing(a.substance)
    c.factors_and_guidance(a.substance, a.context)
    return " ".join(sentences)


_ASKS_HOW_SOON = re.compile(
    r"\bhow (long|soon|quickly|fast)\b.*\b(work|works|working|kick|kicks|help|helps|start|starts|notice|feel|"
    r"see|effect|effects|difference|improve|results?)\b|\bhow (soon|quickly)\b|"
    r"\bhow many (weeks|days|months) (of (\w+ ){1,3})?(until|before|b4|till|til|for|does|do|to)\b|"
    r"\bwhen (will|would|should|do|does|can) (i|you|it|they|we)\b.*\b(notice|feel|see|start|kick in)\b"
)


def _unwarned_conditions(c: Composer, substance: str, *, goals: bool = True) -> str:
    """The conditions named that no warning about the substance is about, said after "no graded
    verdict there" (fourth try-out: "can melatonin make seizures worse", "melatonin epilepsy" were
    answered with the missing symptom measure alone, and the silence about warnings read as if none
    had been looked for). A condition a warning is about is said by the answer's lead already."""
    warned = {x.entity for x in c.cautions(substance)}
    # beside a safety or interaction answer, a condition named only as what it is taken for ("5-htp
    # with my cymbalta for the fibromyalgia pain") is the goal, not a state to screen (goals=False)
    words = c.query.normalised.split()
    as_goal = {
        m.entity_id for m in c.query.mentions if "for" in words[max(0, m.start - 2) : m.start]
    } - {m.entity_id for m in c.query.mentions if "for" not in words[max(0, m.start - 2) : m.start]}
    unwarned = [c.mid(x) for x in c.query.conditions if x not in warned and (goals or x not in as_goal)]
    if not unwarned:
        return ""
    return (
        f" None of suppwise's warnings about {c.mid(substance)} is about {_either(unwarned)}, but that is not "
        "proof of safety: ask your doctor or pharmacist."
    )


def _goal_mentioned(c: Composer, substance: str) -> str:
    """What the records say of a condition named with no verdict ("weight-loss blends" have caused
    liver injury, for "does green tea extract burn fat"): quoted, so that "none of the warnings is
    about it" is not read as reassurance (questions/goal_mentions.py)."""
    # a condition a warning is about is said by the answer's lead already ("SAMe bipolar")
    warned = {x.entity for x in c.cautions(substance)}
    quoted = [q for x in c.query.conditions if x not in warned for q in goal_sentences(c.base, substance, x)]
    if not quoted:
        return ""
    return f" Its records do speak of it: {_quoted(c, list(dict.fromkeys(quoted))[:2])}"


def _how_soon(a: Ask) -> str:
    """ "How long does SAMe take to work?" No record says how soon a supplement acts, but the base
    knows how long each of its studies gave it, which is the honest part of an answer: effects were
    measured over that time, in those people. The studies in the condition or symptom asked about
    are chosen when there are any."""
    c = a.c
    if not _ASKS_HOW_SOON.search(c.query.normalised):
        return ""
    records = c.base.for_substance(c.base.dosing, a.substance)
    studied = [s for r in records for s in r.studied if s.weeks and not _NOT_ON_EFFECTS.search(s.setting.lower())]
    asked = [*c.query.conditions, *c.query.outcomes]
    # "how soon does saffron help my mood": the studies of mood are those in the conditions measured
    # by it (depression), not a sleep or fibromyalgia study that also scored mood
    measured_by = [
        e.id
        for e in c.base.entities.values()
        if e.kind is EntityKind.CONDITION and e.outcome in c.query.outcomes and not c.query.conditions
    ]
    names = [(c.base.entities[x].name, *c.base.entities[x].synonyms) for x in (*asked, *measured_by)]
    words = {t.lower() for terms in names for t in terms if len(t) >= 4}
    # a prevention trial ("Prevention of depression in adults 50 and older") was done in people
    # without the condition: it is no study "in depression" of how soon it helps (it still measured mood)
    fitting = [
        s
        for s in studied
        if any(w in s.setting.lower() for w in words)
        and not (c.query.conditions and _PREVENTION.search(s.setting.lower()))
    ]
    chosen = fitting or studied
    if not chosen:
        return f"The evidence base does not record how soon {a.mid} starts to work, nor how long it was studied for."
    low, high = min(s.weeks or 0 for s in chosen), max(s.weeks or 0 for s in chosen)
    span = _duration(low) if low == high else f"{_duration(low)} to {_duration(high)}"
    if low >= 1 and high < 104:  # "6 to 12 weeks"
        span = span.replace(" weeks to ", " to ", 1)
    where = ""
    if fitting:
        conditions = [c.mid(x) for x in c.query.conditions]
        outcomes = [c.mid(x) for x in c.query.outcomes]
        where = (f" in {join(conditions)}" if conditions else "") + (f" for {join(outcomes)}" if outcomes else "")
    c.key_points.extend(f"Given for {_duration(s.weeks or 0)}: {s.setting}." for s in chosen)
    return (
        f"The evidence base does not record how soon {a.mid} starts to work. Its studies of {a.mid}{where} gave it "
        f"for {span} and measured their effects over that time."
    )


_PREVENTION = re.compile(r"\bprevent\w*")
# Studies of an interaction or of safety, which measured no effect on a symptom
_NOT_ON_EFFECTS = re.compile(r"\b(interaction|healthy volunteers|safety studies|users)\b")


def _duration(weeks: float) -> str:
    """A study's length as people say it: "3 days", "8 weeks", "about 5 years"."""
    if weeks < 1:
        days = round(weeks * 7)
        return f"{days} day" if days == 1 else f"{days} days"
    if weeks >= 104:
        return f"about {weeks / 52:.0f} years"
    return f"{weeks:g} week" if weeks == 1 else f"{weeks:g} weeks"


def _recorded_side_effects(a: Ask) -> str:
    """A "why does X give me Y" question whose Y is a recorded side effect of X: the record says that
    it happens, how often, and any reason its sources give ("unabsorbed salts draw water into the
    bowel"), which a graded verdict on the outcome would leave out or open with "unclear"."""
    c = a.c
    asked = _asked_symptoms(c, a.substance)
    records = c.base.for_substance(c.base.side_effects, a.substance)
    matched = _matched_side_effects(c, records, asked) if asked else []
    if not matched:
        return ""
    c.side_effects(a.substance)
    told = "; ".join(mid_sentence(r.effect) for r in matched[:3]) + ("; and more" if len(matched) > 3 else "")
    c.key_points.append(f"Recorded among the side effects of {a.mid}: {told}.")
    if len(matched) > 1:
        return f"Recorded among the side effects of {a.mid}: {told} (how often each is seen is listed below)."
    said = " ".join(_sentence(x) for x in (matched[0].frequency, matched[0].note) if x)
    return f"Recorded among the side effects of {a.mid}: {told}. {said}".strip()


def _as_a_thing(words: str) -> str:
    """A process as the person wrote it, with "the" where English wants it ("the gut lining"); a
    name that is a condition in lay speech ("leaky gut") or already has its article keeps its words."""
    return words if words.startswith(("leaky", "leeky", "the ", "a ", "my ")) else f"the {words}"


def _cure(a: Ask) -> str:
    c = a.c
    said = _effect(a)
    # "can glutamine cure leaky gut for good" names a process, not a condition or symptom: it is the
    # target ("nothing shows that glutamine cures it" left the reader to guess), and what the base
    # records on it follows (sixth try-out)
    processes = c.query.of(EntityKind.PROCESS) if not (a.context or a.outcomes) else []
    # a process in the person's own words ("leaky gut"), the base's name beside it in what follows
    written = {m.entity_id: m.text for m in c.query.mentions}
    target = c.mid(a.context) if a.context else c.mid(a.outcomes[0]) if a.outcomes else (
        join([_as_a_thing(written.get(x) or c.mid(x)) for x in processes]) if processes else "it"
    )
    has_evidence = any(v.code is not VerdictCode.NO_EVIDENCE for v in c.verdicts)
    c.key_points.insert(
        0,
        f"No study in the evidence base shows {a.mid} curing or reversing {target}; at most, studies look at "
        "easing symptoms.",
    )
    c.verdicts = [_as_cure(v) for v in c.verdicts]
    lead = "No" if has_evidence else "Unclear"
    symptoms = " ".join(_verdict_sentence(c, v, lead=False) for v in c.verdicts)
    recorded = f" {said}" if processes and said else ""
    # a process is healed, not cured: "heals the gut lining for good", "heals leaky gut for good"
    verb, end = ("heal", " for good") if processes else ("cure", "")
    verb += "" if is_plural(a.mid) else "s"  # "probiotics heal", "glutamine heals"
    return f"{lead}: nothing shows that {a.mid} {verb} {target}{end}." + (
        f" On symptoms: {symptoms}" if symptoms else recorded
    )


def _safety(a: Ask) -> str:
    """The reason leads (build_answer puts the most severe matching caution first); side effects
    follow as a short list, never before the reason. A question naming several supplements ("is it
    safe to take magnesium and melatonin together") is answered about the combination and about
    each of them, not only the first."""
    others = [s for s in a.c.query.substances if s != a.substance]
    if others:
        parts = [
            combination(a.c, a.substance, others),
            _one_safety(a, direct=False),
            *(_one_safety(replace(a, substance=o), subject=False, direct=False) for o in others),
        ]
        return " ".join(dict.fromkeys(parts))
    return _one_safety(a)


def _one_safety(a: Ask, *, subject: bool = True, direct: bool = True) -> str:
    """One supplement's safety for what the question names. A name suppwise does not know is said so
    in every case ("I don't recognise 'dementia'"), never passed over: silence would read as "no
    warning". Without a warning for the condition named, the answer adds what the studies say about
    harm there ("is MSG bad for fibromyalgia?" has a trial on pain)."""
    c = a.c
    cautions = c.cautions(a.substance)
    matched = [x for x in cautions if x.matches_question]
    unknown = list(c.query.unrecognised) if subject else []
    not_known = f" {_not_recognised(c, unknown, a.mid, a.substance)}" if unknown else ""
    if matched:
        c.side_effects(a.substance)
        # a condition told beside the stage or medicine warned about is screened aloud too ("my son is
        # 12 and has epilepsy, can he have melatonin": the children's caution, and none on seizures)
        unwarned = _unwarned_conditions(c, a.substance, goals=False) if subject else ""
        return "The reasons and sources are below; talk to your doctor before taking it." + unwarned + not_known
    harm = _harm_in_condition(a) if subject else ""
    # a stage of life named with no record for it is said, not passed over ("is gaba ok when pregnant")
    stages = list(c.query.populations)
    if not cautions:
        told = [c.mid(x) for x in c.query.conditions] + stages
        anyone = f", for {', '.join(told)} or anyone else" if stages else ""
        it = "they are" if is_plural(a.mid) else "it is"
        return (
            f"No safety warning about {a.mid} is recorded in the evidence base{anyone}. That is not evidence "
            f"that {it} safe: ask your pharmacist or doctor.{harm}{not_known}"
        )
    c.side_effects(a.substance)
    named = [c.mid(x) for x in (*c.query.conditions, *c.query.drugs)] + stages
    avoid = [c.mid(x.entity) for x in cautions if x.level == "avoid" and x.kind == "contraindication"]
    if named:
        return (
            f"None of suppwise's warnings about {a.mid} is about {join(named)}, but that is not proof of "
            f"safety; check the general cautions below with your clinician.{harm}{not_known}"
        )
    # "I overdosed on coffee, can I still take my melatonin": the food told in the story follows the
    # answer on the supplement instead of standing for it (questions/story_foods.py)
    after = not_known if story_foods_only(c.query.normalised, unknown) else ""
    if unknown and not after:
        return _not_recognised(c, unknown, a.mid, a.substance)
    if avoid:
        # "can I take vitamin D and magnesium together" is not answered "No, ..." for each of them
        who = f"people with {join(avoid)} should avoid it, and others need care; see below."
        if not direct:
            return f"{a.name} is not for everyone: {who}{after}"
        return f"No, {a.mid} is not safe for everyone. {who[0].upper()}{who[1:]}{after}"
    return f"{a.name} needs care in the situations listed below.{after}"


def _harm_in_condition(a: Ask) -> str:
    """What the studies say about the substance worsening the symptom a named condition is measured
    by, as a sentence to add to a safety answer; empty when there is no evidence on it."""
    if a.context is None:
        return ""
    sentences = []
    harm_only = True
    for outcome in a.outcomes:
        verdict = a.c.add_verdict(a.substance, outcome, a.context, Direction.WORSENS)
        if verdict.code is not VerdictCode.NO_EVIDENCE:
            sentences.append(_verdict_sentence(a.c, verdict, lead=False))
            harm_only = harm_only and verdict.direction is Direction.WORSENS
    if not sentences:
        return ""
    # "On harm:" before "the evidence leans towards SAMe improving mood" introduced a benefit as harm
    # (fourth try-out); the studies looked at for harm are named instead when they lean the other way
    label = "On harm" if harm_only else "On whether it does harm there"
    return f" {label}: {_lower_first(' '.join(sentences))}"


def _interaction(a: Ask) -> str:
    c, query = a.c, a.c.query
    found = c.interactions(a.substance)
    if query.drugs:
        named = ", ".join(c.mid(d) for d in query.drugs)
        # a medicine the base lacks, named beside these, is said, not passed over (unscreened_medicines)
        unscreened = unscreened_sentence(query.unknown_medicines, a.mid)
        if found:
            # the lead already says that they interact and why; this only links a medicine to the
            # group its record is filed under ("alendronate is among the bisphosphonates")
            among = _counted_among(c, [r.drug for r in found])
            known = f"{among} What is known is below." if among else "What is known is below."
            return known + _unwarned_conditions(c, a.substance, goals=False) + unscreened
        # A class named whose members have records ("blood thinners" and warfarin) is not "no
        # interaction recorded": the person may well take that member.
        # reached through a member of the class (the rule of safety/medicine_reach.py): "sleeping
        # pills" reaches the Z-drugs' record, and through temazepam the benzodiazepines'
        reached = medicine_reach(c.base, query.drugs)
        members = [
            c.mid(r.drug)
            for r in c.base.for_substance(c.base.interactions, a.substance)
            if reached.get(r.drug) is not None
        ]
        if members:
            which = join(list(dict.fromkeys(members)))
            own = "its caution" if len(set(members)) == 1 else "their cautions"
            return (
                f"No interaction between {a.mid} and {named} as a group is recorded, but one with {which} "
                f"is: if you take {_either(members)}, read {own} below. Otherwise that is not proof "
                "of safety: ask your pharmacist." + unscreened
            )
        return (
            f"No interaction between {a.mid} and {named} is recorded in the evidence base. That is not proof "
            "of safety: ask your pharmacist." + _unwarned_conditions(c, a.substance, goals=False) + unscreened
        )
    if query.unknown_medicines or query.unrecognised:
        unknown = query.unknown_medicines or query.unrecognised
        terms = ", ".join(f"'{t}'" for t in unknown[:3])
        verb = "is" if len(unknown[:3]) == 1 else "are"
        # the supplement's own records may still name it ("statins" in a caution): quoted, not guessed
        beside = [t for t in unknown[:3] if taken_beside(query.normalised, t)]
        mentions = list(dict.fromkeys(x for t in beside for x in sentences_mentioning(c.base, a.substance, t)))
        said = f" The records on {a.mid} mention it: {_quoted(c, mentions[:2])}" if mentions else ""
        return (
            f"{terms} {verb} not in the evidence base, so suppwise cannot say whether it interacts with {a.mid}."
            f"{said} That is not proof of safety: ask your pharmacist. The interactions that are recorded are below."
        )
    if found:
        counted = "1 recorded interaction" if len(found) == 1 else f"{len(found)} recorded interactions"
        return f"{a.name} has {counted} with medicines; see below."
    return f"No interactions of {a.mid} are recorded in the evidence base; that is not proof that there are none."


def _ways_with_medicines(a: Ask) -> str:
    """ "How does St John's wort stop other medicines working": the ways its interaction records
    give, with the records listed (questions/medicine_ways.py); "" for another question."""
    c, query = a.c, a.c.query
    if query.intent is not Intent.MECHANISM or query.drugs or not asks_about_medicines_in_general(query.normalised):
        return ""
    # with medicines only: 5-HTP and SAMe beside St John's wort are supplements, not "other medicines"
    records = [
        r
        for r in c.base.for_substance(c.base.interactions, a.substance)
        if c.base.entities[r.drug].kind in (EntityKind.DRUG, EntityKind.DRUG_CLASS)
    ]
    said = medicine_ways(records, a.mid, c.mid)
    if said:
        c.interactions(a.substance)
    return said


def _side_effects(a: Ask) -> str:
    c = a.c
    records = c.side_effects(a.substance)
    asked = _asked_symptoms(c, a.substance)
    # "Can melatonin cause depression?" is answered first; the list of what is recorded comes after.
    opening = ""
    matched: list[SideEffect] = []
    if asked:
        matched = _matched_side_effects(c, records, asked)
        if matched:
            listed = "; ".join(mid_sentence(r.effect) for r in matched)
            # found through the outcome it is filed under, not by the question's word ("bloating" and
            # "stomach upset and other digestive complaints"): said so, so "yes" is not overclaimed
            by_word = (
                any(term in normalise(r.effect) for r in matched for term in asked)
                or bool(named_symptoms(normalise(c.query.normalised)))  # "the runs" is diarrhoea, by its words
                or _shares_a_stem(c.query.normalised, matched)
            )
            outcome = matched[0].outcome
            filed = "" if by_word or outcome is None else f" (not in those words; filed under {c.mid(outcome)})"
            c.key_points.append(f"Recorded among the side effects of {a.mid}: {listed}{filed}.")
            opening = f"Yes: recorded among the side effects of {a.mid}: {listed}{filed}. "
        else:
            # a condition told as the person's own ("in people with IBS") is who takes it, not an
            # effect asked about (questions/told_conditions.py)
            query = c.query
            told = told_conditions(query.normalised.split(), query.mentions, query.conditions)
            names = _named_symptoms(c, asked, told)
            if names:
                named = join(names)
                # "Anxiety disorders are not among ...", never "Anxiety disorders is"
                verb = "are" if len(names) > 1 or is_plural(named) else "is"
                where = f", for people with {join(sorted(c.mid(x) for x in told))} or anyone else" if told else ""
                opening = (
                    f"{named[0].upper()}{named[1:]} {verb} not among the side effects recorded for {a.mid}{where}; "
                    "that does not rule it out. "
                )
                c.key_points.append(opening.strip())
    for outcome in a.outcomes:
        for mechanism in c.mechanisms_for(a.substance, outcome):
            if mechanism.effect == "worsens":
                setting = f" in {c.mid(a.context)}" if a.context else ""
                c.key_points.append(
                    f"In theory it could also worsen {c.mid(outcome)}{setting}: {mechanism.text} "
                    f"({mechanism.certainty.replace('_', ' ')} certainty)."
                )
                break
    if not records:
        has = "they have" if is_plural(a.mid) else "it has"
        return f"No side effects of {a.mid} are recorded in the evidence base; that is not evidence that {has} none."
    # the records already named in the opening are not listed again
    rest = [r for r in records if r not in matched]
    if not rest:
        return opening.strip()
    listed = "; ".join(mid_sentence(r.effect) for r in rest[:3])
    other = "other " if matched else ""
    if len(rest) <= 3:
        return f"{opening}The {other}side effects recorded for {a.mid} are: {listed}."
    return (
        f"{opening}{len(rest)} {other}side effects of {a.mid} are recorded; the most frequently reported are: {listed}."
    )


def _dosing(a: Ask) -> str:
    c = a.c
    records = c.dosing(a.substance)
    soon = _how_soon(a)  # "how many weeks until St John's wort kicks in" asks about time, not amount
    if soon:
        return soon
    if not records:
        return f"The evidence base records no dosing information for {a.mid}."
    record = records[0]
    safe = record.observed_safe_level
    # in micrograms too where the record converts its units: a label may give either
    mcg = (
        f" ({safe.amount / record.iu_per_mcg:g} micrograms)"
        if safe and record.iu_per_mcg and safe.unit.lower().startswith("iu")
        else ""
    )
    limit = (
        f"The {safe.label} of {a.mid} is {safe.amount:g} {safe.unit}{mcg}: {safe.meaning}, not a target."
        if safe and _LIMIT_WORDS.search(c.query.normalised)
        else None
    )
    stage = stage_dose(c.base, a.substance, c.query.populations)
    if stage is not None:  # "how much vitamin d should a 4 year old have" (questions/stage_dose.py)
        c.cite(stage.sources)
        # the opening gives the stage record's first sentence only when that record is the one it leads with
        matched = [x for x in c.cautions(a.substance) if x.matches_question]
        led = bool(matched) and stage.first in _leading(matched)[0].reason
        return stage_dose_sentence(stage, a.mid, limit or record.standard_dose, led=led)
    # an amount and how often it is taken, stated in the question, placed against the adult limit
    # ("50,000 IU once a week": about 7,143 IU a day; questions/amount_against_limit.py)
    placed = (
        amount_against_limit(c.query.text, safe, record.iu_per_mcg)
        if safe and "children" not in c.query.populations
        else None
    )
    if placed is not None and safe is not None:
        said = limit or f"The {safe.label} of {a.mid} is {safe.amount:g} {safe.unit}: {safe.meaning}, not a target."
        limit = f"{placed.sentence} {said}"
    if limit and safe is not None:
        # the usual dose follows because it says what the limit covers ("from supplements and fortified
        # foods"); the terminal page does not print it again under "Dose" (render/text.py). Its own
        # sentence restating the limit goes: the answer has just said it.
        return f"{limit} {without_limit(record.standard_dose, safe.label)}".rstrip()
    # a use the base has no name for ("how much magnesium for leg cramps"): said, so that the usual
    # dose is not read as the dose for it
    spaced = f" {c.query.normalised} "
    uses = [t for t in c.query.unrecognised if any(f" for {o}{t} " in spaced for o in ("", "my ", "his ", "her "))]
    if uses:
        quoted = ", ".join(f"'{t}'" for t in uses[:2])
        return (
            f"I don't recognise {quoted}, so the evidence base holds no dose of {a.mid} for it; its dose record "
            f"says: {record.standard_dose}"
        )
    # "how many grams of glutamine after the gym" is answered with an amount before the conditions
    # it was never studied for (questions/dose_frame.py)
    return dose_first(record.standard_dose, names_a_setting=bool(c.query.conditions or c.query.outcomes))


def _quoted(c: Composer, quoted: list[Quote]) -> str:
    """Sentences quoted from records, their sources cited so that each can be traced."""
    c.cite(source for quote in quoted for source in quote.sources)
    return " ".join(quote.text for quote in quoted)


def _stopping(a: Ask) -> str:
    """ "What happens if I stop taking 5-HTP suddenly": what the records say about stopping the
    supplement itself, or that they say nothing, rather than the usual dose (questions/stopping.py)."""
    said = stopping_sentences(a.c.base, a.substance)
    if said:
        withdrawal = any("withdrawal" in x.text.lower() for x in said)
        none = "" if withdrawal else f"No withdrawal effects of {a.mid} are recorded in the evidence base. "
        return f"{none}What its records say about stopping it: {_quoted(a.c, said[:3])}"
    return (
        f"The evidence base records nothing on stopping {a.mid}: no withdrawal effects and no advice on "
        "tapering. That is not evidence that stopping it has no effects: ask your pharmacist or doctor."
    )


# The readings a question setting two forms of one supplement against each other gets ("b12 injections
# vs tablets" reads as a definition, "fish oil or krill oil" as a comparison of supplements, "vitamin d
# spray vs tablets" as how to take it). "With food or on an empty stomach" names no form, so it keeps
# the administration handler, which picks the fitting record (forms_compared needs a form named).
_FORM_INTENTS = frozenset(
    {Intent.DEFINITION, Intent.COMPARISON, Intent.ALTERNATIVES, Intent.EFFECT, Intent.ADMINISTRATION, Intent.UNKNOWN}
)


def _forms(a: Ask, forms: FormsCompared) -> str:
    """Two forms of one supplement compared: whether a study compares them, then what the records
    say about them (questions/forms_compared.py). The definition is not added as a section: the
    sentences of it that name the forms are already quoted."""
    named = join(list(forms.forms))
    said = _quoted(a.c, list(forms.said))
    compared = (
        f"No study in the evidence base compares {join(list(forms.asked))} as forms of {a.mid}. "
        if len(forms.asked) > 1 and not forms.compared_in_a_study
        else ""
    )
    unsaid = f"Its records say nothing about {join(list(forms.unsaid))}. " if forms.unsaid else ""
    whose = "its records" if compared or unsaid else f"the records on {a.mid}"
    answer = f"{compared}{unsaid}What {whose} say about {named}: {said}"
    if a.c.query.intent is Intent.ADMINISTRATION and a.c.base.for_substance(a.c.base.administration, a.substance):
        # "vitamin D spray vs tablets" also asks how to take it: the fitting record follows
        answer += f" On how to take it: {_administration(a)}"
    return answer


def _administration(a: Ask) -> str:
    """The record that shares most words with the question leads ("which form of magnesium": the one
    on forms). A question about when to take it, with no record saying when, is told so first rather
    than answered with advice on something else."""
    c = a.c
    records = c.administration(a.substance)
    if not records:
        return f"The evidence base records nothing on how to take {a.mid}."
    asked = _content_stems(c.query.normalised)
    best = max(records, key=lambda r: len(asked & _content_stems(r.advice.lower())))
    if _ASKS_WHEN.search(c.query.normalised) and not any(_SAYS_WHEN.search(r.advice.lower()) for r in records):
        return f"No advice on when in the day to take {a.mid} is recorded in the evidence base. {best.advice}"
    return best.advice


_ASKS_WHEN = re.compile(
    r"\b(time of (the )?day|what time|when (should|do|can|to|is)\b|mornings?|night|nighttime|evenings?|bedtime|"
    r"before bed|empty stomach|with (food|meals?)|(before|after) (food|eating|meals?)|breakfast|lunch|dinner)\b"
)
_SAYS_WHEN = re.compile(r"\b(morning|evening|night|bedtime|meals?|food|fasting|empty stomach|same time|snacks)\b")


def _content_stems(text: str) -> set[str]:
    """The words that carry meaning, plural "s" dropped: "forms" and "form" are one word here."""
    return {w.rstrip("s") for w in re.findall(r"[a-z]{4,}", text) if w not in COMMON_WORDS}


# Foods often named online as glutamine sources for which no checked source gave figures (see the
# note at the top of evidence/data/food-sources.yaml): said so, never answered with a definition.
_NAMED_ONLINE_ONLY = re.compile(r"\b(spinach|kale|cabbage|beet|beets|beetroot|leafy greens?|greens|parsley)\b")


def _sources(a: Ask) -> str:
    c, query = a.c, a.c.query
    records = c.foods(a.substance)
    if not records:
        return f"The evidence base records no food sources of {a.mid}."
    recorded = {c.name(r.food).lower() for r in records}
    foods = ", ".join(mid_sentence(c.food_name(r.food, records)) for r in records)
    left_out = left_out_foods(query.normalised.split(), query.mentions, query.of(EntityKind.FOOD))
    if left_out:  # "which foods give you omega 3 if you don't eat fish" (questions/left_out_foods.py)
        named = join([c.mid(x) for x in left_out])
        kept = [r for r in records if not set(c.base.ancestors(r.food)) & set(left_out)]
        if not kept:
            return (
                f"Every food source of {a.mid} that a checked source records is {named} or a kind of it, so the "
                f"evidence base has none to offer without {named}. Recorded food sources: {foods}."
            )
        remaining = ", ".join(mid_sentence(c.food_name(r.food, kept)) for r in kept)
        return f"Without {named}, the food sources of {a.mid} a checked source records are: {remaining}."
    asked = [
        base_food
        for food in query.of(EntityKind.FOOD)
        for base_food in c.base.ancestors(food)
        if c.name(base_food).lower() in recorded
    ]
    if asked:
        return (
            f"Yes: a checked source lists {c.mid(asked[0])} among the foods that provide {a.mid}. "
            f"Recorded food sources: {foods}."
        )
    unknown = _NAMED_ONLINE_ONLY.findall(query.normalised)
    if unknown:
        named = ", ".join(f"'{t}'" for t in dict.fromkeys(unknown))
        return (
            f"{named}: leafy greens, cabbage and beets are named as sources of {a.mid} by consumer articles, but "
            f"no checked source gives figures for them, so suppwise cannot say how much they hold. The food "
            f"sources a checked source records are: {foods}."
        )
    others = [c.mid(s) for s in query.substances if s != a.substance]
    if query.unrecognised or others:
        named = ", ".join(f"'{t}'" for t in [*others, *query.unrecognised][:3])
        return (
            f"No checked source in the evidence base gives {a.mid} figures for {named}. The food sources it "
            f"records are: {foods}."
        )
    return f"{a.name} is found in {foods}."


def _comparison(a: Ask) -> str:
    c = a.c
    c.matching_comparisons(c.query.substances, a.context, a.outcomes)
    if c.query.unrecognised:
        terms = ", ".join(f"'{t}'" for t in c.query.unrecognised[:3])
        c.key_points.append(f"Not in the evidence base, so not compared: {terms}.")
    if c.comparisons:
        more = len(c.comparisons) - 1
        also = f" ({more} more comparison{'s' if more > 1 else ''} in the full answer)" if more else ""
        lead = next(x for x in c.base.comparisons if x.id == c.comparisons[0].id)
        framed = _framed_elsewhere(c, a.context) or framed_for_another_goal(
            c.base, lead, c.query.outcomes, (*c.query.conditions, *((a.context,) if a.context else ())), c.mid
        )
        if framed:
            return f"{framed}{also}."
        return f"{c.comparisons[0].goal}: the options are compared below{also}."
    return f"The evidence base has no comparison of alternatives that fits this question about {a.mid}."


def _framed_elsewhere(c: Composer, context: str | None) -> str:
    """When the question names a condition and the comparison that leads was written for another
    ("probiotics vs prebiotics for IBS" and the comparison for gut health in fibromyalgia), say so
    before it, so that the options' notes are not read as evidence in the condition asked about.
    "" when the comparison is framed for a condition the question names (or one such belongs to)."""
    if context is None:
        return ""
    lead = next(x for x in c.base.comparisons if x.id == c.comparisons[0].id)
    named = (context, *c.query.conditions)
    if lead.condition is None or any(lead.condition in c.base.ancestors(x) for x in named):
        return ""
    return (
        f"The evidence base holds no comparison of these options written for {c.mid(context)}; the closest, "
        f"written for another setting ({mid_sentence(lead.goal)}), is below"
    )


def _resources(a: Ask) -> str:
    a.c.resources(a.context)
    if a.context and not any(a.context in r.conditions for r in a.c.base.resources):
        # "is there a helpline for people with ibs": none is recorded, and the general list is not one
        return (
            f"The evidence base records no organisation or helpline for {a.c.mid(a.context)}. These general "
            "sources check claims about supplements, and say whom to ask."
        )
    return "Good places to check claims about supplements, and the people to ask."


def _definition(a: Ask) -> str:
    return _define(a.c)


def _unknown(a: Ask) -> str:
    if a.c.query.reading.tier is CrisisTier.CLEAR:
        return "suppwise cannot answer this, but the people above can help right now."
    return (
        f"suppwise could not tell what you want to know about {a.mid}. Ask, for example, whether it helps a "
        "symptom, whether it is safe for you, how much is used, or what its side effects are."
    )


_HANDLERS: dict[Intent, Callable[[Ask], str]] = {
    Intent.EFFECT: _effect,
    Intent.MECHANISM: _effect,
    Intent.CURE: _cure,
    Intent.SAFETY: _safety,
    Intent.INTERACTION: _interaction,
    Intent.SIDE_EFFECTS: _side_effects,
    Intent.DOSING: _dosing,
    Intent.ADMINISTRATION: _administration,
    Intent.SOURCES: _sources,
    Intent.COMPARISON: _comparison,
    Intent.ALTERNATIVES: _comparison,
    Intent.RESOURCES: _resources,
    Intent.DEFINITION: _definition,
    Intent.UNKNOWN: _unknown,
}


# -- wording helpers -------------------------------------------------------------------------------


def _named_symptoms(c: Composer, asked: set[str], told: Collection[str] = ()) -> list[str]:
    """The symptoms a side-effect question asks about, as it names them: an everyday phrase whole
    ("hair loss", never its word 'loss'), then the outcomes and conditions, else its symptom words;
    never a condition told as the person's own (`told`)."""
    phrases = everyday_symptoms(c.query.normalised)
    covered = {w for _, words in phrases for w in words}
    rest = [t for t in asked if not set(t.split()) & covered] if phrases else list(asked)
    # "can omega 3 give me diarrhea": diarrhoea is not recorded, not "gut symptoms"
    paired = named_symptoms(normalise(c.query.normalised))
    if paired:
        return [name for name, _ in phrases] + paired
    return [name for name, _ in phrases] + sorted(_asked_names(c, told) or ([] if told else rest))


def _asked_names(c: Composer, told: Collection[str] = ()) -> list[str]:
    """The outcomes and conditions a side-effect question asks about, by name ("depression"); not
    the conditions it tells as the person's own (`told`)."""
    return [c.mid(x) for x in (*c.query.outcomes, *c.query.conditions) if x not in told]


def _asked_symptoms(c: Composer, substance: str) -> set[str]:
    """Symptom words of the question that a side-effect record could name: the outcomes and the
    conditions it names ("can melatonin cause depression?"), with their synonyms."""
    terms = {c.name(o).lower() for o in c.query.outcomes}
    for condition in c.query.conditions:
        entity = c.base.entities[condition]
        terms |= {t.lower() for t in (entity.name, *entity.synonyms) if len(t) >= 4}
    terms |= {t for t in c.query.unrecognised if len(t) >= 4}
    terms |= set(record_words(c.query.normalised))  # "make you lose hair", "groggy" (drowsiness)
    # words of the question outside the supplement's own name ("SAMe" is also a word of a side
    # effect, "serotonin syndrome when SAMe is combined ...", but it names no symptom)
    named = {w for m in c.query.mentions if m.entity_id in c.query.substances for w in normalise(m.text).split()}
    words = set(c.query.normalised.split()) - named - COMMON_WORDS
    recorded = c.side_effect_words(substance)
    # "nightmares" is a word of the record itself; "headaches" is the plural of one ("headache")
    terms |= {w.rstrip("s") for w in words if w in recorded or w.rstrip("s") in recorded}
    # another form of a record's word: "sensitive to the sun" and "sensitivity to sunlight", "restless"
    # and "restlessness" share their first six letters
    stems = {w[:_SHARED_STEM] for w in words if len(w) >= _SHARED_STEM}
    terms |= {stem for stem in stems if any(r.startswith(stem) for r in recorded)}
    return {normalise(t) for t in terms if t}


_SHARED_STEM: Final = 6


def _matched_side_effects(c: Composer, records: tuple[SideEffect, ...], asked: set[str]) -> list[SideEffect]:
    """The records a side-effect question asks about: those naming one of its symptom words; failing
    that, those filed under an outcome it names ("does 5-HTP make you feel sick" is a gut symptom, and
    "nausea, diarrhoea or other stomach upset" is filed there), so that "not among the side effects
    recorded" is never said of an effect the base records under other words."""
    outcomes = set(c.query.outcomes)
    named = [r for r in records if any(term in normalise(r.effect) for term in asked)]
    # "why would glutamine cause pain" asks about pain, which the base files apart from stomach pain
    filed = [r for r in named if r.outcome in outcomes]
    if filed or named:
        return filed or named
    # "can st johns wort make me anxious": anxiety is measured by anxiety symptoms, where restlessness
    # is filed; a record that does not name the bowel habit or mood pole asked about is no match
    # (mania for "cause depression", nausea for "cause diarrhoea")
    measured = outcomes | {o for x in c.query.conditions if (o := _measured_as_itself(c, x)) is not None}
    text = normalise(c.query.normalised)
    return [
        r
        for r in records
        if r.outcome is not None
        and r.outcome in measured
        and not misses_the_symptom(text, normalise(r.effect), r.outcome)
    ]


def _measured_as_itself(c: Composer, condition: str) -> str | None:
    """The outcome a condition is measured by when the two are one thing named twice (anxiety and
    anxiety symptoms), so that "make me anxious" reaches the records filed there; a disease measured
    by a symptom (fibromyalgia by pain) is a setting, and "worse with fibromyalgia" is not pain."""
    entity = c.base.entities[condition]
    if entity.outcome is None:
        return None
    stem = normalise(entity.name)[:5]
    return entity.outcome if normalise(c.name(entity.outcome)).startswith(stem) else None


def _shares_a_stem(question: str, records: list[SideEffect]) -> bool:
    """Whether a word of the question begins a word of the records ("tired" and "tiredness",
    "gassy" and "gas", "bloated" and "bloating"): then the record says it in the question's words."""
    words = {w for r in records for w in normalise(r.effect).split()}
    stems = {w[: max(3, min(5, len(w) - 2))] for w in question.split() if len(w) >= 3 and w not in COMMON_WORDS}
    return any(word.startswith(stem) for word in words for stem in stems)


def _not_recognised(c: Composer, terms: list[str], subject: str, substance: str | None = None) -> str:
    """An unknown name gets "I don't recognise", close matches and where to look, never a sentence
    that could read as reassurance. When the supplement's own records mention the word ("alcohol"
    in melatonin's advice) those sentences are quoted; when none does and nothing close is known,
    that is said, so that silence is not read as "no warning". A drink that is alcohol ("red wine",
    split into 'red' and 'wine' by the reader) is one term, looked up as the records' "alcohol"."""
    goal = unheld_goal(c.query.normalised, terms) if substance is not None else None
    if goal:
        # "does glutamine build muscle": the goal is named, never the verb left over (unheld_goals.py)
        return unheld_goal_sentence(goal, subject)
    # only beside a supplement the question names (an implied subject is not what a lacked one is set
    # beside), and only where nothing recorded about it names the lacked one (those records are quoted)
    beside_named = substance is not None and substance in c.query.substances
    lacked = [
        t
        for t in terms
        if beside_named and is_lacked_supplement(t) and not mentioned_anywhere(c.base, substance or "", t)
    ]
    if lacked:
        # "creatine and glutamine together ok?": a supplement by name, said to be one the base lacks
        return _lacked_supplement_note(c, lacked, [t for t in terms if t not in lacked], subject, substance)
    drink = alcohol_drink(c.query.normalised) if substance is not None else None
    if drink:
        terms = [drink, *(t for t in terms if t not in drink.split() and t != drink)]
    quoted = ", ".join(f"'{t}'" for t in terms[:3])
    close = sorted({c.name(s) for t in terms for s in c.query.suggestions.get(t, ())})
    hint = f" Did you mean: {', '.join(close[:5])}?" if close else ""
    ask = (
        "Ask your pharmacist or doctor, or check a reliable source such as the NIH Office of Dietary "
        "Supplements or MedlinePlus."
    )
    beside = [t for t in terms[:3] if taken_beside(c.query.normalised, t)] if substance is not None else []
    stages = c.query.populations
    mentions = list(
        dict.fromkeys(
            x for t in beside for x in sentences_mentioning(c.base, substance or "", looked_up_as(t), stages=stages)
        )
    )
    # "mention alcohol" when a drink was looked up as alcohol, "mention it" otherwise
    it = ALCOHOL if beside and all(looked_up_as(t) == ALCOHOL != t for t in beside) else "it"
    if mentions and not close:
        named = ", ".join(f"'{t}'" for t in beside)
        return (
            f"suppwise has no entry for {named}, but the records on {subject} mention {it}: "
            f"{_quoted(c, mentions[:2])} For anything beyond that, ask your pharmacist or doctor."
        )
    if (
        len(terms) == 1
        and beside
        and not close
        and not mentioned_anywhere(c.base, substance or "", looked_up_as(terms[0]))
    ):
        # "alcohol with St John's wort": that nothing recorded about it mentions alcohol is worth saying
        return (
            f"I don't recognise {quoted}, and nothing recorded about {subject} mentions {it}, so suppwise "
            f"cannot say how it bears on {subject}. {ask}"
        )
    return f"I don't recognise {quoted}, so suppwise cannot say how it bears on {subject}.{hint} {ask}"


def _why_warned(c: Composer, substance: str) -> bool:
    """Whether a why-question is answered by a warning: a caution on the very condition it names."""
    named = set(c.query.conditions)
    return any(x.matches_question and x.entity in named for x in c.cautions(substance))


def _lacked_supplement_note(
    c: Composer, lacked: list[str], rest: list[str], subject: str, substance: str | None
) -> str:
    """ "'creatine' is a supplement the evidence base does not hold": a well-known supplement is said to
    be one, not an unknown word (questions/lacked_supplements.py), and what the base holds on the
    supplement it knows still follows; any other unknown word gets the usual sentence after it."""
    quoted = join([f"'{t}'" for t in lacked[:3]])
    kind = "supplements" if len(lacked) > 1 else "a supplement"
    verb = "are" if len(lacked) > 1 else "is"
    note = (
        f"{quoted} {verb} {kind} the evidence base does not hold, and nothing recorded about {subject} mentions "
        f"{'them' if len(lacked) > 1 else 'it'}, so suppwise cannot say how "
        f"{'they bear' if len(lacked) > 1 else 'it bears'} on {subject}; what it holds on {subject} is below."
    )
    if rest:
        return f"{note} {_not_recognised(c, rest, subject, substance)}"
    return (
        f"{note} Ask your pharmacist or doctor, or check a reliable source such as the NIH Office of Dietary "
        "Supplements or MedlinePlus."
    )


def lead_sentence(c: Composer, subject: str, cautions: list[Caution]) -> str | None:
    """The sentence every answer opens with when the question names something a caution is about:
    the most severe level first (avoid before caution), then what it is about and why, in brief. A
    caution reached through a class the question named ("blood thinners", the record on warfarin) is
    worded as the condition it is: "if one of your anticoagulants is warfarin"."""
    matched = [x for x in cautions if x.matches_question]
    if not matched:
        return None
    first = _leading(matched)
    worst = first[0].level
    if all(x.implied_by for x in first):
        return _implied_lead(c, subject, first, [x for x in matched if x.level != worst])
    who = _who(c, first)
    why = mid_sentence(first[0].reason.split(": ", 1)[-1].split(". ")[0].split("; ")[0].rstrip("."))
    # An interaction's record opens with what to do ("Separate the doses by at least 2 hours"), which
    # is advice, not a reason: it follows the warning as its own clause instead of in brackets.
    advice = first[0].kind == "interaction"
    if worst == "avoid":
        text = f"Avoid: {subject} is advised against {who}" + (f"; {why}." if advice else f" ({why}).")
    elif _depletion_lead(c, subject, first):
        text = _depletion_lead(c, subject, first)
    elif all(x.kind == "interaction" for x in first):
        # A caution-level interaction is managed, not forbidden: its advice ("separate the doses")
        # comes first, then what its severity asks (docs/interactions.md): a moderate one is combined
        # only with the prescriber's agreement; a minor one is named as such, never as reassurance.
        drugs = join([c.mid(x.entity) for x in first])
        # Reached through a class the question named, it holds only if the person's medicine is that
        # member: "if one of your anticoagulants (blood thinners) is warfarin, omega-3 and warfarin ..."
        held = _if_through(c, first)
        subject = f"{held}, {subject}" if held else subject
        severities = {
            r.severity.value
            for x in first
            for r in c.base.interactions
            if r.substance == x.substance and r.drug == x.entity
        }
        if severities == {"minor"}:
            text = f"Take care: {subject} and {drugs} interact; {why}. It is recorded as a minor interaction."
        else:
            text = (
                f"Take care: {subject} and {drugs} interact; {why}. Combine them only with the prescriber's agreement."
            )
    else:
        text = f"Take care: {who}, {subject} is only for use with a clinician's agreement" + (
            f"; {why}." if advice else f" ({why})."
        )
    return text + _also_care(c, [x for x in matched if x.level != worst])


def _leading(matched: list[Caution]) -> list[Caution]:
    """The cautions of the most severe level among those the question names, in order: the first of
    them is the one the answer's opening sentence gives the reason of."""
    worst = "avoid" if any(x.level == "avoid" for x in matched) else "caution"
    return [x for x in matched if x.level == worst]


def _counted_among(c: Composer, record_drugs: list[str]) -> str:
    """ "Alendronate is counted among the bisphosphonates.": each named medicine whose record is
    filed under a class it belongs to, linked to that class (never a medicine to a class it is not
    in: "famotidine and metformin" with an H2-blocker record names famotidine only)."""
    sentences = []
    for cls in dict.fromkeys(record_drugs):
        members = [d for d in c.query.drugs if d != cls and cls in c.base.ancestors(d)]
        if members:
            named = join([c.mid(d) for d in members])
            verb = "is" if len(members) == 1 else "are"
            sentences.append(f"{named[:1].upper()}{named[1:]} {verb} counted among the {c.mid(cls)}.")
    return " ".join(sentences)


def _depletion_lead(c: Composer, subject: str, first: list[Caution]) -> str:
    """The lead when every leading caution is a medicine lowering the supplement's supply (records
    of kind `nutrient_depletion`: PPIs and vitamin B12): the person's question is whether they need
    more of it, so the lead says that the medicine can lower it, why, and what to do (the record's
    whole mechanism and management), not "they interact". "" when any leading caution is of
    another kind."""
    records = [
        r
        for x in first
        for r in c.base.interactions
        if x.kind == "interaction" and r.substance == x.substance and r.drug == x.entity
    ]
    if not records or len(records) != len(first):
        return ""
    if not all(InteractionMechanism.NUTRIENT_DEPLETION in r.mechanism_kinds for r in records):
        return ""
    held = _if_through(c, first)
    drugs = join([_depleting_medicine(c, r.drug, alone=len(records) == 1) for r in records])
    opener = f"{held[:1].upper()}{held[1:]}, it" if held else f"{drugs[:1].upper()}{drugs[1:]}"
    details = " ".join(f"{_sentence(r.mechanism)} {_sentence(r.management)}" for r in records)
    return f"Take care: {opener} can lower {subject}. {details}"


def _depleting_medicine(c: Composer, drug: str, *, alone: bool) -> str:
    """The medicine as the person named it when they named a member of the class the record is filed
    under: "omeprazole, like the other proton pump inhibitors (PPIs)," for one record, "H2 blockers
    such as famotidine" in a list (so that no other medicine of the list reads as a member)."""
    members = [d for d in c.query.drugs if d != drug and drug in c.base.ancestors(d)]
    if not members:
        return c.mid(drug)
    named = join([medicine_as_named(c, m) for m in members])
    return f"{named}, like the other {c.mid(drug)}," if alone else f"{c.mid(drug)} such as {named}"


def _sentence(text: str) -> str:
    """A record's text as whole sentences: one line, ending in a full stop."""
    flat = " ".join(text.split())
    return flat if flat.endswith((".", "!", "?")) else flat + "."


def _implied_lead(c: Composer, subject: str, first: list[Caution], rest: list[Caution]) -> str:
    """The lead when the worst cautions are about a condition the question did not name but a
    medicine it named is prescribed for ("my Keppra"): said conditionally, because a medicine can be
    taken for something else, yet at the level the condition's record gives."""
    by_medicine: dict[str, list[str]] = {}
    for x in first:
        by_medicine.setdefault(x.implied_by or "", []).append(c.mid(x.entity))
    uses = _either([f"{medicine_as_named(c, m)} for {_either(cs)}" for m, cs in by_medicine.items()])
    who = join([_caution_subject(c, x.entity, x.kind) for x in first])
    why = mid_sentence(first[0].reason.split(": ", 1)[-1].split(". ")[0].split("; ")[0].rstrip("."))
    if first[0].level == "avoid":
        text = f"Avoid if you take {uses}: {subject} is advised against for {who} ({why})."
    else:
        text = (
            f"Take care if you take {uses}: for {who}, {subject} is only for use with a clinician's agreement ({why})."
        )
    return text + _also_care(c, rest)


def medicine_as_named(c: Composer, drug: str) -> str:
    """The medicine's name, with the brand the question used beside it ("levetiracetam (Keppra)")."""
    name = c.mid(drug)
    written = {m.text.lower() for m in c.query.mentions if m.entity_id == drug}
    brands = [s for s in c.base.entities[drug].synonyms if s.lower() in written and s.lower() != name.lower()]
    return f"{name} ({brands[0]})" if brands else name


def _also_care(c: Composer, rest: list[Caution]) -> str:
    """The lesser cautions the question matched, after the lead's own."""
    return f" It also needs care {_who(c, rest, joined='with')}." if rest else ""


def _who(c: Composer, cautions: list[Caution], *, joined: str = "for") -> str:
    """Whom the cautions are about: "for people taking X" for what the question named, "if one of
    your <class> is <member>" for what it reached through a class it named ("if your <medicine> is
    <member>" through a medicine that has forms of its own, levodopa and carbidopa-levodopa)."""
    direct = [x for x in cautions if not x.through]
    subjects = [_caution_subject(c, x.entity, x.kind, x.implied_by) for x in direct]
    parts = [f"{joined} {join(subjects)}"] if direct else []
    held = _if_through(c, cautions)
    return " and ".join([*parts, held] if held else parts)


def _if_through(c: Composer, cautions: list[Caution]) -> str:
    """The conditions under which cautions reached through a named class hold, or "" for none."""
    through: dict[str, list[str]] = {}
    for x in cautions:
        if x.through:
            through.setdefault(x.through, []).append(_member_phrase(c, x.through, x.entity))
    return " and ".join(f"{_if_yours(c, cls)} is {_either(members)}" for cls, members in through.items())


def _either(items: list[str]) -> str:
    """ "a", "a or b", "a, b or c", each once."""
    unique = list(dict.fromkeys(items))
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " or " + unique[-1]


def _if_yours(c: Composer, named: str) -> str:
    """ "if one of your anticoagulants" for a class; "if your levodopa" for a medicine with forms."""
    record = c.base.entities.get(named)
    if record is not None and record.kind is EntityKind.DRUG_CLASS:
        return f"if one of your {c.mid(named)}"
    return f"if your {c.mid(named)}"


def _member_phrase(c: Composer, named: str, entity: str) -> str:
    """The member a caution reached through `named` is about, as the object of "is": a medicine by
    its name, a narrower class as "among the ..."; a record on another class of one member (aspirin's
    antiplatelet record, reached through painkillers) names that member."""
    members = c.base.members(named)
    if entity not in members:
        entity = next((m for m in members if entity in c.base.ancestors(m)), entity)
    record = c.base.entities.get(entity)
    if record is not None and record.kind is EntityKind.DRUG_CLASS:
        return f"among the {c.mid(entity)}"
    return c.mid(entity)


def _lower_first(text: str) -> str:
    """A sentence continued after a colon ("On harm: the evidence ...")."""
    return text[:1].lower() + text[1:]


def _caution_subject(c: Composer, entity: str, kind: str, implied_by: str | None = None) -> str:
    if kind == "population":
        record = next((p for p in c.base.populations if p.id == entity), None)
        return record.population.lower() if record else entity
    name = c.mid(entity)
    if kind == "contraindication" and implied_by:
        return f"people with {name} (if you take {medicine_as_named(c, implied_by)} for it)"
    return f"people with {name}" if kind == "contraindication" else f"people taking {name}"


def _avoid_note(a: Ask) -> None:
    """An effect question set in a condition the substance should be avoided in says so first."""
    c = a.c
    for record in c.base.for_substance(c.base.contraindications, a.substance):
        if record.condition in c.query.conditions and record.level.value == "avoid":
            c.key_points.insert(0, f"{a.name} should be avoided in {c.mid(record.condition)}: {record.reason}")


def _verdict_sentence(c: Composer, verdict: Verdict, *, lead: bool = True) -> str:
    return verdict_sentence(c.base, verdict, lead=lead)


def verdict_sentence(base: EvidenceBase, verdict: Verdict, *, lead: bool = True) -> str:
    """One sentence for a verdict; `lead` opens with the yes/no/unclear answer (not for "how" questions)."""
    substance, outcome = mid_sentence(base.name(verdict.substance)), mid_sentence(base.name(verdict.outcome))
    # weighed for one side of an opposite pair ("constipation"), the verdict is about that symptom
    outcome = verdict.symptom or outcome
    where = f" in {mid_sentence(base.name(verdict.condition))}" if verdict.condition else ""
    if verdict.code is VerdictCode.NO_EVIDENCE:
        # worded without a verb on the substance, which may be plural ("probiotics")
        return (
            f"The evidence base holds no study or mechanism of {substance} acting on {outcome}{where}, so no verdict."
        )
    certainty = verdict.certainty.label.replace("_", " ") if verdict.certainty else "no"
    weak = verdict.certainty is not None and verdict.certainty.label in ("low", "very_low")
    tendency = "leans towards" if weak else "shows"
    untested = ""
    if verdict.untested_in and where:
        # "improving sleep quality in kidney disease" read as if it had been studied there, while every study
        # was elsewhere (a try-out's long post about a mother with kidney problems): the sentence says where no
        # study is, as the key points do ("in the kind of irritable bowel syndrome asked about")
        untested = f"; no direct study {verdict.untested_in}"
        where = ""
    body = {
        Direction.HELPS: f"the evidence {tendency} {substance} improving {outcome}{where}",
        Direction.WORSENS: f"the evidence {tendency} {substance} worsening {outcome}{where}",
        Direction.NO_EFFECT: f"the evidence suggests no effect of {substance} on {outcome}{where}",
        Direction.MIXED: f"the evidence on {substance} and {outcome}{where} points both ways",
        Direction.UNKNOWN: f"the studies of {substance} and {outcome}{where} found no clear effect either way",
    }[verdict.direction]
    if untested:
        body = body.replace("the evidence", "the indirect evidence", 1)
        body = body.replace("the studies", "the indirect studies", 1)
    if not lead:
        return f"{body[0].upper()}{body[1:]} ({certainty} certainty){untested}."
    opening = {Reply.YES: "Yes", Reply.NO: "No", Reply.UNCLEAR: "Unclear"}[verdict.answer]
    return f"{opening}: {body} ({certainty} certainty){untested}."


def _as_cure(verdict: Verdict) -> Verdict:
    if verdict.code is VerdictCode.NO_EVIDENCE:
        return verdict
    reasons = (
        "A cure would need trials showing lasting remission; none exists in the evidence base.",
        *verdict.reasons,
    )
    return replace(verdict, answer=Reply.NO, reasons=reasons)


def _define(c: Composer) -> str:
    base, query = c.base, c.query
    ids = list(dict.fromkeys(m.entity_id for m in query.mentions))
    items = [f"{base.entities[i].name}: {base.entities[i].description}" for i in ids if base.entities[i].description]
    relations: list[str] = []
    sources: list[str] = []
    for a in ids:
        for finding in base.findings_by_subject.get(a, ()):
            if finding.object in ids and finding.object != a:
                relations.append(finding.summary)
                sources.extend(finding.sources)
    c.section("definitions", "What they are" if len(ids) > 1 else "What it is", items)
    c.section("relations", "How they are related", relations, sources)
    if len(ids) >= 2:
        related = " They are related: see below." if relations else ""
        return f"No: {c.mid(ids[0])} and {c.mid(ids[1])} are different things.{related}"
    if ids:
        entity = base.entities[ids[0]]
        return entity.description or f"{entity.name} is a {entity.kind.value} in the evidence base."
    return "The question names nothing the evidence base knows."


# -- assembling ------------------------------------------------------------------------------------


OVERVIEW_IN_SUMMARY: Final = 5
_OVERVIEW_CUE: Final = re.compile(
    r"\b(what|which|any|anything|something|best|options?|supplements?|vitamins?|natural|alternatives?)\b"
)
_OVERVIEW_INTENTS: Final = frozenset({Intent.EFFECT, Intent.ALTERNATIVES, Intent.COMPARISON, Intent.CURE})


def _overview(base: EvidenceBase, query: Query, profile: ResolvedProfile | None) -> ConditionOverview | None:
    """The condition-first table, when a question about what helps a condition names no supplement
    ("what supplements help fibromyalgia?"). Medicines the question names ("besides my SSRI") are
    screened against every row, with the profile's when one is given."""
    if not query.conditions or query.intent not in _OVERVIEW_INTENTS or query.reading.tier is CrisisTier.CLEAR:
        return None
    # "does ashwagandha help pain?" names a supplement the base lacks, and "does foobarix help
    # fibromyalgia?" a word in a supplement's place: both get "not found", not a table.
    if query.unknown_supplements or (query.unrecognised and not _OVERVIEW_CUE.search(query.normalised)):
        return None
    named = tuple(base.name(d) for d in query.drugs)
    if profile is not None:
        person = profile.profile.merged(Profile(medications=profile.profile.medications + named))
        resolved: ResolvedProfile | None = resolve_profile(base, person)
    else:
        resolved = resolve_profile(base, Profile(medications=named)) if named else None
    focus = query.outcomes[0] if query.outcomes else None
    return condition_overview(base, query.conditions[0], resolved, focus=focus)


def _asks_what_helps_a_symptom(query: Query) -> bool:
    """A question about what helps a symptom, naming no supplement, condition or medicine ("what
    supplements help brain fog"): answered with the supplements studied for it (questions/studied_for.py)."""
    return bool(
        query.outcomes
        and not (query.conditions or query.drugs or query.unknown_medicines or query.unknown_supplements)
        and query.intent in _OVERVIEW_INTENTS
        and query.reading.tier is not CrisisTier.CLEAR
        and (not query.unrecognised or _OVERVIEW_CUE.search(query.normalised))
    )


def overview_sentence(overview: ConditionOverview) -> str:
    """The table in one paragraph, for every output format: the strongest rows first, and every row
    this person should avoid, whatever its rank."""
    if not overview.rows:
        return f"The evidence base holds no supplement with evidence for {mid_sentence(overview.condition_name)}."
    shown = [row for row in overview.rows if row.screen_level != "avoid"][:OVERVIEW_IN_SUMMARY]
    parts = []
    for row in shown:
        focus = [c for c in row.cells if c.outcome == overview.focus] or row.cells
        best = next((c for c in focus if c.direct), focus[0])
        certainty = (best.certainty or "no").replace("_", " ")
        where = "human studies in the condition" if best.direct else "indirect evidence only"
        direction = DIRECTION_WORDS.get(best.direction, best.direction)
        outcome = mid_sentence(best.outcome_name)
        parts.append(f"{mid_sentence(row.name)} ({outcome}: {direction}, {certainty} certainty, {where})")
    text = f"For {mid_sentence(overview.condition_name)}, strongest evidence first: {'; '.join(parts)}."
    rest = len(overview.rows) - len(shown)
    avoid = [row for row in overview.rows if row.screen_level == "avoid"]
    if avoid:
        text += (
            " Avoid for you: "
            + "; ".join(
                f"{mid_sentence(r.name)} ({', '.join(mid_sentence(x) for x in r.screen_reasons)})" for r in avoid
            )
            + "."
        )
    if rest - len(avoid) > 0:
        text += f" {rest - len(avoid)} more in the table."
    return f"{text} {overview.note}"


def overview_answer(
    base: EvidenceBase, condition: str, profile: ResolvedProfile | None = None, *, focus: str | None = None
) -> Answer:
    """The condition-first table as an answer of its own (`suppwise condition NAME`): the table the
    question "what supplements help fibromyalgia?" gets and the condition's web page shows, with the
    person's screen on every row when a profile is given, its sources as references, the disclaimer,
    and the crisis resources first when the profile shows any sign of self-harm risk (a crisis answer
    carries no dose figures, so the studied doses are left out then)."""
    overview = condition_overview(base, condition, profile, focus=focus)
    crisis = profile is not None and profile_shows_risk(profile)
    if crisis:
        rows = [row.model_copy(update={"studied_doses": []}) for row in overview.rows]
        overview = overview.model_copy(update={"rows": rows})
    cited = list(dict.fromkeys(s for row in overview.rows for cell in row.cells for s in cell.sources))
    names = {condition: base.name(condition), **{row.substance: row.name for row in overview.rows}}
    names |= {outcome: base.name(outcome) for outcome in overview.outcomes}
    return Answer(
        question=f"Which supplements have evidence for {mid_sentence(base.name(condition))}?",
        intent=Intent.ALTERNATIVES.value,
        code="CONDITION_OVERVIEW",
        entities={EntityKind.CONDITION.value: [condition]},
        verdict=None,
        verdicts=[],
        summary=overview_sentence(overview),
        key_points=[],
        mechanisms=[],
        evidence=[],
        cautions=[],
        sections=[],
        comparisons=[],
        references=references_for(base, cited),
        suggestions={},
        names=dict(sorted(names.items())),
        crisis=crisis,
        crisis_message=CRISIS_MESSAGE if crisis else None,
        crisis_resources=crisis_resources_out() if crisis else [],
        crisis_tier=CrisisTier.CLEAR.value if crisis else None,
        overview=overview,
    )


def _not_found(c: Composer, query: Query) -> tuple[str, str]:
    """Code and summary when the question names nothing suppwise can answer about."""
    if query.reading.tier is CrisisTier.CLEAR:
        return "NOT_UNDERSTOOD", "suppwise cannot answer this, but the people above can help right now."
    # the names in a supplement's slot when there are some: "black cohosh for hot flushes" matches no
    # supplement 'black cohosh', not 'black cohosh', 'flushes' (fifth try-out)
    terms = ", ".join(repr(t) for t in (query.unknown_supplements or query.unrecognised)[:3])
    close = sorted({c.name(s) for ids in query.suggestions.values() for s in ids})
    if query.unrecognised:
        summary = f"No supplement in the evidence base matches {terms}."
        code = "SUBSTANCE_NOT_FOUND"
    else:
        summary = "The question names no supplement that the evidence base knows."
        code = "NOT_UNDERSTOOD"
    if close:
        summary += f" Did you mean: {', '.join(close[:6])}?"
    return code, summary + " suppwise answers only from its evidence base and will not guess."


def _unknown_condition(c: Composer, query: Query, substance: str) -> str | None:
    """A summary refusing an effect question about a condition the evidence base does not know."""
    if query.conditions or query.outcomes or not query.unrecognised:
        return None
    if query.intent not in (Intent.EFFECT, Intent.CURE, Intent.MECHANISM):
        return None
    # The same words as every unknown name (issue 12 §2): "I don't recognise", close matches and where
    # to look; "the evidence base has nothing on" read as if the term were known and simply unstudied.
    return _not_recognised(c, list(query.unrecognised), c.mid(substance), substance)


def build_answer(base: EvidenceBase, query: Query, profile: ResolvedProfile | None = None) -> Answer:
    """The Answer to a parsed question; with a profile, each substance asked about is screened for
    that person and the cautions that match them come first."""
    screens = [screen(base, profile, s) for s in query.substances] if profile is not None else []
    personal = frozenset((r.kind, r.entity or "") for s in screens[:1] for r in s.reasons)
    c = Composer(base, query, personal)
    substance, implied = _subject(base, query)
    context, outcomes = c.context_and_outcomes()
    code = "ANSWERED"
    overview: ConditionOverview | None = None
    cautions = c.cautions(substance) if substance else []
    # Another supplement named beside the subject ("vitamin D or glutamine for fibro fatigue?") brings
    # the cautions the question names for it too: the lead must be the most severe of either.
    # A supplement pair recorded on both sides (5-HTP with St John's wort, so that either can be
    # screened against the other) is warned about once, from the subject's side.
    partners = {x.entity for x in cautions if x.kind == "interaction"}
    cautions += [
        x
        for other in query.substances
        if other != substance
        for x in c.cautions(other)
        if x.matches_question and not (x.kind == "interaction" and x.entity == substance and other in partners)
    ]
    handled = _handled_intent(query)
    compared = forms_compared(base, query, substance) if substance and query.intent in _FORM_INTENTS else None
    if substance and compared is not None:
        summary = _forms(Ask(c, substance, context, outcomes), compared)
    elif query.intent is Intent.DEFINITION or (query.intent is Intent.RESOURCES and not query.substances):
        summary = _HANDLERS[query.intent](Ask(c, substance or "", context, outcomes))
    elif substance is None and (overview := _overview(base, query, profile)) is not None:
        code, summary = "CONDITION_OVERVIEW", overview_sentence(overview)
    elif substance is None and _asks_what_helps_a_symptom(query):
        rows = studied_for(base, query.outcomes[0], query.normalised)  # "what supplements help brain fog"
        c.cite(source for row in rows[:SHOWN] for source in row.sources)
        # "what helps diarrhoea" is asked of one side of gut symptoms, and the list weighs that side
        symptom = asked_symptom(query.normalised, query.outcomes[0])
        summary = studied_sentence(symptom.name if symptom else base.name(query.outcomes[0]), rows)
    elif substance is None and asks_recorded_cautions(c):  # "which supplements to avoid on lamotrigine"
        summary = recorded_sentence(c, recorded_cautions(c))
    elif substance is None:
        code, summary = _not_found(c, query)
    elif asks_about_stopping(query, substance):
        summary = _stopping(Ask(c, substance, context, outcomes))
    elif (refusal := _unknown_condition(c, query, substance)) is not None:
        code, summary = "CONDITION_NOT_FOUND", refusal
    else:
        summary = _HANDLERS[handled](Ask(c, substance, context, outcomes))
        summary += _asked_effects(c, handled, substance, context)
        if implied:
            summary = f"You did not name a supplement; this answer is about {c.mid(substance)}. {summary}"
    if substance and code == "ANSWERED" and query.reading.tier is not CrisisTier.CLEAR:
        summary = _unsaid_terms(c, summary, substance) + _unwarned_medicines(c, handled, substance, cautions)
    if substance and code == "ANSWERED":
        leads = [lead_sentence(c, c.mid(s), [x for x in cautions if x.substance == s]) for s in query.substances]
        if not query.substances:
            leads = [lead_sentence(c, c.mid(substance), cautions)]
        lead = " ".join(sorted((x for x in leads if x), key=lambda x: not x.startswith("Avoid")))
        forms = stricter_forms(c, cautions)
        if forms:
            lead = f"{lead} {forms}".strip()
        if lead:
            summary = f"{lead} {summary}"
    if screens and code == "ANSWERED" and query.intent is Intent.SAFETY:
        summary = screens[0].summary
    crisis = query.crisis or any(s.crisis for s in screens)
    tier = _tier(query, screens)
    if tier is CrisisTier.CLEAR:
        summary = _crisis_safe(c, query, summary)
        cautions = [] if _withheld(query) else cautions
    for personal_screen in screens:
        c.cite(source for reason in personal_screen.reasons for source in reason.sources)
    if asks_about_changing_medication(query.normalised):
        c.key_points.insert(0, MEDICATION_CHANGE_WARNING)
    verdicts = [verdict_out(v, c.stand_ins.get((v.substance, v.outcome, v.condition))) for v in c.verdicts]
    references = references_for(base, c.cited)
    return Answer(
        question=query.text,
        intent=query.intent.value,
        code=code,
        entities={k: list(v) for k, v in query.entities.items()},
        verdict=verdicts[0] if verdicts else None,
        verdicts=verdicts,
        summary=summary,
        key_points=list(dict.fromkeys(c.key_points)),
        mechanisms=c.mechanisms,
        evidence=_best_evidence_first(c.evidence, base),
        cautions=cautions,
        sections=c.sections,
        comparisons=c.comparisons,
        references=references,
        suggestions={} if tier is CrisisTier.CLEAR else {k: list(v) for k, v in query.suggestions.items() if v},
        names=_names(base, query, verdicts, c.mechanisms),
        crisis=crisis,
        crisis_message=crisis_message(tier, query.reading) if tier else None,
        crisis_resources=crisis_resources_out() if crisis else [],
        crisis_tier=tier.value if tier else None,
        screens=screens,
        safety_level=_safety_level(cautions),
        overview=overview,
        support=SUPPORT_LINE if query.reading.distress and not crisis else None,
        populations=list(query.populations),
        read_as=dict(query.corrections),
    )


_VERDICT_INTENTS: Final = frozenset({Intent.EFFECT, Intent.CURE, Intent.MECHANISM})


def _measure_note(c: Composer, measure: str, word: str, substance: str) -> str:
    """What the records say of a body measure the base holds no study of (`word`: what the records
    call it): quoted when they name it, or that nothing does, so the answer never reads as if the
    measure had been weighed."""
    subject = c.mid(substance)
    quoted = sentences_anywhere(c.base, substance, word)
    it = "it" if word == measure else word
    if quoted:
        return (
            f"The evidence base holds no study of {subject} on {measure}, but its records on {subject} mention "
            f"{it}: {_quoted(c, quoted)}"
        )
    return f"The evidence base holds no study of {subject} on {measure}, and nothing recorded about it mentions {it}."


def _unsaid_terms(c: Composer, summary: str, substance: str) -> str:
    """The summary with the unknown names an answer must not pass over said so (issue 12 §2,
    questions/unsaid_names.py): "b6 for pms mood swings" graded mood and never mentioned "pms",
    "saffron with grapefruit juice" got the dose advice, so the silence read as if the word had been
    taken into account. A verdict on the symptom named still answers part of the question, so it
    leads and the note follows; a drink or food taken beside it is what the question hinges on, so
    that note leads."""
    said = summary.lower()
    query = c.query
    measures = [(m, word) for m, word in everyday_measures(query.normalised) if m not in said]
    if measures:
        # "does magnesium lower blood pressure": no study, but a record names it; quoted, never passed over
        summary = f"{_measure_note(c, *measures[0], substance)} {summary}"
    if query.intent in _VERDICT_INTENTS and (query.outcomes or query.conditions):
        unsaid = [t for t in qualifying_terms(c.base, query) if t.lower() not in said]
        if unsaid:
            quoted = ", ".join(f"'{t}'" for t in unsaid[:3])
            return f"{summary} I don't recognise {quoted}, so this answer does not take it into account."
    beside = [t for t in beside_terms(query) if t.lower() not in said]
    drink = alcohol_drink(query.normalised)
    if drink and not beside and drink not in said and ALCOHOL not in said and taken_beside(query.normalised, drink):
        # "is it ok to drink red wine with melatonin": the reader keeps no unknown name for it, but the
        # drink is what the question hinges on, so its note leads like any other drink's
        beside = [drink]
    if beside:
        return f"{_not_recognised(c, beside, c.mid(substance), substance)} {summary}"
    # a supplement the base lacks, set beside the one answered as another option ("would peppermint or
    # probiotics help"): the answer is about one of the two, and says so
    spaced = f" {query.normalised} "
    # (an unknown word set against it by "or" is an option whatever list the reader put it in:
    # "magnesium or riboflavin?", fourth try-out)
    others = (t for t in query.unrecognised if t not in query.unknown_medicines)
    named = dict.fromkeys([*query.unknown_supplements, *others])
    options = [
        t
        for t in named
        if t.lower() not in said and any(f" {t} {w} " in spaced or f" {w} {t} " in spaced for w in ("or", "vs"))
    ]
    # a comparison lists what it could not compare itself, when it has a comparison to show
    if options and (query.intent in _VERDICT_INTENTS or (query.intent is Intent.COMPARISON and not c.comparisons)):
        quoted = ", ".join(f"'{t}'" for t in options[:2])
        return f"{summary} I don't recognise {quoted}, so this answer is about {c.mid(substance)} only."
    return summary


def _unwarned_medicines(c: Composer, handled: Intent, substance: str, cautions: list[Caution]) -> str:
    """A medicine named beside a question that is not about combining ("my son takes Keppra, would
    omega 3 help his mood") is screened too (issue 12 §3): with no recorded warning reaching it,
    that is said, so that silence is not read as "checked, fine". Safety and interaction answers say
    it themselves."""
    if handled in (Intent.SAFETY, Intent.INTERACTION):
        return ""
    # a medicine reaching a record through its class ("sertraline", the antidepressants record), or
    # implying a condition with one, is warned about already
    reached = any((x.kind == "interaction" and x.matches_question) or x.implied_by for x in cautions)
    if not c.query.drugs or reached:
        return ""
    return (
        f" No interaction between {c.mid(substance)} and {join([c.mid(d) for d in c.query.drugs])} is recorded "
        "in the evidence base; that is not proof of safety: ask your pharmacist."
    )


def _asked_effects(c: Composer, handled: Intent, substance: str, context: str | None) -> str:
    """A safety or interaction question that also asks which way a symptom goes ("I'm on duloxetine;
    glutamine might help my gut but make my pain worse, what does the evidence say?") gets those
    verdicts after the warning, so no part of it goes unanswered."""
    query, asked = c.query, c.query.asked
    if handled not in (Intent.SAFETY, Intent.INTERACTION) or asked is None or c.verdicts:
        return ""
    verdicts = []
    for outcome in query.outcomes:  # the symptoms named, each in the condition it measures when one is named
        measured = next((x for x in query.conditions if c.base.entities[x].outcome == outcome), context)
        verdicts.append(c.add_verdict(substance, outcome, measured, asked))
    # no yes/no opening: the question often asks both ways at once ("help my gut, worsen my pain")
    said = [_verdict_sentence(c, v, lead=False) for v in verdicts if v.code is not VerdictCode.NO_EVIDENCE]
    return f" On the effects asked about: {_lower_first(' '.join(said))}" if said else ""


def _handled_intent(query: Query) -> Intent:
    """The handler a question is answered with. A question whose intent could not be read but that
    names a condition, a medicine or a stage of life beside the supplement ("my dad has sarcoidosis,
    can he take vitamin D") is asking whether it is safe for them: it gets the safety (or, for a
    medicine alone, the interaction) answer instead of "could not tell what you want to know". The
    intent reported stays the one read, so the corpus measures the intent rules, not this fallback."""
    if query.intent is not Intent.UNKNOWN or query.reading.tier is CrisisTier.CLEAR:
        return query.intent
    if query.conditions or query.populations:
        return Intent.SAFETY
    if query.drugs or query.unknown_medicines:
        return Intent.INTERACTION
    return query.intent


def _tier(query: Query, screens: list[Screen]) -> CrisisTier | None:
    """The clearer of the question's tier and the profile's (a profile term in crisis is clear)."""
    if any(s.crisis for s in screens):
        return CrisisTier.CLEAR
    return query.reading.tier


WITHHELD = (
    "suppwise does not answer questions about amounts, combinations or ways that could cause harm. "
    "Please talk to one of the people above now; they are there for exactly this."
)


def _withheld(query: Query) -> bool:
    """True when a clear-tier question is answered by the withheld line alone: it asks about a means (an
    amount, a combination, a way), or it is a dosing question, whose answer is its dose figures ("writing my
    goodbye letters tonight. is 10mg of melatonin a lot"; docs/crisis.md, "Sixteenth round")."""
    return query.reading.means or query.intent is Intent.DOSING


def _crisis_safe(c: Composer, query: Query, summary: str) -> str:
    """A crisis answer never carries dose figures; one whose question asks about an amount, a
    combination or a method (overdose, a whole pack, a lethal dose) is withheld entirely, because
    any answer to it could serve self-harm (docs/crisis.md)."""
    c.sections = [s for s in c.sections if s.key != "dosing"]
    if not _withheld(query):
        return summary
    c.sections, c.verdicts, c.evidence, c.mechanisms, c.comparisons = [], [], [], [], []
    c.key_points.clear()
    c.cited.clear()
    return WITHHELD


# The supplement left unnamed: a pronoun or "the supplement", or an amount asked of taking or giving with the
# object left out ("my 6 year old is constipated, how much could i give her?").
# A question cut down to its predicate leaves the supplement out as well ("any side effects for someone
# with fibro?", "safe during pregnancy?", "ok for kids?"): a safety word that opens the message and is
# followed by whom or when it is for.
_IMPLIED = re.compile(
    r"\b(it|this|this supplement|the supplement|the powder|the capsules|these capsules|them)\b|"
    r"\bhow (much|many) (\w+ ){0,3}(take|give|have|start)\b|"
    r"^(so |and |but |hi |hey |quick question )?(is (it |this )?|are there |any |what are the |what |are )?"
    r"(safe|ok|okay|alright|fine|risky|dangerous|side effects?|risks?|dangers?|problems?|issues?|downsides?|"
    r"cautions?|warnings?)( at all| to take| to use)? (for|in|during|while|when|if) (\w+ )?"
    r"(someone|somebody|anyone|people|person|those|patients?|kids?|children|teens?|a|an|you|i|we|my|pregnan\w*|"
    r"breast ?feeding|nursing|older|elderly|seniors?|\w+ (disease|disorder|problems))\b"
)
_SUBJECT_INTENTS = frozenset(
    {Intent.SAFETY, Intent.DOSING, Intent.ADMINISTRATION, Intent.INTERACTION, Intent.SIDE_EFFECTS}
)


@lru_cache(maxsize=8)
def main_substance(base: EvidenceBase) -> str | None:
    """The substance an unnamed "it" is taken to mean (the answer says so): the one the base knows in
    most depth, by its findings; glutamine, the project's first worked case. Counting safety records
    instead made St John's wort, with its many interactions, the subject of every question that
    named glutamine beside another supplement. Found once per base (a base is immutable and hashed
    by identity): every question that names a substance asks it."""
    counts = {
        subject: len(found)
        for subject, found in base.findings_by_subject.items()
        if subject in base.entities and base.entities[subject].kind is EntityKind.SUBSTANCE
    }
    return max(counts, key=lambda k: (counts[k], k)) if counts else None


def _subject(base: EvidenceBase, query: Query) -> tuple[str | None, bool]:
    """The substance asked about, and whether it was only implied: "is it ok in pregnancy?" asks
    about the supplement suppwise covers (docs/question-corpus.md, section 7)."""
    if query.substances:
        main = main_substance(base)
        return (main if main in query.substances else query.substances[0]), False
    # supplements asked about as a class ("is it safe to take supplements with warfarin"): the "it" is no
    # supplement left unnamed, and the base's records across them answer it (`recorded_cautions`)
    if query.intent in _SUBJECT_INTENTS and _IMPLIED.search(query.normalised) and not ANY_SUPPLEMENT.search(
        query.normalised
    ):
        return main_substance(base), True
    return None, False


def _safety_level(cautions: list[Caution]) -> str:
    levels = {c.level for c in cautions if c.matches_question}
    return "avoid" if "avoid" in levels else "caution" if levels else "none"


def verdict_out(verdict: Verdict, stands_in_for: str | None = None) -> VerdictOut:
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
        stands_in_for=stands_in_for,
    )


def _best_evidence_first(items: list[EvidenceItem], base: EvidenceBase) -> list[EvidenceItem]:
    unique = list({(item.source, item.finding_id, item.direct): item for item in items}.values())
    return sorted(unique, key=lambda i: (not i.direct, -RANK[base.sources[i.source].study_type]))


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
