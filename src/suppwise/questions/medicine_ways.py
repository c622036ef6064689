"""How a supplement changes medicines in general, said from its interaction records.

"How does St John's wort stop other medicines working" names no medicine, so no interaction record
matches it, and the mechanism answer said "The evidence base records nothing on what St John's wort
does in the body that fits this question" (sixth try-out, 6 December 2026): false, since each of its
interaction records says how it acts (`mechanism_kinds`: it speeds the breakdown of the pill's
hormones, ciclosporin and the DOACs, and adds to serotonin with antidepressants and triptans). A
question about medicines in general is answered with those ways, each with the medicines it
concerns; the records themselves follow as the interactions list. Only the kinds the records carry
are said, in plain words; a kind with no settled mechanism is said as such, never guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from suppwise.evidence.schema import Interaction, InteractionMechanism
from suppwise.questions.word_pattern import word_regex

# Medicines spoken of as a group, not one named ("other medicines", "my meds", "prescription drugs").
# "the pill" is the contraceptive, an entity of its own, so only the plural counts here.
_MEDICINES: Final = r"(medicines|medications|meds|drugs|tablets|pills)"
_MEDICINES_IN_GENERAL: Final = word_regex(
    r"(other|my|your|someone'?s|people'?s|prescription|prescribed|many|most|some|all|any|certain|lots of) "
    r"(other )?(medicines?|medications?|meds|drugs|tablets|pills)"
    rf"|{_MEDICINES} (work|working|less|weaker|stop|affect|interact)"
    rf"|(interact|interacts|interfere|interferes|clash|clashes|mess|messes) with (\w+ ){{0,2}}{_MEDICINES}"
)

# Each kind in plain words, the ways that make a medicine fail or pile up first, then the ways that
# add effects. The kinds do not say which of the two acts on the other (fluvoxamine slows melatonin's
# breakdown; St John's wort speeds the pill's), so the words do not either: the records below say it.
# Induction of enzymes and of transporters read alike to a reader, so they share one phrase.
_WAYS: Final[tuple[tuple[frozenset[InteractionMechanism], str], ...]] = (
    (
        frozenset({InteractionMechanism.ENZYME_INDUCTION, InteractionMechanism.TRANSPORTER_INDUCTION}),
        "one makes the body clear the other faster, so less of it reaches the blood and it can stop working",
    ),
    (
        frozenset({InteractionMechanism.ENZYME_INHIBITION}),
        "one slows the body's breakdown of the other, so more of it stays in the blood",
    ),
    (
        frozenset({InteractionMechanism.CHELATION, InteractionMechanism.ABSORPTION}),
        "one changes how much of the other is absorbed from the gut",
    ),
    (frozenset({InteractionMechanism.EXCRETION}), "one changes how fast the kidneys clear the other"),
    (frozenset({InteractionMechanism.SEROTONERGIC}), "together they can add up to too much serotonin"),
    (frozenset({InteractionMechanism.BLEEDING}), "together they add to the risk of bleeding"),
    (frozenset({InteractionMechanism.SEDATION}), "together they add to drowsiness"),
    (frozenset({InteractionMechanism.BLOOD_PRESSURE}), "together they change blood pressure more"),
    (frozenset({InteractionMechanism.BLOOD_SUGAR}), "together they change blood sugar more"),
    (frozenset({InteractionMechanism.ADDITIVE}), "together they add to each other's effect"),
    (frozenset({InteractionMechanism.OPPOSING}), "one works against the other's effect"),
)


def asks_about_medicines_in_general(normalised: str) -> bool:
    """Whether a (normalised) question speaks of medicines as a group rather than naming one."""
    return _MEDICINES_IN_GENERAL.search(normalised) is not None


def medicine_ways(records: Sequence[Interaction], subject: str, name: Callable[[str], str]) -> str:
    """One sentence naming the ways `subject` and medicines act on each other, each with the medicines
    recorded for it, or "" when no record gives one. A medicine that lowers the supplement
    (`nutrient_depletion`) is the other direction and is not one of the supplement's ways, and a record
    with no settled mechanism (`unknown`) gives no way to say; both stay in the list that follows."""
    ways: list[str] = []
    for kinds, phrase in _WAYS:
        drugs = [name(r.drug) for r in records if kinds & set(r.mechanism_kinds)]
        if drugs:
            ways.append(f"{phrase} ({', '.join(dict.fromkeys(drugs))})")
    if not ways:
        return ""
    counted = "one way" if len(ways) == 1 else f"{len(ways)} ways"  # "2 ways", as the answer counts
    listed = ways[0] if len(ways) == 1 else "; ".join(ways[:-1]) + "; and " + ways[-1]
    return (
        f"The evidence base records {counted} {subject} and medicines act on each other: {listed}. "
        "Each interaction is below with what to do."
    )

