"""Question understanding, measured: accuracy on the labelled corpus (per part and per intent) and
the in-process latency of `ask` over the same questions, as a ratio against the reference loop.

Why the corpus's own questions for latency: they are what people type (one word to fifty, typos,
crisis messages), so their p50 and p99 say what a user waits for, and any slow path the parser
grows for a rare wording shows in the tail. Accuracy on the frozen parts (fresh-holdout,
fresh-c-holdout to fresh-m-holdout, test) is printed as aggregates only (docs/question-corpus.md): it
is measured, never tuned on; the selection halves (fresh-l-dev, fresh-m-dev) are read in aggregate.

Run: ``.venv/bin/python benchmarks/bench_questions.py [--quick] [--dev-only]``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchlib import Reference, against, measure_reference, median, ms, percentile, ratio, table, time_call
from questions import question_set
from suppwise.questions.accuracy import PARTS, TUNED, load_items, score
from suppwise.questions.accuracy import table as accuracy_table
from suppwise.questions.answer import build_answer
from suppwise.questions.parse import parse
from suppwise.services import answers as services

ASK_P50_TARGET = 0.001
CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"


def accuracy(dev_only: bool) -> str:
    base = services.evidence_base()
    parts = TUNED if dev_only else tuple(PARTS)
    scores = [score(part, base, [item for name in PARTS[part] for item in load_items(CORPUS / name)]) for part in parts]
    return "Question corpus accuracy (docs/question-corpus.md)\n\n" + accuracy_table(scores)


def latency(quick: bool) -> str:
    base = services.evidence_base()
    reference = measure_reference(10 if quick else 25)
    corpus = [item.text for item in load_items(CORPUS / "questions_dev.yaml")]
    sets = {"bench questions (30)": question_set(), "dev corpus questions (400)": corpus}
    rounds = 3 if quick else 10
    rows = []
    for label, questions in sets.items():
        for text in questions:  # warm the lexicon and any lazily loaded data
            build_answer(base, parse(text, base))
        ask: list[float] = []
        parse_only: list[float] = []
        for _ in range(rounds):
            for text in questions:
                ask.append(time_call(lambda text=text: build_answer(base, parse(text, base))))
                parse_only.append(time_call(lambda text=text: parse(text, base)))
        rows.append(_row(label, ask, parse_only, reference))
    # The rounds above ask each question again, and whatever the parser memoises per text is then
    # found ready; a person's question is new to the process. So the extra part's questions that
    # neither set above holds are each asked once, never seen before (parse timed on a second copy).
    seen = {text for questions in sets.values() for text in questions}
    fresh = list(dict.fromkeys(item.text for item in load_items(CORPUS / "questions_extra.yaml")))
    fresh = [text for text in fresh if text not in seen]
    half = len(fresh) // 2
    first_ask = [time_call(lambda text=text: build_answer(base, parse(text, base))) for text in fresh[:half]]
    first_parse = [time_call(lambda text=text: parse(text, base)) for text in fresh[half:]]
    rows.append(_row(f"extra questions, first sight ({half} + {len(fresh) - half})", first_ask, first_parse,
                     reference))
    return table(
        f"ask in process, bundled base ({rounds} rounds; ref loop {ms(reference.seconds)} ms)",
        ["questions", "p50 ms", "p99 ms", "max ms", "parse p50 ms", "p50 x ref loop", "p50 < 1 ms"],
        rows,
    ) + f"\npeak RSS of this process (base loaded, corpus scored and asked): {peak_rss_mb():.0f} MB"


def peak_rss_mb() -> float:
    """The process's peak resident set so far, in MB (what the caches kept per word and per text cost)."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def _row(label: str, ask: list[float], parse_only: list[float], reference: Reference) -> list[str]:
    p50 = median(ask)
    return [
        label,
        ms(p50),
        ms(percentile(ask, 99)),
        ms(max(ask)),
        ms(median(parse_only)),
        ratio(reference.ratio(p50)),
        against(p50, ASK_P50_TARGET),
    ]


def run(quick: bool, dev_only: bool = False) -> str:
    return accuracy(dev_only) + "\n\n" + latency(quick)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--dev-only", action="store_true", help="score only the parts tuned on (dev, extra, fresh-dev)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as cache:
        os.environ["SUPPWISE_CACHE_DIR"] = cache
        print(run(args.quick, args.dev_only))
    return 0


if __name__ == "__main__":
    sys.exit(main())
