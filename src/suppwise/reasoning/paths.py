"""Signed mechanism paths from a substance to an outcome.

Each node is paired with the sign accumulated so far, so "does X raise Y?" becomes a plain path
search: a path whose signs multiply to + raises the outcome, to - lowers it. A path is only as
certain as its weakest link.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import Link, Sign
from suppwise.reasoning.grading import Certainty, grade_sources

MAX_DEPTH = 6
MAX_PATHS = 24


@dataclass(frozen=True)
class MechanismPath:
    links: tuple[Link, ...]
    sign: Sign
    certainty: Certainty

    @property
    def nodes(self) -> tuple[str, ...]:
        return (self.links[0].subject, *(link.object for link in self.links))


def link_certainty(base: EvidenceBase, link: Link) -> Certainty:
    """How sure we are that this edge exists: the best-graded finding behind it."""
    best = Certainty.VERY_LOW
    for finding_id in link.findings:
        finding = base.findings[finding_id]
        grade = grade_sources((base.sources[s] for s in finding.sources), recorded=finding.concerns)
        best = max(best, grade.certainty)
    return best


def _multiply(a: Sign, b: Sign) -> Sign:
    return Sign.RAISES if a == b else Sign.LOWERS


def find_paths(base: EvidenceBase, start: str, goal: str, *, max_depth: int = MAX_DEPTH) -> tuple[MechanismPath, ...]:
    """Every simple path (no node twice) from `start` to `goal`, shortest and surest first. Found
    once per base and pair (the base is immutable and the paths frozen): the verdict and the
    mechanism sections of an answer ask for the same pairs question after question."""
    return _paths(base, start, goal, max_depth)


@lru_cache(maxsize=4096)
def _paths(base: EvidenceBase, start: str, goal: str, max_depth: int) -> tuple[MechanismPath, ...]:
    found: list[tuple[Link, ...]] = []

    def walk(node: str, trail: tuple[Link, ...], visited: frozenset[str]) -> None:
        if len(found) >= MAX_PATHS * 4 or len(trail) >= max_depth:
            return
        for link in base.links_from.get(node, ()):
            if link.object in visited:
                continue
            step = (*trail, link)
            if link.object == goal:
                found.append(step)
            else:
                walk(link.object, step, visited | {link.object})

    walk(start, (), frozenset({start}))
    paths = []
    for trail in found:
        sign = Sign.RAISES
        for link in trail:
            sign = _multiply(sign, link.sign)
        weakest = min(link_certainty(base, link) for link in trail)
        paths.append(MechanismPath(trail, sign, weakest))
    paths.sort(key=lambda p: (len(p.links), -int(p.certainty)))
    return tuple(paths[:MAX_PATHS])
