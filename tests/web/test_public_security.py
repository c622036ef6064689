"""Security of the public side: headers on every response, the CSRF double-submit check, HSTS only
over HTTPS, escaping of everything a person types, and no asset from another site on any page."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from suppwise.web.app import create_app
from suppwise.web.security import CSP
from suppwise.web.urls import question_url
from suppwise.web.views.popular import POPULAR_QUESTIONS
from tests.web.conftest import SEED_PAGE, XSS, assert_no_raw_tags, csrf_token

PAGES = (
    "/",
    "/index.json",
    "/substances",
    "/conditions",
    "/substances/glutamine",
    "/conditions/fibromyalgia",
    SEED_PAGE,
    SEED_PAGE + ".json",
    "/q/does-zorblax-help-fibromyalgia",
    "/q/i-want-to-kill-myself-will-glutamine-help",
    "/check",
    "/check.json",
    "/docs",
    "/openapi.json",
    "/api/v1/ask?q=is+glutamine+safe",
    "/api/v1/entities/zorblax",
    "/static/site.css",
    "/nothing-here",
)
EXTERNAL_ASSET = re.compile(
    r"""<(?:script|img|iframe|source|video|audio|embed|object)\b[^>]*\bsrc=["']?(?:https?:)?//"""
    r"""|<link\b[^>]*\bhref=["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//""",
    re.IGNORECASE,
)
CHECK_FIELDS = ("substance", "conditions", "medications", "supplements", "sensitivities", "dose", "age", "weight_kg")


@pytest.mark.parametrize("path", PAGES)
def test_security_headers_on_every_response(site: TestClient, path: str) -> None:
    headers = site.get(path).headers
    assert headers["content-security-policy"] == CSP
    assert "unsafe-inline" not in CSP and "unsafe-eval" not in CSP
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["x-frame-options"] == "DENY"
    assert "strict-transport-security" not in headers  # plain http


def test_hsts_only_over_https(db_url: str) -> None:
    with TestClient(create_app(database=db_url), base_url="https://testserver") as direct:
        assert "max-age" in direct.get("/").headers["strict-transport-security"]
    forwarded = {"X-Forwarded-Proto": "https"}
    with TestClient(create_app(database=db_url)) as plain:
        assert "strict-transport-security" not in plain.get("/", headers=forwarded).headers
    with TestClient(create_app(database=db_url, behind_https=True)) as proxied:
        assert "max-age" in proxied.get("/", headers=forwarded).headers["strict-transport-security"]
        assert "strict-transport-security" not in proxied.get("/").headers
        cookie = proxied.get("/check").headers["set-cookie"]
        assert "suppwise_csrf=" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" in cookie


def test_the_csrf_cookie(site: TestClient) -> None:
    fresh = TestClient(site.app)
    cookie = fresh.get("/check").headers["set-cookie"]
    assert cookie.startswith("suppwise_csrf=") and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie


def test_a_form_post_needs_the_matching_token(site: TestClient) -> None:
    token = csrf_token(site)
    refused = site.post("/check", data={"substance": "glutamine"})
    assert refused.status_code == 403 and "could not be accepted" in refused.text
    assert refused.headers["content-security-policy"] == CSP and "<h1>" in refused.text
    assert site.post("/check", data={"substance": "glutamine", "csrf_token": "forged"}).status_code == 403
    assert site.post("/check", content=b"substance=glutamine").status_code == 403  # no content type at all
    stranger = TestClient(site.app)  # no cookie: a token copied from elsewhere is useless
    assert stranger.post("/check", data={"substance": "glutamine", "csrf_token": token}).status_code == 403
    accepted = site.post("/check", data={"substance": "glutamine", "csrf_token": token})
    assert accepted.status_code == 200
    multipart = site.post("/check", data={"csrf_token": token}, files={"substance": (None, "glutamine")})
    assert multipart.status_code == 200 and "Result for Glutamine" in multipart.text
    for method in ("put", "patch", "delete"):
        form = site.request(method.upper(), "/check", content=b"a=1", headers={"content-type": "text/plain"})
        assert form.status_code == 403, method


def test_json_requests_are_exempt_from_the_form_check(site: TestClient) -> None:
    fresh = TestClient(site.app)
    assert fresh.post("/api/v1/check", json={"substance": "glutamine"}).status_code == 200


def test_the_safety_check_form(site: TestClient) -> None:
    token = csrf_token(site)
    form = {"csrf_token": token, "substance": "glutamine", "medications": "Lyrica", "pregnant": "yes"}
    page = site.post("/check", data=form).text
    assert "Result for Glutamine" in page and "Avoid" in page and "Anticonvulsants" in page
    assert 'id="ref-' in page and 'value="Lyrica"' in page and 'name="pregnant" value="yes" checked' in page
    dose = site.post("/check", data={"csrf_token": token, "substance": "glutamine", "dose": "30 g a day"}).text
    assert "Above the observed safe level" in dose


def test_invalid_input_is_shown_next_to_its_field_with_the_values_kept(site: TestClient) -> None:
    token = csrf_token(site)
    data = {"csrf_token": token, "substance": "glutamine", "age": "500", "conditions": "fibromyalgia"}
    wrong_age = site.post("/check", data=data)
    assert wrong_age.status_code == 422
    page = wrong_age.text
    assert 'id="age-error"' in page and 'value="500"' in page and 'value="fibromyalgia"' in page
    assert re.search(r'id="age"[^>]*aria-invalid="true"[^>]*aria-describedby="age-error"', page)
    assert 'href="#age"' in page  # the summary at the top links to the field
    unknown = site.post("/check", data={"csrf_token": token, "substance": "zorblax"})
    assert unknown.status_code == 422 and 'id="substance-error"' in unknown.text
    long_item = site.post(
        "/check", data={"csrf_token": token, "substance": "glutamine", "medications": "a, " + "b" * 150}
    )
    assert long_item.status_code == 422 and 'id="medications-error"' in long_item.text
    empty = site.post("/check", data={"csrf_token": token})
    assert empty.status_code == 422 and 'id="substance-error"' in empty.text


@pytest.mark.parametrize("field", CHECK_FIELDS)
@pytest.mark.parametrize("hostile", XSS)
def test_every_check_field_comes_back_escaped(site: TestClient, field: str, hostile: str) -> None:
    data = {"csrf_token": csrf_token(site), "substance": "glutamine", field: hostile}
    assert_no_raw_tags(site.post("/check", data=data).text)


@pytest.mark.parametrize("hostile", XSS)
def test_a_hostile_question_is_escaped(site: TestClient, hostile: str) -> None:
    page = site.get("/ask", params={"q": f"Is glutamine safe {hostile}"}).text
    assert_no_raw_tags(page)
    api = site.get("/api/v1/ask", params={"q": hostile})  # JSON keeps the text; nosniff stops it being read as HTML
    assert api.headers["content-type"] == "application/json" and api.headers["x-content-type-options"] == "nosniff"
    assert_no_raw_tags(site.get("/substances/" + hostile.replace("/", "")).text)


def test_no_page_loads_anything_from_another_site(site: TestClient) -> None:
    pages = [*(p for p in PAGES if not p.endswith(".json")), *(question_url(q) for q in POPULAR_QUESTIONS)]
    for path in pages:
        text = site.get(path).text
        assert not EXTERNAL_ASSET.search(text), path
        assert "<script" not in text and "<style" not in text and " style=" not in text, path
