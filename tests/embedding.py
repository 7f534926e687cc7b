"""Shared by the embed, oEmbed, framing and export tests: a hostile dataset, the servers, page helpers."""
from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import parse_qs

from tests.datasets import mini_tables, write_mini

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
