"""The attacks of the reliability and security campaign (issue 11), each reproduced against the app
and answered as it now must be. On SQLite and PostgreSQL where the database is involved."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx2 as httpx
import pytest
from fastapi.testclient import TestClient

from suppwise.errors import StorageError
from suppwise.services import accounts as account_service
from suppwise.services import credentials
from suppwise.services import trials as trial_service
from suppwise.web import auth
from suppwise.web.app import create_app
from suppwise.web.deps import SESSION_COOKIE
from tests.web.conftest import served
from tests.web.test_trials_web import PASSWORD, PLAN, START, csrf, plan, register

CLOCK_START = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def client(url: str) -> Iterator[TestClient]:
    with TestClient(create_app(database=url)) as test_client:
        yield test_client


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[datetime]:
    """A clock the sign-in routes read (advance it by assigning `clock[0]`)."""
    moment = [CLOCK_START]
    for module in ("routes.account_api", "routes.account_pages", "deps"):
        monkeypatch.setattr(f"suppwise.web.{module}.now", lambda: moment[0])
    return moment


def api_token(client: TestClient, email: str, **extra: Any) -> str:
    response = client.post("/api/v1/tokens", json={"email": email, "password": PASSWORD, **extra})
    assert response.status_code == 201, response.text
    return str(response.json()["token"])


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def finishes(work: Callable[[], Any], seconds: float = 60) -> Any:
    """`work()`'s result, or a test failure if it has not finished in `seconds` (a watchdog for
    requests that used to pin a worker, so a regression fails instead of hanging the suite)."""
    result: list[Any] = []
    thread = threading.Thread(target=lambda: result.append(work()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert result, f"still running after {seconds} s"
    return result[0]


API_PLAN = {
    "substance": "glutamine",
    "condition": "depression",
    "outcomes": ["pain"],
    "start_date": START,
    "titration": {"start": "5 g", "step": "5 g", "target": "10 g"},
}


# ------------------------------------------------------------------------------ 1. tiny titration step


def test_a_tiny_titration_step_is_refused_at_once(client: TestClient) -> None:
    form_token = register(client, "ada@example.org")
    headers = bearer(api_token(client, "ada@example.org"))
    attack = {"start": "0.000001 mcg/day", "step": "0.000001 mcg/day", "target": "10 g/day"}
    api = finishes(lambda: client.post("/api/v1/trials", json={**API_PLAN, "titration": attack}, headers=headers))
    assert api.status_code == 422
    assert "at most 60 are allowed" in api.json()["error"]["message"]
    form = {**PLAN, "start_dose": attack["start"], "step": attack["step"], "target": attack["target"]}
    page = finishes(lambda: client.post("/trials/new", data={**form, "csrf_token": form_token}))
    assert page.status_code == 422 and "make the step larger" in page.text
    assert client.get("/api/v1/trials", headers=headers).json() == []


# --------------------------------------------------------------------------------- 2 and 8. sign-in limits


def test_parallel_wrong_passwords_are_counted_before_any_is_checked(
    client: TestClient, clock: list[datetime], monkeypatch: pytest.MonkeyPatch
) -> None:
    register(client, "bo@example.org")
    checked: list[str] = []
    real = credentials.verify_password

    def counting(password_hash: str, password: str) -> bool:
        checked.append(password)
        return real(password_hash, password)

    monkeypatch.setattr(credentials, "verify_password", counting)
    statuses: list[int] = []

    def guess() -> None:
        response = client.post("/api/v1/tokens", json={"email": "bo@example.org", "password": "not the password"})
        statuses.append(response.status_code)

    threads = [threading.Thread(target=guess) for _ in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(checked) == 5  # not 28-44
    assert sorted(statuses) == [401] * 5 + [429] * 25


def test_a_success_does_not_reset_the_address_count(client: TestClient, clock: list[datetime]) -> None:
    """19 wrong guesses, a sign-in to one's own account, more guesses: the address stays counted."""
    register(client, "cy@example.org")
    for n in range(19):
        wrong = client.post("/api/v1/tokens", json={"email": f"victim{n}@example.org", "password": "guess-guess"})
        assert wrong.status_code == 401
    api_token(client, "cy@example.org")
    assert (
        client.post("/api/v1/tokens", json={"email": "v19@example.org", "password": "guess-guess"}).status_code == 401
    )
    slowed = client.post("/api/v1/tokens", json={"email": "v20@example.org", "password": "guess-guess"})
    assert slowed.status_code == 429 and slowed.headers["Retry-After"] == "1"


def test_nobody_can_lock_an_owner_out(
    client: TestClient, clock: list[datetime], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A flood of wrong passwords from fifty addresses slows the owner down by at most a minute."""
    monkeypatch.setattr(auth, "client_address", lambda request: request.headers.get("x-test-client", "home"))
    register(client, "di@example.org")
    for n in range(50):  # each guess waits out the limit, so every one counts
        clock[0] += timedelta(minutes=1)
        guess = client.post(
            "/api/v1/tokens",
            json={"email": "di@example.org", "password": "wrong wrong"},
            headers={"x-test-client": f"10.0.0.{n}"},
        )
        assert guess.status_code == 401
    owner = client.post("/api/v1/tokens", json={"email": "di@example.org", "password": PASSWORD})
    assert owner.status_code == 429
    wait = int(owner.headers["Retry-After"])
    assert wait == 60  # the account's cap: slowed down, never locked out
    clock[0] += timedelta(seconds=wait)
    assert client.post("/api/v1/tokens", json={"email": "di@example.org", "password": PASSWORD}).status_code == 201


def test_the_sign_in_form_is_slowed_down_too(client: TestClient, clock: list[datetime]) -> None:
    register(client, "ed@example.org")
    client.cookies.pop(SESSION_COOKIE, None)
    token = csrf(client, "/login")
    for _ in range(5):
        client.post("/login", data={"email": "ed@example.org", "password": "wrong wrong", "csrf_token": token})
    page = client.post("/login", data={"email": "ed@example.org", "password": PASSWORD, "csrf_token": token})
    assert page.status_code == 429 and "try again in 1 second" in page.text and page.headers["Retry-After"] == "1"


# ------------------------------------------------------------------------------------- 3. request bodies


def test_an_oversized_body_is_refused_before_it_is_read(client: TestClient) -> None:
    huge = b'{"substance": "' + b"x" * 2_000_000 + b'"}'
    declared = client.post("/api/v1/check", content=huge, headers={"Content-Type": "application/json"})
    assert declared.status_code == 413
    assert declared.json()["error"]["code"] == "request_too_large"
    assert declared.headers["x-content-type-options"] == "nosniff"

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"substance": "'
        for _ in range(100):
            yield b"y" * 10_000
        yield b'"}'

    streamed = client.post("/api/v1/check", content=chunks(), headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413
    form = client.post("/register", content=b"email=" + b"a" * 100_000, headers={"Content-Type": "text/plain"})
    assert form.status_code == 413 and "larger than this address accepts" in form.text


def test_a_personal_route_checks_who_is_asking_before_parsing(client: TestClient) -> None:
    broken = client.post("/api/v1/trials", content=b"{not json", headers={"Content-Type": "application/json"})
    assert broken.status_code == 401 and broken.json()["error"]["code"] == "not_signed_in"
    register(client, "fi@example.org")
    token = api_token(client, "fi@example.org")
    parsed = client.post(
        "/api/v1/trials", content=b"{not json", headers={"Content-Type": "application/json", **bearer(token)}
    )
    assert parsed.status_code == 400


# ---------------------------------------------------------------------------------- 5 and 9. dates, 500s


@pytest.mark.parametrize("start", ["9999-12-31", "0001-01-01", "1999-12-31"])
def test_an_implausible_start_date_stores_nothing(client: TestClient, start: str) -> None:
    form_token = register(client, "gil@example.org")
    headers = bearer(api_token(client, "gil@example.org"))
    api = client.post("/api/v1/trials", json={**API_PLAN, "start_date": start}, headers=headers)
    assert api.status_code == 422 and "start_date" in api.json()["error"]["message"]
    page = client.post("/trials/new", data={**PLAN, "start_date": start, "csrf_token": form_token})
    assert page.status_code == 422
    assert client.get("/api/v1/trials", headers=headers).json() == []
    assert client.get("/trials").status_code == 200


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1900-02-28"])
def test_early_and_late_diary_days_are_refused(client: TestClient, day: str) -> None:
    form_token = register(client, "hu@example.org")
    headers = bearer(api_token(client, "hu@example.org"))
    trial_id = plan(client, form_token)
    api = client.post(f"/api/v1/trials/{trial_id}/entries", json={"day": day, "pain": 3}, headers=headers)
    assert api.status_code == 422 and api.json()["error"]["fields"][0]["field"] == "date"
    page = client.post(f"/trials/{trial_id}/log", data={"day": day, "pain": "3", "csrf_token": form_token})
    assert page.status_code == 422
    assert client.get(f"/api/v1/trials/{trial_id}/entries", headers=headers).json() == []


def test_a_five_thousand_digit_age_is_a_field_error(client: TestClient) -> None:
    form_token = register(client, "io@example.org")
    page = client.post("/trials/new", data={**PLAN, "age": "9" * 5000, "csrf_token": form_token})
    assert page.status_code == 422 and "age" in page.text


def test_an_unexpected_failure_answers_with_the_envelope_and_every_header(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals: postgresql://admin:pw@db.internal/prod")

    with TestClient(create_app(database=url), raise_server_exceptions=False) as client:
        form_token = register(client, "jo@example.org")
        headers = bearer(api_token(client, "jo@example.org"))
        monkeypatch.setattr(trial_service, "trial_summaries", boom)
        api = client.get("/api/v1/trials", headers=headers)
        page = client.get("/trials")
        assert form_token
    assert api.status_code == 500 and api.json()["error"]["code"] == "internal_error"
    assert page.status_code == 500 and "Something went wrong on our side" in page.text
    for response in (api, page):
        assert "secret internals" not in response.text and "db.internal" not in response.text
        assert "default-src 'self'" in response.headers["content-security-policy"]
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["cache-control"] == "no-store"


# ------------------------------------------------------------------------------ 10. control characters


def test_control_characters_are_refused_at_the_boundary(client: TestClient) -> None:
    form_token = register(client, "kai@example.org")
    headers = bearer(api_token(client, "kai@example.org"))
    trial_id = plan(client, form_token)
    api = client.post(f"/api/v1/trials/{trial_id}/entries", json={"pain": 3, "note": "a\u0000b"}, headers=headers)
    assert api.status_code == 422
    assert api.json()["error"]["fields"][0] == {
        "field": "note",
        "message": "contains the control character U+0000, which is not allowed",
    }
    page = client.post(f"/trials/{trial_id}/log", data={"note": "a\u0000b", "pain": "3", "csrf_token": form_token})
    assert page.status_code == 422 and "U+0000" in page.text
    assert client.get(f"/api/v1/trials/{trial_id}/entries", headers=headers).json() == []
    kept = client.post(
        f"/api/v1/trials/{trial_id}/entries", json={"pain": 3, "note": "line\nbreak\ttab"}, headers=headers
    )
    assert kept.status_code == 201  # line breaks and tabs are text
    unsigned = client.post("/api/v1/tokens", json={"email": "\u0000", "password": "x"})
    assert unsigned.status_code == 422
    assert "postgresql" not in unsigned.text and "127.0.0.1" not in unsigned.text and "sqlite" not in unsigned.text


def test_a_storage_failure_never_shows_its_configuration(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    form_token = register(client, "lu@example.org")
    headers = bearer(api_token(client, "lu@example.org"))
    trial_id = plan(client, form_token)

    def failing(*args: object, **kwargs: object) -> None:
        raise StorageError(
            "the database postgresql+psycopg://postgres@10.1.2.3:5432/prod failed: server closed the connection",
            hint="check SUPPWISE_DATABASE_URL",
        )

    monkeypatch.setattr(trial_service, "log_entry", failing)
    response = client.post(f"/api/v1/trials/{trial_id}/entries", json={"pain": 3}, headers=headers)
    assert response.status_code == 503 and response.json()["error"]["code"] == "storage_error"
    assert "10.1.2.3" not in response.text and "SUPPWISE_DATABASE_URL" not in response.text
    page = client.post(f"/trials/{trial_id}/log", data={"pain": "3", "csrf_token": form_token})
    assert page.status_code == 503 and "10.1.2.3" not in page.text


# ---------------------------------------------------------------------------------- 6. tokens, sign-up


def test_tokens_expire_are_listed_and_revoked(client: TestClient, clock: list[datetime]) -> None:
    form_token = register(client, "max@example.org")
    short = api_token(client, "max@example.org", name="laptop", lifetime_days=1)
    long = api_token(client, "max@example.org", name="phone")
    listed = client.get("/api/v1/tokens", headers=bearer(long)).json()
    assert [(t["name"], t["expires_at"][:10]) for t in listed] == [("laptop", "2026-12-02"), ("phone", "2027-03-01")]
    assert all(short not in str(t) and len(t["ref"]) == 16 for t in listed)
    clock[0] += timedelta(days=2)
    assert client.get("/api/v1/trials", headers=bearer(short)).status_code == 401  # expired
    assert [t["name"] for t in client.get("/api/v1/tokens", headers=bearer(long)).json()] == ["phone"]
    assert client.delete("/api/v1/tokens/0000000000000000", headers=bearer(long)).status_code == 404
    ref = client.get("/api/v1/tokens", headers=bearer(long)).json()[0]["ref"]
    page = client.get("/account")
    assert ref in page.text and "Revoke" in page.text
    client.post(f"/account/tokens/{ref}/revoke", data={"csrf_token": form_token})
    assert client.get("/api/v1/trials", headers=bearer(long)).status_code == 401
    too_long = client.post(
        "/api/v1/tokens", json={"email": "max@example.org", "password": PASSWORD, "lifetime_days": 400}
    )
    assert too_long.status_code == 422


def test_a_new_password_revokes_every_token(client: TestClient) -> None:
    form_token = register(client, "ned@example.org")
    token = api_token(client, "ned@example.org")
    changed = client.post(
        "/account/password",
        data={"current_password": PASSWORD, "new_password": "a brand new passphrase", "csrf_token": form_token},
    )
    assert changed.status_code == 200 and "every API token is revoked" in changed.text
    assert client.get("/api/v1/trials", headers=bearer(token)).status_code == 401


def test_sign_ups_from_one_address_are_slowed_down(client: TestClient, clock: list[datetime]) -> None:
    token = csrf(client)
    statuses = []
    for n in range(6):
        client.cookies.pop(SESSION_COOKIE, None)
        response = client.post(
            "/register", data={"email": f"new{n}@example.org", "password": PASSWORD, "csrf_token": token}
        )
        statuses.append(response.status_code)
    assert statuses == [200] * 5 + [429]
    assert response.headers["Retry-After"] == "1"


def test_an_address_already_taken_is_not_named(client: TestClient) -> None:
    register(client, "oz@example.org")
    client.cookies.pop(SESSION_COOKIE, None)
    token = csrf(client)
    again = client.post(
        "/register", data={"email": "oz@example.org", "password": "another long one", "csrf_token": token}
    )
    assert again.status_code == 422
    assert "already exists" not in again.text and "cannot be made with this email address" in again.text


# -------------------------------------------------------------------------------------------- 7. CSRF


def test_only_a_valid_bearer_token_replaces_the_csrf_check(url: str) -> None:
    with TestClient(create_app(database=url)) as ann, TestClient(create_app(database=url)) as bob:
        register(ann, "ann2@example.org")
        ann_trial = plan(ann, csrf(ann, "/trials/new"))
        ann_token = api_token(ann, "ann2@example.org")
        bob_form = register(bob, "bob2@example.org")
        bob_trial = plan(bob, bob_form)
        day = {"pain": "4", "day": START}
        for header in ("Basic Ym9iOnB3", "Bearer not-a-token", "Token x"):
            refused = bob.post(f"/trials/{bob_trial}/log", data=day, headers={"Authorization": header})
            assert refused.status_code == 403, header
        assert (
            bob.get(f"/api/v1/trials/{bob_trial}/entries", headers={"Authorization": "Basic Ym9iOnB3"}).status_code
            == 401
        )
        # A valid token acts as its owner, never as the cookie's: Ann's token cannot write to Bob's trial.
        as_ann = bob.post(f"/trials/{bob_trial}/log", data=day, headers=bearer(ann_token))
        assert as_ann.status_code == 404
        mine = bob.post(f"/trials/{ann_trial}/log", data=day, headers=bearer(ann_token), follow_redirects=False)
        assert mine.status_code == 200
        assert [
            e["pain"] for e in ann.get(f"/api/v1/trials/{ann_trial}/entries", headers=bearer(ann_token)).json()
        ] == [4]


# -------------------------------------------------------------------------------------------- 11. PDFs


def test_a_pdf_is_drawn_once_per_version_of_the_report(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import suppwise.services.files as report_files  # draws the PDF with the name it imported

    drawn: list[str] = []
    monkeypatch.setattr(report_files, "render_report_pdf", lambda report: drawn.append(report.trial.id) or b"%PDF-1.7")
    form_token = register(client, "pia@example.org")
    trial_id = plan(client, form_token)
    for _ in range(3):
        assert client.get(f"/trials/{trial_id}/report.pdf").content == b"%PDF-1.7"
    assert len(drawn) == 1
    client.post(f"/trials/{trial_id}/log", data={"pain": "5", "day": START, "csrf_token": form_token})
    client.get(f"/trials/{trial_id}/report.pdf")
    assert len(drawn) == 2  # a new diary day is a new report


def test_too_many_pdfs_at_once_are_refused_not_queued(
    server_app: tuple[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    import suppwise.services.files as report_files  # draws the PDF with the name it imported

    base_url, app = server_app
    release = threading.Event()

    def slow(report: Any) -> bytes:
        release.wait(150)
        return f"%PDF {report.as_of}".encode()

    monkeypatch.setattr(report_files, "render_report_pdf", slow)
    with httpx.Client(base_url=base_url, timeout=60) as http:
        token = _served_token(http, "quin@example.org")
        trials = [_served_trial(http, token, n) for n in range(5)]
        results: dict[int, httpx.Response] = {}

        def fetch(n: int) -> None:  # a client each: one httpx client is not for several threads at once
            with httpx.Client(base_url=base_url, timeout=60) as own:
                results[n] = own.get(f"/api/v1/trials/{trials[n]}/report?format=pdf", headers=bearer(token))

        threads = [threading.Thread(target=fetch, args=(n,)) for n in range(5)]
        for thread in threads:
            thread.start()
        _wait_for(
            lambda: sum(1 for r in results.values() if r.status_code == 503) == 2,
            state=lambda: (
                sorted(r.status_code for r in results.values()),
                getattr(app.state, "pdf_slots", None) and app.state.pdf_slots.admitted,
            ),
        )
        release.set()
        for thread in threads:
            thread.join()
    statuses = sorted(r.status_code for r in results.values())
    assert statuses == [200, 200, 200, 503, 503]  # one drawing, two waiting, the rest told when to retry
    assert all(r.headers["Retry-After"] == "30" for r in results.values() if r.status_code == 503)


# --------------------------------------------------------------------------- 6 and 14. shared resources


def test_password_hashing_does_not_starve_other_requests(
    server_app: tuple[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sixty sign-ups stuck in hashing hold one thread, not forty: other requests are answered, and
    the sign-ups beyond the queue are told to retry."""
    base_url, app = server_app
    app.state.signups_per_address = 1000
    release = threading.Event()
    real = credentials.hash_password

    with httpx.Client(base_url=base_url, timeout=60) as http:
        token = _served_token(http, "ray@example.org")

        def stuck(password: str) -> str:
            release.wait(150)
            return real(password)

        monkeypatch.setattr(credentials, "hash_password", stuck)
        results: list[int] = []

        def sign_up(n: int) -> None:
            with httpx.Client(base_url=base_url, timeout=60) as own:
                page = own.get("/register")
                field = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
                assert field
                form = {"email": f"flood{n}@example.org", "password": PASSWORD, "csrf_token": field.group(1)}
                results.append(own.post("/register", data=form, follow_redirects=False).status_code)

        threads = [threading.Thread(target=sign_up, args=(n,)) for n in range(60)]
        for thread in threads:
            thread.start()
        _wait_for(
            lambda: results.count(503) >= 60 - 1 - auth.MAX_WAITING_HASHES,
            seconds=120,
            state=lambda: (
                sorted(results),
                getattr(app.state, "hash_slots", None) and app.state.hash_slots.statistics(),
            ),
        )
        # A route that needs a worker thread and the database is still answered (it waited for a
        # free thread behind the hashing before; the timeout turns that into a failure, not a hang).
        answered = http.get("/api/v1/trials", headers=bearer(token), timeout=10)
        assert answered.status_code == 200
        release.set()
        for thread in threads:
            thread.join()
    assert results.count(303) == 1 + auth.MAX_WAITING_HASHES and results.count(503) == 60 - 1 - auth.MAX_WAITING_HASHES


def test_form_and_api_writes_share_one_queue_in_arrival_order(
    server_app: tuple[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    base_url, app = server_app
    if app.state.database.backend != "sqlite":
        pytest.skip("SQLite's single writer queue")
    real = trial_service.log_entry
    order: list[str] = []
    first = threading.Event()

    def recorded(db: Any, base: Any, trial_id: str, data: Any, **kwargs: Any) -> Any:
        # The API hands over its body (a DiaryEntry), the form its values (a mapping).
        note = data.get("note") if isinstance(data, dict) else data.note
        order.append(str(note))
        if note == "holder":
            first.wait(30)
        return real(db, base, trial_id, data, **kwargs)

    monkeypatch.setattr(trial_service, "log_entry", recorded)
    with httpx.Client(base_url=base_url, timeout=60) as http:
        token = _served_token(http, "sam@example.org")
        trial_id = _served_trial(http, token, 0)
        page = http.get("/trials/new")
        form_token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert form_token
        day = date.fromisoformat(START)

        def api(note: str, offset: int) -> None:  # a client each: httpx clients are not shared across threads
            body = {"pain": 1, "note": note, "day": (day + timedelta(days=offset)).isoformat()}
            with httpx.Client(base_url=base_url, timeout=60) as own:
                own.post(f"/api/v1/trials/{trial_id}/entries", json=body, headers=bearer(token))

        def form(note: str, offset: int) -> None:
            data = {
                "pain": "1",
                "note": note,
                "day": (day + timedelta(days=offset)).isoformat(),
                "csrf_token": form_token.group(1),
            }
            with httpx.Client(base_url=base_url, timeout=60, cookies=http.cookies) as own:  # signed in, with CSRF
                own.post(f"/trials/{trial_id}/log", data=data)

        threads = [threading.Thread(target=api, args=("holder", 0))]
        threads[0].start()
        _wait_for(lambda: order == ["holder"])
        for n, (kind, note) in enumerate([(form, "form-1"), (api, "api-2"), (form, "form-3"), (api, "api-4")], 1):
            thread = threading.Thread(target=kind, args=(note, n))
            thread.start()
            threads.append(thread)
            _wait_for(lambda n=n: _queued(app) >= n)
        first.set()
        for thread in threads:
            thread.join()
    assert order == ["holder", "form-1", "api-2", "form-3", "api-4"]


# ---------------------------------------------------------------------------------------- 15. privacy


def test_personal_downloads_are_never_stored_by_caches(client: TestClient) -> None:
    form_token = register(client, "tia@example.org")
    headers = bearer(api_token(client, "tia@example.org"))
    trial_id = plan(client, form_token)
    for path in ("", "/report.html", "/report.fhir.json", "/calendar.ics", "/diary.csv"):
        assert client.get(f"/trials/{trial_id}{path}").headers["cache-control"] == "no-store", path
    for path in (
        "/api/v1/trials",
        f"/api/v1/trials/{trial_id}/report",
        f"/api/v1/trials/{trial_id}/calendar",
        "/api/v1/account",
        "/api/v1/tokens",
    ):
        assert client.get(path, headers=headers).headers["cache-control"] == "no-store", path
    assert client.get("/account/export").headers["cache-control"] == "no-store"
    assert "no-store" not in client.get("/q/does-glutamine-help-depression").headers.get("cache-control", "")


def test_expired_sessions_are_deleted_at_the_next_sign_in(client: TestClient, clock: list[datetime], url: str) -> None:
    from sqlalchemy import func, select

    from suppwise.storage.tables import WebSession

    register(client, "uma@example.org")
    clock[0] += account_service.SESSION_LIFETIME + timedelta(days=1)
    client.cookies.pop(SESSION_COOKIE, None)
    token = csrf(client, "/login")
    client.post("/login", data={"email": "uma@example.org", "password": PASSWORD, "csrf_token": token})
    database = client.app.state.database  # type: ignore[attr-defined]
    with database.transaction() as session:
        assert session.scalar(select(func.count()).select_from(WebSession)) == 1  # only the new one


# -------------------------------------------------------------------------------------------- helpers


@pytest.fixture
def server_app(url: str) -> Iterator[tuple[str, Any]]:
    """The app served by uvicorn in this process (so tests can patch it), on either backend."""
    app = create_app(database=url)
    with served(app, log_level="critical") as base_url:
        yield base_url, app


def _served_token(http: httpx.Client, email: str) -> str:
    page = http.get("/register")
    field = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert field
    http.post("/register", data={"email": email, "password": PASSWORD, "csrf_token": field.group(1)})
    response = http.post("/api/v1/tokens", json={"email": email, "password": PASSWORD})
    assert response.status_code == 201, response.text
    return str(response.json()["token"])


def _served_trial(http: httpx.Client, token: str, n: int) -> str:
    body = {**API_PLAN, "start_date": (date.fromisoformat(START) - timedelta(days=n)).isoformat()}
    response = http.post("/api/v1/trials", json=body, headers=bearer(token))
    assert response.status_code == 201, response.text
    return str(response.json()["trial"]["id"])


def _queued(app: Any) -> int:
    limiter = getattr(app.state, "sqlite_writer", None)
    return int(limiter.statistics().tasks_waiting) if limiter is not None else 0


def _wait_for(condition: Callable[[], bool], seconds: float = 30, state: Callable[[], object] = str) -> None:
    import time

    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"the condition never came true; state: {state()}"
        time.sleep(0.02)


def test_a_content_length_no_number_fits_is_too_large_not_a_crash(url: str) -> None:
    """Straight through the ASGI interface: no client library would send this header."""
    import anyio

    app = create_app(database=url)
    sent: list[dict[str, Any]] = []

    async def call() -> None:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "POST",
            "scheme": "http",
            "path": "/api/v1/check",
            "raw_path": b"/api/v1/check",
            "query_string": b"",
            "root_path": "",
            "headers": [(b"content-length", b"9" * 5000), (b"content-type", b"application/json")],
            "client": ("127.0.0.1", 5000),
            "server": ("testserver", 80),
        }

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"{}", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        await app(scope, receive, send)

    anyio.run(call)
    app.state.database.close()
    assert sent[0]["status"] == 413 and b"request_too_large" in sent[1]["body"]
