"""Embedding: the `/embed` page, oEmbed, one event's details as JSON, and the embed assets.

Plain Flask routes on the app's server (not Dash pages), added by `register(app, data)`:

    GET /embed?actors=kim&from=2018-01&event=…&lang=nl   the chart alone (+ details panel on click),
                                                         the same query as the app's deep links
    GET /embed/figure?<the same query>[&x0=…&x1=…]       the level-of-detail figure as JSON, for the
                                                         x range the reader zoomed or panned to
    GET /oembed?url=<page url>&format=json[&maxwidth=&maxheight=]   oEmbed 1.0 "rich" answer
    GET /api/event/<id>?lang=en|nl                       what the details panel shows, as JSON
    (story mode, /embed?mode=story and /embed/step: timeline.web.story_routes)
    GET /_timeline/plotly.min.js?v=…, /_timeline/embed.js?v=…, /_timeline/embed.css?v=…
                                                         long-cached, gzipped when accepted

A level-of-detail figure (a big dataset: density when zoomed out, a window of full detail when
in) depends on the visible range, so embed.js asks /embed/figure for a new one when the reader
zooms or pans; x0/x1 are plotly's x-axis range, turned into from/to as the app does
(`state.zoomed`). Small datasets draw every event once and never ask.

The URL of plotly.js is built in one place (`asset_url("plotly")`), so a lean bundle can
replace the plotly package's own file later. The framing headers (`timeline.web.framing`) let any
site frame /embed and /oembed, and nobody else frame the app.
"""
from __future__ import annotations

import gzip
import hashlib
import html
import json
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

from ..page import assets as page_assets
from ..page import document as page_document
from ..page import social
from ..figure import figure_json
from ..view import View

ASSET_PREFIX = "/_timeline/"
DEFAULT_WIDTH, DEFAULT_HEIGHT = 800, 500
MAX_SIZE = 4000
PROVIDER_NAME = "timeline"
LONG_CACHE = "public, max-age=31536000, immutable"
GZIP_MIN = 1024
EMBEDDABLE_PATHS = ("/", "/embed")


# --- assets -----------------------------------------------------------------------------------

def _asset_files() -> dict[str, tuple[Path, str]]:
    """name -> (file, mimetype). The plotly.js files are chosen here and nowhere else: partial
    bundles of the plotly.js inside the plotly package (static/vendor/README.md), scatter only
    ('plotly') or with scattergl ('plotly-gl', for figures with WebGL traces, and the app)."""
    return {
        "plotly.min.js": (page_assets.plotly_js_path("plotly"), "text/javascript; charset=utf-8"),
        "plotly-gl.min.js": (page_assets.plotly_js_path("plotly-gl"), "text/javascript; charset=utf-8"),
        "regenerator-runtime.min.js": (page_assets.STATIC / "vendor" / "regenerator-runtime.min.js",
                                       "text/javascript; charset=utf-8"),
        "embed.js": (page_assets.STATIC / "embed.js", "text/javascript; charset=utf-8"),
        "embed.css": (page_assets.STATIC / "embed.css", "text/css; charset=utf-8"),
        "story.js": (page_assets.STATIC / "story.js", "text/javascript; charset=utf-8"),
        "story.css": (page_assets.STATIC / "story.css", "text/css; charset=utf-8"),
        "cards.js": (page_assets.STATIC / "cards.js", "text/javascript; charset=utf-8"),
        "cards.css": (page_assets.STATIC / "cards.css", "text/css; charset=utf-8"),
    }


ASSET_NAMES = {"plotly": "plotly.min.js", "plotly-gl": "plotly-gl.min.js", "js": "embed.js", "css": "embed.css",
               "cards_js": "cards.js", "cards_css": "cards.css",
               "regenerator": "regenerator-runtime.min.js", "story_js": "story.js", "story_css": "story.css"}


@lru_cache(maxsize=None)
def _asset(name: str) -> tuple[bytes, str, str]:
    """(raw, mimetype, version) of an asset, read once."""
    path, mimetype = _asset_files()[name]
    raw = path.read_bytes()
    return raw, mimetype, hashlib.sha256(raw).hexdigest()[:12]


@lru_cache(maxsize=None)
def _gzipped(name: str) -> bytes:
    """The asset gzipped, made on first use (by a client that takes no brotli): compressing
    plotly.js at level 9 takes longer than a first page load has."""
    return gzip.compress(_asset(name)[0], 9, mtime=0)


@lru_cache(maxsize=None)
def _brotli(name: str) -> bytes | None:
    """The asset compressed with brotli, where a `.br` file was built beside it (the vendored bundles)."""
    path = _asset_files()[name][0]
    br = path.with_name(path.name + ".br")
    return br.read_bytes() if br.is_file() else None



def asset_url(kind: str, root: str = "") -> str:
    """The cacheable URL of an asset (a key of ASSET_NAMES), versioned by its content."""
    name = ASSET_NAMES[kind]
    return f"{root}{ASSET_PREFIX}{name}?v={_asset(name)[2]}"


def _accepts_gzip(request) -> bool:
    return "gzip" in (request.headers.get("Accept-Encoding") or "").lower()


def _response(request, body: bytes, mimetype: str, *, cache: str, zipped: bytes | None = None,
              status: int = 200):
    from flask import Response

    resp = Response(status=status, mimetype=None)
    resp.headers["Content-Type"] = mimetype
    resp.headers["Cache-Control"] = cache
    if len(body) >= GZIP_MIN:
        resp.headers["Vary"] = "Accept-Encoding"
        if _accepts_gzip(request):
            body = zipped if zipped is not None else gzip.compress(body, 6)
            resp.headers["Content-Encoding"] = "gzip"
    resp.set_data(body)
    return resp


# --- urls and snippets ------------------------------------------------------------------------

def embed_src(base: str, view: View) -> str:
    """Absolute /embed URL for a view; `base` is the app's root URL ('https://host/prefix')."""
    return f"{base.rstrip('/')}/embed{view.to_query()}"


def iframe_html(src: str, width: int | str = "100%", height: int = DEFAULT_HEIGHT, title: str = "Timeline") -> str:
    """The iframe snippet a page pastes in; every value is escaped."""
    return (f'<iframe src="{html.escape(src)}" width="{html.escape(str(width))}" '
            f'height="{html.escape(str(height))}" title="{html.escape(title)}" '
            f'style="border:0;max-width:100%" loading="lazy" allowfullscreen></iframe>')


def oembed_href(base: str, page_url: str) -> str:
    return f"{base.rstrip('/')}/oembed?" + urlencode({"url": page_url, "format": "json"})


def discovery_link(base: str, page_url: str, title: str = "") -> str:
    return (f'<link rel="alternate" type="application/json+oembed" '
            f'href="{html.escape(oembed_href(base, page_url))}" title="{html.escape(title)}">')


def view_title(dataset, view: View) -> str:
    """'Dataset title' plus the chosen actors' names (and the selected event's title)."""
    title = dataset.title_in(view.lang)
    if view.actors:
        title += " — " + ", ".join(dataset.actor_name(a) for a in view.actors)
    return title


# --- registration -----------------------------------------------------------------------------

def _getter(data):
    """A callable giving the current Dataset: from a Dataset, a store (anything with .get()), a
    callable, or a path (None: the bundled dataset), which is loaded into a DatasetStore."""
    from ..model import Dataset
    from ..store import DatasetStore

    if isinstance(data, Dataset):
        return lambda: data
    if callable(getattr(data, "get", None)):
        return data.get
    if callable(data):
        return data
    return DatasetStore(data).get


def _base(request) -> str:
    from .public import base_url

    return base_url(request)


def register(app, data=None, *, provider_name: str = PROVIDER_NAME, frame_ancestors: str | None = None,
             width: int = DEFAULT_WIDTH, height: int = DEFAULT_HEIGHT):
    """Add the embed routes (and framing headers, and the oEmbed discovery link on the Dash page).

    `app`: a Dash app or a Flask server. `data`: a Dataset, a DatasetStore (anything with .get()),
    a callable returning a Dataset, or a dataset path (default: the bundled dataset).
    """
    from flask import Response, abort, request

    from . import framing, plotly_js, state, story_routes
    from .state import parse

    server = getattr(app, "server", app)
    for name in _asset_files():   # read now, not in the first reader's request
        _asset(name)
        _brotli(name)
    get = _getter(data)
    framing.install(server, frame_ancestors)

    def _view() -> tuple:
        ds = get()
        return ds, parse(ds, request.query_string.decode("utf-8", "replace"))

    def _figure(ds, view) -> tuple[str, bool]:
        """(figure JSON, whether it is a level-of-detail one that a zoom must replace)."""
        fig = figure_json(ds, view, lod=True)
        return fig, level_of_detail(fig) is not None

    @server.route("/embed")
    def timeline_embed():
        ds, view = _view()
        base = _base(request)
        if view.story_mode:
            return story_routes.page_response(request, ds, view)
        fig, lod = _figure(ds, view)
        assets = {k: asset_url(k, request.script_root) for k in ASSET_NAMES}
        # A figure redrawn on zoom may get WebGL traces later: load the bundle the app would.
        assets["plotly"] = assets[plotly_js.kind(ds) if lod else page_assets.plotly_kind(fig)]
        page = page_document.document(
            ds, view, offline=False, figure=fig,
            assets=assets,
            api=f"{request.script_root}/api/event/",
            figure_api=(f"{request.script_root}/embed/figure{view.with_(start=None, end=None).to_query()}"
                        if lod else None),
            app_url=f"{base}/{view.with_(event=None).to_query()}",
            oembed_href=oembed_href(base, request.url),
            meta=social.for_dataset(ds, view.lang, url=f"{base}/embed{view.to_query()}"))
        return _response(request, page.encode("utf-8"), "text/html; charset=utf-8",
                         cache="public, max-age=60")

    @server.route("/embed/figure")
    def timeline_embed_figure():
        ds, view = _view()
        view = state.zoomed(ds, view, _axis_range(ds, request.args)) or view
        fig, _ = _figure(ds, view)
        return _response(request, fig.encode("utf-8"), "application/json", cache="public, max-age=60")

    @server.route("/api/event/<event_id>")
    def timeline_event(event_id):
        ds = get()
        lang = request.args.get("lang", "en")
        lang = lang if lang in ("en", "nl") else "en"
        details = page_document.event_details(ds, event_id, lang)
        if details is None:
            abort(404)
        body = json.dumps(details, ensure_ascii=False).encode("utf-8")
        return _response(request, body, "application/json", cache="public, max-age=60")

    @server.route(ASSET_PREFIX + "<name>")
    def timeline_asset(name):
        if name not in _asset_files():
            abort(404)
        raw, mimetype, version = _asset(name)
        cache = LONG_CACHE if request.args.get("v") == version else "public, max-age=300"
        br = _brotli(name)
        if br is not None and "br" in [e.split(";")[0].strip() for e in
                                       (request.headers.get("Accept-Encoding") or "").lower().split(",")]:
            resp = Response(br, mimetype=None)
            resp.headers.update({"Content-Type": mimetype, "Cache-Control": cache, "Content-Encoding": "br",
                                 "Vary": "Accept-Encoding"})
        else:
            resp = _response(request, raw, mimetype, cache=cache, zipped=_gzipped(name))
        resp.headers["ETag"] = f'"{version}"'
        return resp

    @server.route("/oembed")
    def timeline_oembed():
        def fail(status, message):
            return Response(message + "\n", status=status, mimetype="text/plain")

        url = request.args.get("url", "").strip()
        if not url:
            return fail(400, "missing url")
        fmt = request.args.get("format", "json").strip().lower() or "json"
        if fmt != "json":
            return fail(501, "only format=json is supported")
        try:
            parts = urlsplit(url)
        except ValueError:
            return fail(404, "not a page of this site")
        from .public import configured_url, is_own_netloc

        root = request.script_root
        public = configured_url()
        path = parts.path or "/"
        if public and urlsplit(public).path and path.startswith(urlsplit(public).path):
            path = path[len(urlsplit(public).path):] or "/"
        if root and path.startswith(root):
            path = path[len(root):] or "/"
        if (parts.scheme not in ("http", "https") or not is_own_netloc(parts.netloc or "", request)
                or path.rstrip("/") not in ("", "/embed")):
            return fail(404, "not a page of this site")
        ds = get()
        view = parse(ds, parts.query)
        w, h = width, height
        mw, mh = _positive(request.args.get("maxwidth")), _positive(request.args.get("maxheight"))
        if mw:
            w = min(w, mw)
        if mh:
            h = min(h, mh)
        base = configured_url() or f"{parts.scheme}://{parts.netloc}{root}"
        title = view_title(ds, view)
        answer = {
            "version": "1.0", "type": "rich",
            "provider_name": provider_name, "provider_url": base + "/",
            "title": title,
            "html": iframe_html(embed_src(base, view), w, h, title),
            "width": w, "height": h,
            "cache_age": 3600,
        }
        return _response(request, json.dumps(answer, ensure_ascii=False).encode("utf-8"),
                         "application/json; charset=utf-8", cache="public, max-age=300")

    story_routes.register(server, _view, on_app=hasattr(app, "interpolate_index"))
    _add_discovery_to_dash(app, get)
    if hasattr(app, "callback") and hasattr(app, "interpolate_index"):   # a Dash app: the Embed button
        from . import embed_dialog

        embed_dialog.register(app, get)
    return app


def level_of_detail(figure_json: str) -> str | None:
    """`layout.meta.lod` of a figure's JSON: 'density' or 'window' for a figure that depends on
    the visible range (see `timeline.figure(lod=True)`), else None."""
    if '"lod"' not in figure_json:
        return None
    import orjson

    meta = (orjson.loads(figure_json).get("layout") or {}).get("meta") or {}
    lod = meta.get("lod") if isinstance(meta, dict) else None
    return lod if isinstance(lod, str) else None


def _axis_range(dataset, args) -> dict | None:
    """The x range a /embed/figure request names (x0, x1: plotly's axis values, dates or, on a
    deep-time axis, years), as the relayout `state.zoomed` reads; None when absent."""
    x0, x1 = args.get("x0"), args.get("x1")
    if x0 is None or x1 is None:
        return None
    if dataset.is_deep_time():
        try:
            x0, x1 = float(x0), float(x1)
        except ValueError:
            return None
    return {"xaxis.range": [x0, x1]}


def _positive(value) -> int | None:
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return n if 0 < n <= MAX_SIZE * 10 else None


def _add_discovery_to_dash(app, get) -> None:
    """Put the oEmbed discovery link (for the requested URL) in the Dash page's <head>."""
    if getattr(app, "server", None) is None or not hasattr(app, "interpolate_index"):
        return
    if getattr(app, "_timeline_oembed_link", False):
        return
    inner = app.interpolate_index

    def interpolate_index(**kwargs):
        page = inner(**kwargs)
        try:
            from flask import request

            link = discovery_link(_base(request), request.url, get().title)
        except RuntimeError:   # no request (rendered outside one)
            return page
        at = page.find("</head>")
        return page[:at] + link + "\n" + page[at:] if at >= 0 else page

    app.interpolate_index = interpolate_index
    app._timeline_oembed_link = True
