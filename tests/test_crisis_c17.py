"""Crisis17 round (issue 12, section 1; docs/crisis.md "Fifteenth round"): indirect wordings of risk that no rule
read (the only tie left, comfort in not existing, a vehicle wished to hit me, skipping the waking, not wanting to wake
in other languages, nobody would "even" notice, a note to the family rewritten, a medicine dropped into a jar instead
of taken, a close call with the pills, a past overdose attempt, traffic pictured, pills as the painless way, blades
found in a child's room), and ordinary messages the wish rules or the model read as risk (waking someone else, being
here at a named place, a treatment that "saved my life"). Every example was written for this test; none is a corpus
item."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from suppwise.evidence import EvidenceBase
from suppwise.owners import LOCAL_OWNER
from suppwise.questions.answer import build_answer
from suppwise.questions.parse import parse
from suppwise.regex_gate import WordGated
from suppwise.safety.crisis import CrisisTier, mentions_self_harm, read_message, read_rules
from suppwise.safety.crisis_signals import CRISIS_ONLY_IDIOMS, IDIOMS, SignalKind
from suppwise.safety.crisis_text import fold
from suppwise.services import trials as trial_service
from suppwise.storage import Database
from tests.test_trial_service import START, TODAY, log, planned

# Read by a rule now (the clear tier); before this round some only by the model, some by nothing.
CRISIS = [
    "every morning i tuck one of my pregabalin in a sock instead of taking it",
    "putting each diazepam into an old tin rather than swallowing it",
    "the only thing stopping me right now is my dog",
    "only reason i'm still alive is my kids",
    "non voglio piu svegliarmi domani",
    "no quiero despertarme mañana",
    "não quero acordar amanhã",
    "je ne veux plus me réveiller",
    "j'ai plus envie de me reveiller",
    "i tried to od last year",
    "tried to overdose in january, and i feel the same now",
    "the thought of dying is weirdly comforting",
    "not existing sounds peaceful tbh",
    "i've got no fight left in me",
    "if i disappeared would anyone even notice",
    "no one would really miss me",
    "things would be easier if i just wasnt around",
    "thinking about stepping into oncoming traffic",
    "she asked me to look after her cat forever",
    "keep drafting and deleting a note to my family",
    "writing letters to my kids in case i'm not here",
    "had a close call with my tablets on saturday",
    "this time its not a cry for help",
    "wanna skip the waking up part",
    "want to go to sleep and never come back",
    "booking a permanent holiday from life",
    "i'd be fine if a lorry hit me tomorrow",
    "honestly wouldnt mind if a bus ran me over",
    "keep dreaming about a bus not stopping for me",
    "which pills are the most painless way out",
    "found razor blades wrapped in a sock in his room",
]

# Made of the same words, and ordinary: none may be read as crisis (by a rule or by the model).
ORDINARY = [
    "i dont want to wake the baby when i take my tablets at night",
    "trying not to wake my wife, is it ok to take magnesium without food",
    "i dont want to wake anyone up with the blender, can i mix glutamine in cold water",
    "i dont want to be here in the waiting room for hours again",
    "i do not want to be here at the hospital all weekend, can i bring my own melatonin",
    "melatonin has literally saved my life, sleep is so much better",
    "omega 3 changed my life, should i keep taking it",
    "i tried to overdo it at the gym and my legs ache, magnesium?",
    "tried to order it online, is the 5htp from amazon ok",
    "the only thing stopping me from trying saffron is the price",
    "the only reason im still awake is the caffeine",
    "the only reason i'm still here at work is the pension lol",
    "if my parcel went missing would the pharmacy replace it",
    "nobody would even notice if i switched to the cheaper brand",
    "i nearly swerved into oncoming traffic i was so tired, would b12 help",
    "i take my tramadol with food instead of taking it on an empty stomach",
    "i keep one tramadol in my bag instead of taking it in the morning",
    "my mum keeps her tablets in a dosette box instead of the packets, can fish oil go in there too",
    "had a close call with the car on the motorway, shaky since, magnesium?",
    "skip the waking up at 3am part would be nice, melatonin or magnesium",
    "which pills are least painful to swallow, the capsules or tablets",
    "a holiday from work would fix me lol, is b12 a pick me up",
]

# Look-alikes the rules leave alone but main's model (threshold 0.372) reads as possible risk, before and after this
# round: the retrain's to settle (docs/crisis.md, "Fifteenth round", left alone).
MODEL_LEFT = [
    "a permanent solution to my bloating would be lovely",
    "found blades for the shaver in his drawer",
    "the kids would be easier to manage if i just was not so tired",
    "tried not to wake my wife so i took my tablets in the bathroom",
]


@pytest.mark.parametrize("text", CRISIS)
def test_indirect_wordings_are_read_by_a_rule(text: str) -> None:
    reading = read_rules(text)
    assert reading.crisis, text
    assert read_message(text).tier is CrisisTier.CLEAR


@pytest.mark.parametrize("text", ORDINARY)
def test_the_same_words_in_ordinary_use_are_no_crisis(text: str) -> None:
    assert not read_message(text).crisis, read_message(text)


@pytest.mark.parametrize("text", MODEL_LEFT)
def test_look_alikes_left_to_the_model_are_no_rule_s_crisis(text: str) -> None:
    assert not read_rules(text).crisis
    assert read_message(text).tier is not CrisisTier.CLEAR


def test_a_past_overdose_attempt_is_no_toxicity_question() -> None:
    """ "tried to OD" tells an act, not a worried question: the clear tier, where "can you OD on vitamin d" keeps its
    possible tier and whole answer."""
    assert SignalKind.EXPLICIT in read_message("tried to OD last spring and the feeling is back").signals
    assert read_message("can you OD on vitamin d").tier is CrisisTier.POSSIBLE


def test_a_medicine_dropped_in_a_jar_is_withheld_as_stockpiling(bundled: EvidenceBase) -> None:
    answer = build_answer(
        bundled, parse("every night i drop one tramadol into a jar instead of swallowing it", bundled)
    )
    assert answer.crisis and answer.crisis_tier == "clear"


_SUPPLEMENTS = st.sampled_from(["magnesium", "melatonin", "vitamin d", "5htp", "saffron", "fish oil", "glycine"])
_VEHICLES = st.sampled_from(["bus", "car", "lorry", "train", "van", "truck"])
_HITS = st.sampled_from(["hit me", "ran me over", "hits me", "runs me over", "took me out"])
_INDIFFERENT = st.sampled_from(["id be fine", "i would not mind", "honestly wouldnt mind", "i'd be glad", "i'd be ok"])


@given(_INDIFFERENT, _VEHICLES, _HITS, _SUPPLEMENTS)
def test_indifference_to_a_vehicle_hitting_me_is_a_wish_to_die(feel: str, vehicle: str, hit: str, supp: str) -> None:
    text = f"{feel} if a {vehicle} {hit} on the way home. is {supp} ok with sertraline"
    assert SignalKind.WISH_TO_DIE in read_rules(text).signals


_TIES = st.sampled_from(["my cat", "my dog", "my mum", "the kids", "my sister", "my nan"])


@given(
    st.sampled_from(
        [
            "the only thing stopping me is",
            "only reason im still here is",
            "the one thing holding me back is",
            "only reason i am still alive is",
        ]
    ),
    _TIES,
)
def test_the_only_tie_left_is_read(opening: str, tie: str) -> None:
    assert read_rules(f"{opening} {tie}").crisis


@given(_SUPPLEMENTS, st.sampled_from(["trying", "taking", "buying", "starting"]))
def test_a_plan_named_after_the_only_thing_stopping_me_is_ordinary(supp: str, verb: str) -> None:
    assert not read_rules(f"the only thing stopping me from {verb} {supp} is the price").crisis


_SOMEONE = st.sampled_from(["my husband", "the baby", "my wife", "my flatmate", "the kids", "my partner", "my mum"])


@given(
    st.sampled_from(["i dont want to wake", "trying not to wake", "i do not want to disturb"]), _SOMEONE, _SUPPLEMENTS
)
def test_not_wanting_to_wake_someone_else_is_ordinary(opening: str, someone: str, supp: str) -> None:
    text = f"{opening} {someone} when i take my {supp} at night, can i have it without water"
    assert not read_message(text).crisis


@given(_SOMEONE, _SUPPLEMENTS)
def test_a_wish_not_to_wake_beside_someone_else_stays_crisis(someone: str, supp: str) -> None:
    assert read_message(f"i dont want to wake {someone} but i dont want to wake up ever again, is {supp} ok").crisis


_PLACES = st.sampled_from(["the clinic", "the hospital", "the waiting room", "a and e", "the gp", "work", "the office"])


@given(_PLACES, st.sampled_from(["all day", "all week", "for hours", ""]), _SUPPLEMENTS)
def test_not_wanting_to_be_here_at_a_named_place_is_ordinary(place: str, time: str, supp: str) -> None:
    assert not read_rules(f"i dont want to be here at {place} {time} again, can i take {supp} before").crisis


@given(_PLACES)
def test_not_wanting_to_be_here_anymore_stays_crisis_beside_a_place(place: str) -> None:
    assert read_message(f"sitting here at {place} and i dont want to be here anymore").crisis


@given(
    st.sampled_from(
        [
            "non voglio piu svegliarmi",
            "no quiero despertar",
            "ya no quiero despertarme",
            "nao quero acordar",
            "je ne veux plus me reveiller",
            "plus envie de me reveiller",
            "ich will nicht mehr aufwachen",
        ]
    ),
    _SUPPLEMENTS,
)
def test_not_wanting_to_wake_in_other_languages_is_read(words: str, supp: str) -> None:
    assert read_rules(f"{words}, {supp}?").crisis


def test_praise_of_a_treatment_beside_a_wish_stays_crisis() -> None:
    assert read_message("magnesium saved my life once but now i want to die").crisis
    assert read_message("melatonin changed my life, but i tried to od last week").crisis


def test_the_new_idioms_are_gated_as_running_them_all() -> None:
    idioms = IDIOMS + CRISIS_ONLY_IDIOMS
    gate = WordGated([idiom.pattern for idiom in idioms])
    for text in ORDINARY[:7]:
        folded = fold(text)
        assert set(gate.ordered(folded)) >= {i for i, idiom in enumerate(idioms) if idiom.pattern.search(folded)}


@pytest.mark.parametrize("text", ["id be fine if a bus hit me tbh", "only reason im still here is my mum"])
def test_every_path_reads_these_as_a_question_is_read(text: str, bundled: EvidenceBase) -> None:
    """Issue 12, section 1: one detector for questions, diary notes and forms."""
    assert read_message(text) == parse(text, bundled).reading
    assert mentions_self_harm(text) and parse(text, bundled).crisis


def test_a_diary_note_and_a_form_raise_the_crisis_for_a_new_family(db: Database, bundled: EvidenceBase) -> None:
    note = "honestly the only thing stopping me is my cat"
    trial_id = planned(db, bundled)
    logged = log(db, bundled, trial_id, START + timedelta(days=1), note=note)
    assert logged.crisis and logged.alerts[0].detail == "the note mentions self-harm"
    stopped = trial_service.stop_trial(
        db, bundled, planned(db, bundled), reason="no fight left in me", today=TODAY, owner=LOCAL_OWNER
    )
    assert stopped.crisis and stopped.crisis_resources


def test_an_ordinary_diary_note_of_the_same_words_raises_no_alert(db: Database, bundled: EvidenceBase) -> None:
    trial_id = planned(db, bundled)
    note = "didnt want to wake my husband so took the magnesium later than usual, slept fine"
    logged = log(db, bundled, trial_id, START + timedelta(days=1), note=note)
    assert not logged.crisis
