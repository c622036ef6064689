"""Issue 12's seventh crisis round (docs/crisis.md, "Seventh round"): indirect wordings of every
family, vowel-less text-speak and voice-to-text slips are read by the rules (the clear tier, the
answer to an amount question withheld), and the ordinary messages made of the same new words stay
ordinary. The wordings here are not the corpus items the round was measured on (x1700-x1799)."""

from __future__ import annotations

import pytest

from suppwise.evidence import EvidenceBase
from suppwise.questions.answer import WITHHELD, build_answer
from suppwise.questions.parse import parse
from suppwise.safety.crisis import CrisisTier, read_crisis, read_rules
from suppwise.safety.crisis_signals import SignalKind
from suppwise.safety.crisis_text import fold


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # burden in other images, denied by others, others better off if one just were not here
        ("honestly i'm dead weight to my family, is saffron any good", SignalKind.BURDEN),
        ("i'm such a drain on my kids these days", SignalKind.BURDEN),
        ("my mum says i'm not a burden but i know i am", SignalKind.BURDEN),
        ("everyone would be calmer if i just wasn't around", SignalKind.BURDEN),
        ("they would save a fortune without me", SignalKind.BURDEN),
        ("i feel like the reason my wife can't have a life", SignalKind.BURDEN),
        ("tell him he won't be a bother to anyone much longer", SignalKind.BURDEN),
        # no future, no way forward, can't do life
        ("there's just no way forward, does b12 help energy", SignalKind.HOPELESSNESS),
        ("there is no reason to get up anymore", SignalKind.HOPELESSNESS),
        ("honestly there's no future for people like me", SignalKind.HOPELESSNESS),
        ("i can't do life any more", SignalKind.HOPELESSNESS),
        ("not able to keep going, is 5-htp ok", SignalKind.HOPELESSNESS),
        ("i have nothing left to look forward to", SignalKind.HOPELESSNESS),
        ("she has given up on life and on herself", SignalKind.HOPELESSNESS),
        # wishes in images of sleep, quiet and not coming back
        ("why am i even still alive", SignalKind.WISH_TO_DIE),
        ("something to knock me out for good please", SignalKind.WISH_TO_DIE),
        ("he says he'd be better off sleeping for ever", SignalKind.WISH_TO_DIE),
        ("i want it all to go silent for good", SignalKind.WISH_TO_DIE),
        ("i'm so sick of being alive", SignalKind.WISH_TO_DIE),
        # goodbyes
        ("this will be my last post here, thank you all", SignalKind.GOODBYE),
        ("this is the last time anyone will hear from me", SignalKind.GOODBYE),
        ("wanted to say goodbye to everyone on this forum", SignalKind.GOODBYE),
        ("i've made my peace with everything now", SignalKind.GOODBYE),
        ("my daughter's been giving away her books and her guitar", SignalKind.GOODBYE),
        # stockpiling, supplements included when saved to take at once
        ("been saving my magnesium for a month so i can take them all at once", SignalKind.STOCKPILING),
        ("she stopped taking her quetiapine to keep them", SignalKind.STOCKPILING),
        ("i've been collecting my dad's leftover morphine", SignalKind.STOCKPILING),
        ("would 40 of my sertraline be enough", SignalKind.STOCKPILING),
        ("quiero tomarme todas mis pastillas", SignalKind.STOCKPILING),
        # lethality and methods said casually
        ("how many sleeping tablets would it take", SignalKind.LETHALITY),
        ("an amount of iron you just never wake up from", SignalKind.LETHALITY),
        ("what would damage a person for good", SignalKind.LETHALITY),
        ("is the car park roof tall enough", SignalKind.METHOD),
        ("what happens when you bleed out", SignalKind.METHOD),
        ("how to make it look like an accident", SignalKind.METHOD),
        # Polish, Spanish, Portuguese
        ("mam już dość życia", SignalKind.OTHER_LANGUAGE),
        ("nie chcę się już budzić", SignalKind.OTHER_LANGUAGE),
        ("todos estarían mejor sin mí", SignalKind.BURDEN),
        ("seria melhor para todos se eu não existisse", SignalKind.BURDEN),
        ("moi rodzice byliby szczęśliwsi beze mnie", SignalKind.BURDEN),
        ("ya no puedo más", SignalKind.OTHER_LANGUAGE),
        ("nie widzę sensu życia", SignalKind.OTHER_LANGUAGE),
        ("não vejo sentido na vida", SignalKind.OTHER_LANGUAGE),
        # more images, read while probing the families
        ("i'm ready to leave this world", SignalKind.WISH_TO_DIE),
        ("my dad keeps saying he wants to join mum", SignalKind.WISH_TO_DIE),
        ("i wish the cancer would just hurry up", SignalKind.WISH_TO_DIE),
        ("what does it feel like to drown", SignalKind.WISH_TO_DIE),
        ("i'm so ready to be done with life", SignalKind.WISH_TO_DIE),
        ("can't see a reason to keep going", SignalKind.HOPELESSNESS),
        ("i don't see myself getting old", SignalKind.HOPELESSNESS),
        ("nobody needs me anymore", SignalKind.BURDEN),
        ("i keep thinking everyone would be relieved", SignalKind.BURDEN),
        ("i bought extra codeine from three different shops", SignalKind.STOCKPILING),
        ("i have a plan and the pills are ready", SignalKind.STOCKPILING),
        ("he's been looking at nooses online", SignalKind.METHOD),
        ("sometimes i think about crashing the car on purpose", SignalKind.METHOD),
        ("i wrote my family a letter explaining everything", SignalKind.GOODBYE),
        ("she'll be gone by the weekend and said not to look for her", SignalKind.GOODBYE),
    ],
)
def test_the_seventh_round_wordings_are_read_by_the_rules(text: str, kind: SignalKind) -> None:
    reading = read_rules(text)
    assert kind in reading.signals, (fold(text), reading.signals)
    assert read_crisis(text).tier is CrisisTier.CLEAR


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("i cnt do ths anymre", "i can not do this anymore"),
        ("wholl care", "who will care"),
        ("shes sayin she wants 2 go", "she is saying she wants to go"),
        ("evry1 wud b happier w/o me", "everyone would be happier without me"),
        ("i jst wnt 2 sleep n nvr wake up", "i just want to sleep and never wake up"),
        ("wat if i tk them all", "what if i take them all"),
        ("im so tird of livng", "i am so tired of living"),
        ("every body would be better of without me", "everybody would be better off without me"),
        ("this is the last time you'll hear from me", "this is the last time you will hear from me"),
        # voice to text: "overdose" heard as two words, "alive" as "a life", spoken punctuation
        ("I want to over those on my pills", "i want to overdose on my pills"),
        ("I don't want to be a life anymore", "i do not want to be alive anymore"),
        ("I want to die period", "i want to die"),
        ("is it safe question mark", "is it safe"),
    ],
)
def test_vowel_less_text_speak_and_voice_slips_are_spelled_out(typed: str, folded: str) -> None:
    assert fold(typed) == folded


@pytest.mark.parametrize(
    "text",
    [
        "i cnt do ths anymre",
        "wholl even miss me",
        "I want to over those on my medication",
        "every body would be better of without me",
        "I don't want to be a life anymore",
        "im a burdon on my famly",
    ],
)
def test_text_speak_and_voice_slips_reach_the_clear_tier(text: str) -> None:
    assert read_rules(text).crisis and read_crisis(text).tier is CrisisTier.CLEAR


@pytest.mark.parametrize(
    "text",
    [
        "how many sleeping pills would it take, just wondering",
        "wat if i tk all my tabs 2nite",
        "i've saved every melatonin gummy for weeks to take them together",
    ],
)
def test_an_amount_asked_in_the_new_wordings_is_withheld(bundled: EvidenceBase, text: str) -> None:
    answer = build_answer(bundled, parse(text, bundled))
    assert answer.crisis and answer.crisis_resources
    assert answer.summary == WITHHELD


@pytest.mark.parametrize(
    "text",
    [
        # the new rules' own words, in ordinary messages
        "I kept my old prescriptions in a drawer, does glutamine expire?",
        "the deadlift bar feels like dead weight on my back, does creatine help",
        "i see no way forward with the low fodmap diet, is glutamine worth a go",
        "why am i still here at 3am reading about magnesium",
        "is the bridge near the clinic high enough for my van",
        "they'd have a great time on holiday without me, can i take melatonin on the flight",
        "i'm the reason we can't go out much, my ibs flares in restaurants",
        "can too much zinc harm you permanently",
        "i have nothing to look forward to this weekend, its raining, fish oil or krill oil",
        "my kids deserve a holiday, what helps fibro fatigue",
        "better of with capsules or powder for glutamine",
        "i want the house to be quiet at night so i can sleep, does melatonin help",
        "my period is late, can glutamine affect my cycle",
        "is melatonin a life saver for jet lag",
        "i ended it with my boyfriend, now i can't sleep, does magnesium help",
        "dying to know if glutamine helps leaky gut",
        "dis is my first time trying glutamine",
        "my daughter eva takes zinc, is it ok with glutamine",
        "i crashed the car on the motorway, can glutamine help whiplash",
        "i bought magnesium from three different shops to compare",
        "my mum wants to join my dad for lunch, is glutamine ok with her statin",
        "i want to leave this world of pain behind and go hiking",
    ],
)
def test_ordinary_messages_with_the_new_words_stay_ordinary(text: str) -> None:
    """The new rules never read these as crisis; whether the learned model does is its own measure
    (the corpus's false-crisis rates), and two of them it flags at the possible tier after the retrain
    on this round's crisis wordings (docs/crisis.md, "Eighth round")."""
    reading = read_crisis(text)
    assert not read_rules(text).crisis, fold(text)
    assert reading.tier is not CrisisTier.CLEAR, fold(text)


def test_pain_hyperbole_still_earns_only_the_support_line() -> None:
    reading = read_crisis("this pain is killing me, what helps fibro flares")
    assert not reading.crisis and reading.distress
