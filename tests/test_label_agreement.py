"""The two-labeller agreement figures (docs/question-corpus.md, "Agreement between two labellers")
are re-derived from the committed second labels, the corpus and the classified disagreements, so the
figures the guide quotes cannot drift from the files behind them.

When a corpus label changes on purpose (a class (a) item relabelled, a stale label brought up to date),
run `tools/label_agreement.py --write`, reclassify in docs/agreement/disagreements_2026_12_04.yaml and
update the guide's figures; never edit a second label to agree."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from suppwise.questions.corpus_levels import expected_lead_level
from suppwise.questions.parse import Intent
from suppwise.safety.populations import POPULATION_CUES
from suppwise.services.answers import evidence_base

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "question-corpus.md"


@pytest.fixture(scope="module")
def agreement() -> Iterator[ModuleType]:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import label_agreement  # type: ignore[import-not-found]

        yield label_agreement
    finally:
        sys.path.pop(0)


def test_recorded_figures_are_what_the_files_give(agreement: ModuleType) -> None:
    recorded = json.loads(agreement.FIGURES.read_text(encoding="utf-8"))
    assert agreement.recorded_figures() == recorded


def test_every_disagreement_is_classified_once(agreement: ModuleType) -> None:
    by_part = agreement.pairs_by_part()
    rows = agreement.disagreements([pair for pairs in by_part.values() for pair in pairs])
    classified = agreement.load_items(agreement.CLASSIFIED)
    assert agreement.classification_problems(rows, classified) == []


def test_the_guide_quotes_the_recorded_intent_figure(agreement: ModuleType) -> None:
    recorded = json.loads(agreement.FIGURES.read_text(encoding="utf-8"))
    everything = recorded["agreement"]["all"]
    quoted = f"{everything['intent']['agree']}/{everything['items']}"
    assert quoted in GUIDE.read_text(encoding="utf-8")


def test_second_labels_follow_the_corpus_schema(agreement: ModuleType) -> None:
    """The second labels obey the same schema as the corpus, and their lead levels follow the base
    the same way, so a disagreement is a reading, never a malformed label."""
    base = evidence_base()
    intents = {intent.value for intent in Intent}
    populations = set(POPULATION_CUES)
    for item in agreement.load_items(agreement.SECOND):
        assert "text" not in item, f"{item['id']}: the second labels carry no text"
        assert item["intent"] in intents, item["id"]
        assert item["entities"] == sorted(set(item["entities"])), item["id"]
        assert all(entity in base.entities for entity in item["entities"]), item["id"]
        assert set(item["population"]) <= populations, item["id"]
        assert not (item["hard_negative"] and item["crisis"]), item["id"]
        assert (item["lead_level"] == "crisis") == item["crisis"], item["id"]
        derived = expected_lead_level(base, item["entities"], item["population"])
        if not item["crisis"] and derived is not None:
            assert item["lead_level"] == derived, item["id"]


def test_kappa_discounts_chance_agreement(agreement: ModuleType) -> None:
    """A textbook case: 70 % observed agreement where chance alone gives 50 % is kappa 0.4."""
    pairs = [("yes", "yes")] * 20 + [("yes", "no")] * 5 + [("no", "yes")] * 10 + [("no", "no")] * 15
    assert agreement.cohen_kappa(pairs) == pytest.approx(0.4)
    assert agreement.cohen_kappa([("x", "x")] * 3) is None
