"""Side effects, safety, administration, dosing, effect and unknown read from what is asked (issue 12 §3,
intentB15 round; docs/question-understanding.md, twenty-third round).

A person's own experience with a question of blame is side effects (`questions.own_experience`); a safety
claim someone made, brought to be checked, is safety (`questions.checked_claims`); a diary line or a
newcomer's hello asks nothing (`questions.told_not_asked`); keeping a supply fresh and a follow-up naming
only a time of day are administration; a limit with the harm past it, "X enough?" and a bare dose word
are dosing; how soon it works, how often a symptom comes, helping in a state and making something
stronger are effect.

Every example was written for this test, none copied from the corpus; the controls beside each family hold
what it must not override."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from suppwise.questions.checked_claims import checks_a_safety_claim
from suppwise.questions.intent import Intent
from suppwise.questions.own_experience import reports_own_experience
from suppwise.questions.told_not_asked import tells_without_asking
from tests.question_helpers import answered_intent as _intent


@pytest.mark.parametrize(
    "text",
    [
        "saffron and a dry mouth, has anyone else had that?",
        "omega 3 and nosebleeds... anybody else get them",
        "is it the melatonin doing this to my mood",
        "could the 5-htp be what's bringing on these cramps",
        "is it the magnesium or my lansoprazole making me so queasy",
        "awful sleep since i started on sertraline, could it be the tablets?",
        "is my esomeprazole draining my b12",
        "is lansoprazole lowering my magnesium",
        "does anyone else feel dead flat on 5-htp",
    ],
)
def test_an_own_experience_asking_what_caused_it_is_side_effects(text: str) -> None:
    assert _intent(text) == Intent.SIDE_EFFECTS


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # a benefit shared is an effect; a body measure lowered, not a nutrient, is an effect
        ("magnesium for cramps, anyone else get relief from it?", Intent.EFFECT),
        ("anyone else sleep better on magnesium", Intent.EFFECT),
        ("does omega 3 lower my triglycerides", Intent.EFFECT),
        # why it happens is the mechanism (guide rule 1)
        ("why is the magnesium making me so loose", Intent.MECHANISM),
    ],
)
def test_a_benefit_or_a_why_is_not_read_as_blame(text: str, intent: Intent) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("my neighbour swears melatonin is harmless for toddlers, is she right?", Intent.SAFETY),
        ("the chemist assistant said st johns wort is fine in pregnancy. true?", Intent.SAFETY),
        ("the woman at the health food store says glutamine is ok with bipolar, is that correct", Intent.SAFETY),
        # the claim is about an amount: dosing (guide rule 4)
        ("my trainer says 15g of glutamine a day is fine, is he right", Intent.DOSING),
        # a claim that it helps is an effect question
        ("my cousin says saffron helps low mood, is that true", Intent.EFFECT),
        # the check asked on its own after the claim told
        ("an influencer said glutamine is bad for kidneys. true for someone with kidney disease?", Intent.SAFETY),
        ("my nan says st johns wort is harmless for teenagers. is that right?", Intent.SAFETY),
    ],
)
def test_a_claim_brought_to_be_checked_is_read_by_what_it_claims(text: str, intent: Intent) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "does melatonin lose its potency after the best before date",
        "do omega 3 softgels go rancid in a hot kitchen",
        "does glutamine powder get weaker once opened",
        "do my probiotics need to be kept cold",
        "what about at bedtime then?",
        "and how about after breakfast instead",
        "is it better to take saffron hot or cold",
        "best form of b12 for a vegan?",
    ],
)
def test_keeping_it_and_a_time_of_day_follow_up_are_administration(text: str) -> None:
    assert _intent(text) == Intent.ADMINISTRATION


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("does magnesium help when my legs are restless at night", Intent.EFFECT),
        ("can melatonin help if i wake at 4am and cant get back off", Intent.EFFECT),
        # taking it at a time is still how it is taken
        ("does magnesium work better if i take it at night", Intent.ADMINISTRATION),
        ("how long till it starts working", Intent.EFFECT),
        ("how soon does it take effect", Intent.EFFECT),
        ("could saffron cut down how many low days i get", Intent.EFFECT),
        ("my gran is 85, would vitamin d make her bones stronger", Intent.EFFECT),
        # the number of tablets taken is still an amount
        ("how many magnesium tablets should i have", Intent.DOSING),
    ],
)
def test_effects_told_by_a_time_a_count_or_a_person(text: str, intent: Intent) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "whats the upper limit of vitamin d before it gets dangerous",
        "max b6 per day before nerve problems start?",
        "melatonin enough?",
        "ashwagandha dose for anxiety",
        "done with my glutamine trial now, taper down or stop cold?",
    ],
)
def test_a_limit_an_enough_and_a_bare_dose_word_are_dosing(text: str) -> None:
    assert _intent(text) == Intent.DOSING


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("day 4 on the 5-htp, mood 6/10", Intent.UNKNOWN),
        ("week 2 of magnesium, sleep about 7 out of 10", Intent.UNKNOWN),
        ("hello, just joined, living with ibs", Intent.UNKNOWN),
        # a question after the diary line or the hello is answered
        ("day 4 on the 5-htp, mood 6/10, is it normal to feel sick?", Intent.SIDE_EFFECTS),
        ("hi, new here, does magnesium help fibro pain?", Intent.EFFECT),
    ],
)
def test_a_diary_line_or_a_hello_asks_nothing(text: str, intent: Intent) -> None:
    assert _intent(text) == intent


_WORDS = st.lists(st.sampled_from(["zzsubstance", "my", "it", "the", "and", "is", "day", "3", "of", "new", "here",
                                   "pain", "6", "10", "said", "safe", "true", "doing", "this", "to", "me"]),
                  max_size=12).map(" ".join)


@given(_WORDS)
def test_nothing_is_blamed_when_nothing_taken_is_named(t: str) -> None:
    assert not reports_own_experience(t, named=False)


@given(_WORDS)
def test_a_message_ending_in_a_question_mark_is_never_read_as_telling_only(t: str) -> None:
    assert not tells_without_asking(t, question_mark=True)


@given(_WORDS)
def test_a_claim_is_checked_only_after_it_is_made(t: str) -> None:
    # the check must follow the claim: "true, she said it is safe" checks nothing
    if checks_a_safety_claim(t):
        assert any(word in t.split() for word in ("said", "says"))



@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("been on magnesium two months, is it actually doing anything?", Intent.EFFECT),
        ("ive had saffron daily for 6 weeks, has it worked or not", Intent.EFFECT),
        ("is a fortnight long enough for melatonin to work", Intent.EFFECT),
        # a supplement the base lacks, asked whether it helps: still an effect question
        ("is vitamin c good for colds", Intent.EFFECT),
        # an amount beside the time on it is still the amount
        ("been on 400mg magnesium for a month, is 400mg too much", Intent.DOSING),
        ("can i have my b12 without breakfast", Intent.ADMINISTRATION),
    ],
)
def test_whether_it_works_yet_and_without_a_meal(text: str, intent: Intent) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("off the amoxicillin now, can probiotics rebuild my gut bacteria", Intent.EFFECT),
        ("after my chemo, would glutamine restore the gut lining", Intent.EFFECT),
        # taking them together is still a combination (guide rule 2)
        ("can i take probiotics together with doxycycline to restore my gut", Intent.INTERACTION),
        ("feeling faint on my beta blockers, is that a side effect", Intent.SIDE_EFFECTS),
        ("is a dry mouth a side effect of amitriptyline", Intent.SIDE_EFFECTS),
        # a supplement beside the medicine: whether they combine badly
        ("is a dry mouth a side effect of amitriptyline with 5-htp", Intent.INTERACTION),
    ],
)
def test_a_medicine_as_the_cause_told_or_its_own_side_effect(text: str, intent: Intent) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "does berberine change your gut bacteria",
        "can colostrum help a leaky gut",
    ],
)
def test_a_supplement_the_base_lacks_asked_about_a_body_process_is_an_effect(text: str) -> None:
    assert _intent(text) == Intent.EFFECT


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("hw mch omega 3 shud i tak", Intent.DOSING),
        ("hw mny saffron caps wud u tke", Intent.DOSING),
        ("cud magnesium help my sleep", Intent.EFFECT),
    ],
)
def test_vowel_less_question_words_are_read_as_typed_in_full(text: str, intent: Intent) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("czy omega 3 codziennie jest bezpieczna", Intent.DOSING),
        ("czy szafran jest bezpieczny?", Intent.SAFETY),
        ("any stats on magnesium for migraines", Intent.EFFECT),
    ],
)
def test_polish_safety_words_and_statistics_asked_for(text: str, intent: Intent) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("can i stop taking the saffron now", Intent.SAFETY),
        ("holidays are over, should i just drop the melatonin now?", Intent.SAFETY),
        # how to stop, tapering, is dosing; a medicine stopped is an interaction question
        ("can i stop the 5-htp now or should i taper", Intent.DOSING),
        ("el hierro alivia el cansancio?", Intent.EFFECT),
    ],
)
def test_whether_to_stop_now_and_spanish_eases(text: str, intent: Intent) -> None:
    assert _intent(text) == intent
