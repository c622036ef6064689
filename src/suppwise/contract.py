"""The one base of every documented result and request model (the JSON contracts).

A contract model refuses keys it does not declare (a typo in a request, or a renamed field in a
result, fails where it happens instead of vanishing) and is frozen: a result handed to a renderer
is the one the service built. Every contract model of the package derives from `Model`.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["Model"]


class Model(BaseModel):
    """A contract model: unknown keys refused, instances immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)
