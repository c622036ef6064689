"""The question asked after a story: the part of a message the intent is read from when a story, a joke or
a statement told before the question holds words that would mislead the rules (issue 12 §3, intentx20).

The guide (docs/question-corpus.md, section 2) labels what the person asks, not the words around it: "a
question with a preamble has one question: label that", and a crisis message keeps the intent of the
question it asks. The rules read the whole message, so a death word in the story ("everyone dies at the
end of the show i watched", "the back pain won't kill me", "gg im dead lmao", "my thesis is killing me")
or a turn of topic ("anyway", "also", "totally unrelated") let the story's words pick the intent: a
question about whether melatonin helps sleep was read as safety, one about iron for tiredness as a
definition.

The question is read on its own when

- the message turns to it: a sentence boundary or a comma before it, and either a turn word first
  ("anyway", "also", "btw", "totally unrelated", "on another note") or a death or killing word in what
  came before (the words the crisis lexicon and its idioms share, which no intent rule should read from
  a story);
- what came before asks nothing (no question mark, no question word first), so a message with two
  questions keeps the guide's precedence ("is it safe? also how much" is read whole);
- the part after starts like a question ("can", "does", "is", "would", "what", "anything", ...).

Only which words are read changes: the entities, populations and the crisis flag are still read from the
whole message, so a child named in the story still makes its caution lead.
"""

from __future__ import annotations

import re

from suppwise.evidence.names import normalise

__all__ = ["question_after_a_story"]

_TURN = (
    r"(anyway|anyways|anyhow|also|btw|by the way|totally unrelated|unrelated|unrelated but|on another note|"
    r"on a different note|different question|random question|side note|changing the subject|moving on|but anyway|"
    r"so anyway|ok anyway|okay anyway)"
)
_OPENER = (
    r"(can|could|does|do|did|is|are|was|would|will|should|shall|what|whats|which|how|why|when|where|who|any|"
    r"anything|ok|okay|must|might|has|have|need)"
)
# A boundary and the question after it: a sentence's end, or a comma, then an optional turn word, then an
# opener. The turn word is kept apart so a boundary with it needs no death word before it.
_BOUNDARY = re.compile(r"(?:[.!?;:]+|,|\s[-–—]+)\s*(?:(?P<turn>" + _TURN + r")\b[\s,:]*)?(?P<ask>" + _OPENER + r")\b",
                       re.IGNORECASE)
# Death, killing and farewell words, the ones crisis idioms are made of ("killing me", "dead lmao", "the
# death of us", "won't kill me", "everyone dies", "poisoners", "saying goodbye to my back pain for good"):
# read in a story, they make the rules see a crisis's question or a cure. "For good" alone is no such word:
# "i want to get rid of ibs for good, would glutamine help" wishes for a cure in the story (cure).
_DEATH_WORD = re.compile(
    r"\b(die|dies|died|dying|dead|death|deaths|deadly|kill|kills|killed|killing|killer|poison\w*|murder\w*|"
    r"suicide|suicidal|goodbye|bye)\b"
)
# A question that points back into the story ("should i take it now", "is that normal") needs the story.
# "that" and "this" lean back as the question's subject or object ("is that normal", "take this now"), not as
# a relative word ("anything for stress thats safe to take").
_LEANS_BACK = re.compile(
    r"\b(it|its|them|they|those|these|then|there)\b|^(that|this)\b|"
    r"\b(is|was|would|will|does|did|do|take|have|try|use|give|about) (that|this)\b|"
    r"\b(that|this) (one|stuff|dose|amount)\b"
)
# A name in the rules' predicate: a supplement or a medicine the story told of.
_NAMED = re.compile(r"\bzz[a-z]+\b")
_ASKS = re.compile(r"^\s*" + _OPENER + r"\b", re.IGNORECASE)


def question_after_a_story(text: str, predicate: str) -> str | None:
    """The rules' predicate from the question asked after a story on, or None where the message is to be
    read whole. `text` is the message as asked (punctuation kept), `predicate` the same words as the rules
    read them (names written ``zzsubstance``, ``zzmedicine``, no punctuation)."""
    best: str | None = None
    for found in _BOUNDARY.finditer(text):
        before = text[: found.start()]
        if "?" in before or _ASKS.match(before) or not before.strip():
            break  # a question before it: two questions, read whole by the guide's precedence
        opener = found.group("ask").lower()
        asked = _the_same_place(predicate, opener, len(re.findall(rf"\b{opener}\b", normalise(before))))
        if asked is None:
            continue
        story = predicate[: len(predicate) - len(asked)]
        if not found.group("turn") and not (
            _DEATH_WORD.search(normalise(before)) and not _NAMED.search(story) and not _LEANS_BACK.search(asked)
            and len(asked.split()) >= 3
        ):
            # what is asked about told in the story ("i'd kill for a probiotic that..., any recs"), or a
            # question that points back into it ("my phone died so i missed my magnesium, should i take it
            # now"), or a bare request for options ("..., any ideas"): the story is part of the question
            continue
        best = asked
    return best


def _the_same_place(predicate: str, opener: str, earlier: int) -> str | None:
    """The predicate's words from the question's first word on, found as the same occurrence of that word
    the story had before it; None when the predicate lost it (the word was read into a name)."""
    places = [m.start() for m in re.finditer(rf"\b{re.escape(opener)}\b", predicate)]
    if len(places) <= earlier:
        return None
    return predicate[places[earlier]:]
