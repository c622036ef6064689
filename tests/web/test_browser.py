"""A person's whole journey in a real browser: Playwright driving Debian's Chromium against the app
served by uvicorn on localhost. Screenshots of each step go to `test-artifacts/` (kept out of git)
so a person can look at what the browser saw.

Skipped, saying why, only where Chromium is not installed (`tools/debian-packages` installs it).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS, fill_plan_wizard, needs_chromium

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PASSWORD = "correct horse battery"

pytestmark = needs_chromium


def test_ask_plan_log_alert_report_and_delete_in_chromium(server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    start = (date.today() - timedelta(days=20)).isoformat()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
        )
        page = browser.new_page(viewport={"width": 390, "height": 844}, accept_downloads=True)

        def shot(name: str) -> None:
            page.screenshot(path=str(ARTIFACTS / f"browser-{name}.png"), full_page=True)

        page.goto(server + "/")
        page.get_by_label("Ask a question").fill("Does glutamine increase pain in fibromyalgia?")
        page.get_by_role("button", name="Ask", exact=True).click()
        expect(page.locator(".verdict-card")).to_contain_text("Unclear · very low certainty")
        assert page.url.endswith("/q/does-glutamine-increase-pain-in-fibromyalgia")
        shot("00-answer")

        page.goto(server + "/register")
        page.get_by_label("Email address").fill("ann@example.org")
        page.get_by_label("Password").fill(PASSWORD)
        shot("01-register")
        page.get_by_role("button", name="Create account").click()
        expect(page.get_by_role("heading", name="My trials")).to_be_visible()

        page.get_by_role("link", name="Plan a new trial").click()
        fill_plan_wizard(page, start)
        expect(page.get_by_text("Safety screen: CAUTION")).to_be_visible()
        shot("02-plan-caution")
        page.get_by_label("Acknowledgement").fill("I have read the cautions; my rheumatologist agreed this plan.")
        page.get_by_role("button", name="Check and plan").click()
        expect(page.get_by_role("heading", name="Log a day")).to_be_visible()

        for offset, pain, gi in [(20, 4, 1), (19, 5, 2), (18, 4, 8)]:
            page.get_by_label("Day", exact=True).fill((date.today() - timedelta(days=offset)).isoformat())
            page.get_by_label("Pain (0 none – 10 worst)").fill(str(pain))
            page.get_by_label("Gut symptoms (0 none – 10 worst)").fill(str(gi))
            page.get_by_label("What you took").fill("none")
            page.get_by_role("button", name="Save this day").click()
            expect(page.get_by_role("heading", name="Log a day")).to_be_visible()
        expect(page.get_by_role("alert").filter(has_text="gut symptoms as severe")).to_be_visible()
        shot("03-dashboard-alert")
        expect(page.locator(".chart svg")).to_have_count(2)
        expect(page.get_by_role("heading", name="Your results so far")).to_be_visible()

        with page.expect_download() as download:
            page.get_by_role("link", name="Report (PDF)").click()
        pdf = ARTIFACTS / "browser-report.pdf"
        download.value.save_as(str(pdf))
        assert pdf.read_bytes().startswith(b"%PDF")

        page.get_by_role("link", name="Account").click()
        page.get_by_label("Type DELETE to confirm").fill("DELETE")
        shot("04-account")
        page.get_by_role("button", name="Delete my account and all my data").click()
        expect(page.get_by_role("heading", name="Create an account")).to_be_visible()
        page.goto(server + "/login")
        page.get_by_label("Email address").fill("ann@example.org")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_text("wrong email address or password")).to_be_visible()
        shot("05-deleted")
        browser.close()
