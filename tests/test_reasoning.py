"""Every reasoning rule of docs/reasoning.md, on the tiny made-up evidence base."""

from __future__ import annotations

from suppwise.evidence import EvidenceBase
from suppwise.evidence.schema import Sign
from suppwise.reasoning.grading import Certainty, Concern, grade_sources
from suppwise.reasoning.paths import find_paths
from suppwise.reasoning.verdict import Direction, Reply, VerdictCode, judge


def test_rule_design_sets_the_start(mini: EvidenceBase) -> None:
    s = mini.sources
    assert grade_sources([s["rct-big"]]).certainty is Certainty.HIGH
    assert grade_sources([s["cohort"]]).certainty is Certainty.LOW
    assert grade_sources([s["mech"]]).certainty is Certainty.VERY_LOW


def test_rule_imprecision_costs_a_level(mini: EvidenceBase) -> None:
    grade = grade_sources([mini.sources["rct-small"]])
    assert grade.certainty is Certainty.MODERATE
    assert grade.concerns[0][0] is Concern.IMPRECISION


def test_rule_indirectness_costs_a_level(mini: EvidenceBase) -> None:
    grade = grade_sources([mini.sources["rct-big"]], indirect="another condition")
    assert grade.certainty is Certainty.MODERATE


def test_rule_partial_verification_costs_a_level(mini: EvidenceBase) -> None:
    assert grade_sources([mini.sources["partial-rct"]]).certainty is Certainty.MODERATE


def test_rule_animal_only_is_indirect(mini: EvidenceBase) -> None:
    grade = grade_sources([mini.sources["mouse"]])
    assert grade.certainty is Certainty.VERY_LOW
    assert any(c is Concern.INDIRECTNESS for c, _ in grade.concerns)


def test_rule_direct_evidence_decides_and_inconsistency_costs_a_level(mini: EvidenceBase) -> None:
    verdict = judge(mini, "alpha", "pain", "cond-x", Direction.HELPS)
    assert verdict.code is VerdictCode.DIRECT_EVIDENCE
    assert verdict.direction is Direction.HELPS
    # a high-certainty RCT, lowered one level because a cohort points the other way
    assert verdict.certainty is Certainty.MODERATE
    assert verdict.answer is Reply.YES
    assert any("inconsistency" in r for r in verdict.reasons)


def test_rule_answer_follows_the_question_asked(mini: EvidenceBase) -> None:
    assert judge(mini, "alpha", "pain", "cond-x", Direction.WORSENS).answer is Reply.NO


def test_rule_indirect_only_is_very_low_and_unclear(mini: EvidenceBase) -> None:
    verdict = judge(mini, "alpha", "pain", "low-mood-disorder", Direction.HELPS)
    assert verdict.code is VerdictCode.INDIRECT_EVIDENCE_ONLY
    assert verdict.certainty is Certainty.VERY_LOW
    assert verdict.answer is Reply.UNCLEAR


def test_rule_a_study_outweighs_mechanisms_in_the_indirect_vote(mini: EvidenceBase) -> None:
    # beta: a trial in another condition, and one mechanism path each way
    verdict = judge(mini, "beta", "pain", "cond-x", Direction.WORSENS)
    assert verdict.direction is Direction.HELPS
    assert verdict.certainty is Certainty.VERY_LOW
    assert verdict.answer is Reply.UNCLEAR
    assert len(verdict.paths) == 2


def test_rule_mechanisms_alone_weigh_both_sides(mini: EvidenceBase) -> None:
    verdict = judge(mini, "omicron", "pain", "cond-x", Direction.HELPS)
    assert verdict.code is VerdictCode.INDIRECT_EVIDENCE_ONLY
    assert verdict.direction is Direction.MIXED and verdict.answer is Reply.UNCLEAR
    assert any("1 suggests benefit, 1 suggests harm" in r for r in verdict.reasons)


def test_rule_no_study_is_said_only_when_true(mini: EvidenceBase) -> None:
    with_human = judge(mini, "beta", "pain", "cond-x")
    assert not any(r.endswith("in people.") for r in with_human.reasons)
    assert any("randomised controlled trial in condition Y" in r for r in with_human.reasons)
    mechanisms_only = judge(mini, "omicron", "pain", "cond-x")
    expected = "No study has tested omicron for pain in condition X in people"
    assert any(r.startswith(expected) for r in mechanisms_only.reasons)


def test_rule_a_subgroup_is_indirect(mini: EvidenceBase) -> None:
    same = judge(mini, "sigma", "pain", "cond-x", asked_text="does sigma help X-D pain")
    general = judge(mini, "sigma", "pain", "cond-x", asked_text="does sigma help pain in X")
    other = judge(mini, "sigma", "pain", "cond-x", asked_text="does sigma help X-C pain")
    assert same.code is VerdictCode.DIRECT_EVIDENCE and same.certainty is Certainty.HIGH
    assert general.code is VerdictCode.DIRECT_EVIDENCE and general.certainty is Certainty.MODERATE
    assert any("a subgroup of condition X" in r for r in general.reasons)
    assert other.code is VerdictCode.INDIRECT_EVIDENCE_ONLY and other.certainty is Certainty.VERY_LOW


def test_rule_harms_count_as_much_as_benefits(mini: EvidenceBase) -> None:
    # the only benefit is a trial in another subgroup; a recorded side effect on pain, from an RCT in
    # Y, weighs as much as it: no clear benefit
    verdict = judge(mini, "sigma", "pain", "cond-x", Direction.HELPS, asked_text="sigma for X-C pain")
    assert verdict.direction is not Direction.HELPS
    assert any(g.harm for g in verdict.evidence)
    general = judge(mini, "sigma", "pain", "cond-x", Direction.HELPS)
    assert any(r.startswith("Harms count too") and "joint pain" in r for r in general.reasons)


def test_rule_a_non_significant_result_is_no_clear_effect(mini: EvidenceBase) -> None:
    verdict = judge(mini, "kappa", "mood", "cond-x", Direction.HELPS)
    assert verdict.direction is Direction.UNKNOWN and verdict.answer is Reply.UNCLEAR
    assert any("imprecision" in reason for reason in verdict.reasons)


def test_rule_a_null_rct_outweighs_an_uncontrolled_case_series(mini: EvidenceBase) -> None:
    verdict = judge(mini, "kappa", "fatigue", None, Direction.HELPS)
    assert verdict.code is VerdictCode.INDIRECT_EVIDENCE_ONLY
    assert verdict.direction is Direction.NO_EFFECT


def test_rule_no_sources_no_verdict(mini: EvidenceBase) -> None:
    verdict = judge(mini, "gamma", "pain", "cond-x", Direction.HELPS)
    assert verdict.code is VerdictCode.NO_EVIDENCE
    assert verdict.certainty is None
    assert verdict.direction is Direction.UNKNOWN
    assert verdict.answer is Reply.UNCLEAR


def test_rule_outcome_orientation(mini: EvidenceBase) -> None:
    # gamma raises mood (higher is better) -> helps; alpha lowers pain (higher is worse) -> helps
    assert judge(mini, "gamma", "mood", "low-mood-disorder").direction is Direction.HELPS
    assert judge(mini, "alpha", "pain", "cond-y").direction is Direction.HELPS


def test_rule_no_effect_is_a_direction(mini: EvidenceBase) -> None:
    verdict = judge(mini, "gamma", "fatigue", None, Direction.HELPS)
    assert verdict.direction is Direction.NO_EFFECT
    assert verdict.certainty is Certainty.MODERATE
    assert verdict.answer is Reply.NO


def test_rule_without_a_condition_disease_specific_studies_are_indirect(mini: EvidenceBase) -> None:
    verdict = judge(mini, "alpha", "pain", None)
    assert verdict.code is VerdictCode.INDIRECT_EVIDENCE_ONLY
    assert verdict.certainty is Certainty.VERY_LOW
    assert not any(g.direct for g in verdict.evidence)


def test_rule_recorded_concerns_cost_a_level_each(mini: EvidenceBase) -> None:
    verdict = judge(mini, "beta", "mood", "low-mood-disorder")
    assert verdict.code is VerdictCode.DIRECT_EVIDENCE
    assert verdict.certainty is Certainty.MODERATE
    assert any("inconsistency" in r for r in verdict.reasons)


def test_paths_carry_sign_and_weakest_link(mini: EvidenceBase) -> None:
    paths = find_paths(mini, "beta", "pain")
    signs = sorted(p.sign.value for p in paths)
    assert signs == ["+", "-"]
    raising = next(p for p in paths if p.sign is Sign.RAISES)
    assert raising.nodes == ("beta", "p-up", "pain")
    assert raising.certainty is Certainty.VERY_LOW


def test_no_path_to_an_unconnected_outcome(mini: EvidenceBase) -> None:
    assert find_paths(mini, "alpha", "mood") == ()


def test_rule_no_clear_effect_is_neither_benefit_nor_harm(mini_unclear: EvidenceBase) -> None:
    # a large trial that could not tell (p = 0.3) is the only direct evidence
    for asked in (Direction.HELPS, Direction.WORSENS):
        verdict = judge(mini_unclear, "epsilon", "pain", "cond-y", asked)
        assert verdict.code is VerdictCode.DIRECT_EVIDENCE
        assert verdict.direction is Direction.UNKNOWN
        assert verdict.answer is Reply.UNCLEAR
    assert any("no clear effect" in r for r in verdict.reasons)
    # graded down for imprecision by its own inconclusiveness: high, minus one
    assert verdict.certainty is Certainty.MODERATE


def test_rule_no_clear_effect_keeps_a_weaker_benefit_from_winning(mini_unclear: EvidenceBase) -> None:
    # alone, the small trial in X would say "helps"; the inconclusive large trial beside it
    # takes part in the vote as "unknown", so there is no majority and no yes
    verdict = judge(mini_unclear, "delta", "pain", "cond-x", Direction.HELPS)
    assert verdict.direction not in (Direction.HELPS, Direction.WORSENS, Direction.NO_EFFECT)
    assert verdict.answer is Reply.UNCLEAR


def test_rule_no_clear_effect_is_not_counted_among_indirect_directions(mini_unclear: EvidenceBase) -> None:
    # indirect evidence of no clear effect neither makes the verdict mixed nor gives it a direction
    only_unclear = judge(mini_unclear, "epsilon", "pain", "cond-x")
    assert only_unclear.code is VerdictCode.INDIRECT_EVIDENCE_ONLY
    assert only_unclear.direction is Direction.UNKNOWN
    assert only_unclear.certainty is Certainty.VERY_LOW
    beside_benefit = judge(mini_unclear, "delta", "pain", "cond-y")
    assert beside_benefit.direction is Direction.HELPS
    assert any("1 found no clear effect" in r for r in beside_benefit.reasons)


def test_rule_recorded_indirectness_is_never_direct(mini_unclear: EvidenceBase) -> None:
    verdict = judge(mini_unclear, "zeta", "mood", "low-mood-disorder")
    assert not any(g.direct for g in verdict.evidence)
    assert verdict.code is VerdictCode.INDIRECT_EVIDENCE_ONLY
    assert verdict.certainty is Certainty.VERY_LOW
    assert any("human evidence there is indirect" in r and "mixed sample" in r for r in verdict.reasons)


def test_an_association_without_a_sign_gives_no_direction(mini_unclear: EvidenceBase) -> None:
    verdict = judge(mini_unclear, "gamma", "pain", "cond-x")
    assert verdict.code is VerdictCode.NO_EVIDENCE and verdict.direction is Direction.UNKNOWN
    assert "unstated direction" in verdict.reasons[0] and "gamma-pain-assoc" in verdict.reasons[0]


def test_a_finding_on_a_condition_is_read_as_less_of_the_condition_helps(bundled: EvidenceBase) -> None:
    """"Decreases depression" helps mood and "increases depression" harms it, although mood is an
    outcome where higher is better (the sign was once taken from the outcome and came out reversed)."""
    from dataclasses import replace as replaced

    from suppwise.evidence.schema import Effect, Finding

    source = next(s for s in bundled.sources.values() if s.humans and s.study_type.value == "rct")
    for effect, expected in ((Effect.DECREASES, Direction.HELPS), (Effect.INCREASES, Direction.WORSENS)):
        finding = Finding(
            id="probe-finding", subject="bone-broth", effect=effect, object="depression",
            sources=(source.id,), summary="A probe finding on a condition.",
        )  # fmt: skip
        base = EvidenceBase.build(
            entities=bundled.entities.values(), sources=bundled.sources.values(), findings=[finding],
            word_forms=bundled.word_forms,
        )  # fmt: skip
        verdict = judge(base, "bone-broth", "mood", "depression")
        assert verdict.direction is expected, effect
        assert replaced(verdict, reasons=()).evidence[0].direction is expected
