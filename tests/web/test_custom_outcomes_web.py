"""A trial's own outcomes on the web, on SQLite and PostgreSQL: the plan form's own-outcome rows
(more rows without JavaScript, by a submit button that stores nothing), the log form's inputs, the
dashboard, and the API's `custom_outcomes` and `custom` values; every refusal names the outcome and
stores nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from suppwise.web.app import create_app
from tests.web.test_trials_web import PLAN, register

START = (date.today() - timedelta(days=30)).isoformat()
PASSWORD = "correct horse battery"
ENERGY = {"own_name_1": "Energy", "own_low_1": "0", "own_high_1": "10", "own_direction_1": "higher-better"}


@pytest.fixture
def client(url: str) -> Iterator[TestClient]:
    with TestClient(create_app(database=url)) as test_client:
        yield test_client


def own_rows(page: str) -> list[str]:
    return re.findall(r'name="own_name_(\d+)"', page)


def test_the_plan_form_adds_rows_without_javascript_and_stores_nothing(client: TestClient) -> None:
    token = register(client, "own@example.org")
    form = client.get("/trials/new").text
    assert own_rows(form) == ["1"] and 'value="add_outcome"' in form
    assert form.index('class="default-submit"') < form.index('value="add_outcome"')  # Enter plans the trial
    adding = {**PLAN, **ENERGY, "own_rows": "1", "action": "add_outcome", "csrf_token": token}
    more = client.post("/trials/new", data=adding)
    assert more.status_code == 200 and own_rows(more.text) == ["1", "2"]
    assert 'name="own_name_1" maxlength="40" placeholder="energy" value="Energy"' in more.text
    assert "My trials" in client.get("/trials").text and "/trials/t-" not in client.get("/trials").text


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ({"own_name_1": "energy"}, "your outcome 1 (energy): give its name, lowest and highest value"),
        ({**ENERGY, "own_direction_1": ""}, "your outcome 1 (Energy): say which way is better"),
        ({**ENERGY, "own_high_1": "ten"}, "your outcome 1 (Energy): highest value &#39;ten&#39; is not a number"),
        ({**ENERGY, "own_name_1": "pain"}, "your outcome 1 (pain): &#39;pain&#39; is a built-in outcome"),
        ({**ENERGY, "own_delta_1": "20"}, "must be above 0 and below the range&#39;s width (10)"),
    ],
)
def test_a_bad_own_outcome_row_is_named_and_nothing_is_stored(
    client: TestClient, row: dict[str, str], words: str
) -> None:
    token = register(client, "row@example.org")
    refused = client.post("/trials/new", data={**PLAN, **row, "csrf_token": token})
    assert refused.status_code == 422 and words in refused.text
    assert 'value="' + row["own_name_1"] + '"' in refused.text  # what was typed is kept
    assert "/trials/t-" not in client.get("/trials").text


def test_plan_log_and_see_an_own_outcome(client: TestClient) -> None:
    token = register(client, "eve@example.org")
    headache = {"name": "headache_hours", "low": "0", "high": "24", "direction": "higher-worse", "decimals": "decimals"}
    data = {**PLAN, **ENERGY, **{f"own_{k}_2": v for k, v in headache.items()}, "own_delta_2": "2", "csrf_token": token}
    created = client.post("/trials/new", data=data, follow_redirects=False)
    assert created.status_code == 303, created.text[:800]
    trial_id = created.headers["location"].rsplit("/", 1)[-1]
    page = client.get(f"/trials/{trial_id}").text
    assert 'name="own:energy" type="number" inputmode="decimal" min="0" max="10" step="1"' in page
    assert 'name="own:headache_hours" type="number" inputmode="decimal" min="0" max="24" step="any"' in page
    logged = client.post(
        f"/trials/{trial_id}/log",
        data={"csrf_token": token, "day": START, "pain": "3", "own:energy": "6", "own:headache_hours": "1.5"},
    )
    assert logged.status_code == 200 and "Saved " + START in logged.text
    assert "energy 6;" in logged.text and "headache_hours 1.5;" in logged.text
    assert "None published for this outcome" in logged.text  # the default δ is stated on the page
    bad = client.post(f"/trials/{trial_id}/log", data={"csrf_token": token, "day": START, "own:energy": "11"})
    assert bad.status_code == 422 and "energy 11 is outside 0-10" in bad.text and 'aria-invalid="true"' in bad.text
    csv_text = client.get(f"/trials/{trial_id}/diary.csv").text
    assert csv_text.splitlines()[0].endswith("note,energy,headache_hours")
    assert csv_text.splitlines()[1].endswith(",6,1.5")  # the refused correction changed nothing


def test_the_api_plans_and_logs_own_outcomes(client: TestClient) -> None:
    register(client, "ida@example.org")
    token = client.post("/api/v1/tokens", json={"email": "ida@example.org", "password": PASSWORD}).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    body = {
        "substance": "glutamine",
        "condition": "depression",
        "custom_outcomes": [{"name": "energy", "low": 0, "high": 10, "higher_is_worse": False}],
        "start_date": START,
        "titration": {"start": "5 g", "step": "5 g", "target": "10 g"},
    }
    pain = {"name": "pain", "low": 0, "high": 10, "higher_is_worse": True}
    reserved = client.post("/api/v1/trials", json={**body, "custom_outcomes": [pain]}, headers=headers)
    assert reserved.status_code == 422 and "'pain' is a built-in outcome" in reserved.text
    nothing = client.post("/api/v1/trials", json={**body, "custom_outcomes": []}, headers=headers)
    assert nothing.status_code == 422 and "at least one outcome" in nothing.text
    created = client.post("/api/v1/trials", json=body, headers=headers)
    assert created.status_code == 201, created.text
    trial = created.json()["trial"]
    assert trial["outcomes"] == [] and trial["custom_outcomes"][0]["name"] == "energy"
    entries = f"/api/v1/trials/{trial['id']}/entries"
    logged = client.post(entries, json={"day": START, "custom": {"energy": 7}}, headers=headers)
    assert logged.status_code == 201 and logged.json()["entry"]["custom"] == {"energy": 7}
    for custom, words in [({"energy": 7.5}, "energy must be a whole number"), ({"stamina": 3}, "'stamina' is not")]:
        refused = client.post(entries, json={"day": START, "custom": custom}, headers=headers)
        assert refused.status_code == 422 and words in refused.json()["error"]["message"]
    assert [e["custom"] for e in client.get(entries, headers=headers).json()] == [{"energy": 7}]
    report = client.get(f"/api/v1/trials/{trial['id']}/report", headers=headers).json()
    (energy,) = report["outcomes"]
    assert energy["custom"] and energy["important_difference"]["status"] == "unverified_convention"
