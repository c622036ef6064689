"""Pools of an outcome the trials define themselves, read from the trial database (SQLite and
PostgreSQL): one scale per pool, the asked one or the most common, the others left out and
counted, a tie refused, and the important difference the trials agree on (docs/pooling.md, "A
trial's own outcome")."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from suppwise.errors import OutcomeKeyError, OutcomeSpecError, PoolingError
from suppwise.evidence import EvidenceBase
from suppwise.services import consent as consent_service
from suppwise.services.pool_definitions import Scale, census, choose
from suppwise.storage import Database
from suppwise.storage.accounts import create_user
from suppwise.trials.outcome_spec import OutcomeSpec
from tests.consent_cohort import NOTE, NOW, TODAY, add_own_outcome_trial, cohort, own_outcome_cohort

ENERGY = "energy:0-10:higher-better"
ENERGY_FIVE = "energy:1-5:higher-better"
ENERGY_WORSE = "energy:0-10:higher-worse"


def pool(db: Database, base: EvidenceBase, outcome: str = "energy", **spec: object) -> dict[str, object]:
    return consent_service.pool_from_database(
        db,
        base,
        "glutamine",
        "depression",
        outcome,
        today=TODAY,
        spec=OutcomeSpec(**spec),  # type: ignore[arg-type]
    )


def test_the_most_common_scale_is_pooled_and_the_others_are_left_out_and_counted(
    db: Database, bundled: EvidenceBase
) -> None:
    people = own_outcome_cohort(db, bundled, [ENERGY] * 11 + [ENERGY_FIVE] * 3 + [ENERGY_WORSE])
    cohort(db, bundled, 2, seed=9)  # people who shared a trial that does not record energy
    pooled = pool(db, bundled)
    assert pooled["people_used"] == 11
    definition = pooled["source"]["outcome_definition"]  # type: ignore[index]
    assert definition == {
        "name": "energy",
        "score_low": 0.0,
        "score_high": 10.0,
        "higher_is_worse": False,
        "chosen": "most_common",
        "people_on_scale": 11,
        "people_other_scale": 4,
        "people_without_outcome": 2,
    }
    outcome = pooled["outcome"]
    assert (outcome["field"], outcome["score_low"], outcome["score_high"]) == ("energy", 0.0, 10.0)  # type: ignore[index]
    assert outcome["higher_is_worse"] is False  # type: ignore[index]
    assert pooled["mu"]["ci_low"] > 0.5  # type: ignore[index]  # the planted +1.5 on a 0-10 scale, higher is better
    text = json.dumps(pooled)
    assert NOTE not in text
    for person in people:
        assert person.trial_id not in text and person.user_id not in text


def test_an_asked_scale_is_pooled_alone_and_refused_below_the_minimum_with_the_others_counted(
    db: Database, bundled: EvidenceBase
) -> None:
    own_outcome_cohort(db, bundled, [ENERGY] * 10 + [ENERGY_FIVE] * 3)
    asked = pool(db, bundled, score_range=(0.0, 10.0), higher_is_worse=False)
    assert asked["people_used"] == 10 and asked["source"]["outcome_definition"]["chosen"] == "asked"  # type: ignore[index]
    with pytest.raises(PoolingError) as refused:
        pool(db, bundled, score_range=(1.0, 5.0), higher_is_worse=False)
    message = refused.value.message
    assert "at least 10 people" in message and "energy on 1-5, higher is better; 3 have" in message
    assert "10 more record it on another scale" in message
    assert refused.value.hint is not None and "7 more" in refused.value.hint
    with pytest.raises(PoolingError, match="0 have"):  # the same range the other way round is another scale
        pool(db, bundled, score_range=(0.0, 10.0), higher_is_worse=True)


def test_equally_common_scales_are_refused_naming_them_and_either_can_be_asked_for(
    db: Database, bundled: EvidenceBase
) -> None:
    own_outcome_cohort(db, bundled, [ENERGY] * 10 + [ENERGY_WORSE] * 10)
    with pytest.raises(PoolingError) as tied:
        pool(db, bundled)
    assert "0-10, higher is better (10 people)" in tied.value.message
    assert "0-10, higher is worse (10 people)" in tied.value.message
    assert tied.value.hint is not None and "--range 0-10 --higher-is-" in tied.value.hint
    worse = pool(db, bundled, score_range=(0.0, 10.0), higher_is_worse=True)
    assert worse["people_used"] == 10 and worse["outcome"]["higher_is_worse"] is True  # type: ignore[index]
    assert worse["source"]["outcome_definition"]["people_other_scale"] == 10  # type: ignore[index]
    # On the higher-is-worse scale the planted rise on supplement days is a worsening.
    assert worse["mu"]["mean"] > 0 and worse["mu"]["p_harm"] > worse["mu"]["p_benefit"]  # type: ignore[index]


def test_decimals_do_not_split_a_scale_and_the_important_difference_is_the_agreed_one(
    db: Database, bundled: EvidenceBase
) -> None:
    own_outcome_cohort(db, bundled, [f"{ENERGY}:delta=1.5"] * 6 + [f"{ENERGY}:decimals:delta=1.5"] * 5)
    agreed = pool(db, bundled)
    assert agreed["people_used"] == 11 and agreed["delta"] == 1.5
    assert "as given in the shared trials' plans" in agreed["outcome"]["important_difference"]["basis"]  # type: ignore[index]
    asked = pool(db, bundled, important_difference=3.0)
    assert asked["delta"] == 3.0 and asked["people_used"] == 11
    with pytest.raises(OutcomeSpecError, match="below the range's width"):
        pool(db, bundled, important_difference=12.0)


def test_differing_important_differences_fall_back_to_the_stated_convention(
    db: Database, bundled: EvidenceBase
) -> None:
    own_outcome_cohort(db, bundled, [f"{ENERGY}:delta=1.5"] * 6 + [ENERGY] * 5)
    pooled = pool(db, bundled)
    difference = pooled["outcome"]["important_difference"]  # type: ignore[index]
    assert pooled["delta"] == 2.0 and difference["status"] == "unverified_convention"
    assert "state different important differences" in difference["basis"]


def test_a_person_with_trials_on_two_scales_is_on_the_chosen_one_and_counted_once(
    db: Database, bundled: EvidenceBase
) -> None:
    people = own_outcome_cohort(db, bundled, [ENERGY] * 10)
    add_own_outcome_trial(db, bundled, people[0].user_id, np.random.default_rng(4), ENERGY_FIVE)
    pooled = pool(db, bundled)
    definition = pooled["source"]["outcome_definition"]  # type: ignore[index]
    assert (pooled["people_used"], definition["people_on_scale"], definition["people_other_scale"]) == (10, 10, 0)
    with pytest.raises(PoolingError, match="1 have"):
        pool(db, bundled, score_range=(1.0, 5.0), higher_is_worse=False)


def test_a_withdrawn_trial_leaves_its_scale_count(db: Database, bundled: EvidenceBase) -> None:
    people = own_outcome_cohort(db, bundled, [ENERGY] * 10)
    consent_service.withdraw_consent(db, bundled, people[0].trial_id, now=NOW, owner=people[0].user_id)
    with pytest.raises(PoolingError, match="9 have"):
        pool(db, bundled)


def test_a_name_no_trial_records_and_scale_flags_on_a_cited_outcome_are_refused(
    db: Database, bundled: EvidenceBase
) -> None:
    own_outcome_cohort(db, bundled, [ENERGY] * 10)
    with pytest.raises(OutcomeKeyError, match="'stamina' is neither an outcome suppwise has a scale for"):
        pool(db, bundled, "stamina")
    with pytest.raises(OutcomeSpecError, match="has its own cited scale"):
        pool(db, bundled, "pain", score_range=(0.0, 10.0), higher_is_worse=True)
    with pytest.raises(OutcomeSpecError, match="--higher-is-better or --higher-is-worse"):
        pool(db, bundled, score_range=(0.0, 10.0))


def test_the_public_page_shows_the_most_common_scale_and_a_tie_as_such(db: Database, bundled: EvidenceBase) -> None:
    own_outcome_cohort(db, bundled, [ENERGY] * 10 + [ENERGY_FIVE] * 2)
    page = consent_service.pooled_page(db, bundled, "glutamine", "depression", "energy", today=TODAY)
    assert (page["status"], page["people_consented"], page["more_needed"]) == ("pooled", 10, 0)
    assert page["outcome_definition"]["people_other_scale"] == 2
    assert page["pooled"]["people_used"] == 10 and "0-10, higher is better" in page["outcome_name"]
    own_outcome_cohort(db, bundled, [ENERGY_FIVE] * 8, seed=22)
    tied = consent_service.pooled_page(db, bundled, "glutamine", "depression", "energy", today=TODAY)
    assert tied["status"] == "scales_differ" and tied["pooled"] is None
    assert "equally often" in tied["message"]


def test_a_person_sees_their_own_estimate_on_their_own_trials_scale(db: Database, bundled: EvidenceBase) -> None:
    people = own_outcome_cohort(db, bundled, [ENERGY] * 10 + [ENERGY_FIVE] * 3)
    mine = consent_service.own_pooled_estimate(
        db, bundled, people[0].trial_id, "energy", today=TODAY, owner=people[0].user_id
    )
    assert mine["status"] == "shown" and mine["population"]["people_used"] == 10
    assert mine["higher_is_worse"] is False and mine["estimate"]["mean"] > 0
    minority = consent_service.own_pooled_estimate(
        db, bundled, people[11].trial_id, "energy", today=TODAY, owner=people[11].user_id
    )
    assert (minority["status"], minority["more_needed"]) == ("too_few_people", 7)
    with pytest.raises(OutcomeKeyError):
        consent_service.own_pooled_estimate(
            db, bundled, people[0].trial_id, "stamina", today=TODAY, owner=people[0].user_id
        )


def test_the_choice_is_the_same_whichever_order_the_people_come_in() -> None:
    """The census counts people, so the chosen scale and its counts do not depend on the order in
    which owners are read (a database's order of ids, or partitions)."""
    plans = {
        f"owner-{i}": [{"custom_outcomes": [{"name": "energy", "low": low, "high": high, "higher_is_worse": worse}]}]
        for i, (low, high, worse) in enumerate([(0, 10, False)] * 5 + [(1, 5, False)] * 3 + [(0, 10, True)] * 2)
    }
    plans["owner-none"] = [{}]
    results = set()
    for seed in range(5):
        order = list(plans)
        np.random.default_rng(seed).shuffle(order)
        pairs = [(owner, plan) for owner in order for plan in plans[owner]]
        chosen = choose(census(pairs, "energy"), asked=None, important_difference=None, what="shared trials")
        results.add(json.dumps(chosen.to_dict(), sort_keys=True))
    (only,) = results
    assert json.loads(only)["people_other_scale"] == 5 and json.loads(only)["people_without_outcome"] == 1


def test_an_account_without_any_shared_trial_is_not_counted(db: Database, bundled: EvidenceBase) -> None:
    own_outcome_cohort(db, bundled, [ENERGY] * 10)
    user = create_user(db, email="unshared@example.org", password_hash="x", now=NOW)
    add_own_outcome_trial(db, bundled, user.id, np.random.default_rng(7), ENERGY_FIVE, consent=False)
    definition = pool(db, bundled)["source"]["outcome_definition"]  # type: ignore[index]
    assert (definition["people_on_scale"], definition["people_other_scale"]) == (10, 0)


SCALES = [Scale(0.0, 10.0, False), Scale(1.0, 5.0, False), Scale(0.0, 10.0, True)]


@given(st.lists(st.lists(st.sampled_from([None, 0, 1, 2]), min_size=1, max_size=3), min_size=1, max_size=30))
def test_every_person_is_counted_once_and_the_chosen_scale_is_the_most_common(people: list[list[int | None]]) -> None:
    """Each person's trials (a scale index, or None for a trial without the outcome): the counts add
    up to the people, and the pool is of the strictly most common scale or refused as a tie."""

    def plan(index: int | None) -> dict[str, object]:
        if index is None:
            return {"custom_outcomes": [{"name": "sleep_hours", "low": 0, "high": 24, "higher_is_worse": False}]}
        scale = SCALES[index]
        own = {"name": "energy", "low": scale.low, "high": scale.high, "higher_is_worse": scale.higher_is_worse}
        return {"custom_outcomes": [own]}

    pairs = [(f"owner-{i:03d}", plan(index)) for i, trials in enumerate(people) for index in trials]
    counted = census(pairs, "energy")
    on = {scale: sum(1 for trials in people if SCALES.index(scale) in trials) for scale in SCALES}
    assert dict(counted.people) == {scale: n for scale, n in on.items() if n}
    assert counted.defining + counted.without == len(people)
    if not counted.people:
        with pytest.raises(OutcomeKeyError):
            choose(counted, asked=None, important_difference=None, what="shared trials")
        return
    top = max(on.values())
    if sum(1 for n in on.values() if n == top) > 1:
        with pytest.raises(PoolingError, match="equally often"):
            choose(counted, asked=None, important_difference=None, what="shared trials")
        return
    chosen = choose(counted, asked=None, important_difference=None, what="shared trials")
    assert on[chosen.scale] == top == chosen.people_on_scale
    assert chosen.people_on_scale + chosen.people_other_scale + chosen.people_without_outcome == len(people)
