"""A table of word rewrites (pattern, replacement) applied in order, each only where it may match.

Why: the voices table (Portuguese, Italian, text-speak) and the question-word table (Spanish,
Polish, French, German) are some seventy substitutions run over every question in turn, and each
scans the whole text though nearly none matches: a question in English holds none of their
opening words. `suppwise.regex_gate.WordGated` runs only the patterns whose opening word (or the
start of it) and required strings the text holds, and after a rewrite reads the new text again,
so the text comes out as the plain loop gives it (tests/test_word_tables.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from suppwise.regex_gate import WordGated


class WordTable:
    """`(pattern, replacement)` pairs applied in turn, as `for p, r in pairs: text = p.sub(r, text)`."""

    def __init__(self, pairs: Sequence[tuple[re.Pattern[str], str]], *, index_after: int = 300) -> None:
        """`index_after`: texts read with every pattern before the index is made (making it parses the
        patterns again, which one `suppwise ask` would pay for nothing)."""
        self.pairs = tuple(pairs)
        self._gate = WordGated([pattern for pattern, _ in self.pairs], index_after=index_after)

    def apply(self, text: str) -> str:
        pairs = self.pairs

        def step(index: int, current: str) -> str:
            pattern, replacement = pairs[index]
            return pattern.sub(replacement, current)

        return self._gate.run(text, step)
