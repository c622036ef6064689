#!/usr/bin/env python3
"""Derive `suppwise/questions/data/english_words.tsv.gz`: the English words the spelling layer knows.

The spelling layer (`suppwise.questions.spelling`) corrects a word of a question only when it is not an
English word, and corrects it to the most frequent English word one slip away. Two things are needed at
run time, where neither Debian's word list nor any network is available:

- **which words are English**: every word of Debian's `wamerican-large` and `wbritish-large` (lower-case words,
  with proper nouns lower-cased and contractions written without their apostrophe, "dont", "youre", as
  people type them); a word it holds is never changed;
- **how common each is**: the count SymSpell's English frequency dictionary gives it (MIT licence,
  shipped inside symspellpy as `frequency_dictionary_en_82_765.txt`), 0 when it has none or is only a
  proper noun. Only a word with a count is ever a correction, so an obscure word or a place never
  replaces a slip of a common one.

    python tools/derive_english_words.py           # rewrite the shipped file
    python tools/derive_english_words.py --check   # exit 1 when the shipped file differs

Needs the word lists (`tools/debian-packages --test`) and symspellpy (`pip install -e '.[reference]'`).
tests/test_spelling.py checks the shipped file is current whenever both are installed.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.resources
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "suppwise" / "questions" / "data" / "english_words.tsv.gz"
# American and British spellings alike: people write "mums", "colour", "paediatric" as often as the others
WORDS = (Path("/usr/share/dict/american-english-large"), Path("/usr/share/dict/british-english-large"))


def frequencies() -> dict[str, int]:
    path = importlib.resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    counts: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition(" ")
        if word and count.isdigit():
            counts[word] = int(count)
    return counts


def derive(dictionary: list[str], counts: dict[str, int]) -> str:
    """One `word<TAB>count` line per English word, sorted."""
    words: set[str] = set()
    common: set[str] = set()
    for entry in dictionary:
        folded = entry.lower().replace("'", "")
        if folded.isascii() and folded.isalpha():
            words.add(folded)
            if entry.islower():
                common.add(folded)
    # a proper noun ("Cupar", "Pecos") is known, so never corrected, but is never a correction either
    return "".join(f"{w}\t{counts.get(w, 0) if w in common else 0}\n" for w in sorted(words))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="compare with the shipped file, write nothing")
    args = parser.parse_args()
    missing = [str(path) for path in WORDS if not path.exists()]
    if missing:
        print(f"{', '.join(missing)} missing: install Debian's wamerican-large and wbritish-large", file=sys.stderr)
        return 2
    text = derive([w for path in WORDS for w in path.read_text(encoding="utf-8").split()], frequencies())
    if args.check:
        shipped = gzip.decompress(TARGET.read_bytes()).decode("utf-8") if TARGET.exists() else ""
        print("current" if shipped == text else "the shipped list differs: run tools/derive_english_words.py")
        return 0 if shipped == text else 1
    TARGET.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{text.count(chr(10))} words written to {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
