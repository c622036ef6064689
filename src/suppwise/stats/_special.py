"""The SciPy special functions the trial statistics need, behind typed wrappers.

Why a wrapper: SciPy ships no type information of its own (the separate `scipy-stubs` package adds
it), so every call would be `Any` under mypy --strict. Confining SciPy to this module keeps the
rest of `suppwise.trials` fully typed whether or not the stubs are installed, and makes the
dependency easy to see and to replace. `scipy.special` takes about 0.2 s to import, so it is
imported on first use, not when a module that might analyse a trial is imported.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


@functools.cache
def _scipy_special() -> Any:
    from scipy import special  # type: ignore[import-untyped, unused-ignore]

    return special


def student_t_cdf(df: float, z: FloatArray) -> FloatArray:
    """P(T <= z) for a standard Student-t with `df` degrees of freedom, elementwise.

    SciPy's `stdtr` evaluates the regularised incomplete beta function directly, so tail
    probabilities far below 1e-10 keep their relative accuracy (1 - cdf would not).
    """
    return np.asarray(_scipy_special().stdtr(df, z), dtype=np.float64)


def student_t_quantile(df: float, p: float) -> float:
    """The inverse of `student_t_cdf` in z."""
    return float(_scipy_special().stdtrit(df, p))
