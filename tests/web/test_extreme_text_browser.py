"""Every route draws a dataset whose every text field holds tens of thousands of characters without a
space, and a TimelineJS file like it: `/`, `/embed`, `/embed/figure`, `/api/event/<id>` and the
exported file, in Chromium. What is rendered is capped (options, ticks, category arrays, list items,
hover, details with a 'show all'); the whole text is still one click away."""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from ..extreme import N, extreme_timelinejs, write_extreme

pytestmark = pytest.mark.browser

DRAWN = """() => { const gd = document.querySelector('.js-plotly-plot');
  return !!(gd && gd._fullData && gd._fullData.some(t => t.x && t.x.length)); }"""
# the longest string plotly holds anywhere in the drawn figure's data and layout
LONGEST = """() => { const gd = document.querySelector('.js-plotly-plot'); let most = 0;
  const walk = (v, depth) => { if (depth > 8 || v == null) return;
    if (typeof v === 'string') { most = Math.max(most, v.length); return; }
    if (Array.isArray(v) || ArrayBuffer.isView(v)) { for (const x of v) walk(x, depth + 1); return; }
    if (typeof v === 'object') for (const k of Object.keys(v)) if (!k.startsWith('_')) walk(v[k], depth + 1); };
  walk(gd.data, 0); walk(gd.layout, 0); return most; }"""
CAP = 2_000   # no string the chart holds comes near N


@pytest.fixture(scope="module")
def extreme(serve, tmp_path_factory):
    from timeline.web import create_app

    root = tmp_path_factory.mktemp("extreme")
    folder = write_extreme(root / "ds")
    tl = extreme_timelinejs(root / "extreme.json")
    return {"folder": folder, "tl": tl,
            "app": serve(create_app(folder, reload_interval=-1).server),
            "tl_app": serve(create_app(tl, reload_interval=-1).server)}


def _open(page, url):
    page.set_viewport_size({"width": 1280, "height": 800})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_function(DRAWN)
    return errors


@pytest.mark.parametrize("which", ["app", "tl_app"])
def test_app_page_draws_and_caps_what_it_renders(page, extreme, which):
    errors = _open(page, extreme[which].url + "/")
    assert page.evaluate(LONGEST) < CAP
    items = page.locator("#event-list [role=option]")
    expect(items.first).to_be_visible()
    assert max(len(t) for t in items.all_text_contents()) < CAP
    page.click("#actor-filter")
    options = page.get_by_role("option")
    expect(options.first).to_be_visible()
    assert max(len(t) for t in options.all_text_contents()) < CAP
    page.keyboard.press("Escape")
    items.first.click()
    title = page.locator("#details h2")
    expect(title).to_be_visible()
    assert len(title.text_content()) < CAP
    more = page.locator("#details .show-all").first
    expect(more).to_be_visible()
    more.click()
    expect(page.locator("#details")).to_contain_text("x" * (N - 100))
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert errors == []


@pytest.mark.parametrize("which", ["app", "tl_app"])
def test_embed_draws_and_shows_capped_details(page, extreme, which):
    url = extreme[which].url
    errors = _open(page, url + "/embed")
    assert page.evaluate(LONGEST) < CAP
    ids = page.evaluate("""() => { const gd = document.querySelector('.js-plotly-plot'); const out = [];
        for (const t of gd.data) for (const c of (t.customdata || [])) if (c && typeof c[0] === 'string') out.push(c[0]);
        return out; }""")
    assert ids
    page.goto(url + f"/embed?event={ids[0]}")
    page.wait_for_function(DRAWN)
    panel = page.locator("#tl-panel")
    expect(panel).to_be_visible()
    expect(panel.locator("h2, h3").first).to_be_visible()
    assert len(panel.locator("h2, h3").first.text_content()) < CAP
    assert errors == []


@pytest.mark.parametrize("which", ["app", "tl_app"])
def test_json_routes_answer(page, extreme, which):
    url = extreme[which].url
    page.goto(url + "/embed")
    page.wait_for_function(DRAWN)
    got = page.evaluate("""async () => {
        const f = await fetch('/embed/figure?start=2000-01-01&end=2030-01-01');
        const fig = await f.json();
        const ids = [];
        for (const t of fig.data) for (const c of (t.customdata || [])) if (c && typeof c[0] === 'string') ids.push(c[0]);
        const e = await fetch('/api/event/' + ids[0]);
        return {figure: f.status, traces: fig.data.length, event: e.status, details: await e.json()};
    }""")
    assert got["figure"] == 200 and got["traces"] > 0
    assert got["event"] == 200 and got["details"]["title"]


def test_exported_file_draws(page, extreme, tmp_path):
    import timeline
    from timeline.page.export import export_file

    for src in (extreme["folder"], extreme["tl"]):
        out = export_file(timeline.load(src), None, tmp_path / f"{src.name}.html")
        errors = _open(page, out.as_uri())
        assert page.evaluate(LONGEST) < CAP
        assert errors == []
