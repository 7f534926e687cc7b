"""The overview's window from the keyboard (page/static/axis.js): one tab stop after the chart, a
slider that says the period shown, moved by the arrow keys, Page Up/Down, Home/End and zoomed
by + and -, in /embed and in the app (where the view, and so the address, follows)."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.helpers import open_app, reader_page

pytestmark = pytest.mark.browser

EMBED_DRAWN = """() => { const gd = document.querySelector('#tl-chart');
  return !!(gd && gd._fullLayout && gd._fullLayout.xaxis && gd._fullData.length
            && gd.querySelector('.tl-overview-window')); }"""
# The chart's range and the overview's, as linear values.
RANGES = """(sel) => { const gd = document.querySelector(sel), fl = gd._fullLayout;
  const xa = fl.xaxis, xa2 = fl.xaxis2;
  return {shown: xa.range.map(xa.r2l), whole: xa2.range.map(xa2.r2l)}; }"""


def _open(page, server, where, query=""):
    if where == "/":
        open_app(page, server, query)
        return "#graph .js-plotly-plot"
    page.goto(server.url + "/embed" + query)
    page.wait_for_function(EMBED_DRAWN)
    return "#tl-chart"


def _width(r):
    return r["shown"][1] - r["shown"][0]


def _after_key(page, sel, key, test):
    """Press `key` on the focused window and wait until the chart's range passes `test` (a JS
    predicate of the ranges `r` and the ranges before, `b`)."""
    before = page.evaluate(RANGES, sel)
    page.keyboard.press(key)
    page.wait_for_function(f"""([sel, b]) => {{ const gd = document.querySelector(sel), fl = gd._fullLayout;
      const xa = fl.xaxis, xa2 = fl.xaxis2;
      const r = {{shown: xa.range.map(xa.r2l), whole: xa2.range.map(xa2.r2l)}};
      return {test}; }}""", arg=[sel, before])
    return page.evaluate(RANGES, sel)


@pytest.mark.parametrize("where", ["/embed", "/"])
def test_the_window_is_a_slider_the_keys_move_and_zoom(browser, app_server, where):
    with reader_page(browser, 1200, 760) as page:
        sel = _open(page, app_server, where)
        page.evaluate("(sel) => document.querySelector(sel).focus()", sel)
        win = page.locator(f"{sel} .tl-overview-window")
        # from the chart, past plotly's mode bar buttons, the next stop is its overview
        for _ in range(12):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.classList.contains('tl-overview-window')"):
                break
            assert page.evaluate("(sel) => !!document.activeElement.closest(sel)", sel), "left the chart first"
        expect(win).to_be_focused()
        assert win.get_attribute("role") == "slider"
        assert "Period shown" in win.get_attribute("aria-label")
        told = win.get_attribute("aria-valuetext")
        assert "2017" in told and "2021" in told, told

        full = page.evaluate(RANGES, sel)
        zoomed = _after_key(page, sel, "+", "(r.shown[1] - r.shown[0]) < 0.6 * (b.shown[1] - b.shown[0])")
        assert _width(zoomed) == pytest.approx(_width(full) / 2, rel=0.1)
        expect(win).not_to_have_attribute("aria-valuetext", told)   # it says the new period

        later = _after_key(page, sel, "ArrowRight", "r.shown[0] > b.shown[0]")
        assert later["shown"][0] - zoomed["shown"][0] == pytest.approx(_width(zoomed) / 10, rel=0.1)
        end = _after_key(page, sel, "End", "Math.abs(r.shown[1] - r.whole[1]) < 1e-6 * Math.abs(r.whole[1] - r.whole[0]) + 1")
        assert _width(end) == pytest.approx(_width(zoomed), rel=0.01)
        _after_key(page, sel, "PageDown", "r.shown[1] < b.shown[1] - 0.9 * (b.shown[1] - b.shown[0])")
        _after_key(page, sel, "Home", "Math.abs(r.shown[0] - r.whole[0]) < 1e-6 * Math.abs(r.whole[1] - r.whole[0]) + 1")
        out = _after_key(page, sel, "-", "(r.shown[1] - r.shown[0]) > 1.5 * (b.shown[1] - b.shown[0])")
        assert out["shown"][0] >= out["whole"][0] - 1 and out["shown"][1] <= out["whole"][1] + 1
        expect(win).to_be_focused()   # the redraws keep the reader where they were
        if where == "/":
            expect(page).to_have_url(re.compile(r"[?&](from|to)="))
            assert page.evaluate("() => document.activeElement.closest('#graph') !== null")


def test_the_window_speaks_the_charts_language(browser, app_server):
    with reader_page(browser, 1200, 760) as page:
        sel = _open(page, app_server, "/embed")
        win = page.locator(f"{sel} .tl-overview-window")
        assert re.fullmatch(r"[A-Z][a-z]{2} 2017 – [A-Z][a-z]{2} 2021", win.get_attribute("aria-valuetext"))
        sel = _open(page, app_server, "/embed", "?lang=nl")
        win = page.locator(f"{sel} .tl-overview-window")
        assert "Getoonde periode" in win.get_attribute("aria-label")
        assert re.fullmatch(r"[a-z]{3}\.? 2017 – [a-z]{3}\.? 2021", win.get_attribute("aria-valuetext"))


def test_the_charts_own_keys_are_not_the_windows(browser, app_server):
    """On the window the arrow keys move the period and pick no event; on the chart they still go
    from event to event."""
    with reader_page(browser, 1200, 760) as page:
        sel = _open(page, app_server, "/embed")
        live = page.locator("#tl-live")
        page.locator(f"{sel} .tl-overview-window").focus()
        _after_key(page, sel, "+", "(r.shown[1] - r.shown[0]) < 0.6 * (b.shown[1] - b.shown[0])")
        _after_key(page, sel, "ArrowLeft", "r.shown[0] < b.shown[0]")
        expect(live).to_have_text("")
        page.evaluate("(sel) => document.querySelector(sel).focus()", sel)
        page.keyboard.press("ArrowRight")   # the first stop: the first phase's title or event
        expect(live).not_to_have_text("")
