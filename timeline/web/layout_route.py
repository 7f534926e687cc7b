"""Dash's `/_dash-layout`, answered from bytes made once per layout, and fetched early.

Dash serialises the layout on every request (at 10,000 events: 214 kB of JSON, 30-40 ms, then
compressed again), and its renderer asks for it only once every script on the page has run.
`install(app, current)` keeps the JSON and its gzip per layout (`current()` gives the dataset
and whether it has problems: a reload changes it), and `preload_links(prefix)` gives the `<link
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


def install(app, current) -> None:
    """Serve the app's layout from bytes kept while `current()` (the dataset object and whether
    it has problems) stays the same; identity, not equality, decides."""
    endpoint = app.config.routes_pathname_prefix + "_dash-layout"
    cached: list = [(None, None), b"", b""]

    def _bytes():
        ds, flag = current()
        if cached[0][0] is not ds or cached[0][1] != flag:
            body = to_json(app.get_layout()).encode("utf-8")
            cached[:] = [(ds, flag), body, gzip.compress(body, 6, mtime=0)]

    def serve_layout():
        _bytes()
        return respond(request, cached[1], "application/json", zipped=cached[2])

    app.server.view_functions[endpoint] = serve_layout
    _bytes()   # made now, not in the first reader's request
