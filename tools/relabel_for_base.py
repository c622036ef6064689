#!/usr/bin/env python3
"""Bring the labelled question corpus up to date with the evidence base, mechanically.

The corpus labels what a question names against the base of the day (docs/question-corpus.md):
a medicine or supplement the base lacked was labelled an unknown term, and the lead level follows
the safety records. When the base gains an entity or a record, those labels go stale and every
measure built on them lies. This tool changes only what the base decides, never what a reader
decided, and never by asking the parser (a relabel that read the parser's output would teach the
corpus the parser's mistakes):

- an unknown term whose words are a name or synonym of exactly one entity, or an everyday form the
  parser makes of one (the comparison the parser's lexicon uses, `suppwise.evidence.names.variants`
  and `suppwise.questions.vocabulary.derived_names`) moves to `entities`; a term that
  names two entities is left and reported, for a person to decide;
- the lead level of a non-crisis item that names a substance is derived again from the records
  (`suppwise.questions.corpus_levels`), the rule `tests/test_question_corpus.py` checks.

Changes in parts one may look at (development, extra, fresh-dev) are listed item by item; in the
frozen parts (test, fresh-holdout) only counted, since their items are never read. `--write` edits
the three label lines of each changed item in place (comments, order and layout stay) and records
the frozen files' new hashes in FROZEN.sha256: re-freezing is a reviewed decision, written down in
docs/question-corpus.md ("Relabelling when the base grows").

    python tools/relabel_for_base.py          # report what would change
    python tools/relabel_for_base.py --write  # change it
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
FROZEN_LIST = CORPUS / "FROZEN.sha256"
OPEN_PARTS = (
    "questions_dev.yaml",
    "questions_extra.yaml",
    "questions_fresh_a_dev.yaml",
    "questions_fresh_b_dev.yaml",
    "questions_fresh_c_dev.yaml",
    "questions_fresh_d_dev.yaml",
    "questions_fresh_e_dev.yaml",
    "questions_fresh_f_dev.yaml",
    "questions_fresh_g_dev.yaml",
    "questions_fresh_h_dev.yaml",
    "questions_fresh_i_dev.yaml",
    "questions_fresh_j_dev.yaml",
    "questions_fresh_k_dev.yaml",
    "questions_fresh_l_dev.yaml",
    "questions_fresh_m_dev.yaml",
)
FROZEN_PARTS = (
    "questions_test.yaml",
    "questions_fresh_a_holdout.yaml",
    "questions_fresh_b_holdout.yaml",
    "questions_fresh_c_holdout.yaml",
    "questions_fresh_d_holdout.yaml",
    "questions_fresh_e_holdout.yaml",
    "questions_fresh_f_holdout.yaml",
    "questions_fresh_g_holdout.yaml",
    "questions_fresh_h_holdout.yaml",
    "questions_fresh_i_holdout.yaml",
    "questions_fresh_j_holdout.yaml",
    "questions_fresh_k_holdout.yaml",
    "questions_fresh_l_holdout.yaml",
    "questions_fresh_m_holdout.yaml",
)

Item = dict[str, Any]

# Names the base moved from one entity to another, with the day: an item labelled with the old
# entity whose text says one of these names, and none of the old entity's own names, is labelled
# with the new one (guide E0: the base's names label). 2026-12-03: "sleeping pills" and "sleeping
# tablets" mean the prescribed hypnotics, Z-drugs and benzodiazepines such as temazepam, a lay class
# of its own (`sleeping-pills`), no longer the Z-drugs alone.
MOVED_NAMES: dict[tuple[str, str], tuple[str, ...]] = {
    ("z-drugs", "sleeping-pills"): ("sleeping pills", "sleeping pill", "sleeping tablets", "sleeping tablet"),
}


@dataclass
class Change:
    """What the base changes in one item's labels."""

    item_id: str
    moved: dict[str, str] = field(default_factory=dict)  # unknown term (or an entity id whose name moved) -> entity id
    level: tuple[str, str] | None = None  # (was, now)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # unknown term -> the entities it names

    def __bool__(self) -> bool:
        return bool(self.moved or self.level)


def lexicon(base: Any) -> dict[str, set[str]]:
    """Each lookup form of each entity id, name and synonym (the terms the parser's lexicon holds),
    and of the everyday forms the parser's lexicon makes from them ("blood pressure tablets" from
    "blood pressure medication", `suppwise.questions.vocabulary.derived_names`), with the entities it
    names."""
    from suppwise.evidence.names import variants
    from suppwise.questions.vocabulary import derived_names

    forms: dict[str, set[str]] = {}
    for entity in base.entities.values():
        names = (entity.id.replace("-", " "), entity.name, *entity.synonyms)
        for name in (*names, *derived_names(entity.kind, names)):
            for form in variants(name):
                forms.setdefault(form, set()).add(entity.id)
    return forms


def relabelled(item: Item, base: Any, forms: dict[str, set[str]]) -> tuple[Item, Change]:
    """The item with the labels the base now decides, and what changed."""
    from suppwise.evidence.names import variants
    from suppwise.questions.corpus_levels import expected_lead_level

    change = Change(str(item["id"]))
    entities = set(item["entities"])
    unknown: list[str] = []
    for term in item["unknown_terms"]:
        named = set().union(*(forms.get(form, set()) for form in variants(str(term))))
        if len(named) == 1:
            (entity,) = named
            change.moved[str(term)] = entity
            entities.add(entity)
        else:
            if named:
                change.ambiguous[str(term)] = sorted(named)
            unknown.append(term)
    for old_entity, new_entity in moved_names(item, base, entities):
        change.moved[old_entity] = new_entity
        entities = (entities - {old_entity}) | {new_entity}
    new = {**item, "entities": sorted(entities), "unknown_terms": unknown}
    if not item["crisis"]:
        level = expected_lead_level(base, new["entities"], new["population"])
        if level is not None and level != item["lead_level"]:
            change.level = (str(item["lead_level"]), level)
            new["lead_level"] = level
    return new, change


def moved_names(item: Item, base: Any, entities: set[str]) -> list[tuple[str, str]]:
    """(old, new) for each entity of the item that its text names only by a name the base has
    moved to another entity (`MOVED_NAMES`): matched as whole words in the lower-cased text, the
    old entity's remaining names checked the same way."""
    from suppwise.evidence.names import normalise

    text = f" {normalise(str(item['text']))} "
    found: list[tuple[str, str]] = []
    for (old_entity, new_entity), phrases in MOVED_NAMES.items():
        if old_entity not in entities or old_entity not in base.entities:
            continue
        record = base.entities[old_entity]
        own = {normalise(n) for n in (old_entity.replace("-", " "), record.name, *record.synonyms)}
        says_moved = any(f" {normalise(p)} " in text for p in phrases)
        if says_moved and not any(f" {n} " in text for n in own if n):
            found.append((old_entity, new_entity))
    return found


def _flow(values: list[Any]) -> str:
    return yaml.safe_dump(list(values), default_flow_style=True, allow_unicode=True, width=1000).strip()


def rewrite(text: str, items: dict[str, Item]) -> str:
    """The file's text with the label lines of the given items replaced, all else kept as written.
    A list written as a block ("entities:" then "- id" lines) becomes one flow line."""
    out: list[str] = []
    current: str | None = None
    block = False
    for line in text.split("\n"):
        if block and line.startswith("  - "):
            continue  # an item of a block list being replaced
        block = False
        start = re.match(r"- id: (.+)$", line)
        if start:
            current = str(yaml.safe_load(start.group(1)))
        elif current in items:
            item = items[current]
            key = re.match(r"  (entities|unknown_terms):( |$)", line)
            if key:
                line = f"  {key.group(1)}: {_flow(item[key.group(1)])}"
                block = key.group(2) == ""
            elif line.startswith("  lead_level: "):
                line = f"  lead_level: {item['lead_level']}"
        out.append(line)
    return "\n".join(out)


def _frozen_hashes(changed: dict[str, str]) -> str:
    out = []
    for line in FROZEN_LIST.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        digest, path = line.split()
        name = Path(path).name
        out.append(f"{changed.get(name, digest)}  {path}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--write", action="store_true", help="change the files and re-record the frozen hashes")
    args = parser.parse_args(argv)
    os.environ.setdefault("SUPPWISE_CACHE_DIR", tempfile.mkdtemp())
    sys.path.insert(0, str(ROOT / "src"))
    from suppwise.services import evidence_base

    base = evidence_base()
    forms = lexicon(base)
    new_hashes: dict[str, str] = {}
    for name in (*OPEN_PARTS, *FROZEN_PARTS):
        path = CORPUS / name
        text = path.read_text(encoding="utf-8")
        changed: dict[str, Item] = {}
        moved: Counter[str] = Counter()
        levels = ambiguous = 0
        for item in yaml.safe_load(text):
            new, change = relabelled(item, base, forms)
            ambiguous += bool(change.ambiguous)
            if not change and not change.ambiguous:
                continue
            if change:
                changed[change.item_id] = new
                moved.update(change.moved.values())
                levels += change.level is not None
            if name in OPEN_PARTS:
                parts = [f"{term} -> {entity}" for term, entity in change.moved.items()]
                if change.level:
                    parts.append(f"lead level {change.level[0]} -> {change.level[1]}")
                parts += [f"'{t}' names {', '.join(ids)}: left for a person" for t, ids in change.ambiguous.items()]
                print(f"{name} {change.item_id}: {'; '.join(parts)}")
        print(f"{name}: {len(changed)} items change ({sum(moved.values())} unknown terms or moved names become "
              "entities, "
              f"{levels} lead levels), {ambiguous} with a term that names several entities")
        if args.write and changed:
            updated = rewrite(text, changed)
            if any(relabelled(item, base, forms)[1] for item in yaml.safe_load(updated)):
                raise SystemExit(f"{name}: the rewritten labels still differ from the base's; nothing written")
            path.write_text(updated, encoding="utf-8")
            if name in FROZEN_PARTS:
                new_hashes[name] = hashlib.sha256(updated.encode("utf-8")).hexdigest()
    if args.write and new_hashes:
        FROZEN_LIST.write_text(_frozen_hashes(new_hashes), encoding="utf-8")
        print(f"re-recorded in {FROZEN_LIST.name}: {', '.join(sorted(new_hashes))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
