"""A property of the whole evidence base (issue 12): for every human finding about a substance and an
outcome, questions a person could ask about it, in several phrasings and under any of the names the
base gives its substance, outcome and population, get a verdict that cites it; and no answer says
"no study ... in people" while its own evidence list holds a human study."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from suppwise.evidence import bundled_data_dir, load_evidence
from suppwise.evidence.schema import Effect, EntityKind, Finding
from suppwise.questions.answer import build_answer
from suppwise.questions.answer_model import Answer
from suppwise.questions.parse import parse

BASE = load_evidence(bundled_data_dir())
NO_STUDY_IN_PEOPLE = re.compile(r"No study has tested .* in people\.$")
PHRASINGS = (
    "Does {substance} help {outcome} in {population}?",
    "{substance} for {outcome} in {population}",
    "Is there any evidence that {substance} changes {outcome} in {population}?",
    "Can {substance} make {outcome} worse in {population}?",
    "What does {substance} do for {outcome} in people with {population}?",
)
GENERAL_PHRASINGS = (
    "Does {substance} help {outcome}?",
    "{substance} and {outcome}",
    "Is there evidence {substance} affects {outcome}?",
)


def _outcome_of(finding: Finding) -> str | None:
    target = BASE.entities[finding.object]
    if target.kind is EntityKind.OUTCOME:
        return target.id
    if target.kind is EntityKind.CONDITION:
        return target.outcome
    return None


def _human_findings() -> Iterator[Finding]:
    for finding in BASE.findings.values():
        if BASE.entities[finding.subject].kind is not EntityKind.SUBSTANCE:
            continue
        if finding.effect not in (Effect.INCREASES, Effect.DECREASES, Effect.NO_EFFECT):
            continue
        if _outcome_of(finding) is None or not any(BASE.sources[s].humans for s in finding.sources):
            continue
        yield finding


FINDINGS = sorted(_human_findings(), key=lambda f: f.id)


def _questions(finding: Finding, names: dict[str, str] | None = None) -> list[str]:
    names = names or {}
    substance = names.get("substance", BASE.name(finding.subject))
    outcome_id = _outcome_of(finding) or ""
    target = BASE.entities[finding.object]
    outcome = names.get("outcome", BASE.name(finding.object) if target.kind is EntityKind.CONDITION else BASE.name(
        outcome_id
    )).lower()
    if finding.context:
        population = names.get("population", BASE.name(finding.context))
        return [p.format(substance=substance, outcome=outcome, population=population) for p in PHRASINGS]
    return [p.format(substance=substance, outcome=outcome) for p in GENERAL_PHRASINGS]


def _ask(text: str) -> Answer:
    return build_answer(BASE, parse(text, BASE))


def _no_false_no_study(answer: Answer) -> None:
    human = any(BASE.sources[item.source].humans for item in answer.evidence)
    for verdict in answer.verdicts:
        for reason in verdict.reasons:
            assert not (human and NO_STUDY_IN_PEOPLE.search(reason)), (answer.question, reason)


def test_the_base_has_human_findings_to_ask_about() -> None:
    assert len(FINDINGS) >= 8


@pytest.mark.parametrize("finding", FINDINGS, ids=lambda f: f.id)
def test_every_human_finding_is_cited_by_questions_about_it(finding: Finding) -> None:
    for text in _questions(finding):
        answer = _ask(text)
        cited = {item.finding_id for item in answer.evidence}
        assert finding.id in cited, (text, answer.intent, answer.entities, sorted(cited))
        _no_false_no_study(answer)


def _names(entity_id: str) -> list[str]:
    entity = BASE.entities[entity_id]
    return [n for n in (entity.name, *entity.synonyms) if len(n) > 3 and n.upper() != n]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_name_of_the_substance_outcome_and_population_reaches_the_finding(data: st.DataObject) -> None:
    finding = data.draw(st.sampled_from(FINDINGS))
    names = {"substance": data.draw(st.sampled_from(_names(finding.subject)))}
    if finding.context:
        names["population"] = data.draw(st.sampled_from(_names(finding.context)))
    text = data.draw(st.sampled_from(_questions(finding, names)))
    answer = _ask(text)
    assert finding.id in {item.finding_id for item in answer.evidence}, (text, answer.entities)
    _no_false_no_study(answer)
