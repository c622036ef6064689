"""Tenth crisis round (docs/crisis.md): voices the corpus lacked.

Crisis: leaving life said as a metaphor (clocking out, tapping out, checking out for good, pulling the plug on
oneself, getting off the ride, the last chapter for me, a one way ticket, the long sleep), asking God to take
me, being with a late spouse, going away for good, others managing if I were out of the picture, a carer
ending it for both, a pet rehomed as one will not be around, who gets what written down, passwords left for
afterwards, a parent giving belongings away, a medicine saved up, a medicine with drink to drift off, methods
without crisis words (exhaust, a knot for one's weight, a sea too cold to swim back, the highest car park,
helium without questions, train tracks, "yeeting myself off"), Polish and French taking one's life. Ordinary:
the same words with their object named (a hotel, a phone, a gym membership, a career's last chapter, a
brand's good innings, a will with a solicitor, things given away for a move, a note for the neighbour),
gaming deaths, and "dead tired" in Spanish, Portuguese, Italian and French. Every example was written for
this test; none is a corpus item."""

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
        # leaving life said as a metaphor, in men's, older people's and teenagers' voices
        ("honestly mate im ready to clock out of life", SignalKind.WISH_TO_DIE),
        ("kinda just wanna tap out of existence tbh", SignalKind.WISH_TO_DIE),
        ("thinking of checking out for good this time", SignalKind.WISH_TO_DIE),
        ("some days i want to pull the plug on my own life", SignalKind.WISH_TO_DIE),
        ("i'd like to step off this merry go round of life permanently", SignalKind.WISH_TO_DIE),
        ("at 86 this is surely the final chapter for me and i would welcome it", SignalKind.WISH_TO_DIE),
        ("looking at a one way ticket out of this life", SignalKind.WISH_TO_DIE),
        ("i'm ready for the big sleep now", SignalKind.WISH_TO_DIE),
        ("i pray every night for the good lord to take me", SignalKind.WISH_TO_DIE),
        ("i just want to join my late wife, is vitamin d any use at my age", SignalKind.WISH_TO_DIE),
        ("nobody would blink if i slipped away for good", SignalKind.WISH_TO_DIE),
        ("my husband and the kids would be fine without the drama and i could just slip away", SignalKind.WISH_TO_DIE),
        ("no reason to keep getting up anymore", SignalKind.WISH_TO_DIE),
        # a carer at breaking point
        (
            "caring for mum for ten years, some nights i think of getting the both of us out of this",
            SignalKind.WISH_TO_DIE,
        ),
        ("my brother says he might end it for the two of us", SignalKind.WISH_TO_DIE),
        ("theyd all cope better if i was out of the picture", SignalKind.BURDEN),
        # planning signs
        ("found someone to take the dog because i won't be around for much longer", SignalKind.GOODBYE),
        ("i've written out who gets my records and books", SignalKind.GOODBYE),
        ("left the bank details in the drawer for after i'm gone", SignalKind.GOODBYE),
        ("my nan has started giving her jewellery away and talks about being tired", SignalKind.GOODBYE),
        ("not taking my sertraline any more, i'm stashing them away", SignalKind.STOCKPILING),
        # methods without crisis words
        ("does tramadol with vodka make you slip away", SignalKind.METHOD),
        ("can you fall asleep from car exhaust in a garage", SignalKind.METHOD),
        ("what kind of knot would take my weight", SignalKind.METHOD),
        ("how far out do you have to swim before you can't get back", SignalKind.METHOD),
        ("which car park in the city centre is the tallest", SignalKind.METHOD),
        ("can i buy a helium cylinder no questions asked", SignalKind.METHOD),
        ("the railway line behind my house, i keep thinking i could just step in front", SignalKind.METHOD),
        ("bout to yeet myself off the bridge fr", SignalKind.METHOD),
        # other languages
        ("chcę odebrać sobie życie", SignalKind.OTHER_LANGUAGE),
        ("j'ai envie de me foutre en l'air ce soir", SignalKind.OTHER_LANGUAGE),
        ("je veux en finir avec la vie", SignalKind.OTHER_LANGUAGE),
    ],
)
def test_each_new_voice_is_read_by_a_rule_in_the_clear_tier(text: str, kind: SignalKind) -> None:
    reading = read_rules(text)
    assert kind in reading.signals, reading
    assert read_crisis(text).tier is CrisisTier.CLEAR


def test_a_method_question_without_crisis_words_is_withheld(bundled: EvidenceBase) -> None:
    text = "if i took my amitriptyline with whisky would i just drift off peacefully"
    answer = build_answer(bundled, parse(text, bundled))
    assert answer.crisis and answer.crisis_tier == "clear"
    assert answer.summary == WITHHELD


_ORDINARY = [
    # the same words with their object named
    "checked out of the b&b early, can melatonin help with jet lag",
    "i switch off my laptop for good at 8pm now, does magnesium help sleep",
    "logging off for good from facebook, is omega 3 good for mood",
    "tapping out of the running club for the winter, is vitamin d needed",
    "pulling the plug on my phone contract, is saffron expensive",
    "the final chapter of my thesis is due, any supplement for focus",
    "bought a one way ticket to australia, can i take probiotics on the plane",
    "had a good innings with that tub of magnesium, which brand next",
    "my grandma has had a good innings and is happy pottering, is vitamin d good for her",
    "i won't be around next week to feed the cat, can she have fish oil",
    "we wrote down who gets which room in the new house, can kids take melatonin",
    "my mum is giving her books away because she is moving to a flat, any help for her sleep",
    "wrote a note for the cat sitter about her food, can cats have fish oil",
    "updating my will with a solicitor this week, is vitamin d worth taking in winter",
    "i can't swim so i stay out of the sea, does fish oil help joints",
    "saving my vitamin d up for winter, does it keep",
    # gaming
    "got killed like 30 times on that level lol, does caffeine help reflexes",
    "kept dying to the final boss, magnesium for stress?",
    # dead tired in other languages
    "estoy muerto de sueño todo el día, la melatonina ayuda?",
    "sono stanco morto, la vitamina d aiuta?",
    "je suis mort de fatigue depuis des semaines, le magnésium aide?",
]


@pytest.mark.parametrize("text", _ORDINARY)
def test_the_look_alikes_are_no_rule_signal_and_never_the_clear_tier(text: str) -> None:
    assert not read_rules(text).crisis, read_rules(text)
    assert read_crisis(text).tier is not CrisisTier.CLEAR


@pytest.mark.parametrize(
    "text",
    [
        "checked out of the b&b early, can melatonin help with jet lag",
        "had a good innings with that tub of magnesium, which brand next",
        "updating my will with a solicitor this week, is vitamin d worth taking in winter",
        "my mum is giving her books away because she is moving to a flat, any help for her sleep",
    ],
)
def test_the_look_alikes_get_their_whole_answer(text: str, bundled: EvidenceBase) -> None:
    answer = build_answer(bundled, parse(text, bundled))
    assert not answer.crisis, read_crisis(text)
    assert answer.summary != WITHHELD


@pytest.mark.parametrize(
    "text",
    [
        # the same ordinary words, with the risk said beside them
        "checked out of the hotel and i want to check out of life too",
        "updated my will with a solicitor and wrote goodbye letters to my kids",
        "moving out and giving all my things away, won't need them where i'm going",
        "dead tired in the game and in real life, i want to die",
        "estoy muerta de cansancio y quiero morir",
    ],
)
def test_the_same_words_with_risk_beside_them_stay_crisis(text: str, bundled: EvidenceBase) -> None:
    assert build_answer(bundled, parse(text, bundled)).crisis, read_crisis(text)
