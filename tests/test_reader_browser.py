"""The app and /embed as a reader meets them, at phone, tablet and desktop sizes (issue #11).

One page per viewport: each is checked for sideways scroll, squeezed text and axe-core's serious
and critical violations (tests/reader.py), and then for what that size promises.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.reader import axe_violations, layout_problems, reader_page

pytestmark = pytest.mark.browser

APP_DRAWN = """() => { const gd = document.querySelector('#graph .js-plotly-plot');
  return !!(gd && gd._fullLayout && gd._fullLayout.xaxis) && !document.querySelector('.dash-radioitems[role]'); }"""
EMBED_DRAWN = """() => { const gd = document.querySelector('#tl-chart');
  return !!(gd && gd._fullLayout && gd._fullLayout.xaxis); }"""


@pytest.mark.parametrize("width,height,query", [
    (390, 844, ""), (768, 1024, "?lang=nl"), (1400, 900, "?event=hanoi-summit"),
])
def test_app_reads_at_every_size(browser, app_server, width, height, query):
    with reader_page(browser, width, height) as page:
        page.goto(app_server.url + "/" + query)
        page.wait_for_function(APP_DRAWN)
        assert layout_problems(page) == []
        # the title is one readable block: a line or two, as wide as the room allows
        box = page.locator("#app-title").bounding_box()
        assert box["width"] >= min(width - 40, 300) and box["height"] < 90
        if "event=" in query:
            expect(page.locator("#details-title")).to_be_visible()
        assert axe_violations(page) == []


@pytest.mark.parametrize("width,height,query", [
    (390, 600, ""), (700, 450, "?lang=nl"), (1000, 600, "?event=singapore-summit"),
])
def test_embed_reads_at_every_size(browser, app_server, width, height, query):
    with reader_page(browser, width, height) as page:
        page.goto(app_server.url + "/embed" + query)
        page.wait_for_function(EMBED_DRAWN)
        if "event=" in query:
            expect(page.locator("#tl-panel .tl-title")).to_be_visible()
        assert layout_problems(page) == []
        assert axe_violations(page) == []


def test_dropdown_is_one_tab_stop_and_opens_from_the_keyboard(browser, app_server):
    """After the a11y repair (assets/a11y.js) the actor filter is still reached by Tab and opened by Enter."""
    with reader_page(browser, 1280, 800) as page:
        page.goto(app_server.url + "/")
        page.wait_for_function(APP_DRAWN)
        page.locator("#skip-link").focus()
        for _ in range(12):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement && document.activeElement.id === 'actor-filter'"):
                break
        else:
            pytest.fail("Tab never reached the actor filter")
        page.keyboard.press("Enter")
        expect(page.get_by_role("option", name="Kim Jong-un", exact=True)).to_be_visible()
