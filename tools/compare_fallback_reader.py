"""The learned reader on the rules' `effect` fallback only: the fourteenth round's declared rule
(docs/question-understanding.md, "Fourteenth round"), applied to the shipped `intent.bin`.

For each candidate threshold the questions whose intent is right (as `suppwise ask` answers,
`questions.accuracy.predict`) are counted on the selection part (fresh-g-dev) and on each readable
part, against the rules alone. For the selection part the changed items are listed by id and
intents only, never by text. The last line is the decision on the figures (the question tests are
the rule's third condition, run separately).

Run::

    .venv/bin/python tools/compare_fallback_reader.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import suppwise.questions.learned_intent as learned_intent
from suppwise.questions.accuracy import PARTS, TUNED, Item, load_items, predict
from suppwise.services import evidence_base

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
CANDIDATES = (0.5, 0.6, 0.7, 0.8, 0.9)
OFF = 1.01
SELECTION = "fresh-g-dev"


def intents(items: list[Item], threshold: float) -> dict[str, str]:
    """Each item's intent as answered with the fallback reader at `threshold`."""
    base = evidence_base()
    learned_intent.FALLBACK_THRESHOLD = threshold
    try:
        return {item.id: str(predict(base, item.text).intent) for item in items}
    finally:
        learned_intent.FALLBACK_THRESHOLD = OFF


def main() -> int:
    parts = {name: [i for f in PARTS[name] for i in load_items(CORPUS / f)] for name in (SELECTION, *TUNED)}
    rules = {name: intents(items, OFF) for name, items in parts.items()}

    def right(name: str, read: dict[str, str]) -> int:
        return sum(read[i.id] == i.intent for i in parts[name])

    print(f"{'reading':<16}" + "".join(f"{n:>14}" for n in parts))
    print(f"{'rules alone':<16}" + "".join(f"{right(n, rules[n]):>14}" for n in parts))
    results: dict[float, tuple[int, int]] = {}
    changed: dict[float, list[str]] = {}
    for t in CANDIDATES:
        read = {name: intents(items, t) for name, items in parts.items()}
        gains = {n: right(n, read[n]) - right(n, rules[n]) for n in parts}
        print(f"{f't = {t:g}':<16}" + "".join(f"{right(n, read[n]):>10} {gains[n]:+d}" for n in parts), flush=True)
        results[t] = (gains[SELECTION], min(gains[n] for n in TUNED))
        labels = {i.id: i.intent for i in parts[SELECTION]}
        changed[t] = [f"{i}: {rules[SELECTION][i]} -> {read[SELECTION][i]} (label {labels[i]})"
                      for i in labels if read[SELECTION][i] != rules[SELECTION][i]]
    for t in CANDIDATES:
        print(f"t = {t:g}, {SELECTION} changed: " + ("; ".join(changed[t]) or "none"))
    best = max(CANDIDATES, key=lambda t: (results[t][0], t))
    net, worst = results[best]
    verdict = "adopt if every question test passes" if net >= 3 and worst >= -1 else "keep off"
    print(f"decision on the figures: best t = {best:g}, net {net:+d} on {SELECTION}, worst readable part "
          f"{worst:+d}: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
