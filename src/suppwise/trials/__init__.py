"""Personal (N-of-1) trials. The statistics are a pure NumPy/SciPy core: no database, web or CLI.

`analyse_outcome` / `analyse_scale` / `analyse_trial` answer "did it change MY score?" for one
outcome or every outcome of a trial; `suppwise.trials.ar1` holds the exact AR(1) posterior they
rest on; `suppwise.trials.outcomes` holds the outcome scales and their cited important
differences.

Why the names below load lazily: NumPy and SciPy take a few hundred milliseconds to import, and
the other trial modules (plans, diaries, alerts) are used by the CLI without any statistics.
`import suppwise.trials.plan` therefore must not import NumPy; the first use of one of these
names does.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from suppwise.trials.analysis import (
        INTERVAL_PROBABILITY,
        MIN_DAYS,
        MIN_DAYS_PER_ARM,
        VERDICT_PROBABILITY,
        OutcomeAnalysis,
        RhoSummary,
        TrialDataError,
        Verdict,
        analyse_outcome,
        analyse_scale,
        analyse_trial,
    )
    from suppwise.trials.ar1 import DEFAULT_PRIOR, Ar1Fit, Ar1Prior, TMixture, fit_ar1, fit_ar1_batch
    from suppwise.trials.outcomes import (
        OUTCOME_SCALES,
        Citation,
        EvidenceStatus,
        ImportantDifference,
        OutcomeScale,
    )

_HOME = {
    "INTERVAL_PROBABILITY": "analysis",
    "MIN_DAYS": "analysis",
    "MIN_DAYS_PER_ARM": "analysis",
    "VERDICT_PROBABILITY": "analysis",
    "OutcomeAnalysis": "analysis",
    "RhoSummary": "analysis",
    "TrialDataError": "analysis",
    "Verdict": "analysis",
    "analyse_outcome": "analysis",
    "analyse_scale": "analysis",
    "analyse_trial": "analysis",
    "DEFAULT_PRIOR": "ar1",
    "Ar1Fit": "ar1",
    "Ar1Prior": "ar1",
    "TMixture": "ar1",
    "fit_ar1": "ar1",
    "fit_ar1_batch": "ar1",
    "OUTCOME_SCALES": "outcomes",
    "Citation": "outcomes",
    "EvidenceStatus": "outcomes",
    "ImportantDifference": "outcomes",
    "OutcomeScale": "outcomes",
}

__all__ = [
    "DEFAULT_PRIOR",
    "INTERVAL_PROBABILITY",
    "MIN_DAYS",
    "MIN_DAYS_PER_ARM",
    "OUTCOME_SCALES",
    "VERDICT_PROBABILITY",
    "Ar1Fit",
    "Ar1Prior",
    "Citation",
    "EvidenceStatus",
    "ImportantDifference",
    "OutcomeAnalysis",
    "OutcomeScale",
    "RhoSummary",
    "TMixture",
    "TrialDataError",
    "Verdict",
    "analyse_outcome",
    "analyse_scale",
    "analyse_trial",
    "fit_ar1",
    "fit_ar1_batch",
]


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'suppwise.trials' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"suppwise.trials.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
