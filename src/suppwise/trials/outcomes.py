"""The outcome scales a personal trial can measure, each with its clinically important difference.

Why data with citations: the verdict "likely worsened your pain" is only as good as the threshold
behind "meaningful", so every threshold names where it comes from and how sure we are of it. The
scales are evidence records (`outcome_scales` in `evidence/data/outcome-scales.yaml`, checked by
the evidence validator like every other record, docs/evidence-format.md); this module turns them
into the `OutcomeScale` objects the statistics take, and builds scales for outcomes the base does
not know (a `mood` column on a 0-10 scale) from what the person says about them.

The status of an important difference:

- `verified`: the value was published for this instrument, and the source's authors, title,
  journal and identifiers were checked against an indexed copy (PubMed or the publisher's page).
- `verified_proxy`: the source was checked the same way, but it measured a closely related
  instrument or a different population; the `basis` says what differs.
- `unverified_convention`: no published value could be verified for this instrument; δ is the
  documented convention `CONVENTION_FRACTION` of the score range, and the cited sources support
  only the instrument itself, not the value.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from suppwise.evidence.schema import DifferenceStatus as EvidenceStatus

if TYPE_CHECKING:
    from suppwise.evidence.base import EvidenceBase
    from suppwise.evidence.schema import OutcomeScaleRecord, Source

__all__ = [
    "CONVENTION_FRACTION",
    "OUTCOME_SCALES",
    "Citation",
    "EvidenceStatus",
    "ImportantDifference",
    "OutcomeScale",
    "bundled_scales",
    "custom_scale",
    "scales_from",
]

# 20% of the score range: the pain NRS anchor (2 of 10 points, Farrar 2001) and the PHQ-9 anchor
# (5 of 27 points, about 19%, Löwe 2004) both sit there, so a scale without its own published
# value is judged by the same share of its range rather than by a number we would have to invent.
CONVENTION_FRACTION: Final = 0.2


@dataclass(frozen=True)
class Citation:
    """A source as it was checked. `checked` says against what (so a curator can redo it)."""

    authors: str
    year: int | None
    title: str
    venue: str
    pmid: str | None = None
    doi: str | None = None
    url: str | None = None
    checked: str = ""

    @classmethod
    def of(cls, source: Source) -> Citation:
        return cls(
            authors=source.authors or "",
            year=source.year,
            title=source.title,
            venue=source.venue or "",
            pmid=source.pmid,
            doi=source.doi,
            url=source.url,
            checked=source.verification.how,
        )


@dataclass(frozen=True)
class ImportantDifference:
    """δ in score points, with the relative change the source gives where it gives one.
    `published` is False when no value is published and `status` is the convention."""

    points: float
    status: EvidenceStatus
    basis: str
    sources: tuple[Citation, ...]
    relative: float | None = None
    published: bool = True


@dataclass(frozen=True)
class OutcomeScale:
    """One measured outcome: its range, its direction and its important difference.

    `outcome` is the outcome entity it measures (None for a custom outcome), `decimals` whether a
    diary entry may hold a fraction, `loinc` the LOINC code and display name where one exists."""

    id: str
    name: str
    noun: str
    low: float
    high: float
    higher_is_worse: bool
    important_difference: ImportantDifference
    instrument: Citation | None = None
    outcome: str | None = None
    decimals: bool = False
    loinc: tuple[str, str] | None = None

    @property
    def delta(self) -> float:
        return self.important_difference.points

    @property
    def score_range(self) -> tuple[float, float]:
        return (self.low, self.high)


def _scale(record: OutcomeScaleRecord, base: EvidenceBase) -> OutcomeScale:
    difference = record.important_difference
    instruments = [Citation.of(base.sources[s]) for s in record.instrument_sources]
    return OutcomeScale(
        id=record.id,
        name=record.name,
        noun=record.noun,
        low=float(record.low),
        high=float(record.high),
        higher_is_worse=record.higher_is_worse,
        important_difference=ImportantDifference(
            points=difference.points,
            status=difference.status,
            basis=difference.basis,
            sources=tuple(Citation.of(base.sources[s]) for s in difference.sources),
            relative=difference.relative,
            published=difference.published,
        ),
        instrument=instruments[0] if instruments else None,
        outcome=record.outcome,
        decimals=record.decimals,
        loinc=(record.loinc.code, record.loinc.display) if record.loinc else None,
    )


def scales_from(base: EvidenceBase) -> dict[str, OutcomeScale]:
    """Every outcome scale of a (validated) evidence base, keyed by scale id, in file order."""
    return {scale_id: _scale(record, base) for scale_id, record in base.outcome_scales.items()}


@functools.cache
def bundled_scales() -> dict[str, OutcomeScale]:
    """The scales of the evidence shipped with the package, loaded once (through the evidence
    cache). A trial's verdicts must not change because `SUPPWISE_EVIDENCE_DIR` points at another
    folder for questions, so the setting is not read here; only where the cache lives is."""
    from suppwise.evidence.cache import cached_base
    from suppwise.evidence.loader import bundled_data_dir
    from suppwise.settings import load_settings

    settings = load_settings({k: v for k, v in os.environ.items() if k != "SUPPWISE_EVIDENCE_DIR"})
    return scales_from(cached_base(bundled_data_dir().resolve(), settings.cache_dir))


class _BundledScales(Mapping[str, OutcomeScale]):
    """`OUTCOME_SCALES`: read from the evidence on first use, so importing this module (as every
    trial command does) costs nothing until a scale is needed."""

    def __getitem__(self, key: str) -> OutcomeScale:
        return bundled_scales()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(bundled_scales())

    def __len__(self) -> int:
        return len(bundled_scales())

    def __repr__(self) -> str:
        return f"OUTCOME_SCALES({', '.join(self)})"


OUTCOME_SCALES: Final[Mapping[str, OutcomeScale]] = _BundledScales()


def custom_scale(
    name: str,
    *,
    low: float,
    high: float,
    higher_is_worse: bool,
    important_difference: float | None = None,
    decimals: bool = True,
    how_to_change: str = "Give --important-difference to use another.",
    given_where: str = "for this analysis",
) -> OutcomeScale:
    """A scale for an outcome the evidence base does not describe (a `mood` column 0-10, steps, a
    trial's own outcome).

    δ is what the person gives; without one, `CONVENTION_FRACTION` of the range, and the basis
    says so (with `how_to_change`), so the output never presents the default as a published value."""
    span = high - low
    if important_difference is None:
        points = round(CONVENTION_FRACTION * span, 9)
        difference = ImportantDifference(
            points=points,
            status=EvidenceStatus.UNVERIFIED_CONVENTION,
            basis=(
                f"None published for this outcome: δ is the default convention, {CONVENTION_FRACTION:.0%} of the "
                f"range {low:g}-{high:g}, i.e. {points:g} points. {how_to_change}"
            ),
            sources=(),
            published=False,
        )
    else:
        difference = ImportantDifference(
            points=important_difference,
            status=EvidenceStatus.UNVERIFIED_CONVENTION,
            basis=f"{important_difference:g} points, as given {given_where} (not checked against a source).",
            sources=(),
            published=False,
        )
    return OutcomeScale(
        id=name,
        name=f"{name} ({low:g}-{high:g}, {'higher is worse' if higher_is_worse else 'higher is better'})",
        noun=name,
        low=low,
        high=high,
        higher_is_worse=higher_is_worse,
        important_difference=difference,
        decimals=decimals,
    )
