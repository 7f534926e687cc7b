"""/embed in a real Chromium, framed by a page on another origin: it draws, it shows quotes, it
keeps hostile text as text."""
from __future__ import annotations

import re

import pytest

from timeline import filters
from timeline.view import View
from tests.helpers import (CLOSE, HOSTILE_QUOTE, IDS_JS, IMG, SCRIPT, child_frame, click_point, drawn,
                             framed, servers)

pytestmark = pytest.mark.browser


@pytest.fixture
def running(serve, dataset, tmp_path_factory):
    return servers(serve, dataset, tmp_path_factory.mktemp("embed"))


def test_embed_from_another_origin_draws_kim_and_shows_a_quote(page, running, dataset):
    app_server, third = running
    page.goto(framed(third, f"{app_server.url}/embed?actors=kim"))
    frame = child_frame(page)
    drawn(frame)
    kim = filters.visible_events(dataset, View(actors=("kim",)))
    expected = sorted(kim[kim["kind"] != "phase"]["id"])
    assert all("kim" in actors for actors in kim["actors"])
    assert frame.evaluate(IDS_JS) == expected

    # the chart fills its frame (responsive, 100% height)
    size = frame.evaluate("() => { const r = document.querySelector('.js-plotly-plot').getBoundingClientRect();"
                          " return [r.width, r.height, innerWidth, innerHeight]; }")
    assert size[0] >= size[2] - 2 and size[1] >= size[3] * 0.9

    with_quotes = set(dataset.quotes["event"]) & set(expected)
    clicked = click_point(page, frame, with_quotes)
    panel = frame.locator("#tl-panel")
    panel.locator("blockquote").first.wait_for(timeout=10000)
    quote = dataset.quotes_for(clicked).iloc[0]
    assert quote["text"] in panel.inner_text()
    assert frame.locator("#tl-panel .tl-title").inner_text() == dataset.event(clicked)["title"]
    # sources are links that open elsewhere
    link = frame.locator("#tl-panel .tl-sources a").first
    assert link.get_attribute("href").startswith("http") and link.get_attribute("rel") == "noopener noreferrer"
    # Escape closes the panel
    frame.locator("#tl-panel .tl-close").click()
    assert frame.locator("#tl-panel").is_hidden()


def test_embed_selected_event_and_language(page, running, dataset):
    app_server, _ = running
    page.goto(f"{app_server.url}/embed?actors=trump&event=air-force-one-offer&lang=nl")
    drawn(page)
    page.locator("#tl-panel blockquote").first.wait_for(timeout=10000)
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("#tl-panel .tl-sources-head").inner_text() == "Bronnen"
    row = dataset.event("air-force-one-offer")
    title = row["title_nl"] if isinstance(row["title_nl"], str) and row["title_nl"] else row["title"]
    assert page.locator("#tl-panel .tl-title").inner_text() == title


def test_hostile_text_is_shown_as_text_and_nothing_runs(page, running):
    app_server, third = running
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(framed(third, f"{app_server.url}/hostile/embed?event=rocket-man-tweet"))
    frame = child_frame(page)
    drawn(frame)
    panel = frame.locator("#tl-panel")
    panel.locator("blockquote").first.wait_for(timeout=10000)
    assert frame.locator("#tl-panel .tl-title").inner_text() == f"Rocket Man {IMG}"
    assert frame.locator("#tl-panel blockquote").first.inner_text() == HOSTILE_QUOTE
    text = panel.inner_text()
    assert f"Summary {SCRIPT}" in text and f"Note {CLOSE}" in text and f"Page {IMG}" in text
    assert frame.locator("#tl-panel img, #tl-panel script, #tl-panel b").count() == 0
    assert frame.locator("img").count() == 0
    # click another event: fetched from /hostile/api/event/
    clicked = click_point(page, frame, {"hanoi-summit"})
    assert clicked == "hanoi-summit"
    frame.locator("#tl-panel .tl-title", has_text="Hanoi").wait_for(timeout=10000)
    assert frame.locator("#tl-panel .tl-title").inner_text() == f"Hanoi {SCRIPT}"
    frame.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")   # painted
    assert dialogs == []


def test_embed_button_gives_the_snippet_for_the_current_view(page, running, dataset):
    import html as _html
    import re

    app_server, _ = running
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_server.url)
    page.goto(f"{app_server.url}/?actors=kim&lang=nl&event=singapore-summit")
    page.locator("#embed-open").click()
    code = page.locator("#embed-code")
    page.wait_for_function("() => document.getElementById('embed-code').value.includes('/embed')")
    snippet = code.input_value()
    src = _html.unescape(re.search(r'src="([^"]+)"', snippet).group(1))
    assert src == f"{app_server.url}/embed?actors=kim&event=singapore-summit&lang=nl"
    assert snippet.startswith("<iframe ") and snippet.endswith("</iframe>")
    assert page.locator("#embed-open").inner_text() == "Insluiten"
    # live preview: the snippet's src, drawn
    preview = page.frame_locator("#embed-preview")
    preview.locator(".js-plotly-plot").wait_for(timeout=30000)
    assert page.locator("#embed-preview").get_attribute("src") == src
    # copy to the clipboard
    page.locator("#embed-copy").click()
    page.wait_for_function("async (s) => (await navigator.clipboard.readText()) === s", arg=snippet)
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == snippet
    page.locator("#embed-close").click()
    from playwright.sync_api import expect

    expect(page.locator("#embed-modal")).to_be_hidden()   # a server round trip: wait for it


@pytest.mark.browser
def test_closed_dialog_costs_no_request_on_a_view_change_but_follows_the_language(page, running):
    from playwright.sync_api import expect

    from tests.helpers import open_app

    app_server, _ = running
    calls = []
    page.on("request", lambda r: calls.append(r.post_data or "") if "/_dash-update-component" in r.url else None)
    open_app(page, app_server)
    calls.clear()
    page.locator("#event-list [role=option]").first.click()   # select an event: a new view
    expect(page).to_have_url(re.compile(r"event="))
    # the details are drawn from the same store change that would have asked the dialog
    expect(page.locator("#details-close")).to_be_visible()
    assert calls and not [c for c in calls if "embed-modal" in c], "the closed dialog was not asked"
    page.get_by_label("Nederlands").check()                    # a new language: the labels follow
    expect(page.locator("#embed-open")).to_have_text("Insluiten")
    page.locator("#embed-open").click()                        # opened: the snippet is of this view
    page.wait_for_function("() => document.getElementById('embed-code').value.includes('lang=nl')")
    assert "event=" in page.locator("#embed-code").input_value()


def test_a_wide_frame_without_plotly_still_reads_as_cards(page, running, dataset):
    """In a wide frame the cards wait hidden for the chart (the first frame does not lay them out);
    when plotly.js cannot load, they are shown instead."""
    app_server, _ = running
    page.route("**/_timeline/plotly*", lambda route: route.abort())
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{app_server.url}/embed")
    page.locator(".tl-root.tl-no-chart").wait_for()
    first = page.locator(".tl-card").first
    first.wait_for(state="visible")
    assert page.locator(".js-plotly-plot").count() == 0
