"""The quote in its source, as a reader opens it: the text starts at the article, not at the seed
file's metadata (" date 2021-02 Voormalig…"), and the quote is marked in it (issue #11)."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.helpers import reader_page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_source_view_starts_at_the_article(browser, app_server, lang):
    with reader_page(browser, 1280, 860) as page:
        page.goto(f"{app_server.url}/?event=air-force-one-offer&lang={lang}")
        show = page.locator("#details .quote button").first
        expect(show).to_be_visible(timeout=90000)
        show.click()
        text = page.locator("#source-body .seed-text")
        expect(text).to_be_visible()
        expect(text).to_have_text(re.compile(r"^Voormalig Amerikaans president Donald Trump"))
        expect(text).to_have_attribute("lang", "nl")
        expect(page.locator("#source-mark")).to_be_visible()
        expect(page.locator("#source-close")).to_be_focused()
