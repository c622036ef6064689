"""The SciPy special functions pooling needs, behind typed wrappers (see `suppwise.stats._special`
for why SciPy is confined to such a module and imported on first use)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from suppwise.stats._special import _scipy_special

FloatArray = npt.NDArray[np.float64]


def normal_cdf(z: FloatArray) -> FloatArray:
    """P(Z <= z) for a standard normal, elementwise, accurate far into either tail."""
    return np.asarray(_scipy_special().ndtr(z), dtype=np.float64)


def normal_quantile(p: FloatArray) -> FloatArray:
    """The inverse of `normal_cdf`."""
    return np.asarray(_scipy_special().ndtri(p), dtype=np.float64)
