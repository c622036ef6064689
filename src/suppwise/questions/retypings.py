"""The same question typed differently: meaning-preserving rewrites of a question's text.

Why: rules written from the readable misses stopped transferring to questions written by new
people, who differ from the readable writers less in *what* they ask than in *how they type it*.
Each rewrite here changes only the typing (case, punctuation, apostrophes, contractions, a greeting,
a filler word, "u" for "you", "&" for "and", British or American spelling, spacing, a leading
"Q:"), never a name and never a spelling mistake, so a parser that reads a question right must read
every rewrite of it the same way (`tools/invariance_report.py` counts where it does not,
`tests/test_question_invariance.py` holds it as a property; docs/question-understanding.md,
"Typed differently, read the same").

Every rewrite is a pure, deterministic function of the text; it returns the text unchanged where
it does not apply (a question with no "and" has no "&" form), and the callers skip those.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from suppwise.questions.common_words import COMMON_WORDS
from suppwise.questions.word_pattern import word_regex

__all__ = ["RETYPINGS", "Retyping", "retyped"]


@dataclass(frozen=True)
class Retyping:
    """One way of typing a question differently. `light` rewrites (a joking "lol") are not applied to
    a message that signals self-harm risk, whose tone they would not fit."""

    name: str
    rewrite: Callable[[str], str]
    light: bool = False


def _case_kept(change: Callable[[str], str]) -> Callable[[str], str]:
    """A change of case, for a question with no name whose capitals are its spelling: an everyday
    word written with capitals inside it ("SAMe", "ME", "HE") is another word in any other case, and in
    a message typed all in capitals no capital sets a name apart, so such a question has no other case."""

    def rewrite(text: str) -> str:
        return text if any(_names_by_case(word) for word in text.split()) else change(text)

    return rewrite


def _names_by_case(word: str) -> bool:
    letters = re.sub(r"[^\w]", "", word)
    return len(letters) > 1 and any(c.isupper() for c in letters[1:]) and letters.lower() in COMMON_WORDS


_END = re.compile(r"[\s?!.]*$")


def _no_question_mark(text: str) -> str:
    return re.sub(r"\?+(\s*)$", r"\1", text).rstrip()


def _double_question_mark(text: str) -> str:
    return re.sub(r"\?+\s*$", "??", text) if text.rstrip().endswith("?") else text


def _exclamations(text: str) -> str:
    return _END.sub("", text) + "!!"


# Contractions with their apostrophe, the way they are typed without it and in full. "'d" and "he's"
# are left alone: "I'd" is "I had" or "I would", "he's" "he is" or "he has".
_CONTRACTIONS: dict[str, str] = {
    "can't": "cannot",
    "won't": "will not",
    "don't": "do not",
    "doesn't": "does not",
    "didn't": "did not",
    "isn't": "is not",
    "aren't": "are not",
    "wasn't": "was not",
    "weren't": "were not",
    "shouldn't": "should not",
    "wouldn't": "would not",
    "couldn't": "could not",
    "haven't": "have not",
    "hasn't": "has not",
    "i'm": "I am",
    "i've": "I have",
    "i'll": "I will",
    "you're": "you are",
    "you've": "you have",
    "we're": "we are",
    "they're": "they are",
    "it's": "it is",
    "what's": "what is",
    "that's": "that is",
    "there's": "there is",
    "how's": "how is",
    "where's": "where is",
    "who's": "who is",
}
_CONTRACTION = re.compile(
    r"(?<![\w'’])(" + "|".join(re.escape(c).replace("'", "['’]") for c in _CONTRACTIONS) + r")(?![\w'’])",
    re.IGNORECASE,
)


def _key(found: str) -> str:
    return found.lower().replace("’", "'")


def _with_case_of(found: str, replacement: str) -> str:
    if found.isupper() and len(found) > 3:
        return replacement.upper()
    if found[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement if replacement.startswith("I ") else replacement.lower()


def _apostrophes_dropped(text: str) -> str:
    return _CONTRACTION.sub(lambda m: m.group(0).replace("'", "").replace("’", ""), text)


def _contractions_expanded(text: str) -> str:
    return _CONTRACTION.sub(lambda m: _with_case_of(m.group(0), _CONTRACTIONS[_key(m.group(0))]), text)


def _before(opening: str) -> Callable[[str], str]:
    def rewrite(text: str) -> str:
        return opening + text.lstrip()

    return rewrite


def _after(closing: str) -> Callable[[str], str]:
    def rewrite(text: str) -> str:
        return text.rstrip() + closing

    return rewrite


def _before_the_mark(word: str) -> Callable[[str], str]:
    """A filler put at the end of the question, before its final question mark."""

    def rewrite(text: str) -> str:
        body = text.rstrip()
        end = len(body) - len(body.rstrip("?!."))
        return body[: len(body) - end] + word + body[len(body) - end :]

    return rewrite


def _words(mapping: dict[str, str]) -> Callable[[str], str]:
    pattern = word_regex("|".join(map(re.escape, mapping)), re.IGNORECASE)

    def rewrite(text: str) -> str:
        def swap(found: re.Match[str]) -> str:
            word = found.group(0)
            new = mapping[word.lower()]
            if word.isupper() and len(word) > 1:
                return new.upper()
            return new[:1].upper() + new[1:] if word[:1].isupper() else new

        return pattern.sub(swap, text)

    return rewrite


# British spellings of words people use in questions about health, with the American ones; only
# spelling, never a different word ("mum"/"mom", "paracetamol"/"acetaminophen" are names or dialect).
_BRITISH_AMERICAN: dict[str, str] = {
    "anaemia": "anemia",
    "anaemic": "anemic",
    "haemoglobin": "hemoglobin",
    "haemorrhage": "hemorrhage",
    "haemorrhoids": "hemorrhoids",
    "leukaemia": "leukemia",
    "oestrogen": "estrogen",
    "oesophagus": "esophagus",
    "oedema": "edema",
    "diarrhoea": "diarrhea",
    "paediatric": "pediatric",
    "paediatrician": "pediatrician",
    "gynaecologist": "gynecologist",
    "coeliac": "celiac",
    "foetus": "fetus",
    "caesarean": "cesarean",
    "anaesthetic": "anesthetic",
    "anaesthesia": "anesthesia",
    "ischaemic": "ischemic",
    "orthopaedic": "orthopedic",
    "behaviour": "behavior",
    "behaviours": "behaviors",
    "behavioural": "behavioral",
    "colour": "color",
    "flavour": "flavor",
    "flavoured": "flavored",
    "tumour": "tumor",
    "tumours": "tumors",
    "labour": "labor",
    "humour": "humor",
    "favourite": "favorite",
    "fibre": "fiber",
    "centre": "center",
    "litre": "liter",
    "litres": "liters",
    "millilitre": "milliliter",
    "ageing": "aging",
    "yoghurt": "yogurt",
    "sulphate": "sulfate",
    "sulphur": "sulfur",
    "aluminium": "aluminum",
    "mould": "mold",
    "grey": "gray",
    "programme": "program",
    "sceptical": "skeptical",
    "recognise": "recognize",
    "recognised": "recognized",
    "realise": "realize",
    "minimise": "minimize",
    "maximise": "maximize",
    "optimise": "optimize",
    "metabolise": "metabolize",
    "metabolised": "metabolized",
    "stabilise": "stabilize",
    "normalise": "normalize",
    "sensitise": "sensitize",
    "sensitisation": "sensitization",
    "sensitised": "sensitized",
    "organise": "organize",
    "prioritise": "prioritize",
    "specialised": "specialized",
    "hospitalised": "hospitalized",
    "apologise": "apologize",
    "tranquilliser": "tranquilizer",
    "tranquillisers": "tranquilizers",
    "travelling": "traveling",
    "dialyse": "dialyze",
}
_AMERICAN_BRITISH = {american: british for british, american in _BRITISH_AMERICAN.items()}


def _extra_spaces(text: str) -> str:
    return "  " + re.sub(r" ", "  ", text.strip()) + " \n"


def _line_break(text: str) -> str:
    """A line break where the writer pressed enter: after the first comma or sentence end, else after
    the third word."""
    found = re.search(r"[,.;:!?](?=\s+\S)", text)
    if found:
        return text[: found.end()] + "\n" + text[found.end() :].lstrip()
    words = text.split(" ")
    return " ".join(words[:3]) + "\n" + " ".join(words[3:]) if len(words) > 4 else text


RETYPINGS: tuple[Retyping, ...] = (
    Retyping("lower case", _case_kept(str.lower)),
    Retyping("ALL CAPS", _case_kept(str.upper)),
    Retyping("no final ?", _no_question_mark),
    Retyping("?? at the end", _double_question_mark),
    Retyping("!! at the end", _exclamations),
    Retyping("apostrophes dropped", _apostrophes_dropped),
    Retyping("contractions expanded", _contractions_expanded),
    Retyping("greeting 'hi all,'", _before("hi all, ")),
    Retyping("greeting 'quick q:'", _before("quick q: ")),
    Retyping("sign-off 'thanks in advance'", _after(" thanks in advance")),
    Retyping("sign-off 'x'", _after(" x")),
    Retyping("sign-off 'tia'", _after(" tia")),
    Retyping("filler 'tbh'", _before_the_mark(" tbh")),
    Retyping("filler 'honestly,'", _before("honestly, ")),
    Retyping("filler 'just wondering,'", _before("just wondering, ")),
    Retyping("filler 'pls'", _before_the_mark(" pls")),
    Retyping("filler 'lol'", _before_the_mark(" lol"), light=True),
    Retyping("u / ur", _words({"you": "u", "your": "ur"})),
    Retyping("and as &", _words({"and": "&"})),
    Retyping("and as +", _words({"and": "+"})),
    Retyping("British to American", _words(_BRITISH_AMERICAN)),
    Retyping("American to British", _words(_AMERICAN_BRITISH)),
    Retyping("extra spaces", _extra_spaces),
    Retyping("line break", _line_break),
    Retyping("leading 'Q:'", _before("Q: ")),
    Retyping("leading 'Question -'", _before("Question - ")),
)


def retyped(retyping: Retyping, text: str, *, crisis: bool = False) -> str | None:
    """`text` typed the other way, or None where the rewrite does not apply (it changes nothing, or it
    is a light one and the message signals risk)."""
    if retyping.light and crisis:
        return None
    out = retyping.rewrite(text)
    return None if out == text else out
