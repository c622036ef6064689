"""Ninth crisis round (docs/crisis.md): the readable misses and false alarms, by family.

Crisis: a wish not to have woken, others deserving a better parent or partner than the writer, a medicine
kept or hidden instead of taken, following a relative "the same way", a life worth nothing and a third
person's wish to die in other languages. Ordinary: exertion or boredom said as killing or dying, a relative's
past death by overdose told as history, a supplement's daily schedule "all at once or split", a supplement
stockpiled in a sale, no way forward with a named diet or professional, nothing to look forward to on a named
occasion. Every example was written for this test; none is a corpus item."""

from __future__ import annotations

import pytest

from suppwise.evidence import EvidenceBase
from suppwise.questions.answer import WITHHELD, build_answer
from suppwise.questions.parse import parse
from suppwise.safety.crisis import CrisisTier, read_crisis, read_rules
from suppwise.safety.crisis_signals import SignalKind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("most days i wish i hadnt woken up, is omega 3 any use for that", SignalKind.WISH_TO_DIE),
        ("my mum says she wishes she had not woken up this morning", SignalKind.WISH_TO_DIE),
        ("woke up at noon and honestly wished i hadn't", SignalKind.WISH_TO_DIE),
        ("my grandad overdosed and i keep thinking of going the same way", SignalKind.WISH_TO_DIE),
        ("mi padre dice que quiere morirse, que hago", SignalKind.WISH_TO_DIE),
        ("meu filho diz que quer sumir", SignalKind.WISH_TO_DIE),
        ("ma vie ne vaut rien, le magnesium aide pour dormir?", SignalKind.HOPELESSNESS),
        ("no valgo nada, la vitamina d sirve para el animo?", SignalKind.HOPELESSNESS),
        ("the twins deserve a far better mum than me", SignalKind.BURDEN),
        ("honestly my wife deserves a kinder husband than me, does saffron help", SignalKind.BURDEN),
        ("my flatmate has been stashing her lithium in a shoebox instead of taking it", SignalKind.STOCKPILING),
        ("my dad keeps putting his tramadol in an envelope rather than swallowing them", SignalKind.STOCKPILING),
        ("there's a box full of my sons quetiapine he never took", SignalKind.STOCKPILING),
    ],
)
def test_each_new_family_is_read_by_a_rule_in_the_clear_tier(text: str, kind: SignalKind) -> None:
    reading = read_rules(text)
    assert kind in reading.signals, reading
    assert read_crisis(text).tier is CrisisTier.CLEAR


def test_a_medicine_hidden_instead_of_taken_withholds_an_amount_question(bundled: EvidenceBase) -> None:
    text = "i've been hiding my pregabalin in a sock instead of taking it, how many would be enough"
    answer = build_answer(bundled, parse(text, bundled))
    assert answer.crisis and answer.crisis_tier == "clear"
    assert answer.summary == WITHHELD


@pytest.mark.parametrize(
    "text",
    [
        # exertion or a day said to have killed me; boredom said as dying of it
        "the hill walk killed me yesterday, is magnesium or glutamine better for sore legs",
        "this week at work has totally wrecked me, can magnesium help me sleep",
        "my kids absolutely destroyed me today lol, is vitamin d ok at night",
        "dying of boredom on the train, does l-theanine help focus",
        # a relative's past death by overdose told as history
        "my uncle died of an overdose in the 90s so i'm wary of pills, is melatonin habit forming",
        "we lost my nephew to an accidental overdose, is it safe to keep melatonin in the house with a teenager",
        # a supplement's daily schedule, and a supplement bought in a sale
        "should i take omega 3 all at once at breakfast or split it over the day",
        "i stockpile vitamin d in the black friday deals, does it go off",
        # no way forward with a named diet or professional; nothing to look forward to on a named occasion
        "there is no way forward with the low histamine diet for me, does quercetin help",
        "no way forward with the consultant either, can i try magnesium on my own",
        "nothing to look forward to until payday lol, is cheap fish oil any good",
        # hiding under the bed, in Spanish, of a cat
        "mi gata quiere esconderse debajo de la cama con los fuegos artificiales, la melatonina es segura para gatos",
    ],
)
def test_the_ordinary_look_alikes_are_no_rule_signal_and_never_the_clear_tier(text: str) -> None:
    assert not read_rules(text).crisis, read_rules(text)
    assert read_crisis(text).tier is not CrisisTier.CLEAR


@pytest.mark.parametrize(
    "text",
    [
        "the hill walk killed me yesterday, is magnesium or glutamine better for sore legs",
        "should i take omega 3 all at once at breakfast or split it over the day",
        "i stockpile vitamin d in the black friday deals, does it go off",
        "my uncle died of an overdose in the 90s so i'm wary of pills, is melatonin habit forming",
    ],
)
def test_the_ordinary_look_alikes_get_their_whole_answer(text: str, bundled: EvidenceBase) -> None:
    answer = build_answer(bundled, parse(text, bundled))
    assert not answer.crisis, read_crisis(text)
    assert answer.summary != WITHHELD


@pytest.mark.parametrize(
    "text",
    [
        # the same words, with the risk said beside them
        "the gym killed me and i wish i was dead anyway",
        "my cousin died of an overdose and i want to die the same way",
        "should i take all my sertraline at once or spread it out so no one notices",
        "stockpiling my zopiclone while it's cheap so i can take them all at once",
        "no way forward for me with or without the diet, i want it all to end",
        "nothing to look forward to, not this weekend or any weekend, i just want to disappear",
        "i wish i hadn't woken up, with or without the migraine",
        "mi hermano quiere desaparecer para siempre",
    ],
)
def test_the_same_words_with_risk_beside_them_stay_crisis(text: str, bundled: EvidenceBase) -> None:
    assert build_answer(bundled, parse(text, bundled)).crisis, read_crisis(text)
