"""How well suppwise understands real questions, measured on the labelled corpus (issue 12).

Every part is scored and the figures printed per part and per intent (run with `-s` to see them):
the development part and our own extra questions (tuned on), the fresh-dev halves of the
independently written fresh sets (tuned on), their frozen fresh-holdout halves and the frozen test
part (never tuned on). Sets c to m, written after the base grew beyond glutamine, have their own
columns so that sets a and b stay comparable with earlier figures and the grown base is measured on
its own; fresh-d-dev and fresh-e-dev were released for rule tuning on 2026-12-04 (still left out of the
learned models' training), fresh-f-dev, fresh-g-dev, fresh-i-dev, fresh-h-dev and fresh-j-dev were
released later, and fresh-k-dev at stop 32; fresh-l-dev and fresh-m-dev are read but kept as selection sets,
not tuned on.
The targets are asserted on the frozen test part only. Failures report aggregate figures, never the
items behind them (docs/question-corpus.md).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from suppwise.evidence import EvidenceBase, bundled_data_dir, load_evidence
from suppwise.questions.accuracy import PARTS, Item, Scores, load_items, score, table

CORPUS = Path(__file__).parent / "corpus"

# Issue 12's targets on the frozen test part.
CRISIS_RECALL = 1.0
INTENT = 0.95
ENTITIES = 0.95
LEAD_LEVEL = 1.0


def part_items(part: str) -> list[Item]:
    return [item for name in PARTS[part] for item in load_items(CORPUS / name)]


@cache
def _scores(part: str) -> Scores:
    base: EvidenceBase = load_evidence(bundled_data_dir())
    return score(part, base, part_items(part))


def test_figures_are_printed_for_every_part(capsys: pytest.CaptureFixture[str]) -> None:
    figures = table([_scores(part) for part in PARTS])
    with capsys.disabled():
        print("\n" + figures)
    counts = [
        400, 4047, 340, 340, 217, 216, 120, 120, 124, 123, 141, 141, 130, 129, 140, 140, 150, 150, 150, 150, 150, 150,
        150, 150, 150, 150, 399,
    ]
    assert [_scores(part).items for part in PARTS] == counts


# Targets not reached yet are marked, strictly, so the marker must go the moment one is met.
_NOT_YET = pytest.mark.xfail(strict=True, reason="issue 12 target not reached yet")


@pytest.mark.parametrize(
    ("measure", "target"),
    [
        pytest.param("crisis_recall", CRISIS_RECALL, marks=_NOT_YET),
        pytest.param("intent", INTENT, marks=_NOT_YET),
        ("entities", ENTITIES),
        pytest.param("lead_level", LEAD_LEVEL, marks=_NOT_YET),
    ],
)
def test_targets_on_the_frozen_test_part(measure: str, target: float) -> None:
    tally = getattr(_scores("test"), measure)
    assert tally.rate is not None and tally.rate >= target, (
        f"{measure} on the test part is {tally.right}/{tally.total}; the target is {target:.0%}"
    )
