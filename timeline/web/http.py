"""HTTP plumbing every route shares: content negotiation and cacheable responses, written once.

    accepts(request, "gzip")           whether the client takes that content coding
    respond(request, body, mimetype, cache=…, zipped=…, br=…)   the response, compressed when accepted
"""
from __future__ import annotations

import gzip

from flask import Response, request as _request

GZIP_MIN = 1024   # bytes below which compressing costs more than it saves


def accepts(request, coding: str) -> bool:
    """Whether the request's Accept-Encoding lists `coding` ('gzip', 'br') without q=0."""
    for part in (request.headers.get("Accept-Encoding") or "").lower().split(","):
        name, _, params = part.strip().partition(";")
        if name.strip() == coding:
            return params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


def add_vary(resp) -> None:
    """Say that the answer depends on Accept-Encoding (once)."""
    vary = resp.headers.get("Vary", "")
    if "accept-encoding" not in vary.lower():
        resp.headers["Vary"] = (vary + ", " if vary else "") + "Accept-Encoding"


def respond(request, body: bytes, mimetype: str, *, cache: str | None = None, zipped: bytes | None = None,
            br: bytes | None = None, status: int = 200, level: int = 6) -> Response:
    """`body` as a response: brotli (`br`, made ahead) or gzip (`zipped`, or made now) when the
    client accepts it and the body is worth compressing; Cache-Control `cache` when given."""
    resp = Response(status=status, mimetype=None)
    resp.headers["Content-Type"] = mimetype
    if cache:
        resp.headers["Cache-Control"] = cache
    if len(body) >= GZIP_MIN or br is not None:
        add_vary(resp)
        if br is not None and accepts(request, "br"):
            body = br
            resp.headers["Content-Encoding"] = "br"
        elif accepts(request, "gzip") and len(body) >= GZIP_MIN:
            body = zipped if zipped is not None else gzip.compress(body, level, mtime=0)
            resp.headers["Content-Encoding"] = "gzip"
    resp.set_data(body)
    return resp


def script_root() -> str:
    """The path the app is mounted under, for a page rendered in a request; "" outside one."""
    try:
        return _request.script_root
    except RuntimeError:   # rendered outside a request (Dash renders its index once at start)
        return ""
