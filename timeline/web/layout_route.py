"""Dash's `/_dash-layout`, answered from bytes made once per layout, and fetched early.

Dash serialises the layout on every request (at 10,000 events: 214 kB of JSON, 30-40 ms, then
compressed again), and its renderer asks for it only once every script on the page has run.
`install(app, current)` keeps the JSON and its gzip per layout (`current()` gives the dataset,
whether it has problems, and the view the asking page links to: a reload changes the first two,
a shared link the third, `timeline.web.deep_link`), and `preload_links(prefix)` gives the `<link
rel="preload">`s with which the page fetches the layout and the callback list while its scripts
are still loading (the renderer's own fetch then takes the preloaded answer).
"""
from __future__ import annotations

import gzip
import html

from dash._utils import to_json
from flask import request

from .http import respond

ROUTES = ("_dash-layout", "_dash-dependencies")


def preload_links(prefix: str) -> str:
    """Preloads for the layout and the callback list; `crossorigin` makes them match the
    renderer's same-origin fetch (mode cors, credentials same-origin)."""
    return "".join(f'<link rel="preload" as="fetch" crossorigin="anonymous" href="{html.escape(prefix)}{r}">'
                   for r in ROUTES)


LINKED = 8   # linked views' layouts kept beside the default view's, the least recently asked dropped


def install(app, current) -> None:
    """Serve the app's layout from bytes kept per `current()`: (the dataset object, whether it
    has problems, the query of the view the asking page's address links to, '' for the default
    view). A new dataset object drops every kept layout (identity, not equality, decides); the
    default view's is kept while it lasts, and the `LINKED` linked views asked most recently."""
    endpoint = app.config.routes_pathname_prefix + "_dash-layout"
    kept: dict = {}   # (flag, query) -> (dataset, body, gzipped), oldest first

    def _bytes():
        ds, flag, query = current()
        key = (flag, query)
        hit = kept.pop(key, None)
        if hit is None or hit[0] is not ds:
            if any(v[0] is not ds for v in kept.values()):
                kept.clear()
            body = to_json(app.get_layout()).encode("utf-8")
            hit = (ds, body, gzip.compress(body, 6, mtime=0))
        kept[key] = hit   # now the newest
        linked = [k for k in kept if k[1]]
        for k in linked[:max(0, len(linked) - LINKED)]:
            del kept[k]
        return hit

    def serve_layout():
        _, body, zipped = _bytes()
        resp = respond(request, body, "application/json", zipped=zipped)
        resp.vary.add("Referer")   # the layout is the view of the asking page's address (deep_link)
        return resp

    app.server.view_functions[endpoint] = serve_layout
    _bytes()   # made now, not in the first reader's request
