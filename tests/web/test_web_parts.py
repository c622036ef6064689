"""The web app's pure parts on plain data: addresses, the article layout, the mechanism diagram, the
questions an entity page offers, the page cache, the CSRF rule, and the uvicorn launcher."""

from __future__ import annotations

import logging
import re
import threading
import time
from typing import Any

import pytest
from fastapi import Request

from suppwise.services import answers as services
from suppwise.services import credentials
from suppwise.web import server
from suppwise.web.csrf import needs_csrf
from suppwise.web.page_cache import PageCache, cached_page
from suppwise.web.urls import question_from_slug, slug, split_twin, twin
from suppwise.web.views.article import article, path_words, research_levels, verdict_view
from suppwise.web.views.entity_questions import is_plural, questions_about, spoken_name
from suppwise.web.views.mechanism_diagram import mechanism_diagram, wrap
from suppwise.web.views.pages import linkify
from tests.web.conftest import SEED_QUESTION


def test_addresses() -> None:
    assert slug("Is glutamine safe with Lyrica?") == "is-glutamine-safe-with-lyrica"
    assert slug("  Omega-3 vs. L-glutamine!! ") == "omega-3-vs-l-glutamine"
    assert slug("x" * 600) == "x" * 500 and slug("¿?") == ""
    assert question_from_slug("is-glutamine-safe") == "Is glutamine safe?"
    assert question_from_slug("how-much-should-i-take") == "How much should I take?"
    assert twin("/") == "/index.json" and twin("/substances/glutamine") == "/substances/glutamine.json"
    assert split_twin("glutamine.json") == ("glutamine", True) and split_twin("glutamine") == ("glutamine", False)


def test_the_article_layout() -> None:
    answer = services.ask(SEED_QUESTION)
    view = verdict_view(answer, answer.verdicts[0])
    assert view.label == "Unclear · very low certainty" and view.tone == "unclear"
    assert view.sentence == "Glutamine and pain in fibromyalgia: the evidence points both ways."
    parts = article(answer, has_diagram=True)
    assert [s.key for s in parts.background] == ["roles"] and [s.key for s in parts.mistakes] == ["mistakes"]
    assert [s.key for s in parts.personal] == ["factors"]
    assert parts.citation_numbers[answer.references[0].id] == 1
    assert [anchor for anchor, _ in parts.contents][:3] == ["summary", "s-roles", "how"]
    assert research_levels(answer)[0].heading == "Randomised controlled trials"
    assert path_words(answer.mechanisms[0]) == "Glutamine raises glutamate, which raises pain"
    no_diagram = article(answer, has_diagram=False)
    assert no_diagram.paths == () and "how" not in [anchor for anchor, _ in no_diagram.contents]


def test_the_mechanism_diagram_is_csp_safe() -> None:
    answer = services.ask(SEED_QUESTION)
    svg = mechanism_diagram(answer, answer.mechanisms[:3])
    assert svg is not None and svg.startswith("<svg") and "style=" not in svg and "<script" not in svg
    assert svg.count("<g>") == 3 and 'role="img"' in svg and "<title" in svg
    assert wrap("Intestinal barrier integrity") == ("Intestinal", "barrier integrity")
    assert wrap("Pain") == ("Pain",)
    assert mechanism_diagram(answer, []) is None
    first = answer.mechanisms[0]
    step = first.steps[0].model_copy(update={"object_name": "<b>x</b>"})
    hostile = answer.model_copy(update={"mechanisms": [first.model_copy(update={"steps": [step]})]})
    assert "<b>" not in (mechanism_diagram(hostile, hostile.mechanisms) or "")


def test_entity_questions_are_built_from_the_records() -> None:
    base = services.evidence_base()
    assert spoken_name(base, "gaba") == "GABA" and spoken_name(base, "msg-sensitivity") == "MSG sensitivity"
    assert is_plural("omega-3 fatty acids") and not is_plural("glutamine") and not is_plural("msg sensitivity")
    glutamine = questions_about(base, "glutamine")
    assert "Is glutamine safe for people with bipolar disorder?" in glutamine
    assert "Which foods contain glutamine?" in glutamine
    assert questions_about(base, "omega-3")[:2] == [
        "What are omega-3 fatty acids?",
        "Do omega-3 fatty acids help depression?",
    ]
    assert questions_about(base, "pain") == [] and questions_about(base, "zorblax") == []


def test_the_page_cache_is_a_bounded_lru_per_evidence_base() -> None:
    base, other = services.evidence_base(), object()
    cache = PageCache(size=2)
    page = cached_page(b"one", media_type="text/plain")
    cache.put("/a", base, page)
    assert cache.get("/a", base) is page and cache.get("/a", other) is None  # type: ignore[arg-type]
    cache.put("/b", base, cached_page(b"two", media_type="text/plain"))
    cache.get("/a", base)  # /a is now the most recent
    cache.put("/c", base, cached_page(b"three", media_type="text/plain"))
    assert len(cache) == 2 and cache.get("/b", base) is None and cache.get("/a", base) is page
    assert re.fullmatch(r'"[0-9a-f]{32}"', page.etag)


def test_linkify_escapes_everything_else() -> None:
    html = str(linkify('Fact sheets <b>here</b> (https://ods.od.nih.gov). "x" javascript:alert(1)'))
    assert '<a href="https://ods.od.nih.gov" rel="noopener noreferrer">https://ods.od.nih.gov</a>).' in html
    assert "&lt;b&gt;" in html and "<b>" not in html and 'href="javascript' not in html


def _request(method: str, content_type: str | None, **headers: str) -> Request:
    raw = [(k.lower().replace("_", "-").encode(), v.encode()) for k, v in headers.items()]
    if content_type:
        raw.append((b"content-type", content_type.encode()))
    return Request({"type": "http", "method": method, "path": "/", "headers": raw, "query_string": b""})


@pytest.mark.parametrize(
    ("method", "content_type", "headers", "expected"),
    [
        ("POST", "application/x-www-form-urlencoded", {}, True),
        ("POST", "multipart/form-data; boundary=x", {}, True),
        ("POST", "text/plain", {}, True),
        ("POST", None, {}, True),
        ("PUT", "application/x-www-form-urlencoded", {}, True),
        ("DELETE", None, {}, False),
        ("POST", "application/json", {}, False),
        # A bearer token may stand in for the form's token only once the middleware has found it valid.
        ("POST", "application/x-www-form-urlencoded", {"authorization": "Bearer t"}, True),
        ("GET", "application/x-www-form-urlencoded", {}, False),
    ],
)
def test_which_requests_need_the_csrf_token(
    method: str, content_type: str | None, headers: dict[str, str], expected: bool
) -> None:
    assert needs_csrf(_request(method, content_type, **headers)) is expected


def test_serve_runs_uvicorn_with_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: calls.append((args, kwargs)))
    monkeypatch.setattr("suppwise.web.app.create_app", lambda **kwargs: ("app", kwargs))
    monkeypatch.setattr("gc.freeze", lambda: None)
    server.serve(port=8765)
    (app,), options = calls[0]
    assert app == ("app", {"behind_https": False, "database": None})
    assert options["host"] == "127.0.0.1" and options["port"] == 8765 and options["proxy_headers"] is False
    assert "private" in options["log_config"]["handlers"]["access"]["filters"]
    server.serve(reload=True)
    (factory,), reloading = calls[1]
    assert factory == server.APP_FACTORY and reloading.pop("log_config") == options["log_config"]
    assert reloading == {"factory": True, "host": "127.0.0.1", "port": 8000, "reload": True, "log_level": "info"}


def test_the_access_log_never_records_what_was_asked() -> None:
    """uvicorn's access-log line, through the filter `suppwise serve` puts on its handler."""
    private = server.PrivateAccessLog()
    lines = []
    for path in ("/api/v1/ask?q=how+many+pills+to+not+wake+up", "/q/how-many-pills-to-not-wake-up", "/trials/t-1"):
        args = ("127.0.0.1:5000", "GET", path, "1.1", 200)
        record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d', args, None)
        assert private.filter(record)
        lines.append(record.getMessage())
    assert lines == [
        '127.0.0.1:5000 - "GET /api/v1/ask HTTP/1.1" 200',
        '127.0.0.1:5000 - "GET /q/… HTTP/1.1" 200',
        '127.0.0.1:5000 - "GET /trials/t-1 HTTP/1.1" 200',
    ]


def test_password_hashing_is_bounded_so_sign_ins_cannot_exhaust_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each Argon2 hash holds 64 MiB: however many sign-ins arrive at once, at most
    `HASHES_AT_ONCE` hash at the same time."""
    running = peak = 0
    lock = threading.Lock()

    class Slow:
        def hash(self, password: str) -> str:
            nonlocal running, peak
            with lock:
                running += 1
                peak = max(peak, running)
            time.sleep(0.02)
            with lock:
                running -= 1
            return "hashed"

        def verify(self, password_hash: str, password: str) -> bool:
            return self.hash(password) == password_hash

    monkeypatch.setattr(credentials, "_hasher", lambda: Slow())
    threads = [threading.Thread(target=credentials.hash_password, args=("pw",)) for _ in range(12)]
    threads += [threading.Thread(target=credentials.verify_password, args=("hashed", "pw")) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert peak == credentials.HASHES_AT_ONCE


def test_an_unknown_direction_with_evidence_is_not_called_no_evidence() -> None:
    answer = services.ask(SEED_QUESTION)
    unclear = answer.verdicts[0].model_copy(update={"direction": "unknown", "code": "DIRECT_EVIDENCE"})
    assert verdict_view(answer, unclear).sentence.endswith("the studies found no clear effect either way.")
    empty = unclear.model_copy(update={"code": "NO_EVIDENCE", "certainty": None})
    assert verdict_view(answer, empty).sentence.endswith("there is no usable evidence.")
