"""Misspelt cue words, measured without any frozen text: how often one slip leaves the reading unchanged.

Why this measure: the frozen test part is typed with typos, and rules written from readable misses
stopped transferring to it. A measure that needs no frozen text takes every item of the TUNED parts
(docs/question-corpus.md), injects one realistic slip into one word that is not a name, and counts
how often the reading a person sees (intent, entities, crisis flag, lead level, read from the answer
as `accuracy.predict` does) stays what it was on the clean text. The slip is deterministic (seeded by
the item's id): a deleted letter, two letters swapped, a doubled letter, or a neighbouring key on a
QWERTY keyboard, in a word of at least four letters that no entity mention covers and that is not a
number. A slip that happens to make another English word of the clean text's own parse is kept: a
person's slip does not care.

Selection rule for the spelling layer (`suppwise.questions.spelling`, issue 12 §2 and §5), declared
here before the layer was measured. The layer ships only when all of these hold against main:

1. fresh-h-dev (the selection part, read in aggregate only): intent right does not fall;
2. this benchmark: invariance (all four measures unchanged) rises by at least 5 percentage points;
3. no TUNED part reads more than one item worse on any measure of `bench_questions.py`;
4. crisis recall falls on no part;
5. `ask` p50 on the bench questions rises by at most 0.05 ms.

Run: ``.venv/bin/python benchmarks/bench_typos.py [--limit N]``.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import zlib
from collections.abc import Sequence
from pathlib import Path

from suppwise.errors import QuestionError
from suppwise.evidence.base import EvidenceBase
from suppwise.questions.accuracy import PARTS, TUNED, Item, Prediction, load_items, predict
from suppwise.questions.parse import parse
from suppwise.services import answers as services

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"
MIN_SLIP_CHARS = 4
MEASURES = ("intent", "entities", "crisis", "lead_level")
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_WORD = re.compile(r"[A-Za-z]+")


def _neighbours() -> dict[str, str]:
    """The letters beside each letter on a QWERTY keyboard (same row and the rows above and below)."""
    out: dict[str, str] = {}
    for r, row in enumerate(_KEYBOARD_ROWS):
        for c, letter in enumerate(row):
            near = [row[i] for i in (c - 1, c + 1) if 0 <= i < len(row)]
            for other in (r - 1, r + 1):
                if 0 <= other < len(_KEYBOARD_ROWS):
                    near += [_KEYBOARD_ROWS[other][i] for i in (c - 1, c, c + 1) if 0 <= i < len(_KEYBOARD_ROWS[other])]
            out[letter] = "".join(near)
    return out


NEIGHBOURS = _neighbours()


def slip(word: str, rng: random.Random) -> str:
    """One realistic slip in `word` (lower case letters): deletion, transposition, doubling or a
    neighbouring key. Never the first letter (people rarely miss it), never the word itself."""
    for _ in range(20):
        kind = rng.choice(("delete", "swap", "double", "neighbour"))
        i = rng.randrange(1, len(word))
        if kind == "delete":
            out = word[:i] + word[i + 1 :]
        elif kind == "swap" and i + 1 < len(word):
            out = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif kind == "double":
            out = word[: i + 1] + word[i] + word[i + 1 :]
        elif kind == "neighbour" and word[i] in NEIGHBOURS:
            out = word[:i] + rng.choice(NEIGHBOURS[word[i]]) + word[i + 1 :]
        else:
            continue
        if out != word:
            return out
    return word


def slipped_text(base: EvidenceBase, item: Item) -> str | None:
    """The item's text with one slip in one non-name word, or None when it has no such word."""
    try:
        query = parse(item.text, base, learned=False)
    except QuestionError:
        return None
    named = {w for m in query.mentions for w in query.normalised.split()[m.start : m.end]}
    candidates = [
        m for m in _WORD.finditer(item.text)
        if len(m.group(0)) >= MIN_SLIP_CHARS and m.group(0).islower() and m.group(0) not in named
    ]
    if not candidates:
        return None
    rng = random.Random(zlib.crc32(item.id.encode()))
    chosen = rng.choice(candidates)
    word = chosen.group(0)
    return item.text[: chosen.start()] + slip(word, rng) + item.text[chosen.end() :]


def _same(clean: Prediction, typed: Prediction) -> dict[str, bool]:
    return {
        "intent": clean.intent == typed.intent,
        "entities": clean.entities == typed.entities,
        "crisis": clean.crisis == typed.crisis,
        "lead_level": clean.lead_level == typed.lead_level,
    }


def run(limit: int | None = None) -> str:
    base = services.evidence_base()
    items = [item for part in TUNED for name in PARTS[part] for item in load_items(CORPUS / name)]
    if limit:
        items = items[:limit]
    counts = dict.fromkeys((*MEASURES, "all"), 0)
    crisis_kept = crisis_items = slipped = 0
    for item in items:
        typed = slipped_text(base, item)
        if typed is None:
            continue
        slipped += 1
        same = _same(predict(base, item.text), got := predict(base, typed))
        for key, ok in same.items():
            counts[key] += ok
        counts["all"] += all(same.values())
        if item.crisis:
            crisis_items += 1
            crisis_kept += got.crisis
    rows = [f"{'items with a slip':<34} {slipped} of {len(items)}"]
    rows += [f"{key + ' unchanged':<34} {100 * n / slipped:5.1f}% ({n}/{slipped})" for key, n in counts.items()]
    rows.append(f"{'crisis items still flagged':<34} {crisis_kept}/{crisis_items}")
    return "One slip in one non-name word, TUNED parts (benchmarks/bench_typos.py)\n\n" + "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--limit", type=int, default=None, help="only the first N items (a quick look)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as cache:
        os.environ["SUPPWISE_CACHE_DIR"] = cache
        print(run(args.limit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
