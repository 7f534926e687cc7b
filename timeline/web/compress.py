"""gzip for the app's responses (plotly.js, Dash bundles, the layout and callback JSON).

Dash compresses only with the optional flask-compress package; this is the same thing without
a dependency. Static files (Dash's component suites, /assets) are compressed once and kept;
dynamic responses (layout, callbacks) are compressed per request at a fast level.
"""
from __future__ import annotations

import gzip
from functools import lru_cache

from flask import request

from .http import accepts, add_vary

MIN_BYTES = 1400
TYPES = ("text/", "application/json", "application/javascript", "image/svg+xml")
STATIC_PREFIXES = ("/_dash-component-suites/", "/assets/")


@lru_cache(maxsize=64)
def _static_gzip(key: tuple, data: bytes) -> bytes:
    return gzip.compress(data, 6, mtime=0)


def install(server) -> None:
    """Compress eligible responses of a Flask server when the client accepts gzip."""
    @server.after_request
    def _gzip(response):
        if (not accepts(request, "gzip") or response.status_code != 200
                or response.headers.get("Content-Encoding") or not response.mimetype
                or not response.mimetype.startswith(TYPES) or request.method == "HEAD"):
            return response
        response.direct_passthrough = False
        data = response.get_data()
        if len(data) < MIN_BYTES:
            return response
        if request.path.startswith(STATIC_PREFIXES):
            body = _static_gzip((request.path, request.query_string, len(data)), data)
        else:
            body = gzip.compress(data, 5, mtime=0)
        response.set_data(body)
        response.headers["Content-Encoding"] = "gzip"
        response.headers["Content-Length"] = str(len(body))
        add_vary(response)
        return response
