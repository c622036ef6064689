"""Issue 13 §4: "the bundled base load (cache hit) and `ask` p50 must not grow by more than 2x for
a base 5x larger". Measured two ways, both printed by `bench_core.py` (or alone with
`bench_core.py --scale-only`):

- **the issue's own step**: the base as it was before issue 13 (glutamine alone, commit
  `BASELINE_COMMIT`) against today's bundled base, which the ten new substances made about 5x
  larger (records, bytes);
- **the next step**: today's bundled base against a synthetic base 5x larger (synthetic.py).

Figures are CPU time of this process (`time.process_time`), not wall time: the machine has two
cores shared with other test runs, and CPU time per operation is what the code costs. Every base
is measured in turn within each round (interleaved), so a busy moment hits all of them.

The baseline base is read from git (`git show BASELINE_COMMIT:...`), so it needs the repository;
records whose schema changed since (interactions gained a severity scale, one entity was renamed)
are taken in today's wording, by id: the baseline keeps that commit's records and their number,
in the current schema. Without git, or if the result does not validate, its rows are skipped
with the reason.
"""

from __future__ import annotations

import functools
import gc
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from benchlib import median, ms, table
from questions import question_set, spread_replicas
from suppwise.evidence import bundled_data_dir, validate_directory
from suppwise.evidence.cache import cached_base
from suppwise.services import answers as services
from synthetic import SyntheticError, read_source, temporary_synthetic

BASELINE_COMMIT = "654784c"  # the last merge before issue 13's first evidence commit (d09b1f4)
DATA_PATH = "src/suppwise/evidence/data"
REPO = Path(__file__).resolve().parents[1]
TARGET = 2.0
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class BaselineError(RuntimeError):
    """The pre-issue-13 base cannot be rebuilt here (no git, or it no longer validates)."""


def _git(*args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        raise BaselineError(f"git {' '.join(args)} failed: {error}") from error
    return done.stdout


def write_baseline(dest: Path) -> Path:
    """The evidence files of `BASELINE_COMMIT` in `dest` (emptied first), each record that today's
    schema or checks refuse taken in today's wording (same section, same id). Raises BaselineError."""
    today: dict[tuple[str, str], Any] = {
        (section, record["id"]): record
        for document in read_source(bundled_data_dir()).values()
        for section, records in document.items()
        for record in records or ()
        if isinstance(record, dict) and "id" in record
    }
    names = [
        n for n in _git("ls-tree", "-r", "--name-only", BASELINE_COMMIT, DATA_PATH).splitlines() if n.endswith(".yaml")
    ]
    if not names:
        raise BaselineError(f"no evidence files at {BASELINE_COMMIT}")
    documents = {Path(n).name: yaml.load(_git("show", f"{BASELINE_COMMIT}:{n}"), Loader=_LOADER) or {} for n in names}
    for _attempt in range(3):
        if dest.exists():
            shutil.rmtree(dest)
        dest.mkdir(parents=True)
        for name, document in documents.items():
            text = yaml.dump(document, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=100)
            (dest / name).write_text(text, encoding="utf-8")
        problems = validate_directory(dest)
        if not problems:
            return dest
        for problem in problems:
            where = _RECORD.match(problem.field)
            if where is None:
                raise BaselineError(f"the {BASELINE_COMMIT} base does not validate today: {problem.render()}")
            section, index = where.group(1), int(where.group(2))
            record = documents[problem.file][section][index]
            current = today.get((section, record.get("id")))
            if current is None:
                raise BaselineError(f"the {BASELINE_COMMIT} base does not validate today: {problem.render()}")
            documents[problem.file][section][index] = current
    raise BaselineError(f"the {BASELINE_COMMIT} base does not validate today: {problems[0].render()}")


_RECORD = re.compile(r"^(\w+)\[(\d+)\]")


@dataclass
class Base:
    label: str
    directory: Path
    questions: list[str]
    files: int = 0
    size_bytes: int = 0
    records: int = 0
    hit: list[float] = field(default_factory=list)
    hit_ask: list[float] = field(default_factory=list)
    ask: list[float] = field(default_factory=list)


def cpu(fn: Callable[[], object]) -> float:
    """CPU seconds of this process for one call of `fn`, after forgetting every loaded base (not
    timed: freeing the previous one is not part of a load) and a full collection, collector on."""
    _fresh_process_state()
    gc.collect()
    start = time.process_time()
    fn()
    return time.process_time() - start


def cpu_short(fn: Callable[[], object]) -> float:
    """CPU seconds for one short call, garbage collector held off (as `timeit` does)."""
    was = gc.isenabled()
    gc.disable()
    try:
        start = time.process_time()
        fn()
        return time.process_time() - start
    finally:
        if was:
            gc.enable()


def _fresh_process_state() -> None:
    """Forget the loaded bases and everything made from them (lexicons), as a new process would."""
    from suppwise.questions.vocabulary import lexicon_for

    cached_base.cache_clear()
    lexicon_for.cache_clear()


def _hit(base: Base) -> object:
    return services.evidence_base(base.directory)


def _hit_ask(base: Base) -> object:
    return services.ask(base.questions[0], base.directory)


def _describe(base: Base) -> Base:
    paths = sorted(p for p in base.directory.rglob("*.yaml"))
    base.files = len(paths)
    base.size_bytes = sum(p.stat().st_size for p in paths)
    loaded = services.evidence_base(base.directory)  # a miss: writes the cache the hits read
    base.records = sum(len(loaded.records(name)) for name in _sections())
    return base


def _sections() -> Sequence[str]:
    from suppwise.evidence.schema import SECTIONS

    return SECTIONS


def measure(bases: Sequence[Base], rounds: int, ask_rounds: int) -> None:
    """Interleaved: each round times every base's cache hit and hit + first question in turn,
    then the warm `ask` of every question on every base in turn."""
    for base in bases:
        _describe(base)
    for _ in range(rounds):
        for base in bases:
            base.hit.append(cpu(functools.partial(_hit, base)))
            base.hit_ask.append(cpu(functools.partial(_hit_ask, base)))
    for base in bases:  # warm-up pass: lexicons built, sections decoded
        for question in base.questions:
            services.ask(question, base.directory)
    for _ in range(ask_rounds):
        for base in bases:
            for question in base.questions:
                base.ask.append(cpu_short(functools.partial(services.ask, question, base.directory)))


def _ratio_row(label: str, big: Base, small: Base) -> list[str]:
    def cell(a: list[float], b: list[float]) -> str:
        r = median(a) / median(b)
        return f"{r:.2f}x {'ok' if r <= TARGET else 'OVER'}"

    growth = f"{big.records / small.records:.1f}x records, {big.size_bytes / small.size_bytes:.1f}x bytes"
    return [label, growth, cell(big.hit, small.hit), cell(big.hit_ask, small.hit_ask), cell(big.ask, small.ask)]


def render(bases: Sequence[Base], note: str) -> str:
    rows = [
        [
            b.label,
            f"{b.files} files, {b.size_bytes / 1e6:.2f} MB, {b.records:,} records",
            ms(median(b.hit)),
            ms(median(b.hit_ask)),
            ms(median(b.ask)),
        ]
        for b in bases
    ]
    by_label = {b.label: b for b in bases}
    pairs = [("bundled vs glutamine-only (issue 13's step)", "bundled", "glutamine-only"),
             ("synthetic 5x vs bundled (the next step)", "synthetic 5x", "bundled")]  # fmt: skip
    rows.append(["", "", "", "", ""])
    for label, big, small in pairs:
        if big in by_label and small in by_label:
            rows.append(_ratio_row(label, by_label[big], by_label[small]))
    n = [len(bases[0].hit), len(bases[0].ask)] if bases else [0, 0]
    return table(
        "Scale (issue 13 §4): cache-hit load and ask p50 as the base grows; target <= 2x for 5x the base.\n"
        "CPU ms of this process, medians",
        ["base", "size", "cache-hit load", "hit + first ask", "ask p50"],
        rows,
        f"cache-hit load: services.evidence_base with the disk cache warm, nothing loaded in the process\n"
        f"({n[0]} runs per base). hit + first ask: the same then the first question (builds the lexicon,\n"
        f"decodes the sections it reads): what one `suppwise ask` pays after imports. ask p50: every\n"
        f"question of benchmarks/questions.py on a loaded base ({n[1]} samples per base).\n"
        f"glutamine-only: the base at commit {BASELINE_COMMIT}, before issue 13 (benchmarks/scale.py).{note}",
        left=2,
    )


@contextmanager
def scale_bases(factor: int = 5) -> Iterator[tuple[list[Base], str]]:
    """The three bases (the baseline only when git can rebuild it), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="suppwise-scale-"))
    note = ""
    bases: list[Base] = []
    cleanup: Callable[[], None] = lambda: None  # noqa: E731
    try:
        try:
            baseline = write_baseline(folder / "glutamine-only")
            bases.append(Base("glutamine-only", baseline, question_set()))
        except BaselineError as error:
            note = f"\nglutamine-only skipped: {error}"
        bases.append(Base("bundled", bundled_data_dir(), question_set()))
        try:
            directory, cleanup = temporary_synthetic(factor, validate=False)
            bases.append(Base(f"synthetic {factor}x", directory, question_set(spread_replicas(factor))))
        except SyntheticError as error:
            note += f"\nsynthetic {factor}x skipped: {error}"
        yield bases, note
    finally:
        _fresh_process_state()
        cleanup()
        shutil.rmtree(folder, ignore_errors=True)


def scale_table(quick: bool) -> str:
    with scale_bases() as (bases, note):
        measure(bases, rounds=5 if quick else 15, ask_rounds=3 if quick else 10)
        return render(bases, note)
