"""Pooling personal trials into new evidence: many people's diaries of one supplement, condition
and outcome become a population estimate.

Pure core, in two steps (no database, web or CLI imports):

- `person_effects`: each person's effect under the same AR(1) model as a single trial
  (`suppwise.stats.ar1`), vectorised over people, summarised as a normal likelihood.
- `random_effects`: effect_i ~ N(mu, tau^2) between people, mu integrated analytically given
  tau, tau on an adaptive grid; population effect, spread, a new person's predictive effect, the
  share of people who improve or worsen by the important difference, shrunken personal estimates.

`pool.pool_cohort` joins them; `cohort.CohortBatch` is the input shape; `synthetic` draws cohorts
with a known truth for tests and benchmarks. `partitions` cuts the per-person step into groups of
people loaded where they are analysed, and `cluster` runs those on a Dask cluster (the optional
`cluster` extra, imported only there), the between-person step (`pool.pool_person_effects`)
staying on the client. The model, priors, JSON and the cluster's reduction are in docs/pooling.md.
"""

from suppwise.errors import PoolingError
from suppwise.pooling.cohort import CohortBatch, batch_from_rows
from suppwise.pooling.person_effects import PersonEffects, PersonStatus, person_effects
from suppwise.pooling.pool import METHOD, PoolResult, pool_cohort
from suppwise.pooling.random_effects import (
    DEFAULT_POOL_PRIOR,
    MIN_PEOPLE,
    PooledEstimate,
    PoolPrior,
    ShrunkenEffects,
    pool_estimates,
)

__all__ = [
    "DEFAULT_POOL_PRIOR",
    "METHOD",
    "MIN_PEOPLE",
    "CohortBatch",
    "PersonEffects",
    "PersonStatus",
    "PoolPrior",
    "PoolResult",
    "PooledEstimate",
    "PoolingError",
    "ShrunkenEffects",
    "batch_from_rows",
    "person_effects",
    "pool_cohort",
    "pool_estimates",
]
