"""Disputed involvement in a real Chromium: the app's chart, panel and filter note; the embed's panel."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.helpers import open_app

pytestmark = pytest.mark.browser

DISPUTED_MARKS = """() => { const gd = document.querySelector('.js-plotly-plot');
  return gd.data.filter(t => t.meta && t.meta.disputed).map(t => [t.y[0], t.text.length, t.marker.symbol]); }"""


def test_app_draws_names_and_counts_the_disputed_involvement(page, app_server):
    open_app(page, app_server, "?event=feltman-meets-ri")
    assert page.evaluate(DISPUTED_MARKS) == [["Donald Trump", 2, "circle-open"]]
    details = page.locator("#details")
    expect(details.locator(".disputed-involvement")).to_contain_text("Involvement disputed: Donald Trump")
    expect(details.locator(".disputed-involvement a").first).to_be_visible()
    assert details.locator(".disputed-involvement a").first.get_attribute("href").startswith("http")
    expect(details.locator(".actor-chip.disputed")).to_have_text("Donald Trump (involvement disputed)")
    expect(page.locator("#mode-note")).to_have_text(
        "Counts and the filter include 2 disputed involvements (drawn hollow, with a “?”).")
    page.locator("#lang label", has_text="Nederlands").click()
    expect(page.locator("#mode-note")).to_contain_text("betwiste betrokkenheden")


def test_embed_panel_says_involvement_disputed_with_its_sources(page, app_server):
    page.goto(f"{app_server.url}/embed?event=feltman-visit&lang=nl")
    dispute = page.locator("#tl-panel .tl-disputed")
    expect(dispute).to_contain_text("Betrokkenheid betwist: Donald Trump")
    expect(dispute).to_contain_text("Bronnen over de betwisting")
    assert dispute.locator("a").count() >= 3
