"""The per-person step on a Dask cluster (`dask.distributed`), the between-person step staying here.

Each partition (`partitions.Partition`) is sent to a worker, which loads its people (draws them,
reads them from the trial database, or receives them) and returns their summaries
(`PersonEffects`: estimate, standard error, the checks of the normal summary, days used, status —
numbers only, no id, date or note). The client gathers them in the order of the partitions and
concatenates them: that is the whole reduction, exact because nothing is added up across people
before the client has every summary. `pool.pool_person_effects` then runs here, on exactly what the
in-process path would have computed (to floating point: a person's arithmetic is the same in any
batch, up to the order in which BLAS adds a few terms).

Why the between-person step is not distributed too: given tau it needs four sums over people, which
would add across partitions, but tau's grid is found adaptively (several rounds) and the shrunken
estimates need every person again; at 16 bytes a person, a million people's estimates fit easily in
one client's memory, and the step takes seconds.

Dask is optional (the `cluster` extra): it is imported only here, only when a scheduler is named,
and its absence is a clear error naming the extra.

Every worker must run the same code as the client: the same code is what makes the results the
same. `code_version` names it: the installed suppwise version and a digest of the package's Python
source, so two installations that carry the same version number but differ in a line of code (a
development tree, a patched image) are told apart too. It is checked twice: of every worker before
any partition is sent, and of the worker that summarised each partition, returned with its
summaries, so a worker that joined the cluster after the first check cannot slip in either. A
mismatch stops the pool with both versions named; nothing from a mismatched worker is pooled.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Final

from suppwise.errors import PoolingError
from suppwise.pooling.partitions import Partition, partition_effects
from suppwise.pooling.person_effects import PersonEffects
from suppwise.stats.ar1 import DEFAULT_PRIOR, Ar1Prior

if TYPE_CHECKING:
    from distributed import Client

CLUSTER_EXTRA: Final = "cluster"
CONNECT_TIMEOUT_S: Final = 20.0
"""How long to wait for the scheduler to answer and for at least one worker to be there."""
_INSTALL_HINT: Final = f"install the optional Dask support: pip install 'suppwise[{CLUSTER_EXTRA}]'"


def effects_on_cluster(
    scheduler: str,
    partitions: Iterable[Partition],
    *,
    score_range: tuple[float, float],
    prior: Ar1Prior = DEFAULT_PRIOR,
    connect_timeout: float = CONNECT_TIMEOUT_S,
) -> PersonEffects:
    """Every partition's people summarised on the workers of the Dask scheduler at `scheduler`
    (e.g. `tcp://10.0.0.5:8786`), concatenated here in the partitions' order.

    Raises `PoolingError` when Dask is not installed, the scheduler cannot be reached or has no
    worker, a worker runs another suppwise version, or a worker died; an error a partition raises
    on purpose (a `SuppwiseError`, e.g. an unreachable database) arrives here as it was raised."""
    distributed = require_distributed()
    try:
        client = distributed.Client(scheduler, timeout=connect_timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise PoolingError(
            f"could not reach the Dask scheduler at {scheduler!r}: {error}",
            hint="check the address (e.g. tcp://HOST:8786) and that `dask scheduler` is running there",
        ) from None
    with client:
        _check_workers(client, connect_timeout)
        futures = client.map(_versioned_effects, list(partitions), score_range=score_range, prior=prior, pure=False)
        try:
            parts = client.gather(futures)
        except distributed.KilledWorker as error:
            raise PoolingError(
                f"a Dask worker died while analysing a partition of people ({error})",
                hint="check the workers' memory limits and logs; smaller partitions need less memory each",
            ) from None
    _check_versions(part[0] for part in parts)
    return PersonEffects.concatenate(part[1] for part in parts)


def code_version() -> str:
    """This installation's suppwise version and the first 12 hex digits of a SHA-256 digest of every
    Python file of the package (path and bytes, in path order), e.g. `0.1.0+code.3f9a0c1d2e4b`."""
    return f"{_suppwise_version()}+code.{_source_digest()}"


def _versioned_effects(
    partition: Partition, *, score_range: tuple[float, float], prior: Ar1Prior
) -> tuple[str, PersonEffects]:
    """The map step on a worker, with the worker's `code_version` beside the summaries."""
    return code_version(), partition_effects(partition, score_range=score_range, prior=prior)


def require_distributed() -> ModuleType:
    """`dask.distributed`, or a `PoolingError` naming the extra that installs it."""
    try:
        import distributed
    except ImportError:
        raise PoolingError(
            "running the pool on a Dask cluster (--scheduler) needs dask.distributed, which is not installed",
            hint=_INSTALL_HINT,
        ) from None
    return distributed


def _check_workers(client: Client, timeout: float) -> None:
    try:
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError:
        raise PoolingError(
            f"the Dask scheduler has had no worker for {timeout:g} s",
            hint="start workers with `dask worker SCHEDULER_ADDRESS` on machines that have suppwise installed",
        ) from None
    try:
        versions = client.run(code_version)
    except Exception as error:  # a worker that cannot even import suppwise fails here, with its own error
        raise PoolingError(
            f"a Dask worker could not run suppwise: {type(error).__name__}: {error}",
            hint=f"install the same suppwise on every worker: pip install 'suppwise[{CLUSTER_EXTRA}]'",
        ) from None
    _check_versions(versions.values())


def _check_versions(versions: Iterable[str]) -> None:
    mine = code_version()
    others = sorted({v for v in versions if v != mine})
    if others:
        raise PoolingError(
            f"the Dask workers run suppwise {', '.join(others)} and this client {mine}; "
            "no partition analysed by another version is pooled",
            hint="install the client's suppwise (the same release, the same code) on every worker, so that "
            "each person is analysed the same way; one image for client and workers keeps them equal",
        )


@cache
def _source_digest() -> str:
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:12]


def _suppwise_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("suppwise")
    except PackageNotFoundError:  # pragma: no cover - a source tree on sys.path without installing it
        return "unknown"
