"""Hostile text in the MAIN APP, in a real Chromium, with the Content-Security-Policy on.

A dataset whose titles, summaries, notes, places, dates, actor names, source titles, publishers,
quotes and seed text hold <script>, <img onerror>, <svg onload>, right-to-left overrides,
zero-width characters and a 100 KB title. Every payload would set `window.__pwned`. In the app
(chart hover, event list, details panel, search results, source view) and /embed: the text shows
as text, nothing runs, no element is injected, no request leaves 127.0.0.1, the layout holds, and
the browser reports no CSP violation (ours are all legitimate, so none may be blocked).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.helpers import write_mini
from tests.helpers import hostile_tables

pytestmark = pytest.mark.browser

PWN = "window.__pwned=(window.__pwned||0)+1"
IMG = f'<img src=x onerror="{PWN}">'
SVG = f'<svg onload="{PWN}"><circle r=5></circle></svg>'
SCRIPT = f"<script>{PWN}</script>"
RLO = "\u202eevil.exe\u202c"
ZW = "Kim\u200bJong\u200d\ufeffun"
LONG = "W" * 100_000 + " end"
SEED_QUOTE = f"They said {SCRIPT} and {SVG}"
SEED = f"Before {IMG}.\n{SEED_QUOTE}\nAfter {RLO} {ZW}.\n"


def hostile_app_tables() -> dict:
    """tests.embedding's hostile dataset, more payloads, a 100 KB title and a quote in a hostile seed."""
    t = hostile_tables()
    ev = t["events.csv"]
    col = {n: i for i, n in enumerate(ev[0])}
    ev[1][col["title"]] = f"Phase {SVG}"
    ev[2][col["summary"]] = f"Summary {SCRIPT} {IMG}"
    ev[2][col["display_date"]] = f"{RLO} {IMG}"
    ev[3][col["place"]] = f"javascript:{PWN}"
    ev[3][col["note"]] = f"{ZW} {SVG}"
    row = [""] * len(ev[0])
    for k, v in dict(id="long-title", title=LONG, kind="moment", start="2018-06-12", actors="kim", sources="seed").items():
        row[col[k]] = v
    ev.append(row)
    t["actors.csv"][2][1] = f"Kim {SVG} {ZW}"
    t["actors.csv"][3][1] = f"Bolton {RLO} {SCRIPT}"
    t["sources.csv"][2][2] = f"BBC {SCRIPT}"
    t["sources.csv"].append(["hostile-seed", f"Seed {IMG}", f"Pub {SVG}", "", "", "hostile.txt", "en"])
    at = SEED.index(SEED_QUOTE)
    t["quotes.csv"].append(["seed-quote", "hanoi-summit", "kim", SEED_QUOTE, "en", "", "", "hostile-seed",
                            str(at), str(at + len(SEED_QUOTE))])
    return t


def write_hostile_app(folder: Path) -> Path:
    write_mini(folder, hostile_app_tables())
    (folder / "seeds" / "hostile.txt").write_text(SEED, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def hostile_server(serve, tmp_path_factory):
    from timeline.web import create_app

    folder = write_hostile_app(tmp_path_factory.mktemp("hostile-app") / "ds")
    return serve(create_app(folder, reload_interval=-1).server)


WATCH = """(() => { window.__csp = [];
  document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber)); })()"""
DRAWN = """() => { const gd = document.querySelector('.js-plotly-plot');
  return !!(gd && gd._fullData && gd._fullData.some(t => t.x && t.x.length)); }"""
INJECTED = """() => ({
  pwned: window.__pwned === undefined ? null : window.__pwned,
  img: document.querySelectorAll('img[src="x"], img[onerror]').length,
  svg: Array.from(document.querySelectorAll('svg')).filter(s => s.hasAttribute('onload')).length,
  circle: Array.from(document.querySelectorAll('circle')).filter(c => c.getAttribute('r') === '5').length,
  // runnable scripts only: Dash's config is a JSON data block (type application/json, '<' escaped)
  scripts: Array.from(document.scripts).filter(s => (!s.type || /javascript|module/i.test(s.type))
                                                  && s.text.includes('__pwned')).length,
  handlers: Array.from(document.querySelectorAll('*')).filter(
    e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).length,
  jsLinks: Array.from(document.querySelectorAll('a[href]')).filter(a => /^\\s*javascript:/i.test(a.getAttribute('href'))).length,
})"""
CLEAN = {"pwned": None, "img": 0, "svg": 0, "circle": 0, "scripts": 0, "handlers": 0, "jsLinks": 0}


class Watcher:
    """What a page did that it must not: dialogs, foreign requests, CSP violations, page errors."""

    def __init__(self, page, origin: str):
        self.page, self.origin = page, origin
        self.dialogs, self.foreign, self.console, self.errors = [], [], [], []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: None if r.url.startswith((origin, "data:", "blob:", "about:"))
                else self.foreign.append(r.url))
        page.on("console", lambda m: self.console.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.add_init_script(WATCH)

    def check(self, where: str = "") -> None:
        for frame in self.page.frames:
            assert frame.evaluate(INJECTED) == CLEAN, (where, frame.url)
            assert frame.evaluate("() => window.__csp") == [], (where, frame.url)
        assert self.dialogs == [], where
        assert self.foreign == [], where
        csp = [m for m in self.console if "Content Security Policy" in m or "Content-Security-Policy" in m]
        assert csp == [], where
        assert self.errors == [], where


def _open_watched(page, url: str, *, height: int) -> Watcher:
    """The app's page at url, watched from before it loads, drawn and with the network idle."""
    w = Watcher(page, url)
    page.set_viewport_size({"width": 1280, "height": height})
    page.goto(url + "/")
    page.wait_for_function(DRAWN)
    page.wait_for_load_state("networkidle")
    return w


def _no_horizontal_overflow(page) -> None:
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_hostile_text_shows_as_text_and_nothing_runs(page, hostile_server):
    url = hostile_server.url
    w = _open_watched(page, url, height=900)

    # chart: lane names, labels and the hover label are text
    assert page.locator(".js-plotly-plot .ytick text").filter(has_text="<svg onload=").count() == 1
    tick = page.locator(".js-plotly-plot .ytick text").filter(has_text="Kim <svg").first.text_content()
    assert len(tick) <= 40 and tick.endswith("…")   # a long name cannot squeeze the plot
    hover_title = page.evaluate("""() => { const gd = document.querySelector('.js-plotly-plot');
        for (const t of gd.data) for (const c of (t.customdata || [])) if (c[0] === 'long-title') return c[1];
        return null; }""")
    assert hover_title is not None and len(hover_title) <= 120 and hover_title.endswith("…")
    from tests.helpers import MARKERS_JS, isolated_point

    m = isolated_point(page.evaluate(MARKERS_JS), {"hanoi-summit", "rocket-man-tweet"})
    page.mouse.move(m["x"], m["y"], steps=3)
    label = page.locator(".hoverlayer .hovertext")
    label.first.wait_for(timeout=5000)
    assert "<script>" in label.first.text_content() or "<img src=x" in label.first.text_content()
    w.check("chart")

    # event list: every title as text, the 100 KB one cut (300 characters, clamped to three lines)
    items = page.locator("#event-list [role=option]")
    expect(items).to_have_count(4)
    expect(page.locator("#event-list")).to_contain_text("Rocket Man <img src=x onerror=alert(1)>")
    expect(page.locator("#event-list")).to_contain_text("Phase <svg onload=")
    long_item = page.locator('#event-list [data-event="long-title"] .ev-title')
    assert long_item.bounding_box()["height"] < 100
    assert long_item.text_content() == LONG[:300] + "…"   # rendering 100 KB per item stalls a page
    _no_horizontal_overflow(page)
    w.check("list")

    # details panel: the long title cut, and whole one click away ("Show all"); every field as text
    long_item.click()
    expect(page.locator("#details h2")).to_contain_text("W" * 50)
    assert page.locator("#details h2").text_content() == LONG[:600] + "…"
    assert page.locator("#details h2").bounding_box()["height"] < 250
    page.locator("#details .show-all").first.click()
    expect(page.locator("#details .full-text").first).to_be_visible()
    assert page.locator("#details .full-text").first.text_content() == LONG
    _no_horizontal_overflow(page)
    page.locator('#event-list [data-event="rocket-man-tweet"]').click()
    details = page.locator("#details")
    expect(details).to_contain_text(f"Summary {SCRIPT} {IMG}")
    expect(details).to_contain_text("Note </script><img src=y onerror=alert(3)>")
    expect(details).to_contain_text("Page <img src=x onerror=alert(1)>")
    expect(details).to_contain_text("He said <script>alert(2)</script>")
    expect(details).to_contain_text(RLO)
    w.check("details")

    # search results: matches marked inside text, still text
    page.fill("#search", "svg onload")
    expect(page.locator("#list-count")).to_contain_text("svg onload")
    expect(page.locator("#event-list mark").first).to_have_text("svg onload")
    w.check("search")
    page.fill("#search", "")

    # source view: the hostile seed text with the quote marked
    page.goto(url + "/?event=hanoi-summit")
    page.wait_for_function(DRAWN)
    page.locator("#details .quote").filter(has_text="They said").locator(".link-button").click()
    expect(page.locator("#source-modal")).to_be_visible()
    expect(page.locator("#source-mark")).to_have_text(SEED_QUOTE)
    expect(page.locator("#source-body")).to_contain_text(f"Before {IMG}.")
    expect(page.locator("#source-title")).to_have_text(f"Seed {IMG}")
    expect(page.locator("#source-body")).to_contain_text(f"Pub {SVG}")
    w.check("source view")
    page.keyboard.press("Escape")

    # the embed dialog's live preview (an /embed frame) and /embed itself
    page.click("#embed-open")
    expect(page.locator("#embed-modal")).to_be_visible()
    page.wait_for_function("() => document.getElementById('embed-preview') && document.getElementById('embed-preview').src")
    page.frame_locator("#embed-preview").locator(".js-plotly-plot").wait_for(timeout=30000)   # the preview ran
    w.check("embed dialog")
    page.goto(url + "/embed?event=rocket-man-tweet")
    page.wait_for_function(DRAWN)
    expect(page.locator("#tl-panel")).to_contain_text(f"Summary {SCRIPT} {IMG}")
    w.check("/embed")


def test_no_csp_violation_in_the_app_and_embed(page, app_server):
    """The real app under the CSP: filter, select, source view, embed dialog, /embed; nothing blocked."""
    url = app_server.url
    w = _open_watched(page, url, height=800)
    csp = page.evaluate("async () => (await fetch('/')).headers.get('content-security-policy')")
    assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert "'unsafe-eval'" not in csp
    page.click("#actor-filter")
    page.get_by_role("option", name="John Bolton", exact=True).click()
    page.keyboard.press("Escape")
    expect(page.locator("#actor-filter")).to_contain_text("John Bolton")
    page.goto(url + "/?event=air-force-one-offer")
    page.wait_for_function(DRAWN)
    page.locator("#details .link-button").first.click()
    expect(page.locator("#source-mark")).to_be_visible()
    page.keyboard.press("Escape")
    page.click("#embed-open")
    expect(page.locator("#embed-modal")).to_be_visible()
    page.frame_locator("#embed-preview").locator(".js-plotly-plot").wait_for(timeout=30000)   # the preview ran
    w.check("app")
    page.goto(url + "/embed?actors=kim")
    page.wait_for_function(DRAWN)
    w.check("/embed")


def test_the_policy_blocks_an_injected_inline_script(page, app_server):
    """Were some markup ever to reach the DOM, its inline script and handlers would not run."""
    w = Watcher(page, app_server.url)
    page.goto(app_server.url + "/")
    page.wait_for_function(DRAWN)
    page.evaluate("""() => { const s = document.createElement('script'); s.text = 'window.__pwned = 1';
        document.body.appendChild(s);
        const d = document.createElement('div'); d.innerHTML = '<img src="data:," onerror="window.__pwned = 2">';
        document.body.appendChild(d); }""")
    page.wait_for_function("() => window.__csp.length >= 2")
    assert page.evaluate("() => window.__pwned") is None
    assert all(v.startswith("script-src") for v in page.evaluate("() => window.__csp"))
    assert w.dialogs == [] and w.foreign == []
