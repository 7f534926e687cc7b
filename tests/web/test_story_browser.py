"""Story mode in a real Chromium: stepping by key, button, swipe and history; deep links; a
defined story's order and text; the page without JavaScript; autoplay; axe-core."""
from __future__ import annotations

import re
import pytest
from playwright.sync_api import expect

from tests.helpers import write_story
from tests.helpers import axe_violations, layout_problems, reader_page

pytestmark = pytest.mark.browser

# The date-ordered story of the dataset without stories.csv, and the defined one.
DATE_ORDER = ["Rocket Man phase", "Rocket Man tweet", "Letter from Kim", "Hanoi summit", "Meeting at the DMZ"]
DEFINED = ["Hanoi summit", "Rocket Man tweet", "Letter from Kim", "Meeting at the DMZ"]


@pytest.fixture(scope="session")
def story_server(serve, tmp_path_factory):
    """/told: a dataset with stories.csv; /plain: the same events without it (Flask + embed routes)."""
    import flask
    from werkzeug.middleware.dispatcher import DispatcherMiddleware

    import timeline
    from timeline.web import embed

    root = tmp_path_factory.mktemp("story")
    apps = {}
    for name, with_story in (("told", True), ("plain", False)):
        app = flask.Flask(name)
        embed.register(app, timeline.load(write_story(root / name, with_story)))
        apps["/" + name] = app
    return serve(DispatcherMiddleware(flask.Flask("root"), apps))


def card(page):
    return page.locator("#tl-card h2")


def at_step(page, n, total, title):
    expect(page.locator("#tl-progress")).to_contain_text(f"{n} / {total}")
    expect(card(page)).to_have_text(title)
    assert re.search(rf"[?&]step={n}(&|$)", page.url), page.url


def test_step_forward_and_back_by_key_button_and_history(page, story_server):
    page.goto(f"{story_server.url}/plain/embed?mode=story")
    at_step(page, 1, 5, DATE_ORDER[0])
    page.keyboard.press("ArrowRight")
    at_step(page, 2, 5, DATE_ORDER[1])
    page.get_by_role("button", name="Next").click()
    at_step(page, 3, 5, DATE_ORDER[2])
    page.keyboard.press("ArrowLeft")
    at_step(page, 2, 5, DATE_ORDER[1])
    page.keyboard.press("End")
    at_step(page, 5, 5, DATE_ORDER[4])
    expect(page.get_by_role("button", name="Next")).to_have_attribute("aria-disabled", "true")
    page.get_by_role("button", name="Previous").click()
    at_step(page, 4, 5, DATE_ORDER[3])
    page.keyboard.press("Home")
    at_step(page, 1, 5, DATE_ORDER[0])
    expect(page.get_by_role("button", name="Previous")).to_have_attribute("aria-disabled", "true")
    # back and forward step through the same history
    page.go_back()
    at_step(page, 4, 5, DATE_ORDER[3])
    page.go_back()
    at_step(page, 5, 5, DATE_ORDER[4])
    page.go_forward()
    at_step(page, 4, 5, DATE_ORDER[3])
    expect(page.locator("#tl-story-live")).to_contain_text(f"Step 4 of 5: {DATE_ORDER[3]}")


def test_a_deep_link_to_step_3_opens_step_3_with_its_event_marked_on_the_chart(page, story_server):
    page.goto(f"{story_server.url}/plain/embed?mode=story&step=3")
    at_step(page, 3, 5, DATE_ORDER[2])
    page.locator("#tl-chart .main-svg").first.wait_for()
    # the step's event is marked: a ring centred on its point, with its title
    expect(page.locator("#tl-story-mark")).to_be_visible()
    expect(page.locator("#tl-story-mark")).to_have_text("Letter from Kim")
    marked = page.evaluate("""() => { const gd = document.getElementById('tl-chart');
        const card = document.getElementById('tl-card').getAttribute('data-event-id');
        const r = document.getElementById('tl-story-mark').getBoundingClientRect();
        let point = null;
        gd.querySelectorAll('.cartesianlayer .scatterlayer .trace').forEach(g => {
          const tr = g.__data__ && g.__data__[0] && g.__data__[0].trace;
          g.querySelectorAll('path.point').forEach(p => {
            const c = tr && tr.customdata && tr.customdata[p.__data__.i];
            if ((Array.isArray(c) ? c[0] : c) === card) { const b = p.getBoundingClientRect(); point = [b.x + b.width / 2, b.y + b.height / 2]; }
          });
        });
        return {mark: [r.x + r.width / 2, r.y + r.height / 2], point: point}; }""")
    assert marked["point"] is not None, marked
    assert abs(marked["mark"][0] - marked["point"][0]) < 3 and abs(marked["mark"][1] - marked["point"][1]) < 3, marked
    rng = page.evaluate("() => document.getElementById('tl-chart').layout.xaxis.range")
    assert rng[0] < "2018-05-24" < rng[1], rng


def test_a_defined_story_follows_its_order_and_shows_its_step_text(page, story_server):
    page.goto(f"{story_server.url}/told/embed?mode=story")
    expect(page.locator("h1")).to_have_text("The summits, backwards")
    at_step(page, 1, 4, DEFINED[0])
    expect(page.locator("#tl-card .tl-step-text")).to_have_text("It starts at the end: Hanoi.")
    seen = [card(page).inner_text()]
    for n in range(2, 5):
        page.get_by_role("button", name="Next").click()
        at_step(page, n, 4, DEFINED[n - 1])
        seen.append(card(page).inner_text())
    assert seen == DEFINED
    expect(page.locator("#tl-card .tl-step-text")).to_have_text("And a last handshake.")
    # the other story, in Dutch: Dutch buttons and step text
    page.goto(f"{story_server.url}/told/embed?mode=story&lang=nl&step=2")
    expect(page.locator("#tl-card .tl-step-text")).to_have_text("Twee jaar eerder: beledigingen.")
    expect(page.get_by_role("button", name="Volgende")).to_be_visible()
    expect(page.get_by_role("button", name="Vorige")).to_be_visible()
    page.goto(f"{story_server.url}/told/embed?mode=story&story=short")
    at_step(page, 1, 1, "Meeting at the DMZ")


def test_the_actor_filter_narrows_the_steps(page, story_server):
    page.goto(f"{story_server.url}/plain/embed?mode=story&actors=kim&start=latest")
    at_step(page, 4, 4, "Meeting at the DMZ")   # phase, letter, Hanoi, DMZ: the tweet is Trump's alone


def test_the_story_page_reads_without_javascript(browser, story_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{story_server.url}/told/embed?mode=story&step=2")
        expect(card(page)).to_have_text(DEFINED[1])
        expect(page.locator("#tl-progress")).to_contain_text("2 / 4")
        expect(page.locator("#tl-card .tl-step-text")).to_have_text("Two years earlier, insults.")
        expect(page.locator("#tl-card time")).to_have_attribute("datetime", "2017-09-17")
        expect(page.locator("#tl-chart")).to_be_hidden()
        page.get_by_role("link", name="Next").click()
        expect(card(page)).to_have_text(DEFINED[2])
        expect(page.locator("#tl-progress")).to_contain_text("3 / 4")
        page.get_by_role("link", name="Previous").click()
        expect(card(page)).to_have_text(DEFINED[1])
    finally:
        context.close()


def test_autoplay_moves_on_and_pauses(page, story_server):
    page.goto(f"{story_server.url}/plain/embed?mode=story&autoplay=2")
    pause = page.get_by_role("button", name="Pause")
    expect(pause).to_be_visible()
    expect(page.locator("#tl-progress")).to_contain_text("2 / 5", timeout=10000)
    pause.click()
    expect(page.get_by_role("button", name="Play")).to_have_attribute("aria-pressed", "false")


def test_autoplay_is_off_under_reduced_motion(browser, story_server):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    try:
        page.goto(f"{story_server.url}/plain/embed?mode=story&autoplay=2")
        expect(page.get_by_role("button", name="Play")).to_have_attribute("aria-pressed", "false")
        expect(page.locator("#tl-progress")).to_contain_text("1 / 5")
    finally:
        context.close()


def test_swipe_steps_on_a_phone(browser, story_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(f"{story_server.url}/plain/embed?mode=story&step=2")
        at_step(page, 2, 5, DATE_ORDER[1])
        box = page.locator("#tl-card").bounding_box()
        assert box["width"] > 340, "one card across the phone's width"
        chart = page.locator("#tl-chart")
        chart.locator(".main-svg").first.wait_for()
        assert chart.bounding_box()["y"] >= box["y"] + box["height"] - 1, "the chart is below the card"
        swipe(page, box, -200)
        at_step(page, 3, 5, DATE_ORDER[2])
        swipe(page, box, 200)
        at_step(page, 2, 5, DATE_ORDER[1])
    finally:
        context.close()


def swipe(page, box, dx):
    """A one-finger horizontal swipe across the card (touch events, as a phone sends them)."""
    x, y = box["x"] + box["width"] / 2, box["y"] + 60
    page.evaluate("""([x, y, dx]) => {
        const target = document.elementFromPoint(x, y);
        const t = (cx) => new Touch({identifier: 1, target, clientX: cx, clientY: y});
        target.dispatchEvent(new TouchEvent('touchstart', {bubbles: true, touches: [t(x)], changedTouches: [t(x)]}));
        target.dispatchEvent(new TouchEvent('touchend', {bubbles: true, touches: [], changedTouches: [t(x + dx)]}));
    }""", [x, y, dx])


@pytest.mark.parametrize("width", [1400, 390, 320])
def test_axe_finds_no_serious_or_critical_violation_on_the_story_page(browser, story_server, width):
    with reader_page(browser, width, 900) as page:
        page.goto(f"{story_server.url}/told/embed?mode=story&step=2&autoplay=30")
        page.locator("#tl-chart .main-svg").first.wait_for()
        assert axe_violations(page) == []
        assert layout_problems(page) == []


def test_the_offline_file_steps_without_any_request(page, tmp_path):
    import timeline
    from timeline.page import export
    from timeline.view import from_query

    ds = timeline.load(write_story(tmp_path / "ds"))
    out = tmp_path / "story.html"
    out.write_text(export.build(ds, from_query("mode=story&step=2")), encoding="utf-8")
    requests = []
    page.on("request", lambda r: requests.append(r.url) if not r.url.startswith("file:") else None)
    page.goto(out.as_uri())
    expect(card(page)).to_have_text(DEFINED[1])
    page.locator("#tl-chart .main-svg").first.wait_for()
    page.get_by_role("button", name="Next").click()
    expect(card(page)).to_have_text(DEFINED[2])
    expect(page.locator("#tl-card .tl-step-text")).to_have_text("Then letters.")
    page.keyboard.press("End")
    expect(page.locator("#tl-progress")).to_contain_text("4 / 4")
    page.keyboard.press("ArrowLeft")
    expect(card(page)).to_have_text(DEFINED[2])
    assert requests == []


def test_the_app_offers_story_mode_and_serves_it_on_its_own_address(page, app_server):
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{app_server.url}/?actors=kim&lang=nl")
    link = page.locator("#story-link")
    expect(link).to_have_text("Verhaalmodus")
    expect(link).to_have_attribute("href", re.compile(r"^\?(?=.*actors=kim)(?=.*lang=nl)(?=.*mode=story)"))
    link.click()
    expect(page.locator("#tl-progress")).to_contain_text(re.compile(r"^1 / \d+"))
    assert "/?" in page.url and "mode=story" in page.url
    first = card(page).inner_text()
    page.get_by_role("button", name="Volgende").click()
    expect(page.locator("#tl-progress")).to_contain_text(re.compile(r"^2 / \d+"))
    expect(card(page)).not_to_have_text(first)
    # every step of the story has Kim in it
    expect(page.locator("#tl-card .tl-chip", has_text="Kim Jong-un")).to_have_count(1)
    page.go_back()
    expect(card(page)).to_have_text(first)
    page.locator("#tl-chart .main-svg").first.wait_for()
    page.get_by_role("link", name="Verken de hele tijdlijn").click()
    expect(page.locator("#app-title")).to_be_visible()
    assert refused == [], "the story page runs under the app's Content-Security-Policy"


def test_the_embed_dialog_offers_a_story_embed(page, app_server):
    import html as _html

    page.goto(f"{app_server.url}/?actors=trump&event=hanoi-summit")
    page.locator("#embed-open").click()
    page.wait_for_function("() => document.getElementById('embed-story-code').value.includes('/embed')")
    snippet = page.locator("#embed-story-code").input_value()
    src = _html.unescape(re.search(r'src="([^"]+)"', snippet).group(1))
    assert src == f"{app_server.url}/embed?actors=trump&mode=story"
    assert 'height="640"' in snippet
    page.goto(src)
    expect(page.locator("#tl-progress")).to_contain_text("1 / ")


def test_a_static_site_of_step_files_steps_and_keeps_history(page, serve, tmp_path):
    """The page builder as a static site (#13) uses it: one file per step, cards as files."""
    import shutil

    from werkzeug.middleware.shared_data import SharedDataMiddleware

    import timeline
    from timeline.page import assets as page_assets
    from timeline.page import story as story_page
    from timeline.view import View

    ds = timeline.load(write_story(tmp_path / "ds"))
    site = tmp_path / "site"
    (site / "cards").mkdir(parents=True)
    shutil.copy(page_assets.plotly_js_path("plotly"), site / "plotly.js")
    for name in ("story.js", "story.css"):
        shutil.copy(page_assets.STATIC / name, site / name)
    view = View(story_mode=True)
    for n in range(1, 5):
        (site / f"{n}.html").write_text(story_page.document(
            ds, view.with_(step=n), offline=False, step_api="cards/{n}.html", href_template="{n}.html",
            assets={"plotly": "plotly.js", "story_js": "story.js", "story_css": "story.css"}), encoding="utf-8")
        (site / "cards" / f"{n}.html").write_text(story_page.card(ds, view.with_(step=n)), encoding="utf-8")

    def not_found(environ, start_response):
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]

    server = serve(SharedDataMiddleware(not_found, {"/": str(site)}))
    page.goto(f"{server.url}/2.html")
    expect(card(page)).to_have_text(DEFINED[1])
    page.get_by_role("button", name="Next").click()
    expect(card(page)).to_have_text(DEFINED[2])
    assert page.url.endswith("/3.html")
    page.go_back()
    expect(card(page)).to_have_text(DEFINED[1])
    assert page.url.endswith("/2.html")
    page.reload()
    expect(card(page)).to_have_text(DEFINED[1])


def test_a_click_on_another_event_on_the_chart_goes_to_its_step(page, story_server):
    from tests.helpers import click_point

    page.goto(f"{story_server.url}/told/embed?mode=story&step=1")
    page.locator("#tl-chart .main-svg").first.wait_for()
    page.evaluate("() => Plotly.relayout('tl-chart', {'xaxis.autorange': true})")
    assert click_point(page, page.main_frame, {"letter"}) == "letter"
    at_step(page, 3, 4, "Letter from Kim")


def test_a_link_to_a_step_of_the_offline_file_opens_there(page, tmp_path):
    import timeline
    from timeline.page import export
    from timeline.view import from_query

    ds = timeline.load(write_story(tmp_path / "ds"))
    out = tmp_path / "story.html"
    out.write_text(export.build(ds, from_query("mode=story")), encoding="utf-8")
    page.goto(out.as_uri() + "?mode=story&step=3")
    at_step(page, 3, 4, DEFINED[2])
    page.keyboard.press("ArrowRight")
    at_step(page, 4, 4, DEFINED[3])
    page.goto(out.as_uri())
    at_step(page, 1, 4, DEFINED[0])
