"""Amounts, how to take it and what it is, asked the many ways people ask them (issue 12, the
dosing / safety / administration round).

An amount is read with the dose parser's own units (safety/dose.py), so any amount a person could
enter as their intended dose is read as an amount inside a question too; and an amount asked about
decides the intent whatever else the question names (a meal, bedtime, safety), as the corpus guide's
precedence says (docs/question-corpus.md, section 2, routing rule 4).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.evidence import EvidenceBase
from suppwise.questions.parse import parse
from suppwise.safety.dose import COUNT_WORDS, UNIT_SPELLINGS, parse_dose
from tests.question_helpers import bundled_base

_WEIGHTS = sorted(u for u in UNIT_SPELLINGS if " " not in u)
_MEASURES = sorted(COUNT_WORDS.split("|"))
# Frames in which the amount is what is asked; each also names a time, a meal, safety or nothing else.
_FRAMES = (
    "is {amount} of {name} too much",
    "{amount} of {name} before bed enough?",
    "is it safe to take {amount} of {name}",
    "can i take {amount} of {name} at once",
    "{amount} {name} with breakfast ok or too little?",
)
_NAMES = ("glutamine", "magnesium", "vitamin D", "melatonin")


@settings(max_examples=60, deadline=None)
@given(
    number=st.one_of(st.integers(min_value=1, max_value=5000).map(str), st.sampled_from(["0.5", "2.5", "two"])),
    unit=st.sampled_from(_WEIGHTS + _MEASURES),
    space=st.sampled_from(["", " "]),
    frame=st.sampled_from(_FRAMES),
    name=st.sampled_from(_NAMES),
)
def test_an_amount_in_any_unit_the_dose_parser_knows_asks_about_dosing(
    number: str, unit: str, space: str, frame: str, name: str
) -> None:
    if number == "two":
        # a spelled number goes with a measure, after a space ("two scoops"); a weight is written in figures
        number, space = ("2", space) if unit in _WEIGHTS else ("two", " ")
    amount = f"{number}{space}{unit}"
    question = frame.format(amount=amount, name=name)
    assert parse(question, bundled_base()).intent.value == "dosing", question


@settings(max_examples=30, deadline=None)
@given(amount=st.sampled_from(["5 g", "500 mg", "1000 mcg", "4000 iu", "2 g twice a day", "0.3 g/kg a day"]))
def test_what_the_dose_screen_reads_the_question_parser_reads_as_an_amount(amount: str) -> None:
    parse_dose(amount)  # an intended dose a person can enter
    assert parse(f"is {amount} ok", bundled_base()).intent.value == "dosing"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # how much beats when or how, and the same cue without an amount stays how to take it
        ("2 caps of magnesium before bed enough?", "dosing"),
        ("should i take magnesium before bed", "administration"),
        ("how much magnesium glycinate should i take at night", "dosing"),
        ("how much water should i mix the glutamine powder with", "administration"),
        # an amount with no supplement named still asks about it
        ("5g twice a day too much", "dosing"),
        ("1 or 2 capsules?", "dosing"),
        ("is 600 a lot", "dosing"),
        # schedules and changes of amount
        ("should i cycle st johns wort or take it all the time", "dosing"),
        ("does melatonin help my sleep cycle", "effect"),
        ("should i take less melatonin if i wake up groggy", "dosing"),
        ("does melatonin make you groggy", "side_effects"),
        ("milligrams of melatonin for jet lag?", "dosing"),
        # the amount inside a safety question; safety without one
        ("is it safe to take two of them", "dosing"),
        ("i have tried two of them and neither helped my pain, would glutamine", "effect"),
        ("is a megadose of vitamin d safe", "dosing"),
        ("is glutamine safe to take every day", "dosing"),  # regular use is a frequency (guide rule 4)
        ("every day is a struggle with fibro, is glutamine safe for me", "safety"),  # not a frequency of taking it
        ("is daily magnesium bad for you", "dosing"),
        ("daily or just when needed for melatonin?", "dosing"),
        # a bulk amount in a safety question (crisis messages among them keep this intent)
        ("is it safe to take a whole bottle of melatonin", "dosing"),
        ("is it dangerous to take all of my magnesium at once", "dosing"),
        ("would it be bad to take the entire tub of glutamine", "dosing"),
        ("is it ok to take a handful of 5-htp", "dosing"),
        ("is it risky to take large amounts of vitamin d", "dosing"),
        ("is it safe to take loads of omega 3", "dosing"),
        ("would it hurt me to take all my glutamine in one go", "dosing"),
        ("can a lot of saffron be dangerous", "dosing"),
        ("is it safe to take glutamine and magnesium at once", "safety"),
        ("is it safe to take melatonin at all", "safety"),
        ("i have a lot of pain, would magnesium help", "effect"),  # a lot of a symptom is no amount taken
        ("does glutamine help a lot of people with ibs", "effect"),
        # safety said in other words, and of an unnamed "it"
        ("is glutamine toxic", "safety"),
        ("is taking glutamine with bipolar asking for trouble", "safety"),
        ("any contraindications?", "safety"),
        ("is it dangerous", "safety"),
        ("is it raining", "unknown"),
        ("should someone with epilepsy be taking glutamine", "safety"),
        ("would my liver disease rule out glutamine", "safety"),
        ("do i need to worry about glutamine with my fibro", "safety"),
        ("is glutamine compatible with bipolar disorder", "safety"),
        ("what about glutamine if you have kidney disease?", "safety"),
        ("Is glutamine something people with seizures should steer away from", "safety"),
        ("any red flags with glutamine for someone with liver cirrhosis", "safety"),
        ("is glutamine gentle enough for a sensitive stomach", "safety"),
        ("I have liver disease, what should I know about glutamine", "safety"),
        ("with my kidney problems, should glutamine be avoided?", "safety"),
        ("is long-term glutamine use considered safe", "dosing"),
        ("is glutamine allowed during chemo", "interaction"),
        ("does glutamine ease a sensitive stomach", "effect"),
        # how to take it, of a named or an unnamed supplement
        ("do i take vitamin d with a fatty meal", "administration"),
        ("ok to have glutamine in a protein shake after the gym", "administration"),
        ("do melatonin gummies work as well as the tablets", "administration"),
        ("can i add it to my cereal", "administration"),
        ("should i space it away from meals", "administration"),
        ("is the liquid form better absorbed", "administration"),
        # when, and how it is absorbed, kept or drunk: how to take it
        ("does it matter when i take glutamine", "administration"),
        ("does the timing matter for magnesium", "administration"),
        ("what time should my son take his melatonin", "administration"),
        ("does vitamin d absorb better with fat", "administration"),
        ("is fish oil better absorbed as a liquid", "administration"),
        ("how long should i wait after eating to take it", "administration"),
        ("how soon after a meal can i take glutamine", "administration"),
        ("does heat kill probiotics", "administration"),
        ("will the powder still work if it clumps", "administration"),
        ("glutamine with or without protein shake", "administration"),
        ("do i need to drink lots of water with it", "administration"),
        ("how long should i take glutamine for", "dosing"),
        ("is glutamine absorbed into the brain", "mechanism"),
        # what it is, and what tells two things apart unless they are ranked
        ("what is this gaba stuff people keep talking about", "definition"),
        ("glutamine vs glutamate, whats the difference", "definition"),
        ("glutamine vs glutamate, which is better for my gut", "comparison"),
        ("is folate different to folic acid", "definition"),
        ("what are the risks of taking glutamine", "safety"),
    ],
)
def test_the_amount_the_way_and_the_thing_asked_decide(bundled: EvidenceBase, text: str, intent: str) -> None:
    assert parse(text, bundled).intent.value == intent
