"""prefers-reduced-motion in the app (issue #11, WCAG 2.3.3): with the setting on, nothing on the
page moves by itself: no CSS transition or animation anywhere (the chart's mode bar, the actor
menu), no smooth scrolling; with it off, the same check finds plotly's transitions, so it sees them."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.helpers import reader_page

pytestmark = pytest.mark.browser

MOVING_JS = """() => {
  const out = [];
  const secs = v => Math.max(...v.split(',').map(s => parseFloat(s) || 0));
  for (const el of [document.documentElement, ...document.querySelectorAll('body *')]) {
    const cs = getComputedStyle(el);
    const moving = secs(cs.transitionDuration) > 0 || (cs.animationName !== 'none' && secs(cs.animationDuration) > 0);
    if (moving) out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + String(el.getAttribute('class') || '').split(' ')[0]);
    if (cs.scrollBehavior === 'smooth') out.push('smooth scroll: ' + el.tagName.toLowerCase());
  }
  return out;
}"""
DRAWN = """() => { const gd = document.querySelector('#graph .js-plotly-plot');
  return !!(gd && gd._fullLayout && gd._fullLayout.xaxis); }"""


def _moving(browser, url, motion: str) -> list[str]:
    with reader_page(browser, 1280, 860, reduced_motion=motion) as page:
        page.goto(url + "/?event=hanoi-summit")
        page.wait_for_function(DRAWN, timeout=90000)
        assert page.evaluate("() => matchMedia('(prefers-reduced-motion: reduce)').matches") == (motion == "reduce")
        box = page.locator("#graph").bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)   # the mode bar shows
        expect(page.locator("#graph .modebar")).to_be_visible()
        found = page.evaluate(MOVING_JS)
        page.locator("#actor-filter").click()   # the actor menu, open
        expect(page.get_by_role("option", name="Kim Jong-un", exact=True)).to_be_visible()
        return found + page.evaluate(MOVING_JS)


def test_reduced_motion_stops_every_transition(browser, app_server):
    assert _moving(browser, app_server.url, "reduce") == []


def test_the_check_sees_transitions_without_the_setting(browser, app_server):
    assert _moving(browser, app_server.url, "no-preference") != []
