"""One way to compile the question rules' patterns: whole words only.

The rule modules (intent, families and the families split out of them) write their patterns as
plain alternations of words and phrases; each is matched only where it starts and ends on a word
boundary, so "od" never matches inside "food" and "mag" never inside "magnet"."""

from __future__ import annotations

import re

from suppwise.regex_gate import GatedPattern, SharedGate

# Every rule pattern behind one word gate: a question's words are looked up once, and a pattern
# whose opening word the question lacks is not searched (suppwise.regex_gate.SharedGate). Indexed
# once a process has read a few hundred questions (a server, a benchmark), never for one `ask`.
_GATE = SharedGate(index_after=300)


def whole_words(pattern: str) -> GatedPattern:
    """`pattern` compiled to match only as whole words (no word character just before or after), as
    a rule pattern behind the shared gate. For the rules' fixed patterns, made once at import: each
    call adds a pattern to the gate for the life of the process."""
    return _GATE.add(word_regex(pattern))


def word_regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` as whole words, not behind the gate: for a pattern built while answering (a word of
    the question) or one that needs flags, which the gate must not collect."""
    return re.compile(r"(?<![\w])(" + pattern + r")(?![\w])", flags)
