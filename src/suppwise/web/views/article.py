"""An Answer laid out as a health article: what goes in which part, in which order, under which
heading. Pure (no request, no template), so the page's structure is tested on plain Answers.

Everything shown comes from the Answer's own fields; this module only chooses order and wording
of headings and labels. Parts an answer does not have are left out rather than shown empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from suppwise.questions.answer_model import Answer, Caution, MechanismOut, Reference, Section, VerdictOut
from suppwise.render import view

# How each verdict direction reads in a sentence after "<substance> and <outcome>: ".
DIRECTION_WORDS: Final[dict[str, str]] = {
    "helps": "the evidence leans towards benefit",
    "worsens": "the evidence leans towards harm",
    "no_effect": "the evidence shows no meaningful effect",
    "mixed": "the evidence points both ways",
    "unknown": "there is no usable evidence",
}
# An `unknown` direction with evidence behind it: the studies could not tell (no clear effect).
UNCLEAR_EVIDENCE_WORDS: Final = "the studies found no clear effect either way"
# Plural headings for the research part, one per study design.
DESIGN_HEADINGS: Final[dict[str, str]] = {
    "meta_analysis": "Meta-analyses",
    "systematic_review": "Systematic reviews",
    "rct": "Randomised controlled trials",
    "n_of_1_series": "Series of personal (N-of-1) trials",
    "pooled_personal_trials": "Pooled personal trials of suppwise users",
    "non_randomised_controlled": "Non-randomised controlled studies",
    "cohort": "Cohort studies",
    "case_control": "Case-control studies",
    "cross_sectional": "Cross-sectional studies",
    "case_series": "Case series",
    "case_report": "Case reports",
    "animal": "Animal studies",
    "in_vitro": "Laboratory (cell) studies",
    "mechanistic_review": "Reviews of mechanisms",
    "narrative_review": "Narrative reviews",
    "guideline": "Guidelines and criteria",
    "regulatory_label": "Regulatory labels",
    "monograph": "Reference monographs",
    "expert_opinion": "Expert opinion",
}

# Section keys of the Answer, by the part of the article they belong to. A key not listed here
# still appears, in `practical`, so a new kind of section is never silently dropped.
BACKGROUND_KEYS: Final = ("definitions", "relations", "roles")
PERSONAL_KEYS: Final = ("factors",)
PRACTICAL_KEYS: Final = ("guidance", "dosing", "administration", "side_effects", "interactions", "foods")
MISTAKE_KEYS: Final = ("mistakes",)
FAQ_KEYS: Final = ("faq",)
FURTHER_KEYS: Final = ("resources",)
_PLACED: Final = frozenset((*BACKGROUND_KEYS, *PERSONAL_KEYS, *PRACTICAL_KEYS, *MISTAKE_KEYS, *FAQ_KEYS, *FURTHER_KEYS))
# The sections that answer the question itself, by intent: they come first, right after the summary
# (a dose question leads with the dose, not with background).
LEAD_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "definition": ("definitions", "relations"),
    "dosing": ("dosing",),
    "side_effects": ("side_effects",),
    "interaction": ("interactions",),
    "administration": ("administration",),
    "sources": ("foods",),
    "resources": ("resources",),
}
# Intents whose answer is the comparison table.
COMPARISON_INTENTS: Final = frozenset({"alternatives", "comparison"})


@dataclass(frozen=True)
class VerdictView:
    """One verdict at a glance: the badge's words ("Unclear · very low certainty"), its tone for the
    colour (always shown together with the words), and a sentence saying what the evidence shows."""

    tone: str
    label: str
    sentence: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ResearchLevel:
    """The findings of one study design, strongest design first."""

    heading: str
    groups: tuple[view.EvidenceGroup, ...]


@dataclass(frozen=True)
class PathView:
    text: str
    effect: str
    certainty: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Article:
    """The parts in page order: verdicts, summary, `lead` (and the comparison when it is the answer),
    background, mechanisms, research, who should be careful, practical parts, mistakes, FAQ,
    the comparison otherwise, further reading."""

    verdicts: tuple[VerdictView, ...]
    lead: tuple[Section, ...]
    comparisons_first: bool
    background: tuple[Section, ...]
    paths: tuple[PathView, ...]
    hidden_paths: int
    research: tuple[ResearchLevel, ...]
    personal: tuple[Section, ...]
    cautions: tuple[Caution, ...]
    practical: tuple[Section, ...]
    mistakes: tuple[Section, ...]
    faq: tuple[Section, ...]
    further: tuple[Section, ...]
    citation_numbers: dict[str, int]
    contents: tuple[tuple[str, str], ...]


def verdict_view(answer: Answer, verdict: VerdictOut) -> VerdictView:
    certainty = f"{view.certainty_label(verdict.certainty)} certainty" if verdict.certainty else "no graded evidence"
    answer_word = view.answer_word(verdict)
    outcome = view.mid_name(answer, verdict.outcome)
    where = f" in {view.mid_name(answer, verdict.condition)}" if verdict.condition else ""
    subject = f"{view.name(answer, verdict.substance)} and {outcome}{where}"
    words = DIRECTION_WORDS.get(verdict.direction, verdict.direction.replace("_", " "))
    if verdict.direction == "unknown" and verdict.code != "NO_EVIDENCE":
        words = UNCLEAR_EVIDENCE_WORDS
    return VerdictView(
        tone="unclear" if verdict.stands_in_for or verdict.answer not in view.ANSWER_WORDS else verdict.answer,
        label=f"{answer_word} · {certainty}",
        sentence=f"{subject}: {words}.",
        reasons=tuple(verdict.reasons),
    )


def research_levels(answer: Answer) -> tuple[ResearchLevel, ...]:
    """The evidence grouped by study design, in the order the Answer ranks it (best first)."""
    design_of = {item.study_type_label: item.study_type for item in answer.evidence}
    levels: dict[str, list[view.EvidenceGroup]] = {}
    for group in view.grouped_evidence(answer):
        levels.setdefault(group.design, []).append(group)
    return tuple(
        ResearchLevel(DESIGN_HEADINGS.get(design_of.get(label, ""), label.capitalize()), tuple(groups))
        for label, groups in levels.items()
    )


def in_sentence(name: str) -> str:
    """A name inside a sentence: lower case, except abbreviations ("GABA", "MSG")."""
    return " ".join(word if word.isupper() else word.lower() for word in name.split())


def path_words(mechanism: MechanismOut) -> str:
    """A path as a sentence: "Glutamine raises glutamate, which raises pain"."""
    if not mechanism.steps:
        return mechanism.text
    parts = []
    for index, step in enumerate(mechanism.steps):
        verb = "raises" if step.sign == "+" else "lowers"
        parts.append(f"{'' if index == 0 else 'which '}{verb} {in_sentence(step.object_name)}")
    return f"{mechanism.steps[0].subject_name} {', '.join(parts)}"


def path_view(answer: Answer, mechanism: MechanismOut) -> PathView:
    return PathView(
        text=path_words(mechanism),
        effect=view.mechanism_effect(answer, mechanism),
        certainty=f"{view.certainty_label(mechanism.certainty)} certainty",
        sources=tuple(view.mechanism_sources(mechanism)),
    )


def _sections(answer: Answer, keys: tuple[str, ...], skip: tuple[str, ...] = ()) -> tuple[Section, ...]:
    by_key = {s.key: s for s in answer.sections if s.items}
    return tuple(by_key[k] for k in keys if k in by_key and k not in skip)


def _unplaced(answer: Answer, skip: tuple[str, ...]) -> tuple[Section, ...]:
    return tuple(s for s in answer.sections if s.items and s.key not in _PLACED and s.key not in skip)


def citation_numbers(references: Sequence[Reference]) -> dict[str, int]:
    """Reference numbers in the order of the reference list, so `[3]` means the third entry."""
    return {reference.id: number for number, reference in enumerate(references, start=1)}


def article(answer: Answer, *, has_diagram: bool) -> Article:
    shown, hidden = view.shown_mechanisms(answer)
    cautions = tuple(sorted(answer.cautions, key=lambda c: (not c.matches_question, c.level != "avoid")))
    lead_keys = LEAD_KEYS.get(answer.intent, ())
    parts = Article(
        verdicts=tuple(verdict_view(answer, v) for v in answer.verdicts),
        lead=_sections(answer, lead_keys),
        comparisons_first=answer.intent in COMPARISON_INTENTS,
        background=_sections(answer, BACKGROUND_KEYS, lead_keys),
        paths=tuple(path_view(answer, m) for m in shown if m.steps) if has_diagram else (),
        hidden_paths=hidden if has_diagram else 0,
        research=research_levels(answer),
        personal=_sections(answer, PERSONAL_KEYS, lead_keys),
        cautions=cautions,
        practical=_sections(answer, PRACTICAL_KEYS, lead_keys) + _unplaced(answer, lead_keys),
        mistakes=_sections(answer, MISTAKE_KEYS, lead_keys),
        faq=_sections(answer, FAQ_KEYS, lead_keys),
        further=_sections(answer, FURTHER_KEYS, lead_keys),
        citation_numbers=citation_numbers(answer.references),
        contents=(),
    )
    return _with_contents(answer, parts)


def _with_contents(answer: Answer, parts: Article) -> Article:
    """The "On this page" list: one entry per part present, in page order."""
    comparisons = [(f"cmp-{c.id}", "Alternatives compared") for c in answer.comparisons[:1]]
    entries: list[tuple[str, str]] = [("summary", "In short")]
    entries += [(f"s-{s.key}", s.title) for s in parts.lead]
    entries += comparisons if parts.comparisons_first else []
    entries += [(f"s-{s.key}", s.title) for s in parts.background]
    if parts.paths:
        entries.append(("how", "How it could work"))
    if parts.research:
        entries.append(("research", "The research"))
    if parts.personal or parts.cautions:
        entries.append(("careful", "Who should be careful"))
    entries += [(f"s-{s.key}", s.title) for s in (*parts.practical, *parts.mistakes, *parts.faq)]
    entries += [] if parts.comparisons_first else comparisons
    entries += [(f"s-{s.key}", s.title) for s in parts.further]
    if answer.references:
        entries.append(("references", "References"))
    return replace(parts, contents=tuple(entries))
