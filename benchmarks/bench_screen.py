"""Screen speed: reading a profile's names (exact, brand, typo, unknown) and screening a substance,
each as a ratio against the in-process reference loop and against `ask` on the same base.

Why these rows: recognising a typo scans the lexicon with RapidFuzz, so a profile full of slips or
unknown names is the slow case; the screen itself is dictionary work. A web page that screens on
every request must stay well under a millisecond or two.

Run: ``.venv/bin/python benchmarks/bench_screen.py [--quick]``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from functools import partial

from benchlib import against, measure_reference, median, ms, percentile, ratio, table, time_repeated
from suppwise.evidence import EvidenceBase
from suppwise.questions.answer import build_answer
from suppwise.questions.parse import parse
from suppwise.safety.profile import Profile, profile_from_data
from suppwise.safety.screen import resolve_profile, screen
from suppwise.services import answers as services

SCREEN_P50_TARGET = 0.002

PROFILES: dict[str, dict[str, object]] = {
    "empty profile": {},
    "exact names (3 conditions, 3 medicines)": {
        "conditions": ["fibromyalgia", "depression", "irritable bowel syndrome"],
        "medications": ["Lyrica", "Tegretol", "lactulose"],
        "dose": "5 g twice a day",
    },
    "typos (3 conditions, 3 medicines)": {
        "conditions": ["fibromialgia", "bipolar disordr", "kidney diseese"],
        "medications": ["Tegretal", "lamictol", "gabapentine"],
        "dose": "10 g twice a day",
    },
    "unknown names (6)": {
        "conditions": ["hypothyroidism", "migraine", "asthma"],
        "medications": ["sertraline", "duloxetine", "amitriptyline"],
    },
    "full profile (10 names, dose, age, pregnancy)": {
        "conditions": ["fibro", "depression", "epilepsy", "CKD"],
        "medications": ["Lyrica 75 mg", "sertraline", "Depakote ER 500mg"],
        "sensitivities": ["MSG", "penicillin", "glutamate"],
        "pregnant": True,
        "age": 34,
        "weight_kg": 61,
        "dose": "0.3 g/kg twice a day",
    },
}


def _screen_json(base: EvidenceBase, profile: Profile) -> str:
    """What `suppwise check --format json` does after loading: read, screen, serialise."""
    return screen(base, resolve_profile(base, profile), "glutamine").model_dump_json()


def run(quick: bool) -> str:
    repeats = 200 if quick else 1000
    reference = measure_reference(10 if quick else 25)
    base = services.evidence_base()
    question = parse("Is glutamine safe with Lyrica?", base)
    ask_times = time_repeated(lambda: build_answer(base, question), repeats, warmup=20)
    ask_p50 = median(ask_times)
    rows: list[list[str]] = []

    def add(label: str, fn: Callable[[], object]) -> None:
        times = time_repeated(fn, repeats, warmup=20)
        p50 = median(times)
        rows.append(
            [
                label,
                ms(p50),
                ms(percentile(times, 99)),
                ratio(reference.ratio(p50)),
                ratio(p50 / ask_p50),
                against(p50, SCREEN_P50_TARGET),
            ]
        )

    for label, fields in PROFILES.items():
        profile: Profile = profile_from_data(fields)
        resolved = resolve_profile(base, profile)
        add(f"read names: {label}", partial(resolve_profile, base, profile))
        add(f"screen: {label}", partial(screen, base, resolved, "glutamine"))
        add(f"both + JSON: {label}", partial(_screen_json, base, profile))
    return table(
        f"Safety screen, bundled base ({repeats} runs each; ref loop {ms(reference.seconds)} ms, "
        f"ask 'safe with Lyrica?' p50 {ms(ask_p50)} ms)",
        ["step", "p50 ms", "p99 ms", "x ref loop", "x ask", f"p50 < {ms(SCREEN_P50_TARGET, 0)} ms"],
        rows,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as cache:
        os.environ["SUPPWISE_CACHE_DIR"] = cache
        print(run(args.quick))
    return 0


if __name__ == "__main__":
    sys.exit(main())
