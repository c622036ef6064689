"""Core speed: loading the evidence base and answering questions, on the bundled base and on a
synthetic one 100 times larger, each figure also given as a ratio against reference runs in the
same process (the project rule: no timed assertions in tests; ratios here).

Why both sizes: the bundled base says what a user waits for today; the synthetic one says which
step stops scaling as curators add evidence. Why interleaved: the variants of one measurement
(uncached load, cache miss, cache hit, reference parsers, prototypes) run in turn within each
repeat, so a burst of load on a shared machine hits them all alike and the ratios stay honest.

The evidence cache is pointed at a temporary folder for the run (SUPPWISE_CACHE_DIR), so the
user's cache is neither read nor written.

Run: ``.venv/bin/python benchmarks/bench_core.py [--quick] [--factor N] [--evidence DIR]``.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

import prototypes
from benchlib import (
    Reference,
    against,
    measure_reference,
    median,
    ms,
    percentile,
    ratio,
    speedup,
    table,
    time_call,
    time_heavy,
)
from questions import MEANT_TO_MISS, question_set, spread_replicas
from scale import scale_table
from suppwise.errors import EvidenceError
from suppwise.evidence import EvidenceBase, bundled_data_dir, load_evidence
from suppwise.questions.answer import build_answer
from suppwise.questions.parse import parse
from suppwise.questions.vocabulary import Lexicon, lexicon_for
from suppwise.services import answers as services
from synthetic import SyntheticError, temporary_synthetic

LOAD_TARGET = 0.200
ASK_P50_TARGET = 0.002
MINI_DIR = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "mini"

# Functions timed inside a load by wrapping them: (module, attribute, label). A name that a
# refactor removes is skipped and its column shows n/a.
HOOKS: tuple[tuple[str, str, str], ...] = (
    ("suppwise.evidence.loader", "parse_located", "yaml"),
    ("suppwise.evidence.validate", "read_directory", "read"),
    ("suppwise.evidence.validate", "check", "check"),
    ("suppwise.evidence.validate", "build_base", "build"),
    ("suppwise.evidence.cache", "cached_key", "key"),
    ("suppwise.evidence.cache", "_read", "cache_read"),
    ("suppwise.evidence.cache", "encode", "write"),
    ("suppwise.evidence.cache", "_write_atomic", "write"),
    ("suppwise.evidence.cache", "load_evidence", "load"),
)

# Load variants, in the order each repeat runs them. Names are shown in the tables.
UNCACHED = "uncached load_evidence (read + validate + build)"
MISS = "services.evidence_base, cache miss (load + key + write)"
HIT = "services.evidence_base, cache hit (key + open cache)"
REF_C = "ref: yaml CSafeLoader, same files"
REF_JSON = "ref: json.loads, same data"
REF_PURE = "ref: yaml pure-Python SafeLoader, same files"
PROTO_PURE = "proto: uncached, pure-Python parser swapped in"
PROTO_GC = "proto: uncached, garbage collector paused"
PROTO_HIT_GC = "proto: cache hit, garbage collector paused"


@dataclass(frozen=True)
class Plan:
    """How many repeats: `--quick` trades precision for a run of about half a minute."""

    quick: bool
    factor: int

    @property
    def reference_repeats(self) -> int:
        return 10 if self.quick else 25

    def load_repeats(self, large: bool) -> dict[str, int]:
        """Repeats per load variant; the large base's slow variants run once or twice (~5 s each)."""
        if not large:
            n = 5 if self.quick else 15
            return {
                MISS: 3,
                HIT: n,
                UNCACHED: n,
                REF_C: n,
                REF_JSON: n,
                REF_PURE: 3,
                PROTO_PURE: 3,
                PROTO_GC: n,
                PROTO_HIT_GC: n,
            }
        # Pure-Python YAML at this size takes ~25 s: its ratio is read off the small base instead.
        full = 0 if self.quick else 1
        return {
            MISS: 1,
            HIT: 3 + 2 * full,
            UNCACHED: 1 + full,
            REF_C: 1,
            REF_JSON: 3,
            REF_PURE: 0,
            PROTO_PURE: 0,
            PROTO_GC: 1,
            PROTO_HIT_GC: 3 + 2 * full,
        }

    def ask_repeats(self, large: bool) -> int:
        if large:
            return 2 if self.quick else 5
        return 5 if self.quick else 20


@dataclass
class Subject:
    label: str
    directory: Path
    questions: list[str]
    large: bool
    fresh: bool = True  # nothing has validated evidence in this process yet
    files: int = 0
    size_bytes: int = 0


@dataclass
class LoadRuns:
    first: float
    samples: dict[str, list[float]] = field(default_factory=dict)
    phases: dict[str, list[dict[str, float]]] = field(default_factory=dict)

    def median(self, variant: str) -> float:
        values = self.samples.get(variant, [])
        return median(values) if values else float("nan")

    def max(self, variant: str) -> float:
        values = self.samples.get(variant, [])
        return max(values) if values else float("nan")

    def phase(self, variant: str, label: str) -> float:
        values = [p[label] for p in self.phases.get(variant, []) if label in p]
        return median(values) if values else float("nan")


@dataclass
class AskRuns:
    asked: int
    answered: int
    first: float
    total: list[float] = field(default_factory=list)
    parse: list[float] = field(default_factory=list)
    answer: list[float] = field(default_factory=list)


@dataclass
class AskPrototypes:
    lexicon_build: float
    lexicon_keys: int
    scan: float
    index: float
    index_build: float
    suggest_now: float
    suggest_lean: float
    lean_keys: int
    words: int
    agree: int


@dataclass
class ParsePrototype:
    pure: prototypes.ParseSplit
    libyaml: prototypes.ParseSplit | None
    identical: bool


@dataclass
class Measured:
    subject: Subject
    load: LoadRuns
    ask: AskRuns
    ask_proto: AskPrototypes
    parse_proto: ParsePrototype | None
    stat_key: float
    records: int


# -- hooks and the temporary cache --------------------------------------------------------------


def _timed(fn: Callable[..., Any], label: str, spent: dict[str, float]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[label] = spent.get(label, 0.0) + time.perf_counter() - start

    return wrapper


@contextlib.contextmanager
def hooks() -> Iterator[dict[str, float]]:
    """Time the steps of a load by wrapping the functions it calls (a runtime patch: src/ is not
    touched; each wrapper costs about a microsecond per call, a few hundred calls per load)."""
    spent: dict[str, float] = {}
    patched = []
    for module_name, attribute, label in HOOKS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        original = getattr(module, attribute, None)
        if original is not None:
            patched.append((module, attribute, original))
            setattr(module, attribute, _timed(original, label, spent))
    try:
        yield spent
    finally:
        for module, attribute, original in patched:
            setattr(module, attribute, original)


@contextlib.contextmanager
def private_cache() -> Iterator[Path]:
    """SUPPWISE_CACHE_DIR set to a fresh temporary folder for the block, then restored."""
    folder = Path(tempfile.mkdtemp(prefix="suppwise-bench-cache-"))
    previous = os.environ.get("SUPPWISE_CACHE_DIR")
    os.environ["SUPPWISE_CACHE_DIR"] = str(folder)
    try:
        yield folder
    finally:
        if previous is None:
            os.environ.pop("SUPPWISE_CACHE_DIR", None)
        else:
            os.environ["SUPPWISE_CACHE_DIR"] = previous
        shutil.rmtree(folder, ignore_errors=True)


def clear_process_cache() -> None:
    from suppwise.evidence.cache import cached_base

    cached_base.cache_clear()


def empty_folder(folder: Path) -> None:
    for path in folder.iterdir():
        if path.is_file():
            path.unlink()


# -- load -------------------------------------------------------------------------------------


def load_variants(subject: Subject, cache_dir: Path) -> dict[str, Callable[[], object]]:
    directory = subject.directory
    texts = [p.read_text(encoding="utf-8") for p in prototypes.yaml_files(directory)]
    fast = prototypes.LIBYAML or yaml.SafeLoader
    payloads = [json.dumps(yaml.load(t, Loader=fast), default=str) for t in texts]

    def miss() -> object:
        clear_process_cache()
        empty_folder(cache_dir)
        return services.evidence_base(directory)

    def hit() -> object:
        clear_process_cache()
        return services.evidence_base(directory)

    def pure_parser() -> object:
        with prototypes.parser_swapped(prototypes.PURE_PYTHON):
            return load_evidence(directory)

    return {
        MISS: miss,
        HIT: hit,
        PROTO_HIT_GC: prototypes.gc_paused(hit),
        UNCACHED: lambda: load_evidence(directory),
        PROTO_GC: prototypes.gc_paused(lambda: load_evidence(directory)),
        PROTO_PURE: pure_parser,
        REF_C: lambda: [yaml.load(t, Loader=fast) for t in texts],
        REF_JSON: lambda: [json.loads(p) for p in payloads],
        REF_PURE: lambda: [yaml.load(t, Loader=yaml.SafeLoader) for t in texts],
    }


def measure_load(subject: Subject, plan: Plan, cache_dir: Path) -> LoadRuns:
    """The process's first load (validators built on first use; small base only, measured before
    anything else validates), then every variant in turn per repeat. A cache hit always follows
    the miss that wrote its file."""
    measure_first = subject.fresh and not subject.large
    first = time_heavy(lambda: load_evidence(subject.directory)) if measure_first else float("nan")
    runs = LoadRuns(first=first)
    repeats = plan.load_repeats(subject.large)
    variants = load_variants(subject, cache_dir)
    services.evidence_base(subject.directory)  # prime the disk cache for the first hit
    for round_ in range(max(repeats.values())):
        for name, fn in variants.items():
            if round_ >= repeats.get(name, 0):
                continue
            with hooks() as spent:
                runs.samples.setdefault(name, []).append(time_heavy(fn))
            runs.phases.setdefault(name, []).append(dict(spent))
    return runs


# -- ask --------------------------------------------------------------------------------------


def measure_ask(subject: Subject, plan: Plan) -> AskRuns:
    """`services.ask` per question with the base loaded, after a warm-up pass; parse and
    build_answer also timed apart, to say which half grows with the base."""
    directory, questions = subject.directory, subject.questions
    clear_process_cache()
    base = services.evidence_base(directory)
    first = time_call(functools.partial(services.ask, questions[0], directory))
    answered = sum(services.ask(q, directory).code == "ANSWERED" for q in questions)
    runs = AskRuns(len(questions), answered, first)
    for _ in range(plan.ask_repeats(subject.large)):
        for question in questions:
            runs.total.append(time_call(functools.partial(services.ask, question, directory)))
            query = parse(question, base)
            runs.parse.append(time_call(functools.partial(parse, question, base)))
            runs.answer.append(time_call(functools.partial(build_answer, base, query)))
    return runs


def measure_ask_prototypes(subject: Subject, base: EvidenceBase) -> AskPrototypes:
    queries = [parse(q, base) for q in subject.questions]
    substances = list(dict.fromkeys(s for q in queries for s in q.substances))
    words = list(dict.fromkeys(w for q in queries for w in q.suggestions))
    index = prototypes.SubstanceIndex(base)
    lean = prototypes.LeanSuggester(base)
    lexicon = lexicon_for(base)
    agree = sum(lexicon.suggest(w)[:1] == lean.suggest(w)[:1] for w in words)

    def per_item(fn: Callable[[str], object], items: Sequence[str]) -> float:
        return median([time_call(functools.partial(fn, item)) for item in items for _ in range(3)])

    return AskPrototypes(
        lexicon_build=median([time_heavy(lambda: Lexicon.build(base)) for _ in range(3)]),
        lexicon_keys=len(lexicon.keys),
        scan=per_item(functools.partial(prototypes.scan_all, base), substances),
        index=per_item(index.lookup_all, substances),
        index_build=time_heavy(lambda: prototypes.SubstanceIndex(base)),
        suggest_now=per_item(lexicon.suggest, words) if words else float("nan"),
        suggest_lean=per_item(lean.suggest, words) if words else float("nan"),
        lean_keys=len(lean.keys),
        words=len(words),
        agree=agree,
    )


def measure_parse_prototype(subject: Subject) -> ParsePrototype:
    paths = prototypes.yaml_files(subject.directory)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    libyaml = prototypes.LIBYAML

    def split(loader_cls: type[yaml.SafeLoader]) -> prototypes.ParseSplit:
        runs = [prototypes.located_parse_split(texts, loader_cls) for _ in range(3)]
        return prototypes.ParseSplit(median([r.compose for r in runs]), median([r.walk for r in runs]))

    return ParsePrototype(
        pure=split(prototypes.PURE_PYTHON),
        libyaml=split(libyaml) if libyaml else None,
        identical=prototypes.same_documents(texts, paths),
    )


# -- one base ---------------------------------------------------------------------------------


def describe(subject: Subject) -> Subject:
    paths = prototypes.yaml_files(subject.directory)
    subject.files = len(paths)
    subject.size_bytes = sum(p.stat().st_size for p in paths)
    return subject


def measure_base(subject: Subject, plan: Plan, cache_dir: Path) -> Measured:
    load = measure_load(subject, plan, cache_dir)
    ask = measure_ask(subject, plan)
    base = services.evidence_base(subject.directory)
    stat_key = median([time_heavy(lambda: prototypes.stat_key(subject.directory)) for _ in range(3)])
    return Measured(
        subject=subject,
        load=load,
        ask=ask,
        ask_proto=measure_ask_prototypes(subject, base),
        parse_proto=None if subject.large else measure_parse_prototype(subject),
        stat_key=stat_key,
        records=sum(len(v) for v in prototypes.base_fields(base).values() if isinstance(v, tuple))
        + len(base.entities)
        + len(base.sources)
        + len(base.findings)
        + len(base.links),
    )


# -- tables -----------------------------------------------------------------------------------


def reference_table(ref: Reference, results: Sequence[Measured]) -> str:
    rows = [["(machine)", "100,000 calls of an empty Python function", ms(ref.seconds), str(ref.repeats)]]
    for m in results:
        for name in (REF_PURE, REF_C, REF_JSON):
            if m.load.samples.get(name):
                rows.append(
                    [
                        m.subject.label,
                        name.removeprefix("ref: "),
                        ms(m.load.median(name)),
                        str(len(m.load.samples[name])),
                    ]
                )
    return table(
        "Reference runs (same process); 'x ref' divides by the first row, 'x C-YAML' / 'x JSON' by the\n"
        "same base's rows",
        ["base", "reference", "median ms", "repeats"],
        rows,
        left=2,
    )


def load_table(results: Sequence[Measured], ref: Reference) -> str:
    rows = []
    for m in results:
        label, load = m.subject.label, m.load
        size = f"{m.subject.files} files, {m.subject.size_bytes / 1e6:.2f} MB, {m.records:,} records"
        rows.append([label, size, "", "", "", "", "", "", ""])
        if load.first == load.first:
            rows.append(
                [
                    label,
                    "first load in the process (uncached)",
                    "1",
                    ms(load.first),
                    "",
                    ratio(ref.ratio(load.first)),
                    ratio(load.first / load.median(REF_C)),
                    ratio(load.first / load.median(REF_JSON)),
                    against(load.first, LOAD_TARGET),
                ]
            )
        for name in (UNCACHED, MISS, HIT):
            value = load.median(name)
            rows.append(
                [
                    label,
                    name,
                    str(len(load.samples.get(name, []))),
                    ms(value),
                    ms(load.max(name)),
                    ratio(ref.ratio(value)),
                    ratio(value / load.median(REF_C)),
                    ratio(value / load.median(REF_JSON)),
                    against(value, LOAD_TARGET),
                ]
            )
    return table(
        "Evidence-base load, ms",
        ["base", "path", "n", "median", "max", "x ref", "x C-YAML", "x JSON", "target < 200 ms"],
        rows,
        "first: the first uncached load in a fresh process (pydantic builds its validators then).\n"
        "A CLI run pays 'cache hit' after the first run, 'cache miss' after any evidence edit.",
        left=2,
    )


def _share(part: float, total: float) -> str:
    return f"{ms(part)} ({part / total:.0%})" if total == total and part == part else "n/a"


def phase_table(results: Sequence[Measured]) -> str:
    rows = []
    for m in results:
        load = m.load
        total = load.median(UNCACHED)
        yaml_s, read = load.phase(UNCACHED, "yaml"), load.phase(UNCACHED, "read")
        check, build = load.phase(UNCACHED, "check"), load.phase(UNCACHED, "build")
        parts = [yaml_s, read - yaml_s, check, build, total - read - check - build]
        rows.append([m.subject.label, "uncached", ms(total), *(_share(p, total) for p in parts)])
        hit = load.median(HIT)
        key, read = load.phase(HIT, "key"), load.phase(HIT, "cache_read")
        rows.append(
            [
                m.subject.label,
                "cache hit",
                ms(hit),
                f"key {_share(key, hit)}",
                f"read cache {_share(read, hit)}",
                "",
                "",
                _share(hit - key - read, hit),
            ]
        )
        miss = load.median(MISS)
        inner, key, write = load.phase(MISS, "load"), load.phase(MISS, "key"), load.phase(MISS, "write")
        rows.append(
            [
                m.subject.label,
                "cache miss",
                ms(miss),
                f"key {_share(key, miss)}",
                f"load {_share(inner, miss)}",
                f"write {_share(write, miss)}",
                "",
                _share(miss - inner - key - write, miss),
            ]
        )
    return table(
        "Load: where the time goes (medians), ms (share)",
        ["base", "path", "total", "YAML + line map", "schema + file I/O", "cross-checks", "build indexes", "other"],
        rows,
        "uncached: parse_located / rest of read_directory (pydantic model_validate per record, file reads)\n"
        "/ validate.check / build_base. Cache rows: cache.cached_key (stat memo; hashes every file only\n"
        "when a stat changed, as after a miss) / cache._read (header and CRC; records are decoded\n"
        "through the schema on first use, inside ask) / load_evidence / cache.encode + _write_atomic.\n"
        "Timed by wrapping those functions.",
        left=2,
    )


def ask_table(results: Sequence[Measured], ref: Reference) -> str:
    rows = []
    for m in results:
        a = m.ask
        p50 = median(a.total)
        rows.append(
            [
                m.subject.label,
                f"{a.answered}/{a.asked} (exp. {a.asked - len(MEANT_TO_MISS)})",
                str(len(a.total)),
                ms(a.first),
                ms(p50),
                ms(percentile(a.total, 99)),
                ms(max(a.total)),
                ms(median(a.parse)),
                ms(median(a.answer)),
                ratio(ref.ratio(p50)),
                against(p50, ASK_P50_TARGET),
            ]
        )
    return table(
        "ask latency in process (services.ask, base loaded, after a warm-up pass), ms",
        [
            "base",
            "answered",
            "samples",
            "first",
            "p50",
            "p99",
            "max",
            "parse p50",
            "answer p50",
            "p50 x ref",
            "target p50 < 2 ms",
        ],
        rows,
        f"{len(MEANT_TO_MISS)} questions name unknown things on purpose (answer: 'not found', with 'did you mean').\n"
        "first: the first question on a freshly loaded base (builds the lexicon), i.e. every CLI run.\n"
        "Samples: questions x repeats, each timed with the garbage collector off (as timeit does).",
    )


def _load_proto_rows(m: Measured) -> list[list[str]]:
    label, load, rows = m.subject.label, m.load, []
    if m.parse_proto is not None:
        p = m.parse_proto
        rows.append(
            [
                label,
                "located parse, pure-Python SafeLoader: YAML + walk",
                f"{ms(p.pure.compose)} + {ms(p.pure.walk)}",
                "",
            ]
        )
        if p.libyaml is not None:
            same = "same data + line map" if p.identical else "DIFFERENT output"
            rows.append(
                [
                    label,
                    f"located parse, CSafeLoader: YAML + walk ({same})",
                    f"{ms(p.libyaml.compose)} + {ms(p.libyaml.walk)}",
                    "YAML " + speedup(p.libyaml.compose, p.pure.compose),
                ]
            )
    uncached, hit = load.median(UNCACHED), load.median(HIT)
    for name, now in ((PROTO_PURE, uncached), (PROTO_GC, uncached), (PROTO_HIT_GC, hit)):
        if load.samples.get(name):
            rows.append([label, name.removeprefix("proto: "), ms(load.median(name)), speedup(load.median(name), now)])
    key = load.phase(HIT, "key")
    rows.append(
        [
            label,
            f"cache key from stat() (sizes, mtimes), no memo file; src's cached_key: {ms(key)} ms",
            ms(m.stat_key),
            speedup(m.stat_key, key),
        ]
    )
    return rows


def _ask_proto_rows(m: Measured) -> list[list[str]]:
    label, a = m.subject.label, m.ask_proto
    return [
        [label, f"lexicon build ({a.lexicon_keys:,} keys; once per process, inside 'first')", ms(a.lexicon_build), ""],
        [label, "records of one substance, every substance section: full scans (for_substance)", ms(a.scan), ""],
        [
            label,
            f"  same from a per-substance index (built once: {ms(a.index_build)} ms)",
            ms(a.index),
            speedup(a.index, a.scan),
        ],
        [
            label,
            f"'did you mean' per unknown word: today's Lexicon.suggest ({a.lexicon_keys:,} keys)",
            ms(a.suggest_now),
            "",
        ],
        [
            label,
            f"  fuzz.ratio over {a.lean_keys:,} base names only ({a.agree}/{a.words} same top hit)",
            ms(a.suggest_lean),
            speedup(a.suggest_lean, a.suggest_now),
        ],
    ]


def prototype_table(results: Sequence[Measured]) -> str:
    rows = [row for m in results for row in (*_load_proto_rows(m), *_ask_proto_rows(m))]
    return table(
        "Prototypes (benchmarks/prototypes.py: copies and runtime wrappers; src/ untouched), ms",
        ["base", "what", "ms", "effect"],
        rows,
        "effect: against the matching figure for src/ as it is now (indented rows: the row above), same run.",
        left=2,
    )


def render_all(ref: Reference, results: Sequence[Measured], note: str = "") -> str:
    parts = [
        reference_table(ref, results),
        load_table(results, ref),
        phase_table(results),
        ask_table(results, ref),
        prototype_table(results),
    ]
    return "\n\n".join(parts) + (f"\n\n{note}" if note else "")


# -- main -------------------------------------------------------------------------------------


def small_subject(evidence: Path | None) -> Subject:
    directory = evidence or bundled_data_dir()
    label = "bundled" if directory == bundled_data_dir() else directory.name
    return describe(Subject(label, directory, question_set(), large=False))


def measure_small(evidence: Path | None, plan: Plan, cache_dir: Path) -> Measured:
    """The bundled base (or `--evidence`), falling back to the test fixture while a curator's edit
    leaves it invalid (the question set then mostly misses: see 'answered')."""
    subject = small_subject(evidence)
    try:
        return measure_base(subject, plan, cache_dir)
    except EvidenceError as error:
        print(f"warning: {subject.directory} is not valid ({error}); measuring {MINI_DIR}", file=sys.stderr)
        fallback = small_subject(MINI_DIR)
        fallback.fresh = False
        return measure_base(fallback, plan, cache_dir)


def run(plan: Plan, evidence: Path | None = None, scale_only: bool = False) -> str:
    """Measure everything and return the tables (the caller prints)."""
    if scale_only:
        with private_cache():
            return scale_table(plan.quick)
    ref = measure_reference(plan.reference_repeats)
    with private_cache() as cache_dir:
        small = measure_small(evidence, plan, cache_dir)  # first, so its 'first load' is the process's first
        results = [small]
        try:
            directory, cleanup = temporary_synthetic(plan.factor, small.subject.directory, validate=False)
        except SyntheticError as error:
            return render_all(ref, results, f"synthetic base skipped: {error}")
        try:
            questions = question_set(spread_replicas(plan.factor))
            large = describe(Subject(f"synthetic {plan.factor}x", directory, questions, large=True))
            results.append(measure_base(large, plan, cache_dir))  # load_evidence raises if it is invalid
        finally:
            clear_process_cache()
            cleanup()
        scale = scale_table(plan.quick)
    return scale + "\n\n" + render_all(ref, results)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Time evidence loading and ask: bundled vs synthetic base.")
    parser.add_argument("--quick", action="store_true", help="fewer repeats (about half a minute)")
    parser.add_argument("--factor", type=int, default=100, help="synthetic base size, times the small one")
    parser.add_argument("--evidence", type=Path, default=None, help="small base folder (default: bundled)")
    parser.add_argument(
        "--scale-only", action="store_true", help="only the issue-13 scale table (glutamine-only, bundled, 5x)"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    print(run(Plan(quick=args.quick, factor=args.factor), args.evidence, scale_only=args.scale_only))
    return 0


if __name__ == "__main__":
    sys.exit(main())
