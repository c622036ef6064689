"""Self-harm risk in free text: any sign of it shows crisis resources before anything else.

One detector serves every place a person writes freely: questions, diary notes, the web forms and a
profile's terms, through one entry point (`read_message`), which types the text plainly as `parse` types
a question before it reads it, so a typo'd or text-speak signal reads the same in a diary note, a form
field and `suppwise ask`. It is built for recall (docs/crisis.md): the text is folded so that text-speak and
typos do not hide it (`crisis_text`), ordinary idioms made of crisis words are set aside
(`crisis_signals.IDIOMS`), and what remains is read for every family of signal the corpus guide
names (`crisis_signals.SIGNALS`): explicit words, a wish to die, hopelessness, being a burden,
goodbyes, stockpiling or taking all of a medicine, lethal-amount questions and methods.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from suppwise.contract import Model
from suppwise.questions.typing_habits import plain_typing
from suppwise.regex_gate import WordGated
from suppwise.safety.crisis_carer import CARER_MESSAGE, reports_someone_else
from suppwise.safety.crisis_signals import (
    ACCIDENT,
    AMOUNT_ASKED,
    CRISIS_ONLY_IDIOMS,
    IDIOMS,
    SIGNALS,
    TOXICITY_ASKED,
    SignalKind,
    death_or_means,
    names_only_interaction,
)
from suppwise.safety.crisis_text import fold
from suppwise.textmodel import LinearTextModel, load_model

MAX_READ_CHARS = 5000
MODEL = "crisis.bin"
MIN_MODEL_WORDS = 2
# Not counted towards MIN_MODEL_WORDS: "the pill" is one word to read, and one word is too little
# for the model to read a manner of writing from (it took "the pill" for the crisis messages about pills).
_DETERMINERS = frozenset("a an the my your his her our their its this that these those some any".split())
# Life or a symptom said to be too much ("this depression is too much", "it is all getting too much"), or being
# done with all of it: a weight carried, not an amount asked. "how much magnesium is too much" still asks one.
_WEIGHT_TOO_MUCH = re.compile(
    r"(?<![\w])((is|are|s|was|were|gets|getting|got|feels|feel|felt|becoming|become|became) (all |just |really |so |"
    r"far |way |getting |becoming )*too (much|many)|(done|finished|sick|tired|fed up|had enough) (with|of) (all of "
    r"(it|this|that|them)|it all|everything))(?![\w])"
)
_POSSIBLE_KINDS = frozenset({SignalKind.LEARNED, SignalKind.TOXICITY})


class CrisisTier(StrEnum):
    """How clear the sign of risk is (docs/crisis.md). Both show crisis resources first."""

    POSSIBLE = "possible"  # only the model, or only an overdose question: resources first, gently; answer kept
    CLEAR = "clear"  # a rule's signal, or the model's in an amount question: no dose figures; means withheld


@dataclass(frozen=True)
class CrisisReading:
    """What the detector found: the kinds of risk signal, and whether an idiom of distress ("this
    pain is killing me") was set aside, which earns a gentle support line but no crisis. `score` is
    the learned model's probability (None when the rules decided and it was not needed). `reported`
    marks a carer telling of someone else's risk (`crisis_carer`): a self-harm way they tell of is
    not a way asked about, and the message speaks to them."""

    signals: tuple[SignalKind, ...] = ()
    distress: bool = False
    score: float | None = None
    reported: bool = False

    @property
    def crisis(self) -> bool:
        return bool(self.signals)

    @property
    def tier(self) -> CrisisTier | None:
        if not self.signals:
            return None
        return CrisisTier.POSSIBLE if set(self.signals) <= _POSSIBLE_KINDS else CrisisTier.CLEAR

    @property
    def means(self) -> bool:
        """True when the message asks about an amount, a combination or a method that could serve
        self-harm: the answer to it is withheld. A way told of someone else by a carer is not asked
        about ("my daughter cuts her arms, would omega 3 help her mood"): their question is answered,
        without dose figures."""
        return any(kind.means and not (self.reported and kind is SignalKind.METHOD) for kind in self.signals)


@lru_cache(maxsize=2048)
def read_crisis(text: str) -> CrisisReading:
    """Every risk signal in `text` (any length; only the first MAX_READ_CHARS are read): the rules'
    signals (the clear-risk tier), else the learned model's when its probability reaches the
    recall-oriented threshold chosen by cross-validation (the possible-risk tier; the clear tier when
    the message asks about an amount, `_learned_signals`)."""
    reading, remaining = _read_rules(text)
    if reading.crisis:
        return reading
    words = _model_words(remaining)
    if sum(word not in _DETERMINERS for word in words) < MIN_MODEL_WORDS:  # too little to read; the rules read it
        return reading
    if names_only_interaction(remaining):  # only names joined as an interaction: no manner to read
        return reading
    model = load_model(MODEL)
    score = model.probability(" ".join(words))
    if score >= model.threshold:
        return CrisisReading(_learned_signals(model, remaining), False, score)
    return CrisisReading((), reading.distress, score)


def _learned_signals(model: LinearTextModel, remaining: str) -> tuple[SignalKind, ...]:
    """The signals of a message only the model reads as risk. One that asks about an amount, a
    limit, a whole supply or a combination is handled as the rules handle such questions
    (docs/crisis.md, "Amount questions the model reads"): it is a toxicity question (possible tier,
    the answer kept below what to do if too much was taken) only when it asks, as the rules'
    toxicity kind does, whether something is too much, an overdose or toxic, speaks of no death,
    medicine, pills counted, taking or wanting, and the model reads no risk in it once the amount
    words are taken out ("how many mg of magnesium is too much"). Any other is `AMOUNT`: the clear
    tier, the answer withheld ("how much magnesium would it take to make everything stop"). A stated
    accident ("forgot whether I took it, is it dangerous to double up") is a poisoning question, as
    for the rules: the possible tier, the answer kept."""
    if not AMOUNT_ASKED.search(remaining) or ACCIDENT.search(remaining):  # a dose doubled by mistake is no means
        return (SignalKind.LEARNED,)
    if TOXICITY_ASKED.search(remaining) and not death_or_means(remaining):
        beside = _model_words(TOXICITY_ASKED.sub(" ", AMOUNT_ASKED.sub(" ", remaining)))
        if model.probability(" ".join(beside)) < model.threshold:
            return (SignalKind.LEARNED, SignalKind.TOXICITY)
    return (SignalKind.LEARNED, SignalKind.AMOUNT)


def asks_amount(folded: str) -> bool:
    """True when a folded message asks about an amount, a limit, a whole supply or a combination
    (`AMOUNT_ASKED`), a weight carried ("it is all getting too much") set aside. The rules' reading uses
    it; the model's keeps `AMOUNT_ASKED` whole, where "for when it gets too much" beside tablets put aside
    rightly keeps the clear tier (x2907)."""
    return bool(AMOUNT_ASKED.search(_WEIGHT_TOO_MUCH.sub(" ", folded)))


def read_rules(text: str) -> CrisisReading:
    """The hand-written signals alone (crisis_signals)."""
    return _read_rules(text)[0]


def model_text(text: str) -> str:
    """What the learned model reads: the text folded, with the idioms set aside as the rules set them
    aside. Out of fold this flags fewer hard negatives at the same recall ("this pain is killing me"
    no longer lends "killing" to the model; docs/crisis.md has the comparison)."""
    return " ".join(_model_words(_set_aside(fold(text[:MAX_READ_CHARS]))[0]))


def _model_words(remaining: str) -> list[str]:
    return [word for word in remaining.split() if word != ","]


# The idioms and the signals, each run only where its opening word stands (suppwise.regex_gate):
# some four hundred signal patterns searched one by one over every text were the largest cost of
# reading a question never seen before, and almost none of them matches. The decision is the one
# running all of them gives (tests/test_crisis_gate.py). Indexed once a process has read a few
# hundred texts (a server, a benchmark), never for a single `suppwise ask`.
# The idioms the intent rules share, then those only the crisis reader sets aside (crisis_signals).
_READ_IDIOMS = IDIOMS + CRISIS_ONLY_IDIOMS
_IDIOM_GATE = WordGated([idiom.pattern for idiom in _READ_IDIOMS], index_after=300)
_SIGNAL_GATE = WordGated([signal.pattern for signal in SIGNALS], index_after=300)


def _set_aside(folded: str) -> tuple[str, bool]:
    """The folded text with every idiom's own words blanked, and whether one of them was distress."""
    distress = False

    def step(index: int, current: str) -> str:
        nonlocal distress
        idiom = _READ_IDIOMS[index]
        if not idiom.holds(current):
            return current
        distress = distress or idiom.distress
        return idiom.set_aside(current, " , ")

    return _IDIOM_GATE.run(folded, step), distress


def _signals(folded: str) -> tuple[SignalKind, ...]:
    """The kinds of signal in `folded`, in the order of SIGNALS, each once."""
    _SIGNAL_GATE.count_run()
    return tuple(
        dict.fromkeys(SIGNALS[index].kind for index in _SIGNAL_GATE.ordered(folded)
                      if SIGNALS[index].pattern.search(folded))
    )


def _read_rules(text: str) -> tuple[CrisisReading, str]:
    """The rules' reading, and the text they read once the idioms were set aside."""
    folded, distress = _set_aside(fold(text[:MAX_READ_CHARS]))
    found = _signals(folded)
    accident = bool(ACCIDENT.search(folded))
    if accident:
        found = tuple(k for k in found if k not in (SignalKind.STOCKPILING, SignalKind.LETHALITY))
    if found == (SignalKind.LETHALITY,) and TOXICITY_ASKED.search(folded) and not death_or_means(folded):
        found = (SignalKind.TOXICITY,)
    reading = CrisisReading(found, distress and not found, reported=bool(found) and _reported(folded))
    # An amount asked beside a wish, hopelessness, a burden or a goodbye ("no hope left. how much vitamin d is too
    # much in one go") is asked by someone at risk: its answer is an amount, so it is withheld as the rules'
    # lethality questions are (docs/crisis.md, "Sixteenth round"). Not a stated accident, nor the possible tier.
    if (
        found
        and reading.tier is CrisisTier.CLEAR
        and not reading.means
        and not accident
        and asks_amount(folded)
    ):
        reading = CrisisReading((*found, SignalKind.AMOUNT), False, reported=reading.reported)
    return reading, folded


def _reported(folded: str) -> bool:
    """Whether every signal in a crisis message is told of someone else (`crisis_carer`). Only a message
    that names another person reaches the spans, so an ordinary reading pays nothing for it."""
    spans = (
        match.span()
        for index in _SIGNAL_GATE.ordered(folded)
        if (match := SIGNALS[index].pattern.search(folded)) is not None
    )
    return reports_someone_else(folded, spans)


def read_message(text: str) -> CrisisReading:
    """The crisis reading of anything a person writes: a question, a diary note, a form's field, a
    profile's term. The text is first typed plainly (`questions.typing_habits.plain_typing`: spaces,
    greetings, sign-offs, apostrophes, "u"), exactly as `parse` types a question before its crisis
    reading, so every path reads the same words and the learned model reads them as it was trained to
    (`served_model_text`). Issue 12, section 1: one detector for questions, diary notes and the web forms."""
    return read_crisis(plain_typing(text))


def served_model_text(text: str) -> str:
    """What the learned model reads of a message served through `read_message` (or `parse`): typed
    plainly, folded, the idioms set aside. tools/train_text_models.py trains on this, so training and
    serving read one text."""
    return model_text(plain_typing(text))


def mentions_self_harm(text: str) -> bool:
    """True when the text shows any sign of self-harm or suicide risk (`read_message`)."""
    return read_message(text).crisis


@dataclass(frozen=True)
class CrisisResource:
    name: str
    contact: str
    region: str


# Well-established services; numbers as published by the services themselves.
CRISIS_RESOURCES: tuple[CrisisResource, ...] = (
    CrisisResource(
        "Emergency services",
        "call your local emergency number (112 in the EU, 911 in the US, 999 in the UK)",
        "everywhere",
    ),
    CrisisResource("988 Suicide & Crisis Lifeline", "call or text 988", "United States"),
    CrisisResource("Samaritans", "call 116 123 (free, 24 hours)", "United Kingdom and Ireland"),
    CrisisResource("Find A Helpline", "findahelpline.com lists free, confidential helplines by country", "worldwide"),
)


class CrisisResourceOut(Model):
    """A crisis service as every result (answer, screen, report) shows it."""

    name: str
    contact: str
    region: str


def crisis_resources_out() -> list[CrisisResourceOut]:
    """A new list each time, of models made once: they are frozen and hold only strings."""
    return list(_CRISIS_RESOURCES_OUT)


_CRISIS_RESOURCES_OUT = tuple(
    CrisisResourceOut(name=r.name, contact=r.contact, region=r.region) for r in CRISIS_RESOURCES
)


SUPPORT_LINE = (
    "Living with this is hard. If it ever feels like too much, you can talk to someone now: Samaritans on "
    "116 123 (UK and Ireland), 988 (US), or findahelpline.com for your country."
)

POSSIBLE_RISK_MESSAGE = (
    "If things feel heavy right now, you do not have to carry it alone: the people below are there to listen, "
    "any time, whatever is going on. Your question is answered below."
)

OVERDOSE_QUESTION_MESSAGE = (
    "If you or someone else has already taken too much of anything, call your local emergency number or a poison "
    "centre now. And if things feel heavy right now, you do not have to carry it alone: the people below are there "
    "to listen, any time. Your question is answered below."
)

CRISIS_MESSAGE = (
    "If you are thinking about harming yourself or ending your life, please reach out for help now. "
    "You deserve support, and talking to someone can help."
)


def crisis_message(tier: CrisisTier, reading: CrisisReading) -> str:
    """What the answer says above the crisis resources: the direct message in the clear tier (to a carer
    telling of someone else's risk, the carer's, `crisis_carer`); in the
    possible tier the gentle one, which for an overdose or toxicity question first says what to do if
    too much has been taken (docs/crisis.md, "Overdose and toxicity questions")."""
    if tier is CrisisTier.CLEAR:
        return CARER_MESSAGE if reading.reported else CRISIS_MESSAGE
    return OVERDOSE_QUESTION_MESSAGE if SignalKind.TOXICITY in reading.signals else POSSIBLE_RISK_MESSAGE
