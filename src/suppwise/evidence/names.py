"""How names are compared: one folding shared by the validator (which rejects a name that two
entities share) and the question parser (which looks names up), so what the validator lets
through can never collide silently in the lexicon. And how a display name reads inside a sentence
(`mid_sentence`), shared by every sentence an answer or a verdict writes."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_POSSESSIVE = re.compile(r"'s\b")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=16384)
def normalise(text: str) -> str:
    """Lower case, letters and digits only, single spaces: the form all matching is done in.
    Memoised (a pure function of its text): an answer folds the same display names, and the same
    sentences of one question, many times over (several thousand calls per hundred questions)."""
    if text.isascii():  # nothing to decompose: NFKD and the accent filter would return it unchanged
        text = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = _POSSESSIVE.sub("", text)
    return _NOT_WORD.sub(" ", text).strip()


def variants(term: str) -> set[str]:
    """The forms under which a name is looked up: as written, singular/plural, without spaces."""
    base = normalise(term)
    out = {base}
    if base.endswith("s") and len(base) > 4:
        out.add(base[:-1])
    elif len(base) > 3:
        out.add(base + "s")
    out.add(base.replace(" ", ""))
    return {v for v in out if v}


# First words that are proper names even though the word after them is not ("Brazil nuts",
# "Swiss chard"); a proper name followed by another ("St John's wort") needs no entry.
_PROPER_FIRST_WORDS = frozenset({"Brazil", "Swiss"})


@lru_cache(maxsize=4096)  # display names recur in every answer: worded once each
def is_plural(name: str) -> bool:
    """ "Probiotics", "omega-3 fatty acids", "anxiety disorders": a last word ending in a plain -s
    (not -ss, -is, -us: "sarcoidosis", "stress"), so that the verb beside it agrees."""
    last = name.split()[-1].lower() if name.split() else ""
    return last.endswith("s") and not last.endswith(("ss", "is", "us"))


def mid_sentence(name: str) -> str:
    """A display name as it reads mid-sentence: only a common noun's first capital drops ("Nausea"
    reads "nausea", "Vitamin D" "vitamin D"). Acronyms, codes and proper names keep their own
    capitals ("SAMe", "5-HTP", "GI upset", "SSRIs", "H2 blockers", "B vitamins", "L-methylfolate",
    "St John's wort", "Brazil nuts"), and so does everything after the first letter ("A small rise in
    LDL cholesterol" reads "a small rise in LDL cholesterol")."""
    words = name.split()
    if not words:
        return name
    first, following = words[0], words[1] if len(words) > 1 else ""
    # A lone capital is a code ("B vitamins"), except the article "A" ("A small rise in ...").
    code = first not in ("A", "An") and (
        len(first) == 1 or first[1] == "-" or first[1].isdigit() or any(ch.isupper() for ch in first[1:])
    )
    proper = first in _PROPER_FIRST_WORDS or (following[:1].isupper() and any(ch.islower() for ch in following))
    return name if code or proper else name[:1].lower() + name[1:]
