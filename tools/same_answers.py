"""Prove that a change to the question parser leaves every answer byte-identical.

Why: speed work on `parse` (word gates, opening indexes, branch-wise alternations) must not change
what any question means. This renders the JSON answer (docs/answer-json.md) for every question of
the readable corpus parts (dev, extra, fresh a-i dev), the benchmark's fixed question set and
each entity name of the bundled base asked as a one-word keyword question, and writes one digest
per question. Frozen parts (every *_holdout.yaml, questions_test.yaml) are never read here; their
crisis decisions are compared through the aggregate table of `benchmarks/bench_questions.py`.

Run on main first, keep the digests outside git, then on the branch:

    .venv/bin/python tools/same_answers.py --write /tmp/answers-main.json
    .venv/bin/python tools/same_answers.py --check /tmp/answers-main.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
READABLE = (
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
)


def questions() -> Iterator[tuple[str, str]]:
    """(source, text) for every question checked, in a fixed order, each text once."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from questions import question_set  # the benchmark's own fixed set
    from suppwise.questions.accuracy import load_items
    from suppwise.services import answers as services

    seen: set[str] = set()
    sources: list[tuple[str, list[str]]] = [
        (name, [item.text for item in load_items(CORPUS / name)]) for name in READABLE
    ]
    sources.append(("bench", list(question_set())))
    base = services.evidence_base()
    sources.append(("keywords", sorted({entity.name for entity in services.list_entities(base)})))
    for source, texts in sources:
        for text in texts:
            if text not in seen:
                seen.add(text)
                yield source, text


def digests() -> dict[str, str]:
    """Question text → sha256 of its rendered JSON answer, each asked once (first sight)."""
    from suppwise.questions.answer import build_answer
    from suppwise.questions.parse import parse
    from suppwise.render.json_format import render_json
    from suppwise.services import answers as services

    base = services.evidence_base()
    out: dict[str, str] = {}
    for _, text in questions():
        rendered = render_json(build_answer(base, parse(text, base)))
        out[text] = hashlib.sha256(rendered.encode("utf-8")).hexdigest()
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="write the digests (keep the file outside git)")
    group.add_argument("--check", type=Path, help="compare against digests written earlier")
    args = parser.parse_args(argv)
    now = digests()
    total = hashlib.sha256(json.dumps(now, sort_keys=True).encode("utf-8")).hexdigest()
    if args.write:
        args.write.write_text(json.dumps(now, indent=0, sort_keys=True), encoding="utf-8")
        print(f"{len(now)} answers, digest {total[:16]} written to {args.write}")
        return 0
    before: dict[str, str] = json.loads(args.check.read_text(encoding="utf-8"))
    changed = [text for text in before if now.get(text) != before[text]]
    missing = [text for text in now if text not in before]
    print(f"{len(now)} answers, digest {total[:16]}; changed {len(changed)}, not in the baseline {len(missing)}")
    for text in changed[:20]:
        print(f"  changed: {text!r}")
    return 1 if changed or missing else 0


if __name__ == "__main__":
    sys.exit(main())
