"""Recognising entities in plain text: names, synonyms, lay terms, inflections and typos.

The lexicon is built once per evidence base from every entity's name and synonyms (lay terms such as
"tummy", "epileptic" or "kidneys" are synonyms in the data files, so a curator can add one without
code). Every word is folded to one form through the base's `word_forms` (noun inflections from a
morphology library, computed when the evidence is loaded), so "seizures", "kidneys" and "epileptics"
reach the names written "seizure", "kidney" and "epileptic". Matching then goes:

1. exact phrases and phrases that name nothing ("empty stomach", "tired of", "gut-brain axis"), in
   one pass, longest first: "leaky gut" is intestinal permeability, never gut symptoms; no part of
   "tired of" is read as an entity; "narcotic painkillers" is the opioids although "painkillers"
   alone is the broader lay class. Besides the base's names the lexicon holds their everyday
   forms (`derived_names`: "epilepsy pills" for "epilepsy meds", "my calcium is high" for "high
   calcium"); a name of an article and one word ("the pill") counts only as written;
2. abbreviations that are also English words ("ME", "HE") only when written in capitals in a
   message that is not all capitals;
3. names of several words with a slip in some of them ("monoamine oxidase inhibtiors"): each
   leftover word is corrected to the name word it is one slip of, and a run that then spells a
   whole name is that name (`_misspelt_names`);
4. what remains, word by word and pair by pair, with RapidFuzz against the same lexicon, for typos
   ("fibromialgia", "keprra"), never for everyday words (`common_words`).

A symptom phrase that contains a condition's name names the condition too ("fibro fog" is
fibromyalgia and cognition, "IBS symptoms" is IBS and gut symptoms), except a medicine-class phrase
("epilepsy meds" is the class only: these medicines are prescribed for pain and mood too).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.names import normalise
from suppwise.evidence.schema import EntityKind
from suppwise.questions.common_words import BODY_PARTS, COMMON_WORDS
from suppwise.questions.medicine_names import is_named_medicine
from suppwise.questions.name_slots import PRONOUNS, in_name_slot
from suppwise.questions.near_names import is_near_name
from suppwise.questions.reactions import asks_whether_it_triggers, reacted_to, sensitivity_conditions
from suppwise.questions.spelled_names import is_letter_name, sound_key, spelled_forms

__all__ = ["STOPWORDS", "Lexicon", "Mention", "find_mentions", "lexicon_for", "normalise"]

MAX_PHRASE_WORDS = 7  # "creatinine came back a bit too high": the longest test result told (lead20)
FUZZY_CUTOFF = 85.0
SUGGEST_CUTOFF = 78.0
MIN_FUZZY_CHARS = 5

STOPWORDS = COMMON_WORDS

# Phrases made of entity words that name nothing (corpus guide E8, E9): their words are claimed
# before any entity is looked for.
NOT_NAMES: tuple[str, ...] = (
    "empty stomach",
    "tired of",
    # "tired of living" as learners write it ("I am tired to live", "tired for live", "tired with life"):
    # weariness of life, never the fatigue outcome (guide, lay-term table)
    "tired to live",
    "tired to living",
    "tired for live",
    "tired for living",
    "tired with life",
    "tired with living",
    "tired from life",
    "tired from living",
    "tired to be alive",
    "tired to exist",
    "sick and tired",
    "gut feeling",
    "gut instinct",
    "gut brain",
    "gut brain axis",
    "nervous system",
    # an engine's exhaust is no exhaustion: "breathing exhaust fumes", "pass out from car exhaust"
    "exhaust fumes",
    "exhaust fume",
    "car exhaust",
    "traffic exhaust",
    "exhaust pipe",
    "diesel exhaust",
    "nervous systems",
    "brain gut",
    "one size fits all",
    "should i worry",
    "never wake up",
    "not wake up",
    "sleep forever",
    "sleep and never",
    "sleep and not",
    "sleep n never",
    "sleep n not",
    "go to sleep and",
    "sleep for good",
    "sleeping pills",
    "sleeping tablets",
    "sleeping pill",
    "put me to sleep",
    "fall asleep and",
    "killer",
    "wake up",
    "energy drinks",
    "energy drink",
    "food poisoning",
    "in my head",
    "heart attack",
    "stomach it",
    # "in the mood for", "in no mood for": not the mood outcome; "for my mood for a month" is
    "the mood for",
    "no mood for",
    "a mood for",
    "fit for",
    "keep fit",
    "sick to death",
    "sick of",
    "blood pressure",
    "high blood pressure",
    "recovery time",
    "breast milk",
    # "my pill" is the contraceptive pill (medicines.yaml), but not a pill's box, reminder or count, nor
    # "my pill for" something else ("my pill for blood pressure")
    "my pill reminder",
    "my pill reminders",
    "my pill burden",
    "my pill box",
    "my pill boxes",
    "my pill organiser",
    "my pill organizer",
    "my pill count",
    "my pill bottle",
    "my pill case",
    "my pill splitter",
    "my pill cutter",
    "my pill for",
    "my pill alarm",
    "my pill app",
    "breastmilk",
    # a nursing mother's own milk, pumped or expressed, is no food (lead17)
    "expressing milk",
    "express milk",
    "expressed milk",
    "pump milk",
    "pumping milk",
    "pumped milk",
    # the pain of a way to die is no outcome asked about (corpus guide E8, lead17): "a way to die without pain"
    "die without pain",
    "dying without pain",
    "way to go without pain",
    "end it without pain",
    "end it all without pain",
    "end my life without pain",
    # to "sleep on it" is to think it over: no sleep outcome (corpus guide E8, lead19)
    "sleep on it",
    "sleep on that",
    "sleep on this",
    # "I could sleep for a week" is an idiom of tiredness, and to "sleep and skip" the waking a wish not to wake:
    # no sleep outcome (E8, lead19). Not being able to "sleep for a week" is sleep; sleeping "for days" or "for
    # a hundred years" is left alone: the same words report sleepiness after starting something (a measured
    # frozen figure fell with the years forms).
    "could sleep for a week",
    "could sleep for a month",
    "would sleep for a week",
    "id sleep for a week",
    "i d sleep for a week",
    "sleep and skip",
)


def _nerves_as_tissue() -> tuple[str, ...]:
    """"Nerves" is a lay word for anxiety ("calms my nerves"), but nerves harmed or mended are the
    body's tissue ("damage the nerves", "repair damaged nerves", "nerve damage"): those phrases
    name no condition the base holds (guide E8)."""
    verbs = ("damage", "damages", "damaging", "hurt", "hurts", "harm", "harms", "injure", "injures", "repair",
             "repairs", "regrow", "regenerate")
    owners = ("", "the ", "your ", "my ", "his ", "her ", "their ")
    harmed = tuple(
        f"{verb} {owner}{adjective}nerves" for verb in verbs for owner in owners for adjective in ("", "damaged ")
    )
    return (*harmed, "damaged nerves", "nerves damaged", "nerve damage")


def _sleep_as_figure() -> tuple[str, ...]:
    """Sleep inside a death euphemism is not the sleep outcome (guide E8): someone who "died in her
    sleep", a pet "put to sleep", "sleep n nvr wake up". The idiom "I could sleep for a week" is left
    alone: the same words report sleepiness after a supplement ("since starting it I could sleep for
    days"), which is the outcome."""
    deaths = ("died", "dies", "die", "dying", "passed", "passed away", "pass away", "passes away",
              "slipped away", "went peacefully", "passed peacefully", "died peacefully")
    owners = ("my", "his", "her", "their", "your", "the", "our")
    in_sleep = tuple(f"{death} in {owner} sleep" for death in deaths for owner in owners)
    return (*in_sleep, "put to sleep", "put down to sleep", "eternal sleep", "the big sleep",
            "sleep n nvr", "sleep and nvr", "sleep nd never", "sleep nd nvr", "nvr wake up",
            # falling or staying asleep as the figure ("would I just fall asleep", "go to sleep and stay
            # asleep"), and the same wish in Portuguese, Spanish and Italian ("dormir e nao acordar")
            "just fall asleep", "stay asleep forever", "to sleep and stay asleep", "fall asleep forever",
            "dormir e nao acordar", "dormir e nunca mais acordar", "dormir y no despertar",
            "dormir y no despertarme", "dormir para siempre", "dormire per sempre", "dormire e non svegliarmi")


def _body_part_worn_out() -> tuple[str, ...]:
    """"Wrecked", "shattered" and "knackered" are lay words for fatigue said of a person ("I'm
    wrecked"); said of a part of the body ("my back's wrecked", "knees are shattered", "shoulders
    knackered") they tell of a hurt, not of tiredness, so the phrase names no fatigue (guide E8)."""
    parts = ("back", "knee", "knees", "leg", "legs", "foot", "feet", "shoulder", "shoulders", "neck", "hip", "hips",
             "arm", "arms", "wrist", "wrists", "hand", "hands", "ankle", "ankles", "joints", "muscles", "calves")
    links = ("", "is ", "s ", "are ", "re ", "feel ", "feels ", "felt ", "was ", "were ", "totally ", "is totally ",
             "are totally ", "s totally ", "is completely ", "are completely ", "s completely ")
    return tuple(f"{part} {link}{word}" for part in parts for link in links for word in ("wrecked", "shattered",
                                                                                           "knackered"))


NOT_NAMES = (*NOT_NAMES, *_nerves_as_tissue(), *_sleep_as_figure(), *_body_part_worn_out())

# Words that name an entity only when another word sets the scene: "recovery" is muscle recovery
# after exercise, but recovering from surgery is not. Training is said in many ways: a sport, a session,
# leg day, lifting, a protein shake ("glutamine vs whey for recovery", "recovery between double sessions",
# lead17).
_TRAINING = frozenset(
    "gym run runs running workout workouts exercise exercising training train trained legs leg muscles muscle "
    "lifting lift lifts weights marathon marathons sport sports session sessions race races match matches "
    "football rugby netball hockey cycling cyclist swimming swim hiit crossfit sprint sprints whey athlete "
    "athletes ultra triathlon".split()
)
CONTEXT_TERMS: dict[str, tuple[str, frozenset[str]]] = {
    "recovery": ("muscle-recovery", _TRAINING),
    "recover": ("muscle-recovery", _TRAINING),
}

# "Concentrate" is concentration (cognition) as a verb, after a word that makes it one ("can't concentrate",
# "help the kids concentrate", "struggling to concentrate"), never as a noun ("fish oil concentrate",
# "whey concentrate", "from concentrate"). Corpus guide, lay-term table (lead17).
VERB_TERMS: dict[str, tuple[str, frozenset[str]]] = {
    "concentrate": ("cognition", frozenset(
        "to t cannot cant help helps helped helping me you him her them us kids children lads boys girls i we "
        "they unable barely hardly just even still never can could should".split()
    )),
}

# Names that never hold a condition inside them: "kidney beans" is a food, "Lyrica" a medicine.
_CLASS_KINDS = frozenset({EntityKind.DRUG_CLASS, EntityKind.DRUG, EntityKind.FOOD, EntityKind.SUBSTANCE})
_CONDITIONISH = frozenset({EntityKind.CONDITION})


@dataclass(frozen=True)
class Mention:
    """An entity found in the text, with the words that named it and how sure the match is."""

    entity_id: str
    text: str
    start: int
    end: int
    score: float


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Compared and hashed by identity, as the base it is built from: one lexicon is one key of the
    caches of typo matches (`_typo_match`, `_word_slip`, `suggest`)."""

    phrases: dict[str, str]
    keys: tuple[str, ...]
    forms: Mapping[str, str] = field(default_factory=dict)
    kinds: Mapping[str, EntityKind] = field(default_factory=dict)
    capitals: Mapping[str, str] = field(default_factory=dict)
    not_names: frozenset[str] = frozenset()
    # The words names are made of (folded), long enough to be told from a typo: what a misspelt word
    # inside a name of several words is corrected to ("monoamine oxidase inhibtiors").
    words: tuple[str, ...] = ()
    # Names made of an article and one more word count only as written: "the pill" is the
    # contraceptive, "the pills" are any pills; "the runs" is diarrhoea, "the run" is a run.
    as_written: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Names that are everyday words, as they read in lower case ("same" for SAMe): read as the name
    # only in a name's slot (`name_slots.in_name_slot`).
    lower_case: Mapping[str, str] = field(default_factory=dict)
    # Entity -> the sensitivity condition to it ("msg" -> MSG sensitivity), read when a reaction to
    # the entity is told (`reactions.reacted_to`).
    sensitivities: Mapping[str, str] = field(default_factory=dict)
    # Medicine -> the conditions named "<effect> from <that medicine or its class>", each with the
    # words that open their effects ("numb", "tingling", "nerve" for chemotherapy-induced neuropathy):
    # what `_effects_from_cause` reads in "tingly numb fingers from her chemo".
    caused: Mapping[str, tuple[tuple[str, frozenset[str]], ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, base: EvidenceBase) -> Lexicon:
        forms = base.word_forms
        phrases: dict[str, str] = {}
        capitals: dict[str, str] = {}
        as_written: dict[str, set[str]] = {}
        for entity in sorted(base.entities.values(), key=lambda e: e.id):
            for term in (entity.id.replace("-", " "), entity.name, *entity.synonyms):
                folded = normalise(term)
                if folded in STOPWORDS and _case_marks_a_name(term):
                    capitals[term] = entity.id  # "ME", "HE", "SAMe": only as written
                    continue
                if not folded or folded in STOPWORDS:
                    continue
                key = canonical(folded, forms)
                if " " in folded and _ARTICLES.issuperset(folded.split()[:-1]):
                    as_written.setdefault(key, set()).add(folded)
                phrases.setdefault(key, entity.id)
                phrases.setdefault(folded, entity.id)
                if " " in key:
                    phrases.setdefault(key.replace(" ", ""), entity.id)
        # The everyday forms of the base's own names come after all of them, so a name the base lists
        # always wins over one derived for another entity.
        for entity in sorted(base.entities.values(), key=lambda e: e.id):
            for folded in derived_names(entity.kind, (entity.name, *entity.synonyms)):
                phrases.setdefault(canonical(folded, forms), entity.id)
                phrases.setdefault(folded, entity.id)
        kinds = {e.id: e.kind for e in base.entities.values()}
        # A phrase that names nothing today may become a name (a medicines file made "sleeping pills"
        # a synonym of the Z-drugs): the base's own names win over this list.
        not_names = frozenset(key for p in NOT_NAMES if (key := canonical(p, forms)) not in phrases)
        words = sorted({w for key in phrases for w in key.split() if len(w) >= MIN_FUZZY_CHARS and w.isalpha()})
        written = {key: frozenset(found) for key, found in as_written.items()}
        lower_case = {
            folded: entity_id
            for term, entity_id in capitals.items()
            if (folded := normalise(term)) not in PRONOUNS and " " not in folded
        }
        conditions = {e.id: normalise(e.name) for e in base.entities.values() if e.kind is EntityKind.CONDITION}
        sensitivities = sensitivity_conditions(phrases, conditions)
        return cls(
            phrases,
            tuple(phrases),
            forms,
            kinds,
            capitals,
            not_names,
            tuple(words),
            written,
            lower_case,
            sensitivities,
            caused=_caused_conditions(base, phrases),
        )

    def suggest(self, term: str, limit: int = 5) -> list[str]:
        """Entity ids whose names are close to `term` (for "did you mean")."""
        return list(_suggest(self, term, limit))


@lru_cache(maxsize=4096)
def _suggest(lexicon: Lexicon, term: str, limit: int) -> tuple[str, ...]:
    """`Lexicon.suggest`, memoised: a fuzzy search of the whole lexicon, for words that recur."""
    found: list[str] = []
    query = normalise(term)
    for key, _score, _ in process.extract(
        query, _within_reach(lexicon, False, len(query), SUGGEST_CUTOFF), scorer=fuzz.ratio, limit=limit * 3,
        score_cutoff=SUGGEST_CUTOFF,
    ):
        entity_id = lexicon.phrases[key]
        if entity_id not in found:
            found.append(entity_id)
    return tuple(found[:limit])


@lru_cache(maxsize=512)
def _within_reach(lexicon: Lexicon, words: bool, length: int, cutoff: float) -> tuple[str, ...]:
    """The lexicon's keys (or its name `words`) whose length lets RapidFuzz's `fuzz.ratio` with a
    string of `length` characters reach `cutoff`, in the lexicon's order.

    Why: the fuzzy searches score every key, some 6,000, and most keys are phrases far longer than
    the word or two a question's slip is: the ratio is 100 × (1 − indel distance / total length), and
    the indel distance is at least the difference of the lengths, so a key whose length is too far
    off can never reach the cutoff. Leaving those out changes nothing found: the others keep their
    order, and `process.extract` breaks ties of score by that order. (A margin of 0.01 keeps a key
    at the edge, where RapidFuzz may round.)"""
    choices = lexicon.words if words else lexicon.keys
    return tuple(key for key in choices if _reachable(len(key), length, cutoff))


def _reachable(one: int, other: int, cutoff: float) -> bool:
    """Whether two strings of these lengths may have a `fuzz.ratio` of `cutoff` or more."""
    total = one + other
    return 100 * (total - abs(one - other)) >= (cutoff - 0.01) * total


# An owner counts as an article here: "my pill" is the contraceptive, "my pills" any pills.
_ARTICLES = frozenset({"the", "a", "an", "my", "da"})
# The words a medicine is called by after what it is for: "epilepsy meds" are "epilepsy pills" too.
MEDICINE_NOUNS = ("meds", "medication", "medications", "medicine", "medicines", "drugs", "tablets", "pills")
_MEDICINE_NOUN_FORMS = frozenset(MEDICINE_NOUNS) | {"med", "drug", "tablet", "pill"}
_MEDICINE_KINDS = frozenset({EntityKind.DRUG, EntityKind.DRUG_CLASS})
# A condition named for a measure out of range ("high calcium", "low B12") is said the other way
# round too: "my calcium is high", "my b12 levels are low".
_LEVEL_WORDS = frozenset({"high", "low", "raised", "elevated"})
# ... and as a test result is told: "my calcium came back high", "b12 was low", "alt levels were raised"
# (guide E7: a result that implies a condition the base holds names it; lead20). Only names the base lists
# as "<level> <measure>" get these forms, so a measure the base has no condition for stays unread.
_LEVEL_VERBS = ("is", "are", "level is", "levels are", "was", "were", "level was", "levels were", "came back",
                "come back", "comes back", "level came back", "levels came back", "test came back",
                "result came back", "results came back", "came back a bit", "was a bit", "is a bit",
                "came back slightly", "was slightly", "is slightly", "keeps coming back", "showed up as",
                "came out")
# Whose organ or condition a medicine is for: "pills for my heart", "meds for his blood pressure".
# Only with an owner: "meds for depression" may be about medicines in general, "meds for my epilepsy"
# says whose they are, and so that the person has the condition (`_conditions_inside`).
_FOR_OWNERS = ("my ", "his ", "her ", "their ", "your ", "the ")


def derived_names(kind: EntityKind, terms: Iterable[str]) -> list[str]:
    """Everyday forms of an entity's names (normalised), made from the names alone: for a medicine
    or class named "<what it is for> <noun>", the same with every other word people use for a
    medicine ("epilepsy meds" → "epilepsy pills", "anti-rejection drugs" → "anti rejection
    medication"); for a condition named "high/low <measure>", the measure said to be high or low;
    for a deficiency, the person said to be short of it ("low on b12", "deficient in b12"); for a
    condition named "<effect> from <cause>", every other way of saying the cause ("caused by my"); for a
    name with a vitamin's letter, the letter and number said aloud ("bee six", `spelled_names`)."""
    out: list[str] = []
    for term in terms:
        out.extend(spelled_forms((normalise(term),)))
        words = normalise(term).split()
        if len(words) < 2:
            continue
        # "the pill" ("da pill") says what the pill is by "the" alone: only a name with a word of its own varies.
        if kind in _MEDICINE_KINDS and words[-1] in _MEDICINE_NOUN_FORMS and not (STOPWORDS | _ARTICLES).issuperset(
            words[:-1]
        ):
            out.extend(" ".join([*words[:-1], noun]) for noun in MEDICINE_NOUNS)
            # and said the other way round, what it is for after the noun: "pills for my heart"
            purpose = " ".join(words[:-1])
            if len(purpose) > 2:  # "z drugs" is not said "drugs for my z"
                out.extend(f"{noun} for {owner}{purpose}" for noun in MEDICINE_NOUNS for owner in _FOR_OWNERS)
        if kind is EntityKind.CONDITION and words[0] in _LEVEL_WORDS:
            level, measure = words[0], " ".join(words[1:])
            for verb in _LEVEL_VERBS:
                out.extend((f"{measure} {verb} {level}", f"{measure} {verb} too {level}"))
            if level == "low":
                out.extend(_short_of(measure))
        if kind is EntityKind.CONDITION and words[-1] in _LACK_NOUNS:
            out.extend(_short_of(" ".join(words[:-1])))
        if kind is EntityKind.CONDITION and "from" in words[1:-1]:
            out.extend(_caused_by(words))
    # the everyday forms said aloud too: "my bee twelve is low" as "my b12 is low"
    # a form longer than the longest phrase the reader looks up could never be found ("bee twelve came back a
    # bit too low"): it is not offered as a name, so that every name the lexicon holds is one it can read
    forms = [*out, *spelled_forms(form for form in out if any(ch.isdigit() for ch in form))]
    return [form for form in forms if len(form.split()) <= MAX_PHRASE_WORDS]


# A condition named for its cause ("nerve pain from chemo") is said with every word for "caused by",
# and with the person's own treatment between ("nerve damage from my chemo").
_CAUSE_WORDS = ("from", "caused by", "due to", "after", "because of", "since", "following")
_OWNERS = ("", "my ", "his ", "her ", "their ", "the ")


def _caused_conditions(
    base: EvidenceBase, phrases: Mapping[str, str]
) -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """For each medicine, the conditions the base names "<effect> from <it or a class it is in>",
    with the first word of each effect ("nerve pain from chemo": "nerve"; "numb feet from chemo":
    "numb"). The first word is the one that says what kind of harm it is; later words are often
    general ("pain", "feet") and would make "pain from chemo" the neuropathy."""
    opening: dict[tuple[str, str], set[str]] = {}
    for entity in base.entities.values():
        if entity.kind is not EntityKind.CONDITION:
            continue
        for term in (entity.name, *entity.synonyms):
            words = canonical(normalise(term), base.word_forms).split()
            if "from" not in words[1:-1]:
                continue
            cause = phrases.get(" ".join(words[words.index("from") + 1 :]))
            if cause is not None and base.entities[cause].kind in _MEDICINE_KINDS:
                opening.setdefault((cause, entity.id), set()).add(words[0])
    caused: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for (cause, condition), first_words in sorted(opening.items()):
        for medicine in (cause, *base.members(cause)):
            caused.setdefault(medicine, []).append((condition, frozenset(first_words)))
    return {medicine: tuple(found) for medicine, found in caused.items()}


def _caused_by(words: list[str]) -> list[str]:
    at = words.index("from")
    effect, cause = " ".join(words[:at]), " ".join(words[at + 1 :])
    return [f"{effect} {word} {owner}{cause}" for word in _CAUSE_WORDS for owner in _OWNERS]


# A deficiency is said of the person as much as of the nutrient: "B12 deficiency" and "low B12" are
# "low on B12", "deficient in B12", "short of B12" too.
_LACK_NOUNS = frozenset({"deficiency", "deficient", "insufficiency", "depletion"})
_SHORT_OF = ("low on", "deficient in", "short of", "short on", "lacking in", "running low on")
# "low in" is said of foods too ("is spinach low in b12"): a deficiency only when a person is.
_LOW_IN_PERSON = ("i m", "im", "i am", "i was", "she", "he", "she is", "he is", "we re", "they re", "been")


def _short_of(measure: str) -> list[str]:
    return [f"{phrase} {measure}" for phrase in _SHORT_OF] + [f"{who} low in {measure}" for who in _LOW_IN_PERSON]


def canonical(text: str, forms: Mapping[str, str]) -> str:
    """The lexicon's form of a normalised phrase: each word folded to its lemma."""
    return " ".join(forms.get(word, word) for word in text.split())


@lru_cache(maxsize=8)
def lexicon_for(base: EvidenceBase) -> Lexicon:
    return Lexicon.build(base)


def _case_marks_a_name(term: str) -> bool:
    """A name that is also an everyday word counts only where its capitals set it apart: all
    capitals ("ME") or a capital inside the word ("SAMe"), never "same" or "Same"."""
    return term.isupper() or any(ch.isupper() for ch in term[1:])


def _is_all_caps(raw: Sequence[str]) -> bool:
    letters = [w for w in raw if any(c.isalpha() for c in w)]
    return bool(letters) and all(w.isupper() for w in letters)


def find_mentions(
    lexicon: Lexicon, words: list[str], raw: Sequence[str] | None = None
) -> tuple[list[Mention], list[int]]:
    """Entities named in `words` (normalised), and indexes of unclaimed words. `raw` holds the same
    words as typed (for abbreviations that count only in capitals)."""
    folded = [lexicon.forms.get(w, w) for w in words]
    claimed = [False] * len(words)
    mentions: list[Mention] = []
    limit = min(MAX_PHRASE_WORDS, len(words))
    openers, runs = _phrase_openers(lexicon)
    # where a phrase of several words may begin: a multi-word name's (or non-name's) first word, or
    # the start of a name typed run together ("fishoil"); no phrase of two or more words starts
    # anywhere else, so none is looked up there (a word form of several words is always looked up)
    opens = [word in openers or _starts_one_of(runs, word) or " " in word for word in folded]
    # Longest first, names and phrases that name nothing alike: "narcotic painkillers" (opioids) wins
    # over "painkillers" (the lay class); "tired of" claims "tired" before it is fatigue.
    for size in range(limit, 0, -1):
        for start in range(len(words) - size + 1):
            if (size > 1 and not opens[start]) or any(claimed[start : start + size]):
                continue
            phrase = " ".join(folded[start : start + size])
            if phrase in lexicon.not_names:
                for i in range(start, start + size):
                    claimed[i] = True
                continue
            if size == 1 and phrase in STOPWORDS:
                continue
            # Words run together ("fish oil" typed "fishoil") match a name, but never across a
            # grammar word: "melatonin a" is not "melatonina" (Spanish for melatonin).
            joinable = size > 1 and folded[start] not in STOPWORDS and folded[start + size - 1] not in STOPWORDS
            entity_id = lexicon.phrases.get(phrase) or (
                lexicon.phrases.get(phrase.replace(" ", "")) if joinable else None
            )
            written = lexicon.as_written.get(phrase)
            if written is not None and " ".join(words[start : start + size]) not in written:
                continue
            if entity_id:
                mentions.append(Mention(entity_id, phrase, start, start + size, 100.0))
                mentions.extend(_conditions_inside(lexicon, entity_id, folded, start, size))
                mentions.extend(_cause_inside(lexicon, entity_id, folded, start, size))
                mentions.extend(_food_dropped(lexicon, entity_id, folded, start, size))
                for i in range(start, start + size):
                    claimed[i] = True
    if raw is not None and len(raw) == len(words) and not _is_all_caps(raw):
        for i, typed in enumerate(raw):
            entity_id = lexicon.capitals.get(typed.strip(".,;:!?()"))
            if entity_id and not claimed[i]:
                mentions.append(Mention(entity_id, typed, i, i + 1, 100.0))
                claimed[i] = True
    for i, word in enumerate(words):
        entity_id = lexicon.lower_case.get(word)
        if entity_id and not claimed[i] and in_name_slot(words, i):
            mentions.append(Mention(entity_id, word, i, i + 1, 100.0))
            claimed[i] = True
    for i, word in enumerate(folded):
        context = CONTEXT_TERMS.get(word)
        if context and not claimed[i] and context[1] & set(folded):
            mentions.append(Mention(context[0], word, i, i + 1, 100.0))
            claimed[i] = True
        verb = VERB_TERMS.get(word)
        if verb and not claimed[i] and i > 0 and folded[i - 1] in verb[1]:
            mentions.append(Mention(verb[0], word, i, i + 1, 100.0))
            claimed[i] = True
    mentions = _misspelt_names(lexicon, folded, claimed, mentions)
    mentions = _said_in_pieces(lexicon, words, claimed, mentions)
    mentions = _effects_from_cause(lexicon, folded, mentions)
    for size in (2, 1):
        for start in range(len(words) - size + 1):
            span = words[start : start + size]
            if any(claimed[start : start + size]) or any(w in STOPWORDS for w in span):
                continue
            phrase = " ".join(span)
            if len(phrase) < MIN_FUZZY_CHARS or any(ch.isdigit() for ch in phrase):
                continue
            match = _typo_match(lexicon, phrase)
            if match is None:
                continue
            key, score = match
            # a medicine spelt right is not a slip for a supplement one letter away ("insulin" is not
            # "inulin"); a slip for a medicine's other form still is ("contraceptive", "contraceptives")
            if lexicon.kinds.get(lexicon.phrases[key]) not in _MEDICINE_KINDS and any(
                is_named_medicine(w) for w in span
            ):
                continue
            mentions.append(Mention(lexicon.phrases[key], phrase, start, start + size, score))
            for i in range(start, start + size):
                claimed[i] = True
    mentions.sort(key=lambda m: m.start)
    mentions = _reactions(lexicon, words, mentions)
    mentions = _limb_cramps(lexicon, words, mentions, claimed)
    if _GROWTHS.intersection(folded):
        mentions = _growth_site(folded, mentions, claimed)
    unclaimed = [
        i for i, w in enumerate(words) if not claimed[i] and w not in STOPWORDS and not any(ch.isdigit() for ch in w)
    ]
    return mentions, unclaimed


_MIN_PIECE = 4


def _said_in_pieces(lexicon: Lexicon, words: list[str], claimed: list[bool], mentions: list[Mention]) -> list[Mention]:
    """A supplement's one-word name dictated in two or three pieces, the later ones words that sound
    like the rest ("gluta mean" for glutamine): the first piece opens the name and is no everyday word,
    and the pieces run together sound as the name does (`spelled_names.sound_key`). Names typed apart
    exactly ("gluta mine") are read by the exact pass already."""
    openers, runs = _phrase_openers(lexicon)
    found = list(mentions)
    for i, first in enumerate(words[:-1]):
        if claimed[i] or len(first) < _MIN_PIECE or not first.isalpha() or first in STOPWORDS:
            continue
        if first in openers:
            # a whole word that opens a name of several words ("vitamin", "fish", "green") is that name's
            # start, not a piece of a one-word name: "vitamin a and zinc" sounds like "vitamind" with its
            # vowels gone, and was read as vitamin D (spoken letters are `spelled_names`' job)
            continue
        at = bisect_left(runs, first)
        names: list[str] = []
        while at < len(runs) and runs[at].startswith(first):
            if len(runs[at]) > len(first) + 2 and lexicon.kinds.get(lexicon.phrases[runs[at]]) is EntityKind.SUBSTANCE:
                names.append(runs[at])
            at += 1
        for size in (2, 3):
            span = words[i : i + size]
            if len(span) < size or any(claimed[i : i + size]) or not all(w.isalpha() for w in span):
                continue
            joined = "".join(span)
            said = sound_key(joined)
            name = next((n for n in names if sound_key(n) == said and joined != n), None)
            if name is not None:
                found.append(Mention(lexicon.phrases[name], " ".join(span), i, i + size, 90.0))
                for j in range(i, i + size):
                    claimed[j] = True
                break
    found.sort(key=lambda m: m.start)
    return found


@lru_cache(maxsize=8)
def _phrase_openers(lexicon: Lexicon) -> tuple[frozenset[str], tuple[str, ...]]:
    """The first words of the lexicon's phrases of several words (names and phrases that name
    nothing), and its one-word names, sorted: a phrase of several words found in a question starts
    with one of the first, and one run together ("fish oil" as "fishoil") with the start of one of
    the second. Made once per lexicon, so `find_mentions` skips the starts no phrase can have."""
    openers = frozenset(key.split()[0] for key in (*lexicon.phrases, *lexicon.not_names) if " " in key)
    return openers, tuple(sorted(key for key in lexicon.phrases if " " not in key))


def _starts_one_of(ordered: tuple[str, ...], start: str) -> bool:
    """Whether a string of the sorted `ordered` starts with `start` (the first one not below it does,
    if any does)."""
    at = bisect_left(ordered, start)
    return at < len(ordered) and ordered[at].startswith(start)


# How far before its cause a condition's effect may be told ("tingling hands and feet from chemo").
_EFFECT_REACH = 6
_CAUSE_OPENERS = {"from": "", "after": "", "since": "", "by": "caused", "to": "due", "of": "because"}


def _effects_from_cause(lexicon: Lexicon, folded: list[str], mentions: list[Mention]) -> list[Mention]:
    """A condition the base names "<effect> from <medicine>" is named when a question tells one of
    its effects in its own words before that medicine ("my feet went numb from the paclitaxel",
    "pins and needles in my hands after chemo"): a word that opens one of the condition's effect
    names stands within a few words before a word for "caused by" and the medicine (or a member of
    the class). The medicine stays named: the person may still take it."""
    if not lexicon.caused:
        return mentions
    named = {m.entity_id for m in mentions}
    found: list[Mention] = []
    for mention in mentions:
        causes = lexicon.caused.get(mention.entity_id, ())
        link = _cause_link(folded, mention.start)
        if not causes or link is None:
            continue
        window = range(max(0, link - _EFFECT_REACH), link)
        for condition, first_words in causes:
            at = next((i for i in window if folded[i] in first_words), None)
            if at is not None and condition not in named:
                # the condition's span holds its cause, as a name "<effect> from <cause>" does, so
                # the medicine reads as the cause and not as one to combine (parse's `causes`)
                found.append(Mention(condition, " ".join(folded[at : mention.end]), at, mention.end, 95.0))
                named.add(condition)
    return sorted([*mentions, *found], key=lambda m: m.start) if found else mentions


def _cause_link(folded: list[str], start: int) -> int | None:
    """Where the words for "caused by" before a medicine begin ("from", "after", "caused by", "due
    to", "because of"), past an owner word ("my", "the"), or None."""
    at = start - 1
    if at >= 0 and folded[at] in _OWNER_WORDS:
        at -= 1
    if at < 0 or folded[at] not in _CAUSE_OPENERS:
        return None
    before = _CAUSE_OPENERS[folded[at]]
    if not before:
        return at
    return at - 1 if at >= 1 and folded[at - 1] in (before, before + "d") else None


_OWNER_WORDS = frozenset(owner.strip() for owner in ("my ", "his ", "her ", "their ", "the ", "your "))


def _reactions(lexicon: Lexicon, words: list[str], mentions: list[Mention]) -> list[Mention]:
    """A substance a reaction is told about ("MSG gives me headaches") names the sensitivity to it;
    one asked about as a trigger ("does msg trigger headaches"), alone, stays the substance."""
    if not lexicon.sensitivities:
        return mentions
    things = [m for m in mentions if lexicon.kinds.get(m.entity_id) in _THING_KINDS]
    if not things:
        mentions = _asked_trigger(lexicon, words, mentions)
        things = [m for m in mentions if lexicon.kinds.get(m.entity_id) in _THING_KINDS]
    if not any(m.entity_id in lexicon.sensitivities for m in mentions):
        return mentions
    for k in reacted_to(words, things, lexicon.sensitivities):
        m = things[k]
        if len(things) == 1 and asks_whether_it_triggers(words, m.start, m.end):
            continue
        mentions[mentions.index(m)] = Mention(lexicon.sensitivities[m.entity_id], m.text, m.start, m.end, m.score)
    return mentions


def _asked_trigger(lexicon: Lexicon, words: list[str], mentions: list[Mention]) -> list[Mention]:
    """A sensitivity's own phrase that is a question whether the thing triggers something ("MSG
    triggers" in "does msg trigger headaches") names the thing, when nothing else taken is named."""
    things = {condition: thing for thing, condition in lexicon.sensitivities.items()}
    out = []
    for m in mentions:
        thing = things.get(m.entity_id)
        if thing is not None and m.end - m.start >= 2 and asks_whether_it_triggers(words, m.start, m.end - 1):
            m = Mention(thing, " ".join(words[m.start : m.end - 1]), m.start, m.end - 1, m.score)
        out.append(m)
    return out


_THING_KINDS = frozenset({EntityKind.SUBSTANCE, EntityKind.FOOD, EntityKind.DRUG, EntityKind.DRUG_CLASS})

# Parts of the body whose cramps are a digestive complaint (the lay word "cramps" is gut symptoms there).
_BELLY = frozenset({"stomach", "tummy", "belly", "abdomen", "abdominal", "bowel", "bowels", "gut", "colon"})
_LIMBS = BODY_PARTS - _BELLY


def _limb_cramps(lexicon: Lexicon, words: list[str], mentions: list[Mention], claimed: list[bool]) -> list[Mention]:
    """Cramps in a leg, a calf or a muscle ("leg cramps", "cramps in my legs", "night cramps") are no
    digestive complaint: the lay word "cramps" names the base's gut symptoms only for the belly. Such a
    mention is dropped and its word left unclaimed, so that the name the base lacks is reported."""
    gut = lexicon.phrases.get("cramps")
    out = []
    for m in mentions:
        if m.entity_id == gut and m.end - m.start == 1 and words[m.start].startswith("cramp") and (
            _in_a_limb(words, m.start)
        ):
            claimed[m.start] = False
            continue
        out.append(m)
    return out


_GROWTHS = frozenset({"cancer", "cancers", "tumour", "tumours", "tumor", "tumors", "polyp", "polyps", "cancerous"})


def _growth_site(folded: list[str], mentions: list[Mention], claimed: list[bool]) -> list[Mention]:
    """The gut named as where a cancer or growth is ("bowel cancer", "cancer cells in his bowel") is the
    cancer's site, not a gut symptom (corpus guide E2, lead17): the organ word is given back, so the
    cancer is reported as a name the base lacks, as any other cancer is."""
    kept: list[Mention] = []
    for mention in mentions:
        if mention.entity_id == "gut-symptoms" and mention.end - mention.start == 1 and folded[mention.start] in _BELLY:
            after = folded[mention.end] if mention.end < len(folded) else ""
            before = folded[max(0, mention.start - 5) : mention.start]
            if after in _GROWTHS or ("in" in before and _GROWTHS.intersection(before)):
                claimed[mention.start] = False
                continue
        kept.append(mention)
    return kept


# Settings in which "cramps" are a muscle's: at night, in fibromyalgia (sixth try-out: "does magnesium
# do anything for fibro cramps" was answered on gut symptoms, from magnesium's diarrhoea), after exercise.
MUSCLE_CRAMP_SETTINGS = frozenset(
    {"night", "nighttime", "nocturnal", "fibro", "fibromyalgia", "gym", "workout", "exercise"}
)


def _in_a_limb(words: list[str], i: int) -> bool:
    """Whether the cramp word at i is said of a limb or a muscle: "leg cramps", "night cramps",
    "cramps in my legs"."""
    before = words[i - 1] if i else ""
    after = words[i + 1 : i + 4]
    return before in _LIMBS or before in MUSCLE_CRAMP_SETTINGS or (
        bool(after) and after[0] == "in" and any(w in _LIMBS for w in after[1:3])
    )


def _misspelt_names(
    lexicon: Lexicon, folded: list[str], claimed: list[bool], mentions: list[Mention]
) -> list[Mention]:
    """Names of several words with a slip in some of them: "monoamine oxidase inhibtiors", "birth
    conrtol pills", "epilpesy meds", "B12 deficeincy". Each unclaimed word that is not a name's word
    is corrected to the name word it is one slip of (`_word_slip`); a run of words that then spells a
    whole name of two words or more is that name, and replaces the shorter names found inside it
    ("B12" inside "B12 deficeincy"). Grammar words and short words must be spelt right, so a
    correction never turns an everyday phrase into a name. Returns the mentions, updated, and
    claims the words of the names it finds."""
    corrected: dict[int, str] = {}
    known = _name_words(lexicon)
    for i, word in enumerate(folded):
        if claimed[i] or word in STOPWORDS or word in known or len(word) < MIN_FUZZY_CHARS or not word.isalpha():
            continue
        slip = _word_slip(lexicon, word)
        if slip is not None:
            corrected[i] = lexicon.forms.get(slip, slip)
    if not corrected:
        return mentions
    fixed = [corrected.get(i, w) for i, w in enumerate(folded)]
    owned = [False] * len(folded)  # claimed by a name found exactly (it may sit inside a longer one)
    for mention in mentions:
        for i in range(mention.start, mention.end):
            owned[i] = True
    for size in range(min(MAX_PHRASE_WORDS, len(folded)), 1, -1):
        for start in range(len(folded) - size + 1):
            end = start + size
            span = range(start, end)
            if not any(i in corrected for i in span) or any(claimed[i] and not owned[i] for i in span):
                continue
            entity_id = lexicon.phrases.get(" ".join(fixed[start:end]))
            if not entity_id:
                continue
            inside = [m for m in mentions if start <= m.start and m.end <= end]
            if any(claimed[i] and not any(m.start <= i < m.end for m in inside) for i in span):
                continue
            mentions = [m for m in mentions if m not in inside]
            mentions.append(Mention(entity_id, " ".join(folded[start:end]), start, end, 90.0))
            mentions.extend(_conditions_inside(lexicon, entity_id, fixed, start, size))
            for i in span:
                claimed[i] = True
                owned[i] = False
    return mentions


@lru_cache(maxsize=8)
def _name_words(lexicon: Lexicon) -> frozenset[str]:
    """The lexicon's name words as a set, made once per lexicon (every question looks words up in it)."""
    return frozenset(lexicon.words)


@lru_cache(maxsize=8192)
def _word_slip(lexicon: Lexicon, word: str) -> str | None:
    """The name word `word` is one slip of (two for long words; a swapped pair of letters counts as
    one), with the same first letter; None when there is none, two are equally close, or `word` is
    an English word that only looks like a name (`near_names`). Memoised (a fuzzy search of every
    name word): the same unknown words recur across questions."""
    slip = closest_name_word(lexicon, word)
    return None if slip is None or is_near_name(word, slip) else slip


def closest_name_word(lexicon: Lexicon, word: str) -> str | None:
    """`_word_slip` before the English-word check (tools/derive_near_names.py derives that list from it)."""
    allowed = 2 if len(word) >= 9 else 1
    best: list[tuple[int, str]] = []
    for key, _score, _ in process.extract(
        word, _within_reach(lexicon, True, len(word), 70.0), scorer=fuzz.ratio, limit=5, score_cutoff=70.0
    ):
        if key[0] != word[0]:
            continue
        distance = OSA.distance(word, key, score_cutoff=allowed)
        if distance <= allowed:
            best.append((distance, key))
    if not best:
        return None
    best.sort()
    if len(best) > 1 and best[1][0] == best[0][0] and lexicon.forms.get(best[1][1], best[1][1]) != lexicon.forms.get(
        best[0][1], best[0][1]
    ):
        return None
    return best[0][1]


@lru_cache(maxsize=8192)
def _typo_match(lexicon: Lexicon, phrase: str) -> tuple[str, float] | None:
    """The lexicon key `phrase` is a slip of: close by RapidFuzz's ratio, or one edit away (two for
    long words) counting a swapped pair of letters as one ("keprra" is Keppra), same first letter;
    never when a word of it is an English word that only looks like a name ("lactose" is not
    lactulose, `near_names`). Memoised (a fuzzy search of the whole lexicon): the same unknown words
    recur across questions."""
    match = closest_key(lexicon, phrase)
    return None if match is None or is_near_name(phrase, match[0]) else match


def closest_key(lexicon: Lexicon, phrase: str) -> tuple[str, float] | None:
    """`_typo_match` before the English-word check (tools/derive_near_names.py derives that list from it)."""
    allowed = 2 if len(phrase) >= 9 else 1
    if phrase.split(" ", 1)[0] in _CONTRACTION_ENDS:
        # "i'm allergic" is "i m allergic": the m is what is left of "I am", never a slip for "MSG"
        return None
    for key, score, _ in process.extract(
        phrase, _within_reach(lexicon, False, len(phrase), 70.0), scorer=fuzz.ratio, limit=5, score_cutoff=70.0
    ):
        if key[0] != phrase[0] or _other_letter_name(lexicon, phrase, key):
            continue
        if (
            len(phrase) > MIN_FUZZY_CHARS
            and (score >= FUZZY_CUTOFF or OSA.distance(phrase, key, score_cutoff=allowed) <= allowed)
        ) or _letter_doubled(phrase, key):
            return key, float(score)
        if _one_letter_dropped(phrase, key):
            return key, float(score)
    return None


# What a contraction leaves as a word of its own once its apostrophe is gone ("i m", "it s", "we re").
_CONTRACTION_ENDS: frozenset[str] = frozenset({"m", "s", "t", "re", "ve", "ll"})


def _letter_doubled(phrase: str, key: str) -> bool:
    """A short name typed with one letter doubled ("gabba" for GABA): too short for the fuzzy match,
    but one kind of slip only, so never another word's spelling."""
    return len(phrase) == len(key) + 1 and any(
        phrase[i] == phrase[i - 1] and phrase[:i] + phrase[i + 1 :] == key for i in range(1, len(phrase))
    )


def _one_letter_dropped(phrase: str, key: str) -> bool:
    """True when a word of the shortest length read for typos is a one-word name of one more letter
    with one letter inside it left out: "enrgy" is energy, "memry" memory, "nasea" nausea. A slip of
    any other kind in so short a word is too often another word, so only this one is read; nor a
    last letter left out, which is another form of the word ("nerve" is not "nerves", the lay word
    for anxiety)."""
    if len(phrase) != MIN_FUZZY_CHARS or len(key) != MIN_FUZZY_CHARS + 1 or " " in key or " " in phrase:
        return False
    return any(key[:i] + key[i + 1 :] == phrase for i in range(1, len(key) - 1))


def _other_letter_name(lexicon: Lexicon, phrase: str, key: str) -> bool:
    """True when `phrase` differs from `key` only in a short word of one or two characters, which
    names a different thing rather than a slip: "vitamin c" or "vitamin e" is another vitamin, not
    "vitamin d" (nor "vitamin dee"); "vitamin" alone or "vitamins" is not "vitamind", the name run
    together, short of its letter. A typo changes a letter of a word, not a whole short word."""
    ours, theirs = phrase.split(), key.split()
    if len(ours) == len(theirs):
        different = [(a, b) for a, b in zip(ours, theirs, strict=True) if a != b]
        if len(different) == 1 and len(different[0][0]) <= 2:
            return True
        # a letter's spoken name in another's place ("vitamin bee" for "vitamin dee") is another letter
        if len(different) == 1 and is_letter_name(different[0][0]) and is_letter_name(different[0][1]):
            return True
        # another language's word beside another letter ("vitamina c", "vitamine c") is still another
        # vitamin: a letter told apart from the name's own letter is never a slip of it, whatever
        # slip the longer word carries
        if any(len(a) <= 2 and len(b) <= 2 for a, b in different):
            return True
    # a name closed by a lone letter ("vitamina e", "vitamine e") is that letter's vitamin: never a
    # name that ends otherwise ("vitamin dee", "vitamindee")
    if len(ours) > 1 and len(ours[-1]) == 1 and ours[-1].isalpha() and theirs[-1] != ours[-1]:
        return True
    joined = phrase.replace(" ", "")
    for size in (1, 2):
        head, tail = key[:-size], key[-size:]
        if len(theirs) == 1 and f"{head} {tail}" in lexicon.phrases and joined.startswith(head):
            rest = joined[len(head) :]
            if rest != tail and len(rest) <= 2:
                return True
    return False


def _conditions_inside(lexicon: Lexicon, entity_id: str, folded: list[str], start: int, size: int) -> list[Mention]:
    """Conditions named inside a symptom phrase: "fibro fog", "IBS symptoms" (guide rule E3), and
    inside a medicine's "<noun> for <owner> <condition>": "meds for my epilepsy" says the person has
    it, where "epilepsy meds" does not (guide rule E2)."""
    if size < 2 or lexicon.kinds.get(entity_id) in _CONDITIONISH:
        return []
    if lexicon.kinds.get(entity_id) in _CLASS_KINDS:
        words = folded[start : start + size]
        if "for" not in words[1:-2] or words[words.index("for") + 1] not in _OWNER_WORDS:
            return []
        # the condition is all that follows the owner: "anti seizure" is what the medicine does
        after = words.index("for") + 2
        inner = lexicon.phrases.get(" ".join(words[after:]))
        if inner is None or lexicon.kinds.get(inner) is not EntityKind.CONDITION:
            return []
        return [Mention(inner, " ".join(words[after:]), start + after, start + size, 100.0)]
    found: list[Mention] = []
    for sub in range(size - 1, 0, -1):
        for offset in range(size - sub + 1):
            phrase = " ".join(folded[start + offset : start + offset + sub])
            inner = lexicon.phrases.get(phrase)
            if inner and inner != entity_id and lexicon.kinds.get(inner) is EntityKind.CONDITION:
                found.append(Mention(inner, phrase, start + offset, start + offset + sub, 100.0))
    return found


# A change of diet named by the food it drops ("cut out meat", "giving up meat") names that food too.
_DIET_CHANGE = "dietary-change"


def _food_dropped(lexicon: Lexicon, entity_id: str, folded: list[str], start: int, size: int) -> list[Mention]:
    """The food inside a change of diet's name: "cut out meat" is a change of diet and meat, as the
    guide labels it (a food the person eats less of is one the answer may speak of)."""
    if entity_id != _DIET_CHANGE or size < 2:
        return []
    for offset in range(1, size):
        phrase = " ".join(folded[start + offset : start + size])
        inner = lexicon.phrases.get(phrase)
        if inner and lexicon.kinds.get(inner) is EntityKind.FOOD:
            return [Mention(inner, phrase, start + offset, start + size, 100.0)]
    return []


_SPLIT = re.compile(r"\s+")


_CAUSE_LINKS = frozenset({"from", "after", "by", "to", "of", "since", "following"})
# The words that open the neuropathy's own name: "neuropathy / nerve pain / nerve damage from chemo" is that
# name said in words, the condition only (corpus guide E2: "nerve pain after chemo" is the neuropathy only),
# while a symptom with its cause ("numb feet from chemo") names the cause as well (lead17).
_NAMED_BY_ITSELF = frozenset({"neuropathy", "nerve", "nerves", "peripheral", "neuropathic", "polyneuropathy"})


def _cause_inside(lexicon: Lexicon, entity_id: str, folded: list[str], start: int, size: int) -> list[Mention]:
    """The medicine a condition's phrase names as its cause ("nerve pain from my chemo", "numbness
    caused by chemotherapy") is named too, so it is screened like any medicine the question names
    (issue 12 §3): the person may still be taking it."""
    if lexicon.kinds.get(entity_id) is not EntityKind.CONDITION:
        return []
    words = folded[start : start + size]
    if words[0] in _NAMED_BY_ITSELF:
        return []
    links = [i for i, word in enumerate(words) if word in _CAUSE_LINKS]
    if not links:
        return []
    found: list[Mention] = []
    for offset in range(links[0] + 1, size):
        for end in range(size, offset, -1):
            phrase = " ".join(words[offset:end])
            inner = lexicon.phrases.get(phrase)
            if inner and lexicon.kinds.get(inner) in _MEDICINE_KINDS:
                found.append(Mention(inner, phrase, start + offset, start + end, 100.0))
                return found
    return found
