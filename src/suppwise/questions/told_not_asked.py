"""Messages that tell and ask nothing: a diary line ("day 12 of saffron trial, mood 6/10", "week 3 on
the glutamine, pain 4 out of 10 today") and a newcomer's hello ("hi, new here, i have fibro and ibs",
"just joined, living with lupus") (issue 12 §3, intentB15 round).

Why: the guide labels a statement with no question `unknown` (docs/question-corpus.md, section 2),
and the answer to one should not be an effect verdict nobody asked for. Read word by word, such a
line was routed by what it names: a condition alone is the bare keyword rule's effect, a day count a
duration (dosing). Only lines that carry no sign of a question are read so: no question mark, no
question word opening a clause, no modal asking ("can I", "should she"), no "wondering" or "any
advice".

The text read is the predicate `intent.detect_intent` reads: lower case, named substances written
``zzsubstance``, punctuation gone; whether the message ended with "?" is told by the caller.
"""

from __future__ import annotations

from suppwise.questions.word_pattern import whole_words as _re

__all__ = ["tells_without_asking"]

# A diary line: a day or week count into taking something, or a score out of ten.
_DIARY = _re(
    r"^(day|days|week|wk|month) \d+ (of|on|into|in)|^(day|week) (one|two|three|four|five|six|seven|eight|nine|ten) "
    r"(of|on|into)|\d+ (out of|outta) 10|(mood|pain|sleep|energy|fatigue|anxiety|headache|gut|bloating|fog) (\w+ )?"
    r"\d+ 10\b"
)
# A newcomer saying hello.
_HELLO = _re(
    r"new here|new to (this|the) (group|forum|site|app)|just joined|just signed up|joined today|first post|first "
    r"time posting|long time lurker|been lurking"
)
# Any sign of a question: a question word opening the message or a clause, a modal or "is" asking, a request.
_ASKED = _re(
    r"(^|\band |\bbut |\bso )(what|whats|which|how|why|when|where|who|is|are|does|do|did|can|could|should|would|will|"
    r"may|might|any|anyone|anybody|has|have|was|were)\b|"
    r"(can|could|should|would|will|does|do|did|is|are|was|were|has|have) (i|you|it|this|that|zzsubstance|anyone|"
    r"anybody|we|he|she|they|my|there)\b|"
    r"wonder\w*|want to know|need to know|tell me|advice|advise|recommend\w*|suggest\w*|thoughts|ideas|tips|please|"
    r"help me|any good|worth|normal|ok$|okay$|safe|enough$"
)


def tells_without_asking(t: str, *, question_mark: bool) -> bool:
    """Whether `t` is a diary line or a newcomer's hello that asks nothing (guide: unknown)."""
    if question_mark:
        return False
    # a diary line holds a number or a day or week count: most questions are passed over without a search
    diary = (any(c.isdigit() for c in t) or "day " in t or "week " in t) and _DIARY.search(t) is not None
    if not diary and _HELLO.search(t) is None:
        return False
    return _ASKED.search(t) is None
