#!/usr/bin/env python3
"""Split the labelled question corpus into a development part and a frozen test part.

How the corpus was made (docs/question-corpus.md): every item was written and labelled in one
combined list, `tests/corpus/questions_all.yaml`, before anything was run against the parser. This
script then split that list once and the combined file was deleted; the two parts together hold
exactly its items, so nothing was lost.

The split is stratified: items are grouped by (crisis, hard_negative, intent), each group is shuffled
with `random.Random(20261202)` and cut in half, so both parts carry the same share of crisis items,
hard negatives and every intent. When a group has an odd number of items, the extra one goes to
the part that is smaller so far (the development part on a tie). The result depends only on the
items in id order, so the split can be re-derived from the two parts themselves:

    python tools/split_corpus.py --check     # the parts are exactly what the split gives
    python tools/split_corpus.py SOURCE      # split a combined file (writes both parts)

`--check` holds for the parts as frozen; labels corrected later in the development part may move
an item between groups, after which it no longer applies (the frozen hash still does).
After writing the test part, record its hash: `sha256sum tests/corpus/questions_test.yaml >
tests/corpus/FROZEN.sha256`.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

SEED = 20261202
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
DEV = CORPUS / "questions_dev.yaml"
TEST = CORPUS / "questions_test.yaml"
HEADERS = {
    "dev": (
        "# Labelled question corpus, development part: look at it, correct its labels, build on it.\n"
        "# Labelling guide: docs/question-corpus.md. Made by tools/split_corpus.py.\n"
    ),
    "test": (
        "# Labelled question corpus, TEST part: frozen (tests/corpus/FROZEN.sha256). Never edit it, never\n"
        "# tune a parser on it, never look at what a parser gets wrong here. Guide: docs/question-corpus.md.\n"
    ),
}

Item = dict[str, Any]


def stratum(item: Item) -> tuple[bool, bool, str]:
    return (bool(item["crisis"]), bool(item["hard_negative"]), str(item["intent"]))


def split(items: list[Item], seed: int = SEED) -> tuple[list[Item], list[Item]]:
    """(development, test), each in id order."""
    ordered = sorted(items, key=lambda i: i["id"])
    groups: dict[tuple[bool, bool, str], list[Item]] = defaultdict(list)
    for item in ordered:
        groups[stratum(item)].append(item)
    rng = random.Random(seed)
    dev: list[Item] = []
    test: list[Item] = []
    for key in sorted(groups):
        group = groups[key]
        rng.shuffle(group)
        half = len(group) // 2
        extra = len(group) % 2
        to_dev = half + (extra if len(dev) <= len(test) else 0)
        dev.extend(group[:to_dev])
        test.extend(group[to_dev:])
    return sorted(dev, key=lambda i: i["id"]), sorted(test, key=lambda i: i["id"])


def read(path: Path) -> list[Item]:
    with path.open(encoding="utf-8") as fh:
        loaded = yaml.safe_load(fh)
    if not isinstance(loaded, list):
        raise SystemExit(f"{path}: expected a list of items")
    return loaded


def dump(items: list[Item], header: str) -> str:
    body = yaml.safe_dump(items, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=None)
    return header + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", type=Path, help="combined corpus file to split")
    parser.add_argument("--check", action="store_true", help="verify that the two parts are what the split gives")
    args = parser.parse_args(argv)
    if args.check:
        dev, test = read(DEV), read(TEST)
        again_dev, again_test = split(dev + test)
        ok = [i["id"] for i in again_dev] == [i["id"] for i in dev] and [i["id"] for i in again_test] == [
            i["id"] for i in test
        ]
        print("split reproduces the two parts" if ok else "the parts differ from what the split gives")
        return 0 if ok else 1
    if args.source is None:
        parser.error("give a combined corpus file, or --check")
    dev, test = split(read(args.source))
    DEV.write_text(dump(dev, HEADERS["dev"]), encoding="utf-8")
    TEST.write_text(dump(test, HEADERS["test"]), encoding="utf-8")
    print(f"{len(dev)} development items -> {DEV.relative_to(ROOT)}")
    print(f"{len(test)} test items -> {TEST.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
