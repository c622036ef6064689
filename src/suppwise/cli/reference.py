"""The CLI reference (docs/cli.md), generated from the Typer app so the docs cannot drift: a test
compares the file with this output. Regenerate with `make docs`."""

from __future__ import annotations

from typing import Any

import typer

from suppwise.cli.commands import app


def _is_group(command: Any) -> bool:
    return hasattr(command, "commands")


def _walk(command: Any, path: list[str]) -> list[tuple[list[str], Any]]:
    found = [(path, command)]
    if _is_group(command):
        for name in sorted(command.commands):
            found.extend(_walk(command.commands[name], [*path, name]))
    return found


def _param_line(param: Any) -> str:
    if param.param_type_name == "argument":
        help_text = getattr(param, "help", "") or ""
        return f"- `{param.name.upper()}` (argument): {help_text}".rstrip(": ")
    names = ", ".join(f"`{o}`" for o in (*param.opts, *getattr(param, "secondary_opts", ())))
    choices = ""
    enum_type = getattr(param.default, "__class__", None)
    if enum_type is not None and hasattr(enum_type, "__members__"):
        choices = f" One of: {', '.join(str(m.value) for m in enum_type)}."
    default = ""
    if param.default not in (None, False, ()) and not param.is_flag:
        value = getattr(param.default, "value", param.default)
        default = f" Default: `{value}`."
    return f"- {names}: {param.help or ''}{choices}{default}".rstrip()


def cli_reference() -> str:
    root = typer.main.get_command(app)
    lines = ["# suppwise command reference", "", "Generated from the code by `make docs`; a test keeps it current.", ""]
    for path, command in _walk(root, ["suppwise"]):
        if _is_group(command) and len(path) > 1:
            lines += [f"## `{' '.join(path)}`", "", (command.help or "").strip(), ""]
            continue
        if _is_group(command):
            continue
        lines += [f"## `{' '.join(path)}`", "", (command.help or "").strip(), ""]
        params = [p for p in command.params if p.name != "help"]
        if params:
            lines += ["Arguments and options:", ""]
            lines += [_param_line(p) for p in params]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    print(cli_reference(), end="")
