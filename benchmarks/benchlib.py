"""Timing and table helpers shared by the benchmark scripts.

Why ratios: absolute milliseconds depend on the machine and on whatever else it is running, so
every figure is also reported against a reference measured in the same process moments before
(the project rule; tests never assert timings). Formatting functions return strings; only the
scripts' `main` prints.
"""

from __future__ import annotations

import gc
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

NOOP_CALLS = 100_000


def time_call(fn: Callable[[], object]) -> float:
    """Seconds for one short call of `fn`, garbage collector held off (as `timeit` does), so a
    collection that belongs to earlier work is not billed to a sub-millisecond call."""
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start
    finally:
        if gc_was_enabled:
            gc.enable()


def time_heavy(fn: Callable[[], object]) -> float:
    """Seconds for one long call of `fn` after a full collection, collector left on: the
    collections a load triggers are part of what a user waits for."""
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def time_repeated(fn: Callable[[], object], repeats: int, warmup: int = 0) -> list[float]:
    """Seconds per call of a short `fn` over `repeats` calls after `warmup` untimed ones."""
    for _ in range(warmup):
        fn()
    return [time_call(fn) for _ in range(repeats)]


def percentile(samples: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), linearly interpolated between the closest ranks."""
    if not samples:
        return math.nan
    ordered = sorted(samples)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median(samples: Sequence[float]) -> float:
    return percentile(samples, 50)


def _noop() -> None:
    return None


def noop_loop() -> None:
    """The machine reference: NOOP_CALLS calls of an empty Python function (interpreter speed)."""
    call = _noop
    for _ in range(NOOP_CALLS):
        call()


@dataclass(frozen=True)
class Reference:
    """The in-process reference every figure is divided by: median seconds of `noop_loop`."""

    seconds: float
    repeats: int

    def ratio(self, seconds: float) -> float:
        return seconds / self.seconds


def measure_reference(repeats: int) -> Reference:
    return Reference(median(time_repeated(noop_loop, repeats, warmup=2)), repeats)


def ms(seconds: float, digits: int | None = None) -> str:
    """Milliseconds with precision that suits the size (no false digits on a 30 s load)."""
    if math.isnan(seconds):
        return "n/a"
    value = seconds * 1e3
    if digits is None:
        digits = 3 if value < 1 else 2 if value < 10 else 1 if value < 100 else 0
    return f"{value:,.{digits}f}"


def ratio(value: float) -> str:
    if math.isnan(value) or math.isinf(value):
        return "n/a"
    if value >= 100:
        return f"{value:,.0f}x"
    return f"{value:.2f}x" if value < 10 else f"{value:.1f}x"


def speedup(new: float, old: float) -> str:
    """How a prototype's time compares with today's, as "N x faster" or "N x slower"."""
    if math.isnan(new) or math.isnan(old) or new <= 0 or old <= 0:
        return "n/a"
    return f"{ratio(old / new)} faster" if new <= old else f"{ratio(new / old)} slower"


def against(value: float, target: float) -> str:
    """'ok' when `value` meets `target` (both seconds), else how many times over it is."""
    if math.isnan(value):
        return "n/a"
    return "ok" if value < target else f"MISS ({value / target:.1f}x over)"


def table(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]], note: str = "", left: int = 1) -> str:
    """A plain text table: the first `left` columns left-aligned, the rest right-aligned."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        parts = [c.ljust(w) if i < left else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))]
        return "  ".join(parts).rstrip()

    rule = "-" * len(line(["-" * w for w in widths]))
    out = [title, rule, line(headers), rule, *(line(r) for r in rows), rule]
    if note:
        out.append(note)
    return "\n".join(out)
