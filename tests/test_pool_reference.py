"""The pooled posterior against independent fits of the full hierarchical model.

`tools/reference_pool_fit.py` fits the same model (every person's level, effect, noise and rho;
effects N(mu, tau^2); the priors of docs/pooling.md) on fixed synthetic cohorts in two ways, and
stores the data, the priors and both results in tests/fixtures/reference_pool_fits/ (these tests
only read the JSON, so they run without emcee):

- `quadrature`: the full model integrated numerically (each person's exact likelihood of their
  effect, level and noise integrated analytically and rho on a grid, convolved with N(mu, tau^2)
  on a (mu, tau) grid). No normal summary, no Monte Carlo error. The in-process result must agree
  within 0.1 posterior sd for mu and 0.2 for tau and a new person's effect, and 0.02 in
  probability: the size of the normal summary's documented effect on a pooled interval.
- `summary`: emcee's joint sample, with batch-means Monte Carlo errors. In 42-66 dimensions the
  ensemble under-disperses (docs/pooling.md), so only mu's location is compared with it.
- `nuts`: NumPyro's NUTS on the same model (`tools/reference_pool_nuts.py`, written independently
  in the direct residual form, effects non-centred; 4 chains of 2,000 draws): a sampler built for
  hierarchical models of this size, so its spreads and each person's own effect are compared too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from suppwise.pooling import DEFAULT_POOL_PRIOR, PoolResult, batch_from_rows, pool_cohort
from suppwise.stats.ar1 import DEFAULT_PRIOR

REFERENCE_DIR = Path(__file__).parent / "fixtures" / "reference_pool_fits"
TOLERANCE = {"mu": 0.1, "tau": 0.2, "new": 0.2}  # posterior sds
PROBABILITY_TOLERANCE = 0.02


def _files() -> list[Path]:
    return sorted(REFERENCE_DIR.glob("*.json"))


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text())
    return data


def _ours(fixture: dict[str, Any]) -> dict[str, float]:
    pooled = _result(fixture).pooled
    return {
        "mu_mean": pooled.mu.mean,
        "mu_sd": pooled.mu.sd,
        "mu_ci_low": pooled.mu.ci_low,
        "mu_ci_high": pooled.mu.ci_high,
        "mu_p_benefit": pooled.mu.p_benefit,
        "mu_p_harm": pooled.mu.p_harm,
        "tau_mean": pooled.tau.mean,
        "tau_ci_low": pooled.tau.ci_low,
        "tau_ci_high": pooled.tau.ci_high,
        "new_person_sd": pooled.new_person_sd,
        "new_person_p_improve": pooled.new_person_p_improve,
        "new_person_p_worsen": pooled.new_person_p_worsen,
    }


def _result(fixture: dict[str, Any]) -> PoolResult:
    data = fixture["data"]
    rows = [
        (
            np.asarray(days, dtype=np.int64),
            np.asarray([np.nan if v is None else v for v in scores], dtype=np.float64),
            np.asarray([np.nan if v is None else v for v in exposure], dtype=np.float64),
        )
        for days, scores, exposure in zip(data["days"], data["scores"], data["exposure"], strict=True)
    ]
    result = pool_cohort(
        [batch_from_rows(rows)],
        outcome="pain",
        delta=data["delta"],
        higher_is_worse=data["higher_is_worse"],
        score_range=tuple(data["score_range"]),
    )
    assert result.people_used == len(rows)
    return result


def test_reference_pool_fixtures_cover_three_cohorts_of_ten_to_twenty_people() -> None:
    fixtures = [_load(path) for path in _files()]
    assert len(fixtures) >= 3
    assert all(10 <= len(f["data"]["days"]) <= 20 for f in fixtures)
    assert any(any(v is None for row in f["data"]["scores"] for v in row) for f in fixtures), "missing days"
    assert all(f["library"] == "emcee" and f["library_version"] and "seed" in f["sampler"] for f in fixtures)


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.stem)
def test_pooled_posterior_agrees_with_the_full_model_integrated_numerically(path: Path) -> None:
    fixture = _load(path)
    prior = fixture["prior"]
    ar1 = DEFAULT_PRIOR.as_dict()
    for key in ("rho_low", "rho_high", "level_sd", "noise_days", "noise_scale_fraction"):
        assert prior[key] == ar1[key], f"fixtures describe another {key}: rerun tools/reference_pool_fit.py"
    assert prior["mu_sd_ranges"] == DEFAULT_POOL_PRIOR.mu_sd_ranges
    assert prior["tau_scale_ranges"] == DEFAULT_POOL_PRIOR.tau_scale_ranges
    ours, exact = _ours(fixture), fixture["quadrature"]
    scale = {
        "mu": exact["mu_sd"],
        "tau": (exact["tau_ci_high"] - exact["tau_ci_low"]) / 3.92,
        "new": exact["new_person_sd"],
    }
    for key, reference in exact.items():
        kind = key.split("_")[0]
        allowed = PROBABILITY_TOLERANCE if "_p_" in key else TOLERANCE[kind] * scale[kind]
        assert abs(ours[key] - reference) <= allowed, f"{key}: in-process {ours[key]:.4f}, quadrature {reference:.4f}"


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.stem)
def test_the_population_mean_agrees_with_the_joint_mcmc_sample(path: Path) -> None:
    """Within 4 Monte Carlo standard errors plus 0.1 of mu's exact posterior sd."""
    fixture = _load(path)
    assert fixture["diagnostics"]["effective_draws"] > 1000, "the reference chain is too short to compare with"
    ours, mcmc, mcse = _ours(fixture), fixture["summary"], fixture["mcse"]
    allowed = 4 * mcse["mu_mean"] + 0.1 * fixture["quadrature"]["mu_sd"]
    assert abs(ours["mu_mean"] - mcmc["mu_mean"]) <= allowed


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.stem)
def test_the_pool_and_each_persons_estimate_agree_with_nuts(path: Path) -> None:
    """Against a converged NUTS fit (R-hat at most 1.01, at least 1,000 effective draws of mu, tau
    and every person's effect, no divergent transition): mu's mean and sd within 0.1 of its
    posterior sd (plus 4 Monte Carlo errors for the mean), tau's mean and a new person's sd within
    0.2, probabilities within 0.02, and each person's shrunken mean and sd within 0.2 of NUTS's
    posterior sd of that person's effect. The tails of tau's interval are left to the quadrature:
    a few thousand draws place a 2.5% quantile near zero only roughly."""
    fixture = _load(path)
    nuts = fixture["nuts"]
    diagnostics = nuts["diagnostics"]
    assert max(diagnostics["r_hat_max"].values()) <= 1.01
    assert min(diagnostics["effective_draws_min"].values()) >= 1000
    assert diagnostics["divergent_transitions"] == 0
    result = _result(fixture)
    ours, sampled, mcse = _ours(fixture), nuts["summary"], nuts["mcse"]
    tau_sd = (sampled["tau_ci_high"] - sampled["tau_ci_low"]) / 3.92
    assert abs(ours["mu_mean"] - sampled["mu_mean"]) <= 4 * mcse["mu_mean"] + 0.1 * sampled["mu_sd"]
    assert abs(ours["mu_sd"] - sampled["mu_sd"]) <= 0.1 * sampled["mu_sd"]
    assert abs(ours["tau_mean"] - sampled["tau_mean"]) <= 4 * mcse["tau_mean"] + 0.2 * tau_sd
    assert abs(ours["new_person_sd"] - sampled["new_person_sd"]) <= 0.2 * sampled["new_person_sd"]
    for key in ("mu_p_benefit", "mu_p_harm", "new_person_p_improve", "new_person_p_worsen"):
        assert abs(ours[key] - sampled[key]) <= PROBABILITY_TOLERANCE, key
    person_sd = np.asarray(nuts["people"]["sd"])
    mean_gap = np.abs(result.shrunken.mean - np.asarray(nuts["people"]["mean"])) / person_sd
    sd_gap = np.abs(result.shrunken.sd - person_sd) / person_sd
    assert float(mean_gap.max()) <= 0.2 and float(sd_gap.max()) <= 0.2, (mean_gap.max(), sd_gap.max())
