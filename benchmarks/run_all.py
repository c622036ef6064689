"""Every benchmark, one after the other, all tables printed (what `make bench` runs).

Cold start goes first: it only spawns processes, so the core benchmark that follows still gets
a process in which nothing has loaded evidence yet (its 'first load' row depends on that).
A header records what was measured (commit, Python, machine) so pasted tables can be compared.

The trial-analysis benchmark runs after the core ones: it only needs its own synthetic diaries. The
web benchmarks come last, each serving the app in a process of its own.

Run: ``.venv/bin/python benchmarks/run_all.py [--quick]`` (full: about 4 minutes; quick: about 2).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import bench_analysis
import bench_cold_start
import bench_core
import bench_questions
import bench_screen
import bench_web

ROOT = Path(__file__).resolve().parents[1]


def _git(*args: str) -> str:
    """Read-only git query; empty when git or the repository is unavailable."""
    try:
        completed = subprocess.run(("git", *args), cwd=ROOT, capture_output=True, text=True, check=False)
    except OSError:
        return ""
    return completed.stdout.strip() if completed.returncode == 0 else ""


def header(quick: bool) -> str:
    from suppwise import __version__

    commit = _git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = " + uncommitted changes" if _git("status", "--porcelain", "--", "src") else ""
    return "\n".join(
        [
            f"suppwise {__version__} at {commit}{dirty}; {'quick' if quick else 'full'} run, "
            f"{time.strftime('%Y-%m-%d %H:%M:%S')}",
            f"Python {platform.python_version()} ({platform.python_implementation()}), {platform.platform()}, "
            f"{os.cpu_count()} CPUs",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run every suppwise benchmark and print the tables.")
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    print(header(args.quick), end="\n\n", flush=True)
    print(bench_cold_start.run(args.quick), end="\n\n", flush=True)
    print(bench_core.run(bench_core.Plan(quick=args.quick, factor=100)), flush=True)
    print("\n" + bench_screen.run(args.quick), flush=True)
    print("\n" + bench_questions.run(args.quick), flush=True)
    print("\n" + bench_analysis.run(args.quick), flush=True)
    print("\n" + bench_web.run(args.quick), flush=True)
    for script, options in (
        ("bench_report.py", ["--repeats", "1" if args.quick else "3"]),
        ("bench_signup_flood.py", []),
        ("bench_pool.py", ["--quick"] if args.quick else []),
        ("bench_pool_cluster.py", ["--people", "20000" if args.quick else "100000"]),  # 10^6 on its own
    ):
        print(flush=True)
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), *options], check=False)
    print(f"\n(all benchmarks: {time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
