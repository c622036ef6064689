"""The labelled question corpus (docs/question-corpus.md): its test part and the fresh sets' holdout
halves are frozen, every item in every part is well formed against the bundled evidence base, and
the corpus is as large and as varied as issue 12 asks. How well a parser does on it is measured
elsewhere, never here. Problems in a frozen part are reported as counts, never as items."""

from __future__ import annotations

import hashlib
import re
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from suppwise.evidence import EvidenceBase
from suppwise.questions.corpus_levels import expected_lead_level
from suppwise.questions.parse import MAX_QUESTION_CHARS, Intent
from suppwise.safety.populations import POPULATION_CUES
from suppwise.services.answers import evidence_base

CORPUS = Path(__file__).parent / "corpus"
DEV = CORPUS / "questions_dev.yaml"
TEST = CORPUS / "questions_test.yaml"
FROZEN = CORPUS / "FROZEN.sha256"
FRESH_SETS = ("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m")
FRESH_DEV = tuple(CORPUS / f"questions_fresh_{name}_dev.yaml" for name in FRESH_SETS)
FRESH_HOLDOUT = tuple(CORPUS / f"questions_fresh_{name}_holdout.yaml" for name in FRESH_SETS)
ROOT = CORPUS.parent.parent

REQUIRED = ("id", "text", "intent", "entities", "population", "unknown_terms", "crisis", "hard_negative", "lead_level")
OPTIONAL = ("note",)
LEAD_LEVELS = ("crisis", "avoid", "caution", "none")
Item = dict[str, Any]


@cache
def _items(path: Path) -> tuple[Item, ...]:
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, list), f"{path.name}: expected a list of items"
    return tuple(loaded)


def _all() -> list[Item]:
    return [item for path in (DEV, TEST, *FRESH_DEV, *FRESH_HOLDOUT) for item in _items(path)]


def _folded(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


@pytest.fixture(scope="module")
def base() -> EvidenceBase:
    return evidence_base()


def _frozen() -> dict[Path, str]:
    """Each frozen file and its recorded hash (sha256sum's format)."""
    lines = [line.split() for line in FROZEN.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {ROOT / name: digest for digest, name in lines}


def test_frozen_parts_are_the_test_part_and_the_holdout_halves() -> None:
    assert set(_frozen()) == {TEST, *FRESH_HOLDOUT}


@pytest.mark.parametrize("path", [TEST, *FRESH_HOLDOUT], ids=lambda p: p.stem)
def test_frozen_parts_are_unchanged(path: Path) -> None:
    actual = hashlib.sha256(path.read_bytes()).hexdigest()
    assert actual == _frozen()[path], (
        f"tests/corpus/{path.name} changed after it was frozen; a frozen part is never edited or tuned on "
        "(docs/question-corpus.md, 'Freezing')"
    )


def test_fresh_split_is_reproducible() -> None:
    """The fresh-dev and fresh-holdout halves are what tools/split_fresh.py's seeded, stratified split gives
    (labels corrected in fresh-dev never move an item between strata: see the guide)."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from split_corpus import split  # type: ignore[import-not-found]
        from split_fresh import SEED  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    for dev_path, hold_path in zip(FRESH_DEV, FRESH_HOLDOUT, strict=True):
        dev, hold = list(_items(dev_path)), list(_items(hold_path))
        again_dev, again_hold = split(dev + hold, SEED)
        assert [i["id"] for i in again_dev] == [i["id"] for i in dev], dev_path.name
        assert [i["id"] for i in again_hold] == [i["id"] for i in hold], hold_path.name


@pytest.mark.parametrize("path", [DEV, TEST, *FRESH_DEV, *FRESH_HOLDOUT], ids=lambda p: p.stem)
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
    if path in (TEST, *FRESH_HOLDOUT):
        assert not problems, f"{len(problems)} problems in the frozen part {path.name} (not listed: it is frozen)"
    assert not problems, "\n".join(problems)


def test_ids_are_unique_and_texts_unique_within_each_set() -> None:
    """Ids never repeat anywhere. A text never repeats within the original corpus (dev and test) nor
    within a fresh set; the fresh sets were written independently, so a few of their texts are the
    guide's own examples and occur in the original corpus too (the training script leaves out every
    text that occurs in a frozen part). Repeats are counted, never listed: some are in frozen parts."""
    ids = Counter(item["id"] for item in _all())
    assert sum(n > 1 for n in ids.values()) == 0, "ids repeat"
    for paths in ((DEV, TEST), *zip(FRESH_DEV, FRESH_HOLDOUT, strict=True)):
        texts = Counter(_folded(item["text"]) for path in paths for item in _items(path))
        repeats = sum(n > 1 for n in texts.values())
        assert repeats == 0, f"{repeats} texts repeat within {', '.join(p.name for p in paths)}"


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


@pytest.mark.parametrize(
    "paths", [(DEV, TEST), FRESH_DEV, FRESH_HOLDOUT], ids=["dev+test", "fresh-dev", "fresh-holdout"]
)
def test_lead_levels_follow_the_evidence_base(base: EvidenceBase, paths: tuple[Path, ...]) -> None:
    """Lead levels are relative to the base's safety records (guide, 'lead_level'): where the item names
    a substance the level is derived from its records. When the records change, this fails: the corpus
    must then be relabelled (`tools/relabel_for_base.py`, and the frozen parts re-frozen, as a reviewed
    decision) rather than left to measure against a stale answer."""
    stale: list[str] = []
    for item in (item for path in paths for item in _items(path)):
        if item["crisis"]:
            continue
        expected = expected_lead_level(base, item["entities"], item["population"])
        if expected is None:
            continue  # no substance named: the guide's reading of the subject decides (see the item's note)
        if item["lead_level"] != expected:
            stale.append(f"{item['id']}: labelled {item['lead_level']}, the base gives {expected}")
    if paths == FRESH_HOLDOUT:
        assert not stale, f"{len(stale)} stale lead levels in the frozen holdout halves (not listed)"
    assert not stale, "\n".join(stale)
