"""The app's chart from the keyboard (issue #11, WCAG 2.2 AA): one tab stop, arrow keys between
events (and phases' titles) announced in a polite live region, Enter opens an event as a click does (URL and details
panel), Escape closes it and the focus is back on the chart; in English and Dutch, and after a
filter has redrawn the chart."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.helpers import reader_page

pytestmark = pytest.mark.browser

DRAWN = """() => { const gd = document.querySelector('#graph .js-plotly-plot');
  return !!(gd && gd._fullLayout && gd._fullLayout.xaxis && gd.tabIndex === 0); }"""
ON_CHART = "() => document.activeElement === document.querySelector('#graph .js-plotly-plot')"
# distinct event ids among the visible traces: what the keys walk through
SHOWN_IDS = """() => { const gd = document.querySelector('#graph .js-plotly-plot'); const s = new Set();
  for (const t of gd._fullData || []) if (t.visible === true && t.customdata)
    for (const c of t.customdata) { const v = Array.isArray(c) ? c[0] : c; if (v) s.add(String(v)); }
  return s.size; }"""


def _count(**view) -> int:
    import timeline
    from timeline import filters
    from timeline.view import View

    rows = filters.visible_events(timeline.load(), View(**view), in_range=True)
    return int((rows["kind"] != "phase").sum())


N = _count()
N_KIM = _count(actors=("kim",))
# the first stop: the Rocket Man phase's title (it starts on the first event's day), with its hint
PHASE = {"en": re.compile(r'^The "Rocket Man" phase: threats and insults, A phase: click to read about it$'),
         "nl": re.compile(r"^De 'Rocket Man'-fase: .*, Een fase: klik om erover te lezen$")}


def _tab_to_chart(page) -> None:
    page.locator("#search").focus()
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate(ON_CHART):
            return
    pytest.fail("Tab never reached the chart")


@pytest.mark.parametrize("lang,second,title", [
    ("en", "North Korea's sixth nuclear test", "Timeline chart"),
    ("nl", "Zesde kernproef van Noord-Korea", "Tijdlijngrafiek"),
])
def test_chart_is_one_tab_stop_enter_opens_escape_closes(browser, app_server, lang, second, title):
    with reader_page(browser, 1280, 860) as page:
        page.goto(app_server.url + "/" + ("?lang=nl" if lang == "nl" else ""))
        page.wait_for_function(DRAWN, timeout=90000)
        expect(page.locator("#chart-name")).to_have_text(title)   # the chart's accessible name, translated
        # the figure of the link's language drawn (the first one is the default view's, in English)
        page.wait_for_function(f"() => document.querySelector('#graph .js-plotly-plot').layout.meta.lang === '{lang}'")
        _tab_to_chart(page)
        chart = page.locator("#graph .js-plotly-plot")
        expect(chart).to_have_accessible_name(title)
        summary = "A timeline of" if lang == "en" else "Een tijdlijn van"
        expect(chart).to_have_accessible_description(re.compile(rf"^{summary} {N} .*(closes it|sluit haar)\.\s*$"))
        live = page.locator("#chart-live")
        expect(live).to_have_attribute("aria-live", "polite")
        page.keyboard.press("ArrowRight")
        expect(live).to_have_text(PHASE[lang])   # a phase's title is a stop, not numbered among the events
        page.keyboard.press("ArrowRight")
        expect(live).to_have_text(re.compile(rf"^1/{N}: "))
        page.keyboard.press("ArrowRight")
        # the title and the date as written, in the reader's language
        expect(live).to_have_text(re.compile(rf"^2/{N}: {re.escape(second)}, .*2017$"))
        page.keyboard.press("Enter")
        heading = page.locator("#details-title")
        expect(heading).to_have_text(second)
        expect(heading).to_be_focused()
        expect(page).to_have_url(re.compile(r"[?&]event=nuclear-test-6(&|$)"))
        page.keyboard.press("Escape")
        expect(page.locator("#details-close")).to_be_hidden()
        expect(page).not_to_have_url(re.compile(r"event="))
        assert page.evaluate(ON_CHART)
        # the reader's place is kept: the next key goes on from the event just closed
        page.keyboard.press("ArrowRight")
        expect(live).to_have_text(re.compile(rf"^3/{N}: "))


def test_chart_keys_survive_a_filter(browser, app_server):
    with reader_page(browser, 1280, 860) as page:
        page.goto(app_server.url + "/")
        page.wait_for_function(DRAWN, timeout=90000)
        _tab_to_chart(page)
        page.keyboard.press("End")
        expect(page.locator("#chart-live")).to_have_text(re.compile(rf"^{N}/{N}: "))
        # filter to one actor: the chart is redrawn with fewer events, and the keys walk those
        page.locator("#actor-filter").focus()
        page.keyboard.press("Enter")
        page.get_by_role("option", name="Kim Jong-un", exact=True).click()
        page.keyboard.press("Escape")
        page.wait_for_function(f"() => ({SHOWN_IDS})() === {N_KIM}")
        expect(page).to_have_url(re.compile(r"actors=kim"))
        page.locator("#graph .js-plotly-plot").focus()
        page.keyboard.press("Home")   # the phase (Kim's too), then his first event
        expect(page.locator("#chart-live")).to_have_text(PHASE["en"])
        page.keyboard.press("ArrowRight")
        expect(page.locator("#chart-live")).to_have_text(re.compile(rf"^1/{N_KIM}: "))
        page.keyboard.press("End")
        expect(page.locator("#chart-live")).to_have_text(re.compile(rf"^{N_KIM}/{N_KIM}: "))
        page.keyboard.press("Enter")
        expect(page.locator("#details-title")).to_be_focused()
        expect(page).to_have_url(re.compile(r"[?&]event="))
        # the chart's text summary (its description for screen readers) follows the filter
        expect(page.locator("#chart-summary")).to_have_text(
            re.compile(rf"^A timeline of {N_KIM} events from .*one lane per actor: Kim Jong-un\.$"))


def _order() -> list[str]:
    """The events of the default view in time order, as the keys walk them."""
    import timeline
    from timeline import filters
    from timeline.view import View

    rows = filters.visible_events(timeline.load(), View(), in_range=True)
    rows = rows[rows["kind"] != "phase"].sort_values("start_at", kind="stable")
    return list(rows["id"])


def test_keys_go_on_from_the_open_event_and_closing_returns_the_focus(browser, app_server):
    order = _order()
    with reader_page(browser, 1280, 860) as page:
        # a deep link: the keys start from the event it opens
        page.goto(app_server.url + "/?event=hanoi-summit")
        page.wait_for_function(DRAWN, timeout=90000)
        expect(page.locator("#details-title")).to_have_attribute("data-event", "hanoi-summit")
        _tab_to_chart(page)
        page.keyboard.press("ArrowRight")
        i = order.index("hanoi-summit") + 1
        expect(page.locator("#chart-live")).to_have_text(re.compile(rf"^{i + 1}/{N}: "))
        # opened from the list, closed with the × button: the focus goes back to its list item
        item = page.locator('#event-list [data-event="singapore-summit"]')
        item.click()
        expect(page.locator("#details-title")).to_have_attribute("data-event", "singapore-summit")
        page.locator("#details-close").click()
        expect(page.locator("#details-close")).to_be_hidden()
        expect(page.locator('#event-list [data-event="singapore-summit"]')).to_be_focused()
        # opened from the chart, closed with the × button: back on the chart
        _tab_to_chart(page)
        page.keyboard.press("Home")
        page.keyboard.press("Enter")
        expect(page.locator("#details-title")).to_be_focused()
        page.locator("#details-close").click()
        expect(page.locator("#details-close")).to_be_hidden()
        assert page.evaluate(ON_CHART)


X_RANGE = """() => { const xa = document.querySelector('#graph .js-plotly-plot')._fullLayout.xaxis;
  return xa.range.map(v => xa.r2l(v)); }"""


def test_an_event_outside_the_range_is_panned_into_sight(browser, app_server):
    import timeline

    last = timeline.load().event(_order()[-1])
    with reader_page(browser, 1280, 860) as page:
        page.goto(app_server.url + "/?from=2018-05-01&to=2018-07-01")
        page.wait_for_function(DRAWN, timeout=90000)
        # the deep link's range drawn (the first figure is the default view's, then the link's)
        page.wait_for_function(f"() => {{ const r = ({X_RANGE})();"
                               " return r[0] >= Date.parse('2018-04-01') && r[1] <= Date.parse('2018-08-01'); }")
        before = page.evaluate(X_RANGE)
        _tab_to_chart(page)
        page.keyboard.press("End")   # the last event, in 2021: far right of the range shown
        expect(page.locator("#chart-live")).to_have_text(re.compile(rf"^{N}/{N}: "))
        page.wait_for_function(f"() => {{ const r = ({X_RANGE})(); const x = Date.parse('{last['start']}');"
                               " return r[0] <= x && x <= r[1]; }")
        after = page.evaluate(X_RANGE)
        assert abs((after[1] - after[0]) - (before[1] - before[0])) < 0.05 * (before[1] - before[0])   # a pan, not a zoom
        expect(page).to_have_url(re.compile(r"from=202"))   # the address follows, as after a drag
        expect(page.locator(".hoverlayer .hovertext")).to_have_count(1)   # the event's label shows
