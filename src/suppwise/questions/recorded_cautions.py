"""A safety question that names a medicine or a condition and no supplement: "which supplements should I avoid
on lamotrigine", "what supplements interact with sertraline", "what should I avoid with kidney disease".

Why: such a question was answered "the question names no supplement that the evidence base knows", which reads
as if suppwise knew nothing, while the base records cautions for exactly that medicine or condition on some of
its supplements. The person is asking for that list (corpus guide §2: safety and interaction), so the answer
gives it: each supplement the base records a caution for with what is named, the most severe first, the reason
as recorded and its sources; or says that the base records none (and that this is not a clean bill of health,
since the base holds few supplements). A list is never advice to take anything that is not on it.

The lead level is not set from the list: no supplement was asked about, so none of these cautions is the one
that must lead the answer (docs/question-corpus.md §7 labels such questions `none`).
"""

from __future__ import annotations

import re
from typing import Final

from suppwise.evidence.names import mid_sentence
from suppwise.evidence.schema import EntityKind
from suppwise.questions.answer_model import Caution
from suppwise.questions.compose import Composer
from suppwise.questions.intents import Intent

__all__ = ["ANY_SUPPLEMENT", "asks_recorded_cautions", "recorded_cautions", "recorded_sentence"]

_ASKED: Final = frozenset({Intent.SAFETY, Intent.INTERACTION})
# Supplements named as a class, not one of them: "is it safe to take supplements with warfarin", "are vitamins
# ok in pregnancy". Such a question asks what the base records across its supplements.
_CLASS_WORDS: Final = (
    r"(supplements|vitamins|herbs|herbals|herbal (remedies|supplements|medicines|products|teas?)|"
    r"natural (remedies|supplements|products))"
)
_A_CLASS: Final = re.compile(r"((any|other|my|these|those) )?" + _CLASS_WORDS)
ANY_SUPPLEMENT: Final = re.compile(r"\b" + _CLASS_WORDS + r"\b")
_ORDER: Final = {"avoid": 0, "caution": 1}
SHOWN: Final = 6


def asks_recorded_cautions(c: Composer) -> bool:
    """Whether the question asks what to watch with a medicine or a condition it names, naming no supplement."""
    query = c.query
    return (
        query.intent in _ASKED
        and not query.substances
        # a supplement the base lacks is said to be missing instead; supplements named as a class ("are vitamins
        # safe with warfarin") are no such supplement
        and all(_A_CLASS.fullmatch(term) for term in query.unrecognised)
        and not query.crisis
        and bool(query.drugs or query.conditions or query.populations)
    )


def recorded_cautions(c: Composer) -> list[Caution]:
    """Every caution the base records for the medicines and conditions the question names, across its
    supplements, the most severe first. Sources are cited only for those listed (a scan composer reads the rest)."""
    base = c.base
    scan = Composer(base, c.query)
    found = [
        caution
        for substance in sorted(e.id for e in base.entities.values() if e.kind is EntityKind.SUBSTANCE)
        for caution in scan.cautions(substance)
        if caution.matches_question
    ]
    found.sort(key=lambda x: (_ORDER.get(x.level, 2), base.name(x.substance or "")))
    if found:
        items = [f"{mid_sentence(c.name(x.substance))} ({x.level}): {x.reason}" for x in found]
        c.section("recorded_cautions", "Cautions recorded with what you named", items,
                  (s for x in found for s in x.sources))
    return found


def recorded_sentence(c: Composer, found: list[Caution]) -> str:
    """The list as the answer's summary: what is named, then each supplement once, with its most severe level
    and what the cautions are about (the reasons in full are the answer's section)."""
    query = c.query
    named = " or ".join(
        [mid_sentence(c.name(e)) for e in (*query.drugs, *query.conditions)] + list(query.populations)
    )
    if not found:
        return (
            f"The evidence base records no supplement caution with {named}. It holds only a few supplements, so this "
            "is not a clean bill of health for any other: ask a pharmacist before adding one."
        )
    by_supplement: dict[str, tuple[str, list[str]]] = {}
    for x in found:  # most severe first, so a supplement's first caution gives its level
        _level, about = by_supplement.setdefault(x.substance or "", (x.level, []))
        # a population's caution is recorded under an id of its own: it is about the stage of life asked
        what = mid_sentence(c.name(x.entity)) if x.entity in c.base.entities else ", ".join(query.populations)
        if what not in about:
            about.append(what)
    shown = list(by_supplement.items())[:SHOWN]
    parts = [f"{mid_sentence(c.name(s))}: {level} ({', '.join(about)})" for s, (level, about) in shown]
    text = f"With {named}, the evidence base records cautions for these supplements: {'; '.join(parts)}."
    if len(by_supplement) > len(shown):
        text += f" {len(by_supplement) - len(shown)} more are recorded."
    return text + " Supplements it does not hold are not covered: ask a pharmacist before adding one."
