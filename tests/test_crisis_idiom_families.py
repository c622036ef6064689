"""Seventh crisis round (docs/crisis.md): a supplement stocked for a trip, a season or a price, being lost
in a pastime and a smell called deadly are ordinary questions answered whole; a medicine saved up, the
same words with despair, and a supplement itself called deadly stay crisis."""

from __future__ import annotations

import pytest

from suppwise.evidence import EvidenceBase
from suppwise.questions.answer import WITHHELD, build_answer
from suppwise.questions.parse import parse
from suppwise.safety.crisis import read_crisis


@pytest.mark.parametrize(
    "text",
    [
        "i'm stockpiling melatonin for the long-haul flights this summer, how much for jet lag",
        "stockpiling omega-3 for the winter because the price keeps rising, does it go rancid",
        "stockpiling magnesium before my trip to spain, will it keep in the heat",
        "i want to disappear into a book all weekend, is it fine to skip magnesium for a few days",
        "the smell of fish oil is deadly lol, any capsules without it",
    ],
)
def test_a_supply_for_a_trip_a_pastime_or_a_smell_gets_the_ordinary_answer(text: str, bundled: EvidenceBase) -> None:
    answer = build_answer(bundled, parse(text, bundled))
    assert not answer.crisis, read_crisis(text)
    assert answer.summary != WITHHELD


@pytest.mark.parametrize(
    "text",
    [
        "stockpiling my pregabalin for the trip",
        "stockpiling melatonin so i can take them all at once",
        "stockpiling my amitriptyline because i don't want to be here much longer",
        "i'm not stocking up for a trip, i'm stocking up for the end",
        "i just want to disappear into nothing",
        "is fish oil deadly in large doses",
    ],
)
def test_a_medicine_despair_or_a_deadly_supplement_stays_crisis(text: str, bundled: EvidenceBase) -> None:
    assert build_answer(bundled, parse(text, bundled)).crisis, text


def test_a_medicine_saved_up_with_despair_withholds_the_amount(bundled: EvidenceBase) -> None:
    text = "the label says toxic in overdose, how many of my pregabalin would that take"
    answer = build_answer(bundled, parse(text, bundled))
    assert answer.crisis and answer.summary == WITHHELD
