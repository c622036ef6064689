"""What the answer keeps per base to be quick (docs/question-understanding.md, "Speed, fourth pass")
changes no answer: an answer built after many others on a warm base is the one a fresh base gives,
and no two answers share a list a caller could change."""

from __future__ import annotations

import pytest

from suppwise.evidence import EvidenceBase
from suppwise.questions.answer import build_answer
from suppwise.questions.answer_model import Answer
from suppwise.questions.parse import parse
from suppwise.render.json_format import render_json

# Each reaches one of the things now kept per base: cautions with their sources (one reached through
# a medicine class, one through the condition a medicine is taken for), mechanism paths, the crisis
# resources.
QUESTIONS = (
    "my dad takes lactulose, can he have glutamine?",
    "is fish oil ok with blood thinners",
    "Does glutamine increase pain in fibromyalgia?",
    "how does magnesium help sleep",
    "is st johns wort safe with sertraline",
    "i want to overdose on melatonin",
)


def _ask(base: EvidenceBase, text: str) -> Answer:
    return build_answer(base, parse(text, base))


def test_an_answer_on_a_warm_base_is_the_one_a_fresh_base_gives(bundled: EvidenceBase) -> None:
    for text in QUESTIONS * 2:  # warm every per-base store, each question asked twice
        _ask(bundled, text)
    fresh = bundled.with_records()  # the same records, nothing worked out yet
    for text in QUESTIONS:
        assert render_json(_ask(bundled, text)) == render_json(_ask(fresh, text)), text


def test_the_questions_reach_what_is_kept(bundled: EvidenceBase) -> None:
    answers = {text: _ask(bundled, text) for text in QUESTIONS}
    assert any(c.implied_by for c in answers["my dad takes lactulose, can he have glutamine?"].cautions)
    assert any(c.through for c in answers["is fish oil ok with blood thinners"].cautions)
    assert len(answers["Does glutamine increase pain in fibromyalgia?"].mechanisms) >= 2
    assert answers["i want to overdose on melatonin"].crisis_resources
    cited = {s for c in answers["is st johns wort safe with sertraline"].cautions for s in c.sources}
    assert cited <= {r.id for r in answers["is st johns wort safe with sertraline"].references}


@pytest.mark.parametrize("text", ["is fish oil ok with blood thinners", "i want to overdose on melatonin"])
def test_answers_share_no_lists(bundled: EvidenceBase, text: str) -> None:
    first = _ask(bundled, text)
    before = render_json(_ask(bundled, text))
    for caution in first.cautions:
        caution.sources.append("changed-by-a-caller")
    first.crisis_resources.clear()
    assert render_json(_ask(bundled, text)) == before
