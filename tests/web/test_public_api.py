"""The public JSON API: the CLI's contracts, one error envelope for every failure (FastAPI's own
included), an accurate OpenAPI schema, a /docs page without a CDN, and no server error for any input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from suppwise.services import answers as services
from suppwise.web.app import create_app
from tests.web.conftest import SEED_QUESTION

ENVELOPE_KEYS = {"code", "message", "hint", "fields"}


def error_of(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) >= ENVELOPE_KEYS
    return dict(body["error"])


def test_ask_returns_the_answer_contract(site: TestClient) -> None:
    answer = site.get("/api/v1/ask", params={"q": SEED_QUESTION}).json()
    assert answer == services.ask(SEED_QUESTION).model_dump(mode="json")
    unknown = site.get("/api/v1/ask", params={"q": "Is zorblax safe?"})
    assert unknown.status_code == 200 and unknown.json()["code"] == "SUBSTANCE_NOT_FOUND"


def test_answers_are_kept_and_revalidated_by_etag(db_url: str) -> None:
    with TestClient(create_app(database=db_url)) as client:
        first = client.get("/api/v1/ask", params={"q": SEED_QUESTION})
        assert first.status_code == 200 and first.headers["content-type"] == "application/json"
        assert len(client.app.state.answer_cache) == 1  # type: ignore[attr-defined]
        again = client.get("/api/v1/ask", params={"q": SEED_QUESTION})
        assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
        unchanged = client.get(
            "/api/v1/ask", params={"q": SEED_QUESTION}, headers={"If-None-Match": first.headers["etag"]}
        )
        assert unchanged.status_code == 304 and unchanged.content == b""
        other = client.get("/api/v1/ask", params={"q": "Is glutamine safe in pregnancy?"})
        assert other.json()["question"] != first.json()["question"] and other.headers["etag"] != first.headers["etag"]
        error_of(client.get("/api/v1/ask", params={"q": "???"}), 422)  # errors are not kept
        assert len(client.app.state.answer_cache) == 2  # type: ignore[attr-defined]
        assert len(client.app.state.page_cache) == 0  # type: ignore[attr-defined]  # pages have their own


def test_a_missing_or_unreadable_question_is_a_field_error(site: TestClient) -> None:
    missing = error_of(site.get("/api/v1/ask"), 422)
    assert missing["code"] == "request_invalid" and missing["fields"] == [{"field": "q", "message": "Field required"}]
    assert error_of(site.get("/api/v1/ask", params={"q": ""}), 422)["fields"][0]["field"] == "q"
    assert error_of(site.get("/api/v1/ask", params={"q": "x" * 501}), 422)["fields"][0]["field"] == "q"
    unreadable = error_of(site.get("/api/v1/ask", params={"q": "???"}), 422)
    assert unreadable["code"] == "question_invalid" and unreadable["fields"][0]["field"] == "q"


def test_entities_mirror_the_cli_list(site: TestClient) -> None:
    base = services.evidence_base()
    expected = [
        {"id": e.id, "kind": e.kind.value, "name": e.name, "synonyms": list(e.synonyms)}
        for e in sorted(base.entities.values(), key=lambda e: (e.kind.value, e.id))
        if e.kind.value == "substance"
    ]
    assert site.get("/api/v1/entities", params={"kind": "substance"}).json() == expected
    assert len(site.get("/api/v1/entities").json()) == len(base.entities)
    assert site.get("/api/v1/entities/glutamine").json()["name"] == "Glutamine"
    unknown = error_of(site.get("/api/v1/entities/glutamin"), 404)
    assert unknown["code"] == "entity_not_found" and "glutamine" in unknown["hint"]
    assert error_of(site.get("/api/v1/entities", params={"kind": "planet"}), 422)["fields"][0]["field"] == "kind"


def test_check_returns_the_screen_contract(site: TestClient) -> None:
    body = {"substance": "glutamine", "medications": ["Lyrica"], "sensitivities": ["MSG"], "dose": "5 g twice a day"}
    screen = site.post("/api/v1/check", json=body).json()
    assert screen["level"] == "avoid" and {r["entity"] for r in screen["reasons"]} >= {"anticonvulsants"}
    assert screen["dose_check"]["understood"]
    bad_age = error_of(site.post("/api/v1/check", json={"substance": "glutamine", "age": 500}), 422)
    assert bad_age["fields"][0]["field"] == "age" and "125" in bad_age["fields"][0]["message"]
    nested = error_of(site.post("/api/v1/check", json={"substance": "glutamine", "medications": ["ok", ""]}), 422)
    assert nested["fields"][0]["field"] == "medications.1"
    extra = error_of(site.post("/api/v1/check", json={"substance": "glutamine", "allergies": ["MSG"]}), 422)
    assert extra["fields"][0]["field"] == "allergies"
    bad_dose = error_of(site.post("/api/v1/check", json={"substance": "glutamine", "dose": "lots"}), 422)
    assert bad_dose["code"] == "profile_invalid" and bad_dose["fields"][0]["field"] == "dose"
    unknown = error_of(site.post("/api/v1/check", json={"substance": "zorblax"}), 404)
    assert unknown["code"] == "substance_not_found"


def test_transport_errors_share_the_envelope(site: TestClient) -> None:
    not_json = site.post("/api/v1/check", content=b"{nope", headers={"content-type": "application/json"})
    assert error_of(not_json, 400)["code"] == "request_invalid"
    assert error_of(site.post("/api/v1/check", json=[1, 2]), 422)["fields"]
    assert error_of(site.put("/api/v1/ask"), 405)["code"] == "method_not_allowed"
    assert error_of(site.get("/api/v1/nowhere"), 404)["code"] == "not_found"


def test_openapi_schema_is_accurate(site: TestClient) -> None:
    schema = site.get("/openapi.json").json()
    assert schema["openapi"].startswith("3.") and schema["info"]["title"] == "suppwise"
    ask = schema["paths"]["/api/v1/ask"]["get"]
    assert ask["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/Answer")
    assert ask["parameters"][0]["name"] == "q" and ask["parameters"][0]["required"] is True
    check = schema["paths"]["/api/v1/check"]["post"]
    assert check["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/CheckRequest")
    answers = check["responses"]["200"]["content"]["application/json"]["schema"]["anyOf"]
    assert [a["$ref"].rsplit("/", 1)[-1] for a in answers] == ["Screen", "CombinationCheck"]
    assert check["responses"]["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorEnvelope")
    components = schema["components"]["schemas"]
    assert {"Answer", "Screen", "CombinationCheck", "InteractingPair", "ErrorEnvelope", "EntityOut"} <= set(components)
    assert "HTTPValidationError" not in components
    assert not any(path.startswith(("/q/", "/check", "/substances")) for path in schema["paths"])


def test_docs_page_is_made_here(site: TestClient) -> None:
    docs = site.get("/docs")
    assert docs.status_code == 200
    assert "GET /api/v1/ask" in docs.text and "POST /api/v1/check" in docs.text
    assert "CheckRequest" in docs.text and "Screen" in docs.text
    assert "<script" not in docs.text and "cdn" not in docs.text.lower()
    assert site.get("/redoc").status_code == 404


@pytest.mark.slow
def test_schemathesis_finds_no_server_errors(tmp_path: Path) -> None:
    """Bounded property-based calls to every public API operation: never a server error."""
    import schemathesis
    from hypothesis import HealthCheck, given, settings
    from schemathesis.checks import not_a_server_error

    app = create_app(database=f"sqlite:///{tmp_path / 'fuzz.db'}")
    with TestClient(app):
        schema = schemathesis.openapi.from_asgi("/openapi.json", app)
        failures: list[str] = []
        operations = [result.ok() for result in schema.get_all_operations()]
        public = [op for op in operations if op.path.startswith(("/api/v1/ask", "/api/v1/entities", "/api/v1/check"))]
        assert len(public) == 4
        for operation in public:

            @given(operation.as_strategy())
            @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
            def call(case: Any) -> None:
                try:
                    case.call_and_validate(checks=[not_a_server_error])
                except Exception as error:
                    failures.append(f"{case.method} {case.path}: {str(error)[:300]}")

            call()
        assert not failures, "\n".join(failures[:5])
