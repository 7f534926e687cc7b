"""Shared by the tests: small datasets written as files, a hostile dataset, the servers, page helpers."""
from __future__ import annotations

import csv
import html
import io
import json
import random
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import pytest
from urllib.parse import parse_qs

import timeline
from timeline.formats import folder
from timeline.search import matching_mask

ROOT = Path(__file__).resolve().parent.parent
SEED_NAME = "000_b4ec18b8cba0ac6d.txt"
SEED_TEXT = (ROOT / "seeds" / SEED_NAME).read_text(encoding="utf-8")


def _offsets(text: str) -> tuple[str, str]:
    i = SEED_TEXT.index(text)
    return str(i), str(i + len(text))


BOLTON = "Hij dacht dat Kim zijn nieuwe beste vriend was"

MINI = {
    "events.csv": [
        ["id", "title", "kind", "start", "end", "place", "actors", "tags", "phase", "sources", "note"],
        ["rocket-man-phase", "Rocket Man phase", "phase", "2017-08", "2017-11", "", "trump;kim", "", "", "seed", ""],
        ["rocket-man-tweet", "Rocket Man tweet", "moment", "2017-09-17", "", "", "trump", "", "rocket-man-phase", "seed", ""],
        ["hanoi-summit", "Hanoi summit", "span", "2019-02-27", "2019-02-28", "Hanoi", "trump;kim", "summit", "", "seed", ""],
    ],
    "actors.csv": [
        ["id", "name", "country", "colour"],
        ["trump", "Donald Trump", "United States", "#1f77b4"],
        ["kim", "Kim Jong-un", "North Korea", "#c0392b"],
        ["bolton", "John Bolton", "United States", ""],
    ],
    "roles.csv": [
        ["actor", "title", "from", "to", "source"],
        ["bolton", "National Security Adviser", "2018-04-09", "2019-09-10", ""],
    ],
    "sources.csv": [
        ["id", "title", "publisher", "date", "url", "seed", "language"],
        ["seed", "The article", "", "2021-02", "", SEED_NAME, "nl"],
        ["web", "A web page", "BBC", "2021-02-08", "https://www.bbc.co.uk/news/example", "", "en"],
    ],
    "quotes.csv": [
        ["id", "event", "speaker", "text", "language", "translation", "translation_by", "source",
         "start_offset", "end_offset"],
        ["bolton-best-friend", "hanoi-summit", "bolton", BOLTON, "nl", "He thought Kim was his new best friend",
         "ours", "seed", *_offsets(BOLTON)],
    ],
}


def to_csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def write_mini(folder: Path, tables: dict | None = None) -> Path:
    """Write MINI (or `tables`, same shape) as a dataset folder with its seed; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in (tables or MINI).items():
        (folder / name).write_text(to_csv(rows), encoding="utf-8")
    (folder / "seeds").mkdir(exist_ok=True)
    shutil.copy(ROOT / "seeds" / SEED_NAME, folder / "seeds" / SEED_NAME)
    return folder


def mini_tables() -> dict:
    """A deep copy of MINI to change."""
    return {name: [list(r) for r in rows] for name, rows in MINI.items()}


# A dataset with a defined story, for story mode: five events, a story that does not follow
# date order, with step text in English and Dutch, and a second story.
STORY_EVENTS = [
    ["letter", "Letter from Kim", "moment", "2018-05-24", "", "Pyongyang", "kim", "", "", "seed", ""],
    ["dmz-meeting", "Meeting at the DMZ", "moment", "2019-06-30", "", "Panmunjom", "trump;kim", "summit", "", "seed", ""],
]
STORY_CSV = [
    ["story", "step", "event", "text", "text_nl"],
    ["the-summits", "1", "hanoi-summit", "It starts at the end: Hanoi.", "Het begint bij het einde: Hanoi."],
    ["the-summits", "2", "rocket-man-tweet", "Two years earlier, insults.", "Twee jaar eerder: beledigingen."],
    ["the-summits", "3", "letter", "Then letters.", ""],
    ["the-summits", "4", "dmz-meeting", "And a last handshake.", "En een laatste handdruk."],
    ["short", "1", "dmz-meeting", "", ""],
]
STORY_META = {"title": "Story test", "stories": {"the-summits": {"title": "The summits, backwards",
                                                                   "title_nl": "De toppen, achterstevoren"}}}


def story_tables(with_story: bool = True) -> dict:
    """MINI plus two events (letter, dmz-meeting) and, with_story, stories.csv."""
    t = mini_tables()
    t["events.csv"] += [list(r) for r in STORY_EVENTS]
    if with_story:
        t["stories.csv"] = [list(r) for r in STORY_CSV]
    return t


def write_story(folder: Path, with_story: bool = True) -> Path:
    import json

    write_mini(folder, story_tables(with_story))
    (folder / "dataset.json").write_text(json.dumps(STORY_META if with_story else {"title": "Story test"}),
                                         encoding="utf-8")
    return folder


def matching_ids(dataset, text: str) -> list[str]:
    """Ids of the events a search for `text` matches, in dataset order."""
    return dataset.events["id"].to_numpy(dtype=object)[matching_mask(dataset, text)].tolist()


# --- embedding: a hostile dataset, the servers, page helpers ---
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(2)</script>"
CLOSE = "</script><img src=y onerror=alert(3)>"
HOSTILE_QUOTE = f'He said {SCRIPT} and {CLOSE} & "{IMG}"'


def hostile_tables() -> dict:
    """The mini dataset with markup in titles, summaries, notes, places, source titles and a quote."""
    t = mini_tables()
    ev = t["events.csv"]
    header = ev[0]
    header += ["summary", "display_date"]
    for row in ev[1:]:
        row += ["", ""]
    col = {name: i for i, name in enumerate(header)}
    tweet = ev[2]
    tweet[col["title"]] = f"Rocket Man {IMG}"
    tweet[col["summary"]] = f"Summary {SCRIPT}"
    tweet[col["place"]] = f"<b>bold</b> {IMG}"
    tweet[col["note"]] = f"Note {CLOSE}"
    tweet[col["sources"]] = "seed;web"
    hanoi = ev[3]
    hanoi[col["title"]] = f"Hanoi {SCRIPT}"
    t["sources.csv"][2][1] = f"Page {IMG}"
    q = t["quotes.csv"]
    q.append(["hostile-quote", "rocket-man-tweet", "trump", HOSTILE_QUOTE, "en", "", "", "web", "", ""])
    t["actors.csv"][1][1] = f"Donald {IMG}"
    return t


def write_hostile(folder: Path) -> Path:
    return write_mini(folder, hostile_tables())


def third_party_app(environ, start_response):
    """Another origin's page that frames whatever `?src=` says."""
    qs = parse_qs(environ.get("QUERY_STRING", ""))
    src = qs.get("src", [""])[0]
    body = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>An article</title></head><body>"
            "<h1>An article that embeds the timeline</h1>"
            f'<iframe id="tl" src="{html.escape(src)}" width="900" height="560" style="border:0"></iframe>'
            "</body></html>").encode()
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))])
    return [body]


_SERVERS: dict = {}


def servers(serve, dataset, tmp_root: Path):
    """(app, third): ONE app server for the session (the Dash app on the bundled dataset at /, a
    Flask app on the hostile dataset at /hostile) and one other-origin page server."""
    if "app" not in _SERVERS:
        import flask
        from werkzeug.middleware.dispatcher import DispatcherMiddleware

        import timeline
        from timeline.web import create_app, embed

        app = create_app(dataset, reload_interval=-1)
        if "timeline_embed" not in app.server.view_functions:   # until create_app registers it
            embed.register(app, dataset)
        hostile = flask.Flask("hostile")
        embed.register(hostile, timeline.load(write_hostile(tmp_root / "hostile")))
        _SERVERS["app"] = serve(DispatcherMiddleware(app.server, {"/hostile": hostile}))
        _SERVERS["third"] = serve(third_party_app)
    return _SERVERS["app"], _SERVERS["third"]


# --- in the page --------------------------------------------------------------------------------

IDS_JS = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const ids = new Set();
  for (const t of gd.data) for (const c of (t.customdata || [])) {
    const v = Array.isArray(c) ? c[0] : c;
    if (v) ids.add(String(v));
  }
  return [...ids].sort();
}"""

MARKERS_JS = """() => {
  // Page pixel of every marker point (and span end point), with its event id.
  const gd = document.querySelector('.js-plotly-plot');
  const fl = gd._fullLayout, box = gd.getBoundingClientRect(), out = [];
  for (const t of gd._fullData) {
    const mode = t.mode || '';
    if (!t.customdata || !(mode.includes('markers') || mode.includes('lines')) || t.visible !== true) continue;
    const xa = fl[t.xaxis.replace('x', 'xaxis')], ya = fl[t.yaxis.replace('y', 'yaxis')];
    for (let i = 0; i < t.x.length; i++) {
      const c = t.customdata[i], id = Array.isArray(c) ? c[0] : c;
      if (!id || t.x[i] == null) continue;
      const px = xa.d2p(t.x[i]), py = ya.d2p(t.y[i]);
      if (!isFinite(px) || !isFinite(py)) continue;
      out.push({id: String(id), x: box.left + xa._offset + px, y: box.top + ya._offset + py});
    }
  }
  return out;
}"""


SETTLED_JS = """async () => {
  // Resolve once the graph's box and plotly's own size have stayed the same for a few frames.
  const gd = document.querySelector('.js-plotly-plot');
  let last = '', same = 0;
  for (let i = 0; i < 80 && same < 3; i++) {
    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 30)));
    const b = gd.getBoundingClientRect(), fl = gd._fullLayout || {};
    const key = [b.left, b.top, b.width, b.height, fl.width, fl.height].join(',');
    same = key === last ? same + 1 : 0;
    last = key;
  }
}"""


def drawn(frame) -> None:
    """Wait until plotly has drawn points in the page or frame."""
    frame.wait_for_function(
        "() => { const gd = document.querySelector('.js-plotly-plot');"
        " return !!(gd && gd._fullData && gd._fullData.some(t => t.x && t.x.length)); }", timeout=30000)


def isolated_point(markers: list[dict], wanted: set[str], gap: float = 14.0) -> dict:
    """A marker of one of `wanted` with no other event's marker within `gap` pixels."""
    for m in markers:
        if m["id"] not in wanted:
            continue
        near = [o for o in markers if o["id"] != m["id"] and abs(o["x"] - m["x"]) < gap and abs(o["y"] - m["y"]) < gap]
        if not near:
            return m
    raise AssertionError(f"no isolated marker among {sorted(wanted)}")


def framed(third, src: str) -> str:
    """URL of the other origin's page framing `src`."""
    from urllib.parse import quote

    return f"{third.url}/?src={quote(src, safe='')}"


def child_frame(page):
    """The framed page (the first child frame)."""
    page.wait_for_function("() => document.getElementById('tl') !== null")
    frame = page.locator("#tl").element_handle().content_frame()   # attached with the element
    if frame is None:
        raise AssertionError("no child frame")
    return frame


def click_point(page, frame, event_ids: set[str], require_hover: bool = True) -> str:
    """Hover (its label must show), then click with the real mouse, an isolated marker of one of
    `event_ids`; return its id."""
    dx = dy = 0.0
    if frame != page.main_frame:
        box = frame.frame_element().bounding_box()
        dx, dy = box["x"], box["y"]
    label = frame.locator(".hoverlayer .hovertext")
    for nx, ny in ((0, 0), (1, 0), (-1, 1), (0, -1), (2, 0), (0, 2)):   # plotly may drop a hover; move again
        # A details panel opening beside the chart resizes it: positions are read once it is still.
        frame.evaluate(SETTLED_JS)
        m = isolated_point(frame.evaluate(MARKERS_JS), event_ids)
        page.mouse.move(dx + m["x"] + nx, dy + m["y"] + ny, steps=3)
        try:
            label.first.wait_for(timeout=4000)   # plotly's hover label (slow on a loaded machine)
            break
        except Exception:
            page.mouse.move(dx + m["x"] - 40, dy + m["y"] - 40)
    if require_hover:
        assert label.count() >= 1, "no hover label"
    page.mouse.move(dx + m["x"], dy + m["y"])
    page.mouse.click(dx + m["x"], dy + m["y"])
    return m["id"]


# --- reader: axe-core, layout checks and reader pages at a given size ---
# What a reader notices, as checks any browser test can reuse (issue #11; the story mode reuses them).
# 
#     from tests.helpers import axe_violations, layout_problems, reader_page
# 
#     with reader_page(browser, 390, 844) as page:          # a fresh context; CSP bypassed for axe
#         page.goto(url)
#         assert layout_problems(page) == []                # no sideways scroll, no squeezed text
#         assert axe_violations(page) == []                 # axe-core: serious and critical only
# 
# `axe_violations` injects the npm `axe-core` (node_modules/axe-core, pinned in package.json) into the
# page, which needs a context made with `bypass_csp=True` (the pages' CSP allows no inline script):
# `reader_page` makes one. A violation is reported as "rule-id (impact): selector, selector …" so a
# failing assert says what to fix.
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# One string per problem a reader would see: the page scrolls sideways, or a heading (or any
# block of text) is squeezed so narrow that it runs letter by letter.
LAYOUT_JS = """() => {
  const out = [];
  const de = document.documentElement;
  const over = Math.max(de.scrollWidth, document.body ? document.body.scrollWidth : 0) - de.clientWidth;
  if (over > 1) out.push(`the page scrolls sideways by ${over}px (scrollWidth ${de.scrollWidth}, viewport ${de.clientWidth})`);
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('svg, .js-plotly-plot, .modal[hidden], [hidden], .sr-only, .sr-hint')) continue;
    const r = el.getBoundingClientRect();
    if (r.right > de.clientWidth + 1 && r.width > 0 && r.height > 0 && getComputedStyle(el).position !== 'fixed') {
      // sticking out is fine inside something that clips or scrolls it
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o !== 'visible') { clipped = true; break; }
      }
      if (!clipped) wide.push(el);
    }
  }
  if (wide.length) out.push(`${wide.length} element(s) stick out on the right, first: ` +
    wide.slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : '')).join(', '));
  const texts = document.querySelectorAll('h1, h2, h3, h4, p, li, label, button, a, time, summary, .tl-title');
  for (const el of texts) {
    const text = (el.textContent || '').trim();
    if (text.length < 4 || el.closest('[hidden], .sr-only, .sr-hint, svg')) continue;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    const fs = parseFloat(getComputedStyle(el).fontSize) || 14;
    // squeezed: narrower than about three characters while holding a longer text on many lines
    if (r.width < fs * 3 && r.height > fs * 4)
      out.push(`squeezed ${el.tagName.toLowerCase()} "${text.slice(0, 30)}": ${Math.round(r.width)}x${Math.round(r.height)}px`);
  }
  return out;
}"""


@lru_cache(maxsize=1)
def axe_source() -> str:
    if not AXE.is_file():
        raise FileNotFoundError(f"{AXE} is missing: run `npm ci` in the repository")
    return AXE.read_text(encoding="utf-8")


def axe_violations(page, impacts=("serious", "critical"), *, exclude: list[str] | None = None) -> list[str]:
    """axe-core's violations of the given impacts on the page as it is now, one line each."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=axe_source())
    found = page.evaluate("""async ([impacts, exclude]) => {
      const ctx = exclude.length ? {exclude: exclude.map(s => [s])} : document;
      // target-size (WCAG 2.2 AA, 24x24 px) is off in axe by default: the issue asks for it
      const r = await axe.run(ctx, {resultTypes: ['violations'], rules: {'target-size': {enabled: true}}});
      return r.violations.filter(v => impacts.includes(v.impact)).map(v =>
        `${v.id} (${v.impact}): ` + v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(', ') +
        (v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : ''));
    }""", [list(impacts), exclude or []])
    return found


def layout_problems(page) -> list[str]:
    """Sideways scroll, elements sticking out of the viewport, and text squeezed letter by letter."""
    return page.evaluate(LAYOUT_JS)


# The chart's labels as drawn: each visible label's text box (and the point it is anchored to),
# each marker of the main plot (not the range slider) with its event id, each phase title's box,
# and the plot area; all in page pixels, read from the rendered SVG.
LABELS_JS = """(sel) => {
  const gd = document.querySelector(sel);
  const fl = gd._fullLayout, xa = fl.xaxis, ya = fl.yaxis, gr = gd.getBoundingClientRect();
  const box = r => [r.left, r.top, r.right, r.bottom];
  const ids = ((gd.layout.meta || {}).label_ids) || [];   // one per label annotation, in order
  const nth = {};
  (gd.layout.annotations || []).forEach((a, i) => {
    if (a.name === 'label' || a.name === 'selected-label') nth[i] = Object.keys(nth).length; });
  const labels = [], phases = [];
  for (const g of gd.querySelectorAll('.annotation')) {
    const i = +g.getAttribute('data-index');
    const t = g.querySelector('.annotation-text'), a = (gd.layout.annotations || [])[i] || {};
    if (!t) continue;
    const r = t.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    if (String(a.name || '').startsWith('phase:')) { phases.push({text: t.textContent, box: box(g.getBoundingClientRect())}); continue; }
    if (!(i in nth)) continue;
    const fa = fl.annotations[i] || {};
    const anchor = [gr.left + xa._offset + xa.r2p(fa.x), gr.top + ya._offset + ya.r2p(fa.y)];
    labels.push({i, id: ids[nth[i]] || null, text: t.textContent, name: a.name, box: box(r), anchor});
  }
  const markers = [];
  for (const tr of gd.querySelectorAll('.cartesianlayer .subplot.xy .scatterlayer .trace')) {
    const cd = tr.__data__;
    const trace = cd && cd[0] && cd[0].trace;
    if (!trace || !trace.customdata) continue;
    for (const p of tr.querySelectorAll('.points path.point')) {
      const d = p.__data__;
      const c = d && d.i !== undefined ? trace.customdata[d.i] : null;
      const r = p.getBoundingClientRect();
      if (!r.width) continue;
      markers.push({id: Array.isArray(c) ? c[0] : c, box: box(r), center: [(r.left + r.right) / 2, (r.top + r.bottom) / 2]});
    }
  }
  const plot = [gr.left + xa._offset, gr.top + ya._offset, gr.left + xa._offset + xa._length, gr.top + ya._offset + ya._length];
  return {labels, markers, phases, plot};
}"""

# The label fitter (page/static/labels.js) has placed the labels of the figure drawn now, at its size.
LABELS_FITTED = """(sel) => { const gd = document.querySelector(sel); const s = gd && gd._fullLayout && gd._fullLayout._size;
  return !!(s && gd._labelsFitted === gd.layout.annotations && gd.dataset.labels === Math.round(s.w) + 'x' + Math.round(s.h)); }"""


# What a reader would see wrong with the chart's labels (arguments: [chart selector, selected id]):
# two that overlap, one over another event's marker or a phase title, one outside the plot, the
# selected event unlabelled. A marker at a label's anchor is its own event's.
LABEL_PROBLEMS_JS = """([sel, selected]) => {
  const g = (""" + LABELS_JS + """)(sel), out = [], L = g.labels;
  const meet = (a, b) => Math.min(a[2], b[2]) - Math.max(a[0], b[0]) > 0.5 && Math.min(a[3], b[3]) - Math.max(a[1], b[1]) > 0.5;
  L.forEach((a, k) => {
    L.slice(k + 1).forEach(b => { if (meet(a.box, b.box)) out.push(`labels overlap: ${a.text} / ${b.text}`); });
    const own = new Set(g.markers.filter(m => Math.abs(m.center[0] - a.anchor[0]) < 2 && Math.abs(m.center[1] - a.anchor[1]) < 2).map(m => m.id));
    g.markers.forEach(m => { if (!own.has(m.id) && meet(a.box, m.box)) out.push(`label ${a.text} covers the marker of ${m.id}`); });
    g.phases.forEach(p => { if (meet(a.box, p.box)) out.push(`label ${a.text} covers the phase title ${p.text}`); });
    if (a.box[0] < g.plot[0] - 1 || a.box[2] > g.plot[2] + 1) out.push(`label ${a.text} runs out of the plot`);
  });
  if (selected && !L.some(a => a.name === 'selected-label' && (a.id === selected || a.id === null)))
    out.push(`the selected event ${selected} has no label`);
  return out;
}"""


def label_problems(page, selector: str, selected: str | None = None, wait_ms: int = 15000) -> list[str]:
    """The chart's label problems (LABEL_PROBLEMS_JS) once it has settled: a redraw under way (a
    resize, the details opening beside the chart) may show a passing overlap, so this waits up to
    `wait_ms` for none and then says what is still wrong."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(f"(a) => ({LABEL_PROBLEMS_JS})(a).length === 0", arg=[selector, selected],
                               timeout=wait_ms)
        return []
    except PlaywrightTimeout:
        return page.evaluate(LABEL_PROBLEMS_JS, [selector, selected])


@contextmanager
def reader_page(browser, width: int, height: int, *, javascript: bool = True, **context_args):
    """A page of the given viewport in its own context (CSP bypassed so axe can be injected)."""
    ctx = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True,
                              java_script_enabled=javascript, **context_args)
    try:
        yield ctx.new_page()
    finally:
        ctx.close()


# --- moved here from test modules, so no test imports another ---


EVENT_COLUMNS = ("id", "title", "title_nl", "summary", "kind", "start", "end", "display_date", "actors",
                 "sources")


ACTORS = (("trump", "Donald Trump", "#1f77b4"), ("kim", "Kim Jong-un", "#c0392b"),
          ("moon", "Moon Jae-in", "#2ca02c"))


def write_dataset(folder: Path, events: list[dict], actors=ACTORS, quotes: list[dict] = ()) -> timeline.Dataset:
    """A dataset folder in the documented format from a few rows, loaded. Event rows need
    id, title, start and actors ('a;b'); kind defaults to moment and sources to 's1'."""
    folder.mkdir(parents=True, exist_ok=True)
    _write(folder / "actors.csv", ("id", "name", "colour"), [dict(zip(("id", "name", "colour"), a)) for a in actors])
    _write(folder / "sources.csv", ("id", "title", "url"), [{"id": "s1", "title": "Source", "url": "https://example.org/a"}])
    _write(folder / "events.csv", EVENT_COLUMNS, [{"kind": "moment", "sources": "s1", **e} for e in events])
    quote_columns = ("id", "event", "speaker", "text", "language", "translation", "translation_by", "source")
    _write(folder / "quotes.csv", quote_columns, [{"source": "s1", "language": "en", **q} for q in quotes])
    return timeline.load(folder)


def _write(path: Path, columns, rows) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(columns))
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})


DRAWN = """() => { const gd = document.querySelector('#graph .js-plotly-plot');
  return !!(gd && gd._fullData && gd._fullData.length && gd._fullLayout && gd._fullLayout.xaxis); }"""


SETTLED = """() => { const gd = document.querySelector('#graph .js-plotly-plot');
  return Math.abs(gd._fullLayout.width - gd.getBoundingClientRect().width) < 2; }"""


CHART_IDS = """() => { const gd = document.querySelector('#graph .js-plotly-plot'); const s = new Set();
  gd.data.forEach(t => (t.customdata || []).forEach(c => {
    const id = Array.isArray(c) ? c[0] : c; if (id) s.add(id); }));
  return Array.from(s).sort(); }"""


def open_app(page, server, query: str = ""):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(server.url + "/" + query)
    page.wait_for_function(DRAWN)
    page.wait_for_load_state("networkidle")
    # The graph resizes itself to its container once after the first draw (a relayout event that
    # would replace a zoom made in the same instant): let it settle before interacting.
    page.wait_for_function(SETTLED)
    page.wait_for_timeout(250)   # kept: plotly may still emit that resize relayout after SETTLED holds
    return page


def chart_ids(page) -> list[str]:
    return page.evaluate(CHART_IDS)


def list_ids(page) -> list[str]:
    return page.locator("#event-list [role=option]").evaluate_all("els => els.map(e => e.dataset.event)")


def drawn_ids(dataset, ids=None) -> list[str]:
    """Ids of the events drawn as points (phases are shaded eras, not points)."""
    ev = dataset.events
    ev = ev[ev["kind"] != "phase"]
    if ids is not None:
        ev = ev[ev["id"].isin(ids)]
    return sorted(ev["id"])


DATA_RE = re.compile(r'<script type="application/json" id="tl-data">(.*?)</script>', re.S)


def payload(page: str) -> dict:
    m = DATA_RE.search(page)
    assert m, "no inline data block"
    return json.loads(m.group(1))


SYNTHETIC_ACTORS = 12


def synthetic(n: int, actors: int = SYNTHETIC_ACTORS, seed: int = 7):
    """n one-actor moments spread over 35 years, in the shape of the peer benchmark's data."""
    rnd = random.Random(seed)
    acts = [{"id": f"a{i:02d}", "name": f"Actor {i:02d}"} for i in range(actors)]
    src = [{"id": "src", "title": "Synthetic", "url": "https://example.org/"}]
    events = [{"id": f"e{i}", "title": f"Event {i}", "kind": "moment",
               "start": f"{1990 + rnd.randrange(35):04d}-{1 + rnd.randrange(12):02d}-{1 + rnd.randrange(28):02d}",
               "actors": f"a{rnd.randrange(actors):02d}", "sources": "src"} for i in range(n)]
    return folder.load_records({"events": events, "actors": acts, "sources": src})


FIX = ROOT / "tests" / "fixtures" / "timelinejs"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_server(url: str, proc, timeout: float = 90) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise AssertionError(f"server exited: {proc.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            urllib.request.urlopen(url + "/api/event/hanoi-summit", timeout=2).read()
            return
        except OSError:
            time.sleep(0.3)   # kept: polls a server process starting up (a bounded wait, not a fixed one)
    raise AssertionError(f"{url} did not start")


def stop_server(proc) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# --- the real TimelineJS (npm), served for browser tests -------------------------------------------

PKG = ROOT / "node_modules" / "@knight-lab" / "timelinejs"

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/tl/dist/css/timeline.css">
<script src="/tl/dist/js/timeline.js"></script></head>
<body><div id="tl" style="width: 1000px; height: 650px"></div>
<script>
window.loadTimeline = function (data) {
  return new Promise(function (resolve) {
    window.timeline = new TL.Timeline('tl', data, {hash_bookmark: false});
    window.timeline.on('loaded', function () { resolve(true); });
    setTimeout(function () { resolve(false); }, 15000);
  });
};
</script></body></html>"""


def _ensure_package():
    if (PKG / "dist" / "js" / "timeline.js").exists():
        return
    if shutil.which("npm") is None:
        pytest.skip("TimelineJS is not installed (node_modules missing) and npm is unavailable to install it")
    subprocess.run(["npm", "ci", "--silent", "--no-audit", "--no-fund"], cwd=ROOT, check=True, timeout=300)


@pytest.fixture(scope="module")
def tl_server(serve):
    _ensure_package()
    from werkzeug.wrappers import Request, Response
    from werkzeug.utils import safe_join

    @Request.application
    def app(request):
        if request.path == "/":
            return Response(PAGE, mimetype="text/html")
        if request.path.startswith("/tl/"):
            p = safe_join(str(PKG), request.path[4:])
            if p and Path(p).is_file():
                mime = {"js": "text/javascript", "css": "text/css"}.get(p.rsplit(".", 1)[-1], "application/octet-stream")
                return Response(Path(p).read_bytes(), mimetype=mime)
        return Response("not found", status=404)

    return serve(app)


def dense(n: int = 240, actors: int = 6, seed: int = 11):
    """n events crowded into two years over a few actors, a third of them shared by two actors,
    some spans, titles of every length: a chart whose labels cannot all fit."""
    rnd = random.Random(seed)
    acts = [{"id": f"a{i}", "name": f"Actor {i}"} for i in range(actors)]
    src = [{"id": "src", "title": "Synthetic", "url": "https://example.org/"}]
    words = "summit letter talks visit threat offer walkout meeting statement launch rally tweet".split()
    events = []
    for i in range(n):
        start = f"{2017 + rnd.randrange(2)}-{1 + rnd.randrange(12):02d}-{1 + rnd.randrange(28):02d}"
        who = rnd.sample(range(actors), 2 if i % 3 == 0 else 1)
        title = " ".join(rnd.choice(words) for _ in range(1 + rnd.randrange(7))).capitalize() + f" {i}"
        ev = {"id": f"d{i}", "title": title, "kind": "moment", "start": start,
              "actors": ";".join(f"a{w}" for w in who), "sources": "src"}
        if i % 17 == 0:
            ev.update(kind="span", end=f"{start[:4]}-12-31")
        events.append(ev)
    return folder.load_records({"events": events, "actors": acts, "sources": src})
