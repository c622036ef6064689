"""Lazy loading (`suppwise.lazy`): what the CLI pays at start-up, and that every lazily bound
module is one the import contracts can see."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from suppwise.lazy import LazyModule, lazy_module

SRC = Path(__file__).resolve().parents[1] / "src" / "suppwise"
# What `suppwise ask` never uses: the database layer, the statistics, the report and web stacks.
HEAVY = ("sqlalchemy", "numpy", "scipy", "jinja2", "weasyprint", "uvicorn", "fastapi", "suppwise.storage")


def _loaded_after(code: str, names: tuple[str, ...]) -> dict[str, bool]:
    probe = f"import sys; {code}; print(' '.join(str(n in sys.modules) for n in {list(names)!r}))"
    completed = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return dict(zip(names, (flag == "True" for flag in completed.stdout.split()), strict=True))


def test_importing_the_cli_loads_none_of_the_heavy_libraries() -> None:
    assert _loaded_after("import suppwise.cli", HEAVY) == dict.fromkeys(HEAVY, False)


def test_importing_the_trials_package_and_its_plans_loads_no_statistics() -> None:
    """Plans and diaries are used by the CLI without statistics; SciPy costs ~0.2 s to import."""
    names = ("numpy", "scipy", "suppwise.stats.analysis")
    code = "import suppwise.trials, suppwise.trials.plan, suppwise.trials.outcomes, suppwise.trials.diary_analysis"
    assert _loaded_after(code, names) == dict.fromkeys(names, False)


def test_a_lazy_module_imports_on_the_first_attribute_read() -> None:
    name = "suppwise.stats.analysis"
    code = f"from suppwise.lazy import lazy_module; m = lazy_module({name!r})"
    assert _loaded_after(code, (name, "numpy")) == {name: False, "numpy": False}
    assert _loaded_after(code + "; m.analyse_trial", (name, "numpy")) == {name: True, "numpy": True}


def test_a_lazy_module_gives_the_real_objects_and_real_errors() -> None:
    from suppwise.stats import analysis

    lazy = lazy_module("suppwise.stats.analysis")
    assert "not loaded yet" in repr(lazy)
    assert lazy.analyse_trial is analysis.analyse_trial
    assert "(loaded)" in repr(lazy)
    with pytest.raises(AttributeError, match="no_such_name"):
        lazy.no_such_name  # noqa: B018
    with pytest.raises(ModuleNotFoundError):
        lazy_module("suppwise.no_such_module").anything  # noqa: B018


def _lazy_bindings(tree: ast.Module) -> dict[str, str]:
    """Name -> module of every `NAME = lazy_module("module")` at the top of a file."""
    found: dict[str, str] = {}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
            and node.value.func.id == "lazy_module"
        ):
            (target,) = node.targets
            (argument,) = node.value.args
            assert isinstance(target, ast.Name) and isinstance(argument, ast.Constant)
            found[target.id] = argument.value
    return found


def _type_checking_imports(tree: ast.Module) -> dict[str, str]:
    """Name -> module of every module imported under `if TYPE_CHECKING:`."""
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for statement in node.body:
                if isinstance(statement, ast.ImportFrom) and statement.module:
                    for alias in statement.names:
                        found[alias.asname or alias.name] = f"{statement.module}.{alias.name}"
    return found


def test_every_lazy_binding_is_declared_for_the_type_checker_and_the_import_contracts() -> None:
    """A module named only in a string is invisible to mypy and import-linter; the same name
    imported under TYPE_CHECKING is what both read (pyproject.toml counts those imports)."""
    seen = 0
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        bindings = _lazy_bindings(tree)
        if path.name == "lazy.py" or not bindings:
            continue
        declared = _type_checking_imports(tree)
        for name, module in bindings.items():
            assert declared.get(name) == module, f"{path.relative_to(SRC)}: {name} = lazy_module({module!r})"
            seen += 1
    assert seen >= 10  # the CLI's services and renderers, the report files, the statistics


def test_the_shells_and_services_import_nothing_inside_functions() -> None:
    """The one mechanism: no command, route or service imports inside its body."""
    paths = [*(SRC / "cli").glob("*.py"), *(SRC / "services").glob("*.py"), *(SRC / "web" / "routes").glob("*.py")]
    for path in sorted(paths):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
            nested = [n for n in ast.walk(function) if isinstance(n, ast.Import | ast.ImportFrom)]
            assert not nested, f"{path.name}:{nested[0].lineno} imports inside {function.name}"


def test_lazy_module_returns_a_stand_in_not_the_module() -> None:
    assert isinstance(lazy_module("suppwise.errors"), LazyModule)
    assert lazy_module("suppwise.errors").module_name == "suppwise.errors"
