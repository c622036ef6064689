"""The text the crisis detector reads: folded so that the way a person in distress types does not
hide what they say.

People in crisis write fast, on phones, late at night: no capitals or apostrophes, text-speak
("jus want 2 sleep n never wake up"), contractions with and without apostrophes ("dont", "don't",
"do not"), and misspellings of exactly the words that matter ("sucide", "overdoes", "myslef").
Folding makes one form of all of these, so each signal in `crisis_signals` is written once:

1. lower case, accents removed ("depresión" → "depresion"), letters of every script kept (a message
   in Cyrillic or Greek stays readable to the patterns for it), everything else a space; ME the
   condition written out ("ME/CFS"), and a thousands comma dropped ("10,000" is one number);
2. contractions and text-speak spelled out ("im" → "i am", "wanna" → "want to", "u" → "you",
   "want 2" → "want to", "n" between words → "and");
3. a word one edit away from a crisis word (two for long words), and not itself an English word
   that happens to be that close ("homeless", "overdone", "lethargic" are left alone), is read as
   that crisis word. The distance is optimal string alignment, so a swapped pair of letters
   ("suicdie") is one edit. The crisis words include the everyday words the signals are made of
   ("anymoer", "evrything"); a four-letter one is read from a swapped pair only ("cnat", "wnat"), a
   five-letter one also with a letter dropped ("ftal", "txic").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from suppwise.regex_gate import WordGated

__all__ = ["CRISIS_WORDS", "DROPPED", "SWAPPED", "fold", "slips_allowed", "strip_accents", "transpositions"]

# Words worth correcting a typo towards: misspelling them must not hide a crisis. Short words
# ("die", "dead", "kms") are matched exactly; a one-letter slip in them is too often another word.
# Since the thirteenth round also the everyday words crisis phrases are built of ("can't do this
# anymoer", "evrything is pointless", "how much would finsh it", "tired of lving").
CRISIS_WORDS = frozenset(
    """
    suicide suicides suicidal suicidality overdose overdosed overdoses overdosing lethal fatal deadly
    hopeless hopelessness worthless pointless stockpile stockpiled stockpiling stockpiles hoarding
    myself himself herself themselves yourself goodbye burden disappear selfharm
    anymore everything everyone everybody anything nothing forever finish without going living alive
    toxic think point enough heart future final message given surviving worth tether scared might pills whole
    beyond kills another being vodka goodbyes
    """.split()
)

# English words within reach of a crisis word that mean something else: every word of a large
# English word list (Debian's wamerican-large) that is that close, less archaic spellings.
# tests/test_crisis.py re-derives it when that list is installed.
NOT_TYPOS = frozenset(
    """
    borden burdens deafly dearly disappeared disappears fatah fayal fetal natal ratal goodby goodbyes
    goodbys boarding harding hoardings hording homeless haplessness homelessness shapelessness letha
    overdoes overdone overjoyed overused overcomes overdress overtones overuses overcoming overdoing
    overjoying overusing countless jointless jointress painless pintles pointers pointiest pointlessly
    taintless stockily suicidally mirthless toothless wordless worthies worthiest worthiness
    worthlessly ourself
    alice alike aline clive olive anythings doing goings goring finfish finis finnish diving giving hiving jiving
    laving liking liming lining livings loving riving wiving northing noshing notching nothings noting
    tonic topic toxics toxin chink thank thick thine thing thinks thins thunk twink joint paint points pointy print
    heard hears hearst hearth hearts hearty herat peart futures suture binal finale finals finial massage messaged
    messages messuage givens giver gives liven riven servicing shriving striving surmising surveying forth north
    worthy wroth aether ether nether tethers tetter tither tother wether cared sacred scaled scare scares scarfed
    scarped scarred scored seared shared snared soared spared stared bight dight eight fight hight light mights
    mighty night right sight tight wight bills dills fills gills hills mills palls piles polls pulls rills sills
    spills tills wills dhole thole whale while wholes whore whose whsle kilns kilos kilts skills anther beings
    bering bling boeing bring vodkas deicide subside sulfide subsides sulfides
    """.split()
)

_CONTRACTIONS: tuple[tuple[str, str], ...] = (
    (r"\b(can ?not|cant|can t)\b", "can not"),
    (r"\b(won ?t|wont)\b", "will not"),
    (r"\b(don ?t|dont)\b", "do not"),
    (r"\b(doesn ?t|doesnt)\b", "does not"),
    (r"\b(didn ?t|didnt)\b", "did not"),
    (r"\b(isn ?t|isnt)\b", "is not"),
    (r"\b(wouldn ?t|wouldnt)\b", "would not"),
    (r"\b(couldn ?t|couldnt)\b", "could not"),
    (r"\b(shouldn ?t|shouldnt)\b", "should not"),
    (r"\b(haven ?t|havent)\b", "have not"),
    (r"\b(wasn ?t|wasnt)\b", "was not"),
    (r"\b(aren ?t|arent)\b", "are not"),
    (r"\b(weren ?t|werent)\b", "were not"),
    (r"\b(hasn ?t|hasnt)\b", "has not"),
    (r"\b(hadn ?t|hadnt)\b", "had not"),
    (r"\b(i m|im)\b", "i am"),
    (r"\b(i ve|ive)\b", "i have"),
    (r"\b(i d)\b", "i would"),
    (r"\b(i ll)\b", "i will"),
    (r"\b(it s|its)\b", "it is"),
    (r"\b(that s|thats)\b", "that is"),
    (r"\b(what s|whats|wats|wots)\b", "what is"),
    (r"\b(there s|theres)\b", "there is"),
    (r"\b(he s)\b", "he is"),
    (r"\b(she s)\b", "she is"),
    (r"\b(they d|theyd)\b", "they would"),
    (r"\b(you d|youd)\b", "you would"),
    (r"\b(we d)\b", "we would"),
    (r"\b(they re|theyre)\b", "they are"),
    (r"\b(you re|youre)\b", "you are"),
    (r"\b(wanna|wana|wan na)\b", "want to"),
    (r"\b(gonna|gona|gunna|gon na)\b", "going to"),
    (r"\b(ima|imma|i ma|ima gonna)\b", "i am going to"),
    (r"\b(he d)\b", "he would"),
    (r"\b(she d)\b", "she would"),
    (r"\b(he ll)\b", "he will"),
    (r"\b(she ll)\b", "she will"),
    (r"\b(they ll)\b", "they will"),
    (r"\b(you ll|youll)\b", "you will"),
    (r"\b(we ll)\b", "we will"),
    # a dropped final g ("killin", "thinkin", "dyin")
    (
        r"\b(kill|think|cutt|hurt|end|dy|tak|feel|go|want|try|plann|sleep|wak|liv|start|harm|overdos|noth|someth|"
        r"everyth|anyth|do|gett|sav|hoard|stockpil|hang|jump|bleed|starv|writ|say|giv|los|fall|wait)in\b",
        r"\1ing",
    ),
    (r"\b(gotta)\b", "got to"),
    # seventh round: vowel-less text-speak of the words crisis messages are made of ("i cnt do ths anymre",
    # "wholl notice", "evry1 wud b better off", "i jst wnt to sleep n nvr wake up")
    (r"\b(cnt|cannt|carnt|cn t)\b", "can not"),
    (r"\b(dnt|dont t)\b", "do not"),
    (r"\b(ths)\b", "this"),
    (r"\b(anymre|anymor|anymoe|anymroe|anymo|nemore|enymore|anymore2)\b", "anymore"),
    (r"\b(wholl|who ll)\b", "who will"),
    (r"\b(whod|who d)\b", "who would"),
    (r"\b(hes)\b", "he is"),
    (r"\b(shes)\b", "she is"),
    (r"\b(wud|wld|woud|wuld|whould|woudl|wolud)\b", "would"),
    (r"\b(beter|bettr|bettter|btr)\b", "better"),
    (r"\b(cud|cld)\b", "could"),
    (r"\b(shud|shld)\b", "should"),
    (r"\b(wnt|wnna|wnt2)\b", "want"),
    (r"\b(nvr|nevr|neva)\b", "never"),
    (r"\b(evr)\b", "ever"),
    (r"\b(evry|evrey|evey)\b", "every"),
    (r"\b(evry1|evryone|evryl)\b", "everyone"),
    (r"\b(tk|tke)\b", "take"),
    (r"\b(wat|wut|wot)\b", "what"),
    (r"\b(idk|dunno)\b", "i do not know"),
    (r"\b(abt)\b", "about"),
    (r"\b(ppl|ppls)\b", "people"),
    (r"\b(lyf|lyfe)\b", "life"),
    (r"\b(livng|lving|livinf)\b", "living"),
    (r"\b(tird|tierd|tyred)\b", "tired"),
    (r"\b(ded)\b", "dead"),
    (r"\b(forevr|4ever|foreva)\b", "forever"),
    (r"\b(nobdy|nobody1)\b", "nobody"),
    (r"\b(famly|fam)\b", "family"),
    (r"\b(w o|wo)\b(?= (me|him|her)\b)", "without"),
    (r"\bbetter of\b(?= (without|dead|gone|if|when|not)\b)", "better off"),
    (r"\b(every body)\b", "everybody"),
    (r"\b(would|could|should|will|to|not|never) b\b", r"\1 be"),
    # voice-to-text slips: "overdose" heard as "over those", "alive" as "a life", spoken punctuation
    (r"\bover (those|dose|doze|does|dosed|dosing)\b(?= (on|with|and|tonight|again)\b)", "overdose"),
    (r"\bover dosed\b", "overdosed"),
    (r"\b(sue a side|sue aside|sewer side)\b", "suicide"),
    (r"\b(be|being|stay|staying) a life\b(?= (anymore|any more|now|tomorrow|much longer)\b|$)", r"\1 alive"),
    (r"\b(question mark|exclamation mark|exclamation point|full stop|comma)\b", " "),
    (r"\bperiod$", " "),
    (r"\b(u)\b", "you"),
    (r"\b(ur)\b", "your"),
    (r"\b(r)\b", "are"),
    (r"\b(jus|jst)\b", "just"),
    (r"\b(pls|plz)\b", "please"),
    (r"\b(cos|cuz|coz|bc)\b", "because"),
    (r"\b(tmrw|tmr|2moro|2morrow)\b", "tomorrow"),
    (r"\b(2nite|tonite)\b", "tonight"),
    (r"\b(b4)\b", "before"),
    (r"\b(no1|noone)\b", "no one"),
    (r"\b(every1)\b", "everyone"),
    (r"\b(some1)\b", "someone"),
    (r"\b(any1)\b", "anyone"),
    (r"\b(my self)\b", "myself"),
    (r"\b(self harm|self harms|self harming|self harmed|selfharms|selfharming|selfharmed)\b", "selfharm"),
    # "2" and "4" as words between words: "want 2 sleep", "nothing 4 me" (not "2 capsules")
    (r"\b(want|wants|wanted|going|need|needs|have|got|like|ready|trying|try|tries|tried|plans|planning|time|how|way|"
     r"able) 2 (?=[a-z])", r"\1 to "),
    (r"(?<=[a-z]) 4 (?=(me|you|him|her|us|them|my|the|a)\b)", " for "),
    # "n" between two words is "and" ("sleep n never wake up")
    (r"(?<=[a-z])(?<!\bje)(?<!\btu)(?<!\bil)(?<!\bon)(?<!\bne) n (?=[a-z])", " and "),
)
_COMPILED_CONTRACTIONS = tuple((re.compile(p), r) for p, r in _CONTRACTIONS)
# Each contraction run only where its opening word stands (suppwise.regex_gate): the text is folded
# again until nothing changes, and each pass ran all of them over it. Indexed after 300 texts.
_CONTRACTION_GATE = WordGated([pattern for pattern, _ in _COMPILED_CONTRACTIONS], index_after=300)


def _contraction(index: int, text: str) -> str:
    pattern, replacement = _COMPILED_CONTRACTIONS[index]
    return pattern.sub(replacement, text)
# A word is letters and digits, and in the Indic, Thai, Lao and Myanmar scripts also their vowel signs,
# which are marks rather than letters: without them "मरना" fell apart into "मरन" and "ा".
_WORD = re.compile(r"(?:[^\W_]|[\u0900-\u0963\u0966-\u0DFF\u0E00-\u0EFF\u1000-\u109F])+", re.UNICODE)


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def strip_accents(text: str) -> str:
    if text.isascii():  # nothing to decompose, nothing combining: the text as it is, without a loop per character
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# In a fixed order, so that a slip equally close to two crisis words ("suicider": "suicide", "suicides") is
# read the same way in every process: iterating the frozenset followed the string hash seed, and the
# model rebuilt by a test differed from the one the script wrote.
_TARGETS = tuple(sorted(CRISIS_WORDS))


# Four-letter words of crisis phrases typed with two letters swapped ("i cnat do this", "i wnat to die",
# "cant go on liek this"): too short for the edit-distance reading above (a one-letter slip of a four-letter
# word is too often another word), but a swapped pair of them is no English word (`_SWAP_WORDS` excepted;
# tests/test_crisis_thirteenth.py checks it against the word list). Each is read as the word it slips from,
# contractions spelled out as the table above spells them.
_SHORT_WORDS = {
    "cant": "can not", "dont": "do not", "wont": "will not", "want": "want", "wake": "wake", "life": "life",
    "dead": "dead", "kill": "kill", "hate": "hate", "like": "like", "done": "done", "over": "over",
    "self": "self", "hope": "hope", "rope": "rope", "face": "face", "this": "this", "live": "live", "lost": "lost",
    "arms": "arms",
}  # fmt: skip
_SWAP_WORDS = frozenset({"lief", "lots", "rams"})


def transpositions(word: str) -> set[str]:
    """`word` with each pair of neighbouring letters swapped (itself excepted)."""
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)} - {word}


SWAPPED = {
    swapped: meant
    for word, meant in _SHORT_WORDS.items()
    for swapped in sorted(transpositions(word))
    if swapped not in _SWAP_WORDS
}


# A five-letter crisis word typed with a letter dropped ("how much is ftal", "a txic amount", "i tink about death"):
# four letters, below the edit-distance reading, read as the word unless it is an English word itself (listed here,
# checked against the word list by tests/test_crisis_thirteenth.py: "wort" stays St John's, "hart" a deer).
_DROPPED_ENGLISH = frozenset("beng give gong hart hear heat hole ills kill live orth pill pint thin wort".split())
DROPPED = {
    target[:i] + target[i + 1 :]: target
    for target in sorted((w for w in CRISIS_WORDS if len(w) == 5), reverse=True)
    for i in range(len(target))
    if target[:i] + target[i + 1 :] not in _DROPPED_ENGLISH
}

# The word that matters most is typed in many ways ("siuside", "scuidal"): two slips for it, as for long words.
_TWO_SLIPS = frozenset({"suicide", "suicidal", "suicides"})


def slips_allowed(target: str) -> int:
    """How many edits a typed word may be from the crisis word `target` and still be read as it."""
    return 2 if len(target) >= 9 or target in _TWO_SLIPS else 1


@lru_cache(maxsize=4096)
def _corrected(word: str) -> str:
    """The crisis word `word` is a slip of, or `word` itself."""
    if word in SWAPPED:
        return SWAPPED[word]
    if word in DROPPED:
        return DROPPED[word]
    if len(word) < 5 or word in CRISIS_WORDS or word in NOT_TYPOS or not word.isascii():
        return word
    # every crisis word within two edits at once (rapidfuzz's loop in C: the word list grew in the thirteenth round,
    # and a Python loop over it tripled the cost of a word never seen before); then the closest one the word's
    # length and the target's own allowance admit, the first in `_TARGETS` order on a tie
    hits = process.extract(word, _TARGETS, scorer=OSA.distance, score_cutoff=2, limit=None)
    close = [
        (distance, index)
        for target, distance, index in hits
        if abs(len(target) - len(word)) <= 2 and distance <= slips_allowed(target)
    ]
    return _TARGETS[min(close)[1]] if close else word


# ME, the condition (myalgic encephalomyelitis), typed in capitals where it is named: "ME/CFS", "diagnosed with
# ME", "got ME and fibro". Lower-cased it was the word "me", and the model had learnt "me" from what people in crisis
# write ("a support group for ME/CFS" was read as possible risk, thirteenth round). Never in a message typed in
# capitals ("PLEASE HELP ME"): the word before it must not be in capitals. Never after "for", "of" or "from",
# where an emphatic "ME" is the person ("there is nothing left for ME.", "whats the point of ME.").
_ME_CONDITION = re.compile(
    r"(?<![\w'’])ME(?=\s*/\s*(?:CFS|cfs)\b|\s+CFS\b)"
    r"|(?<![\w'’])(?P<before>(?:(?:diagnosed|living|people|patients|those|anyone|someone|adults|children|kids|person|"
    r"others|women|men|sufferers) with|have|has|had|got) )ME(?=\s*$|\s*[,.!?;:)]|\s+(?:and|or|since|for|"
    r"so|but|too|in|who|like|last|after|when|at|years|months|fatigue|symptoms|patients|sufferers|flares?|crash\w*|"
    r"fibro|fibromyalgia|diagnosis)\b)"
)


def _condition_me(text: str) -> str:
    """`text` with ME the condition written out (`_ME_CONDITION`)."""
    if "ME" not in text:
        return text

    def named(found: re.Match[str]) -> str:
        kept = found.group("before") or ""
        before = (text[: found.start()] + kept).split()
        typed_in_capitals = bool(before) and before[-1].isupper() and len(before[-1]) > 1
        return found.group(0) if typed_in_capitals else kept + "myalgic encephalomyelitis"

    return _ME_CONDITION.sub(named, text)


def fold(text: str) -> str:
    """One spelling of what the person wrote, for the crisis signals to read."""
    text = _condition_me(text)
    lowered = strip_accents(text.lower().replace("’", "'").replace("‘", "'")).lower()
    lowered = re.sub(r"\bod ?'? ?(?:d|ed)\b", "overdosed", lowered)  # "OD'd", "od ed"
    lowered = lowered.replace("'", " ")
    # a thousands comma joins one number ("10,000 IU" is ten thousand, not "10" and "000": a count of
    # twenty or more pills, read beside "takes", thirteenth round)
    if "," in lowered:
        lowered = _THOUSANDS.sub("", lowered)
    words = " ".join(_WORD.findall(lowered))
    for _ in range(10):  # until nothing changes: "u re" becomes "you re", then "you are"
        before = words
        words = _CONTRACTION_GATE.run(words, _contraction)
        if words == before:
            break
    return " ".join(_corrected(w) for w in words.split())
