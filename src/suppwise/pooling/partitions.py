"""Partitions of people: the unit of work of the per-person step, in this process or on a cluster.

Why partitions: the per-person step is independent from person to person, so a cohort too large
for one machine (or one database read) can be cut into groups of people, each loaded and analysed
where it is processed, and only their summaries brought together. A partition knows how to load
its people's diaries (`load`): a batch already in memory (`BatchPartition`), diaries drawn from a
seed (`synthetic.SyntheticPartition`), or trials read from the trial database by the process that
analyses them (`suppwise.services.consent.TrialPartition`). It must pickle, since a Dask worker
receives it, and its `load` runs there.

The map step is `partition_effects`; the reduction is `PersonEffects.concatenate` in the order of
the partitions, which adds nothing up (every person's summary is final where it is computed), so
partitioning changes no person's numbers and the between-person step
(`pool.pool_person_effects`) sees the same inputs whichever route the per-person step took.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from suppwise.pooling._threads import single_blas_thread
from suppwise.pooling.cohort import CohortBatch
from suppwise.pooling.person_effects import PersonEffects, person_effects
from suppwise.stats.ar1 import DEFAULT_PRIOR, Ar1Prior


class Partition(Protocol):
    """Some people's diaries of one outcome, loaded where they are analysed."""

    def load(self) -> CohortBatch: ...


@dataclass(frozen=True)
class BatchPartition:
    """A batch already in memory (diaries read from files by the caller): it travels as it is."""

    batch: CohortBatch

    def load(self) -> CohortBatch:
        return self.batch


def batch_effects(
    batch: CohortBatch, *, score_range: tuple[float, float], prior: Ar1Prior = DEFAULT_PRIOR
) -> PersonEffects:
    """The per-person step on one batch, under the one-BLAS-thread limit (`_threads`)."""
    with single_blas_thread():
        return person_effects(batch, score_range=score_range, prior=prior)


def partition_effects(
    partition: Partition, *, score_range: tuple[float, float], prior: Ar1Prior = DEFAULT_PRIOR
) -> PersonEffects:
    """The map step: load one partition and summarise each of its people (runs on a worker)."""
    return batch_effects(partition.load(), score_range=score_range, prior=prior)


def effects_in_process(
    partitions: Iterable[Partition], *, score_range: tuple[float, float], prior: Ar1Prior = DEFAULT_PRIOR
) -> PersonEffects:
    """Every partition's people, one partition at a time in this process (memory bounded by one
    partition plus the summaries), concatenated in order."""
    return PersonEffects.concatenate(partition_effects(p, score_range=score_range, prior=prior) for p in partitions)
