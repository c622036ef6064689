#!/usr/bin/env python3
"""Split each fresh labelled set into a fresh-dev half and a frozen fresh-holdout half.

The fresh sets (issue 12, second round) were written by people who never saw the parser's rules or
the rest of the corpus, to measure whether question understanding generalises to new phrasings.
Each set is split once, before any parser is run over it and before its items are read:

- **fresh-dev** (`questions_fresh_{a,…,m}_dev.yaml`): may be read, tuned on, and have clear mislabels
  corrected (each correction documented in docs/question-corpus.md);
- **fresh-holdout** (`questions_fresh_{a,…,m}_holdout.yaml`): frozen like the test part. Never read,
  printed or grepped; only aggregate scores are looked at. Their SHA-256 hashes are added to
  `tests/corpus/FROZEN.sha256` (sha256sum's format, one line per frozen file).

The split is stratified exactly like `tools/split_corpus.py`: items grouped by (crisis,
hard_negative, intent), each group shuffled with its own seeded `random.Random` and cut in half, an
odd item going to the half that is smaller so far (the dev half on a tie). The combined file is
deleted afterwards, so that the holdout items are held in one place only; the split depends only on
the items in id order, so `--check` re-derives it from the two halves.

    python tools/split_fresh.py            # split every questions_fresh_X.yaml present, record hashes
    python tools/split_fresh.py e          # split only set e (its combined file must exist)
    python tools/split_fresh.py --check    # every set's halves are exactly what the split gives

Sets a and b were split on 2026-12-15, set c (written after the base grew) later, sets d, e, f and g
on 2026-12-03, sets h and i on 2026-12-04, sets j, k and l on 2026-12-05 and set m on 2026-12-06, each with
the same seed, so a set split later cannot change an earlier one's halves.

Nothing here prints an item: only counts.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from split_corpus import Item, dump, read, split

SEED = 20261215
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
FROZEN = CORPUS / "FROZEN.sha256"
SETS = ("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m")
HEADERS = {
    "dev": (
        "# Fresh labelled set {name}, FRESH-DEV half: written independently of the parser; read it, tune on it,\n"
        "# correct clear mislabels (documented in docs/question-corpus.md). Made by tools/split_fresh.py.\n"
    ),
    "holdout": (
        "# Fresh labelled set {name}, FRESH-HOLDOUT half: frozen (tests/corpus/FROZEN.sha256). Never read, print\n"
        "# or grep its items, never tune on it; only aggregate scores. Made by tools/split_fresh.py.\n"
    ),
}


def halves(name: str) -> tuple[Path, Path]:
    return CORPUS / f"questions_fresh_{name}_dev.yaml", CORPUS / f"questions_fresh_{name}_holdout.yaml"


def _counts(items: list[Item]) -> str:
    kinds = Counter("crisis" if i["crisis"] else "hard negative" if i["hard_negative"] else "ordinary" for i in items)
    return ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))


def _record_hashes(paths: list[Path]) -> None:
    lines = [line for line in FROZEN.read_text(encoding="utf-8").splitlines() if line.strip()]
    names = {str(p.relative_to(ROOT)) for p in paths}
    kept = [line for line in lines if line.split()[-1] not in names]
    kept += [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(ROOT)}" for p in paths]
    FROZEN.write_text("\n".join(kept) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="verify that the halves are what the split gives")
    parser.add_argument("sets", nargs="*", metavar="SET", help=f"sets to split (default: every unsplit one), of {SETS}")
    args = parser.parse_args(argv)
    if odd := [name for name in args.sets if name not in SETS]:
        parser.error(f"unknown set(s) {', '.join(odd)}; the sets are {', '.join(SETS)}")
    if args.check:
        ok = True
        for name in SETS:
            dev_path, hold_path = halves(name)
            dev, hold = read(dev_path), read(hold_path)
            again_dev, again_hold = split(dev + hold, SEED)
            same = [i["id"] for i in again_dev] == [i["id"] for i in dev] and [i["id"] for i in again_hold] == [
                i["id"] for i in hold
            ]
            print(f"fresh set {name}: " + ("the split reproduces both halves" if same else "the halves differ"))
            ok = ok and same
        return 0 if ok else 1
    names = args.sets or [name for name in SETS if (CORPUS / f"questions_fresh_{name}.yaml").exists()]
    if missing := [name for name in names if not (CORPUS / f"questions_fresh_{name}.yaml").exists()]:
        parser.error(f"no combined file for set(s) {', '.join(missing)}: already split? (use --check)")
    if split_already := [name for name in names if any(path.exists() for path in halves(name))]:
        parser.error(f"set(s) {', '.join(split_already)} already have halves; a frozen half is never rewritten")
    if not names:
        parser.error("no combined questions_fresh_X.yaml to split; every set is split already (use --check)")
    frozen: list[Path] = []
    for name in names:
        source = CORPUS / f"questions_fresh_{name}.yaml"
        items = read(source)
        dev, hold = split(items, SEED)
        dev_path, hold_path = halves(name)
        dev_path.write_text(dump(dev, HEADERS["dev"].format(name=name)), encoding="utf-8")
        hold_path.write_text(dump(hold, HEADERS["holdout"].format(name=name)), encoding="utf-8")
        source.unlink()
        frozen.append(hold_path)
        print(
            f"fresh set {name}: {len(items)} items -> dev {len(dev)} ({_counts(dev)}), "
            f"holdout {len(hold)} ({_counts(hold)})"
        )
    _record_hashes(frozen)
    print(f"holdout hashes recorded in {FROZEN.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
