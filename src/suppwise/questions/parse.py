"""From a plain question to a Query: what is asked (intent), about what (entities), which way
(asked direction), and whether it signals self-harm risk.

Intent rules are ordered patterns on the normalised text; the first that matches wins, so the more
specific intents (administration's "with food") come before the general ones (food sources).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from suppwise.errors import QuestionError
from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import EntityKind
from suppwise.questions.vocabulary import Lexicon, Mention, find_mentions, lexicon_for, normalise
from suppwise.reasoning.verdict import Direction
from suppwise.safety.crisis import CrisisReading, read_crisis

MAX_QUESTION_CHARS = 500


class Intent(StrEnum):
    EFFECT = "effect"
    CURE = "cure"
    SAFETY = "safety"
    INTERACTION = "interaction"
    SIDE_EFFECTS = "side_effects"
    DOSING = "dosing"
    ADMINISTRATION = "administration"
    SOURCES = "sources"
    COMPARISON = "comparison"
    ALTERNATIVES = "alternatives"
    MECHANISM = "mechanism"
    DEFINITION = "definition"
    RESOURCES = "resources"
    UNKNOWN = "unknown"


_RULES: tuple[tuple[Intent, str], ...] = (
    (
        Intent.RESOURCES,
        r"\b(where (can|do|should) i (find|get|read|learn)|reliable (information|info|sources?)|"
        r"trust(worthy|ed)? (information|info|sources?)|reputable|learn more|more information)\b",
    ),
    (Intent.CURE, r"\b(cure[sd]?|curing|get rid of|heal(s|ed)? (my |the )?\w*|reverse|eliminate)\b"),
    (
        Intent.DEFINITION,
        r"\b(same (thing )?as|the same|equal to|equivalent to|difference between|differ(ent)? from|"
        r"what is the difference|"
        r"is \w+ (a|an) \w+|what (is|are) (an? )?\w+$|define|definition of|meaning of)\b",
    ),
    (
        Intent.ADMINISTRATION,
        r"\b(empty stomach|with (food|meals?)|without food|before (meals?|food|bed)|"
        r"after (meals?|food)|how (should|do|to) i (take|use)|how to take|when (should|do) i take|"
        r"when to take|time of day|take it at|mix (it )?with|dissolve)\b",
    ),
    (
        Intent.SIDE_EFFECTS,
        r"\b(side ?effects?|adverse (effects?|events?|reactions?)|reactions?|make me (feel )?sick|"
        r"nausea|bloating|diarrh\w*|upset stomach|headaches? from)\b",
    ),
    (
        Intent.INTERACTION,
        r"\b(interact\w*|combine|combined|combining|together with|along with|with my (medication|"
        r"meds|medicine|pills|drugs?)|on (my )?(medication|meds))\b",
    ),
    (
        Intent.DOSING,
        r"\b(dose|doses|dosage|dosing|how (much|many)|how many grams|grams|mg|milligrams?|"
        r"maximum|upper limit|too much|overdose)\b",
    ),
    (
        Intent.SOURCES,
        r"\b(foods?|dietary sources?|natural sources?|sources of|eat|diet rich|found in|get (it |enough )?(\w+ )?"
        r"from (my |your |the |a )?(diet|food)|which foods|what foods)\b",
    ),
    (
        Intent.COMPARISON,
        r"\b(vs|versus|compared? (to|with)|comparison|better than|worse than|which is better|"
        r"or \w+ (for|better))\b",
    ),
    (
        Intent.ALTERNATIVES,
        r"\b(alternatives?|instead of|other (options|supplements|things)|what else|substitute|"
        r"replace)\b",
    ),
    (
        Intent.SAFETY,
        r"\b(safe|safety|dangerous|danger|risky|risks?|harmful|should i avoid|avoid|contraindicat\w*|"
        r"can i take|is it ok|is it okay|who should not|caution|warnings?|"
        r"(can|should|may) (kids|children|teens?|my (child|kid|son|daughter)|pregnant women) (take|use|have)|"
        r"(while|when|during) (pregnan\w*|breast ?feeding|nursing))\b",
    ),
    (
        Intent.MECHANISM,
        r"\b(how does|how do|how can|why (does|do|would|might|could)|mechanism|works? in the|"
        r"through what|pathway|the link|connection between|related to)\b",
    ),
    (
        Intent.EFFECT,
        r"\b(does|do|can|could|will|would|might|may|is|what does|what do|good for|bad for|help\w*|"
        r"improv\w*|worsen\w*|increase\w*|reduc\w*|affect\w*|effect|benefit\w*|work)\b",
    ),
)
_COMPILED = tuple((intent, re.compile(pattern)) for intent, pattern in _RULES)

_WORSENS = re.compile(
    r"\b(worse\w*|worsen\w*|aggravat\w*|exacerbat\w*|trigger\w*|flare\w*|hurt\w*|harm\w*|bad for|"
    r"make (it|me|my \w+|\w+) worse|damage\w*|intensif\w*|caus\w*|induc\w*|provok\w*|bring on|give me)\b"
)
_HELPS = re.compile(
    r"\b(help\w*|improv\w*|better|benefit\w*|good for|reliev\w*|eas(e|es|ing)|treat\w*|work for|works for|"
    r"support\w*|boost\w*)\b"
)
_UP = re.compile(r"\b(increas\w*|rais\w*|more|higher|heighten\w*|amplif\w*|enhanc\w*|elevat\w*)\b")
_DOWN = re.compile(r"\b(decreas\w*|reduc\w*|lower\w*|less|lessen\w*|diminish\w*|cut|calm\w*|soothe\w*)\b")

_CONDITION_CUES = {"in", "for", "with", "have", "has", "had", "from"}


@dataclass(frozen=True)
class Query:
    text: str
    normalised: str
    intent: Intent
    mentions: tuple[Mention, ...]
    entities: dict[str, tuple[str, ...]]
    asked: Direction | None
    crisis: bool
    unrecognised: tuple[str, ...] = ()
    suggestions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    reading: CrisisReading = field(default_factory=CrisisReading)

    def of(self, *kinds: EntityKind) -> tuple[str, ...]:
        out: list[str] = []
        for kind in kinds:
            out.extend(self.entities.get(kind.value, ()))
        return tuple(out)

    @property
    def substances(self) -> tuple[str, ...]:
        return self.of(EntityKind.SUBSTANCE)

    @property
    def conditions(self) -> tuple[str, ...]:
        return self.of(EntityKind.CONDITION)

    @property
    def outcomes(self) -> tuple[str, ...]:
        return self.of(EntityKind.OUTCOME)

    @property
    def drugs(self) -> tuple[str, ...]:
        return self.of(EntityKind.DRUG, EntityKind.DRUG_CLASS)


_DRUG_KINDS = frozenset({EntityKind.DRUG, EntityKind.DRUG_CLASS})
_CAUSE = re.compile(r"\b(caus\w*|give[s]? (me |you )?|trigger\w*|bring on|lead to|result in)\b")
_WHAT_IS = re.compile(r"^(what|who) (is|are|s) (an? |the )?")


def detect_intent(normalised: str, kinds: set[EntityKind], substance_count: int) -> Intent:
    for intent, pattern in _COMPILED:
        if not pattern.search(normalised):
            continue
        if intent in (Intent.SAFETY, Intent.EFFECT, Intent.MECHANISM) and kinds & _DRUG_KINDS:
            return Intent.INTERACTION
        if intent is Intent.DEFINITION and substance_count + len(kinds - {EntityKind.SUBSTANCE}) == 0:
            continue
        return intent
    if kinds & _DRUG_KINDS and substance_count:
        return Intent.INTERACTION
    if substance_count >= 2 and re.search(r"\bor\b", normalised):
        return Intent.COMPARISON
    return Intent.EFFECT if substance_count else Intent.UNKNOWN


def asked_direction(normalised: str) -> tuple[Direction | None, bool | None]:
    """The direction the question asks about: (helps/worsens, or None) and, for "increase/decrease"
    wording, whether it asks about raising (True) or lowering (False) the outcome."""
    if _WORSENS.search(normalised):
        return Direction.WORSENS, None
    if _UP.search(normalised):
        return None, True
    if _DOWN.search(normalised):
        return None, False
    if _HELPS.search(normalised):
        return Direction.HELPS, None
    return None, None


def _refine_intent(
    intent: Intent, normalised: str, words: list[str], mentions: list[Mention], base: EvidenceBase
) -> Intent:
    """Two cases the ordered patterns cannot see: "what is X?" where X is exactly a known entity
    (a definition), and "does it cause <a recorded side effect>?" (a side-effect question)."""
    prefix = _WHAT_IS.match(normalised)
    if prefix and mentions:
        start = len(prefix.group(0).split())
        claimed = {i for m in mentions for i in range(m.start, m.end)}
        if all(i in claimed for i in range(start, len(words))):
            return Intent.DEFINITION
    if intent in (Intent.EFFECT, Intent.MECHANISM) and _CAUSE.search(normalised):
        effect_words = {w for r in base.side_effects for w in normalise(r.effect).split() if len(w) >= 4}
        if any(w.rstrip("s") in effect_words or w in effect_words for w in words):
            return Intent.SIDE_EFFECTS
    return intent


def _crisis_only(text: str, reading: CrisisReading) -> Query:
    return Query(
        text=text,
        normalised=normalise(text),
        intent=Intent.UNKNOWN,
        mentions=(),
        entities={},
        asked=None,
        crisis=True,
        reading=reading,
    )


def _condition_slot(words: list[str], index: int) -> bool:
    return any(w in _CONDITION_CUES for w in words[max(0, index - 3) : index])


def parse(text: str, base: EvidenceBase, lexicon: Lexicon | None = None) -> Query:
    """Understand one question. Raises QuestionError only for input that is not a question at all."""
    if not isinstance(text, str):
        raise QuestionError("the question must be text")
    stripped = text.strip()
    # Self-harm risk is looked for before anything can reject the text: crisis resources are shown
    # even for a question that is too long or not understood.
    reading = read_crisis(stripped)
    crisis = reading.crisis
    if not stripped:
        raise QuestionError("the question is empty", hint='ask e.g. "Does glutamine increase pain in fibromyalgia?"')
    if len(stripped) > MAX_QUESTION_CHARS:
        if crisis:
            return _crisis_only(stripped[:MAX_QUESTION_CHARS], reading)
        raise QuestionError(
            f"the question is {len(stripped)} characters long; the limit is {MAX_QUESTION_CHARS}",
            hint="ask one short question at a time",
        )
    normalised = normalise(stripped)
    if not normalised:
        if crisis:
            return _crisis_only(stripped, reading)
        raise QuestionError(
            "the question has no words suppwise can read (it understands English only)",
            hint='ask e.g. "Is glutamine safe in bipolar disorder?"',
        )
    lexicon = lexicon or lexicon_for(base)
    words = normalised.split()
    mentions, unclaimed = find_mentions(lexicon, words)
    entities: dict[str, list[str]] = {}
    for mention in mentions:
        kind = base.entities[mention.entity_id].kind.value
        bucket = entities.setdefault(kind, [])
        if mention.entity_id not in bucket:
            bucket.append(mention.entity_id)
    kinds = {EntityKind(k) for k in entities}
    substance_count = len(entities.get(EntityKind.SUBSTANCE.value, []))
    intent = detect_intent(normalised, kinds, substance_count)
    intent = _refine_intent(intent, normalised, words, mentions, base)
    asked, raises = asked_direction(normalised)
    if asked is None and raises is not None:
        outcome_ids = entities.get(EntityKind.OUTCOME.value) or [
            base.entities[c].outcome or "" for c in entities.get(EntityKind.CONDITION.value, [])
        ]
        outcome = base.entities.get(outcome_ids[0]) if outcome_ids else None
        if outcome is not None and outcome.higher_is_better is not None:
            asked = Direction.HELPS if raises == outcome.higher_is_better else Direction.WORSENS
        else:
            asked = Direction.WORSENS if raises else Direction.HELPS
    unrecognised = tuple(words[i] for i in unclaimed if len(words[i]) >= 3)
    suggestions = {term: tuple(lexicon.suggest(term)) for term in unrecognised}
    if not entities.get(EntityKind.CONDITION.value):
        condition_like = [words[i] for i in unclaimed if _condition_slot(words, i) and len(words[i]) >= 3]
        unrecognised = tuple(dict.fromkeys((*condition_like, *unrecognised)))
    return Query(
        text=stripped,
        normalised=normalised,
        intent=intent,
        mentions=tuple(mentions),
        entities={k: tuple(v) for k, v in entities.items()},
        asked=asked,
        crisis=crisis,
        unrecognised=unrecognised,
        suggestions=suggestions,
        reading=reading,
    )
