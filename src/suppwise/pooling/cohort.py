"""Many people's diaries of one outcome as rectangular arrays, the shape the pooled analysis reads.

Why rectangular: the per-person step runs as NumPy operations over a whole batch of people at once
(no Python loop per person), so every person's days sit in one row of a (people x slots) array,
padded at the end. A slot counts when both its score and its exposure are finite:

- `day`: integer day numbers, strictly increasing along the used slots of a row (any origin; the
  gaps between them are what the AR(1) model needs).
- `score`: the outcome's score, NaN for a missing score or a padding slot.
- `exposure`: 1 on the supplement, 0 on comparison days (baseline, off), NaN for days excluded by
  design (washout, titration). Excluded days and missing days both simply widen the gap between
  the used days around them; the AR(1) process runs through them exactly.

Nothing here knows who a person is: a row is a row. Ids stay with the caller.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from suppwise.errors import TrialDataError

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class CohortBatch:
    """A batch of people's diaries of one outcome, padded to the same number of slots."""

    day: IntArray
    score: FloatArray
    exposure: FloatArray

    def __post_init__(self) -> None:
        if self.day.ndim != 2 or self.score.shape != self.day.shape or self.exposure.shape != self.day.shape:
            raise TrialDataError(
                "day, score and exposure must be 2-D arrays of the same shape (people x days), got "
                f"{self.day.shape}, {self.score.shape}, {self.exposure.shape}"
            )
        if np.any(np.isinf(self.score)) or np.any(np.isinf(self.exposure)):
            raise TrialDataError("scores and exposures must be finite or NaN")
        used = self.used
        exposure = self.exposure[used]
        if np.any((exposure != 0.0) & (exposure != 1.0)):
            raise TrialDataError("exposure must be 0 (comparison day), 1 (on the supplement) or NaN (excluded)")
        # Used days must increase along each row: compare each used day with the previous used one.
        previous = np.maximum.accumulate(np.where(used, self.day, np.iinfo(np.int64).min), axis=1)
        later_used = used[:, 1:]
        if np.any(later_used & (self.day[:, 1:] <= previous[:, :-1])):
            row = int(np.flatnonzero(np.any(later_used & (self.day[:, 1:] <= previous[:, :-1]), axis=1))[0])
            raise TrialDataError(f"row {row}: used days must be strictly increasing (one entry per day)")

    @property
    def people(self) -> int:
        return int(self.day.shape[0])

    @property
    def used(self) -> npt.NDArray[np.bool_]:
        """Slots that enter the model: a score and a comparison or supplement day."""
        return np.isfinite(self.score) & np.isfinite(self.exposure)


def batch_from_rows(rows: list[tuple[IntArray, FloatArray, FloatArray]]) -> CohortBatch:
    """Pad people's (day, score, exposure) rows of different lengths into one batch.

    Each row's arrays are sorted by day first; padding slots get NaN scores, so they are never used.
    """
    width = max((row[0].size for row in rows), default=0)
    day = np.zeros((len(rows), width), dtype=np.int64)
    score = np.full((len(rows), width), np.nan)
    exposure = np.full((len(rows), width), np.nan)
    for i, (d, s, x) in enumerate(rows):
        order = np.argsort(d, kind="stable")
        n = d.size
        day[i, :n] = d[order]
        # Padding days continue after the last day so rows stay increasing even where unused.
        day[i, n:] = (int(d[order][-1]) if n else 0) + np.arange(1, width - n + 1)
        score[i, :n] = s[order]
        exposure[i, :n] = x[order]
    return CohortBatch(day, score, exposure)
