"""Several supplements at once on the web: the check form's "Other supplements you take" field and
`also_taking` in `POST /api/v1/check` give the CombinationCheck, the pairs above the screens."""

from __future__ import annotations

import re
from itertools import pairwise

import httpx2
import pytest
from fastapi.testclient import TestClient

from suppwise.safety.combination_model import CombinationCheck
from tests.web.conftest import XSS, assert_no_raw_tags, csrf_token
from tests.web.test_public_pages import outline


def _post(site: TestClient, **fields: str) -> httpx2.Response:
    return site.post("/check", data={"csrf_token": csrf_token(site), **fields})


def test_the_form_offers_the_other_supplements_field(site: TestClient) -> None:
    page = site.get("/check").text
    assert '<label for="supplements">Other supplements you take</label>' in page
    assert re.search(r'<input id="supplements" name="supplements"[^>]*aria-describedby="supplements-help"', page)
    assert "supplements" in site.get("/check.json").json()["fields"]


def test_the_pairs_come_above_the_screens_most_severe_first(site: TestClient) -> None:
    response = _post(
        site,
        substance="St John's wort",
        supplements="5-HTP, magnesium",
        medications="Zoloft, Nardil",
        dose="300 mg a day",
    )
    assert response.status_code == 200
    page = response.text
    assert "Result for St John&#39;s wort, 5-HTP (5-hydroxytryptophan), Magnesium together" in page
    assert page.index("Interacting pairs, most severe first") < page.index("Each supplement")
    rows = re.findall(r'<tr class="level-(\w+)"><th scope="row">([^<]+)', page)
    names = [name for _level, name in rows]
    assert "St John&#39;s wort + Phenelzine " in names and "St John&#39;s wort + Sertraline " in names
    assert len(names) == len(set(names))  # every pair once
    assert any("5-HTP (5-hydroxytryptophan)" in n and "St John&#39;s wort" in n for n in names)
    assert page.index("Contraindicated") < page.index("Major")
    assert "you entered “Zoloft”" in page and "recorded for Antidepressants" in page
    assert 'value="5-HTP, magnesium"' in page  # the form keeps what was entered
    assert 'id="ref-' in page and "Read what the evidence says about Magnesium" in page
    headings = outline(page).headings
    assert all(b - a <= 1 for a, b in pairwise(headings)), headings


def test_the_check_page_shows_each_interactions_severity_and_evidence_level(site: TestClient) -> None:
    page = _post(site, substance="St John's wort", medications="Zoloft, Nardil").text
    reasons = page[page.index('<ul class="cautions">') :]
    assert "<strong>Antidepressants</strong> <span class=\"grade\">(major, evidence B)</span>" in reasons
    maois = r"<strong>MAOIs[^<]*</strong> <span class=\"grade\">\(contraindicated, evidence [A-D]\)</span>"
    assert re.search(maois, reasons)


def test_without_other_supplements_the_page_is_the_single_screen(site: TestClient) -> None:
    page = _post(site, substance="glutamine", medications="Lyrica").text
    assert "Result for Glutamine</h2>" in page and "Interacting pairs" not in page


def test_a_bad_supplements_entry_is_shown_next_to_its_field(site: TestClient) -> None:
    long_item = _post(site, substance="glutamine", supplements="magnesium, " + "b" * 150)
    assert long_item.status_code == 422 and 'id="supplements-error"' in long_item.text
    assert re.search(r'id="supplements"[^>]*aria-invalid="true"', long_item.text)
    control = _post(site, substance="glutamine", supplements="magnesium\x01")
    assert control.status_code == 422 and 'id="supplements-error"' in control.text
    too_long = _post(site, substance="glutamine", supplements="m" * 2001)
    assert too_long.status_code == 422 and 'id="supplements-error"' in too_long.text


def test_an_unknown_supplement_is_listed_not_ignored(site: TestClient) -> None:
    page = _post(site, substance="magnesium", supplements="ashwagandha").text
    assert "Not recognised" in page and "“ashwagandha” (other supplements)" in page
    assert "ask your pharmacist" in page


@pytest.mark.parametrize("hostile", XSS)
def test_hostile_supplements_come_back_escaped(site: TestClient, hostile: str) -> None:
    assert_no_raw_tags(_post(site, substance="magnesium", supplements=f"glutamine, {hostile}").text)


def test_the_api_answers_also_taking_with_the_combination_check(site: TestClient) -> None:
    body = {"substance": "St John's wort", "medications": ["Zoloft"], "also_taking": ["5-HTP", "magnesium"]}
    response = site.post("/api/v1/check", json=body)
    assert response.status_code == 200
    check = CombinationCheck.model_validate(response.json())
    assert check.substances == ["st-johns-wort", "5-htp", "magnesium"]
    assert [(p.first, p.second, p.severity) for p in check.pairs] == [
        ("st-johns-wort", "sertraline", "major"),
        ("5-htp", "sertraline", "major"),
        ("5-htp", "st-johns-wort", "major"),
    ]
    single = site.post("/api/v1/check", json={"substance": "St John's wort", "medications": ["Zoloft"]}).json()
    assert "pairs" not in single and single["substance"] == "st-johns-wort"
    empty = site.post("/api/v1/check", json={**body, "also_taking": []}).json()
    assert "pairs" not in empty


def test_the_api_refuses_a_bad_also_taking(site: TestClient) -> None:
    blank = site.post("/api/v1/check", json={"substance": "magnesium", "also_taking": ["ok", ""]})
    assert blank.status_code == 422 and blank.json()["error"]["fields"][0]["field"] == "also_taking.1"
    many = site.post("/api/v1/check", json={"substance": "magnesium", "also_taking": [f"s{i}" for i in range(51)]})
    assert many.status_code == 422 and many.json()["error"]["fields"][0]["field"] == "also_taking"
    text = site.post("/api/v1/check", json={"substance": "magnesium", "also_taking": "5-HTP"})
    assert text.status_code == 422


def test_the_api_docs_show_also_taking(site: TestClient) -> None:
    docs = site.get("/docs").text
    assert "also_taking" in docs and "CombinationCheck" in docs and "InteractingPair" in docs
