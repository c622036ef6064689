"""One BLAS thread while pooling.

Why: the per-person step makes one modest matrix product per batch of people (thousands of rows,
a few dozen columns). On a machine whose cores are already busy (a web server's workers, other
jobs), a multi-threaded BLAS spends longer waking and synchronising its threads than multiplying:
measured on the project's shared 2-core machine, 4096 people took 0.86 s with OpenBLAS's default
threads and 0.27 s with one. Parallelism belongs at the level of batches of people (separate
processes or machines), not inside each product. `threadpoolctl` (the scikit-learn project's
tool for exactly this) limits the thread pools of the BLAS libraries NumPy loaded, for the
duration of the block only, and restores them afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def single_blas_thread() -> Iterator[None]:
    from threadpoolctl import threadpool_limits  # type: ignore[import-untyped, unused-ignore]

    with threadpool_limits(limits=1, user_api="blas"):
        yield
