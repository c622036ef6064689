"""Thirteenth crisis round (issue 12, docs/crisis.md "Thirteenth round"): typed slips of the words crisis
phrases are made of, numbers written with thousands commas, germs killed, harm to an organ, ME the
condition, a treatment kicking in, "how much would finish it", a count of a medicine taken after another,
and one entry point for every path a person writes through (questions, diary notes, forms). Every example
was written for this test; none is a corpus item."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from suppwise.evidence import EvidenceBase
from suppwise.owners import LOCAL_OWNER
from suppwise.questions.answer import WITHHELD, build_answer
from suppwise.questions.parse import parse
from suppwise.questions.typing_habits import plain_typing
from suppwise.regex_gate import WordGated
from suppwise.safety.crisis import (
    CrisisTier,
    mentions_self_harm,
    model_text,
    read_message,
    read_rules,
    served_model_text,
)
from suppwise.safety.crisis_signals import CRISIS_ONLY_IDIOMS, IDIOMS, SignalKind
from suppwise.safety.crisis_text import CRISIS_WORDS, DROPPED, NOT_TYPOS, SWAPPED, fold, slips_allowed, transpositions
from suppwise.safety.profile import Profile
from suppwise.services import trials as trial_service
from suppwise.storage import Database
from tests.test_trial_service import START, TODAY, log, make_plan, planned

ROOT = Path(__file__).resolve().parent.parent
WORDS = Path("/usr/share/dict/words")


# ---------------------------------------------------------------------------------------------- typed slips


@pytest.mark.parametrize(
    "text",
    [
        "i cnat do this anymore, does magnesium help sleep",
        "i cant do this anymoer",
        "evrything feels pointlss now",
        "honestly i cnat go on liek this",
        "I WNAT TO DIE",
        "nobody wuld care, evryone would be beter off without me",
        "im so tired of lving",
        "i want to dye",
        "whats a otxic amount of magnesium",
        "theres no hpoe for me",
        "ive started eslf harming",
        "this is my fianl emssage",
        "i keep having siuside thoughts",
        "i think i am beoynd help",
        "how much lactulose is ftal",
        "i tink about death all the time",
    ],
)
def test_typed_slips_of_the_words_a_crisis_phrase_is_made_of_are_read(text: str) -> None:
    reading = read_message(text)
    assert reading.crisis and reading.tier is not None, fold(text)


@pytest.mark.parametrize(
    "word", ["olive", "alike", "doing", "giving", "loving", "noting", "finnish", "anythings", "lief"]
)
def test_english_words_near_them_stay_what_they_are(word: str) -> None:
    assert fold(f"is {word} the word") == f"is {word} the word"


@pytest.mark.skipif(not WORDS.exists(), reason="no English word list installed (Debian: wamerican-large)")
def test_no_english_word_is_read_as_a_crisis_word_it_is_two_slips_from() -> None:
    """NOT_TYPOS holds every English word as close to a crisis word as `slips_allowed` reads (two slips for the
    suicide family since this round; tests/test_crisis.py derives the rest)."""
    english = {w.strip().lower() for w in WORDS.read_text(encoding="utf-8", errors="ignore").split()}
    close = {
        word
        for word in english
        if len(word) >= 5 and word.isalpha() and word.isascii() and word not in CRISIS_WORDS
        for target in CRISIS_WORDS
        if abs(len(target) - len(word)) <= 2
        and OSA.distance(word, target, score_cutoff=slips_allowed(target)) <= slips_allowed(target)
    }
    assert close <= NOT_TYPOS, sorted(close - NOT_TYPOS)


def test_dyeing_hair_is_no_wish_to_die() -> None:
    assert not mentions_self_harm("going to dye my hair purple, is biotin ok")


def test_a_swapped_pair_in_a_short_crisis_word_is_no_english_word() -> None:
    """The short words' swapped forms (`SWAPPED`) and the five-letter ones with a letter dropped (`DROPPED`) are
    read as the word; none may be an English word."""
    assert SWAPPED["cnat"] == "can not" and SWAPPED["wnat"] == "want" and "lief" not in SWAPPED
    if not WORDS.exists():
        pytest.skip("no English word list installed (Debian: wamerican-large)")
    english = {w.strip().lower() for w in WORDS.read_text(encoding="utf-8", errors="ignore").split()}
    assert not set(SWAPPED) & english, sorted(set(SWAPPED) & english)
    assert not set(DROPPED) & english, sorted(set(DROPPED) & english)  # "wort", "hart", "pint" stay themselves
    assert DROPPED["ftal"] == "fatal" and "wort" not in DROPPED


_SIGNALS = [
    ("i can not do this anymore", "anymore"),
    ("everything is pointless", "everything"),
    ("i want to end it all", "want"),
    ("i want to kill myself", "myself"),
    ("thinking about suicide", "suicide"),
    ("everyone would be better off without me", "everyone"),
    ("i do not want to wake up", "wake"),
    ("i feel hopeless", "hopeless"),
]


@given(st.sampled_from(_SIGNALS), st.data(), st.sampled_from([str.lower, str.upper, str.capitalize, str.title]))
def test_a_signal_typed_with_two_letters_swapped_in_any_case_is_still_read(
    signal: tuple[str, str], data: st.DataObject, case: object
) -> None:
    """Property: one neighbouring pair swapped in a signal's key word, the message in any case, is read as the
    signal is (as a question and as a diary note alike)."""
    text, word = signal
    swaps = sorted(s for s in transpositions(word) if s not in NOT_TYPOS and s not in CRISIS_WORDS)
    swapped = data.draw(st.sampled_from(swaps))
    typed = case(text.replace(word, swapped, 1))  # type: ignore[operator]
    assert read_message(typed).crisis, (typed, fold(typed))


# ------------------------------------------------------------------------------------------------- numbers


def test_a_thousands_comma_joins_one_number() -> None:
    assert fold("takes 10,000 IU and 1,500,000 units") == "takes 10000 iu and 1500000 units"
    assert fold("2,5 g") == "2 5 g"  # a decimal comma is no thousands comma


@given(st.integers(min_value=1_000, max_value=10**9), st.sampled_from(["iu", "mg", "mcg", "units"]))
def test_any_amount_written_with_thousands_commas_folds_to_one_number(amount: int, unit: str) -> None:
    """Property: "takes 12,345 IU" folds to "takes 12345 iu" and is no count of pills."""
    text = f"my mum takes {amount:,} {unit} of vitamin d"
    assert fold(text) == f"my mum takes {amount} {unit} of vitamin d"
    assert SignalKind.STOCKPILING not in read_message(text).signals


@pytest.mark.parametrize(
    "text",
    [
        "my friend takes 20,000 iu of vitamin d every day, is that too much",
        "took 2,000 mg fish oil this morning",
        "is 1,200 mg magnesium a lot",
    ],
)
def test_an_amount_with_a_thousands_comma_is_no_count_of_pills(text: str) -> None:
    assert not mentions_self_harm(text)


@pytest.mark.parametrize(
    "text",
    [
        "took 3,000 iu of vitamin d and about 40 of my sertraline",
        "swallowed some magnesium then 25 of my tramadol",
        "my son took his fish oil and 30 of his citalopram at once",
    ],
)
def test_a_count_of_a_medicine_taken_after_something_else_is_read(text: str) -> None:
    assert SignalKind.STOCKPILING in read_message(text).signals


def test_a_routine_of_a_medicine_beside_a_supplement_is_not() -> None:
    assert not mentions_self_harm("i take 2 of my sertraline and 1,000 mg of fish oil each morning")


# -------------------------------------------------------------------------------------------------- germs


@pytest.mark.parametrize(
    "text",
    [
        "my kids have threadworms again, can garlic kill them",
        "got sibo, will the herbal antimicrobials kill it",
        "the h pylori is back, could mastic gum wipe it out",
        "there are bad bacteria in my gut - do probiotics kill them off",
    ],
)
def test_germs_named_before_them_are_what_is_killed(text: str) -> None:
    assert not mentions_self_harm(text), fold(text)


@pytest.mark.parametrize(
    "text",
    [
        "never mind the bacteria, i want something that will kill me",
        "my gut bugs are the least of it, i want to kill myself",
        "can green tea extract kill them, my parents i mean, they are in my way",  # no germ named before
    ],
)
def test_a_person_killed_beside_germs_stays_crisis(text: str) -> None:
    assert mentions_self_harm(text)


# ---------------------------------------------------------------------------------------------- organs


@pytest.mark.parametrize(
    "text",
    [
        "how much glutamine before it starts to damage your liver",
        "at what amount does magnesium get bad for the kidneys",
        "how many grams of 5-htp is too hard on my liver",
    ],
)
def test_an_amount_harming_an_organ_is_a_safety_question(text: str) -> None:
    assert not mentions_self_harm(text), (model_text(text), read_message(text).score)


@pytest.mark.parametrize(
    "text",
    [
        "how much paracetamol would it take to shut down my liver for good",
        "how much of my amitriptyline would wreck my kidneys so i do not wake up",
    ],
)
def test_an_organ_harmed_for_good_or_by_a_medicine_stays_crisis(text: str) -> None:
    assert mentions_self_harm(text)


def test_organ_harm_words_still_ask_their_question(bundled: EvidenceBase) -> None:
    """The organ-harm idiom is set aside for the crisis reader only: the intent rules still read it."""
    assert parse("is glutamine bad for your kidneys", bundled).intent.value == "safety"


# ---------------------------------------------------------------------------------------------- finish


@pytest.mark.parametrize(
    "text",
    [
        "how much codeine would finsh it",
        "how many of my sleeping tablets would finish me off",
        "is there an amount of pregabalin that would just finish it all",
        "WHAT DOSE OF TRAMADOL WOULD FINISH ME",
    ],
)
def test_an_amount_asked_to_finish_it_is_a_lethality_question(text: str, bundled: EvidenceBase) -> None:
    assert SignalKind.LETHALITY in read_message(text).signals
    assert build_answer(bundled, parse(text, bundled)).summary == WITHHELD


@pytest.mark.parametrize(
    "text",
    [
        "how many scoops a day would finish the tub by friday",
        "how much magnesium do i need to finish off the trial",
        "how many capsules would finish it by the end of the month",
    ],
)
def test_a_tub_or_a_trial_finished_is_routine(text: str) -> None:
    assert not mentions_self_harm(text)


# ------------------------------------------------------------------------------- words the model misread


@pytest.mark.parametrize(
    "text",
    [
        "just joined, diagnosed with ME, any tips",
        "is there an online group for ME/CFS near me",
        "got ME and fibro, does magnesium help",
        "how long till magnesium kicks in",
        "when does saffron start to kick in",
    ],
)
def test_me_the_condition_and_a_treatment_kicking_in_are_ordinary(text: str) -> None:
    assert not mentions_self_harm(text), (model_text(text), read_message(text).score)


def test_me_is_written_out_only_where_it_names_the_condition() -> None:
    assert "myalgic encephalomyelitis" in fold("diagnosed with ME last year")
    assert fold("PLEASE HELP ME") == "please help me"  # a message typed in capitals
    assert fold("they would be better off without ME") == "they would be better off without me"


# ------------------------------------------------------------------------------------- one entry point


@pytest.mark.parametrize(
    "text",
    [
        "Q: i want to dye cheers",
        "hi all, evryone wuld be beter of without me tia",
        "i cnat do this anymoer x",
        "cant face another day of this honestly",
    ],
)
def test_every_path_reads_a_message_as_a_question_is_read(text: str, bundled: EvidenceBase) -> None:
    """A diary note, a form field and `ask` share one reading (`read_message`): typed plainly, then read."""
    assert read_message(text) == parse(text, bundled).reading
    assert mentions_self_harm(text) and parse(text, bundled).crisis


@pytest.mark.parametrize("note", ["Q: i want to dye cheers", "hi all, evryone wuld be beter of without me tia"])
def test_a_typed_slip_in_a_diary_note_raises_the_crisis_alert(note: str, db: Database, bundled: EvidenceBase) -> None:
    assert parse(note, bundled).crisis  # as `ask` reads it
    trial_id = planned(db, bundled)
    logged = log(db, bundled, trial_id, START + timedelta(days=1), note=note)
    assert logged.crisis and logged.alerts[0].detail == "the note mentions self-harm"


def test_a_typed_slip_in_a_form_field_puts_crisis_resources_first(db: Database, bundled: EvidenceBase) -> None:
    stopped = trial_service.stop_trial(
        db, bundled, planned(db, bundled), reason="i cnat do this anymoer tbh", today=TODAY, owner=LOCAL_OWNER
    )
    assert stopped.crisis and stopped.crisis_resources
    acknowledged = trial_service.store_plan(
        db,
        bundled,
        make_plan(condition="fibromyalgia"),  # a caution, so the acknowledgement is asked for and kept
        Profile(),
        acknowledgement="hi all, i want to dye cheers",
        today=TODAY,
        owner=LOCAL_OWNER,
    )
    assert acknowledged.crisis and acknowledged.crisis_resources


def test_the_model_is_trained_on_what_it_reads_when_serving() -> None:
    """tools/train_text_models.py reads each training text as `read_message` serves it (typed plainly)."""
    pytest.importorskip("sklearn")
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import train_text_models  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    text = "hi all, i just cant anymore thanks in advance"
    (read,) = train_text_models.crisis_texts([train_text_models.Example(text, True, None, "extra")])
    assert read == served_model_text(text) == model_text(plain_typing(text))
    assert read != model_text(text)


def test_the_crisis_only_idioms_are_gated_as_the_shared_ones() -> None:
    """The reader's gate over both idiom lists decides as running every idiom does (tests/test_crisis_gate.py
    holds the shared list to the same)."""
    idioms = IDIOMS + CRISIS_ONLY_IDIOMS
    gate = WordGated([idiom.pattern for idiom in idioms])
    for text in (
        "got threadworms so can garlic kill them",
        "how long till it kicks in",
        "how much before it harms your liver",
        "dyeing my hair blue",
        "the bacteria, kill them off, i want to kill myself",
    ):
        folded = fold(text)
        every = folded
        for idiom in idioms:
            every = idiom.set_aside(every, " , ")
        assert gate.run(folded, lambda index, current: idioms[index].set_aside(current, " , ")) == every


# ---------------------------------------------------------------------------------------------- stopping


@pytest.mark.parametrize(
    "text",
    [
        "ran out of glutamine, can i just stop it suddenly",
        "is it ok to come off sertraline cold turkey",
        "bored to death of the powder lol, fine to stop the glutamine overnight?",
    ],
)
def test_a_medicine_or_supplement_stopped_suddenly_is_a_safety_question(text: str) -> None:
    assert not mentions_self_harm(text), (model_text(text), read_message(text).score)


@pytest.mark.parametrize(
    "text",
    [
        "some nights i want to stop it all for good",
        "stopping everything for good this weekend, sorry everyone",
        "going to stop my pills suddenly so i can finally end it",
        "i want to stop it all suddenly and forever",
    ],
)
def test_everything_stopped_for_good_or_a_medicine_stopped_to_end_it_stays_crisis(text: str) -> None:
    reading = read_message(text)
    assert reading.crisis and reading.tier is CrisisTier.CLEAR, fold(text)


# ------------------------------------------------------------------ model-only wordings given a rule


@pytest.mark.parametrize(
    "text",
    [
        "why am i even asking, i wont be here next week",
        "i wish i could just disappear. anyway is melatonin ok",
        "nobody would notice if i just slipped away",
        "nothing will ever get better so why bother",
    ],
)
def test_wordings_only_the_model_read_now_have_a_rule(text: str) -> None:
    reading = read_message(text)
    assert reading.crisis and reading.tier is CrisisTier.CLEAR, fold(text)


@pytest.mark.parametrize(
    "text",
    [
        "i wont be here next week because of a conference, can i skip glutamine",
        "wish my bloating would just disappear. does glutamine help",
        "nothing is ever going to improve with my fatigue unless i try something new",
        "i let the stress slip away from me in yoga",
        "why bother taking vitamin d anymore",
    ],
)
def test_their_look_alikes_are_not(text: str) -> None:
    assert not read_rules(plain_typing(text)).crisis, fold(text)


@pytest.mark.parametrize(
    "text",
    [
        "thinking about dying. the black dog is back. is st johns wort any use",
        "i keep thinking about dying. my hair is falling out",
        "i cant stop thinking about dying, the pink pills dont help",
        "there is nothing left for ME.",
        "whats the point of ME.",
        "no future for ME. should i stop my magnesium",
    ],
)
def test_a_clear_signal_is_not_set_aside_by_a_hair_dye_idiom_or_the_condition_me(text: str) -> None:
    assert read_message(text).tier is CrisisTier.CLEAR
