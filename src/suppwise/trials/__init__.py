"""Personal (N-of-1) trials. The statistics are a pure NumPy/SciPy core: no database, web or CLI.

`analyse_outcome` / `analyse_scale` / `analyse_trial` answer "did it change MY score?" for one
outcome or every outcome of a trial; `suppwise.stats.ar1` holds the exact AR(1) posterior they
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
    from suppwise.errors import TrialDataError
    from suppwise.stats.analysis import (
        INTERVAL_PROBABILITY,
        MIN_DAYS,
        MIN_DAYS_PER_ARM,
        VERDICT_PROBABILITY,
        OutcomeAnalysis,
        RhoSummary,
        Verdict,
        analyse_outcome,
        analyse_scale,
        analyse_trial,
    )
    from suppwise.stats.ar1 import DEFAULT_PRIOR, Ar1Fit, Ar1Prior, TMixture, fit_ar1, fit_ar1_batch
    from suppwise.trials.outcomes import (
        OUTCOME_SCALES,
        Citation,
        EvidenceStatus,
        ImportantDifference,
        OutcomeScale,
    )

_HOME = {
    "INTERVAL_PROBABILITY": "suppwise.stats.analysis",
    "MIN_DAYS": "suppwise.stats.analysis",
    "MIN_DAYS_PER_ARM": "suppwise.stats.analysis",
    "VERDICT_PROBABILITY": "suppwise.stats.analysis",
    "OutcomeAnalysis": "suppwise.stats.analysis",
    "RhoSummary": "suppwise.stats.analysis",
    "TrialDataError": "suppwise.stats.analysis",
    "Verdict": "suppwise.stats.analysis",
    "analyse_outcome": "suppwise.stats.analysis",
    "analyse_scale": "suppwise.stats.analysis",
    "analyse_trial": "suppwise.stats.analysis",
    "DEFAULT_PRIOR": "suppwise.stats.ar1",
    "Ar1Fit": "suppwise.stats.ar1",
    "Ar1Prior": "suppwise.stats.ar1",
    "TMixture": "suppwise.stats.ar1",
    "fit_ar1": "suppwise.stats.ar1",
    "fit_ar1_batch": "suppwise.stats.ar1",
    "OUTCOME_SCALES": "suppwise.trials.outcomes",
    "Citation": "suppwise.trials.outcomes",
    "EvidenceStatus": "suppwise.trials.outcomes",
    "ImportantDifference": "suppwise.trials.outcomes",
    "OutcomeScale": "suppwise.trials.outcomes",
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
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
