"""One way to compile the question rules' patterns: whole words only.

The rule modules (intent, families and the families split out of them) write their patterns as
plain alternations of words and phrases; each is matched only where it starts and ends on a word
boundary, so "od" never matches inside "food" and "mag" never inside "magnet"."""

from __future__ import annotations

import re


def whole_words(pattern: str) -> re.Pattern[str]:
    """`pattern` compiled to match only as whole words (no word character just before or after)."""
    return re.compile(r"(?<![\w])(" + pattern + r")(?![\w])")
