#!/usr/bin/env python3
"""How often a question typed differently is read differently (docs/question-understanding.md,
"Typed differently, read the same").

Over every tuned part's items that suppwise reads fully right today (intent, entities, population,
crisis flag and lead level all as labelled), each rewrite of `suppwise.questions.retypings` is
applied and the question read again; the table counts, per rewrite, how often the intent, the
entities, the crisis flag or the lead level changed. Only tuned parts are read (the frozen parts and
the selection set never are), so `--examples` may print the items behind a break.

    python tools/invariance_report.py                # every tuned item (~3 min)
    python tools/invariance_report.py --quick        # every tenth item (~20 s)
    python tools/invariance_report.py --examples 5   # and up to 5 breaks per rewrite, with both readings
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from suppwise.evidence import bundled_data_dir, load_evidence  # noqa: E402
from suppwise.evidence.base import EvidenceBase  # noqa: E402
from suppwise.questions.accuracy import PARTS, TUNED, Item, Prediction, load_items, predict  # noqa: E402
from suppwise.questions.retypings import RETYPINGS, Retyping, retyped  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
MEASURES = ("intent", "entities", "crisis", "lead_level")


@dataclass
class Breaks:
    """One rewrite's tally: questions it applied to, and how many changed on each measure."""

    retyping: Retyping
    applied: int = 0
    changed: dict[str, int] = field(default_factory=lambda: dict.fromkeys((*MEASURES, "any"), 0))
    examples: list[tuple[str, str, Prediction, Prediction]] = field(default_factory=list)


def changes(before: Prediction, after: Prediction) -> list[str]:
    """The measures on which two readings of one question differ."""
    return [m for m in MEASURES if getattr(before, m) != getattr(after, m)]


def fully_right(item: Item, got: Prediction) -> bool:
    return (
        got.intent == item.intent
        and got.entities == item.entities
        and got.population == item.population
        and got.crisis == item.crisis
        and got.lead_level == item.lead_level
    )


def tuned_items(*, every: int = 1) -> list[Item]:
    """The tuned parts' items (every `every`-th of them, for a quick run)."""
    items = [item for part in TUNED for name in PARTS[part] for item in load_items(CORPUS / name)]
    return items[::every]


def break_counts(
    base: EvidenceBase, items: Sequence[Item], retypings: Sequence[Retyping] = RETYPINGS, *, keep: int = 0
) -> tuple[int, list[Breaks]]:
    """The number of items read fully right, and per rewrite how often it changed their reading
    (`keep` examples of each kept)."""
    tallies = [Breaks(r) for r in retypings]
    right = 0
    for item in items:
        before = predict(base, item.text)
        if not fully_right(item, before):
            continue
        right += 1
        for tally in tallies:
            text = retyped(tally.retyping, item.text, crisis=item.crisis)
            if text is None:
                continue
            tally.applied += 1
            after = predict(base, text)
            changed = changes(before, after)
            for measure in changed:
                tally.changed[measure] += 1
            if changed:
                tally.changed["any"] += 1
                if len(tally.examples) < keep:
                    tally.examples.append((item.id, text, before, after))
    return right, tallies


def _pct(count: int, total: int) -> str:
    return f"{100 * count / total:5.1f}% ({count})" if total else "—"


def report(right: int, tallies: Sequence[Breaks]) -> str:
    header = ["rewrite", "applied", *MEASURES, "any"]
    rows = [
        [t.retyping.name, str(t.applied), *(_pct(t.changed[m], t.applied) for m in (*MEASURES, "any"))] for t in tallies
    ]
    applied = sum(t.applied for t in tallies)
    rows.append(
        ["all rewrites", str(applied), *(_pct(sum(t.changed[m] for t in tallies), applied) for m in (*MEASURES, "any"))]
    )
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(header, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines.extend(" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows)
    return f"items read fully right: {right}\n\n" + "\n".join(lines)


def _show(prediction: Prediction) -> str:
    return f"{prediction.intent} {sorted(prediction.entities)} crisis={prediction.crisis} lead={prediction.lead_level}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="every tenth tuned item only")
    parser.add_argument("--examples", type=int, default=0, help="breaks to print per rewrite")
    args = parser.parse_args(argv)
    base = load_evidence(bundled_data_dir())
    right, tallies = break_counts(base, tuned_items(every=10 if args.quick else 1), keep=args.examples)
    print(report(right, tallies))
    for tally in tallies:
        for item_id, text, before, after in tally.examples:
            print(f"\n[{tally.retyping.name}] {item_id}: {text!r}\n  was {_show(before)}\n  now {_show(after)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
