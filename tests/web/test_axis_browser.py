"""The chart's axis in a real browser (issue #11): empty stretches collapsed and marked, the
overview under the chart, deep-time ticks that follow the zoom, phases that can be clicked."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.helpers import open_app, reader_page

pytestmark = pytest.mark.browser

EMBED_DRAWN = """() => { const gd = document.querySelector('#tl-chart');
  return !!(gd && gd._fullLayout && gd._fullLayout.xaxis && gd._fullData.length); }"""

# The share of the plot's width between the last event of 2019 and the first of 2021.
GAP_SHARE = """(sel) => { const gd = document.querySelector(sel); const xa = gd._fullLayout.xaxis;
  const p = (d) => xa.l2p(xa.d2l(d));
  return (p('2021-02-01') - p('2019-09-10')) / xa._length; }"""


def test_the_empty_stretch_of_2019_2021_is_collapsed_and_marked_in_the_embed(browser, app_server):
    with reader_page(browser, 1200, 700) as page:
        page.goto(app_server.url + "/embed")
        page.wait_for_function(EMBED_DRAWN)
        # drawn continuously, 17 empty months of 42 took 40% of the width
        assert page.evaluate(GAP_SHARE, "#tl-chart") < 0.12
        mark = page.locator("#tl-chart .annotation-text", has_text="months")
        expect(mark).to_be_visible()
        box, plot = mark.bounding_box(), page.locator("#tl-chart .nsewdrag").first.bounding_box()
        assert plot["x"] < box["x"] < plot["x"] + plot["width"]


def test_the_dutch_app_marks_the_break_in_dutch(browser, app_server):
    with reader_page(browser, 1280, 800) as page:
        open_app(page, app_server, "?lang=nl")
        expect(page.locator("#graph .annotation-text", has_text="maanden")).to_be_visible()
        assert page.evaluate(GAP_SHARE, "#graph .js-plotly-plot") < 0.12
