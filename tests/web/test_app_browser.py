"""The Dash app in a real Chromium: chart, filter, selection, quotes, deep links, history, keyboard, Dutch.

One server (conftest `app_server`) and one browser for the session; each test opens a fresh page.
"""
from __future__ import annotations

import os
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.helpers import matching_ids
from tests.helpers import CHART_IDS, SETTLED, chart_ids, drawn_ids, list_ids, open_app
from tests.helpers import ROOT

pytestmark = pytest.mark.browser



X_RANGE = """() => document.querySelector('#graph .js-plotly-plot')._fullLayout.xaxis.range.map(String)"""

# Page coordinates of the first marker of an event, through plotly's own axis conversions.
POINT_XY = """([id, lane]) => { const gd = document.querySelector('#graph .js-plotly-plot');
  const fl = gd._fullLayout, xa = fl.xaxis, ya = fl.yaxis, box = gd.getBoundingClientRect();
  for (const t of gd._fullData) {
    if (t.mode !== 'markers' || !t.customdata) continue;
    for (let i = 0; i < t.customdata.length; i++) {
      const c = t.customdata[i];
      if (c && c[0] === id && (!lane || t.y[i] === lane)) {
        return [box.left + fl._size.l + xa.l2p(xa.d2l(t.x[i])),
                box.top + fl._size.t + ya.l2p(ya.d2l(t.y[i]))];
      }
    }
  }
  return null; }"""


def query_of(page) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def title_of(dataset, event_id, lang="en") -> str:
    row = dataset.event(event_id)
    return row["title_nl"] if lang == "nl" and isinstance(row["title_nl"], str) and row["title_nl"] else row["title"]


def events_with(dataset, actor) -> list[str]:
    ev = dataset.events
    return sorted(ev[ev["actors"].map(lambda a: actor in a)]["id"])


def wait_for_list(page, ids):
    expect(page.locator("#event-list [role=option]")).to_have_count(len(ids))
    page.wait_for_function("(ids) => { const got = Array.from(document.querySelectorAll('#event-list [role=option]'))"
                           ".map(e => e.dataset.event).sort(); return JSON.stringify(got) === JSON.stringify(ids); }",
                           arg=sorted(ids))


def test_page_draws_every_event(page, app_server, dataset):
    open_app(page, app_server)
    assert chart_ids(page) == drawn_ids(dataset)
    phases = (dataset.events["kind"] == "phase").sum()
    assert page.evaluate("() => document.querySelector('#graph .js-plotly-plot')._fullLayout.shapes"
                         ".filter(s => s.name !== 'axis-break').length") == phases   # besides the axis's cut
    assert sorted(list_ids(page)) == sorted(dataset.events["id"])
    expect(page.locator("#list-count")).to_have_text(f"{len(dataset.events)} events in view")
    expect(page.locator("#details")).to_contain_text("Select an event")
    assert page.evaluate("document.documentElement.lang") == "en"


def test_zoom_preset_updates_url_and_list(page, app_server, dataset):
    open_app(page, app_server)
    before = X_RANGE and page.evaluate(X_RANGE)
    page.locator("#graph .rangeselector .button", has_text="6 m").click()
    expect(page).to_have_url(re.compile(r"from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}"))
    assert page.evaluate(X_RANGE) != before
    q = query_of(page)
    assert q["from"] < q["to"]
    expect(page.locator("#list-count")).not_to_have_text(f"{len(dataset.events)} events in view")
    shown = list_ids(page)
    assert 0 < len(shown) < len(dataset.events)
    # A range driven through plotly itself (as a drag or the slider does) lands in the URL too.
    page.evaluate("() => Plotly.relayout(document.querySelector('#graph .js-plotly-plot'),"
                  " {'xaxis.range': ['2019-02-01', '2019-04-01']})")
    expect(page).to_have_url(re.compile(r"from=2019-02-01&to=2019-03-31"))
    wait_for_list(page, [e for e in dataset.events["id"] if e in _overlapping(dataset, "2019-02-01", "2019-04-01")])


def test_zoom_survives_a_resize_right_after_it(page, app_server):
    """The graph reports its own resizes as relayouts too ({autosize: true}); one that follows a
    zoom before the server has answered must not cancel the zoom (it did: the newer callback
    call said 'no change' and Dash dropped the older call's answer)."""
    open_app(page, app_server)
    page.evaluate("""async () => { const gd = document.querySelector('#graph .js-plotly-plot');
      await Plotly.relayout(gd, {'xaxis.range': ['2018-05-01', '2018-07-01']});
      setTimeout(() => gd.emit('plotly_relayout', {autosize: true}), 0); }""")   # as plotly does on a resize
    expect(page).to_have_url(re.compile(r"from=2018-05-01&to=2018-06-30"))
    expect(page.locator("#list-count")).to_have_text(re.compile(r"^\d+ events? in view"))
    page.set_viewport_size({"width": 1100, "height": 800})   # a real resize
    page.wait_for_function(SETTLED)   # plotly has resized to it (and reported the relayout)
    expect(page.locator("#list-count")).to_have_text(re.compile(r"^\d+ events? in view"))
    assert query_of(page)["from"] == "2018-05-01", "a resize alone changes nothing"


def test_no_callback_request_that_changes_nothing(page, app_server):
    """A plain page load asks the server nothing, one pick is one `sync` call (not a second one
    for the address it wrote), and a deep link or back/forward still reaches the server."""
    syncs = []
    page.on("request", lambda r: syncs.append(r.post_data) if "/_dash-update-component" in r.url
            and '"output":"..url.search' in (r.post_data or "") else None)
    open_app(page, app_server)   # waits for the network to be idle
    assert syncs == [], "nothing to sync on a plain load"
    page.locator("#event-list [role=option]").first.click()
    expect(page).to_have_url(re.compile(r"event="))
    # the details are drawn from the same answer whose URL would have come back to sync
    expect(page.locator("#details-close")).to_be_visible()
    assert len(syncs) == 1, "the URL that sync wrote does not come back to it"
    page.go_back()
    expect(page).not_to_have_url(re.compile(r"event="))
    expect(page.locator("#details")).to_contain_text("Select an event")
    assert len(syncs) == 2, "back reaches the server once"


def test_back_to_a_deep_link_after_a_click(page, app_server):
    """Back to the address the page was opened with: the same address reaches the server again
    (the gate's value repeats), and the view follows."""
    open_app(page, app_server, "?event=hanoi-summit")
    expect(page.locator("#details h2")).to_have_text("Hanoi summit")
    page.locator('#event-list [data-event="singapore-summit"]').click()
    expect(page).to_have_url(re.compile(r"event=singapore-summit"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"event=hanoi-summit"))
    expect(page.locator("#details h2")).to_have_text("Hanoi summit")
    page.go_forward()
    expect(page.locator("#details h2")).to_have_text("Singapore summit")


def _overlapping(dataset, lo, hi):
    from timeline import filters
    from timeline.view import View

    return set(filters.visible_events(dataset, View(start=lo, end=hi), in_range=True)["id"]) | set(
        filters.visible_events(dataset, View(start=lo, end=str(_minus_day(hi))), in_range=True)["id"])


def _minus_day(iso):
    import datetime as dt

    return dt.date.fromisoformat(iso) - dt.timedelta(days=1)


def test_filter_by_one_actor(page, app_server, dataset):
    open_app(page, app_server)
    page.click("#actor-filter")
    page.get_by_role("option", name="Jeffrey Feltman", exact=True).click()
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"actors=feltman"))
    wanted = events_with(dataset, "feltman")
    wait_for_list(page, wanted)
    page.wait_for_function(f"() => ({CHART_IDS})().join() === {drawn_ids(dataset, wanted)!r}.join()")
    assert chart_ids(page) == drawn_ids(dataset, wanted)
    expect(page.locator("#list-count")).to_have_text(f"{len(wanted)} events in view")


def test_all_of_mode_keeps_shared_events(page, app_server, dataset):
    open_app(page, app_server, "?actors=trump,pottinger")
    either = sorted(set(events_with(dataset, "trump")) | set(events_with(dataset, "pottinger")))
    wait_for_list(page, either)
    page.get_by_text("all of them").click()
    both = sorted(set(events_with(dataset, "trump")) & set(events_with(dataset, "pottinger")))
    wait_for_list(page, both)
    assert query_of(page)["mode"] == "all"


def test_list_selection_shows_quotes_sources_and_source_view(page, app_server, dataset):
    open_app(page, app_server)
    event = "air-force-one-offer"
    item = page.locator(f'#event-list [data-event="{event}"]')
    item.click()
    expect(page.locator("#details-title")).to_have_text(title_of(dataset, event))
    expect(item).to_have_attribute("aria-selected", "true")
    assert query_of(page)["event"] == event
    # each utterance once, the reader's language first: the English original, the article's
    # Dutch rendering beside it (the original and its rendering are one quote)
    from timeline.details import event_details
    from timeline.page.cards import reading_quotes

    shown = reading_quotes(event_details(dataset, event, "en")["quotes"], "en")
    expect(page.locator("#details .quote")).to_have_count(len(shown))
    first = shown[0]
    expect(page.locator("#details blockquote").first).to_have_text(first["main"]["text"])
    assert first["main"]["language"] == "en"
    expect(page.locator("#details .quote figcaption").first).to_contain_text(first["role"])
    expect(page.locator("#details .quote .other-language").first).to_contain_text("As quoted in Dutch")
    first = dataset.quotes[dataset.quotes["id"] == first["id"]].iloc[0]   # the quote in the seed
    # sources as citations with links
    sources = dataset.event(event)["sources"]
    expect(page.locator("#details ol.sources > li")).to_have_count(len(sources))
    expect(page.locator("#details ol.sources a.src-link").first).to_have_attribute("href", re.compile(r"^https?://"))
    # the quote in its seed text
    page.locator("#details .quote").first.get_by_role("button", name="Show in source").click()
    expect(page.locator("#source-modal")).to_be_visible()
    expect(page.locator("#source-mark")).to_have_text(first["text"])
    page.keyboard.press("Escape")
    expect(page.locator("#source-modal")).to_be_hidden()
    # closing the details clears the selection
    page.locator("#details-close").click()
    expect(page.locator("#details")).to_contain_text("Select an event")
    assert "event" not in query_of(page)


def test_note_is_shown_plainly(page, app_server, dataset):
    """A note is called a note ("Note", not "Disputed / note"): the dispute wording is kept for a
    disputed involvement, which has its own box."""
    from timeline.details import event_details

    plain = next(d for d in map(lambda i: event_details(dataset, i, "en"), dataset.events["id"])
                 if d["note"] and not d["disputed"] and d["kind"] != "phase")
    open_app(page, app_server, f"?event={plain['id']}")
    expect(page.locator("#details .note")).to_contain_text(plain["note"][:40])
    expect(page.locator("#details .note strong")).to_have_text(re.compile(r"^note$", re.I))
    expect(page.locator("#details .disputed-involvement")).to_have_count(0)
    open_app(page, app_server, "?event=feltman-visit&lang=nl")   # a disputed involvement and a note
    expect(page.locator("#details .disputed-involvement strong")).to_contain_text("Betrokkenheid betwist")
    expect(page.locator("#details .note strong")).to_have_text(re.compile(r"^opmerking$", re.I))


def test_click_on_chart_selects_event(page, app_server, dataset):
    open_app(page, app_server)
    event = "dmz-meeting"   # alone at its date in its lanes
    xy = page.evaluate(POINT_XY, [event, None])
    assert xy, "the event has a marker"
    page.mouse.move(*xy)
    page.mouse.click(*xy)
    expect(page.locator("#details-title")).to_have_text(title_of(dataset, event))
    expect(page).to_have_url(re.compile(rf"event={event}"))
    expect(page.locator(f'#event-list [data-event="{event}"]')).to_have_attribute("aria-selected", "true")


def test_deep_link_restores_view(page, app_server, dataset):
    open_app(page, app_server, "?actors=trump,kim&mode=all&from=2018-01-01&to=2019-12-31&event=hanoi-summit")
    expect(page.locator("#details-title")).to_have_text(title_of(dataset, "hanoi-summit"))
    expect(page.locator("#actor-filter")).to_contain_text("Donald Trump")
    expect(page.locator("#actor-filter")).to_contain_text("Kim Jong-un")
    expect(page.locator("#mode input[value=all]")).to_be_checked()
    page.wait_for_function(f"() => ({X_RANGE})()[0].startsWith('2018-01-01')")
    assert page.evaluate(X_RANGE)[1].startswith("2020-01-01")
    from timeline import filters
    from timeline.view import from_query

    view = from_query("actors=trump,kim&mode=all&from=2018-01-01&to=2019-12-31")
    wait_for_list(page, list(filters.visible_events(dataset, view, in_range=True)["id"]))


def test_back_and_forward_step_through_views(page, app_server, dataset):
    open_app(page, app_server)
    page.click("#actor-filter")
    page.get_by_role("option", name="John Bolton", exact=True).click()
    page.keyboard.press("Escape")
    wait_for_list(page, events_with(dataset, "bolton"))
    page.locator('#event-list [data-event="hanoi-summit"]').click()
    expect(page.locator("#details-title")).to_have_text(title_of(dataset, "hanoi-summit"))
    page.go_back()
    expect(page.locator("#details")).to_contain_text("Select an event")
    expect(page.locator("#actor-filter")).to_contain_text("John Bolton")
    assert query_of(page) == {"actors": "bolton"}
    page.go_back()
    wait_for_list(page, list(dataset.events["id"]))
    expect(page.locator("#actor-filter")).not_to_contain_text("John Bolton")
    page.go_forward()
    wait_for_list(page, events_with(dataset, "bolton"))
    page.go_forward()
    expect(page.locator("#details-title")).to_have_text(title_of(dataset, "hanoi-summit"))


def test_back_restores_range_after_zoom(page, app_server, dataset):
    open_app(page, app_server)
    full = page.evaluate(X_RANGE)
    page.locator("#graph .rangeselector .button", has_text="1 y").click()
    expect(page).to_have_url(re.compile(r"from="))
    page.go_back()
    page.wait_for_function(f"() => ({X_RANGE})()[0] === {full[0]!r}")
    wait_for_list(page, list(dataset.events["id"]))


def test_keyboard_only(page, app_server, dataset):
    open_app(page, app_server)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('#event-list')"):
            break
    else:
        pytest.fail("Tab never reached the event list")
    ids = list_ids(page)
    assert page.evaluate("() => document.activeElement.dataset.event") == ids[0]
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.dataset.event") == ids[2]
    page.keyboard.press("ArrowUp")
    assert page.evaluate("() => document.activeElement.dataset.event") == ids[1]
    page.keyboard.press("Enter")
    expect(page.locator("#details-title")).to_have_text(title_of(dataset, ids[1]))
    expect(page.locator(f'#event-list [data-event="{ids[1]}"]')).to_have_attribute("aria-selected", "true")
    # the focused item shows a visible focus ring
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")


def test_dutch_interface(page, app_server, dataset):
    open_app(page, app_server)
    page.get_by_text("Nederlands", exact=True).click()
    expect(page.locator("#list-heading")).to_have_text("Gebeurtenissen")
    expect(page.locator("#search-label")).to_have_text("Zoeken")
    expect(page.locator("#actor-label")).to_have_text("Filter op actor")
    expect(page.locator("#app-title")).to_have_text(dataset.title_in("nl"))
    assert query_of(page)["lang"] == "nl"
    page.wait_for_function("() => document.documentElement.lang === 'nl'")
    item = page.locator('#event-list [data-event="hanoi-summit"]')
    expect(item).to_contain_text(title_of(dataset, "hanoi-summit", "nl"))
    item.click()
    expect(page.locator("#details")).to_contain_text("Citaten")
    expect(page.locator("#details")).to_contain_text("Bronnen")
    # a Dutch deep link opens in Dutch
    open_app(page, app_server, "?lang=nl")
    expect(page.locator("#list-heading")).to_have_text("Gebeurtenissen")


def test_search_marks_matches_and_jumps(page, app_server, dataset):
    open_app(page, app_server, "?from=2017-08-01&to=2017-12-31")
    page.fill("#search", "Air Force One")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"q=Air"))
    hits = matching_ids(dataset, "Air Force One")
    wait_for_list(page, hits)
    expect(page.locator("#list-count")).to_contain_text(f"{len(hits)} result")
    expect(page.locator("#event-list mark").first).to_have_text(re.compile("air force one", re.I))
    # a result outside the range: selecting it pans the chart to it
    target = "air-force-one-offer"
    page.locator(f'#event-list [data-event="{target}"]').click()
    expect(page.locator("#details-title")).to_have_text(title_of(dataset, target))
    q = query_of(page)
    assert q["from"] <= "2019-02-28" <= q["to"]
    page.wait_for_function(f"() => ({X_RANGE})()[0] <= '2019-02-28' && ({X_RANGE})()[1] >= '2019-02-28'")


def test_malformed_deep_link_renders_default_page(page, app_server, dataset):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    open_app(page, app_server, "?actors=%3Cx%3E&from=zzz&event=nope&lang=xx&mode=what&to=2018-13-45")
    expect(page.locator("#list-count")).to_have_text(f"{len(dataset.events)} events in view")
    assert chart_ids(page) == drawn_ids(dataset)
    expect(page.locator("#details")).to_contain_text("Select an event")
    expect(page.locator("#list-heading")).to_have_text("Events")
    assert not errors


def test_screenshot(page, app_server, tmp_path):
    """A picture of the app with an event selected (docs/screenshot.png when UPDATE_SCREENSHOT=1)."""
    open_app(page, app_server, "?event=air-force-one-offer")
    expect(page.locator("#details-title")).to_be_visible()
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")   # painted
    out = ROOT / "docs" / "screenshot.png" if os.environ.get("UPDATE_SCREENSHOT") else tmp_path / "shot.png"
    page.screenshot(path=str(out), animations="disabled")
    assert out.stat().st_size > 10_000
