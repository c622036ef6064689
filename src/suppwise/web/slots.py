"""Work the server does a few at a time, in threads of its own, with a bounded queue.

Password hashing and drawing PDFs are expensive and unbounded in number if left alone. Each gets
`Slots`: at most `at_once` run, at most `waiting` more wait for a turn (as coroutines, holding no
worker thread), and anything beyond that is refused at once with `BusyError` (503 with
Retry-After). Admission is counted on the event loop, in one step with the check, so requests
arriving together cannot all see a short queue (anyio's limiter counts a waiter only once it has
yielded to the loop, which let four past a limit of two).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import anyio
import anyio.to_thread

from suppwise.web.api_errors import BusyError

T = TypeVar("T")


class Slots:
    def __init__(self, *, at_once: int, waiting: int) -> None:
        self.at_once = at_once
        self.waiting = waiting
        self.admitted = 0
        self._limiter: anyio.CapacityLimiter | None = None

    async def run(self, work: Callable[[], T], *, busy: Callable[[], BusyError]) -> T:
        """`work()` in a thread once a slot is free; `busy()` is raised when the queue is full."""
        if self.admitted >= self.at_once + self.waiting:
            raise busy()
        self.admitted += 1
        try:
            if self._limiter is None:  # made on first use, inside the event loop it belongs to
                self._limiter = anyio.CapacityLimiter(self.at_once)
            return await anyio.to_thread.run_sync(work, limiter=self._limiter)
        finally:
            self.admitted -= 1
