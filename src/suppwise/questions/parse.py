"""From a plain question to a Query: what is asked (intent), about what (entities, populations,
unknown names), which way (asked direction), and whether it signals self-harm risk.

Reading order: crisis first (nothing may reject a message that shows risk), then the entities
(vocabulary), the special populations (safety.populations), the names the base lacks (a medicine,
a supplement, a condition — recognised by their shape, never reported when they are everyday
words), and last the intent (intent), which needs to know what kinds of thing were named.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

from rapidfuzz.distance import OSA

from suppwise.errors import QuestionError
from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import EntityKind
from suppwise.questions.amount_asked import asks_an_amount
from suppwise.questions.asked_how import asks_what_a_word_means, asks_which_of_named
from suppwise.questions.common_words import BODY_PARTS
from suppwise.questions.intent import MEDICINE, SUBSTANCE, Intent, Signals, read_intent, tells_an_amount
from suppwise.questions.lacked_supplements import LackedName, lacked_names
from suppwise.questions.learned_intent import learned_intent
from suppwise.questions.leftover_shapes import passes_on_a_safety_question
from suppwise.questions.medicine_names import MEDICINE_ENDINGS, MEDICINE_NAMES
from suppwise.questions.record_mentions import taken_beside
from suppwise.questions.spelling import Correction, correct_words, correction
from suppwise.questions.typing_habits import plain_typing
from suppwise.questions.vocabulary import (
    MUSCLE_CRAMP_SETTINGS,
    STOPWORDS,
    Lexicon,
    Mention,
    canonical,
    closest_key,
    find_mentions,
    lexicon_for,
    normalise,
)
from suppwise.questions.voices import pasted_label
from suppwise.reasoning.verdict import Direction
from suppwise.safety.crisis import CrisisReading, CrisisTier, read_crisis, read_rules
from suppwise.safety.crisis_signals import SignalKind
from suppwise.safety.populations import old_people_named, populations_in

__all__ = ["MAX_QUESTION_CHARS", "Intent", "Query", "asked_direction", "parse"]

MAX_QUESTION_CHARS = 500

_WORSENS = re.compile(
    r"\b(worse\w*|worsen\w*|aggravat\w*|exacerbat\w*|trigger\w*|flare\w*|hurt\w*|harm\w*|bad for|"
    r"make (it|me|my \w+|\w+) worse|damage\w*|intensif\w*|caus\w*|induc\w*|provok\w*|bring on|give me)\b"
)
_HELPS = re.compile(
    r"\b(help\w*|improv\w*|better|benefit\w*|good for|reliev\w*|eas(e|es|ing)|treat\w*|work for|works for|"
    r"support\w*|boost\w*|prevent\w*|settle|take the edge off|stop (my|the|them|these|those|it|her|his)\b(?! \w*ing))\b"
)
# The person's own state, told beside the question ("my fibro flares most weeks", "ibs flare ups
# constantly", "my knees hurt", "the pain is worse at night"): a symptom word describing how they are,
# not the direction asked. Set aside only when the question asks for relief in words of its own ("would
# magnesium cut down the aches"); "will magnesium flare my fibro" keeps its reading.
_STATE = re.compile(
    r"\b(flare[ -]?ups?|flares?|flaring|flared)\b|"
    r"\b(my|his|her|their|our|the) (\w+ ){0,2}(hurts?|hurting)\b|"
    r"\b(is|are|was|were|gets?|getting|got|been|feels?|feeling) (\w+ )?worse\b"
)
_UP = re.compile(r"\b(increas\w*|rais\w*|more|higher|heighten\w*|amplif\w*|enhanc\w*|elevat\w*)\b")
_DOWN = re.compile(r"\b(decreas\w*|reduc\w*|lower\w*|less|lessen\w*|diminish\w*|cut|calm\w*|soothe\w*)\b")

# Names the base lacks, by shape: medicines (generic-name endings, classes people name) and
# supplements people often ask about. They make a question an interaction or a comparison question
# and are reported as "I don't recognise ...", never looked up as entities.
# Everyday English words that end like a generic name ("april" like the -prils, "undone" like the -dones,
# "spam" like the -pams): the words of Debian's wamerican-large that the endings reach, less medicines.
_ENDS_LIKE_A_MEDICINE = (
    "april", "bedlam", "clam", "condone", "flam", "flimflam", "glam", "islam", "slam", "spam", "outdone", "overdone",
    "undone", "redone", "misdone", "fordone", "rapine", "malayalam",
)
_MEDICINE_WORD = re.compile(
    r"^(?!(?:" + "|".join(_ENDS_LIKE_A_MEDICINE) + r")$)(\w+(" + "|".join(MEDICINE_ENDINGS) + r")|"
    + "|".join(MEDICINE_NAMES) + r")$"
)
# Medicines described in words: "my meds", "my blood pressure tablets", "mum takes thyroid pills" (a
# supplement's own tablets, "my magnesium tablets" or "3 tablets of glutamine", are a form of it, not a
# medicine).
_MEDICINE_PHRASE = re.compile(
    r"\b((?!zzsubstance\b)\w+ ){1,2}(meds|medication|medications|medicines)\b|"
    r"\b(my|his|her|their|your|our|take|takes|taking|took|on) ((?!zzsubstance\b)\w+ ){0,2}(meds|medication|medications|"
    r"medicines|prescription|prescriptions|pills|tablets)\b(?! of (the |my )?zzsubstance\b)|\b(sleeping pills|"
    r"sleeping tablets|pain killers|"
    r"pain killer|blood thinners|water tablets|"
    r"the pill|birth control|anti depressants|every pill|painkillers?|(stash|hoard|stockpile|supply|bottle|box|pack) "
    r"of (pills|tablets|meds))\b"
)
# Many medicines taken now ("i take a lot of pills for my heart", "my mum's on lots of meds"): a state the
# person is in wherever it is told, so a question that adds the supplement to them ("can i add fish oil",
# "can she have melatonin") is about medicines (not an amount of the supplement), even when it names its
# own subject and stands alone; told with no such question it is context.
_ADDS = re.compile(
    r"\b(add|adding|on top|together|alongside|as well|too|also|can (i|she|he|they|we|you) (have|take|try|use))\b"
)
_MANY_MEDICINES = re.compile(
    r"\b(take|takes|taking|on) (a lot of|lots of|loads of|a few|several|many|so many|a handful of|a bunch of) "
    r"(different )?(meds|medication|medications|medicines|pills|tablets|prescriptions)\b"
)
_SUPPLEMENT_WORD = re.compile(
    r"^(magnesium|zinc|iron|collagen|creatine|whey|protein|melatonin|turmeric|curcumin|curcuma|ashwagandha|cbd|"
    r"5 ?htp|htp|coq10|ginger|peppermint|psyllium|fibre|fiber|biotin|selenium|calcium|potassium|b12|"
    r"vitamin|vitamins|vitamina|vitamine|vit|multivitamin|multivitamins|arginine|taurine|theanine|carnitine|glycine|lysine|"
    r"nac|acetylcysteine|spirulina|chlorella|kombucha|kefir|sauerkraut|spinach|cabbage|beetroot|beets|kale|"
    r"tofu|soy|nuts|almonds|oats|rice|quinoa|gelatin|gelatine|bcaa|bcaas|electrolytes|caffeine|coffee|"
    r"alcohol|vodka|gluten|dairy|sugar|tryptophan|sam|same|st|wort|valerian|chamomile|lavender|cbd oil|"
    r"hemp|cannabis|marijuana|weed|omeprazole)$"
)
# Medicines named in everyday words that the base has no entry for. Emergency contraception ("the
# morning after pill") is not the contraceptive pill of the base's records (pill, implant, minipill):
# it is reported as a medicine suppwise does not know, never answered as the pill.
_NAMED_MEDICINES = re.compile(
    r"\b(painkillers?|pain killers?|sleeping pills|sleeping tablets|antidepressants|morning after pills?|"
    r"emergency contraceptive pills?|emergency contraception)\b"
)
_FOOD_WORD = re.compile(
    r"^(spinach|cabbage|kale|beetroot|beets|tofu|soy|soya|nuts|almonds|oats|rice|quinoa|broccoli|parsley|"
    r"vegetables|veg|veggies|fruit|fruits|potatoes|seeds|gelatin|gelatine|shakes|shake|whey|bread|pasta|"
    r"cereal|meat|pork|lamb|cod|prawns|tempeh|seitan|miso|lentil|avocado|mushrooms)$"
)
_CONDITION_CUES = frozenset(
    {"in", "for", "with", "have", "has", "had", "from", "got", "diagnosed", "of", "help", "helps", "treat", "cure",
     "worsen", "cause", "about", "and", "or", "vs", "versus", "take", "taking", "try", "trying", "is", "does", "can"}
)
_SUBSTANCE_AFTER = frozenset({"safe", "help", "helps", "work", "works", "cause", "causes", "interact", "vs", "or"})
# Words for people, said of whoever takes it ("melatonin for old folks"), are never a name the base lacks.
_PEOPLE = frozenset({"folk", "folks", "guys", "elders", "oldies", "grandparents", "pensioners", "oaps"})
# A possessive typed without its apostrophe ("my sons epilepsy", "my mums liver") is the person, and
# words for how someone is or how good a thing is ("she is low", "is it ok", "which is better") or a
# goal ("for migraine prevention") name nothing the base could lack (fourth try-out, tryout17:
# "does a low fodmap diet help ibs" was answered "No supplement ... matches 'low'").
_NEVER_NAMES = frozenset(
    {"sons", "daughters", "mums", "moms", "dads", "husbands", "wifes", "partners", "babys", "kids",
     "low", "high", "down", "better", "worse", "best", "worst", "fine", "good", "bad", "okay", "safe", "safer",
     "prevention", "relief", "support", "control", "management", "recovery"}
)
# A supplement named by a code with digits (words with digits are never among the unclaimed words):
# coenzyme Q10 as "coq10", "co q10", "q10".
_CODED_SUPPLEMENT = re.compile(r"^(coq10|q10|ubiquinol)$")
# The form a supplement is sold in, said after its name: one name with it ("valerian root", "valerian
# tea"), not a second unknown word.
# ("tablets", "capsules" are left out: "iron tablets" is iron, and its close matches are of "iron")
_FORM_WORDS = frozenset({"root", "tea", "extract", "oil", "leaf"})
# A diet named by the words before "diet" ("low carb diet", "keto diet"): one name the base lacks.
_DIET_WORDS = frozenset({"diet", "diets"})
# Words that join a first-named supplement to the medicine after it ("kava with xanax", "rhodiola and
# lexapro"): the first word stands in a supplement's slot.
_BESIDE = frozenset({"with", "and", "plus", "alongside"})
# "would kava be ok": a name between a modal and "be" is the subject asked about.
_MODALS = frozenset({"would", "will", "could", "can", "should", "might"})
# Generic words for what is taken, never a name ("pills with xanax", "supplements and sertraline").
_GENERIC_TAKEN = frozenset(
    {"supplements", "supplement", "vitamins", "pills", "tablets", "herbs", "stuff", "things", "meds"}
)
# A verb and its particle ("does msg set off ibs", "when does it kick in") name nothing, whatever slot
# the verb stands in.
_PHRASAL_VERBS = frozenset(
    f"{verb} {particle}"
    for forms, particle in (
        (("set", "sets", "setting"), "off"),
        (("bring", "brings", "bringing"), "on"),
        (("kick", "kicks", "kicking"), "in"),
        (("wear", "wears", "wearing"), "off"),
        (("flare", "flares", "flaring"), "up"),
    )
    for verb in forms
)


@lru_cache(maxsize=1024)
def _rules_reading(text: str) -> CrisisReading:
    """The crisis rules' reading of a text (`read_rules`), kept: a message read as a clear crisis is
    read by them several times in one ask (whole, then sentence by sentence), and the reading is a
    pure function of the text (a frozen result)."""
    return read_rules(text)


@dataclass(frozen=True)
class Query:
    text: str
    normalised: str
    intent: Intent
    mentions: tuple[Mention, ...]
    entities: dict[str, tuple[str, ...]]
    asked: Direction | None
    crisis: bool
    unrecognised: tuple[str, ...] = ()
    suggestions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    reading: CrisisReading = field(default_factory=CrisisReading)
    model_text: str = ""
    populations: tuple[str, ...] = ()
    unknown_medicines: tuple[str, ...] = ()
    unknown_supplements: tuple[str, ...] = ()
    # True where no rule read a cue for the intent and it is the default for what the question names
    # (`intent.IntentReading`); the learned reader may have put its own reading in its place
    intent_fallback: bool = False
    # Misspelt cue words read as the English word meant ((typed, read as); questions/spelling.py): the
    # intent rules read the corrected words, the entities were found on the words as typed
    corrections: tuple[Correction, ...] = ()

    def of(self, *kinds: EntityKind) -> tuple[str, ...]:
        out: list[str] = []
        for kind in kinds:
            out.extend(self.entities.get(kind.value, ()))
        return tuple(out)

    @property
    def substances(self) -> tuple[str, ...]:
        return self.of(EntityKind.SUBSTANCE)

    @property
    def conditions(self) -> tuple[str, ...]:
        return self.of(EntityKind.CONDITION)

    @property
    def outcomes(self) -> tuple[str, ...]:
        return self.of(EntityKind.OUTCOME)

    @property
    def drugs(self) -> tuple[str, ...]:
        return self.of(EntityKind.DRUG, EntityKind.DRUG_CLASS)


def asked_direction(normalised: str) -> tuple[Direction | None, bool | None]:
    """The direction the question asks about: (helps/worsens, or None) and, for "increase/decrease"
    wording, whether it asks about raising (True) or lowering (False) the outcome. The person's own
    state (`_STATE`) does not count as the direction when relief is asked in other words."""
    told = _STATE.sub(" ", normalised)
    if told != normalised and (_HELPS.search(told) or _DOWN.search(told)):
        normalised = told
    if _WORSENS.search(normalised):
        return Direction.WORSENS, None
    if _UP.search(normalised):
        return None, True
    if _DOWN.search(normalised):
        return None, False
    if _HELPS.search(normalised):
        return Direction.HELPS, None
    return None, None


_KIND_TOKENS = {kind.value: "zz" + kind.value.replace("_", "") for kind in EntityKind}


def model_text(
    words: list[str], kinds: list[tuple[int, int, str]], medicines: Collection[str], supplements: Collection[str]
) -> str:
    """What a learned intent model would read (tools/explore_text_models.py compares one with the
    rules; docs/question-understanding.md): the question's words with every name replaced by its kind
    ("can i take zzsubstance with zzdrug"), so that what is asked, not which glutamine or which
    medicine, decides; names the base lacks by their shape (zzmedicine, zzsupplement). `kinds` holds
    (start, end, kind) word spans of the entities found."""
    out = _replace_names(words, kinds, lambda kind: _KIND_TOKENS[kind])
    return " ".join(
        "zzmedicine" if w in medicines else "zzsupplement" if w in supplements else w for w in out
    )


_FRAMED = {
    EntityKind.SUBSTANCE.value: SUBSTANCE,
    EntityKind.DRUG.value: MEDICINE,
    EntityKind.DRUG_CLASS.value: MEDICINE,
}


def framed_text(words: list[str], kinds: list[tuple[int, int, str]]) -> str:
    """The words the intent rules read: every substance named replaced by one stand-in word
    (`intent.SUBSTANCE`), every medicine or class of medicines by another (`intent.MEDICINE`), so
    that the rules see the frame of the question ("is zzsubstance ok for me", "zzsubstance for
    depression", "is zzsubstance an zzmedicine") rather than the words inside a name. Without it the words of a
    name are read as cues: "green tea extract" as a drink to take it with, "SAMe" as "the same",
    "5-HTP" as an amount; and a rule written for "glutamine" holds for every substance alike."""
    framed = [s for s in kinds if s[2] in _FRAMED]
    # A condition said as a phrase with a link word inside ("low in b12", "nerve damage caused by
    # chemo") is one name too: its "in" and "caused by" are not the question's own cues (a source, a
    # side effect).
    condition = EntityKind.CONDITION.value
    framed += [s for s in kinds if s[2] == condition and _LINKS.intersection(words[s[0] + 1 : s[1] - 1])]
    return " ".join(_replace_names(words, framed, lambda kind: _FRAMED.get(kind, _KIND_TOKENS[kind])))


# Not "on": inside a condition's name it is a phrasal verb ("put on weight", "piling on the pounds"),
# whose words the side-effect cues read ("does it make you put on weight").
_LINKS = frozenset({"in", "of", "from", "by", "to", "after", "since", "because", "due"})


def _replace_names(words: list[str], kinds: list[tuple[int, int, str]], token: Callable[[str], str]) -> list[str]:
    """`words` with each (start, end, kind) span replaced by the token for its kind; where spans
    overlap, the first and longest wins (a phrase naming two entities, "fibro fog", is one name)."""
    spans: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(kinds, key=lambda span: (span[0], -span[1])):
        if not spans or start >= spans[-1][1]:
            spans.append((start, end, kind))
    out = list(words)
    for start, end, kind in reversed(spans):
        out[start:end] = [token(kind)]
    return out


def _crisis_only(text: str, reading: CrisisReading) -> Query:
    return Query(
        text=text,
        normalised=normalise(text),
        intent=Intent.UNKNOWN,
        mentions=(),
        entities={},
        asked=None,
        crisis=True,
        reading=reading,
    )


def raw_words(text: str) -> list[str]:
    """The question's words as typed (case kept), aligned with `normalise(text).split()`."""
    folded = re.sub(r"'[sS]\b", "", text.replace("’", "'"))
    return re.sub(r"[^A-Za-z0-9]+", " ", folded).split()


# A name in the slot a prescriber's verb opens is a medicine, whatever its shape: "my GP put me on
# mebeverine", "she was prescribed propranolol".
_PRESCRIBED = re.compile(
    r"\b((put|started|switched|moved|changed) (me|her|him|us|them) (on|onto|to)|prescribed( me| her| him| us)?)$"
)


def _unknown_names(
    words: list[str], unclaimed: list[int], claimed: Collection[int] = ()
) -> tuple[list[str], list[str], list[str]]:
    """Leftover words that look like names the base lacks: medicines, supplements and foods, and other
    names in a slot where a condition or a substance would stand. Everyday words are never reported."""
    medicines: list[str] = []
    supplements: list[str] = []
    others: list[str] = []
    joined_at: int | None = None  # where the last single word reported as another name stands
    # "d3 and k2": vitamin K by its code alone is a supplement the base lacks (words with digits are
    # never among the unclaimed; "vitamin k2" is named whole by `_lettered_names`)
    supplements.extend(
        w for i, w in enumerate(words)
        if i not in claimed and _VITAMIN_K.match(w) and (i == 0 or words[i - 1] not in _VITAMIN_WORDS)
    )
    supplements.extend(w for i, w in enumerate(words) if i not in claimed and _CODED_SUPPLEMENT.match(w))
    unclaimed_set = set(unclaimed)
    taken = _diet_names(words, unclaimed_set, others)
    for i in unclaimed:
        word = words[i]
        if i in taken:
            continue
        if (
            len(word) < 3
            or word in STOPWORDS
            or word in _PEOPLE
            or word in _NEVER_NAMES
            or " ".join(words[i : i + 2]) in _PHRASAL_VERBS
        ):
            continue
        if _MEDICINE_WORD.match(word) or _PRESCRIBED.search(" ".join(words[max(0, i - 4) : i])):
            medicines.append(word)
        elif _SUPPLEMENT_WORD.match(word):
            if i + 1 in unclaimed_set and words[i + 1] in _FORM_WORDS:
                taken.add(i + 1)  # "valerian root": one name (`_lettered_names` names it whole)
            supplements.append(word)
        elif (
            _first_beside_a_name(words, i, claimed)
            or (words[i + 1 : i + 2] == ["be"] and i > 0 and words[i - 1] in _MODALS)
        ) and word not in _GENERIC_TAKEN and not _never_a_name(word):
            supplements.append(word)  # "kava with xanax": the supplement's slot
        elif word in BODY_PARTS:
            continue
        elif word.startswith("cramp") and i > 0 and words[i - 1] in BODY_PARTS | MUSCLE_CRAMP_SETTINGS:
            # "leg cramps", "gym cramps": a symptom the base lacks; "fibro cramps": the cramps alone
            others.append(word if words[i - 1].startswith("fibro") else f"{words[i - 1]} {word}")
        elif ((
            any(w in _CONDITION_CUES for w in words[max(0, i - 2) : i])
            # "cramps in my legs": cramps of a limb (vocabulary._limb_cramps), a symptom the base lacks
            or (word.startswith("cramp") and words[i + 1 : i + 2] == ["in"])
            or (i + 1 < len(words) and words[i + 1] in _SUBSTANCE_AFTER)
            # a drink or food taken beside it: "can i drink wine on it", "eat a grapefruit with it"
            or taken_beside(" ".join(words[max(0, i - 4) : i + 1]), word)
        ) and not _never_a_name(word)) or _bare_pair(words, i, claimed, _greeting_words(words)):
            if joined_at == i - 1 and others and " " not in others[-1]:
                # two unknown words in a row are one name ("jet lag", "sunflower lecithin")
                others[-1] = f"{others[-1]} {word}"
            else:
                others.append(word)
                joined_at = i
        elif (start := _compound_start(words, i, claimed)) is not None:
            others.append(" ".join(words[start : i + 1]))
    return medicines, supplements, others


def _diet_names(words: list[str], unclaimed: set[int], others: list[str]) -> set[int]:
    """Diets named by the words before "diet" ("a low carb diet", "the keto diet"), added to `others`
    whole; the positions they take, so their words are not reported again one by one."""
    taken: set[int] = set()
    for j, word in enumerate(words):
        if word not in _DIET_WORDS:
            continue
        start = j
        while start - 1 in unclaimed and words[start - 1] not in STOPWORDS and words[start - 1].isalpha():
            start -= 1
        if start < j:
            others.append(" ".join(words[start : j + 1]))
            taken.update(range(start, j + 1))
    return taken


def _first_beside_a_name(words: list[str], i: int, claimed: Collection[int]) -> bool:
    """Whether word i opens the question (only grammar words before it) and is joined to a name the base
    knows by "with", "and", "plus" ("kava with xanax ok?", "rhodiola and lexapro together"): the slot a
    supplement asked about stands in."""
    return (
        all(w in STOPWORDS for w in words[:i])
        and words[i + 1 : i + 2] != []
        and words[i + 1] in _BESIDE
        and i + 2 in claimed
    )


def _english_slips_set_aside(
    lexicon: Lexicon, words: list[str], mentions: list[Mention], unclaimed: list[int]
) -> tuple[list[Mention], list[int]]:
    """A word read as a name only by its likeness, with more slips than a typo of that name may have,
    is the everyday English word it is one slip of when there is one and that word names nothing:
    "eldery" is elderly, not Eldepryl (selegiline, whose interactions would then lead the answer). The
    word goes back to the unclaimed words, where the spelling layer reads it. A slip of a name that is
    also a slip of an English name word ("magnesum", "depresion") stays the name."""
    freed = [m.start for m in mentions if m.score < 100 and m.end - m.start == 1 and _reads_as_english(lexicon, m.text)]
    if not freed:
        return mentions, unclaimed
    kept = [m for m in mentions if m.start not in freed]
    return kept, sorted({*unclaimed, *(i for i in freed if words[i] not in STOPWORDS)})


@lru_cache(maxsize=4096)
def _reads_as_english(lexicon: Lexicon, word: str) -> bool:
    """Memoised per lexicon and word: the fuzzy search and the spelling look-up are each paid once."""
    match = closest_key(lexicon, word)
    if match is None:
        return False
    allowed = 2 if len(word) >= 9 else 1
    if OSA.distance(word, match[0], score_cutoff=allowed) <= allowed:
        return False
    english = correction(word)
    # only an English word nearer than the name: "szafran" (Polish saffron) is two slips from "saran" too
    return (
        english is not None
        and canonical(english, lexicon.forms) not in lexicon.phrases
        and OSA.distance(word, english) < OSA.distance(word, match[0])
    )


_LETTER = re.compile(r"^[a-z]\d{0,2}$")
# "vitamin" as typed short or in another language ("vit c", "vitamina c", "vitamine c")
_VITAMIN_WORDS = frozenset({"vitamin", "vit", "vitamina", "vitamine"})
# Vitamin K named by its code ("k2", "mk7"): too short to be read as a name otherwise
_VITAMIN_K = re.compile(r"^(k[12]|mk[47])$")


def _lettered_names(words: list[str], supplements: list[str]) -> list[str]:
    """The supplements the base lacks as the answer names them: one named by a word and a letter
    ("vitamin c", "vitamin k2") whole, so the answer says "'vitamin c'" rather than "'vitamin'".
    (The words themselves stay what the intent rules and the model read.)"""
    named = []
    for word in supplements:
        i = words.index(word) if word in words else -1
        whole = 0 <= i < len(words) - 1 and (
            (word in _VITAMIN_WORDS and _LETTER.match(words[i + 1])) or words[i + 1] in _FORM_WORDS
        )
        named.append(f"{word} {words[i + 1]}" if whole else word)
    return named


def _bare_pair(words: list[str], i: int, claimed: Collection[int], greeting: int = 0) -> bool:
    """Bare keywords ("saffron pms", "melatonin pcos"): a last word after a name, in a message of
    three words at most (a greeting before them not counted: "good morning, gaba adhd" is the same
    search), is in a condition's slot when English does not know it as a word at all (LemmInflect's
    tables): an abbreviation or a medical term, not "dosage" or "timing"."""
    from lemminflect import getAllLemmas  # loaded on first use only

    return (
        len(words) - greeting <= 3 and i == len(words) - 1 and i - 1 in claimed and not getAllLemmas(words[i])
    )


def _greeting_words(words: list[str]) -> int:
    """How many of the message's first words are a greeting ("hey there", "good morning")."""
    found = _OPENING_GREETING.match(" ".join(words))
    return len(found.group(0).split()) if found else 0


# A greeting that cannot be the start of a name ("evening primrose" is one, so a bare "evening" is not
# counted here).
_OPENING_GREETING = re.compile(r"^(hi|hello|hey|hiya|good (morning|evening|afternoon))( there| all| everyone)?\b")


def _compound_start(words: list[str], i: int, claimed: Collection[int]) -> int | None:
    """Where a name of several nouns ends at word i begins, when it stands after an article or a
    possessive ("cross the blood brain barrier"): its first words are everyday nouns, one of them a
    part of the body ("blood", "brain"), but the last is not, and together they name something the
    base lacks.
    None when word i is not the end of such a run."""
    if i + 1 < len(words) and i + 1 not in claimed and words[i + 1] not in STOPWORDS and words[i + 1].isalpha():
        return None  # the run goes on: it ends at a later word
    start = i
    while start > 0 and start - 1 not in claimed and words[start - 1] not in _DETERMINER and _is_noun(words[start - 1]):
        start -= 1
    if start == i or start == 0 or words[start - 1] not in _DETERMINER or _never_a_name(words[i]):
        return None
    # only a name built on a part of the body ("blood brain barrier", "gut brain axis"): "the night
    # shift" and "my morning routine" are everyday things, not names the base lacks
    if not BODY_PARTS.intersection(words[start:i]):
        return None
    return start


def _is_noun(word: str) -> bool:
    """Whether English uses the word as a noun at all (LemmInflect's tables, as `_never_a_name`)."""
    from lemminflect import getAllLemmas  # loaded on first use only

    readings = getAllLemmas(word)
    return "NOUN" in readings or "PROPN" in readings


def _never_a_name(word: str) -> bool:
    """A word English uses only as a verb, adjective or adverb ("sprinkled", "unbearable", "apart",
    "hopeless") names no supplement, medicine or condition, whatever slot it stands in. The parts of
    speech come from LemmInflect's English tables, the library the base's word forms come from;
    it is loaded only when a leftover word stands in a name's slot, so most questions never load it.
    Words it does not know ("ashwagandha", "crohns") may be names and stay reported."""
    from lemminflect import getAllLemmas  # loaded on first use only (about 0.4 s of CPU, once)

    readings = getAllLemmas(word)
    return bool(readings) and "NOUN" not in readings and "PROPN" not in readings


_OPTION_KINDS = frozenset({EntityKind.SUBSTANCE, EntityKind.FOOD, EntityKind.DRUG, EntityKind.DRUG_CLASS})
_CONTRAST = frozenset({"or", "vs", "versus", "than", "as", "compare", "compared", "against"})
# When two things are taken, said as one occasion: "the same time/morning/day as".
_SAME_OCCASION = frozenset({"time", "morning", "evening", "night", "day", "meal", "hour", "moment", "breakfast"})


def _contrasted(
    base: EvidenceBase,
    words: list[str],
    mentions: list[Mention],
    extra: list[str],
    named: Collection[tuple[int, int]] = (),
) -> bool:
    """Two options (substances, foods, medicines, supplements the base lacks) set against each other:
    "glutamine or fish oil", "X vs Y", "better than Y", "as good as Y". `named` holds the spans of
    names the base lacks in several words ("l theanine or magnesium")."""
    spans = [(m.start, m.end) for m in mentions if base.entities[m.entity_id].kind in _OPTION_KINDS]
    spans += [(i, i + 1) for i, w in enumerate(words) if w in extra]
    spans += named
    spans.sort()
    for (_s1, e1), (s2, _e2) in pairwise(spans):
        between = words[e1:s2]
        contrast = _CONTRAST & set(between)
        if contrast == {"as"} and (
            ("same" in between and _SAME_OCCASION & set(between)) or ("same" not in between and between.count("as") < 2)
        ):
            # "at the same time as my levothyroxine", "xanax as needed, is magnesium ok alongside": taken together,
            # not set against each other ("as good as", "the same as" keep the contrast)
            continue
        if 0 < len(between) <= 6 and contrast:
            return True
        # Portuguese "ou", Italian "o" right between two options ("la curcuma o l'omega 3")
        if "ou" in between or ("o" in between and len(between) <= 2):
            return True
    return False


_SENTENCE = re.compile(r"(?<=[.!?\n])\s+|\s+-\s+|;\s*|,\s+|:\s+")
_QUESTION_START = re.compile(
    r"^(what|whats|which|how|why|when|where|who|is|are|does|do|did|can|could|should|would|will|may|might|(has|"
    r"have) (anyone|anybody|someone|somebody|it|he|she|they|you|i|there|any|\w+ (been|ever|got|any))|any|anyone|"
    r"((pls|please|plz) )?tell me|explain|help|was|were|am|if i|if someone|could i|would it|(just )?(want|"
    r"wanted|would like|need) to know|(just )?wondering|i wonder|(just |i m |im )?curious (whether|if|about|how|what)|"
    r"not sure "
    r"(if|whether)|ile|cuant\w*|que|como|puedo|quant[oa]s|combien|est ce que|wie|"
    # an option asked for after a story ("ive given up on probiotics, anything better for bloating", intentG19)
    r"(anything|something) (better|else|stronger|gentler) (for|to|i|worth)\b|"
    # an option asked for after a story told with an idiom ("my thesis is killing me, anything to help my focus"),
    # or after a joke ("my knees are killing me lol. anything for pain thats safe", "anything natural for sleep")
    r"(anything|something) (natural |herbal )?(for|to help|to ease|that helps|that might help|i can take for)\b)\b"
)
_TAG_QUESTION = re.compile(
    r"\b((will|would|does|did|is|can|could|won t|wont|doesn t|doesnt|isn t|isnt|wouldn t|wouldnt|aren t|arent|"
    r"can t|cant) (it|they|he|she|i|you)|right|yes or no|"
    # a judgement asked of what was just told ("my pee is bright yellow, is that ok"); not "this", which
    # also says how much ("when the pain is this bad")
    r"(is|was) (that|it) (ok|okay|normal|fine|bad|safe|common|true|serious|dangerous|a problem|"
    r"a worry|expected)|(could|can|might) (that|this|it) be (it|why|the reason))$"
)
# A question typed without its question mark after a story: its last part is a bare choice between two
# things ("... melatonin or magnesium") or a fragment that can only ask ("... true", "... too much"). Typed
# with the mark, the same message is a question (tools/invariance_report.py, "no final ?").
_FRAGMENT_ASKED = re.compile(
    r"^((?!(i|me|my|we|us|our|you|he|she|they|it|his|her|their)\b)\w+ ){0,2}"
    r"(?!(i|me|my|we|us|our|you|he|she|they|it|his|her|their)\b)\w+ or (\w+ ){0,2}\w+$|"
    r"^(true|is (that|it|this) true|too much|too little|too many|too high|too low|enough|worth it|safe|ok|okay)$"
)
_ABOUT_OPTIONS = re.compile(r"\b(supplement|supplements|vitamin|vitamins|anything|something|remedy|natural|herbal)\b")
# A crisis message that closes by asking what to do ("she keeps saying she wants to end it, what do i do")
# asks for help to turn to (guide: resources); an amount asked or told keeps the dosing reading.
_WHAT_TO_DO = re.compile(r"\b(what|wat|wot) (do|should|can|shall|would) (i|we) (even )?do( now| next| about (it|this|"
                         r"that|her|him|them))?$")
_WAY_TO_GO = re.compile(r"\b(way|ways|method|methods) (to|of) (go|die|end|kill|do it)\b")


_FIRST_PERSON = re.compile(r"^(i|i ve|i have|i m|i am|my|we|we ve|we re)\b")
# Who a statement is about: the writer, or someone they tell of ("she has IBS and fibro", "grandad is
# 90 and has cirrhosis").
_TELLS = re.compile(
    r"^((just|so|well|ok|okay|today|yesterday|lol|haha|ugh|btw|fyi|update|still|omg|wow) )?(i|i ve|ive|i have|i m|"
    r"im|i am|my|"
    r"we|we ve|"
    r"we re|our|she|he|they|she s|he s|they re|his|her|their|took|started|began|finished|been|still (taking|on|using)|"
    r"(grandad|grandpa|"
    r"grandma|granny|nan|nana|mum|mom|dad|husband|wife|partner|son|daughter|sister|brother|friend) (is|has|s|was|"
    r"had|keeps|takes|says))\b|"
    # how long it has been, told first ("after 3 weeks of glutamine my gut is no better")
    r"^((after|since|for) (\w+ ){0,2}|(\d+|one|two|three|four|five|six|a few|several) )(days?|weeks?|months?|years?)\b|"
    # what one bought, saw or was told, reported ("just bought a huge tub of magnesium", "saw a video saying X is a
    # waste of money", "the nurse said my b12 was low", intentE17)
    r"^(just |so |lol |omg |ok |okay )?(bought|ordered|saw|seen|watched)\b|"
    r"^(the |my )(nurse|doctor|doc|gp|pharmacist|consultant|physio|rheumy|rheumatologist|dietitian|dietician|"
    r"naturopath|specialist|neuro|neurologist|psychiatrist) (said|says|thinks|reckons|told me|mentioned)\b|"
    # thanks and chit-chat tell, whatever follows them
    r"^(thanks|thank you|thx|ty|cheers|lol|haha|ugh|(just )?(wanted|want) to (say|tell (you|someone|somebody|"
    r"anyone)|let (you|someone|somebody|anyone|u|people|everyone) know|share|thank "
    r"you|update you))\b|"
    # what a named supplement did or is like, told in the past or as a verdict ("magnesium has been
    # amazing for my headaches", "fish oil tastes gross"): read on the framed words
    r"^(the |my )?zzsubstance (has|have|had|was|were|worked|helped|made|gave|did|tastes|smells|seemed|really|honestly|"
    r"definitely|totally)\b|"
    r"^(the |my )?zzsubstance( (capsules?|tablets?|pills?|gummies|powder|softgels?))? (is|s|are) (helping|working|"
    r"doing|"
    r"making|not (helping|working|doing)|rubbish|useless|amazing|great|brilliant|awful|terrible|huge|disgusting|gross|"
    r"a (scam|waste|lifesaver|game changer)|overrated|expensive|the (best|worst))\b"
)
# Saying what one wanted to say is telling, not wanting ("just wanted to say the info helped").
_WANTED_TO_TELL = re.compile(
    r"\b(wanted|want|needed|need) to (say|tell (you|someone|somebody|anyone)|let (you|someone|somebody|anyone|u|people|"
    r"everyone) know|share|thank you|update you)\b"
)
_WANTS = re.compile(r"\b(want|wants|wanted|i d like|id like|i would like|i d love|trying|thinking of|thinking about|"
    r"hoping|planning|plan to|going to|"
    r"looking|"
    # not knowing whom to ask is asking it ("i dont know who to ask about my fibro": resources)
    r"(don t|dont|do not|not sure) know who to|not sure who to|"
    # not knowing how much to take is asking it ("i dont know how much magnesium to take", intentG19)
    r"(don t|dont|do not) know how (much|many|often)|(no idea|not sure) how (much|many|often)|"
    r"(didn t|didnt|did not) (say|tell me|tell us|mention) how (much|many|often)|"
    r"(don t|dont|do not) know (if|whether) (\w+ ){1,3}?(is|s|are|has been|have been) (helping|working|doing))\b")


_FULL_STOP = re.compile(r"(?<=[.!?\n])\s+")


def _asks_sentence(sentence: str) -> bool:
    folded = normalise(sentence)
    return sentence.endswith("?") or bool(_QUESTION_START.match(folded) or _TAG_QUESTION.search(folded))


_POINTS_BACK = re.compile(r"\b(that|this|them|those|these|still|too|also|either|anyway)\b")


def _leans_back(question: str, *, stands_alone: bool = False) -> bool:
    """A question that needs the sentence before it to say what it asks: a short one ("Should I
    worry?", "Should I increase it?") unless it stands alone (`_stands_alone`), or one that points
    back ("Is that a real risk?")."""
    folded = normalise(question)
    return (len(folded.split()) <= 5 and not stands_alone) or bool(_POINTS_BACK.search(folded))


_NAMED_SUBJECT = frozenset({EntityKind.SUBSTANCE.value, EntityKind.DRUG.value, EntityKind.DRUG_CLASS.value})


def _names_subject(words: list[str], spans: list[tuple[int, int, str]]) -> Callable[[str], bool]:
    """Whether a part of a message names a supplement or a medicine itself: one of the names the
    message was found to hold (`spans` over its normalised `words`) is among the part's words, so the
    lexicon is not searched again for each clause."""
    names = [f" {' '.join(words[a:b])} " for a, b, kind in spans if kind in _NAMED_SUBJECT]

    def named_in(part: str) -> bool:
        padded = f" {normalise(part)} "
        return any(name in padded for name in names)

    return named_in


def _stands_alone(question: str, story: str, names_subject: Callable[[str], bool]) -> bool:
    """A short question that names its own subject ("im at my limit with this fibro pain, could saffron
    do anything", "i store all my stress in my shoulders, would magnesium ease the tension") asks what
    its own words ask: the story before it tells why, and its words ("limit", "store", "avoid", "with
    food") are no cue. A story that tells an amount still counts (guide rule 4: "cutting my dose in
    half, will magnesium still work" asks about the amount), and so does one that tells a wish: the wish
    is what the help is asked for ("i want to be rid of this for good, would glutamine do it")."""
    folded = normalise(story)
    return names_subject(question) and not tells_an_amount(folded) and not _WANTS.search(folded)


def _despair_only(sentence: str) -> bool:
    """A sentence that is despair said of oneself and nothing else ("everyone would be better off
    without me.", "i want to die."): a question after it does not lean on it, since it names no amount,
    mishap or supplement the question could be about, and its words ("better off", "die") would be
    read as the question's. An amount or a supply told ("I took 40 of them.") is leaned on as before."""
    signals = set(_rules_reading(sentence).signals)
    return bool(signals) and signals - {SignalKind.LETHALITY} <= _DESPAIR and bool(signals & _DESPAIR)


def _predicate_text(
    text: str, lexicon: Lexicon, base: EvidenceBase, words: list[str], spans: list[tuple[int, int, str]]
) -> str:
    """The words the intent is read from: the question's sentences, framed (`framed_text`). A
    message that tells something and then asks ("My GP upped my pregabalin and my IBS is worse than
    ever. Can glutamine be taken with it?") has one question, and the guide labels that one
    (docs/question-corpus.md, section 2): the story before it names what the question is about
    (the entities, read from the whole message) but its verbs ask nothing, so "worse than ever" is
    no comparison and "killing it at the gym since starting" no side effect. A question that leans
    on the sentence before it (`_leans_back`) is read with that sentence: "My toddler ate a spoonful.
    Should I worry?" asks about an amount."""
    sentences = [s.strip() for s in _FULL_STOP.split(text) if s.strip()]
    asks = [_asks_sentence(s) for s in sentences]
    names = _names_subject(words, spans)
    if len(sentences) < 2 or all(asks) or not any(asks):
        return _from_run_on_question(_clause_text(text, lexicon, base, words, spans))
    read: list[str] = []
    for i, sentence in enumerate(sentences):
        if not asks[i]:
            continue
        if (
            i
            and not asks[i - 1]
            and _leans_back(sentence, stands_alone=_stands_alone(sentence, sentences[i - 1], names))
            and not _despair_only(sentences[i - 1])
        ):
            read.append(sentences[i - 1])
        read.append(_asking_clauses(sentence, names))
    return _framed_part(" ".join(read), lexicon, base)


def _mentions_in(lexicon: Lexicon, part: str) -> tuple[list[str], list[Mention]]:
    """The words of one part of a message and the names in it, read with the case it was typed in
    (as the whole message is), so that a name told apart by its capitals ("the SAMe", "ME/CFS") is
    found in a clause as it is in the message."""
    words = normalise(part).split()
    raw = raw_words(part)
    mentions, _ = find_mentions(lexicon, words, raw if len(raw) == len(words) else None)
    return words, mentions


def _framed_part(part: str, lexicon: Lexicon, base: EvidenceBase) -> str:
    focus, mentions = _mentions_in(lexicon, part)
    return framed_text(focus, [(m.start, m.end, base.entities[m.entity_id].kind.value) for m in mentions])


_CLAUSE = re.compile(r",\s+|:\s+|\s+[-\u2013\u2014]+\s+|;\s*")
# "im", "ive", "shes" are people too, typed without the apostrophe ("im fine most days" tells a story)
_PERSON = re.compile(r"\b(i|me|my|we|our|us|she|he|her|his|him|they|their|them|it|im|ive|youre|shes|hes|theyre)\b")


def _topic(folded: str) -> bool:
    """A clause (normalised) that only names what is asked about ("capsules or loose powder, which is
    better"), not a story: a few words and nobody in them (a greeting before them is no part of it)."""
    folded = _GREETING.sub("", folded)
    return len(folded.split()) <= 4 and not _PERSON.search(folded)


def _asking_clauses(sentence: str, names_subject: Callable[[str], bool] | None = None) -> str:
    """One sentence from the clause that asks onwards: a story told before the question in the same
    sentence ("st john's wort clashes with the pill, what else could I try for low mood", "killing
    two birds with one stone - can one supplement help both") names what is asked about, but its
    verbs ask nothing. A short question that leans on the clause before it ("5-htp gave me a
    headache, is that normal?", "my toddler ate two gummies, is she ok") keeps it, as does any question after
    a mishap told in the clause before it (`_MISHAP`). Clauses after the
    question are kept ("which is best for sleep, melatonin or magnesium") unless they tell a story
    after a question that names its own subject (`_after_the_question`). A short question that names
    its own subject stands alone (`_stands_alone`, when `names_subject` is given)."""
    clauses = [c.strip() for c in _CLAUSE.split(sentence) if c.strip()]
    folded: list[str] = []
    for i, clause in enumerate(clauses):
        folded.append(normalise(clause))
        if clause.endswith("?") or _QUESTION_START.match(folded[i]) or _TAG_QUESTION.search(folded[i]):
            alone = bool(i) and names_subject is not None and _stands_alone(clause, clauses[i - 1], names_subject)
            leans = _leans_back(clause, stands_alone=alone)
            # a mishap told just before ("my dog got into my gummies, is she going to be ok") is what is asked about
            start = i - 1 if i and (leans or _topic(folded[i - 1]) or _MISHAP.search(folded[i - 1])) else i
            return " ".join(clauses[start : i + 1] + _after_the_question(clause, clauses[i + 1 :], names_subject))
    return sentence


# A clause that opens with the person telling about themselves or someone else: "i take it with dinner",
# "im at my limit", "my gp says its fine".
_TELLING_OPEN = re.compile(r"^(i|im|i m|ive|i ve|id|i d|my|we|our|she|he|they|her|his|their)\b")


def _after_the_question(
    question: str, after: list[str], names_subject: Callable[[str], bool] | None
) -> list[str]:
    """The clauses after a question that belong to it. A story told after a question that names its own
    subject ("would magnesium help my sleep, i take it with dinner btw", "could probiotics help my
    bloating, i already avoid dairy") asks nothing, as one told before it does (`_stands_alone`); a
    topic ("melatonin or magnesium"), another question, or a story telling an amount or a wish is kept."""
    if names_subject is None or not after or not names_subject(question):
        return after
    return [clause for clause in after if not _tells_only(normalise(clause))]


def _tells_only(folded: str) -> bool:
    return bool(_TELLING_OPEN.match(folded)) and not (
        _QUESTION_START.match(folded) or _TAG_QUESTION.search(folded) or tells_an_amount(folded)
        or _WANTS.search(folded)
    )


def _clause_text(
    text: str, lexicon: Lexicon, base: EvidenceBase, words: list[str], spans: list[tuple[int, int, str]]
) -> str:
    """The framed words of a one-sentence message (or one that asks in every sentence), read from its
    asking clause onwards (`_asking_clauses`); the whole message when no clause before a question
    is a story."""
    if not _CLAUSE.search(text) or len(_FULL_STOP.split(text.strip())) > 1:
        return framed_text(words, spans)
    focus_text = _asking_clauses(text, _names_subject(words, spans))
    focus = normalise(focus_text).split()
    offset = len(words) - len(focus)
    if offset == 0:
        return framed_text(words, spans)
    if words[offset:] == focus:  # the asking clause runs to the end: the names found in it are the message's
        return framed_text(focus, [(a - offset, b - offset, kind) for a, b, kind in spans if a >= offset])
    return _framed_part(focus_text, lexicon, base)


# An accident told ("took my 5-htp twice by mistake", "my toddler got into the gummies") asks whether
# the amount is a problem, question mark or not.
# Something swallowed by mistake implies a question (is it dangerous?), told or not; a pet chewing the
# packaging ("ate the lid off my fish oil") swallowed none of the supplement and asks nothing.
_PACKAGING = r"(lid|lids|cap|caps|top|bottle|jar|tub|packet|box|label|packaging|wrapper|seal)\b"
_MISHAP = re.compile(r"\b(by mistake|by accident|accidental\w*|got into|swallowed|ate (a|some|the|all|half|\d+|two|"
r"three)(?! (\w+ )?" + _PACKAGING + r"))\b")


# A question run on after a story without punctuation still shows by its word order ("i have fibro does
# magnesium help", "my mum has depression could saffron help her"), or by asking aloud ("was wondering
# if"); an auxiliary after its own subject ("I do it every day") tells.
_ASKS_INSIDE = re.compile(
    r"(?<!\bi )(?<!\bwe )(?<!\byou )(?<!\bthey )(?<!\bhe )(?<!\bshe )(?<!\bit )(?<!\bwho )(?<!\bthat )(?<!\bwhich )"
    r"\b(does|do|did|can|could|would|will|should|might|is|are|was|were) (zzsubstance|it|i|you|he|she|they|we|there|"
    r"anyone|anybody|someone|people)\b|\b(wondering|wonder|not sure|unsure|curious) (if|whether)\b|\bto (know|"
    r"understand|find out|learn|work out|figure out) (if|"
    r"whether|how|what|why|when|which)\b|\b(asked|asks|asking) (me |us |the doctor |my \w+ )?(why|how)\b|"
    # how it works or what it does, asked as not knowing it: "i dont understand how melatonin works",
    # "never understood what zzsubstance does", "idk why it would" (intentE17)
    r"\b(understand|understood|know|idk|idea|clue|curious|confused about|confused) (how|why|what) zzsubstance \w+|"
    r"\b(anything|something) (else )?(i|we|you|he|she|they) (should|need to|ought to|must|have to) (know|be aware|"
    r"watch|"
    r"look out|consider)\b|\b(can t|cant|cannot|can not) (decide|choose|pick) (between|which)\b|\bwhose (\w+ )?(is|s) "
    r"(better|best|right)\b|\bany (ideas|advice|"
    r"thoughts|tips|suggestions)\b|\b(is|was) (that|it|this) (too|enough|ok|okay|safe|normal|bad)\b|"
    # a choice put as bare words after the story ("my head is killing me, magnesium or b2 for migraines")
    r"\bzzsubstance (or|vs|versus) \w+( \w+)? for \w+|"
    # a run-on question after a story ("glutamine calmed my tummy does that mean I should take more")
    r"\b(does|do|would|could) (that|this) (mean|suggest)\b"
)
_AUXILIARY = frozenset("does do did can could would will should might is are was were".split())
_OWN_SUBJECT = frozenset("i we you they he she it who that which there what".split())
_ASKING_WORDS = frozenset("what whats which how why when where who much many long often".split())
_REPORTING = frozenset("thinks think thought says said saying reckons reckon claims claimed claiming that".split())
_DETERMINER = frozenset("my the his her our their your this that these those a an".split())
# What can start the subject of an inverted question: "is 40 grams ...", "can my daughter ...", "do eggs ...".
_SUBJECT_START = re.compile(
    r"^(it|i|you|he|she|they|we|there|anyone|anybody|someone|people|a|an|the|my|your|his|her|their|our|this|these|"
    r"those|some|any|one|two|three|\d+\w*|u|taking|using|having|giving|"
    r"long|zzsubstance|zzmedicine|\w+s)$"
)


def _run_on_question_start(words: list[str]) -> int | None:
    """Where a question starts inside a run-on message ("i have fibro is 40 grams a day safe", "my son
    has epilepsy can my daughter take it"): an auxiliary followed by the start of a subject, and not
    itself after its own subject, a pronoun ("it is the worst") or a determiner and a noun ("my sleep
    is the worst")."""
    for i, word in enumerate(words[1:], start=1):
        if word not in _AUXILIARY or i + 1 >= len(words) or not _SUBJECT_START.match(words[i + 1]):
            continue
        before = words[i - 1]
        if before in _OWN_SUBJECT or before in _DETERMINER or (i >= 2 and words[i - 2] in _DETERMINER):
            continue
        if _REPORTING.intersection(words[max(0, i - 4) : i - 1]) and words[i + 1] in {"a", "an", "the", SUBSTANCE}:
            continue  # a claim reported: "my gp thinks fish oil is a waste of time" (intentE17)
        return i
    return None


def _runs_on_into_question(framed: str) -> bool:
    return _run_on_question_start(framed.split()) is not None


def _from_run_on_question(framed: str) -> str:
    """A story told and a question run on after it with no punctuation ("ive had depression for years is
    glutamine safe for me") is read from the question on, as a punctuated one is (`_asking_clauses`):
    the story's words ("for years") ask nothing."""
    words = framed.split()
    if not _TELLS.match(framed):
        return framed
    start = _run_on_question_start(words)
    if start is None:
        return framed
    while start > 0 and words[start - 1] in _ASKING_WORDS:  # "where are my charts", "how much is"
        start -= 1
    question = " ".join(words[start:])
    # a question that leans on the story keeps it, as a punctuated one does ("cutting my dose in half, will
    # it still work"), unless it names its own subject and the story tells no amount (`_stands_alone`); a
    # mishap told ("my toddler got into the gummies is he ok") is always what it asks about
    story = " ".join(words[:start])
    alone = bool({SUBSTANCE, MEDICINE} & set(words[start:])) and not tells_an_amount(story) and not (
        _WANTS.search(story)
    )
    return framed if _leans_back(question, stands_alone=alone) or _MISHAP.search(story) else question


# A greeting before a message says nothing about whether it asks: "hi! I take glutamine for IBS" tells,
# "hi is glutamine safe" asks.
_GREETING = re.compile(
    r"^(hi|hello|hey|hiya|good (morning|evening|afternoon)|morning|evening)( there| all| everyone)?\b ?"
)


def _is_statement(text: str, framed: str = "") -> bool:
    """A message that tells and asks nothing ("I've been taking glutamine for two weeks now", "thanks,
    that was useful about melatonin", "magnesium has been amazing for my headaches"). `framed` is the
    message with its names framed (`framed_text`), where a supplement told of is found by kind."""
    folded = _GREETING.sub("", normalise(text))
    framed = _GREETING.sub("", framed)
    if "?" in text or not (_TELLS.match(folded) or _TELLS.match(framed)):
        return False
    if (
        _ASKS_INSIDE.search(framed or folded)
        or _ASKS_INSIDE.search(folded)
        or _runs_on_into_question(framed or folded)
        or _runs_on_into_question(folded)
    ):
        return False
    if _WANTS.search(_WANTED_TO_TELL.sub(" ", folded)) or _MISHAP.search(folded):
        return False
    if passes_on_a_safety_question(folded):
        return False  # "my gran asked whether X is safe for her" (questions.leftover_shapes)
    # a question after a turn ("my laptop died, anyway does spinach contain magnesium", "... btw is it ...")
    # is a question's start (intentx20)
    sentences = [_TURN_TO_ASK.sub("", _GREETING.sub("", normalise(s))) for s in _SENTENCE.split(text) if s.strip()]
    if len(sentences) > 1 and _FRAGMENT_ASKED.match(sentences[-1]):
        return False
    return not any(_QUESTION_START.match(s) or _TAG_QUESTION.search(s) for s in sentences)


# A message in a crisis is often typed without punctuation; a question inside it still shows by its
# word order ("sjw and tramadol together could that kill someone", "not gonna be around so does it even
# matter if I take X with my lithium"), and a fragment that starts with a verb tells rather than names
# ("hoarding my tramadol", "been putting aside my pills").
_INVERTED = re.compile(r"\b(could|can|would|will|does|do|did|should) (that|it|this|i|you|he|she|they|we)\b")
_TELLING = re.compile(r"^(\w+ing|been|got|kept|saved|stashed|put|hid|bought)\b")


def _crisis_intent(
    text: str,
    intent: Intent,
    lexicon: Lexicon,
    named: bool,
    framed: str = "",
    names: tuple[str, ...] = (),
    *,
    kinds_of: Callable[[str], EntityKind],
) -> Intent:
    """A crisis item keeps the intent of the question it asks (the guide, section 2); it is `unknown`
    only when nothing is asked. A message that names what it asks about (an entity or a medicine, in
    the question) and asks anything, or is bare keywords, keeps the intent the rules read from the
    whole message: "saving up all my lamotrigine, how many would I need" asks about an amount of a
    medicine. A question that names nothing asks something only if it is not itself about the
    crisis: "I want to die", "whats the point of me" and "is a bottle with vodka a good way to go?"
    ask nothing suppwise answers; "who do I call" asks for resources. A sentence is about the crisis
    itself when the rules read a clear signal in it (the learned model's softer reading would take
    ordinary questions beside a crisis statement for part of it).

    The question is found wherever it is asked (`_crisis_questions`): in a sentence of its own, run
    on after the despair without punctuation ("i dont want to be here anymore but is st johns wort
    safe while pregnant"), or leaning on a mishap told just before it ("my dog ate a whole pack of
    melatonin gummies, is she going to die" asks about that amount). And a flag the learned model
    alone raised says nothing about whether the message asks: a message the rules read no crisis in
    keeps its intent when it asks without a question's shape (`_asks_unshaped`: "not sure how much
    to take"), as an ordinary message does."""
    if intent is Intent.RESOURCES:
        return intent
    if intent is Intent.DEFINITION and any(asks_what_a_word_means(normalise(s)) for s in _SENTENCE.split(text)):
        return intent  # "what does self harm mean": a word asked about, the crisis's own too (asked_how)
    if intent is Intent.COMPARISON and named and asks_which_of_named(framed):
        return intent  # "which is more deadly, melatonin or 5-htp": which of two named options (asked_how)
    if intent is not Intent.DOSING and _WHAT_TO_DO.search(normalise(text)):
        return Intent.RESOURCES  # a carer or the person asking what to do now: whom to turn to
    sentences = [s.strip() for s in _SENTENCE.split(text) if s.strip()]
    if named and _bare_keywords(text, sentences):
        return intent
    if named and intent in (Intent.DOSING, Intent.INTERACTION) and asks_an_amount(normalise(text)):
        return intent  # an amount asked of a named thing, with or without a question's shape (amount_asked)
    told = [s for s in _FULL_STOP.split(text.strip()) if s.strip()]
    questions = _crisis_questions(sentences, framed) or [
        s for s in told[-1:] if len(told) > 1 and _keywords_asked(s, lexicon, kinds_of)
    ]
    if not questions and not _rules_reading(text).crisis and _asks_unshaped(text, framed):
        return intent
    for question in questions:
        folded = normalise(question)
        if _WAY_TO_GO.search(folded) or _RHETORICAL.match(folded) or _matters_no_more(question, folded, lexicon):
            continue
        if (
            intent is Intent.DOSING
            or _ABOUT_OPTIONS.search(folded)
            or any(re.search(rf"\b{re.escape(name)}\b", folded) for name in names)
        ):
            return intent
        own = _rules_reading(question)
        if not own.crisis:
            return intent
        _, mentions = _mentions_in(lexicon, question)
        if _names_what_it_asks_about(question, mentions, own, kinds_of):
            return intent
    return Intent.UNKNOWN


# A question asked of one's own life that wants no answer ("why do i even try", "whats the point of
# anything", "who cares"): in a crisis message it is the despair put as a question.
_RHETORICAL = re.compile(
    r"^(so |and |but |honestly |like )?(why (do|should|would|did|am) i (even |still |ever )?(bother|try|keep (going|"
    r"trying|on)|carry on|go on|exist|live|wake up|get up|fight|care|here)|why bother( trying)?|why even bother|"
    r"(what s|whats|what is|what) the (point|use)|who (even )?cares|what (else )?is (left|there)"
    r" (for me|to live for)|what do i have (left|to live for))"
    r"( (of|in) (me|it|anything|living|life|trying|going on|carrying on|it all|any of it|this|me being here))?( anymore"
    r"| any more| now)?$"
)


# Whether anything still matters, asked of what one takes in general ("does it matter what supplements i
# take now", after a goodbye told).
_MATTERS = re.compile(
    r"^(so )?(does|do|would|will) (it|any of it|anything|that) (even |really |still )?matter (what|which|how|if|"
    r"whether) (?!.*\b(it|them|this|that)\b)"
)


def _matters_no_more(question: str, folded: str, lexicon: Lexicon) -> bool:
    """Whether a question in a crisis message asks if anything still matters, of what one takes in
    general and naming nothing the base knows: the despair put as a question ("does it matter" alone
    leans on what was just said, "gummies or tablets for melatonin, does it matter"). Named, it asks
    about what it names ("does it even matter if i take glutamine with my lithium" is an interaction
    question)."""
    return bool(_MATTERS.match(folded)) and not _mentions_in(lexicon, question)[1]


# Despair said of oneself: where a question carries it, the question is about the despair.
_DESPAIR = frozenset({SignalKind.WISH_TO_DIE, SignalKind.HOPELESSNESS, SignalKind.BURDEN, SignalKind.GOODBYE})
# What a person takes, and so what a question beside despair can still ask about.
_TAKEN = frozenset({EntityKind.SUBSTANCE, EntityKind.DRUG, EntityKind.DRUG_CLASS, EntityKind.FOOD})
_FRAMED_TAKEN = re.compile(r"\bzz(substance|medicine|food)\b")


def _names_what_it_asks_about(
    question: str, mentions: list[Mention], own: CrisisReading, kinds_of: Callable[[str], EntityKind]
) -> bool:
    """Whether a question in a crisis message (one with a clear signal of its own, `own`) names something
    it asks about. Any name counts, except in a question whose own words carry despair said of oneself
    (a wish to die, hopelessness, being a burden, a goodbye) and nothing else: there only something a
    person takes counts. "is it normal to want to die when the pain flares", "would my kids be better
    off without me and my fibro?" and "how do i stop wanting to die when my depression is this bad"
    name a symptom or a condition as where the despair comes from, and ask nothing suppwise answers;
    "i want to die, is melatonin safe with my cirrhosis" still asks about melatonin. A question that
    speaks of suicide in other words ("is suicide risk higher in fibromyalgia") keeps every name:
    research asked about is answerable."""
    # "want to die" is read as a wish and as a word of lethality; beside the wish it is the wish
    kinds = set(own.signals) - {SignalKind.LETHALITY} if set(own.signals) & _DESPAIR else set(own.signals)
    if not kinds <= _DESPAIR:
        return bool(mentions) or bool(_FRAMED_NAME.search(question))
    return any(kinds_of(m.entity_id) in _TAKEN for m in mentions) or bool(_FRAMED_TAKEN.search(question))


# What is asked inside a sentence not shaped as a question ("not sure how much to take", "no idea
# which dose is right").
_ASKED_INSIDE = re.compile(r"\b(how (much|many|long|often|to)|what|which|whether)\b")


def _asks_unshaped(text: str, framed: str) -> bool:
    """A message that asks in a sentence without a question's shape: a question run on inside it
    (`_ASKS_INSIDE`) or a question word in the middle of what it tells."""
    folded = normalise(text)
    return bool(_ASKS_INSIDE.search(framed) or _ASKS_INSIDE.search(folded) or _ASKED_INSIDE.search(folded))


# A name in a framed message (`framed_text`): the kind of what was named, as a token of its own.
_FRAMED_NAME = re.compile(r"\bzz[a-z]+\b")


def _bare_keywords(text: str, sentences: list[str]) -> bool:
    """A few words typed as a search ("glutamine overdose", "lithium lethal dose"), not a sentence
    that tells ("hoarding my tramadol")."""
    folded = normalise(text)
    return (
        len(sentences) == 1
        and not _FIRST_PERSON.match(folded)
        and not _TELLING.match(folded)
        and len(text.split()) <= 5
    )


# What a crisis message asks for however it is typed ("please give me a crisis line number", "cn u od
# on melatonin gummies"): help, or an amount.
_ASKED_OF_A_CRISIS = frozenset({Intent.RESOURCES, Intent.DOSING})


# A wish not to go on is the despair itself, not a wish to know something ("she wants to disappear
# for good", "i want to die").
_CRISIS_WISH = re.compile(
    r"\b(want|wants|wanted|wanting) to (die|disappear|be gone|not (be here|exist|wake up)|sleep forever|end (it|"
    r"things|(my|his|her|their) life)|kill (myself|himself|herself|themselves))\b"
)


def _crisis_statement(text: str, framed: str) -> bool:
    """A message the learned model reads as a possible crisis that asks nothing in any form: no
    sentence shaped as a question, no question inside one, no wish to know, and not bare keywords.
    The ordinary statement rule (`_is_statement`) also wants the message to open as telling ("I",
    "my", "she has"); despair opens any way ("nothing helps my fibro, not glutamine, not
    magnesium. done with all of it"), and read as a question it would get an answer it never asked
    for."""
    sentences = [s.strip() for s in _SENTENCE.split(text) if s.strip()]
    folded = normalise(text)
    return not (
        _crisis_questions(sentences, framed)
        or _asks_unshaped(text, framed)
        or _WANTS.search(_CRISIS_WISH.sub(" ", _WANTED_TO_TELL.sub(" ", folded)))
        or _bare_keywords(text, sentences)
    )


def _keywords_asked(sentence: str, lexicon: Lexicon, kinds_of: Callable[[str], EntityKind]) -> bool:
    """The last sentence of a crisis message typed as a search ("i want to die. glutamine dose", "...
    melatonin vs magnesium for sleep"): a few words naming something a person takes, with no verb that
    tells of it ("melatonin does nothing", "melatonin wont cut it") and no despair. Bare keywords are a
    question (the guide's rule 10) wherever they stand."""
    folded = normalise(sentence)
    if (
        len(folded.split()) > 10
        or _FIRST_PERSON.match(folded)
        or _TELLING.match(folded)
        or _TELLS.match(folded)
        or _TELLS_OF_IT.search(folded)
    ):
        return False
    _, mentions = _mentions_in(lexicon, sentence)
    return any(kinds_of(m.entity_id) in _TAKEN for m in mentions) and not _rules_reading(sentence).crisis


# What a fragment that tells of a supplement has and a search typed as keywords lacks: a verb or a negation.
_TELLS_OF_IT = re.compile(
    r"\b(does|do|did|is|are|was|were|has|have|had|will|would|wont|won t|cant|can t|doesnt|doesn t|didnt|didn t|"
    r"isnt|isn t|nothing|never|not|no|none|anymore|helped|helps|helping|worked|works|working|tried|useless|rubbish|"
    r"another)\b"
)


# "what about fish oil", "how about magnesium": a question asked in the middle of what is told.
_WHAT_ABOUT = re.compile(r"\b(what|how) about\b")


# A word that turns from what was told to what is asked ("... anyway is magnesium any good for anxiety"): the
# question starts after it (crisis round eleven: a burden statement read by a rule no longer hid the question).
_TURN_TO_ASK = re.compile(
    r"^(anyway|anyways|anyhow|also|and also|btw|by the way|oh and|unrelated|on another note|separately|quick question|"
    r"random question|totally unrelated|moving on|but|so) "
)
# A wish to know put as a statement ("before, i want to know if vitamin d is helping the mood"): in a crisis
# message it is the question asked (twelfth crisis round), as "does vitamin d help" would be.
_WISH_TO_KNOW = re.compile(
    r"^(i )?(want|wanted|would like|d like|need|needed) to know (if|whether|how|what|which|why)\b|^(i m |i am )?"
    r"(wondering|wonder) (if|whether|how|what|which)\b"
)


def _asks_by_form(sentence: str) -> bool:
    """A sentence shaped as a question: a question mark, a question word first (after a word that turns
    to the question, `_TURN_TO_ASK`), a tag or an inverted auxiliary ("could that kill someone")."""
    folded = _TURN_TO_ASK.sub("", normalise(sentence))
    return bool(
        sentence.endswith("?")
        or _QUESTION_START.match(folded)
        or _TAG_QUESTION.search(folded)
        or _INVERTED.search(folded)
        or _WHAT_ABOUT.search(folded)
        or _WISH_TO_KNOW.match(folded)
    )


def _crisis_questions(sentences: list[str], framed: str) -> list[str]:
    """The questions a crisis message asks, each with what it asks about. A short question after a
    mishap told in the clause before it ("took the whole bottle by accident, will i be ok") is read
    with that clause, which names the amount and the substance. When no sentence is shaped as a
    question, one run on after the story without punctuation is found in the framed message
    (`_run_on_question_start`), where a supplement shows by its kind."""
    questions: list[str] = []
    for i, sentence in enumerate(sentences):
        if not _asks_by_form(sentence):
            continue
        if i and _MISHAP.search(normalise(sentences[i - 1])) and _leans_back(normalise(sentence)):
            questions.append(f"{sentences[i - 1]} {sentence}")
        else:
            questions.append(sentence)
    if questions or len(sentences) != 1:
        return questions
    words = framed.split()
    start = _run_on_question_start(words)
    # a run-on question is looser than a punctuated one, so it counts only when it names what it asks
    # about ("... but is zzsubstance safe while pregnant"), never by what it lacks
    if start is None or not _FRAMED_NAME.search(" ".join(words[start:])):
        return []
    return [" ".join(words[start:])]


# What a pasted label names that the question still speaks of: the product's substance ("Magnesium (as
# magnesium glycinate) 200 mg"), a medicine it warns about. Its foods and fillers ("rice flour") are not
# what is asked about.
_LABEL_KINDS = frozenset({EntityKind.SUBSTANCE, EntityKind.DRUG, EntityKind.DRUG_CLASS})
_THE_PRODUCT = re.compile(
    r"\b(this|these|it|them|they)( (ones?|stuff|supplements?|product|capsules?|tablets?|softgels?|gummies))?\b",
    re.IGNORECASE,
)


def _after_a_label(
    text: str, label: tuple[str, str], base: EvidenceBase, lexicon: Lexicon | None, *, learned: bool
) -> Query:
    """A message that opens with pasted label text (questions/voices.py): the question after the label
    is read alone, so the label's "keep out of reach of children" or "if pregnant, nursing or taking
    medication" is neither the intent nor the population; the substance the label names still counts."""
    pasted, question = label
    lexicon = lexicon or lexicon_for(base)
    label_mentions, _ = find_mentions(lexicon, normalise(pasted).split(), None)
    products = list(dict.fromkeys(
        m.entity_id for m in label_mentions if base.entities[m.entity_id].kind is EntityKind.SUBSTANCE
    ))
    asked = parse(question, base, lexicon, learned=learned)
    if len(products) == 1 and not asked.of(EntityKind.SUBSTANCE):
        # "why does it need to be standardised": the pronoun is the labelled product
        name = base.entities[products[0]].name
        named = _THE_PRODUCT.sub(
            lambda m: f"{m.group(1)} {name}" if m.group(1).lower() in {"this", "these"} else name, question, count=1
        )
        if named != question:
            asked = parse(named, base, lexicon, learned=learned)
    entities = {kind: list(ids) for kind, ids in asked.entities.items()}
    for mention in label_mentions:
        kind = base.entities[mention.entity_id].kind
        bucket = entities.setdefault(kind.value, [])
        if kind in _LABEL_KINDS and mention.entity_id not in bucket:
            bucket.append(mention.entity_id)
    return replace(asked, text=text, entities={k: tuple(v) for k, v in entities.items() if v})


def _spelt_out(
    text: str,
    words: list[str],
    raw: list[str],
    claimed: Collection[int],
    unknown: Collection[str],
    lexicon: Lexicon,
) -> tuple[str, list[str], tuple[Correction, ...]]:
    """The text and words the intent rules read: each misspelt cue word corrected
    (questions/spelling.py), names found and names the base lacks left as typed; the corrections made.
    A correction is one word for one word, so the words stay aligned with the entities' spans."""
    unknown_words = {w for name in unknown for w in name.split()}
    keep = {*claimed, *(i for i, w in enumerate(words) if w in unknown_words)}
    fixed, corrections = correct_words(words, keep, lexicon, raw if len(raw) == len(words) else None)
    if not corrections:
        return text, words, ()
    spelt = text
    for typed, meant in corrections:
        spelt = re.sub(rf"(?i)(?<![a-z0-9]){re.escape(typed)}(?![a-z0-9])", meant, spelt)
    # a word typed with an accent or split by an apostrophe is not found as typed: read nothing corrected
    return (spelt, fixed, corrections) if normalise(spelt).split() == fixed else (text, words, ())


def _lacked_over_mentions(
    normalised: str, words: list[str], mentions: list[Mention], unclaimed: list[int]
) -> tuple[list[LackedName], list[Mention], list[int]]:
    """A supplement the base lacks named in several words ("milk thistle") is one name, over the base's
    entity inside it ("milk") but never over one the base knows whole (questions/lacked_supplements.py):
    the names found, and the mentions and unclaimed words left beside them."""
    lacked = [
        n for n in lacked_names(normalised, words) if not any(m.start <= n.start and n.end <= m.end for m in mentions)
    ]
    if not lacked:
        return lacked, mentions, unclaimed
    inside = {i for n in lacked for i in range(n.start, n.end)}
    return (
        lacked,
        [m for m in mentions if not inside.intersection(range(m.start, m.end))],
        [i for i in unclaimed if i not in inside],
    )


def parse(text: str, base: EvidenceBase, lexicon: Lexicon | None = None, *, learned: bool = True) -> Query:
    """Understand one question. Raises QuestionError only for input that is not a question at all.
    `learned=False` reads with the rules alone (what the learned models are trained beside): no learned
    crisis tier, no learned intent."""
    if not isinstance(text, str):
        raise QuestionError("the question must be text")
    # The one point where the typing is brought to one form (questions/typing_habits.py): every reader
    # below, the crisis reader first, reads the question as typed plainly, so a greeting, a "Q:", a
    # filler, a sign-off, a dropped apostrophe, "u", "&" or extra spaces move no reading.
    stripped = plain_typing(text)
    # Self-harm risk is looked for before anything can reject the text: crisis resources are shown
    # even for a question that is too long or not understood.
    reading = read_crisis(stripped) if learned else _rules_reading(stripped)
    crisis = reading.crisis
    if not stripped:
        raise QuestionError("the question is empty", hint='ask e.g. "Does glutamine increase pain in fibromyalgia?"')
    if len(stripped) > MAX_QUESTION_CHARS:
        if crisis:
            return _crisis_only(stripped[:MAX_QUESTION_CHARS], reading)
        raise QuestionError(
            f"the question is {len(stripped)} characters long; the limit is {MAX_QUESTION_CHARS}",
            hint="ask one short question at a time",
        )
    label = None if crisis else pasted_label(stripped)  # a greeting before it is set aside already
    if label is not None:
        return _after_a_label(stripped, label, base, lexicon, learned=learned)
    normalised = normalise(stripped)
    if not normalised:
        if crisis:
            return _crisis_only(stripped, reading)
        raise QuestionError(
            "the question has no words suppwise can read (it understands English only)",
            hint='ask e.g. "Is glutamine safe in bipolar disorder?"',
        )
    lexicon = lexicon or lexicon_for(base)
    words = normalised.split()
    raw = raw_words(stripped)
    mentions, unclaimed = find_mentions(lexicon, words, raw if len(raw) == len(words) else None)
    mentions, unclaimed = _english_slips_set_aside(lexicon, words, mentions, unclaimed)
    lacked, mentions, unclaimed = _lacked_over_mentions(normalised, words, mentions, unclaimed)
    entities: dict[str, list[str]] = {}
    for mention in mentions:
        kind = base.entities[mention.entity_id].kind.value
        bucket = entities.setdefault(kind, [])
        if mention.entity_id not in bucket:
            bucket.append(mention.entity_id)
    claimed = {i for m in mentions for i in range(m.start, m.end)} | {i for n in lacked for i in range(n.start, n.end)}
    medicines, supplements, others = _unknown_names(words, unclaimed, claimed)
    supplements = [*(n.name for n in lacked), *supplements]
    # a word in a name's slot that is a clear slip of an English word ("does it interfer") was a cue
    # word, not a name the base lacks; medicines and supplements by their shape stay names
    # with no supplement found, an unknown word may be the one asked about ("does foobarix help"): a
    # name the base lacks is said so, never read as the English word it is two slips from
    maybe_named = () if "substance" in entities else tuple(others)
    asked_text, asked_words, corrections = _spelt_out(
        stripped, words, raw, claimed, (*medicines, *supplements, *maybe_named), lexicon
    )
    others = [o for o in others if o not in dict(corrections)]
    stated = populations_in(" ".join(asked_words))
    # "old people" in general place the subject among older adults; they are no state of the asker
    # that the intent rules read as a safety cue (safety/populations.py, `old_people_named`)
    populations = tuple(sorted(stated | ({"older adults"} if old_people_named(" ".join(asked_words)) else set())))
    medicines += [
        m.group(0)
        for m in _NAMED_MEDICINES.finditer(normalised)
        if m.group(0) not in medicines and canonical(m.group(0), lexicon.forms) not in lexicon.phrases
    ]
    # a medicine named only as the cause inside a condition's phrase ("nerve pain from chemo") is
    # screened, but it does not make the question one about combining the two
    causes = {
        m.entity_id
        for m in mentions
        for c in mentions
        if c.start <= m.start and m.end <= c.end and c is not m
        and base.entities[c.entity_id].kind is EntityKind.CONDITION
    }
    named_medicines = (*entities.get(EntityKind.DRUG.value, ()), *entities.get(EntityKind.DRUG_CLASS.value, ()))
    medicine_named = bool(medicines) or any(e not in causes for e in named_medicines)
    spans = [(m.start, m.end, base.entities[m.entity_id].kind.value) for m in mentions]
    predicate = _predicate_text(asked_text, lexicon, base, asked_words, spans)
    # "my meds", "her tablets" make a combining question only where the question asks; in the story
    # before it they are what happened ("I tried to end my life with my medication. Is X safe?").
    if (
        not medicine_named
        and (_MEDICINE_PHRASE.search(predicate) or (_MANY_MEDICINES.search(normalised) and _ADDS.search(predicate)))
        and entities.get(EntityKind.SUBSTANCE.value)
    ):
        medicine_named = True
    substance_count = len(entities.get(EntityKind.SUBSTANCE.value, []))
    options = (
        substance_count
        + len(entities.get(EntityKind.FOOD.value, []))
        + len(entities.get(EntityKind.DRUG.value, []))
        + len(supplements)
        + len(medicines)
    )
    signals = Signals(
        kinds=frozenset(entities),
        substances=substance_count,
        options=options,
        medicine=medicine_named,
        population=bool(stated),
        # foods are counted by name: "sardines vs mackerel" names two foods of one kind (oily fish)
        foods=sum(1 for m in mentions if base.entities[m.entity_id].kind is EntityKind.FOOD)
        + sum(1 for i in unclaimed if _FOOD_WORD.match(words[i]))
        # bone broth is a food when it holds another substance asked about ("does bone broth
        # contain glutamine"); taken for its own sake ("can bone broth ease my gut") it is the subject.
        + int("bone-broth" in entities.get(EntityKind.SUBSTANCE.value, ()) and substance_count > 1),
        contrasted=_contrasted(base, words, mentions, medicines + supplements, [(n.start, n.end) for n in lacked]),
        unknown_names=len(others),
    )
    rules_reading = read_intent(asked_text, predicate, signals)
    intent = rules_reading.intent
    # the crisis convention and the statement rule read cues of their own: no longer a default
    fallback = rules_reading.fallback
    text_for_model = model_text(words, spans, medicines, supplements)
    if reading.tier is CrisisTier.CLEAR:  # the possible tier keeps the ordinary reading whole
        fallback = False
        named = bool(entities.get(EntityKind.SUBSTANCE.value)) or medicine_named
        intent = _crisis_intent(
            stripped,
            intent,
            lexicon,
            named,
            framed_text(words, spans),
            tuple(medicines + supplements),
            kinds_of=lambda entity_id: base.entities[entity_id].kind,
        )
    elif (
        _is_statement(asked_text, predicate)
        or (crisis and intent not in _ASKED_OF_A_CRISIS and _crisis_statement(stripped, framed_text(words, spans)))
    ) and intent is not Intent.SIDE_EFFECTS:
        intent, fallback = Intent.UNKNOWN, False
    if crisis and intent is Intent.UNKNOWN and _WHAT_TO_DO.search(normalise(stripped)):
        intent, fallback = Intent.RESOURCES, False  # what to do, asked in a message of either tier: whom to turn to
    if learned:  # the learned intent reader, where it is sure (questions/learned_intent.py)
        intent = learned_intent(intent, text_for_model, reading.tier, fallback=fallback)
    asked, raises = asked_direction(" ".join(asked_words))
    if asked is None and raises is not None:
        outcome_ids = entities.get(EntityKind.OUTCOME.value) or [
            base.entities[c].outcome or "" for c in entities.get(EntityKind.CONDITION.value, [])
        ]
        outcome = base.entities.get(outcome_ids[0]) if outcome_ids else None
        if outcome is not None and outcome.higher_is_better is not None:
            asked = Direction.HELPS if raises == outcome.higher_is_better else Direction.WORSENS
        else:
            asked = Direction.WORSENS if raises else Direction.HELPS
    # a word reported alone is not reported again beside the name it is part of ("blood sugar levels")
    wholes = [o for o in others if " " in o]
    unrecognised = tuple(
        dict.fromkeys(
            t
            for t in (*medicines, *_lettered_names(words, supplements), *others)
            if not any(t in w.split() for w in wholes)
        )
    )
    suggestions = {term: tuple(lexicon.suggest(term)) for term in unrecognised}
    return Query(
        text=stripped,
        normalised=normalised,
        intent=intent,
        mentions=tuple(mentions),
        entities={k: tuple(v) for k, v in entities.items()},
        asked=asked,
        crisis=crisis,
        unrecognised=unrecognised,
        suggestions=suggestions,
        reading=reading,
        model_text=text_for_model,
        populations=populations,
        unknown_medicines=tuple(medicines),
        unknown_supplements=tuple(_lettered_names(words, supplements)),
        intent_fallback=fallback,
        corrections=corrections,
    )
