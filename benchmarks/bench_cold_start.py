"""CLI cold start: the wall time of `suppwise ask` and `suppwise --help` as fresh processes,
against `python -c "pass"` run the same way (the reference), and which imports the time goes to.

Why subprocesses: a user pays interpreter start, every import, the evidence load (a cache hit
after the first run) and rendering on every invocation; in-process timings see none of that.
Commands run interleaved (one of each per round) so a busy moment hits them all alike.

The evidence cache is pointed at a temporary folder (SUPPWISE_CACHE_DIR), primed before timing;
one row runs with the cache off to show what a run after an evidence edit pays.

Run: ``.venv/bin/python benchmarks/bench_cold_start.py [--quick]``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchlib import against, median, ms, ratio, table

QUESTION = "Does glutamine increase pain in fibromyalgia?"
TARGET = 0.400
IMPORT_RUNS = 5
# What `ask` cannot avoid importing: the CLI stack, pydantic with its model machinery, rapidfuzz.
ASK_FLOOR = "import typer, rich.console, rapidfuzz, pydantic; pydantic.create_model('M', x=(int, 0))"
_IMPORT_LINE = re.compile(r"^import time:\s+(\d+)\s+\|\s+(\d+)\s+\|( *)(\S+)\s*$")


@dataclass(frozen=True)
class Command:
    label: str
    argv: tuple[str, ...]
    cache: bool = True  # False: SUPPWISE_CACHE_DIR=off for this command
    cli: bool = False  # a suppwise command: the 400 ms target applies


# Prototypes of a faster exit, run through the real entry point (benchmarks only, src untouched).
# Python's shutdown collects and tears down every object the imports created: tens of ms.
FAST_EXIT = """
import os, sys
from suppwise.cli import main
sys.argv[0] = "suppwise"
code = 0
try:
    main()
except SystemExit as exit_:
    code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
sys.stdout.flush()
sys.stderr.flush()
os._exit(code)
"""
FREEZE = """
import gc, sys
from suppwise.cli import main
gc.freeze()
sys.argv[0] = "suppwise"
main()
"""


def suppwise_argv(*args: str) -> tuple[str, ...]:
    """The installed console script next to this interpreter, else the same entry point via -c."""
    script = Path(sys.executable).with_name("suppwise")
    if script.exists():
        return (str(script), *args)
    return (sys.executable, "-c", "import sys; from suppwise.cli import main; sys.argv[0] = 'suppwise'; main()", *args)


def commands() -> list[Command]:
    """The reference first (every ratio divides by it), then the CLI, then floors and prototypes."""
    python = sys.executable
    return [
        Command('python -c "pass"  (reference)', (python, "-c", "pass")),
        Command('python -c "import suppwise"', (python, "-c", "import suppwise")),
        Command('python -c "import suppwise.cli"', (python, "-c", "import suppwise.cli")),
        Command("suppwise --help", suppwise_argv("--help"), cli=True),
        Command(f'suppwise ask "{QUESTION}"', suppwise_argv("ask", QUESTION), cli=True),
        Command("suppwise ask ... --format json", suppwise_argv("ask", QUESTION, "--format", "json"), cli=True),
        Command("suppwise ask ...  (cache off: full load)", suppwise_argv("ask", QUESTION), cache=False, cli=True),
        Command("floor for --help: import typer, rich.console", (python, "-c", "import typer, rich.console")),
        Command("floor for ask: the same + pydantic (one model) + rapidfuzz", (python, "-c", ASK_FLOOR)),
        Command("proto: ask, gc.freeze() after the imports", (python, "-c", FREEZE, "ask", QUESTION), cli=True),
        Command("proto: ask, os._exit() after flushing output", (python, "-c", FAST_EXIT, "ask", QUESTION), cli=True),
        Command(STEPS_LABEL, (python, "-c", STEPS_SCRIPT, QUESTION)),
    ]


ASK = 4  # index of the plain `suppwise ask` command
FAST_EXIT_INDEX = 10


# One `suppwise ask` without Typer, split into its steps: run like the other commands (same
# rounds), it reports its step times as JSON on stderr; its wall time minus its steps is the
# interpreter's own start and shutdown for a process that imported suppwise.
STEPS_SCRIPT = """
import json, sys, time
question = sys.argv[1]
t0 = time.perf_counter()
import suppwise.cli
t1 = time.perf_counter()
from suppwise.services import answers as services
services.evidence_base()
t2 = time.perf_counter()
answer = services.ask(question)
t3 = time.perf_counter()
from suppwise.render import Format, render
sys.stdout.write(render(answer, Format.TEXT))
sys.stdout.flush()
t4 = time.perf_counter()
sys.stderr.write(json.dumps({"import suppwise.cli": t1 - t0, "load evidence (cache hit)": t2 - t1,
                             "first ask (lexicon, parse, answer)": t3 - t2, "render + write text (Rich)": t4 - t3}))
"""
STEPS_LABEL = "steps script: the same ask without Typer, timed inside"


def environment(cache_dir: Path, cache: bool) -> dict[str, str]:
    env = dict(os.environ)
    env["SUPPWISE_CACHE_DIR"] = str(cache_dir) if cache else "off"
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    return env


def run_once(argv: Sequence[str], env: Mapping[str, str]) -> tuple[float, str]:
    """Wall seconds from spawn to exit, and stderr; a failing command is an error, not a sample."""
    start = time.perf_counter()
    completed = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    stderr = completed.stderr.decode(errors="replace")
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {completed.returncode}: {stderr[-500:]}")
    return elapsed, stderr


@dataclass
class Timings:
    """Wall seconds per command label, and per run of the steps script its wall and step times."""

    wall: dict[str, list[float]]
    steps: list[tuple[float, dict[str, float]]]


def time_commands(cmds: Sequence[Command], rounds: int, cache_dir: Path) -> Timings:
    """Each command once per round, in turn, after one untimed round (warms the OS file cache and
    writes the evidence cache)."""
    timings = Timings(defaultdict(list), [])
    for round_ in range(rounds + 1):
        for cmd in cmds:
            elapsed, stderr = run_once(cmd.argv, environment(cache_dir, cmd.cache))
            if not round_:
                continue
            timings.wall[cmd.label].append(elapsed)
            if cmd.label == STEPS_LABEL:
                timings.steps.append((elapsed, json.loads(stderr.strip().splitlines()[-1])))
    return timings


@dataclass(frozen=True)
class ImportTime:
    name: str
    self_us: float
    cumulative_us: float
    parent: str


def parse_importtime(stderr: str) -> list[ImportTime]:
    """Rows of `-X importtime` output, each with the module that imported it. The output lists a
    module after everything it imports, so a row's parent is the next row one level shallower."""
    rows = []
    for line in stderr.splitlines():
        match = _IMPORT_LINE.match(line)
        if match:
            self_us, cumulative_us, indent, name = match.groups()
            rows.append((int(self_us), int(cumulative_us), len(indent) // 2, name))
    out = []
    for i, (self_us, cumulative_us, depth, name) in enumerate(rows):
        parent = next((r[3] for r in rows[i + 1 :] if r[2] < depth), "(top level)")
        out.append(ImportTime(name, self_us, cumulative_us, parent))
    return out


def import_profile(cache_dir: Path, runs: int) -> list[ImportTime]:
    """Median self and cumulative import time per module for `suppwise ask` over `runs` runs."""
    per_module: dict[str, list[ImportTime]] = defaultdict(list)
    for _ in range(runs):
        env = environment(cache_dir, cache=True)
        env["PYTHONPROFILEIMPORTTIME"] = "1"
        completed = subprocess.run(
            suppwise_argv("ask", QUESTION),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=True,
            text=True,
        )
        for row in parse_importtime(completed.stderr):
            per_module[row.name].append(row)
    return [
        ImportTime(name, median([r.self_us for r in rows]), median([r.cumulative_us for r in rows]), rows[0].parent)
        for name, rows in per_module.items()
    ]


def package_of(module: str) -> str:
    """What a lazy import would defer: suppwise's own second-level package, else the top package."""
    parts = module.split(".")
    return ".".join(parts[:3]) if parts[0] == "suppwise" else parts[0]


# -- tables -----------------------------------------------------------------------------------


def wall_table(cmds: Sequence[Command], samples: Mapping[str, Sequence[float]]) -> str:
    """Every command's wall time, and as a ratio against the reference (the first command)."""
    reference = median(samples[cmds[0].label])
    rows = []
    for cmd in cmds:
        values = samples[cmd.label]
        value = median(values)
        rows.append(
            [
                cmd.label,
                str(len(values)),
                ms(value),
                ms(min(values)),
                ms(max(values)),
                ratio(value / reference),
                ms(value - reference),
                against(value, TARGET) if cmd.cli else "",
            ]
        )
    return table(
        "CLI cold start: wall time of a fresh process, ms",
        ["command", "runs", "median", "min", "max", "x python", "minus python", "target < 400 ms"],
        rows,
        "x python: divided by the reference row (interpreter start alone), same run. Evidence cache primed\n"
        "in a temporary folder except where noted.",
    )


def steps_table(timings: Timings, cmds: Sequence[Command]) -> str:
    """One ask, decomposed run by run (so the parts add up), then set against the CLI's wall time."""
    names = list(timings.steps[0][1])
    per_run = {name: [steps[name] for _, steps in timings.steps] for name in names}
    outside = [wall - sum(steps.values()) for wall, steps in timings.steps]
    interpreter = median(timings.wall[cmds[0].label])
    script = median([wall for wall, _ in timings.steps])
    cli = median(timings.wall[cmds[ASK].label])
    fast_exit = median(timings.wall[cmds[FAST_EXIT_INDEX].label])

    def row(label: str, seconds: float) -> list[str]:
        return [label, ms(seconds), f"{seconds / script:.0%}"]

    rows = [row(name, median(values)) for name, values in per_run.items()]
    rows.append(row("interpreter start + shutdown (wall minus the steps, per run)", median(outside)))
    rows.append(row("  of which start alone (python -c pass)", interpreter))
    rows.append(row("= steps script, wall", script))
    rows.append(["", "", ""])
    rows.append(["suppwise ask (the CLI), wall", ms(cli), ""])
    rows.append(["  minus the steps script: Typer parsing, dispatch, console", ms(cli - script), ""])
    rows.append(["  minus the os._exit() prototype: what shutdown costs the CLI", ms(cli - fast_exit), ""])
    return table(
        "Where one `suppwise ask` goes, ms (medians; shares of the steps script's wall time)",
        ["step", "ms", "share"],
        rows,
        "All from the same interleaved rounds as the table above.",
    )


def slowest_table(profile: Sequence[ImportTime], count: int = 10) -> str:
    top = sorted(profile, key=lambda r: r.cumulative_us, reverse=True)[:count]
    rows = [[r.name, r.parent, ms(r.cumulative_us / 1e6), ms(r.self_us / 1e6)] for r in top]
    return table(
        f"The {count} slowest imports of `suppwise ask` (python -X importtime, median of {IMPORT_RUNS} runs), ms",
        ["module", "imported by", "cumulative", "self"],
        rows,
        "cumulative includes everything the module imports; a chain (cli > services > evidence > ...)\n"
        "shows the path to the cost. The table below sums self time per package instead.",
        left=2,
    )


def package_table(profile: Sequence[ImportTime], count: int = 12) -> str:
    totals: dict[str, float] = defaultdict(float)
    modules: dict[str, int] = defaultdict(int)
    for row in profile:
        totals[package_of(row.name)] += row.self_us
        modules[package_of(row.name)] += 1
    everything = sum(totals.values())
    top = sorted(totals.items(), key=lambda item: item[1], reverse=True)[:count]
    rows = [[name, str(modules[name]), ms(us / 1e6), f"{us / everything:.0%}"] for name, us in top]
    rows.append(["(all imports)", str(len(profile)), ms(everything / 1e6), "100%"])
    return table(
        "Import time of `suppwise ask` by package (self time summed), ms",
        ["package", "modules", "self ms", "share"],
        rows,
    )


def run(quick: bool) -> str:
    """Measure and return the tables (the caller prints)."""
    rounds = 5 if quick else 10
    cache_dir = Path(tempfile.mkdtemp(prefix="suppwise-bench-cold-"))
    try:
        cmds = commands()
        timings = time_commands(cmds, rounds, cache_dir)
        profile = import_profile(cache_dir, IMPORT_RUNS if not quick else 3)
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)
    return "\n\n".join(
        [wall_table(cmds, timings.wall), steps_table(timings, cmds), slowest_table(profile), package_table(profile)]
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time CLI cold start against bare interpreter start.")
    parser.add_argument("--quick", action="store_true", help="5 rounds instead of 10")
    args = parser.parse_args(argv)
    print(run(args.quick))
    return 0


if __name__ == "__main__":
    sys.exit(main())
