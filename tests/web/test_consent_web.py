"""Consent to pooling on the trial page and in the API, on SQLite and PostgreSQL: the page says in
plain words what is shared and that it can be withdrawn; forms need the CSRF token; only the
trial's owner can share it or withdraw it."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from suppwise.errors import SuppwiseError
from suppwise.evidence import EvidenceBase
from suppwise.settings import load_settings
from suppwise.storage import Database
from suppwise.web.app import create_app
from tests.consent_cohort import NOTE, cohort, own_outcome_cohort
from tests.web.test_trials_web import PASSWORD, plan, register


@pytest.fixture
def client(url: str, db: Database) -> Iterator[TestClient]:
    """The app on the same database the `db` fixture opens (so a test can add a cohort directly)."""
    with TestClient(create_app(database=url)) as test_client:
        yield test_client


def test_the_trial_page_shares_and_withdraws_with_plain_words(client: TestClient) -> None:
    token = register(client, "kim@example.org")
    trial_id = plan(client, token)
    page = client.get(f"/trials/{trial_id}").text
    assert "Share this trial to build evidence" in page and "This trial is not shared." in page
    for words in ("daily scores", "your notes, the dates", "who you are", "withdraw at any time"):
        assert words in page, words
    assert client.post(f"/trials/{trial_id}/consent", data={}).status_code == 403  # no CSRF token
    shared = client.post(f"/trials/{trial_id}/consent", data={"csrf_token": token})
    assert shared.status_code == 200 and "You are sharing this trial since" in shared.text
    assert "Stop sharing this trial" in shared.text
    withdrawn = client.post(f"/trials/{trial_id}/withdraw-consent", data={"csrf_token": token})
    assert withdrawn.status_code == 200 and "You withdrew your consent on" in withdrawn.text
    assert "Share this trial for pooling" in withdrawn.text


def test_the_consent_api_round_trip(client: TestClient) -> None:
    token = register(client, "lea@example.org")
    trial_id = plan(client, token)
    api = client.post("/api/v1/tokens", json={"email": "lea@example.org", "password": PASSWORD}).json()["token"]
    headers = {"Authorization": f"Bearer {api}"}
    path = f"/api/v1/trials/{trial_id}/consent"
    assert client.get(path, headers={"Authorization": "Bearer nope"}).status_code == 401
    status = client.get(path, headers=headers).json()
    assert (status["shared"], status["given_at"], status["schema_version"]) == (False, None, 1)
    given = client.put(path, headers=headers)
    assert given.status_code == 200 and given.json()["shared"] and given.json()["changed"]
    again = client.put(path, headers=headers).json()
    assert again["shared"] and not again["changed"] and again["given_at"] == given.json()["given_at"]
    withdrawn = client.delete(path, headers=headers).json()
    assert not withdrawn["shared"] and withdrawn["withdrawn_at"] is not None and withdrawn["changed"]
    assert "notes" in withdrawn["what_is_shared"]


def test_another_person_cannot_share_or_withdraw_a_trial(client: TestClient, url: str) -> None:
    token = register(client, "max@example.org")
    trial_id = plan(client, token)
    with TestClient(create_app(database=url)) as other:
        other_token = register(other, "ned@example.org")
        for path in ("/consent", "/withdraw-consent"):
            assert other.post(f"/trials/{trial_id}{path}", data={"csrf_token": other_token}).status_code == 404
        api = other.post("/api/v1/tokens", json={"email": "ned@example.org", "password": PASSWORD}).json()["token"]
        headers = {"Authorization": f"Bearer {api}"}
        for method in ("GET", "PUT", "DELETE"):
            response = other.request(method, f"/api/v1/trials/{trial_id}/consent", headers=headers)
            assert response.status_code == 404 and response.json()["error"]["code"] == "trial_not_found", method
    assert "This trial is not shared." in client.get(f"/trials/{trial_id}").text


def test_the_public_pooled_page_says_how_many_more_then_shows_the_pool(
    client: TestClient, db: Database, bundled: EvidenceBase
) -> None:
    people = cohort(db, bundled, 9)
    path = "/pooled/glutamine/depression/pain"
    waiting = client.get(path)
    assert waiting.status_code == 200 and "1 more is needed" in waiting.text
    twin = client.get(f"{path}.json").json()
    assert (twin["status"], twin["people_consented"], twin["more_needed"], twin["pooled"]) == (
        "too_few_people",
        9,
        1,
        None,
    )
    cohort(db, bundled, 1, seed=9)
    shown = client.get(path)
    assert shown.status_code == 200 and "Pooled from the personal trials of <strong>10 people</strong>" in shown.text
    data = client.get(f"{path}.json").json()
    assert data["status"] == "pooled" and data["pooled"]["people_used"] == 10
    body = shown.text + json.dumps(data)
    assert not any(p.trial_id in body or p.user_id in body or p.email in body for p in people)
    assert NOTE not in body
    assert client.get("/pooled/glutamine/no-such-thing/pain").status_code == 404


def test_a_deployment_can_raise_the_public_minimum_but_not_lower_it(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPPWISE_POOL_MIN_PEOPLE", "25")
    with TestClient(create_app(database=url)) as raised:
        data = raised.get("/pooled/glutamine/depression/pain.json").json()
    assert (data["minimum_people"], data["more_needed"]) == (25, 25)
    with pytest.raises(SuppwiseError, match="from 10"):
        load_settings({"SUPPWISE_POOL_MIN_PEOPLE": "9"})


def test_the_own_estimate_is_for_the_owner_only(client: TestClient, url: str) -> None:
    token = register(client, "ora@example.org")
    trial_id = plan(client, token)
    api = client.post("/api/v1/tokens", json={"email": "ora@example.org", "password": PASSWORD}).json()["token"]
    headers = {"Authorization": f"Bearer {api}"}
    path = f"/api/v1/trials/{trial_id}/pooled-estimate?outcome=pain"
    assert client.get(path, headers=headers).json()["status"] == "not_shared"
    client.put(f"/api/v1/trials/{trial_id}/consent", headers=headers)
    waiting = client.get(path, headers=headers).json()
    assert (waiting["status"], waiting["more_needed"], waiting["estimate"]) == ("too_few_people", 9, None)
    assert "9 more people need to share a trial like this one" in client.get(f"/trials/{trial_id}").text
    with TestClient(create_app(database=url)) as other:
        register(other, "pat@example.org")
        token_other = other.post("/api/v1/tokens", json={"email": "pat@example.org", "password": PASSWORD}).json()
        response = other.get(path, headers={"Authorization": f"Bearer {token_other['token']}"})
        assert response.status_code == 404 and response.json()["error"]["code"] == "trial_not_found"


def test_an_outcome_of_the_trials_own_is_pooled_on_its_most_common_scale_and_the_owner_sees_theirs(
    client: TestClient, db: Database, bundled: EvidenceBase
) -> None:
    """The public page of `energy` pools the 0-10 trials and says the 1-5 ones are left out; a
    person who planned a 0-10 energy trial on the web sees their own estimate on their trial page."""
    own_outcome_cohort(db, bundled, ["energy:0-10:higher-better"] * 9 + ["energy:1-5:higher-better"] * 2)
    token = register(client, "uma@example.org")
    energy = {"own_name_1": "Energy", "own_low_1": "0", "own_high_1": "10", "own_direction_1": "higher-better"}
    trial_id = plan(client, token, **energy, own_rows="1")
    waiting = client.get("/pooled/glutamine/depression/energy.json").json()
    assert (waiting["status"], waiting["people_consented"], waiting["more_needed"]) == ("too_few_people", 9, 1)
    assert waiting["outcome_definition"]["people_other_scale"] == 2
    assert "recording energy" in client.get("/pooled/glutamine/depression/energy").text
    api = client.post("/api/v1/tokens", json={"email": "uma@example.org", "password": PASSWORD}).json()["token"]
    headers = {"Authorization": f"Bearer {api}"}
    client.put(f"/api/v1/trials/{trial_id}/consent", headers=headers)
    own_outcome_cohort(db, bundled, ["energy:0-10:higher-better:delta=1"], seed=23)
    mine = client.get(f"/api/v1/trials/{trial_id}/pooled-estimate?outcome=energy", headers=headers).json()
    # Shared on the 0-10 scale with ten others whose diaries are pooled; a trial just planned has no diary yet.
    assert mine["status"] == "not_in_pool" and mine["population"]["people_used"] == 10
    assert mine["higher_is_worse"] is False and mine["outcome"] == "energy"
    trial_page = client.get(f"/trials/{trial_id}")
    assert trial_page.status_code == 200 and "Your energy" not in trial_page.text
    page = client.get("/pooled/glutamine/depression/energy").text
    assert "Pooled from the personal trials of <strong>10 people</strong>" in page
    assert "2 people record it on another scale" in page
