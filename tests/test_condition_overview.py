"""Condition-first answers: "what supplements help fibromyalgia?" gets a ranked table built from
the same verdicts `ask` gives, with the person's screen applied."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.evidence import EvidenceBase
from suppwise.reasoning.condition_overview import condition_overview
from suppwise.reasoning.verdict import VerdictCode, judge
from suppwise.render.markdown import render_markdown
from suppwise.safety.profile import Profile
from suppwise.safety.screen import resolve_profile
from tests.evidence_helpers import ask


def test_a_condition_question_without_a_supplement_gets_the_ranked_table(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "What supplements help fibromyalgia?")
    assert answer.code == "CONDITION_OVERVIEW" and answer.overview is not None
    rows = answer.overview.rows
    assert rows and rows[0].substance == "magnesium"  # the only one with human studies in fibromyalgia
    assert answer.summary.startswith("For fibromyalgia, strongest evidence first: magnesium (pain: helps, low")
    assert "not advice to take anything" in answer.summary
    assert {"aspartame", "monosodium-glutamate"}.isdisjoint(r.substance for r in rows)  # triggers, not supplements


def test_the_table_agrees_with_ask_cell_by_cell(bundled: EvidenceBase) -> None:
    overview = condition_overview(bundled, "depression")
    for row in overview.rows:
        for cell in row.cells:
            verdict = judge(bundled, row.substance, cell.outcome, "depression")
            assert cell.direction == verdict.direction.value
            assert cell.certainty == (verdict.certainty.label if verdict.certainty else None)
            assert cell.direct == (verdict.code is VerdictCode.DIRECT_EVIDENCE)


def test_a_medicine_named_in_the_question_is_screened_and_its_avoid_is_said(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "what can I take for depression besides my SSRI?")
    assert answer.overview is not None and answer.overview.personal
    avoid = [row for row in answer.overview.rows if row.screen_level == "avoid"]
    assert {"st-johns-wort", "5-htp"} <= {row.substance for row in avoid}
    assert answer.overview.rows[-len(avoid):] == avoid  # last, whatever their evidence
    assert "Avoid for you: " in answer.summary
    assert "St John's wort (antidepressants, which covers your SSRIs)" in answer.summary


def test_an_outcome_named_focuses_the_ranking(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "best supplement for fibro fatigue")
    assert answer.overview is not None and answer.overview.focus == "fatigue"
    assert answer.overview.outcomes[0] == "fatigue"


def test_the_table_is_in_every_format(bundled: EvidenceBase) -> None:
    markdown = render_markdown(ask(bundled, "what supplements help depression"))
    assert "## Depression: supplements with evidence, strongest first" in markdown
    assert "| Supplement | Mood |" in markdown


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["sertraline", "warfarin", "Zoloft", "lithium", "the pill", "tramadol"]), max_size=3))
def test_rows_a_person_should_avoid_always_come_last(bundled: EvidenceBase, medicines: list[str]) -> None:
    resolved = resolve_profile(bundled, Profile(medications=tuple(medicines)))
    rows = condition_overview(bundled, "depression", resolved).rows
    levels = [row.screen_level == "avoid" for row in rows]
    assert levels == sorted(levels)


def test_a_supplement_the_base_lacks_is_said_not_hidden_behind_a_table(bundled: EvidenceBase) -> None:
    assert ask(bundled, "Does ashwagandha help pain in fibromyalgia?").code == "SUBSTANCE_NOT_FOUND"
    assert ask(bundled, "does foobarix help fibromyalgia").code != "CONDITION_OVERVIEW"
