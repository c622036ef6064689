"""A question as typed, brought to one way of typing it before anything reads it.

Why: people ask the same thing in different hands: "Q: what is saffron", "quick q: what is saffron",
"hi all, what is saffron", "what is saffron thanks in advance x". The rules were written on whole
questions ("what is X" at the start and the end of a question is a definition), and the learned
crisis reader had learnt words such as "honestly" or "hi all" from the messages it was trained on,
so a greeting or a filler moved a reading that the question's words had not (tools/
invariance_report.py counts it; docs/question-understanding.md, "Typed differently, read the same").

`plain_typing` is called once, at the start of `parse`, before the crisis reading. It changes only
the typing, never a word's spelling (misspelt words are the near-name and typo readers' business)
and never a name:

- runs of spaces and tabs become one space, blank lines one line break;
- a leading label ("Q:", "Question -", "quick q:"), a greeting ("hi all,", "hey everyone") and an
  opening filler ("honestly,", "tbh", "just wondering,") are set aside, as are a closing sign-off
  ("thanks in advance", "tia", "cheers", a lower-case "x": a capital X is a name, "condition X") or
  filler ("tbh", "pls", "lol") before or after the final question mark; never where nothing would be
  left;
- contractions typed without their apostrophe take it back ("dont" → "don't", "whats" →
  "what's"), where the word has no other reading ("ill", "its", "were", "id" keep theirs);
- "u" and "ur" are read as "you" and "your"; "&" and "+" between words as "and".
"""

from __future__ import annotations

import re

from suppwise.questions.word_pattern import whole_words

__all__ = ["plain_typing"]

_SPACES = re.compile(r"[\t\u00a0][ \t\u00a0]*| [ \t\u00a0]+")
_LINE_BREAKS = re.compile(r" ?\n[\s]*")

_STOP = r"(?:[\s,.!:;\-–—]+)"
_OPENERS = re.compile(
    r"(?i)^("
    # a label before the question
    r"(q|qn|question)\s*[:\-–—.)]+\s*|quick (q|qn|question)\b" + _STOP + r"|"
    # a greeting, alone or to the group
    r"(hi|hello|hey|hiya|heya|good (morning|afternoon|evening))( there| all| everyone| everybody| guys| folks"
    r"| team| all of you| y'?all)?" + _STOP + r"|"
    # an opening filler
    r"(honestly|tbh|to be honest|genuinely)\b" + _STOP + r"|"
    r"(just wondering|just curious|genuine question|random question|serious question)\s*([,:\-–—]|\.\.\.)\s*"
    r")"
)
_LONGEST_CLOSER = 48  # characters: "thank you so much in advance everyone" and the space before it
_MARKS = re.compile(r"[\s?!.]*$")
_CLOSERS = re.compile(
    r"(?i)(\s*[,.\-–—]?\s+|^)("
    r"(many |thanks so much |thank you so much )?(thanks|thank you|thx|ty|cheers)( so much| a lot)?( in advance)?"
    r"( all| everyone| guys| folks)?|tia|lol|lmao|haha+|tbh|pls|plz|please|honestly"
    r")$"
    r"|(?<=[^\W\d_]|[?!.)])\s+(?-i:x{1,3}|X{2,3})$"  # kisses; a lone capital X is a name ("condition X")
)

# Contractions typed without their apostrophe, where the bare word is no other word.
_APOSTROPHES = {
    word.replace("'", ""): word
    for word in (
        "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "can't", "couldn't", "wouldn't",
        "shouldn't", "haven't", "hasn't", "won't", "i'm", "i've", "you're", "they're", "what's", "that's",
        "there's", "where's", "how's", "who's", "he's", "she's",
    )
}  # fmt: skip
# Each in lower case, with a capital and in capitals ("IM" alone excepted: an intramuscular injection).
_APOSTROPHE_LESS = re.compile(
    r"(?<![\w'’])("
    + "|".join(f"{w}|{w.capitalize()}|{w.upper()}" if w != "im" else f"{w}|{w.capitalize()}" for w in _APOSTROPHES)
    + r")(?![\w'’])"
)
# "what's" is "what is": the folding every reader uses drops "'s" as a possessive ("what's the LD50"
# read as "what the LD50"), so the question word's verb is written out, with or without its apostrophe.
_IS = re.compile(r"(?i)(?<![\w'’])(what|there|where|how|who|here)(['’]s|s)(?![\w'’])")
_YOU = whole_words(r"u|ur|U|Ur|UR")
# capitals kept: a message typed in capitals stays one, where "ME" and "HE" are not names
_YOURS = {"u": "you", "ur": "your", "U": "YOU", "Ur": "Your", "UR": "YOUR"}
_AMPERSAND = re.compile(r"(?<=[\w,])(\s+&\s*|\s*&\s+)(?=\w)")
# "St John's wort + tablets": a plus between words joins two things, as "and" does; dropped as
# punctuation it let a name run on into the next ("St John's wort tablets"). Spaced, it joins a name
# that starts with a digit too ("SAMe + 5-HTP").
_PLUS = re.compile(r"(?<=[\w,])\s*\+\s*(?=[^\W\d_])|(?<=[\w,])\s+\+\s+(?=\d)")


def plain_typing(text: str) -> str:
    """`text` typed the one way the readers expect (module docstring). A pure function of the text."""
    text = _SPACES.sub(" ", text)
    text = (_LINE_BREAKS.sub("\n", text) if "\n" in text else text).strip()
    text = _set_aside_openers(text)
    text = _set_aside_closers(text)
    text = _APOSTROPHE_LESS.sub(lambda m: _with_apostrophe(m.group(0)), text)
    text = _IS.sub(lambda m: m.group(1) + (" IS" if m.group(0).isupper() else " is"), text)
    text = _YOU.sub(lambda m: _YOURS[m.group(0)], text)
    if "&" in text:
        text = _AMPERSAND.sub(lambda m: _and(text, m), text)
    return _PLUS.sub(lambda m: _and(text, m), text) if "+" in text else text


def _and(text: str, joined: re.Match[str]) -> str:
    """ "and" for a "&" or "+", in capitals where the word before it is (a message typed in capitals
    stays one)."""
    before = [word for word in text[: joined.start()].split() if any(c.isalpha() for c in word)]
    return " AND " if before and before[-1].isupper() else " and "


def _set_aside_openers(text: str) -> str:
    while (found := _OPENERS.match(text)) and found.end() < len(text) and re.search(r"\w", text[found.end() :]):
        text = text[found.end() :]
    return text


# The last words a sign-off or a closing filler can end on: the closers' pattern is searched only
# where the question's last word is one of them (most questions end on a word of their own).
_CLOSING_WORDS = frozenset(
    "thanks thank you thx ty cheers advance all everyone guys folks much lot tia lol lmao tbh pls plz please "
    "honestly".split()
) | {"x" * kisses for kisses in (1, 2, 3)}


def _set_aside_closers(text: str) -> str:
    while True:
        last = text.rstrip(" \n?!.").rsplit(None, 1)[-1:] or [""]
        if last[0].lower() not in _CLOSING_WORDS and not last[0].lower().startswith("haha"):
            return text
        marks = _MARKS.search(text)
        end = marks.start() if marks else len(text)
        found = _CLOSERS.search(text, max(0, end - _LONGEST_CLOSER), end)
        if found is None or not re.search(r"\w", text[: found.start()]):
            return text
        kept = text[: found.start()].rstrip(" ,-–—")
        text = kept + _question_mark(kept, text[end:])


def _question_mark(kept: str, marks: str) -> str:
    """The closing marks to keep after a sign-off is set aside: a question mark stays where the question
    had one, before or after its sign-off ("is it safe? thanks" and "is it safe thanks?" alike)."""
    if "?" in marks:
        return "?" * min(marks.count("?"), 2)
    return "" if kept.endswith(("?", "!", ".")) else marks.strip()


def _with_apostrophe(word: str) -> str:
    plain = _APOSTROPHES[word.lower()]
    if word.isupper() and len(word) > 1:
        return plain.upper()
    return plain.capitalize() if word[:1].isupper() else plain
