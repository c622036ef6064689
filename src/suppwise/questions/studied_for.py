"""A symptom asked about with no supplement named: "what supplements help brain fog", "anything for
tiredness". The question names a symptom the base knows, so "the question names no supplement that
the evidence base knows" misreads it: the person is asking which supplements were studied for it.

The answer lists the supplements a person could take (a dose is recorded) with a finding on that
symptom, each with the verdict `ask` would give it (`reasoning.verdict.judge`, so the two never
disagree), strongest evidence first, naming the conditions the studies were in when none was in
people in general; or says that the base holds none. A list is never advice to take anything.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final, NamedTuple

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.names import mid_sentence
from suppwise.reasoning.verdict import Direction, VerdictCode, judge

_CERTAINTY_ORDER: Final = ("high", "moderate", "low", "very_low")
_DIRECTION_WORDS: Final = {
    Direction.HELPS: "helps",
    Direction.WORSENS: "worsens",
    Direction.NO_EFFECT: "no effect",
    Direction.MIXED: "mixed evidence",
    Direction.UNKNOWN: "no clear effect",
}
SHOWN: Final = 5


class Studied(NamedTuple):
    """One supplement's verdict on the symptom."""

    substance: str
    name: str
    direction: str
    certainty: str
    direct: bool
    settings: tuple[str, ...]  # the conditions its studies were in, when none was in people in general
    sources: tuple[str, ...]


@lru_cache(maxsize=256)
def studied_for(base: EvidenceBase, outcome: str) -> tuple[Studied, ...]:
    """The supplements with a finding on `outcome`, strongest evidence first: direct before
    indirect, then by the certainty of a helpful verdict, then by name."""
    dosed = {record.substance for record in base.dosing}
    rows: list[Studied] = []
    for substance, findings in base.findings_by_subject.items():
        if substance not in dosed or not any(f.object == outcome for f in findings):
            continue
        verdict = judge(base, substance, outcome)
        if verdict.code is VerdictCode.NO_EVIDENCE:
            continue
        contexts = [g.finding.context for g in verdict.evidence]
        settings = () if None in contexts else tuple(dict.fromkeys(base.name(c) for c in contexts if c))
        rows.append(
            Studied(
                substance=substance,
                name=base.name(substance),
                direction=_DIRECTION_WORDS.get(verdict.direction, verdict.direction.value),
                certainty=verdict.certainty.label if verdict.certainty else "very_low",
                direct=verdict.code is VerdictCode.DIRECT_EVIDENCE,
                settings=settings,
                sources=tuple(dict.fromkeys(s for g in verdict.evidence for s in g.sources)),
            )
        )

    def rank(row: Studied) -> tuple[bool, bool, int, str]:
        order = _CERTAINTY_ORDER.index(row.certainty) if row.certainty in _CERTAINTY_ORDER else len(_CERTAINTY_ORDER)
        return (not row.direct, row.direction != "helps", order, row.name.lower())

    return tuple(sorted(rows, key=rank))


def studied_sentence(outcome_name: str, rows: tuple[Studied, ...]) -> str:
    """The list in one paragraph, or that the base holds nothing on the symptom."""
    symptom = mid_sentence(outcome_name)
    if not rows:
        return (
            f"The evidence base holds no supplement studied for {symptom}, so suppwise cannot list any; it "
            "answers only from its evidence base and will not guess."
        )
    parts = []
    for row in rows[:SHOWN]:
        where = f", studied in {', '.join(mid_sentence(s) for s in row.settings)} only" if row.settings else ""
        certainty = row.certainty.replace("_", " ")
        parts.append(f"{mid_sentence(row.name)} ({row.direction}, {certainty} certainty{where})")
    more = f" {len(rows) - SHOWN} more are recorded." if len(rows) > SHOWN else ""
    return (
        f"For {symptom}, the evidence base holds studies of these supplements, strongest evidence first: "
        f"{'; '.join(parts)}.{more} A list is not advice to take anything: check with your doctor or pharmacist."
    )
