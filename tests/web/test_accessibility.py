"""An automated accessibility audit: axe-core (bundled by `axe-playwright-python`, so nothing is
fetched) run in Debian's Chromium against the app served by uvicorn on localhost: the public pages,
the forms in their error states and the signed-in trial pages, at a phone and a desktop width.

Only the WCAG 2.0 and 2.1 level A and AA rules run, and none is switched off. A failure lists every
violation with its rule, impact, page and viewport, and the selector of each failing element and
what to fix, so it can be fixed at its source (a template or `site.css`).

axe cannot work out the background behind text drawn in SVG (the mechanism diagram, the trial
charts), so it leaves that text "to review" rather than passing or failing it; those colours are
fixed in the templates and were checked by hand (all at least 7:1).

Skipped, saying why, only where Chromium is not installed (`tools/debian-packages` installs it).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS, fill_plan_wizard, needs_chromium

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, ViewportSize

PASSWORD = "correct horse battery"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
ANSWER = "/q/does-glutamine-increase-pain-in-fibromyalgia"

pytestmark = needs_chromium


@pytest.fixture
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
        )
        yield instance
        instance.close()


class Audit:
    """Runs axe on what a page shows now and keeps every violation, labelled with where it was seen."""

    def __init__(self) -> None:
        from axe_playwright_python.sync_playwright import Axe

        self.axe = Axe()
        self.views = 0
        self.violations: list[str] = []

    def __call__(self, page: Page, what: str) -> None:
        size = page.viewport_size or {"width": 0, "height": 0}
        where = f"{what} ({urlsplit(page.url).path} at {size['width']}x{size['height']})"
        options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
        self.views += 1
        for violation in self.axe.run(page, options=options).response["violations"]:
            lines = [f"{violation['id']} ({violation['impact']}) on {where}: {violation['help']}"]
            for node in violation["nodes"]:
                selector = " >> ".join(str(part) for part in node["target"])
                lines.append(f"    {selector}\n        {' '.join(node.get('failureSummary', '').split())}")
            self.violations.append("\n".join(lines))

    def assert_clean(self) -> None:
        assert not self.violations, (
            f"{len(self.violations)} accessibility violation(s) (axe-core, WCAG 2.1 A and AA) "
            f"in {self.views} page views:\n\n" + "\n\n".join(self.violations)
        )


def test_public_pages_meet_wcag_aa(server: str, browser: Browser) -> None:
    from playwright.sync_api import expect

    audit = Audit()
    for viewport in (PHONE, DESKTOP):
        page = browser.new_page(viewport=viewport)
        for path, what in [("/", "home"), (ANSWER, "answer page")]:
            page.goto(server + path)
            audit(page, what)
        page.close()

    page = browser.new_page(viewport=PHONE)
    for path, what in [
        ("/substances", "substance list"),
        ("/substances/glutamine", "substance page"),
        ("/conditions/fibromyalgia", "condition page"),
        ("/q/does-unobtainium-help-pain", "question the evidence cannot answer"),
        ("/substances/unobtainium", "not found"),
        ("/check", "safety check, empty"),
        ("/register", "create an account"),
        ("/login", "sign in"),
        ("/docs", "API reference"),
    ]:
        page.goto(server + path)
        audit(page, what)
    page.goto(server + "/check")
    page.get_by_label("Supplement", exact=True).fill("unobtainium")
    page.get_by_role("button", name="Check safety").click()
    expect(page.get_by_role("heading", name="Please check your answers")).to_be_visible()
    audit(page, "safety check, unknown supplement")
    for viewport in (PHONE, DESKTOP):  # the pairs table stacks into cards on a phone
        page.set_viewport_size(viewport)
        page.goto(server + "/check")
        page.get_by_label("Supplement", exact=True).fill("St John's wort")
        page.get_by_label("Medicines").fill("Zoloft, Nardil")
        page.get_by_label("Other supplements you take").fill("5-HTP, magnesium")
        page.get_by_role("button", name="Check safety").click()
        expect(page.get_by_role("heading", name="Interacting pairs, most severe first")).to_be_visible()
        audit(page, "safety check, several supplements")
    page.close()
    audit.assert_clean()


def test_trial_pages_meet_wcag_aa(server: str, browser: Browser) -> None:
    from playwright.sync_api import expect

    audit = Audit()
    page = browser.new_page(viewport=PHONE)
    page.goto(server + "/register")
    page.get_by_label("Email address").fill("ann@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="My trials")).to_be_visible()
    audit(page, "my trials, none yet")

    page.get_by_role("link", name="Plan a new trial").click()
    expect(page.get_by_role("heading", name="Plan a personal trial")).to_be_visible()
    audit(page, "plan a trial, empty")
    fill_plan_wizard(page, (date.today() - timedelta(days=20)).isoformat())
    expect(page.get_by_text("Safety screen: CAUTION")).to_be_visible()
    audit(page, "plan a trial, a caution to acknowledge")
    page.get_by_label("Acknowledgement").fill("I have read the cautions; my rheumatologist agreed this plan.")
    page.get_by_role("button", name="Check and plan").click()
    expect(page.get_by_role("heading", name="Log a day")).to_be_visible()
    dashboard = page.url

    for offset, pain, gi in [(20, 4, 1), (19, 5, 2)]:
        page.get_by_label("Day", exact=True).fill((date.today() - timedelta(days=offset)).isoformat())
        page.get_by_label("Pain (0 none – 10 worst)").fill(str(pain))
        page.get_by_label("Gut symptoms (0 none – 10 worst)").fill(str(gi))
        page.get_by_label("What you took").fill("none")
        page.get_by_role("button", name="Save this day").click()
        expect(page.get_by_role("heading", name="Log a day")).to_be_visible()
    audit(page, "trial dashboard, a day just saved")
    page.goto(dashboard)
    expect(page.locator(".chart svg")).to_have_count(2)
    audit(page, "trial dashboard")
    page.set_viewport_size(DESKTOP)
    audit(page, "trial dashboard")
    page.goto(dashboard + "/report.html")
    audit(page, "report for the clinician")

    page.set_viewport_size(PHONE)
    page.goto(server + "/trials")
    audit(page, "my trials, one trial")
    page.goto(server + "/account")
    audit(page, "account")
    page.close()
    audit.assert_clean()
