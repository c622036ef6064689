"""Lazy loading for start-up speed, the one mechanism the package uses.

Why it exists: every `suppwise` command is a fresh process, and `suppwise ask` must start in well
under 400 ms. The modules that declare the trial, pool and serve commands name services that
import SQLAlchemy and the database drivers (~0.5 s), NumPy and SciPy (~0.2 s), Jinja2, ReportLab
or uvicorn; `ask` uses none of them. So a module that needs one of those heavy modules only inside
its functions binds it once, at the top, through `lazy_module`:

    if TYPE_CHECKING:
        from suppwise.services import trials as trial_service
    else:
        trial_service = lazy_module("suppwise.services.trials")

The name is then used like the module itself (`trial_service.plan_trial(...)`); the import runs on
the first attribute read. Type checkers read the `TYPE_CHECKING` branch, so every call is checked
against the real module; `tests/test_lazy.py` checks that each name given here is a module the
caller may import under the import contracts of `pyproject.toml` (which do not see a name in a
string) and that `import suppwise.cli` stays free of the heavy libraries.

Why a proxy object rather than `importlib.util.LazyLoader`: the proxy never touches
`sys.modules`, so a module imported the ordinary way elsewhere (the web app, tests) is a normal
module, and the first use from two threads is just two ordinary, locked imports.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """A stand-in for the module `name` that imports it on the first attribute read."""

    __slots__ = ("_module", "_name")

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        module = self._module
        if module is None:
            module = importlib.import_module(self._name)
            self._module = module
        return getattr(module, attribute)

    def __repr__(self) -> str:
        state = "loaded" if self._module is not None else "not loaded yet"
        return f"<lazy module {self._name!r} ({state})>"

    @property
    def module_name(self) -> str:
        """The module this stands for (used by the contract test)."""
        return self._name


def lazy_module(name: str) -> Any:
    """`name`, imported on first use. Typed `Any` on purpose: callers declare the real module
    under `TYPE_CHECKING`, which is what the type checker reads."""
    return LazyModule(name)
