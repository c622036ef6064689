"""Parts of a question that one intent's handler would leave unanswered: a second supplement
named beside the first, a stricter form of a condition named, a body process instead of a symptom,
and the outcomes a substance's studies measured when the question names none. Each returns a
sentence built from records (and adds the records it cites to the Composer), never free text.
"""

from __future__ import annotations

from suppwise.evidence.names import mid_sentence
from suppwise.evidence.schema import EntityKind
from suppwise.questions.answer_model import Caution
from suppwise.questions.compose import Composer
from suppwise.reasoning.grading import RANK, STUDY_TYPE_LABELS, best_source
from suppwise.reasoning.paths import find_paths


def join(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c", each name once."""
    unique = list(dict.fromkeys(items))
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " and " + unique[-1]


MAX_STUDIED_PAIRS = 2


def studied_pairs(c: Composer, substance: str) -> list[tuple[str, str | None]]:
    """The (outcome, condition) pairs the substance's human studies measured, strongest design first,
    when there are at most MAX_STUDIED_PAIRS of them (more would be a survey, not an answer: the
    question should then name one). Side-effect records are not studies of an effect."""
    base = c.base
    ranked: dict[tuple[str, str | None], int] = {}
    for finding in base.findings_by_subject.get(substance, ()):
        target = base.entities.get(finding.object)
        if target is None:
            continue
        if target.kind is EntityKind.OUTCOME:
            pair = (finding.object, finding.context)
        elif target.kind is EntityKind.CONDITION and target.outcome:
            pair = (target.outcome, finding.object)
        else:
            continue
        humans = [base.sources[s] for s in finding.sources if base.sources[s].humans]
        if humans:
            ranked[pair] = max(ranked.get(pair, 0), *(RANK[s.study_type] for s in humans))
    best: dict[str, tuple[str, str | None]] = {}  # one setting per outcome: the best-designed study's
    for pair in sorted(ranked, key=lambda pair: -ranked[pair]):
        best.setdefault(pair[0], pair)
    return list(best.values()) if len(best) <= MAX_STUDIED_PAIRS else []


def on_processes(c: Composer, substance: str, processes: tuple[str, ...]) -> str:
    """ "Does glutamine help leaky gut?" names a body process, not a symptom: the answer is what the
    evidence base records of the substance acting on that process (and through which steps), with the
    kind of study each record rests on, rather than every role the substance has."""
    mid = c.mid(substance)
    findings = [f for f in c.base.findings_by_subject.get(substance, ()) if f.object in processes]
    sentences = []
    in_humans = False
    for finding in findings[:3]:
        source = best_source(c.base.sources[s] for s in finding.sources)
        design = f" ({STUDY_TYPE_LABELS[source.study_type]})" if source else ""
        sentences.append(f"{finding.summary.rstrip('.')}{design}.")
        in_humans = in_humans or any(c.base.sources[s].humans for s in finding.sources)
    c.section(
        "roles",
        f"What {mid} does to {join([c.mid(p) for p in processes])}",
        [f.summary for f in findings],
        [s for f in findings for s in f.sources],
    )
    for process in processes:
        c.mechanisms.extend(c.mechanism(path, process) for path in find_paths(c.base, substance, process)[:3])
    named = join([c.mid(p) for p in processes])
    if not sentences and not c.mechanisms:
        return f"The evidence base records nothing linking {mid} to {named}."
    if not sentences:
        return f"No study in the evidence base measured {mid}'s effect on {named}; the mechanism steps below link them."
    if in_humans:
        # "glutamine post workout for recovery does it work": a human finding on the very process asked
        # about is the answer; "ask about a symptom" after it read as not having answered (sixth try-out)
        return f"On {named}, the evidence base records: {' '.join(sentences)}"
    return (
        f"On {named}, the evidence base records: {' '.join(sentences)} That is a process in the body, not a "
        "symptom: ask about a symptom (gut symptoms, pain, mood) for a graded verdict."
    )


_SEVERITY_ORDER = ("contraindicated", "major", "moderate", "minor")


def combination(c: Composer, substance: str, others: list[str]) -> str:
    """Whether an interaction between the supplements named together is recorded, either way round."""
    named = [substance, *others]
    pairs = [r for r in c.base.interactions if r.substance in named and r.drug in named and r.substance != r.drug]
    together = join([c.mid(x) for x in named])
    if pairs:
        worst = min(pairs, key=lambda r: _SEVERITY_ORDER.index(r.severity.value))
        # the answer opens with this record's warning and its reason (`lead_sentence`): not said twice
        return f"An interaction between {together} is recorded ({worst.severity.value})."
    return (
        f"No interaction between {together} is recorded in the evidence base; that is not proof that "
        "taking them together is safe."
    )


def stricter_forms(c: Composer, cautions: list[Caution]) -> str:
    """A condition named in the question may have a form the base advises against more strongly
    ("my dad's liver": liver disease is a caution, hepatic encephalopathy, a form of it, an avoid).
    The person may have that form, so it is named right after the lead; the level that leads stays
    the one the question names."""
    named = set(c.query.conditions)
    matched = {(x.substance, x.entity): x.level for x in cautions if x.matches_question}
    sentences = []
    for x in cautions:
        if x.kind != "contraindication" or x.matches_question or x.level != "avoid":
            continue
        parents = [p for p in c.base.ancestors(x.entity)[1:] if p in named]
        if not parents or any(matched.get((x.substance, p)) == "avoid" for p in parents):
            continue
        why = mid_sentence(x.reason.split(": ", 1)[-1].split(". ")[0].split("; ")[0].rstrip("."))
        sentences.append(
            f"If it is {c.mid(x.entity)}, a form of {c.mid(parents[0])}, {c.mid(x.substance or '')} is advised "
            f"against ({why})."
        )
    return " ".join(dict.fromkeys(sentences))
