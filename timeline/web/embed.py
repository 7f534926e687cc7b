"""Embedding: the `/embed` page, oEmbed, one event's details as JSON, and the embed assets.

Plain Flask routes on the app's server (not Dash pages), added by `register(app, data)`:

    GET /embed?actors=kim&from=2018-01&event=…&lang=nl   the chart alone (+ details panel on click),
                                                         the same query as the app's deep links
    GET /embed/figure?<the same query>[&x0=…&x1=…]       the level-of-detail figure as JSON, for the
                                                         x range the reader zoomed or panned to
    GET /oembed?url=<page url>&format=json[&maxwidth=&maxheight=]   oEmbed 1.0 "rich" answer
    GET /api/event/<id>?lang=en|nl                       what the details panel shows, as JSON
    GET /_timeline/plotly.min.js?v=…, /_timeline/embed.js?v=…, /_timeline/embed.css?v=…
                                                         long-cached, brotli or gzip when accepted

A level-of-detail figure (a big dataset: density when zoomed out, a window of full detail when
in) depends on the visible range, so embed.js asks /embed/figure for a new one when the reader
zooms or pans; x0/x1 are plotly's x-axis range, turned into from/to as the app does
(`state.zoomed`). Small datasets draw every event once and never ask.

The assets are in `asset_registry`, the snippets in `snippets`, the HTML in `timeline.page`. The
framing headers (`timeline.web.framing`) let any site frame /embed and /oembed, and nobody else
frame the app.
"""
from __future__ import annotations

import json
from urllib.parse import urlsplit

from flask import Response, abort, request

from ..figure import bundle_for, figure_info, figure_json
from ..i18n import lang_or_default
from ..page import document as page_document
from ..page import social
from ..page import story as story_page
from . import asset_registry, context, framing, state
from .public import base_url, configured_url, is_own_netloc
from .asset_registry import ASSET_NAMES, ASSET_PREFIX, LONG_CACHE, NAMES, asset_url
from .http import respond
from .snippets import DEFAULT_HEIGHT, DEFAULT_WIDTH, embed_src, iframe_html, oembed_href, view_title

PROVIDER_NAME = "timeline"
MAX_SIZE = 4000
SHORT_CACHE = "public, max-age=60"


def register(app, data=None, *, provider_name: str = PROVIDER_NAME, frame_ancestors: str | None = None,
             width: int = DEFAULT_WIDTH, height: int = DEFAULT_HEIGHT):
    """Add the embed routes and framing headers to `app` (a Dash app or a Flask server).

    `data`: a Dataset, a DatasetStore (anything with .get()), a callable returning a Dataset, or
    a dataset path (default: the bundled dataset).
    """
    server = getattr(app, "server", app)
    asset_registry.read_all()
    context.install(server, get=context.getter(data), provider_name=provider_name, width=width, height=height)
    framing.install(server, frame_ancestors)
    # /embed inlines its own scripts (cards.js, embed.js): they, and our files, may run there
    framing.add_directive(server, "script-src", "'self' " + page_document.script_hashes(page_document.inline_scripts()),
                          route_class=framing.EMBED)
    for rule, endpoint, view in ROUTES:
        server.add_url_rule(rule, endpoint=endpoint, view_func=view)
    if hasattr(app, "interpolate_index"):   # a Dash app: /?mode=story is the same story page
        server.before_request(story_on_the_app)
    return app


def _view() -> tuple:
    ds = context.dataset()
    return ds, state.parse(ds, request.query_string.decode("utf-8", "replace"))


def embed_page():
    ds, view = _view()
    base, root = base_url(request), request.script_root
    if view.story_mode:
        return _story_page(ds, view, base)
    fig, info = figure_json(ds, view, lod=True), figure_info(ds, view, lod=True)
    assets = {k: asset_url(k, root) for k in ASSET_NAMES}
    # A figure redrawn on zoom may get WebGL traces later: load the bundle the app would.
    assets["plotly"] = assets[bundle_for(ds) if info.lod else info.bundle]
    page = page_document.document(
        ds, view, offline=False, figure=fig, assets=assets, api=f"{root}/api/event/",
        figure_api=f"{root}/embed/figure{view.with_(start=None, end=None).to_query()}" if info.lod else None,
        app_url=f"{base}/{view.with_(event=None).to_query()}", oembed_href=oembed_href(base, request.url),
        meta=social.for_dataset(ds, view.lang, url=f"{base}/embed{view.to_query()}"))
    return respond(request, page.encode("utf-8"), "text/html; charset=utf-8", cache=SHORT_CACHE)


def _story_page(ds, view, base, embedded: bool = True):
    root = request.script_root
    assets = {k: asset_url(k, root) for k in ("story_js", "story_css")}
    # the bundle the story's figure needs: a big one is WebGL (scattergl), which the scatter-only
    # bundle would draw as SVG, every point redrawn on each step
    assets["plotly"] = asset_url(figure_info(ds, story_page.figure_view(view)).bundle, root)
    page = story_page.document(
        ds, view, offline=False, assets=assets,
        step_api=f"{root}/embed/step{view.with_(step=None, story_start='first').to_query()}",
        app_url=f"{base}/{view.with_(story_mode=False).to_query()}", embedded=embedded,
        oembed_href=oembed_href(base, request.url))
    return respond(request, page.encode("utf-8"), "text/html; charset=utf-8", cache=SHORT_CACHE)


def embed_step():
    ds, view = _view()
    body = story_page.card(ds, view.with_(story_mode=True)).encode("utf-8")
    return respond(request, body, "text/html; charset=utf-8", cache=SHORT_CACHE)


def story_on_the_app():
    """`/?mode=story` on the Dash app: the story page (not embedded: its app link stays in the tab)."""
    if request.path != "/" or request.method != "GET" or request.args.get("mode") != "story":
        return None
    ds, view = _view()
    return _story_page(ds, view, base_url(request), embedded=False)


def embed_figure():
    ds, view = _view()
    view = state.zoomed(ds, view, _axis_range(ds, request.args)) or view
    return respond(request, figure_json(ds, view, lod=True).encode("utf-8"), "application/json", cache=SHORT_CACHE)


def event(event_id):
    ds = context.dataset()
    details = page_document.event_details(ds, event_id, lang_or_default(request.args.get("lang", "en")))
    if details is None:
        abort(404)
    body = json.dumps(details, ensure_ascii=False).encode("utf-8")
    return respond(request, body, "application/json", cache=SHORT_CACHE)


def asset(name):
    if name not in NAMES:
        abort(404)
    raw, mimetype, version = asset_registry.asset(name)
    cache = LONG_CACHE if request.args.get("v") == version else "public, max-age=300"
    resp = respond(request, raw, mimetype, cache=cache, br=asset_registry.brotli(name),
                   zipped=asset_registry.gzipped(name) if len(raw) >= 1024 else None)
    resp.headers["ETag"] = f'"{version}"'
    return resp


def _fail(status: int, message: str) -> Response:
    return Response(message + "\n", status=status, mimetype="text/plain")


def _page_path(url: str) -> tuple | None:
    """(scheme, netloc, path within the app, query) of a URL that is a page of this app (its host
or the public URL's), else None."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    root, public = request.script_root, configured_url()
    path = parts.path or "/"
    prefix = urlsplit(public).path if public else ""
    if prefix and path.startswith(prefix):
        path = path[len(prefix):] or "/"
    if root and path.startswith(root):
        path = path[len(root):] or "/"
    if (parts.scheme not in ("http", "https") or not is_own_netloc(parts.netloc or "", request)
            or path.rstrip("/") not in ("", "/embed")):
        return None
    return parts.scheme, parts.netloc, path, parts.query


def oembed():
    url = request.args.get("url", "").strip()
    if not url:
        return _fail(400, "missing url")
    fmt = request.args.get("format", "json").strip().lower() or "json"
    if fmt != "json":
        return _fail(501, "only format=json is supported")
    page = _page_path(url)
    if page is None:
        return _fail(404, "not a page of this site")
    scheme, netloc, _, query = page
    ds = context.dataset()
    view = state.parse(ds, query)
    w, h = context.setting("width", DEFAULT_WIDTH), context.setting("height", DEFAULT_HEIGHT)
    mw, mh = _positive(request.args.get("maxwidth")), _positive(request.args.get("maxheight"))
    w, h = min(w, mw) if mw else w, min(h, mh) if mh else h
    base = configured_url() or f"{scheme}://{netloc}{request.script_root}"
    title = view_title(ds, view)
    answer = {"version": "1.0", "type": "rich",
              "provider_name": context.setting("provider_name", PROVIDER_NAME), "provider_url": base + "/",
              "title": title, "html": iframe_html(embed_src(base, view), w, h, title),
              "width": w, "height": h, "cache_age": 3600}
    return respond(request, json.dumps(answer, ensure_ascii=False).encode("utf-8"),
                   "application/json; charset=utf-8", cache="public, max-age=300")


ROUTES = (("/embed", "timeline_embed", embed_page), ("/embed/step", "timeline_embed_step", embed_step), ("/embed/figure", "timeline_embed_figure", embed_figure),
          ("/api/event/<event_id>", "timeline_event", event), (ASSET_PREFIX + "<name>", "timeline_asset", asset),
          ("/oembed", "timeline_oembed", oembed))


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
