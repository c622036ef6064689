"""Where a question's time goes: a sampling profile of `ask` on the benchmark's first-sight questions.

Why a sampler of its own: cProfile instruments every call and so inflates the Python-heavy paths
(the word gates, the rule cascade) against the compiled ones (regular expressions, Pydantic), and a
shared machine's wall clock mostly measures the other sessions. This one asks the kernel for a
signal every `--interval` of the process's own CPU time (`ITIMER_PROF`) and records the Python stack
then, so what it counts is CPU the questions used. No dependency; POSIX only.

What it runs is the benchmark's "first sight" row (benchmarks/bench_questions.py): the benchmark set
and the dev part are asked first (caches warm, the gates' indexes made), then each question of the
extra part that neither set holds is asked once. Only the readable parts are read.

    .venv/bin/python tools/profile_questions.py [--top 40] [--interval 0.0002] [--cprofile]

It prints the functions by "own" samples (the frame on top) and by "total" samples (anywhere on the
stack), as shares of all samples taken while the questions were asked, and the CPU time per ask.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"


def _where(frame: FrameType) -> str:
    code = frame.f_code
    path = code.co_filename
    short = path.split("/src/suppwise/")[-1] if "/src/suppwise/" in path else Path(path).name
    return f"{short}:{code.co_qualname}"


class Sampler:
    """Counts the frame on top (own) and every distinct frame on the stack (total) at each tick."""

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self.own: Counter[str] = Counter()
        self.total: Counter[str] = Counter()
        self.samples = 0

    def _tick(self, _signum: int, frame: FrameType | None) -> None:
        if frame is None:
            return
        self.samples += 1
        self.own[_where(frame)] += 1
        seen: set[str] = set()
        while frame is not None:
            where = _where(frame)
            if where not in seen:
                seen.add(where)
                self.total[where] += 1
            frame = frame.f_back

    def __enter__(self) -> Sampler:
        signal.signal(signal.SIGPROF, self._tick)
        signal.setitimer(signal.ITIMER_PROF, self.interval, self.interval)
        return self

    def __exit__(self, *_: object) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, signal.SIG_DFL)


def first_sight() -> tuple[list[str], list[str]]:
    """(questions asked first to warm the process, the unseen extra questions asked once each)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from questions import question_set
    from suppwise.questions.accuracy import load_items

    warm = list(question_set()) + [item.text for item in load_items(CORPUS / "questions_dev.yaml")]
    seen = set(warm)
    fresh = list(dict.fromkeys(item.text for item in load_items(CORPUS / "questions_extra.yaml")))
    return warm, [text for text in fresh if text not in seen]


def fresh_dev() -> list[str]:
    from suppwise.questions.accuracy import load_items

    return [item.text for item in load_items(CORPUS / "questions_dev.yaml")]


def cpu_table(base: object, warm: list[str], fresh: list[str]) -> str:
    """CPU-time p50 (µs) of ask and of parse, in the benchmark's order: the bench set and the dev
    part warmed then asked three times, then the unseen extra questions once (half ask, half parse).
    CPU time, not wall clock: on a shared machine it is what the process itself spent."""
    from statistics import median

    from suppwise.questions.answer import build_answer
    from suppwise.questions.parse import parse

    def cpu(fn: Callable[[], object]) -> float:
        start = time.process_time()
        fn()
        return time.process_time() - start

    sets = {"bench": warm[: len(warm) - len(fresh_dev())], "dev": warm[len(warm) - len(fresh_dev()) :]}
    rows = []
    for label, texts in sets.items():
        for text in texts:
            build_answer(base, parse(text, base))  # type: ignore[arg-type]
        ask = [cpu(lambda t=t: build_answer(base, parse(t, base))) for _ in range(3) for t in texts]  # type: ignore[arg-type]
        only = [cpu(lambda t=t: parse(t, base)) for _ in range(3) for t in texts]  # type: ignore[arg-type]
        rows.append((label, median(ask), median(only)))
    half = len(fresh) // 2
    ask = [cpu(lambda t=t: build_answer(base, parse(t, base))) for t in fresh[:half]]  # type: ignore[arg-type]
    only = [cpu(lambda t=t: parse(t, base)) for t in fresh[half:]]  # type: ignore[arg-type]
    rows.append(("first sight", median(ask), median(only)))
    return "\n".join(f"{label:12} ask p50 {1e6 * a:7.0f} µs  parse p50 {1e6 * p:7.0f} µs" for label, a, p in rows)


def report(counter: Counter[str], samples: int, top: int, title: str) -> str:
    lines = [title]
    for where, count in counter.most_common(top):
        lines.append(f"{100 * count / samples:6.1f}%  {where}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--top", type=int, default=40, help="rows per table")
    parser.add_argument("--interval", type=float, default=0.0002, help="seconds of CPU between samples")
    parser.add_argument("--cprofile", action="store_true", help="use cProfile instead (inflates Python calls)")
    parser.add_argument(
        "--repeated",
        action="store_true",
        help="profile the dev questions asked again (the benchmark's dev row) instead of first sight",
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds over the dev questions with --repeated")
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="no profile: CPU-time p50 per ask and per parse for each of the benchmark's rows",
    )
    args = parser.parse_args(argv)

    from suppwise.questions.answer import build_answer
    from suppwise.questions.parse import parse
    from suppwise.services import answers as services

    base = services.evidence_base()
    warm, fresh = first_sight()
    if args.cpu:
        print(cpu_table(base, warm, fresh))
        return 0
    for text in warm:
        build_answer(base, parse(text, base))
    if args.repeated:
        dev = warm[len(warm) - len(fresh_dev()) :]
        fresh = dev * args.rounds
    start = time.process_time()
    if args.cprofile:
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.enable()
        for text in fresh:
            build_answer(base, parse(text, base))
        profile.disable()
        spent = time.process_time() - start
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.top)
        pstats.Stats(profile).sort_stats("cumtime").print_stats(args.top)
    else:
        with Sampler(args.interval) as sampler:
            for text in fresh:
                build_answer(base, parse(text, base))
        spent = time.process_time() - start
        print(report(sampler.own, max(sampler.samples, 1), args.top, f"own ({sampler.samples} samples)"))
        print()
        print(report(sampler.total, max(sampler.samples, 1), args.top, "total"))
    print(f"\n{len(fresh)} first-sight questions, CPU {1e6 * spent / len(fresh):.0f} µs per ask (profiler on)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
