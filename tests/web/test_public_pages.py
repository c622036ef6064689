"""The public pages as a person meets them: home, the question box, answer articles and their JSON
twins, substance and condition pages, not-found and crisis pages, and caching."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from suppwise.evidence.schema import EntityKind
from suppwise.services import answers as services
from suppwise.web.app import create_app
from suppwise.web.urls import question_url
from suppwise.web.views.popular import POPULAR_QUESTIONS
from tests.web.conftest import SEED_PAGE, SEED_QUESTION

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"


class Outline(HTMLParser):
    """Headings in order, links, and ids: enough to check a page's structure."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.landmarks: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag in ("header", "nav", "main", "footer"):
            self.landmarks.add(tag)


def outline(page: str) -> Outline:
    parser = Outline()
    parser.feed(page)
    return parser


def test_home_offers_popular_questions_and_every_substance_and_condition(site: TestClient) -> None:
    page = site.get("/").text
    for question in POPULAR_QUESTIONS:
        assert f'href="{question_url(question)}"' in page
    base = services.evidence_base()
    for entity in base.entities.values():
        if entity.kind is EntityKind.SUBSTANCE:
            assert f'href="/substances/{entity.id}"' in page
        if entity.kind is EntityKind.CONDITION:
            assert f'href="/conditions/{entity.id}"' in page
    assert '<form method="get" action="/ask"' in page and '<label for="q">' in page
    twin = site.get("/index.json").json()
    assert [p["question"] for p in twin["popular"]] == list(POPULAR_QUESTIONS)
    assert site.get("/.json").json() == twin


def test_every_popular_question_gets_an_answer_page(site: TestClient) -> None:
    for question in POPULAR_QUESTIONS:
        response = site.get(question_url(question))
        assert response.status_code == 200, question
        assert site.get(question_url(question) + ".json").json()["code"] == "ANSWERED", question


def test_the_question_box_redirects_to_a_stable_address(site: TestClient) -> None:
    moved = site.get("/ask", params={"q": SEED_QUESTION}, follow_redirects=False)
    assert moved.status_code == 303 and moved.headers["location"] == SEED_PAGE
    assert site.get("/ask", params={"q": "  ?! "}, follow_redirects=False).headers["location"] == "/"
    other_spelling = site.get("/q/Does_Glutamine--Increase_PAIN_in_fibromyalgia", follow_redirects=False)
    assert other_spelling.status_code == 301 and other_spelling.headers["location"] == SEED_PAGE
    assert site.get(SEED_PAGE + ".json", follow_redirects=False).status_code == 200


def test_an_answer_reads_as_an_article(site: TestClient) -> None:
    page = site.get(SEED_PAGE).text
    assert "Unclear · very low certainty" in page
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="mechanisms" role="img"' in page
    assert ">+</text>" in page and ">−</text>" in page  # signed arrows
    assert "Glutamine raises glutamate, which raises pain" in page
    assert "The research, by level of evidence" in page and "Randomised controlled trials" in page
    assert "Who should be careful" in page and "Practical guidance" in page and "Common mistakes" in page
    assert 'id="ref-holton2012_msg_challenge"' in page and 'href="#ref-holton2012_msg_challenge"' in page
    assert 'href="https://doi.org/' in page
    assert "not medical advice" in page
    structure = outline(page)
    assert structure.headings[0] == 1 and structure.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(structure.headings, structure.headings[1:], strict=False)), "skipped level"
    assert {"header", "nav", "main", "footer"} <= structure.landmarks
    internal = [link[1:] for link in structure.links if link.startswith("#")]
    assert set(internal) <= structure.ids, "an in-page link points nowhere"
    assert '<html lang="en">' in page and 'name="viewport"' in page


def test_the_comparison_table_and_resources(site: TestClient) -> None:
    page = site.get(question_url("What alternatives to glutamine could improve gut health in fibromyalgia?")).text
    assert '<table class="compare">' in page and 'data-label="Strength of research"' in page
    assert 'href="/substances/probiotics"' in page
    resources = site.get(question_url("Where can I find reliable info on glutamine and fibromyalgia?")).text
    assert '<a href="https://ods.od.nih.gov" rel="noopener noreferrer">' in resources


def test_the_json_twin_is_the_answer(site: TestClient) -> None:
    twin = site.get(SEED_PAGE + ".json")
    assert twin.headers["content-type"] == "application/json"
    assert twin.json() == services.ask(SEED_QUESTION).model_dump(mode="json")


def test_answer_pages_are_cached_with_an_etag(site: TestClient) -> None:
    first = site.get(SEED_PAGE)
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "public, max-age=300"
    again = site.get(SEED_PAGE)
    assert again.content == first.content and again.headers["etag"] == etag
    not_modified = site.get(SEED_PAGE, headers={"If-None-Match": f'W/{etag}, "other"'})
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert site.get(SEED_PAGE + ".json").headers["etag"] != etag
    assert "csrf_token" not in first.text and "set-cookie" not in first.headers


def test_the_cache_keeps_evidence_bases_apart(db_url: str) -> None:
    with TestClient(create_app(evidence_dir=MINI, database=db_url)) as mini_site:
        page = mini_site.get("/").text
        assert 'href="/substances/alpha"' in page and 'href="/substances/glutamine"' not in page
        assert mini_site.get("/substances/glutamine").status_code == 404


def test_an_unknown_supplement_gets_a_helpful_404(site: TestClient) -> None:
    typo = site.get("/q/is-omegga-safe")
    assert typo.status_code == 404
    assert "Did you mean" in typo.text and 'href="/q/is-omega-3-fatty-acids-safe"' in typo.text
    assert site.get("/q/is-omega-3-fatty-acids-safe").status_code == 200
    unknown = site.get("/q/does-zorblax-help-fibromyalgia")
    assert unknown.status_code == 404 and "zorblax" in unknown.text
    assert 'href="/substances/glutamine"' in unknown.text and 'value="Does zorblax help fibromyalgia?"' in unknown.text
    twin = site.get("/q/does-zorblax-help-fibromyalgia.json")
    assert twin.status_code == 404 and twin.json()["code"] == "SUBSTANCE_NOT_FOUND"


def test_crisis_resources_come_first(site: TestClient) -> None:
    page = site.get("/ask", params={"q": "I want to kill myself, will glutamine help?"}).text
    assert page.index('class="crisis"') < page.index("<h1")
    assert "988" in page and "Samaritans" in page
    answered = site.get(question_url("I feel suicidal, does glutamine help depression?"))
    assert answered.status_code == 200
    assert answered.text.index('class="crisis"') < answered.text.index('class="verdict-card')


def test_substance_and_condition_pages(site: TestClient) -> None:
    page = site.get("/substances/glutamine").text
    assert "<h1" in page and "Glutamine" in page and "L-glutamine" in page
    structure = outline(page)
    questions = [link for link in structure.links if link.startswith("/q/")]
    assert question_url("Is glutamine safe for people with bipolar disorder?") in questions
    assert question_url("How much glutamine should I take?") in questions
    for link in questions:
        assert site.get(link).status_code == 200, link
    condition = site.get("/conditions/fibromyalgia").text
    assert 'href="/q/does-glutamine-increase-pain-in-fibromyalgia"' in condition
    twin = site.get("/conditions/depression.json").json()
    assert twin["name"] == "Depression" and twin["kind"] == "condition" and twin["questions"]
    assert twin["url"] == "/conditions/depression" and twin["twin"] == "/conditions/depression.json"


def test_entity_lists_and_unknown_entities(site: TestClient) -> None:
    listing = site.get("/substances")
    assert listing.status_code == 200 and 'href="/substances/omega-3"' in listing.text
    assert {e["id"] for e in site.get("/conditions.json").json()["entities"]} >= {"fibromyalgia", "depression"}
    missing = site.get("/substances/glutamin")
    assert missing.status_code == 404 and "Did you mean glutamine or glutamate?" in missing.text
    assert site.get("/conditions/glutamine").status_code == 404  # a substance is not a condition
    twin = site.get("/substances/zorblax.json")
    assert twin.status_code == 404 and twin.json()["error"]["code"] == "entity_not_found"


@pytest.mark.parametrize("path", ["/nothing-here", "/q/", "/static/missing.css"])
def test_unknown_addresses_are_404_pages(site: TestClient, path: str) -> None:
    response = site.get(path)
    assert response.status_code == 404


def test_the_evidence_is_loaded_before_the_first_request(db_url: str) -> None:
    """Loaded lazily, the base was built inside the first visitor's request, on the event loop,
    stalling everyone else meanwhile."""
    app = create_app(evidence_dir=MINI, database=db_url)
    assert getattr(app.state, "evidence", None) is None
    with TestClient(app) as mini_site:
        assert app.state.evidence is not None
        assert mini_site.get("/").status_code == 200


def test_a_broken_evidence_folder_still_serves_and_says_so(db_url: str, tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("entities: [", encoding="utf-8")
    with TestClient(create_app(evidence_dir=tmp_path, database=db_url)) as broken_site:
        page = broken_site.get("/api/v1/ask", params={"q": "Does alpha help pain?"})
        assert page.status_code >= 400 and "bad.yaml" in page.text
        assert broken_site.get("/static/site.css").status_code == 200
