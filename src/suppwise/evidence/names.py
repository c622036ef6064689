"""How names are compared: one folding shared by the validator (which rejects a name that two
entities share) and the question parser (which looks names up), so what the validator lets
through can never collide silently in the lexicon."""

from __future__ import annotations

import re
import unicodedata


def normalise(text: str) -> str:
    """Lower case, letters and digits only, single spaces: the form all matching is done in."""
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = re.sub(r"'s\b", "", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


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
