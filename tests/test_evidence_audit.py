"""Issue 16, a citation audit: each correction held against the bundled evidence base, so a later
edit cannot quietly bring back an overstated finding or drop an identifier that was checked."""

from __future__ import annotations

from suppwise.evidence import EvidenceBase
from suppwise.evidence.schema import ConcernKind, Effect
from suppwise.questions.answer import build_answer
from suppwise.questions.parse import parse
from suppwise.reasoning.verdict import Direction, Reply, VerdictCode, judge


def test_glutamate_is_called_raised_only_on_sources_that_give_a_direction(bundled: EvidenceBase) -> None:
    raised = bundled.findings["glutamate-elevated-in-fibromyalgia"]
    assert "feraco2009_abstract" not in raised.sources
    feraco = bundled.findings["glutamate-ratios-differ-in-fibromyalgia"]
    assert feraco.effect is Effect.ASSOCIATED_WITH and feraco.sources == ("feraco2009_abstract",)
    assert all(s.is_significant() for f in (raised, feraco) for s in f.statistics)


def test_fayed_correlations_carry_no_sign_and_no_sex(bundled: EvidenceBase) -> None:
    mood = bundled.findings["glutamate-associated-with-mood-in-fibromyalgia"]
    assert mood.effect is Effect.ASSOCIATED_WITH and "sign" in mood.summary
    assert "women" not in mood.summary and "women" not in bundled.sources["fayed2010_fm_mrs"].population
    # no signed edge rests on the unsigned correlation alone
    assert not [link for link in bundled.links.values() if mood.id in link.findings]
    assert "fayed2010_fm_mrs" not in bundled.findings["fibromyalgia-associated-with-depression"].sources


def test_holton_pain_result_is_labelled_by_what_the_trial_showed(bundled: EvidenceBase) -> None:
    holton = [f for f in bundled.findings.values() if "holton2012_msg_challenge" in f.sources and f.object == "pain"]
    assert [f.id for f in holton] == ["msg-unclear-effect-on-pain-in-fibromyalgia"]
    [finding] = holton
    assert finding.effect is Effect.NO_CLEAR_EFFECT
    [statistic] = finding.statistics
    assert statistic.is_significant() is False
    assert "MSG-free" not in finding.summary and "such as MSG and aspartame" in finding.summary


def test_the_bone_marrow_mood_trend_is_not_called_a_benefit(bundled: EvidenceBase) -> None:
    verdict = judge(bundled, "glutamine", "mood", "bone-marrow-transplant", Direction.HELPS)
    assert verdict.direction is Direction.UNKNOWN and verdict.answer is Reply.UNCLEAR


def test_the_mixed_psychiatric_sample_is_indirect_for_depression(bundled: EvidenceBase) -> None:
    finding = bundled.findings["glutamine-increases-mood-in-depression"]
    kinds = {c.kind for c in finding.concerns}
    assert {ConcernKind.INDIRECTNESS, ConcernKind.RISK_OF_BIAS} <= kinds
    verdict = judge(bundled, "glutamine", "mood", "depression", Direction.HELPS)
    assert verdict.code is VerdictCode.INDIRECT_EVIDENCE_ONLY and not any(g.direct for g in verdict.evidence)
    assert verdict.answer is Reply.UNCLEAR
    cocchi = bundled.sources["cocchi1976_gln_antidepressive"]
    assert cocchi.verification.status.value == "partial"
    assert cocchi.authors is None and cocchi.year is None and cocchi.venue is None and cocchi.pmid is None


def test_identifiers_found_in_the_audit(bundled: EvidenceBase) -> None:
    sources = bundled.sources
    assert sources["ogc_hepatology2004"].pmid == "15057897"
    assert sources["camilleri2021_intestinal_barrier"].pmid == "33492118"
    assert sources["camilleri2021_intestinal_barrier"].doi == "10.14309/ctg.0000000000000308"
    assert sources["lee2021_mrsi_fm"].venue == "European Journal of Pain 25(9):2050-2064"
    assert "issue 16" in sources["ichesco2012_acr_insula_glx"].verification.how


def test_an_inconclusive_verdict_reads_as_no_clear_effect(mini_unclear: EvidenceBase) -> None:
    answer = build_answer(mini_unclear, parse("Does epsilon help pain in condition Y?", mini_unclear))
    assert "found no clear effect either way" in answer.summary
