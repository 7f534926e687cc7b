"""Performance features in a real Chromium: the lean plotly.js, the instant (client-side) actor filter,
and the level-of-detail chart that fetches full detail on zoom."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.helpers import DRAWN, drawn_ids, list_ids, open_app
from tests.helpers import synthetic

pytestmark = pytest.mark.browser

VISIBLE_IDS = """() => { const gd = document.querySelector('#graph .js-plotly-plot'); const s = new Set();
  gd._fullData.filter(t => t.visible === true).forEach(t => (t.customdata || []).forEach(c => {
    const id = Array.isArray(c) ? c[0] : c; if (typeof id === 'string' && id) s.add(id); }));
  return Array.from(s).sort(); }"""
LANES = """() => { const gd = document.querySelector('#graph .js-plotly-plot');
  return gd._fullLayout.yaxis._categories.filter(c => gd._fullData.some(t => t.visible === true && t.y && Array.from(t.y).includes(c))); }"""
META = "() => document.querySelector('#graph .js-plotly-plot').layout.meta"


def test_page_draws_with_the_vendored_bundle_not_the_full_plotly(page, app_server):
    urls = []
    page.on("request", lambda r: urls.append(r.url))
    open_app(page, app_server)
    assert any("/_timeline/plotly.min.js" in u for u in urls), "a small dataset: the scatter-only bundle"
    assert not any("package_data/plotly" in u for u in urls), "dcc.Graph did not fetch the full plotly.js"
    assert "timeline partial bundle" not in page.evaluate("Plotly.version")   # it is plotly.js itself
    assert page.evaluate("Plotly.version") == __import__("plotly.offline", fromlist=["x"]).get_plotlyjs_version()


def test_page_keeps_the_browsers_own_string_functions(page, app_server):
    """Dash's core-js 2 polyfill is swapped for regenerator-runtime and dash_table's bundle is left
    out: the browser's trim stays native, and the lazy components that need the runtime
    (dropdown, graph) still work."""
    urls = []
    page.on("request", lambda r: urls.append(r.url))
    open_app(page, app_server)
    assert not any("/deps/polyfill@" in u for u in urls)
    assert not any("/dash_table/" in u for u in urls), "no DataTable on the page, so no dash_table bundle"
    assert any("/_timeline/regenerator-runtime.min.js" in u for u in urls)
    assert page.evaluate("String.prototype.trim.toString()").endswith("{ [native code] }")
    assert page.evaluate("typeof regeneratorRuntime.mark") == "function"
    page.locator("#actor-filter").click()
    assert page.get_by_role("option").count() > 1, "the lazy dropdown opens"


def test_layout_and_callbacks_are_fetched_by_the_page_head_once(page, app_server):
    """The layout and the callback list are preloaded while the scripts load, and the renderer
    uses those answers: one request each, made by the <link>, not a second fetch."""
    open_app(page, app_server)
    got = page.evaluate("""() => performance.getEntriesByType('resource')
      .filter(e => /\\/_dash-(layout|dependencies)$/.test(new URL(e.name).pathname))
      .map(e => [new URL(e.name).pathname, e.initiatorType])""")
    assert sorted(got) == [["/_dash-dependencies", "link"], ["/_dash-layout", "link"]]


def test_actor_filter_draws_in_the_browser_before_the_server_answers(page, app_server, dataset):
    open_app(page, app_server)
    page.route(re.compile(r".*/_dash-update-component.*"), lambda route: route.abort())   # no server from here
    page.click("#actor-filter")
    page.get_by_role("option", name=re.compile(r"^Kim Jong-un")).click()
    page.keyboard.press("Escape")
    page.wait_for_function("() => document.querySelector('#graph .js-plotly-plot')._fullLayout.yaxis"
                           ".categoryarray.length === 1")
    kim = dataset.events[dataset.events["actors"].map(lambda a: "kim" in a)]
    assert page.evaluate(VISIBLE_IDS) == drawn_ids(dataset, kim["id"])
    assert page.evaluate(LANES) == ["Kim Jong-un"]
    # the overview's marks (drawn by axis.js, not restyled by the filter's redraw) are still over the strip
    marks = page.evaluate("""() => { const gd = document.querySelector('#graph .js-plotly-plot');
      const m = gd.querySelector('.tl-overview-marks'), s = gd.querySelector('.draglayer .x2y2 .nsewdrag');
      const a = m.getBoundingClientRect(), b = s.getBoundingClientRect();
      return {n: (m.querySelector('path').getAttribute('d').match(/M/g) || []).length, shown: m.style.display !== 'none',
              over: Math.abs(a.left - b.left) < 1 && Math.abs(a.top - b.top) < 1 && Math.abs(a.width - b.width) < 1}; }""")
    assert marks == {"n": len(page.evaluate(META)["overview"]["x"]), "shown": True, "over": True}


@pytest.fixture(scope="module")
def big_server(serve):
    from timeline.web import create_app

    return serve(create_app(synthetic(20_000), reload_interval=-1).server)


def test_big_dataset_zoomed_out_is_density_and_zoom_fetches_detail(page, big_server):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(big_server.url + "/")
    page.wait_for_function(DRAWN)
    page.wait_for_load_state("networkidle")
    assert page.evaluate(META)["lod"] == "density"
    assert page.evaluate("performance.getEntriesByType('resource').filter(e => e.name.includes('/_timeline/plotly'))"
                         ".map(e => new URL(e.name).pathname)") == ["/_timeline/plotly-gl.min.js"], "WebGL bundle"
    assert len(page.evaluate(LANES)) == 12
    page.evaluate("Plotly.relayout(document.querySelector('#graph .js-plotly-plot'),"
                  " {'xaxis.range': ['2001-01-01', '2001-04-01']})")
    page.wait_for_function(f"() => ({META})().lod === 'window'", timeout=30_000)
    ids = page.evaluate(VISIBLE_IDS)
    assert len(ids) > 100 and all(re.fullmatch(r"e\d+", i) for i in ids)
    page.click("#actor-filter")
    page.get_by_role("option", name=re.compile(r"^Actor 03")).click()
    page.wait_for_function(f"() => ({LANES})().length === 1", timeout=30_000)
    assert page.evaluate(LANES) == ["Actor 03"]


def test_a_long_list_starts_short_and_shows_more_on_demand(page, big_server):
    """20,000 events in view: the list shows the first 50 (each item costs the first render), says
    so, and "Show more" adds the next 200 in order; a new view starts short again; a selected
    event further down is still in the list."""
    from timeline.web.components import LIST_FIRST, LIST_STEP

    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(big_server.url + "/")
    page.wait_for_function(DRAWN)
    first = list_ids(page)
    assert len(first) == LIST_FIRST
    expect(page.locator("#list-notes")).to_contain_text(f"Showing the first {LIST_FIRST} of 20,000")
    more = page.locator("#list-more")
    expect(more).to_have_text(f"Show {LIST_STEP} more")
    more.click()
    expect(page.locator("#event-list [role=option]")).to_have_count(LIST_FIRST + LIST_STEP)
    longer = list_ids(page)
    assert longer[:LIST_FIRST] == first, "the same items first, the next ones after"
    expect(page.locator("#list-notes")).to_contain_text(f"Showing the first {LIST_FIRST + LIST_STEP} of 20,000")
    pick = longer[LIST_FIRST + 100]
    page.click("#actor-filter")   # a new view: short again
    page.get_by_role("option", name=re.compile(r"^Actor 03")).click()
    page.keyboard.press("Escape")
    expect(page.locator("#event-list [role=option]")).to_have_count(LIST_FIRST)
    page.goto(big_server.url + f"/?event={pick}")   # an event far down the list: shown, selected
    page.wait_for_function(DRAWN)
    expect(page.locator(f'#event-list [data-event="{pick}"]')).to_have_attribute("aria-selected", "true")
