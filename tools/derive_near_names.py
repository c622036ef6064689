#!/usr/bin/env python3
"""Derive `suppwise.questions.near_names.NEAR_NAMES`: English words a typo match would take for a name.

A typo match reads a word one slip away from a name as that name, which is right for "magnesum" and
wrong for "lactose" (lactulose, a medicine with an avoid record), "confusion" (convulsion, read as
a seizure disorder), "overnight" (overweight) or "program" (Prograf). Those are correctly spelt
English words that mean themselves. This script lists every word of Debian's `wamerican-large` word
list that the parser's typo matchers, or the profile recogniser's, would read as a name, less the
words that are a form of that same name ("depressing" and "depression", "cognitive" and "cognition":
one stem, each with an everyday suffix; `near_names.same_stem`).

    python tools/derive_near_names.py           # rewrite the list in src/suppwise/questions/near_names.py
    python tools/derive_near_names.py --check   # exit 1 when the shipped list differs (the base grew)

Run it again whenever the evidence base gains names; tests/test_near_names.py checks it is current
when the word list is installed (`tools/debian-packages --test` installs it).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import numpy as np  # noqa: E402
from rapidfuzz import fuzz, process  # noqa: E402

from suppwise.evidence import bundled_data_dir, load_evidence  # noqa: E402
from suppwise.evidence.base import EvidenceBase  # noqa: E402
from suppwise.questions import near_names  # noqa: E402
from suppwise.questions.vocabulary import (  # noqa: E402
    MIN_FUZZY_CHARS,
    STOPWORDS,
    closest_key,
    closest_name_word,
    lexicon_for,
)
from suppwise.safety.recognise import TYPO_CUTOFF, USEFUL_KINDS, closest_entity  # noqa: E402

PREFILTER = 70.0  # below every matcher's own cutoff: a word no key reaches this closely is reached by none
CHUNK = 4000
ANY_LETTER = TYPO_CUTOFF  # the profile recogniser needs no shared first letter, only its ratio

MODULE = ROOT / "src" / "suppwise" / "questions" / "near_names.py"
WORDS = Path("/usr/share/dict/american-english-large")
BEGIN, END = "# --- derived list: begin ---", "# --- derived list: end ---"


def chunk_initials(words: list[str]) -> np.ndarray:
    return np.array([ord(w[0]) for w in words])


def derive(base: EvidenceBase, dictionary: list[str]) -> frozenset[str]:
    """The dictionary's lower-case words that some typo matcher reads as a name they are not a form of."""
    lexicon = lexicon_for(base)
    words = sorted({w for w in dictionary if w.isalpha() and w.islower() and len(w) >= MIN_FUZZY_CHARS})
    words = [w for w in words if w not in STOPWORDS and lexicon.forms.get(w, w) not in lexicon.phrases]
    words = [w for w in words if lexicon.forms.get(w, w) not in lexicon.not_names]
    targets = sorted({*lexicon.keys, *lexicon.words})
    initials = np.array([ord(t[0]) for t in targets])
    reached: list[str] = []
    for start in range(0, len(words), CHUNK):
        chunk = words[start : start + CHUNK]
        scores = process.cdist(chunk, targets, scorer=fuzz.ratio, score_cutoff=PREFILTER, workers=-1)
        # the parser's matchers need the same first letter; the profile recogniser only its ratio cutoff
        near = (scores >= ANY_LETTER) | ((scores > 0) & (chunk_initials(chunk)[:, None] == initials[None, :]))
        reached.extend(w for w, row in zip(chunk, near, strict=True) if row.any())
    by_entity: dict[str, list[str]] = {}
    for phrase, entity_id in lexicon.phrases.items():
        by_entity.setdefault(entity_id, []).append(phrase)
    found: set[str] = set()
    for word in reached:
        folded = lexicon.forms.get(word, word)
        # what each matcher would read the word as; it is a near name when any of them reads it as a
        # name it is not a form of (each matcher runs on its own, so one wrong reading is enough)
        readings: list[list[str]] = []
        if (key := closest_key(lexicon, folded)) is not None:
            readings.append([key[0]])
        if (slip := closest_name_word(lexicon, folded)) is not None:
            readings.append([slip])
        if (entity := closest_entity(base, [word], USEFUL_KINDS)) is not None:
            readings.append(by_entity.get(entity, []))
        if any(not any(near_names.same_stem(w, n) for w in (word, folded) for n in names) for names in readings):
            found.add(word)
    return frozenset(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped list, write nothing")
    args = parser.parse_args()
    if not WORDS.exists():
        print(f"{WORDS} is missing: install Debian's wamerican-large", file=sys.stderr)
        return 2
    derived = derive(load_evidence(bundled_data_dir()), WORDS.read_text(encoding="utf-8").split())
    if args.check:
        extra, missing = near_names.NEAR_NAMES - derived, derived - near_names.NEAR_NAMES
        print(f"{len(derived)} words derived; shipped list has {len(extra)} more and {len(missing)} fewer")
        return 1 if extra or missing else 0
    text = MODULE.read_text(encoding="utf-8")
    lines, line = [], "    "
    for word in sorted(derived):
        if len(line) + len(word) + 1 > 116:
            lines.append(line.rstrip())
            line = "    "
        line += word + " "
    lines.append(line.rstrip())
    body = f'{BEGIN}\nNEAR_NAMES = frozenset(\n    """\n' + "\n".join(lines) + f'\n    """.split()\n)\n{END}'
    MODULE.write_text(
        re.sub(rf"{re.escape(BEGIN)}.*?{re.escape(END)}", lambda _m: body, text, flags=re.S), encoding="utf-8"
    )
    print(f"{len(derived)} words written to {MODULE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
