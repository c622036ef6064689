"""The public side of the web app: home, answer pages and their JSON twins, substance and condition
pages, the safety check form, the public API, caching, and the OpenAPI schema, checked with
schemathesis (bounded examples) for server errors."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from suppwise import services
from suppwise.web.factory import create_app

XSS = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'
SEED = "/q/does-glutamine-increase-pain-in-fibromyalgia"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("public") / "web.db"
    with TestClient(create_app(database=f"sqlite:///{db}")) as test_client:
        yield test_client


def token(client: TestClient) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/check").text)
    assert match
    return match.group(1)


def test_home_offers_questions_and_browsing(client: TestClient) -> None:
    page = client.get("/").text
    assert f'href="{SEED}"' in page
    assert 'href="/substances/glutamine"' in page and 'href="/conditions/fibromyalgia"' in page
    data = client.get("/index.json").json()
    assert data["popular"][0]["url"] == SEED


def test_a_question_gets_a_stable_url_and_an_article(client: TestClient) -> None:
    moved = client.get("/ask", params={"q": "Does glutamine increase pain in fibromyalgia?"}, follow_redirects=False)
    assert moved.status_code == 303 and moved.headers["location"] == SEED
    page = client.get(SEED)
    text = page.text
    assert "UNCLEAR" in text and "very low certainty" in text
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="mechanisms"' in text
    assert "The research, strongest design first" in text and "Who should be careful" in text
    assert 'id="ref-holton2012_msg_challenge"' in text and "https://doi.org/" in text
    assert "not medical advice" in text
    twin = client.get(SEED + ".json").json()
    expected = services.ask("Does glutamine increase pain in fibromyalgia?").model_dump(mode="json")
    assert twin == expected


def test_answer_pages_are_cached_with_an_etag(client: TestClient) -> None:
    first = client.get(SEED)
    etag = first.headers["etag"]
    assert "max-age" in first.headers["cache-control"]
    assert client.get(SEED, headers={"If-None-Match": etag}).status_code == 304


def test_unknown_substance_and_crisis(client: TestClient) -> None:
    assert client.get("/q/does-zorblax-help-fibromyalgia").status_code == 404
    assert client.get("/substances/zorblax").status_code == 404
    page = client.get("/q/i-want-to-kill-myself-will-glutamine-help").text
    assert page.index("Get help now") < page.index("<h1>") and "988" in page


def test_entity_pages_and_twins(client: TestClient) -> None:
    assert "Does Glutamine help Fibromyalgia?" in client.get("/substances/glutamine").text
    data = client.get("/conditions/depression.json").json()
    assert data["name"] == "Depression" and data["questions"]


def test_the_safety_check_form(client: TestClient) -> None:
    csrf = token(client)
    assert client.post("/check", data={"substance": "glutamine"}).status_code == 403
    screen = client.post("/check", data={"csrf_token": csrf, "substance": "glutamine", "medications": "Lyrica"})
    assert screen.status_code == 200 and "CAUTION" in screen.text and "Anticonvulsants" in screen.text
    wrong_age = client.post("/check", data={"csrf_token": csrf, "substance": "glutamine", "age": "500"})
    assert wrong_age.status_code == 422 and 'id="age-error"' in wrong_age.text and 'value="500"' in wrong_age.text
    unknown = client.post("/check", data={"csrf_token": csrf, "substance": "zorblax"})
    assert unknown.status_code == 422 and 'id="substance-error"' in unknown.text


@pytest.mark.parametrize("field", ["substance", "conditions", "medications", "sensitivities", "dose", "age"])
def test_check_fields_come_back_escaped(client: TestClient, field: str) -> None:
    page = client.post("/check", data={"csrf_token": token(client), "substance": "glutamine", field: XSS}).text
    assert "<script>alert(1)" not in page and "<img src=x" not in page


def test_a_hostile_question_is_escaped(client: TestClient) -> None:
    page = client.get("/ask", params={"q": XSS}, follow_redirects=True).text
    assert "<script>alert(1)" not in page and "<img src=x" not in page


def test_pages_load_nothing_from_other_sites(client: TestClient) -> None:
    for path in ("/", SEED, "/check", "/substances/glutamine", "/login", "/register"):
        page = client.get(path).text
        assert not re.search(r"""<(script|img|link|iframe)[^>]+(src|href)=["']?https?://""", page), path
        assert "<script" not in page and " style=" not in page, path


def test_the_public_api(client: TestClient) -> None:
    assert client.get("/api/v1/ask", params={"q": "Is glutamine safe?"}).json()["intent"] == "safety"
    missing = client.get("/api/v1/ask").json()["error"]
    assert missing["fields"] == [{"field": "q", "message": "Field required"}]
    assert client.get("/api/v1/entities/zorblax").status_code == 404
    assert [e["id"] for e in client.get("/api/v1/entities", params={"kind": "condition"}).json()][:1]
    bad = client.post("/api/v1/check", json={"substance": "glutamine", "age": 500})
    assert bad.status_code == 422 and bad.json()["error"]["fields"][0]["field"] == "age"
    unknown = client.post("/api/v1/check", json={"substance": "zorblax"})
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "substance_not_found"
    assert client.post("/api/v1/check", json={"substance": "glutamine", "sensitivities": ["MSG"]}).json()["level"] == (
        "avoid"
    )


def test_openapi_and_a_docs_page_without_a_cdn(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/ask", "/api/v1/check", "/api/v1/trials", "/api/v1/trials/{trial_id}/entries"} <= set(
        schema["paths"]
    )
    docs = client.get("/docs").text
    assert "GET /api/v1/ask" in docs and "POST /api/v1/trials/{trial_id}/entries" in docs
    assert "cdn" not in docs.lower() and "<script" not in docs
    assert client.get("/redoc").status_code == 404


def test_schemathesis_finds_no_server_errors(tmp_path: Path) -> None:
    """Bounded property-based calls to every API operation (anonymous): never a server error."""
    import schemathesis
    from hypothesis import HealthCheck, given, settings
    from schemathesis.checks import not_a_server_error

    app = create_app(database=f"sqlite:///{tmp_path / 'fuzz.db'}")
    with TestClient(app):
        schema = schemathesis.openapi.from_asgi("/openapi.json", app)
        failures: list[str] = []
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= 12
        for operation in operations:

            @given(operation.as_strategy())
            @settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), database=None)
            def call(case: Any) -> None:
                try:
                    case.call_and_validate(checks=[not_a_server_error])
                except Exception as error:
                    failures.append(f"{case.method} {case.path}: {str(error)[:300]}")

            call()
        assert not failures, "\n".join(failures[:5])
