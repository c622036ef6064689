"""How a source is cited wherever suppwise shows one (answers, screens, reports): one wording and one
reference record, so a reader can follow any claim back to the same line of the reference list."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from suppwise.contract import Model
from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import Source


class Reference(Model):
    id: str
    citation: str
    study_type: str
    verification: str
    url: str | None = None


def citation(source: Source) -> str:
    """A compact reference: authors (year). Title. Venue. Identifiers. Missing parts are left out,
    never filled with a guess."""
    year = f" ({source.year})" if source.year else ""
    ids = []
    if source.pmid:
        ids.append(f"PMID {source.pmid}")
    if source.doi:
        ids.append(f"doi:{source.doi}")
    tail = f" {'; '.join(ids)}." if ids else ""
    title = source.title.rstrip(".")
    venue = f" {source.venue}." if source.venue else ""
    if source.authors:
        return f"{source.authors}{year}. {title}.{venue}{tail}"
    return f"{title}{year}.{venue}{tail} (authors not recorded)"


def source_url(source: Source) -> str | None:
    if source.doi:
        return f"https://doi.org/{source.doi}"
    if source.pmid:
        return f"https://pubmed.ncbi.nlm.nih.gov/{source.pmid}/"
    return source.url


def references(base: EvidenceBase, source_ids: Iterable[str]) -> list[Reference]:
    """One Reference per known source id, in first-cited order, without repeats."""
    made = _made_references(base)
    out = []
    for source_id in dict.fromkeys(source_ids):
        reference = made.get(source_id)
        if reference is None:
            source = base.sources.get(source_id)
            if source is None:
                continue
            reference = made[source_id] = _reference(source_id, source)
        out.append(reference)
    return out


def _reference(source_id: str, source: Source) -> Reference:
    return Reference(
        id=source_id,
        citation=citation(source),
        study_type=source.study_type.value,
        verification=source.verification.status.value,
        url=source_url(source),
    )


@lru_cache(maxsize=8)
def _made_references(base: EvidenceBase) -> dict[str, Reference]:
    """The references of one base made so far, by source id. A Reference is frozen and a base
    immutable (hashed by identity), so one made for an answer serves every answer after it: an answer cites
    some twenty-five sources, and building each anew was a tenth of the time `ask` took. A race
    between two threads at worst builds the same reference twice."""
    return {}
