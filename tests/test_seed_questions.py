"""Every frequently-asked question of the two seed articles (lightly reworded where a question was
long enough to count as copied wording), with paraphrases, answered with the
right intent, entities and verdict from the bundled evidence base."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from suppwise.evidence import EvidenceBase
from suppwise.questions.answer import build_answer
from suppwise.questions.answer_model import Answer
from suppwise.questions.parse import parse


@dataclass(frozen=True)
class Case:
    intent: str
    entities: dict[str, set[str]]
    questions: tuple[str, ...]
    answer: str | None = None  # verdict.answer when a verdict is expected
    direction: set[str] = field(default_factory=set)  # allowed verdict directions
    certainty: set[str] = field(default_factory=set)  # allowed verdict certainties
    summary_starts: str | None = None
    section: str | None = None  # a section key that must be present and non-empty
    caution_for: str | None = None  # an entity whose caution must match the question


GLN = {"glutamine"}
FM = {"fibromyalgia"}
UNCLEAR_WEAK = {"very_low", "low"}

CASES = {
    "fm-pain": Case(
        "effect",
        {"substance": GLN, "condition": FM},
        (
            "Does glutamine increase pain in fibromyalgia?",
            "So what is the definitive answer: does glutamine raise fibromyalgia pain?",
            "Can L-glutamine make fibro pain worse?",
            "Will taking glutamine worsen my fibromyalgia pain?",
            "could glutamine supplements aggravate FM pain",
            "does glutamin increase pain in fibromyalga",
        ),
        answer="unclear",
        direction={"mixed"},
        certainty={"very_low"},
    ),
    "fm-cure": Case(
        "cure",
        {"substance": GLN, "condition": FM},
        (
            "Can glutamine cure fibromyalgia?",
            "Will glutamine cure my fibro?",
            "Is L-glutamine a cure for fibromyalgia syndrome?",
        ),
        answer="no",
        summary_starts="No",
    ),
    "dose": Case(
        "dosing",
        {"substance": GLN},
        (
            "What's the recommended glutamine dosage for fibromyalgia patients?",
            "How much glutamine should I take for fibromyalgia?",
            "What dose of L-glutamine is safe?",
            "How much glutamine should I take for my mood?",
        ),
        section="dosing",
    ),
    "side-effects": Case(
        "side_effects",
        {"substance": GLN},
        (
            "What are the potential side effects of glutamine?",
            "Does glutamine have side effects?",
            "What adverse effects can L-glutamine cause?",
        ),
        section="side_effects",
    ),
    "interactions": Case(
        "interaction",
        {"substance": GLN},
        (
            "Can glutamine interact with other medications?",
            "Does glutamine interact with my medications?",
        ),
        section="interactions",
    ),
    "interaction-lactulose": Case(
        "interaction",
        {"substance": GLN, "drug": {"lactulose"}},
        ("Is it OK to combine glutamine with lactulose?", "Can I take glutamine together with lactulose?"),
        section="interactions",
        caution_for="lactulose",
    ),
    "interaction-brand": Case(
        "interaction",
        {"substance": GLN},
        ("Can I take glutamine with Tegretol?", "Is glutamine safe with Lamictal?"),
        section="interactions",
        caution_for="anticonvulsants",
    ),
    "definition": Case(
        "definition",
        {"substance": {"glutamine", "glutamate"}},
        (
            "Is glutamine the same as glutamate?",
            "What is the difference between glutamine and glutamate?",
            "Are glutamine and glutamate the same thing?",
        ),
        summary_starts="No",
        section="relations",
    ),
    "fm-fatigue": Case(
        "effect",
        {"substance": GLN, "condition": FM},
        (
            "Can glutamine help with fatigue in fibromyalgia?",
            "Does glutamine reduce fatigue in fibro?",
            "Does L-glutamine improve tiredness with fibromyalgia?",
        ),
        answer="unclear",
        certainty=UNCLEAR_WEAK,
    ),
    "gut": Case(
        "mechanism",
        {"substance": GLN},
        ("How does glutamine affect gut health?", "How does glutamine work in the gut?"),
    ),
    "gut-alternatives": Case(
        "alternatives",
        {"substance": GLN},
        (
            "What alternatives to glutamine could improve gut health in fibromyalgia?",
            "What else could I take instead of glutamine for my gut with fibro?",
        ),
    ),
    "fm-anxiety-depression": Case(
        "effect",
        {"substance": GLN, "condition": FM},
        (
            "Can glutamine worsen anxiety or depression in fibromyalgia?",
            "Could glutamine make my anxiety or depression worse if I have fibromyalgia?",
        ),
        answer="unclear",
    ),
    "administration": Case(
        "administration",
        {"substance": GLN},
        (
            "Should glutamine be taken on an empty stomach or with food?",
            "Do I take L-glutamine with meals?",
            "How should I take glutamine powder?",
        ),
        section="administration",
    ),
    "resources": Case(
        "resources",
        {"substance": GLN, "condition": FM},
        (
            "Where can I find reliable info on glutamine and fibromyalgia?",
            "Where can I learn more about glutamine and fibro from trustworthy sources?",
        ),
        section="resources",
    ),
    "depression-effect": Case(
        "effect",
        {"substance": GLN, "condition": {"depression"}},
        (
            "What does glutamine do for depression?",
            "Does glutamine help depression?",
            "Can L-glutamine improve low mood in major depression?",
            "is glutamine good for depresion",
        ),
        answer="unclear",
        certainty=UNCLEAR_WEAK,
    ),
    "depression-cure": Case(
        "cure",
        {"substance": GLN, "condition": {"depression"}},
        ("Is glutamine a cure for depression?", "Can glutamine cure my depression?"),
        answer="no",
        summary_starts="No",
    ),
    "safe-for-everyone": Case(
        "safety",
        {"substance": GLN},
        ("Is glutamine safe for everyone?", "Who should not take glutamine?", "Is L-glutamine dangerous?"),
        summary_starts="No",
    ),
    "bipolar": Case(
        "safety",
        {"substance": GLN, "condition": {"bipolar-disorder"}},
        ("Is glutamine safe if I have bipolar disorder?", "Can I take glutamine with manic depression?"),
        caution_for="bipolar-disorder",
    ),
    "liver": Case(
        "safety",
        {"substance": GLN},
        ("Is glutamine safe with hepatic encephalopathy?",),
        caution_for="hepatic-encephalopathy",
    ),
    "seizures": Case(
        "safety",
        {"substance": GLN, "condition": {"seizure-disorder"}},
        ("Is glutamine safe for someone with epilepsy?", "Should I avoid glutamine if I have seizures?"),
        caution_for="seizure-disorder",
    ),
    "msg": Case(
        "safety",
        {"substance": GLN},
        ("Is glutamine safe if I am sensitive to MSG?",),
        caution_for="msg-sensitivity",
    ),
    "foods": Case(
        "sources",
        {"substance": GLN},
        (
            "What are some dietary sources of glutamine?",
            "Which foods contain glutamine?",
            "Can I get enough glutamine from my diet?",
        ),
        section="foods",
    ),
    "gut-brain": Case(
        "mechanism",
        {"substance": GLN, "condition": {"depression"}},
        ("How does glutamine affect depression through the gut-brain axis?", "How does glutamine help depression?"),
    ),
    "anxiety": Case(
        "effect",
        {"substance": GLN, "condition": {"anxiety"}},
        ("Can glutamine help with anxiety?", "Does glutamine calm anxiety?"),
        answer="unclear",
    ),
    "compare-mood": Case(
        "comparison",
        {"substance": {"glutamine", "omega-3"}},
        ("Glutamine vs fish oil for depression", "Is glutamine better than omega-3 for depression?"),
    ),
    "mood-alternatives": Case(
        "alternatives",
        {"substance": GLN, "condition": {"depression"}},
        ("What are the alternatives to glutamine for depression?",),
    ),
}

PARAMS = [pytest.param(key, q, id=f"{key}:{q[:40]}") for key, case in CASES.items() for q in case.questions]


def answer_for(base: EvidenceBase, question: str) -> Answer:
    return build_answer(base, parse(question, base))


@pytest.mark.parametrize(("key", "question"), PARAMS)
def test_seed_question(bundled: EvidenceBase, key: str, question: str) -> None:
    case = CASES[key]
    answer = answer_for(bundled, question)
    assert answer.code == "ANSWERED", answer.summary
    assert answer.intent == case.intent
    for kind, ids in case.entities.items():
        assert ids <= set(answer.entities.get(kind, [])), (kind, answer.entities)
    if case.answer is not None:
        assert answer.verdicts, "expected a verdict"
        for verdict in answer.verdicts:
            assert verdict.answer == case.answer, verdict
            if case.direction:
                assert verdict.direction in case.direction, verdict
            if case.certainty:
                assert verdict.certainty in case.certainty, verdict
    if case.summary_starts:
        # a caution the question names leads (issue 12); the answer to the question follows it
        lead = {"avoid": "Avoid: ", "caution": "Take care: "}.get(answer.safety_level or "none")
        if lead:
            assert answer.summary.startswith(lead) and f" {case.summary_starts}" in answer.summary, answer.summary
        else:
            assert answer.summary.startswith(case.summary_starts), answer.summary
    if case.section:
        section = next((s for s in answer.sections if s.key == case.section), None)
        assert section is not None and section.items, [s.key for s in answer.sections]
        if case.section != "resources":  # organisations to consult, not claims
            assert section.sources, "every section cites its sources"
    if case.caution_for:
        assert any(c.entity == case.caution_for and c.matches_question for c in answer.cautions), answer.cautions
    if case.intent in {"comparison", "alternatives"}:
        assert answer.comparisons and all(len(c.rows) >= 2 for c in answer.comparisons)
    assert answer.disclaimer and not answer.crisis


def test_fm_pain_shows_both_mechanisms(bundled: EvidenceBase) -> None:
    answer = answer_for(bundled, "Does glutamine increase pain in fibromyalgia?")
    effects = {m.effect for m in answer.mechanisms}
    assert effects == {"helps", "worsens"}
    texts = " | ".join(m.text for m in answer.mechanisms)
    assert "Glutamate" in texts and "Central sensitisation" in texts.replace("sensitization", "sensitisation")
    assert answer.evidence and answer.references
    assert any(c.entity == "msg-sensitivity" for c in answer.cautions)


def test_every_statement_in_an_answer_is_cited(bundled: EvidenceBase) -> None:
    answer = answer_for(bundled, "Does glutamine increase pain in fibromyalgia?")
    cited = {r.id for r in answer.references}
    for item in answer.evidence:
        assert item.source in cited
    for caution in answer.cautions:
        assert caution.sources and set(caution.sources) <= cited
    for mechanism in answer.mechanisms:
        for step in mechanism.steps:
            assert step.sources and set(step.sources) <= cited


def test_crisis_question_shows_resources_first(bundled: EvidenceBase) -> None:
    answer = answer_for(bundled, "I have been thinking about suicide. Would glutamine help my depression?")
    assert answer.crisis and answer.crisis_resources
    assert answer.verdict is not None


@pytest.mark.parametrize(
    ("question", "term"),
    [("Does ashwagandha help fibromyalgia?", "ashwagandha"), ("Is kratom safe with depression?", "kratom")],
)
def test_unknown_substance_is_never_answered(bundled: EvidenceBase, question: str, term: str) -> None:
    answer = answer_for(bundled, question)
    assert answer.code == "SUBSTANCE_NOT_FOUND"
    assert answer.verdict is None and term in answer.summary


def test_unknown_condition_is_never_answered(bundled: EvidenceBase) -> None:
    answer = answer_for(bundled, "Does glutamine help sjogrens?")
    assert answer.code == "CONDITION_NOT_FOUND" and answer.verdict is None


def test_a_known_condition_without_findings_is_said_to_have_none(bundled: EvidenceBase) -> None:
    """Lupus is known (melatonin's autoimmune warning reaches it) but no finding is about it."""
    answer = answer_for(bundled, "Does glutamine help lupus?")
    assert answer.verdict is None
    assert "no symptom measure for lupus" in answer.summary


def test_typo_in_substance_gets_suggestions(bundled: EvidenceBase) -> None:
    answer = answer_for(bundled, "Does glutamene help fibromyalgia?")
    # either recognised through fuzzy matching or refused with glutamine among the suggestions
    assert "glutamine" in answer.entities.get("substance", []) or any(
        "glutamine" in ids for ids in answer.suggestions.values()
    )
