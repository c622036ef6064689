"""The outcome scales a personal trial can measure, each with its clinically important difference.

Why data with citations: the verdict "likely worsened your pain" is only as good as the threshold
behind "meaningful", so every threshold names where it comes from and how sure we are of it:

- `verified`: the value was published for this instrument, and the source's authors, title,
  journal and identifiers were checked against an indexed copy (PubMed or the publisher's page).
- `verified_proxy`: the source was checked the same way, but it measured a closely related
  instrument or a different population; the `basis` says what differs.
- `unverified_convention`: no published value could be verified for this instrument; δ is the
  documented convention `CONVENTION_FRACTION` of the score range, and the cited sources support
  only the instrument itself, not the value.

Identifiers are recorded only when they were seen in an indexed copy of the source; an identifier
that could not be found is left empty (never guessed).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final


class EvidenceStatus(StrEnum):
    VERIFIED = "verified"
    VERIFIED_PROXY = "verified_proxy"
    UNVERIFIED_CONVENTION = "unverified_convention"


# 20% of the score range: the pain NRS anchor (2 of 10 points, Farrar 2001) and the PHQ-9 anchor
# (5 of 27 points, about 19%, Löwe 2004) both sit there, so a scale without its own published
# value is judged by the same share of its range rather than by a number we would have to invent.
CONVENTION_FRACTION: Final = 0.2


@dataclass(frozen=True)
class Citation:
    """A source as it was checked. `checked` says against what (so a curator can redo it)."""

    authors: str
    year: int
    title: str
    venue: str
    pmid: str | None = None
    doi: str | None = None
    url: str | None = None
    checked: str = ""


@dataclass(frozen=True)
class ImportantDifference:
    """δ in score points, with the relative change the source gives where it gives one."""

    points: float
    status: EvidenceStatus
    basis: str
    sources: tuple[Citation, ...]
    relative: float | None = None


@dataclass(frozen=True)
class OutcomeScale:
    """One measured outcome: its range, its direction and its important difference."""

    id: str
    name: str
    noun: str
    low: float
    high: float
    higher_is_worse: bool
    important_difference: ImportantDifference
    instrument: Citation | None = None

    @property
    def delta(self) -> float:
        return self.important_difference.points

    @property
    def score_range(self) -> tuple[float, float]:
        return (self.low, self.high)


FARRAR_2001: Final = Citation(
    authors="Farrar JT, Young JP Jr, LaMoreaux L, Werth JL, Poole RM",
    year=2001,
    title=(
        "Clinical importance of changes in chronic pain intensity measured on an 11-point numerical pain rating scale"
    ),
    venue="Pain 94(2):149-158",
    pmid="11690728",
    doi="10.1016/S0304-3959(01)00349-9",
    checked="verified against: PubMed abstract page (PMID, DOI, volume, pages) and publisher record",
)
LOWE_2004: Final = Citation(
    authors="Löwe B, Unützer J, Callahan CM, Perkins AJ, Kroenke K",
    year=2004,
    title="Monitoring depression treatment outcomes with the Patient Health Questionnaire-9",
    venue="Med Care 42(12):1194-1201",
    pmid="15550799",
    checked=(
        "verified against: publisher abstract (authors, issue, 5-point value) and a "
        "PubMed-derived record (PMID); DOI not seen"
    ),
)
KROENKE_2001: Final = Citation(
    authors="Kroenke K, Spitzer RL, Williams JB",
    year=2001,
    title="The PHQ-9: validity of a brief depression severity measure",
    venue="J Gen Intern Med 16(9):606-613",
    doi="10.1046/j.1525-1497.2001.016009606.x",
    checked="verified against: full text (journal, volume, pages) and a citing article's reference list (DOI)",
)
KROENKE_2003: Final = Citation(
    authors="Kroenke K, Spitzer RL, Williams JB",
    year=2003,
    title="The Patient Health Questionnaire-2: validity of a two-item depression screener",
    venue="Med Care 41(11):1284-1292",
    pmid="14583691",
    checked=(
        "verified against: PubMed-derived record (PMID, journal, year) and the article's first page (volume, pages)"
    ),
)
LOWE_2005: Final = Citation(
    authors="Löwe B, Kroenke K, Gräfe K",
    year=2005,
    title="Detecting and monitoring depression with a two-item questionnaire (PHQ-2)",
    venue="J Psychosom Res 58(2):163-171",
    pmid="15820844",
    doi="10.1016/j.jpsychores.2004.09.006",
    checked=(
        "verified against: PubMed abstract (PMID, DOI, pages); the abstract reports "
        "sensitivity to change but no point value"
    ),
)
POUCHOT_2008: Final = Citation(
    authors="Pouchot J, Kherani RB, Brant R, Lacaille D, Lehman AJ, et al.",
    year=2008,
    title=(
        "Determination of the minimal clinically important difference "
        "for seven fatigue measures in rheumatoid arthritis"
    ),
    venue="J Clin Epidemiol 61(7):705-713",
    url="https://www.jclinepi.com/article/S0895-4356(07)00357-5/fulltext",
    checked=(
        "verified against: publisher page (title, authors, volume, pages, abstract with "
        "the 19.7/100 value); PMID and DOI not found"
    ),
)
CAPPELLERI_2009: Final = Citation(
    authors="Cappelleri JC, Bushmakin AG, McDermott AM, Sadosky AB, Petrie CD, Martin S",
    year=2009,
    title="Psychometric properties of a single-item scale to assess sleep quality among individuals with fibromyalgia",
    venue="Health Qual Life Outcomes 7:54",
    pmid="19534799",
    doi="10.1186/1477-7525-7-54",
    checked=(
        "verified against: publisher page (DOI, abstract) and a MEDLINE record (PMID); "
        "the abstract gives no point value"
    ),
)
ZISAPEL_2003: Final = Citation(
    authors="Zisapel N, Nir T",
    year=2003,
    title=(
        "Determination of the minimal clinically significant difference on a patient visual analog sleep quality scale"
    ),
    venue="J Sleep Res 12(4):291-298",
    pmid="14633240",
    doi="10.1046/j.0962-1105.2003.00365.x",
    checked=(
        "verified against: PubMed abstract (PMID, DOI, pages, the 10 mm value) and the university's publication record"
    ),
)
SPIEGEL_2009: Final = Citation(
    authors="Spiegel B, Bolus R, Harris LA, Lucak S, Naliboff B, et al.",
    year=2009,
    title="Measuring irritable bowel syndrome patient-reported outcomes with an abdominal pain numeric rating scale",
    venue="Aliment Pharmacol Ther 30(11-12):1159-1170",
    pmid="19751360",
    doi="10.1111/j.1365-2036.2009.04144.x",
    checked=(
        "verified against: PubMed abstract (PMID, PMCID PMC2793273, DOI, the 2.2-point "
        "value) and the institution's record"
    ),
)


PAIN_NRS: Final = OutcomeScale(
    id="pain_nrs",
    name="Pain intensity, 0-10 numerical rating scale",
    noun="pain",
    low=0.0,
    high=10.0,
    higher_is_worse=True,
    important_difference=ImportantDifference(
        points=2.0,
        relative=0.30,
        status=EvidenceStatus.VERIFIED,
        basis=(
            "About 2 points (or 30%) separated patients who felt much or very much improved from the rest, "
            "in 10 placebo-controlled pregabalin trials (2724 people, fibromyalgia among the conditions), "
            "anchored on the patient's global impression of change."
        ),
        sources=(FARRAR_2001,),
    ),
)
PHQ9: Final = OutcomeScale(
    id="phq9",
    name="Depression severity, PHQ-9 total (0-27)",
    noun="depression score",
    low=0.0,
    high=27.0,
    higher_is_worse=True,
    important_difference=ImportantDifference(
        points=5.0,
        status=EvidenceStatus.VERIFIED,
        basis=(
            "5 points: the minimal clinically important difference for an individual's change, estimated as "
            "two standard errors of measurement in older adults treated for depression. The PHQ-9 asks about "
            "the past two weeks, so it suits weekly or fortnightly entries rather than a daily diary."
        ),
        sources=(LOWE_2004,),
    ),
    instrument=KROENKE_2001,
)
PHQ2: Final = OutcomeScale(
    id="phq2",
    name="Depressed mood and loss of interest, PHQ-2 total (0-6)",
    noun="depression score",
    low=0.0,
    high=6.0,
    higher_is_worse=True,
    important_difference=ImportantDifference(
        points=round(CONVENTION_FRACTION * 6.0, 9),  # 1.2, without float noise
        status=EvidenceStatus.UNVERIFIED_CONVENTION,
        basis=(
            "No published point value could be verified. The PHQ-2 is known to track improvement and "
            "deterioration (Löwe 2005), so δ is the 20% of range convention: 1.2 points, i.e. more than one "
            "step on one item."
        ),
        sources=(LOWE_2005,),
    ),
    instrument=KROENKE_2003,
)
FATIGUE_NRS: Final = OutcomeScale(
    id="fatigue_nrs",
    name="Fatigue, 0-10 numerical rating scale",
    noun="fatigue",
    low=0.0,
    high=10.0,
    higher_is_worse=True,
    important_difference=ImportantDifference(
        points=2.0,
        status=EvidenceStatus.VERIFIED_PROXY,
        basis=(
            "19.7 on a 0-100 normalised scale (2 points on 0-10) for a 10-point fatigue rating scale, from "
            "people with rheumatoid arthritis comparing their fatigue with one another (between-person, not "
            "within-person change; no fibromyalgia-specific value was found)."
        ),
        sources=(POUCHOT_2008,),
    ),
)
SLEEP_QUALITY_NRS: Final = OutcomeScale(
    id="sleep_quality_nrs",
    name="Sleep quality, 0 (worst possible) to 10 (best possible)",
    noun="sleep quality",
    low=0.0,
    high=10.0,
    higher_is_worse=False,
    important_difference=ImportantDifference(
        points=1.0,
        status=EvidenceStatus.VERIFIED_PROXY,
        basis=(
            "10 mm on a 100 mm visual analogue sleep quality scale (1 point on 0-10), anchored on a five-point "
            "severity rating in 428 people aged 55 or more with insomnia. The daily 0-10 sleep quality item "
            "validated in fibromyalgia (Cappelleri 2009) has no published point value of its own, and it runs "
            "the other way (0 best); the diary asks 10 for the best night, so a fall here is a worsening."
        ),
        sources=(ZISAPEL_2003,),
    ),
    instrument=CAPPELLERI_2009,
)
GI_SYMPTOMS_NRS: Final = OutcomeScale(
    id="gi_symptoms_nrs",
    name="Gut symptoms, 0-10 numerical rating scale",
    noun="gut symptom score",
    low=0.0,
    high=10.0,
    higher_is_worse=True,
    important_difference=ImportantDifference(
        points=2.2,
        relative=0.295,
        status=EvidenceStatus.VERIFIED_PROXY,
        basis=(
            "2.2 points (a 29.5% reduction) on an abdominal pain numerical rating scale in irritable bowel "
            "syndrome; used here for an overall gut-symptom rating, the nearest published anchor."
        ),
        sources=(SPIEGEL_2009,),
    ),
)

OUTCOME_SCALES: Final[dict[str, OutcomeScale]] = {
    scale.id: scale for scale in (PAIN_NRS, PHQ9, PHQ2, FATIGUE_NRS, SLEEP_QUALITY_NRS, GI_SYMPTOMS_NRS)
}
