"""Pooling personal trials: the per-person step against the single-trial analysis, the pooled
intervals against simulated cohorts with a known truth, the refusals and edge cases, and
properties of the random-effects step."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.errors import PoolingError
from suppwise.pooling import CohortBatch, PersonStatus, batch_from_rows, person_effects, pool_cohort, pool_estimates
from suppwise.pooling.synthetic import TRIAL_DAYS, synthetic_cohort
from suppwise.stats.analysis import analyse_outcome

# Synthetic scores are continuous and may stray a little outside 0-10; the range only sets the
# noise prior's scale, so tests comparing with the single-trial analysis use a range that holds them.
WIDE = (-10.0, 20.0)
PAIN = {"delta": 2.0, "higher_is_worse": True, "score_range": (0.0, 10.0)}


def test_each_person_gets_exactly_the_single_trial_posterior() -> None:
    cohort = synthetic_cohort(40, mu=-1.0, tau=0.8, seed=11)
    effects = person_effects(cohort.batch, score_range=WIDE)
    batch = cohort.batch
    for i in range(batch.people):
        single = analyse_outcome(
            batch.day[i], batch.score[i], batch.exposure[i], delta=2.0, higher_is_worse=True, score_range=WIDE
        )
        assert single.mean is not None and single.sd is not None
        assert effects.posterior_mean[i] == pytest.approx(single.mean, abs=1e-10)
        assert effects.posterior_sd[i] == pytest.approx(single.sd, rel=1e-10)
        assert effects.days_used[i] == single.n_used


def test_a_person_gets_the_same_answer_alone_as_in_any_batch() -> None:
    """Vectorising over people must not let one person's gaps or length leak into another's fit."""
    cohort = synthetic_cohort(12, mu=0.5, tau=1.0, seed=4, missing=0.3)
    together = person_effects(cohort.batch, score_range=WIDE)
    b = cohort.batch
    rows = [(b.day[i], b.score[i], b.exposure[i]) for i in range(b.people)]
    rows[3] = (rows[3][0][:60], rows[3][1][:60], rows[3][2][:60])  # a shorter diary pads the others
    for i in (0, 3, 11):
        alone = person_effects(batch_from_rows([rows[i]]), score_range=WIDE)
        mixed = person_effects(batch_from_rows(rows), score_range=WIDE)
        assert mixed.status[i] == PersonStatus.USED
        assert mixed.estimate[i] == pytest.approx(alone.estimate[0], abs=1e-12)
        if i != 3:
            assert together.estimate[i] == pytest.approx(alone.estimate[0], abs=1e-12)


def test_the_normal_summary_is_close_to_the_exact_posterior_interval() -> None:
    """The pooled step treats each person's posterior as normal; on 90-day diaries the exact 95%
    interval's ends are within a few hundredths of a posterior sd of the normal ones."""
    cohort = synthetic_cohort(100, mu=-1.0, tau=0.5, seed=8)
    effects = person_effects(cohort.batch, score_range=WIDE)
    b = cohort.batch
    errors = []
    for i in range(b.people):
        exact = analyse_outcome(b.day[i], b.score[i], b.exposure[i], delta=2.0, higher_is_worse=True, score_range=WIDE)
        assert exact.ci_low is not None and exact.ci_high is not None
        mean, sd = effects.posterior_mean[i], effects.posterior_sd[i]
        errors.append(max(abs(mean - 1.959964 * sd - exact.ci_low), abs(mean + 1.959964 * sd - exact.ci_high)) / sd)
    assert float(np.median(errors)) < 0.1
    assert max(errors) < 0.35
    # The reported diagnostics flag the least normal person.
    assert float(np.max(np.abs(effects.skewness))) < 1.0


@pytest.mark.parametrize(("mu", "tau", "people"), [(-1.0, 0.5, 20), (0.8, 1.2, 30)])
def test_population_intervals_cover_the_true_mean_in_about_95_percent_of_cohorts(
    mu: float, tau: float, people: int
) -> None:
    cohorts = 500
    drawn = synthetic_cohort(cohorts * people, mu=mu, tau=tau, seed=20261203)
    effects = person_effects(drawn.batch, score_range=PAIN["score_range"])
    assert np.all(effects.used)
    covered = 0
    for c in range(cohorts):
        part = slice(c * people, (c + 1) * people)
        pooled, _ = pool_estimates(effects.estimate[part], effects.standard_error[part], **PAIN)
        covered += pooled.mu.ci_low <= mu <= pooled.mu.ci_high
    assert 0.93 <= covered / cohorts <= 0.97


def test_the_share_who_improve_and_each_persons_shrunken_interval_cover_the_truth() -> None:
    """mu -1.5, tau 1: truly 31% of people improve by at least 2 points. Over 500 cohorts the 95%
    interval of that share covers 31% about 95% of the time, and each person's shrunken estimate
    +- 1.96 sd covers their own true effect about as often (a little less: the normal summary of
    each diary is slightly lighter-tailed than its exact posterior)."""
    mu, tau, people, cohorts = -1.5, 1.0, 30, 500
    drawn = synthetic_cohort(cohorts * people, mu=mu, tau=tau, seed=31)
    effects = person_effects(drawn.batch, score_range=PAIN["score_range"])
    true_share = 0.5 * math.erfc(-((-mu - 2.0) / tau) / math.sqrt(2.0))
    share_covered, person_covered = 0, []
    for c in range(cohorts):
        part = slice(c * people, (c + 1) * people)
        pooled, shrunk = pool_estimates(effects.estimate[part], effects.standard_error[part], **PAIN)
        share_covered += pooled.share_improving.ci_low <= true_share <= pooled.share_improving.ci_high
        truth = drawn.effects[part]
        person_covered.append(np.mean(np.abs(truth - shrunk.mean) <= 1.959964 * shrunk.sd))
    assert 0.93 <= share_covered / cohorts <= 0.97
    assert 0.92 <= float(np.mean(person_covered)) <= 0.97


def test_shrunken_estimates_are_closer_to_the_truth_than_each_persons_own() -> None:
    drawn = synthetic_cohort(300, mu=-1.0, tau=0.4, seed=5)
    result = pool_cohort([drawn.batch], outcome="pain", **PAIN)
    own = result.person_effects.estimate
    shrunk = result.shrunken.mean
    assert np.mean((shrunk - drawn.effects) ** 2) < 0.8 * np.mean((own - drawn.effects) ** 2)
    # About the right share of people truly improve by at least delta: none here (mu -1, tau 0.4).
    assert result.pooled.share_improving.ci_high < 0.05
    assert result.days_used == int(np.sum(np.isfinite(drawn.batch.score) & np.isfinite(drawn.batch.exposure)))


def test_one_person_is_refused_with_the_minimum_stated() -> None:
    drawn = synthetic_cohort(1, mu=0.0, tau=0.0, seed=1)
    with pytest.raises(PoolingError, match="at least 10 people"):
        pool_cohort([drawn.batch], outcome="pain", **PAIN)


def test_the_minimum_can_be_raised_but_not_lowered() -> None:
    drawn = synthetic_cohort(15, mu=0.0, tau=0.0, seed=1)
    with pytest.raises(PoolingError, match="at least 20 people"):
        pool_cohort([drawn.batch], outcome="pain", min_people=20, **PAIN)
    with pytest.raises(PoolingError, match="cannot be lowered below 10"):
        pool_cohort([drawn.batch], outcome="pain", min_people=5, **PAIN)


def test_identical_people_give_no_spread_and_their_common_effect() -> None:
    one = synthetic_cohort(1, mu=-1.5, tau=0.0, seed=2).batch
    batch = CohortBatch(
        np.repeat(one.day, 15, axis=0), np.repeat(one.score, 15, axis=0), np.repeat(one.exposure, 15, axis=0)
    )
    result = pool_cohort([batch], outcome="pain", **PAIN)
    estimate = result.person_effects.estimate[0]
    error = result.person_effects.standard_error[0]
    assert result.pooled.mu.mean == pytest.approx(estimate, abs=0.01 * error)
    assert result.pooled.mu.sd == pytest.approx(error / math.sqrt(15), rel=0.1)
    # tau's posterior piles up at zero: what is left is the prior's tail the data cannot rule out.
    assert result.pooled.tau.ci_low < 0.02 * error
    assert result.pooled.tau.mean < 0.5 * error
    assert np.allclose(result.shrunken.mean, result.shrunken.mean[0])


def test_a_person_without_off_days_is_left_out_and_counted() -> None:
    drawn = synthetic_cohort(12, mu=-1.0, tau=0.5, seed=3)
    exposure = drawn.batch.exposure.copy()
    exposure[5][exposure[5] == 0.0] = 1.0  # person 5 was on the supplement on every counted day
    batch = CohortBatch(drawn.batch.day, drawn.batch.score, exposure)
    result = pool_cohort([batch], outcome="pain", **PAIN)
    assert result.people_used == 11
    assert result.people_excluded == {"not_enough_data": 0, "no_contrast": 1, "no_variation": 0}
    assert math.isnan(result.shrunken.mean[5]) and not math.isnan(result.shrunken.mean[4])
    assert result.person_effects.status[5] == PersonStatus.NO_CONTRAST


def test_too_short_and_flat_diaries_are_left_out_for_their_reasons() -> None:
    drawn = synthetic_cohort(3, mu=0.0, tau=0.0, seed=9)
    score = drawn.batch.score.copy()
    score[0, 10:] = np.nan  # ten days, all baseline
    on_days = np.flatnonzero(drawn.batch.exposure[1] == 1.0)
    score[1, on_days[2:]] = np.nan  # two on days only
    score[2, :] = np.nan  # nothing recorded
    effects = person_effects(CohortBatch(drawn.batch.day, score, drawn.batch.exposure), score_range=(0.0, 10.0))
    assert [PersonStatus(s) for s in effects.status] == [
        PersonStatus.NO_CONTRAST,
        PersonStatus.NOT_ENOUGH_DATA,
        PersonStatus.NOT_ENOUGH_DATA,
    ]
    flat = synthetic_cohort(1, mu=0.0, tau=0.0, seed=9).batch
    constant = np.where(np.isfinite(flat.score), 4.0, np.nan)
    flat_effects = person_effects(CohortBatch(flat.day, constant, flat.exposure), score_range=(0.0, 10.0))
    assert flat_effects.status[0] == PersonStatus.NO_VARIATION


def test_the_pooled_output_carries_nothing_about_any_one_person() -> None:
    drawn = synthetic_cohort(12, mu=-1.0, tau=0.5, seed=6)
    data = pool_cohort([drawn.batch], outcome="pain", **PAIN).to_dict()
    flat = repr(data)
    assert "shrunken" not in flat and "person_effects" not in flat
    assert data["people_used"] == 12


def test_a_misshapen_batch_is_refused_clearly() -> None:
    with pytest.raises(ValueError, match="same shape"):
        CohortBatch(np.zeros((2, 3), dtype=np.int64), np.zeros((2, 4)), np.zeros((2, 3)))
    with pytest.raises(ValueError, match="exposure must be 0"):
        CohortBatch(np.arange(3, dtype=np.int64)[None, :], np.zeros((1, 3)), np.full((1, 3), 0.5))
    with pytest.raises(ValueError, match="strictly increasing"):
        CohortBatch(np.asarray([[1, 1, 2]], dtype=np.int64), np.zeros((1, 3)), np.zeros((1, 3)))


estimates_and_errors = st.integers(min_value=10, max_value=40).flatmap(
    lambda n: st.tuples(
        st.lists(st.floats(-5.0, 5.0), min_size=n, max_size=n),
        st.lists(st.floats(0.05, 3.0), min_size=n, max_size=n),
    )
)


@settings(max_examples=40, deadline=None)
@given(estimates_and_errors)
def test_pooled_probabilities_and_intervals_are_coherent(data: tuple[list[float], list[float]]) -> None:
    b, s = np.asarray(data[0]), np.asarray(data[1])
    pooled, shrunk = pool_estimates(b, s, **PAIN)
    mu = pooled.mu
    assert mu.ci_low <= mu.mean <= mu.ci_high
    assert mu.p_benefit >= 0.0 and mu.p_harm >= 0.0 and mu.p_benefit + mu.p_harm <= 1.0 + 1e-12
    assert pooled.new_person_sd >= mu.sd
    assert 0.0 <= pooled.tau.ci_low <= pooled.tau.mean <= pooled.tau.ci_high
    for share in (pooled.share_improving, pooled.share_worsening):
        assert 0.0 <= share.ci_low <= share.ci_high <= 1.0
    assert pooled.new_person_p_improve + pooled.new_person_p_worsen <= 1.0 + 1e-12
    assert np.all((shrunk.p_improve >= 0) & (shrunk.p_improve <= 1))
    # Shrunken estimates are averages of the estimates and the prior mean 0, so they stay between.
    low, high = min(float(b.min()), 0.0), max(float(b.max()), 0.0)
    assert np.all((shrunk.mean >= low - 1e-9) & (shrunk.mean <= high + 1e-9))


@settings(max_examples=30, deadline=None)
@given(estimates_and_errors)
def test_pooling_ignores_order_and_mirrors_with_the_scale(data: tuple[list[float], list[float]]) -> None:
    b, s = np.asarray(data[0]), np.asarray(data[1])
    pooled, shrunk = pool_estimates(b, s, **PAIN)
    order = np.random.default_rng(len(b)).permutation(len(b))
    permuted, permuted_shrunk = pool_estimates(b[order], s[order], **PAIN)
    assert permuted.mu.mean == pytest.approx(pooled.mu.mean, abs=1e-9)
    assert permuted.tau.mean == pytest.approx(pooled.tau.mean, abs=1e-9)
    assert np.allclose(permuted_shrunk.mean, shrunk.mean[order], atol=1e-9)
    # A scale where higher is better, with every effect mirrored, is the same evidence.
    mirrored, _ = pool_estimates(-b, s, delta=2.0, higher_is_worse=False, score_range=(0.0, 10.0))
    assert mirrored.mu.mean == pytest.approx(-pooled.mu.mean, abs=1e-9)
    assert mirrored.mu.p_benefit == pytest.approx(pooled.mu.p_benefit, abs=1e-9)
    assert mirrored.new_person_p_improve == pytest.approx(pooled.new_person_p_improve, abs=1e-9)


@settings(max_examples=20, deadline=None)
@given(st.floats(-3.0, 3.0), st.integers(0, 2**32 - 1))
def test_a_persons_effect_does_not_move_when_every_score_shifts(shift: float, seed: int) -> None:
    batch = synthetic_cohort(3, mu=-1.0, tau=0.5, seed=seed).batch
    moved = CohortBatch(batch.day, batch.score + shift, batch.exposure)
    before = person_effects(batch, score_range=WIDE)
    after = person_effects(moved, score_range=WIDE)
    assert np.allclose(after.estimate, before.estimate, atol=1e-9)
    assert np.allclose(after.standard_error, before.standard_error, rtol=1e-9)


def test_the_synthetic_plan_has_washout_and_both_arms() -> None:
    drawn = synthetic_cohort(50, mu=0.0, tau=0.0, seed=7, missing=0.0)
    exposure = drawn.batch.exposure
    assert exposure.shape == (50, TRIAL_DAYS)
    excluded = np.isnan(exposure).sum(axis=1)
    assert np.all(excluded >= 4 + 3)  # titration plus at least one washout
    assert np.all((exposure == 1.0).sum(axis=1) >= 30) and np.all((exposure == 0.0).sum(axis=1) >= 14 + 30)


def test_shrunken_estimates_over_grouped_tau_cells_match_every_cell(monkeypatch: pytest.MonkeyPatch) -> None:
    from suppwise.pooling import random_effects

    drawn = synthetic_cohort(60, mu=-1.0, tau=0.7, seed=12)
    effects = person_effects(drawn.batch, score_range=(0.0, 10.0))
    _, every = pool_estimates(effects.estimate, effects.standard_error, **PAIN)
    monkeypatch.setattr(random_effects, "_SHRINK_BUDGET", 1)  # as for a pool of millions: 40 groups
    _, grouped = pool_estimates(effects.estimate, effects.standard_error, **PAIN)
    assert np.all(np.abs(grouped.mean - every.mean) <= 2e-3 * every.sd)
    assert np.allclose(grouped.sd, every.sd, rtol=2e-3)
    assert np.allclose(grouped.p_improve, every.p_improve, atol=1e-3)
    assert np.allclose(grouped.p_worsen, every.p_worsen, atol=1e-3)


@st.composite
def diaries(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A short diary with any gaps, washout (NaN exposure) and missing scores."""
    n = draw(st.integers(min_value=8, max_value=40))
    gaps = draw(st.lists(st.integers(1, 6), min_size=n - 1, max_size=n - 1))
    days = np.concatenate([[draw(st.integers(0, 1000))], np.zeros(n - 1, dtype=np.int64)]).astype(np.int64)
    days[1:] = days[0] + np.cumsum(gaps)
    exposure = np.asarray(draw(st.lists(st.sampled_from([0.0, 1.0, 1.0, 0.0, math.nan]), min_size=n, max_size=n)))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    score = 5.0 + rng.normal(0.0, 1.0, n).cumsum() * 0.5
    score = np.where(np.isnan(exposure), score, score + np.nan_to_num(exposure) * rng.normal(0.0, 1.0))
    score[rng.random(n) < 0.15] = np.nan
    return days, score, exposure


@settings(max_examples=40, deadline=None)
@given(st.lists(diaries(), min_size=1, max_size=4))
def test_any_gaps_and_washout_give_the_single_trial_posterior(people: list[tuple[np.ndarray, ...]]) -> None:
    """Whatever the gaps and however differently the people in one batch are spaced, each person's
    posterior is the one the single-trial analysis gives, or both give none."""
    effects = person_effects(batch_from_rows([(d, s, x) for d, s, x in people]), score_range=WIDE)
    for i, (days, score, exposure) in enumerate(people):
        single = analyse_outcome(days, score, exposure, delta=2.0, higher_is_worse=True, score_range=WIDE)
        if single.verdict.answered:
            assert effects.status[i] == PersonStatus.USED
            assert single.mean is not None and single.sd is not None
            assert effects.posterior_mean[i] == pytest.approx(single.mean, abs=1e-9 * max(1.0, single.sd))
            assert effects.posterior_sd[i] == pytest.approx(single.sd, rel=1e-8)
        else:
            assert PersonStatus(effects.status[i]).code == single.verdict.value
