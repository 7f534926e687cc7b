"""The app and /embed as a reader meets them, at phone, tablet and desktop sizes (issue #11).

One page per viewport: each is checked for sideways scroll, squeezed text and axe-core's serious
and critical violations (tests/helpers.py), and then for what that size promises.
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.helpers import axe_violations, layout_problems, reader_page

pytestmark = pytest.mark.browser


def _events_in_default_view() -> int:
    import timeline
    from timeline import filters
    from timeline.view import View

    rows = filters.visible_events(timeline.load(), View(), in_range=True)
    return int((rows["kind"] != "phase").sum())


N_EVENTS = _events_in_default_view()

APP_DRAWN = """() => { const gd = document.querySelector('#graph .js-plotly-plot');
  return !!(gd && gd._fullLayout && gd._fullLayout.xaxis) && !document.querySelector('.dash-radioitems[role]'); }"""
CARDS_READY = "() => !!document.querySelector('.tl-cards[data-enhanced]')"
APP_CARDS = """() => !!document.querySelector('#cards-panel .tl-card')
  && !document.querySelector('.dash-radioitems[role]')"""
EMBED_DRAWN = """() => { const gd = document.querySelector('#tl-chart');
  return !!(gd && gd._fullLayout && gd._fullLayout.xaxis); }"""


@pytest.mark.parametrize("width,height,query", [
    (390, 844, ""), (768, 1024, "?lang=nl"), (1400, 900, "?event=hanoi-summit"),
])
def test_app_reads_at_every_size(browser, app_server, width, height, query):
    with reader_page(browser, width, height) as page:
        page.goto(app_server.url + "/" + query)
        # below 640 px the cards take the chart's place (the chart is not drawn there)
        # (the first phone page of a session waits for the server's first cards: a long timeout)
        page.wait_for_function(APP_DRAWN if width >= 640 else APP_CARDS, timeout=90000)
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
        # a phone-sized frame reads the cards; a wider one draws the chart
        page.wait_for_function(EMBED_DRAWN if width >= 640 else CARDS_READY)
        if width >= 640:
            # no legend entry repeats a lane (the lanes are named on the axis)
            assert page.evaluate("() => document.querySelectorAll('#tl-chart .legend .traces').length") == 0
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


# --- the vertical timeline (cards) -----------------------------------------------------------------

def _first_card_readable(page):
    card = page.locator(".tl-card").first
    expect(card).to_be_visible()
    box = card.bounding_box()
    assert box["width"] >= 300   # the card takes the phone's width, not a squeezed column
    expect(card.locator("time")).to_have_attribute("datetime", "2017-08-08")
    expect(card.locator(".tl-chip-mark").first).to_have_text("DT")


def test_phone_embed_reads_as_cards_and_never_loads_plotly(browser, app_server):
    with reader_page(browser, 390, 600) as page:
        loaded = []
        page.on("request", lambda r: loaded.append(r.url))
        page.goto(app_server.url + "/embed?event=hanoi-summit")
        page.wait_for_function("() => !!document.querySelector('.tl-cards[data-enhanced]')")
        _first_card_readable(page)
        selected = page.locator('.tl-card[data-event-id="hanoi-summit"]')
        expect(selected.locator("details.tl-card-more")).to_have_attribute("open", "")
        assert not any("plotly" in u for u in loaded)
        assert page.locator("#tl-chart").is_hidden()
        # tapping a card opens its quotes and sources in place
        card = page.locator('.tl-card[data-event-id="air-force-one-offer"]')
        card.locator(".tl-card-title").click()
        expect(card.locator(".tl-card-body .tl-sources li").first).to_be_visible()
        # the actor filter (added by JavaScript) narrows the cards and says how many are shown
        page.locator('.tl-card-filter button[data-actor="pottinger"]').click()
        expect(page.locator(".tl-count")).to_have_text(re.compile(r"^\d+ events? shown$"))
        visible = page.locator(".tl-card-list > li:not([hidden]) .tl-card")
        assert visible.count() >= 1
        assert all("pottinger" in (a or "") for a in visible.evaluate_all("els => els.map(e => e.dataset.actors)"))
        assert layout_problems(page) == []
        assert axe_violations(page) == []
        assert not any("plotly" in u for u in loaded)


def test_phone_embed_without_javascript(browser, app_server):
    with reader_page(browser, 390, 600, javascript=False) as page:
        page.goto(app_server.url + "/embed?lang=nl")
        _first_card_readable(page)
        assert page.locator(".tl-card").count() == N_EVENTS
        first = page.locator(".tl-card").first
        first.locator("summary").click()   # <details> opens without any script
        expect(first.locator(".tl-sources li").first).to_be_visible()
        expect(page.locator("h2.tl-phase-title")).to_have_text("De 'Rocket Man'-fase: dreigementen en scheldwoorden")
        assert layout_problems(page) == []


def test_small_frame_details_are_a_drawer_and_the_chart_keeps_its_height(browser, app_server):
    with reader_page(browser, 700, 450) as page:
        page.goto(app_server.url + "/embed?event=singapore-summit")
        page.wait_for_function(EMBED_DRAWN)
        expect(page.locator("#tl-panel .tl-title")).to_be_visible()
        plot_h = page.evaluate("() => document.getElementById('tl-chart')._fullLayout._size.h")
        assert plot_h >= 180
        # the panel lies over the chart, not below it
        chart, panel = page.locator("#tl-chart").bounding_box(), page.locator("#tl-panel").bounding_box()
        assert chart["height"] >= 440 and panel["x"] > 250
        assert axe_violations(page) == []
        page.keyboard.press("Escape")
        expect(page.locator("#tl-panel")).to_be_hidden()
        assert page.evaluate("() => document.activeElement.id") == "tl-chart"


def test_chart_is_one_tab_stop_with_arrow_keys(browser, app_server):
    with reader_page(browser, 1000, 600) as page:
        page.goto(app_server.url + "/embed")
        page.wait_for_function(EMBED_DRAWN)
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.id") == "tl-chart"
        # the same widget as the app's chart: a screen reader in browse mode hands it the arrow keys
        expect(page.get_by_role("application", name="Timeline chart")).to_be_focused()
        assert f"A timeline of {N_EVENTS} events" in page.locator("#tl-summary").text_content()
        page.keyboard.press("ArrowRight")
        # a phase's title is a stop (in date order: it starts on the first event's day), its name
        # read with its hint, not numbered among the events
        expect(page.locator("#tl-live")).to_have_text(
            'The "Rocket Man" phase: threats and insults, A phase: click to read about it')
        page.keyboard.press("ArrowRight")
        # every event is a stop, spans included, and the reader hears its title and date, not its id
        expect(page.locator("#tl-live")).to_have_text(re.compile(rf"^1/{N_EVENTS}: Trump threatens .*, 8 Aug 2017$"))
        page.keyboard.press("ArrowRight")
        expect(page.locator("#tl-live")).to_have_text(re.compile(rf"^2/{N_EVENTS}: North Korea's sixth nuclear test"))
        # a redraw between two keys (the frame resized, as a host page or a phone rotating does)
        # must not lose the reader's place
        page.evaluate("() => Plotly.Plots.resize(document.getElementById('tl-chart'))")
        page.keyboard.press("ArrowRight")
        expect(page.locator("#tl-live")).to_have_text(re.compile(rf"^3/{N_EVENTS}: Trump's first"))
        page.evaluate("() => Plotly.Plots.resize(document.getElementById('tl-chart'))")
        page.keyboard.press("Enter")
        expect(page.locator("#tl-panel .tl-title")).to_be_focused()
        page.keyboard.press("Escape")
        expect(page.locator("#tl-panel")).to_be_hidden()
        assert page.evaluate("() => document.activeElement.id") == "tl-chart"
        # no legend repeats the lanes
        assert page.locator("#tl-chart .legend").count() == 0


def test_enter_on_a_phases_title_opens_the_phase(browser, app_server):
    with reader_page(browser, 1000, 600) as page:
        page.goto(app_server.url + "/embed")
        page.wait_for_function(EMBED_DRAWN)
        page.locator("#tl-chart").focus()
        page.keyboard.press("Home")
        expect(page.locator("#tl-live")).to_have_text(re.compile(r'^The "Rocket Man" phase'))
        page.keyboard.press("Enter")
        title = page.locator("#tl-panel .tl-title")
        expect(title).to_have_text(re.compile(r'"Rocket Man" phase'))
        expect(title).to_be_focused()


HOST_PAGE = """<!doctype html><html lang="en"><title>host</title><body>
  <div id="tab" style="display:none"><iframe id="f" title="Timeline" src="{src}"
    style="width:900px;height:500px;border:0"></iframe></div>
  <script>window.heights = [];
    addEventListener("message", e => {{ if (e.data && e.data.type === "timeline:height") heights.push(e.data.height); }});
  </script></body></html>"""


def test_embed_in_a_hidden_tab_draws_when_shown_and_reports_its_height(browser, app_server, serve):
    body = HOST_PAGE.format(src=app_server.url + "/embed").encode()

    def host(environ, start_response):   # another origin's article, the embed in a hidden tab
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
        return [body]

    other = serve(host)
    with reader_page(browser, 1000, 700) as page:
        page.goto(other.url.replace("127.0.0.1", "localhost") + "/")
        frame = page.frame_locator("#f")
        expect(frame.locator(".tl-card").first).to_be_attached()
        page.evaluate("() => { document.getElementById('tab').style.display = 'block'; }")
        inner = next(f for f in page.frames if "/embed" in f.url)
        inner.wait_for_function(EMBED_DRAWN)
        assert inner.evaluate("() => document.getElementById('tl-chart')._fullLayout.width") >= 880
        page.wait_for_function("() => window.heights.length > 0")
        assert page.evaluate("() => window.heights[window.heights.length - 1]") >= 300


def test_phone_app_reads_as_cards_that_follow_the_view(browser, app_server):
    with reader_page(browser, 390, 844) as page:
        page.goto(app_server.url + "/?actors=pottinger&event=air-force-one-offer")
        card = page.locator('#cards-panel .tl-card[data-event-id="air-force-one-offer"]')
        expect(card).to_be_visible()
        expect(card.locator("details.tl-card-more")).to_have_attribute("open", "")
        actors = page.locator("#cards-panel .tl-card").evaluate_all("els => els.map(e => e.dataset.actors)")
        assert actors and all("pottinger" in a.split() for a in actors)
        assert page.locator("#graph").is_hidden() and page.locator("#event-list").is_hidden()
        # a tap opens another card in place
        other = page.locator("#cards-panel .tl-card").first
        if other.get_attribute("data-event-id") != "air-force-one-offer":
            other.locator(".tl-card-title").click()
            expect(other.locator("details.tl-card-more")).to_have_attribute("open", "")
        # the search narrows the cards as it narrows the list
        page.fill("#search", "two hours")
        expect(page.locator("#cards-panel .tl-count")).to_have_text(re.compile(r"^1 event"))
        assert layout_problems(page) == []
        assert axe_violations(page) == []
