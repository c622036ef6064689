"""Consent to pooling and pools read from the trial database, on SQLite and PostgreSQL: opt-in with
its date, withdrawal with its date, only consented trials pooled, one diary per person, the
minimum number of people, and nothing personal in the pooled output."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect

from suppwise.errors import ConditionNotFoundError, NotFoundError, OutcomeKeyError, PoolingError, TrialNotFoundError
from suppwise.evidence import EvidenceBase
from suppwise.owners import LOCAL_OWNER
from suppwise.services import consent as consent_service
from suppwise.storage import SCHEMA_REVISION, Database, open_database, pool_consents
from suppwise.storage import db as db_module
from suppwise.storage.db import current_revision
from tests.consent_cohort import NOTE, NOW, TODAY, add_trial, cohort


def test_consent_is_given_and_withdrawn_with_their_dates(db: Database, bundled: EvidenceBase) -> None:
    (person,) = cohort(db, bundled, 1, consent=False)
    status = consent_service.consent_status(db, bundled, person.trial_id, owner=person.user_id)
    assert (status.shared, status.given_at, status.withdrawn_at) == (False, None, None)
    assert "notes" in status.what_is_shared and "withdraw" in status.what_is_shared

    given = consent_service.give_consent(db, bundled, person.trial_id, now=NOW, owner=person.user_id)
    assert (given.shared, given.given_at, given.withdrawn_at, given.changed) == (True, NOW, None, True)
    again = consent_service.give_consent(
        db, bundled, person.trial_id, now=NOW + timedelta(days=1), owner=person.user_id
    )
    assert (again.shared, again.given_at, again.changed) == (True, NOW, False)  # the first date stays

    later = NOW + timedelta(days=3)
    withdrawn = consent_service.withdraw_consent(db, bundled, person.trial_id, now=later, owner=person.user_id)
    assert (withdrawn.shared, withdrawn.given_at, withdrawn.withdrawn_at) == (False, NOW, later)
    assert withdrawn.changed
    twice = consent_service.withdraw_consent(db, bundled, person.trial_id, now=later, owner=person.user_id)
    assert (twice.shared, twice.withdrawn_at, twice.changed) == (False, later, False)

    consent_service.give_consent(db, bundled, person.trial_id, now=later + timedelta(days=1), owner=person.user_id)
    periods = pool_consents(db, trial_id=person.trial_id, owner=person.user_id)
    assert [(p.given_at, p.withdrawn_at) for p in periods] == [(NOW, later), (later + timedelta(days=1), None)]


def test_another_persons_trial_cannot_be_consented_or_withdrawn(db: Database, bundled: EvidenceBase) -> None:
    mine, theirs = cohort(db, bundled, 2, consent=False)
    for act in (consent_service.give_consent, consent_service.withdraw_consent):
        with pytest.raises(TrialNotFoundError):
            act(db, bundled, theirs.trial_id, now=NOW, owner=mine.user_id)
    with pytest.raises(TrialNotFoundError):
        consent_service.give_consent(
            db, bundled, theirs.trial_id, now=NOW, owner=LOCAL_OWNER
        )  # the CLI's trials (the local owner)
    assert pool_consents(db, trial_id=theirs.trial_id, owner=theirs.user_id) == []


def test_only_consented_trials_are_pooled_and_a_withdrawal_counts_at_once(db: Database, bundled: EvidenceBase) -> None:
    people = cohort(db, bundled, 12)
    pooled = consent_service.pool_from_database(db, bundled, "glutamine", "depression", "pain", today=TODAY)
    assert pooled["people_used"] == 12
    assert pooled["source"]["people_consented"] == 12
    assert pooled["minimum_people"] == 10
    assert pooled["mu"]["ci_low"] < -0.5 < 0 < pooled["mu"]["ci_high"] + 1.5  # the planted -1 effect

    consent_service.withdraw_consent(db, bundled, people[0].trial_id, now=NOW, owner=people[0].user_id)
    after = consent_service.pool_from_database(db, bundled, "glutamine", "depression", "pain", today=TODAY)
    assert after["people_used"] == 11


def test_a_pool_below_the_minimum_is_refused_with_the_minimum_stated(db: Database, bundled: EvidenceBase) -> None:
    people = cohort(db, bundled, 10)
    consent_service.withdraw_consent(db, bundled, people[3].trial_id, now=NOW, owner=people[3].user_id)
    with pytest.raises(PoolingError, match="at least 10 people") as caught:
        consent_service.pool_from_database(db, bundled, "glutamine", "depression", "pain", today=TODAY)
    assert "9 have" in caught.value.message
    assert caught.value.hint is not None and "1 more" in caught.value.hint


@pytest.mark.parametrize("minimum", [9, 1, 0])
def test_the_minimum_can_be_raised_but_never_lowered(db: Database, bundled: EvidenceBase, minimum: int) -> None:
    with pytest.raises(PoolingError, match="10 or more"):
        consent_service.pool_from_database(db, bundled, "glutamine", "depression", "pain", minimum, today=TODAY)


def test_a_raised_minimum_is_applied(db: Database, bundled: EvidenceBase) -> None:
    cohort(db, bundled, 11)
    with pytest.raises(PoolingError, match="at least 12 people"):
        consent_service.pool_from_database(db, bundled, "glutamine", "depression", "pain", 12, today=TODAY)


def test_unconsented_trials_other_conditions_and_second_trials_do_not_add_people(
    db: Database, bundled: EvidenceBase
) -> None:
    people = cohort(db, bundled, 9)
    cohort(db, bundled, 5, consent=False, seed=8)
    rng = np.random.default_rng(3)
    # A second consented trial of the same person, and a consented trial for another condition.
    second = add_trial(db, bundled, people[0].user_id, rng)
    consent_service.give_consent(db, bundled, second, now=NOW, owner=people[0].user_id)
    other = add_trial(db, bundled, people[1].user_id, rng, condition="fibromyalgia", substance="magnesium")
    consent_service.give_consent(db, bundled, other, now=NOW, owner=people[1].user_id)
    with pytest.raises(PoolingError, match="9 have"):
        consent_service.pool_from_database(db, bundled, "glutamine", "depression", "pain", today=TODAY)


def test_the_pooled_output_carries_no_id_date_or_note(db: Database, bundled: EvidenceBase) -> None:
    people = cohort(db, bundled, 10)
    pooled = consent_service.pool_from_database(db, bundled, "glutamine", "depression", "pain", today=TODAY)
    text = json.dumps(pooled)
    for person in people:
        assert person.trial_id not in text
        assert person.user_id not in text
        assert person.email not in text
    assert NOTE not in text and "sister" not in text
    assert re.search(r"\d{4}-\d{2}-\d{2}", text) is None
    assert "shrunken" not in text


def test_an_unknown_outcome_substance_or_condition_is_named(db: Database, bundled: EvidenceBase) -> None:
    with pytest.raises(ConditionNotFoundError, match="'no such illness' is not a condition"):
        consent_service.pool_from_database(db, bundled, "glutamine", "no such illness", "pain", today=TODAY)
    with pytest.raises(NotFoundError, match="unobtainium"):
        consent_service.pool_from_database(db, bundled, "unobtainium", "depression", "pain", today=TODAY)
    with pytest.raises(OutcomeKeyError):
        consent_service.pool_from_database(db, bundled, "glutamine", "depression", "wellbeing", today=TODAY)


def test_a_database_at_0005_gains_an_empty_consent_table_and_keeps_its_trials(
    db: Database, url: str, bundled: EvidenceBase
) -> None:
    """No trial was shared before the consent table existed: after the upgrade none is."""
    (person,) = cohort(db, bundled, 1, consent=False)
    db_module.downgrade(db, "0005")
    with db.engine.connect() as connection:
        assert "pool_consents" not in inspect(connection).get_table_names()
    reopened = open_database(url)
    try:
        assert current_revision(reopened) == SCHEMA_REVISION == "0008"
        assert consent_service.consent_status(reopened, bundled, person.trial_id, owner=person.user_id).shared is False
        given = consent_service.give_consent(reopened, bundled, person.trial_id, now=NOW, owner=person.user_id)
        assert given.shared
    finally:
        reopened.close()


def test_deleting_a_trial_deletes_its_consent(db: Database, bundled: EvidenceBase) -> None:
    from suppwise.storage import delete_trial

    (person,) = cohort(db, bundled, 1)
    delete_trial(db, trial_id=person.trial_id, owner=person.user_id)
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM pool_consents").scalar() == 0


def test_any_sequence_of_consents_and_withdrawals_is_stored_as_its_periods(db: Database, bundled: EvidenceBase) -> None:
    """Whatever a person clicks, in whatever order: the trial is shared exactly when the last
    effective action was a consent, each period keeps the time it was given and withdrawn, and
    repeated clicks add nothing."""
    (person,) = cohort(db, bundled, 1, consent=False)
    trials = iter(
        [person.trial_id, *(add_trial(db, bundled, person.user_id, np.random.default_rng(k)) for k in range(30))]
    )

    @settings(max_examples=30 if db.backend == "sqlite" else 10, deadline=None)
    @given(actions=st.lists(st.booleans(), max_size=8))
    def periods_follow_the_actions(actions: list[bool]) -> None:
        trial_id = next(trials)
        expected: list[list[object]] = []
        for step, give in enumerate(actions):
            at = NOW + timedelta(hours=step)
            act = consent_service.give_consent if give else consent_service.withdraw_consent
            act(db, bundled, trial_id, now=at, owner=person.user_id)
            if give and (not expected or expected[-1][1] is not None):
                expected.append([at, None])
            elif not give and expected and expected[-1][1] is None:
                expected[-1][1] = at
        stored = pool_consents(db, trial_id=trial_id, owner=person.user_id)
        assert [[p.given_at, p.withdrawn_at] for p in stored] == expected
        shared = consent_service.consent_status(db, bundled, trial_id, owner=person.user_id).shared
        assert shared == bool(expected and expected[-1][1] is None)

    periods_follow_the_actions()


def test_a_person_sees_their_own_shrunken_estimate_and_nobody_else_does(db: Database, bundled: EvidenceBase) -> None:
    people = cohort(db, bundled, 10)
    mine = consent_service.own_pooled_estimate(
        db, bundled, people[0].trial_id, "pain", today=TODAY, owner=people[0].user_id
    )
    assert mine["status"] == "shown" and mine["population"]["people_used"] == 10
    estimate = mine["estimate"]
    assert estimate["sd"] > 0 and 0 <= estimate["p_improve"] <= 1 and 0 <= estimate["p_worsen"] <= 1
    assert -4 < estimate["mean"] < 2  # pulled towards the planted -1
    public = consent_service.pool_from_database(db, bundled, "glutamine", "depression", "pain", today=TODAY)
    assert "own" not in public
    with pytest.raises(TrialNotFoundError):
        consent_service.own_pooled_estimate(
            db, bundled, people[0].trial_id, "pain", today=TODAY, owner=people[1].user_id
        )
    consent_service.withdraw_consent(db, bundled, people[0].trial_id, now=NOW, owner=people[0].user_id)
    gone = consent_service.own_pooled_estimate(
        db, bundled, people[0].trial_id, "pain", today=TODAY, owner=people[0].user_id
    )
    assert (gone["status"], gone["estimate"]) == ("not_shared", None)
    other = consent_service.own_pooled_estimate(
        db, bundled, people[1].trial_id, "pain", today=TODAY, owner=people[1].user_id
    )
    assert (other["status"], other["more_needed"]) == ("too_few_people", 1)


def test_every_field_of_the_database_pool_the_public_page_and_the_own_estimate_is_documented(
    db: Database, bundled: EvidenceBase
) -> None:
    """The JSON contracts of docs/pooling.md: a database pool's `source`, the public page's twin and
    the owner's estimate name every field they carry (and the documented statuses)."""
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[1] / "docs" / "pooling.md").read_text(encoding="utf-8")
    people = cohort(db, bundled, 10)
    pooled = consent_service.pool_from_database(db, bundled, "glutamine", "depression", "pain", today=TODAY)
    page = consent_service.pooled_page(db, bundled, "glutamine", "depression", "pain", today=TODAY)
    own = consent_service.own_pooled_estimate(
        db, bundled, people[0].trial_id, "pain", today=TODAY, owner=people[0].user_id
    )
    fields = [*pooled["source"], *page, page["status"], *own, own["status"], *own["estimate"], *own["population"]]
    missing = [name for name in fields if f"`{name}`" not in doc]
    assert not missing, missing
    assert page["pooled"] == json.loads(json.dumps(pooled))  # the page shows the same pool
