"""The static site (`timeline export site`), served by a plain static file server, in Chromium,
with every request to another origin aborted: the chart draws, the actor filter and the search
work, a deep link opens an event, its details show quotes and sources, and nothing leaves."""
from __future__ import annotations

import functools
import http.server
import threading

import pytest

pytestmark = pytest.mark.browser


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site(dataset, tmp_path_factory):
    """The bundled dataset's site, at http://127.0.0.1:PORT/ (python's http.server, in a thread)."""
    from timeline.page import site as site_page

    out = site_page.write(dataset, None, tmp_path_factory.mktemp("site") / "public")
    handler = functools.partial(_Quiet, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", out
    server.shutdown()
    server.server_close()


@pytest.fixture
def visit(page, site):
    """Open a page of the site; every request to another origin is aborted and recorded, and so
    is every console error (a CSP violation is one)."""
    origin, _ = site
    left, errors = [], []

    def route(r):
        if r.request.url.startswith(origin + "/"):
            r.continue_()
        else:
            left.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def _visit(path: str):
        page.goto(origin + path)
        page.wait_for_selector("#tl-chart .scatterlayer .point", state="attached", timeout=60000)
        if path.startswith("/?") or path == "/":
            page.wait_for_selector("html.tl-ready")   # site.js has read the address and applied it
        return page

    yield _visit
    assert left == [], f"requests left the origin: {left}"
    assert errors == []


def _visible_ids(page):
    return page.eval_on_selector_all("#event-list li[data-event-id]:not([hidden])",
                                     "els => els.map(e => e.dataset.eventId)")


def test_the_chart_draws_and_the_list_lists_every_event(visit, dataset):
    page = visit("/")
    assert page.locator("#tl-chart .scatterlayer .point").count() > 10
    events = dataset.events[dataset.events["kind"] != "phase"]
    assert len(_visible_ids(page)) == len(events)
    assert page.title() == dataset.title_in("en")


def test_the_actor_filter_keeps_that_actors_lane_and_events(visit, dataset):
    page = visit("/")
    for box in page.locator("#actor-filter input[type=checkbox]").all():
        if box.get_attribute("value") != "kim":
            box.uncheck()
    page.wait_for_function("() => location.search === '?actors=kim'")
    lanes = page.evaluate("() => document.querySelector('#tl-chart').layout.yaxis.categoryarray")
    assert lanes == ["Kim Jong-un"]
    with_kim = {e for e, a in zip(dataset.events["id"], dataset.events["actors"]) if "kim" in a}
    shown = set(_visible_ids(page))
    assert shown and shown <= with_kim
    assert page.locator("#list-count").inner_text().startswith(f"{len(shown)} of ")


def test_search_narrows_the_list_and_dims_the_chart(visit):
    page = visit("/")
    total = len(_visible_ids(page))
    page.fill("#search", "treinrit")
    page.wait_for_function("() => location.search === '?q=treinrit'")
    shown = _visible_ids(page)
    assert shown == ["air-force-one-offer"] and total > 1
    selected = page.evaluate("""() => document.querySelector('#tl-chart').data
        .filter(t => Array.isArray(t.selectedpoints)).length""")
    assert selected > 0


def test_a_deep_link_opens_the_event_with_its_quotes_and_sources(visit):
    page = visit("/?event=bolton-ride&actors=bolton,kim")
    panel = page.locator("#tl-panel")
    panel.wait_for(state="visible")
    assert panel.locator("blockquote").count() >= 1
    assert "Hij dacht dat Kim zijn nieuwe beste vriend was" in panel.inner_text()
    links = panel.locator(".tl-sources a")
    assert links.count() >= 1 and links.first.get_attribute("href").startswith("https://")
    assert page.locator('#event-list li[data-event-id="bolton-ride"]').get_attribute("class") == "is-selected"
    assert page.locator("#actor-filter input[value=trump]").is_checked() is False


def test_a_click_in_the_list_opens_the_event_and_puts_it_in_the_address(visit):
    page = visit("/")
    page.locator('#event-list li[data-event-id="hanoi-walkout"] a').click()
    page.wait_for_function("() => location.search === '?event=hanoi-walkout'")
    page.locator("#tl-panel blockquote").first.wait_for()
    page.locator("#tl-panel .tl-close").click()
    page.wait_for_function("() => location.search === ''")


def test_embed_html_draws_alone_and_the_snippet_points_at_it(visit, site):
    page = visit("/embed.html?event=hanoi-walkout")
    page.locator("#tl-chart .scatterlayer .point").first.wait_for(state="attached")
    _, out = site
    snippet = (out / "embed-snippet.html").read_text(encoding="utf-8")
    assert snippet.startswith('<iframe src="embed.html" ')


def test_a_phone_reads_the_events_as_cards_without_loading_the_chart(page, site):
    origin, _ = site
    page.set_viewport_size({"width": 390, "height": 844})
    scripts = []
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(origin + "/") else r.abort())
    page.goto(origin + "/")
    page.wait_for_selector("html.tl-ready")
    cards = page.locator(".tl-card[data-event-id]")
    assert cards.count() > 10 and cards.first.is_visible()
    assert not page.locator("#event-list").is_visible()   # the cards are the phone's list
    assert not any("plotly" in s for s in scripts)
