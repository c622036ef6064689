"""The labelled question corpus (docs/question-corpus.md): its test part is frozen, every item in
both parts is well formed against the bundled evidence base, and the corpus is as large and as
varied as issue 12 asks. How well a parser does on it is measured elsewhere, never here."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from suppwise.evidence import EvidenceBase
from suppwise.evidence.schema import EntityKind
from suppwise.questions.parse import MAX_QUESTION_CHARS, Intent
from suppwise.safety.cautions import interaction_level
from suppwise.safety.populations import POPULATION_CUES
from suppwise.services import evidence_base

CORPUS = Path(__file__).parent / "corpus"
DEV = CORPUS / "questions_dev.yaml"
TEST = CORPUS / "questions_test.yaml"
FROZEN = CORPUS / "FROZEN.sha256"

REQUIRED = ("id", "text", "intent", "entities", "population", "unknown_terms", "crisis", "hard_negative", "lead_level")
OPTIONAL = ("note",)
LEAD_LEVELS = ("crisis", "avoid", "caution", "none")
RANK = {"none": 0, "caution": 1, "avoid": 2}
# The population records the base holds for glutamine, by the population names the screen uses.
POPULATION_RECORDS = {
    "pregnancy": "Pregnancy",
    "breastfeeding": "Breastfeeding",
    "children": "Children and adolescents",
}

Item = dict[str, Any]


@cache
def _items(path: Path) -> tuple[Item, ...]:
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, list), f"{path.name}: expected a list of items"
    return tuple(loaded)


def _all() -> list[Item]:
    return [*_items(DEV), *_items(TEST)]


def _folded(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


@pytest.fixture(scope="module")
def base() -> EvidenceBase:
    return evidence_base()


def test_test_part_is_frozen() -> None:
    recorded = FROZEN.read_text(encoding="utf-8").split()[0]
    actual = hashlib.sha256(TEST.read_bytes()).hexdigest()
    assert actual == recorded, (
        "tests/corpus/questions_test.yaml changed after it was frozen; the test part is never edited or tuned on "
        "(docs/question-corpus.md, 'Freezing')"
    )


@pytest.mark.parametrize("path", [DEV, TEST], ids=["dev", "test"])
def test_every_item_is_well_formed(path: Path, base: EvidenceBase) -> None:
    intents = {i.value for i in Intent}
    problems: list[str] = []
    for item in _items(path):
        where = f"{path.name} {item.get('id', '?')}"
        keys = set(item)
        if missing := [k for k in REQUIRED if k not in keys]:
            problems.append(f"{where}: missing {missing}")
            continue
        if unknown := keys - set(REQUIRED) - set(OPTIONAL):
            problems.append(f"{where}: unknown keys {sorted(unknown)}")
        text = item["text"]
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_QUESTION_CHARS:
            problems.append(f"{where}: text must be 1-{MAX_QUESTION_CHARS} characters")
        if item["intent"] not in intents:
            problems.append(f"{where}: intent {item['intent']!r} is not an Intent")
        entities = item["entities"]
        if not isinstance(entities, list) or entities != sorted(set(entities)):
            problems.append(f"{where}: entities must be a sorted list without repeats")
        elif absent := [e for e in entities if e not in base.entities]:
            problems.append(f"{where}: entities not in the evidence base: {absent}")
        population = item["population"]
        if not isinstance(population, list) or population != sorted(set(population)):
            problems.append(f"{where}: population must be a sorted list without repeats")
        elif odd := [p for p in population if p not in POPULATION_CUES]:
            problems.append(f"{where}: populations {odd} are not among {sorted(POPULATION_CUES)}")
        terms = item["unknown_terms"]
        if not isinstance(terms, list) or not all(isinstance(t, str) and t.strip() for t in terms):
            problems.append(f"{where}: unknown_terms must be a list of words")
        if not isinstance(item["crisis"], bool) or not isinstance(item["hard_negative"], bool):
            problems.append(f"{where}: crisis and hard_negative are true or false")
        if item["crisis"] and item["hard_negative"]:
            problems.append(f"{where}: a hard negative is by definition not a crisis item")
        if item["lead_level"] not in LEAD_LEVELS:
            problems.append(f"{where}: lead_level {item['lead_level']!r} not in {LEAD_LEVELS}")
        elif (item["lead_level"] == "crisis") != item["crisis"]:
            problems.append(f"{where}: lead_level is 'crisis' exactly when crisis is true")
        if "note" in item and not (isinstance(item["note"], str) and item["note"].strip()):
            problems.append(f"{where}: a note, when present, is text")
    assert not problems, "\n".join(problems)


def test_ids_and_texts_are_unique_across_both_parts() -> None:
    ids = Counter(item["id"] for item in _all())
    texts = Counter(_folded(item["text"]) for item in _all())
    assert not [i for i, n in ids.items() if n > 1], "ids repeat"
    assert not [t for t, n in texts.items() if n > 1], "texts repeat"


def test_parts_share_no_text() -> None:
    dev = {_folded(item["text"]) for item in _items(DEV)}
    test = {_folded(item["text"]) for item in _items(TEST)}
    assert not dev & test


def test_corpus_is_large_enough() -> None:
    items = _all()
    assert len(items) >= 600
    assert sum(item["crisis"] for item in items) >= 150
    assert sum(item["hard_negative"] for item in items) >= 100


def test_both_parts_cover_every_intent_and_lead_level() -> None:
    for path in (DEV, TEST):
        intents = {item["intent"] for item in _items(path)}
        levels = {item["lead_level"] for item in _items(path)}
        assert intents == {i.value for i in Intent}, (path.name, sorted({i.value for i in Intent} - intents))
        assert levels == set(LEAD_LEVELS), (path.name, sorted(set(LEAD_LEVELS) - levels))


def _glutamine_level(base: EvidenceBase, item: Item) -> str:
    """The most severe level glutamine's safety records give the things an item names."""
    reached = {a for e in item["entities"] for a in base.ancestors(e)}
    levels = ["none"]
    levels += [r.level.value for r in base.for_substance(base.contraindications, "glutamine") if r.condition in reached]
    levels += [
        interaction_level(r.severity).value
        for r in base.for_substance(base.interactions, "glutamine")
        if r.drug in reached
    ]
    records = {p.population: p.level.value for p in base.for_substance(base.populations, "glutamine")}
    levels += [records[POPULATION_RECORDS[p]] for p in item["population"] if p in POPULATION_RECORDS]
    return max(levels, key=RANK.__getitem__)


def test_lead_levels_follow_the_evidence_base(base: EvidenceBase) -> None:
    """Lead levels are relative to the base's safety records (guide, 'lead_level'). Where the item names
    glutamine the level is derived from them; where it names only other substances there is none. When
    the records change, this fails: the corpus must then be relabelled (and the test part re-frozen, as a
    reviewed decision) rather than left to measure against a stale answer."""
    stale: list[str] = []
    for item in _all():
        if item["crisis"]:
            continue
        substances = [e for e in item["entities"] if base.entities[e].kind is EntityKind.SUBSTANCE]
        if "glutamine" in substances:
            expected = _glutamine_level(base, item)
        elif substances:
            expected = "none"
        else:
            continue  # no substance named: the guide's reading of the subject decides (see the item's note)
        if item["lead_level"] != expected:
            stale.append(f"{item['id']}: labelled {item['lead_level']}, the base gives {expected}")
    assert not stale, "\n".join(stale)
