"""The web app's personal side, on SQLite and PostgreSQL: accounts, the trial pages and the trial
API, CSRF on every form, escaping of every free-text field, security headers, and no way to reach
another person's data by id."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from suppwise.web.app import create_app
from tests.web.conftest import assert_no_raw_tags

PASSWORD = "correct horse battery"
XSS = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'
START = (date.today() - timedelta(days=30)).isoformat()


@pytest.fixture
def app_url(url: str) -> str:
    return url


@pytest.fixture
def client(app_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(database=app_url)) as test_client:
        yield test_client


def csrf(client: TestClient, path: str = "/register") -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert match, path
    return match.group(1)


def register(client: TestClient, email: str) -> str:
    token = csrf(client)
    response = client.post("/register", data={"email": email, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 200 and "My trials" in response.text, response.text[:500]
    return token


PLAN = {
    "substance": "glutamine",
    "condition": "depression",
    "outcomes": ["pain", "gi"],
    "start_dose": "5 g",
    "step": "5 g",
    "target": "10 g",
    "days_per_step": "2",
    "start_date": START,
    "design": "abab",
    "block_days": "7",
    "washout_days": "2",
}


def plan(client: TestClient, token: str, **changes: object) -> str:
    response = client.post("/trials/new", data={**PLAN, "csrf_token": token, **changes}, follow_redirects=False)
    assert response.status_code == 303, response.text[:800]
    return str(response.headers["location"]).rsplit("/", 1)[-1]


def test_a_person_from_sign_up_to_account_deletion(client: TestClient) -> None:
    token = register(client, "ann@example.org")
    blocked = client.post("/trials/new", data={**PLAN, "condition": "fibromyalgia", "csrf_token": token})
    assert blocked.status_code == 409 and "CAUTION" in blocked.text and "acknowledgement" in blocked.text.lower()
    trial_id = plan(client, token)
    page = client.get(f"/trials/{trial_id}")
    assert "Log a day" in page.text and page.text.count("<svg") == 2
    logged = client.post(
        f"/trials/{trial_id}/log",
        data={"csrf_token": token, "day": START, "pain": "3", "gi": "9", "dose_taken": "none", "note": "bad gut day"},
    )
    assert "Saved " + START in logged.text and "WARNING" in logged.text
    again = client.post(f"/trials/{trial_id}/log", data={"csrf_token": token, "day": START, "pain": "4", "gi": "9"})
    assert "Corrected" in again.text
    bad = client.post(f"/trials/{trial_id}/log", data={"csrf_token": token, "day": START, "pain": "11"})
    assert bad.status_code == 422 and "pain 11 is outside 0-10" in bad.text
    report = client.get(f"/trials/{trial_id}/report.html")
    assert report.status_code == 200 and "'sha256-" in report.headers["content-security-policy"]
    assert client.get(f"/trials/{trial_id}/report.fhir.json").json()["resourceType"] == "Bundle"
    assert client.get(f"/trials/{trial_id}/calendar.ics").text.startswith("BEGIN:VCALENDAR")
    assert client.get(f"/trials/{trial_id}/diary.csv").text.startswith("date,phase,")
    exported = client.get("/account/export").json()
    assert exported["account"]["email"] == "ann@example.org"
    assert [e["version"] for e in exported["trials"][0]["entries"]] == [1, 2]  # the correction history too
    refused = client.post("/account/delete", data={"csrf_token": token, "confirm": "yes"})
    assert refused.status_code == 422
    client.post("/account/delete", data={"csrf_token": token, "confirm": "DELETE"})
    assert client.get(f"/trials/{trial_id}", follow_redirects=False).status_code == 303  # signed out
    token = csrf(client, "/login")
    gone = client.post("/login", data={"email": "ann@example.org", "password": PASSWORD, "csrf_token": token})
    assert gone.status_code == 401


def test_a_crisis_note_shows_help_first(client: TestClient) -> None:
    token = register(client, "cal@example.org")
    trial_id = plan(client, token)
    page = client.post(f"/trials/{trial_id}/log", data={"csrf_token": token, "note": "I want to end my life"}).text
    assert page.index("Get help now") < page.index("<h1>")
    assert "988" in page


def test_stopping_a_trial_from_its_dashboard(client: TestClient) -> None:
    token = register(client, "dot@example.org")
    trial_id = plan(client, token)
    assert "Stop the trial today" in client.get(f"/trials/{trial_id}").text
    reason = XSS + " gut pain"
    response = client.post(f"/trials/{trial_id}/stop", data={"csrf_token": token, "reason": reason})
    assert response.status_code == 200  # followed the redirect to the dashboard
    page = response.text
    assert f"You stopped this trial on {date.today().isoformat()}" in page and "gut pain" in page
    assert "Stop the trial today" not in page
    assert_no_raw_tags(page)
    assert "Stopped early on" in client.get(f"/trials/{trial_id}/report.html").text


FORMS = [
    "/register",
    "/login",
    "/logout",
    "/account/password",
    "/account/delete",
    "/trials/new",
    "/trials/t-000000/log",
    "/trials/t-000000/delete",
    "/trials/t-000000/stop",
]


@pytest.mark.parametrize("path", FORMS)
def test_every_form_needs_its_csrf_token(client: TestClient, path: str) -> None:
    register(client, "dan@example.org")
    response = client.post(path, data={"email": "x@example.org", "password": PASSWORD})
    assert response.status_code == 403
    wrong = client.post(path, data={"csrf_token": "forged"})
    assert wrong.status_code == 403


def test_free_text_comes_back_escaped(client: TestClient) -> None:
    token = register(client, "eve@example.org")
    trial_id = plan(client, token)
    pages = [
        client.post(f"/trials/{trial_id}/log", data={"csrf_token": token, "note": XSS, "pain": "2"}).text,
        client.post(f"/trials/{trial_id}/log", data={"csrf_token": token, "dose_taken": XSS}).text,
        client.post("/trials/new", data={**PLAN, "medications": XSS, "csrf_token": token}).text,
        client.post("/trials/new", data={**PLAN, "substance": XSS, "csrf_token": token}).text,
        client.post("/trials/new", data={**PLAN, "start_dose": XSS, "csrf_token": token}).text,
        client.post(
            "/trials/new",
            data={
                **PLAN,
                "condition": "fibromyalgia",
                "acknowledgement": XSS + " I agree with my GP",
                "csrf_token": token,
            },
        ).text,
        client.get(f"/trials/{trial_id}").text,
    ]
    token = csrf(client, "/login")
    pages.append(client.post("/login", data={"email": XSS, "password": "x", "csrf_token": token}).text)
    for page in pages:
        assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in pages[-2] or "&lt;script&gt;" in pages[0]


def test_another_persons_trial_is_not_found_anywhere(client: TestClient, app_url: str) -> None:
    token = register(client, "fay@example.org")
    trial_id = plan(client, token)
    with TestClient(create_app(database=app_url)) as other:
        other_token = register(other, "gus@example.org")
        for path in ("", "/report.html", "/report.pdf", "/report.fhir.json", "/calendar.ics", "/diary.csv"):
            assert other.get(f"/trials/{trial_id}{path}").status_code == 404, path
        for path in ("/log", "/stop", "/delete"):
            response = other.post(f"/trials/{trial_id}{path}", data={"csrf_token": other_token, "pain": "9"})
            assert response.status_code == 404, path
        api = other.post("/api/v1/tokens", json={"email": "gus@example.org", "password": PASSWORD}).json()["token"]
        headers = {"Authorization": f"Bearer {api}"}
        for method, path, body in [
            ("GET", "", None),
            ("DELETE", "", None),
            ("GET", "/entries", None),
            ("POST", "/entries", {"pain": 1}),
            ("POST", "/stop", {"reason": "not mine"}),
            ("GET", "/analysis", None),
            ("GET", "/report", None),
            ("GET", "/calendar", None),
        ]:
            response = other.request(method, f"/api/v1/trials/{trial_id}{path}", headers=headers, json=body)
            assert response.status_code == 404, (method, path)
            assert response.json()["error"]["code"] == "trial_not_found"
    assert client.get(f"/trials/{trial_id}").status_code == 200  # Fay's trial is untouched


def test_security_headers_and_cookie_flags(app_url: str) -> None:
    with TestClient(create_app(database=app_url, behind_https=True), base_url="https://testserver") as client:
        token = csrf(client)
        response = client.post(
            "/register",
            data={"email": "hal@example.org", "password": PASSWORD, "csrf_token": token},
            follow_redirects=False,
        )
        cookie = response.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie and "secure" in cookie
        for path in ("/login", "/trials", "/api/v1/trials", "/openapi.json"):
            headers = client.get(path).headers
            csp = headers["content-security-policy"]
            assert "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp, path
            assert headers["x-content-type-options"] == "nosniff"
            assert "max-age" in headers["strict-transport-security"]


def test_the_api_end_to_end(client: TestClient) -> None:
    register(client, "ivy@example.org")
    assert client.get("/api/v1/trials", headers={"Authorization": "Bearer nope"}).status_code == 401
    token = client.post("/api/v1/tokens", json={"email": "ivy@example.org", "password": PASSWORD}).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    body = {
        "substance": "glutamine",
        "condition": "depression",
        "outcomes": ["pain"],
        "start_date": START,
        "titration": {"start": "5 g", "step": "5 g", "target": "10 g"},
    }
    created = client.post("/api/v1/trials", json=body, headers=headers)
    assert created.status_code == 201, created.text
    trial_id = created.json()["trial"]["id"]
    invalid = client.post(f"/api/v1/trials/{trial_id}/entries", json={"day": START, "pain": 11}, headers=headers)
    assert invalid.status_code == 422
    assert invalid.json()["error"]["fields"][0]["field"] == "pain"
    logged = client.post(f"/api/v1/trials/{trial_id}/entries", json={"day": START, "pain": 3}, headers=headers)
    assert logged.status_code == 201 and logged.json()["entry"]["pain"] == 3
    assert [e["pain"] for e in client.get(f"/api/v1/trials/{trial_id}/entries", headers=headers).json()] == [3]
    blocked = client.post("/api/v1/trials", json={**body, "condition": "fibromyalgia"}, headers=headers)
    assert blocked.status_code == 409 and blocked.json()["error"]["screen"]["level"] == "caution"
    unknown = client.post("/api/v1/trials", json={**body, "condition": "wobbly knees"}, headers=headers)
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "condition_not_found"
    stopped = client.post(f"/api/v1/trials/{trial_id}/stop", json={"reason": "  gut pain  "}, headers=headers)
    assert stopped.status_code == 200, stopped.text
    assert {"status": "stopped", "stopped_on": date.today().isoformat()}.items() <= stopped.json()["trial"].items()
    assert stopped.json()["trial"]["stop_reason"] == "gut pain"
    again = client.post(f"/api/v1/trials/{trial_id}/stop", json={}, headers=headers)
    assert again.status_code == 409 and again.json()["error"]["code"] == "trial_stop_refused"
    shown = client.get(f"/api/v1/trials/{trial_id}", headers=headers).json()
    assert shown["today"] is None and shown["next_change"] is None and shown["trial"]["status"] == "stopped"
    assert client.delete(f"/api/v1/trials/{trial_id}", headers=headers).status_code == 204
    assert client.get(f"/api/v1/trials/{trial_id}", headers=headers).status_code == 404


def test_sign_in_is_slowed_down_not_locked_out(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    register(client, "jo@example.org")
    clock = [datetime(2026, 12, 1, 12, 0, tzinfo=UTC)]
    monkeypatch.setattr("suppwise.web.routes.account_api.now", lambda: clock[0])
    wrong = {"email": "jo@example.org", "password": "wrong password!"}
    statuses = [client.post("/api/v1/tokens", json=wrong).status_code for _ in range(6)]
    assert statuses == [401] * 5 + [429]
    refused = client.post("/api/v1/tokens", json={"email": "jo@example.org", "password": PASSWORD})
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "1"
    clock[0] += timedelta(seconds=1)  # a second later the right password goes through
    assert client.post("/api/v1/tokens", json={"email": "jo@example.org", "password": PASSWORD}).status_code == 201
