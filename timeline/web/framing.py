"""Who may put our pages in a frame: Content-Security-Policy `frame-ancestors` (+ X-Frame-Options).

Two route classes:

- ``embed``: the embed page and the oEmbed answer (``/embed``, ``/oembed``, ``/api/event/…`` and the
  embed assets). Any site may frame them: ``frame-ancestors *``.
- ``default``: everything else (the app itself). Only our own pages may frame it:
  ``frame-ancestors 'self'`` plus ``X-Frame-Options: SAMEORIGIN`` for old browsers; or, when
  configured (``create_app(frame_ancestors="https://example.org …")`` or the environment variable
  ``TIMELINE_FRAME_ANCESTORS``), ``'self'`` and the listed origins, without X-Frame-Options
  (which cannot express a list; browsers that know CSP ignore it anyway).

The policy is a dict of CSP directives per route class, rendered once per response, so a later
full CSP adds its directives with `add_directive` instead of writing a second header:

    framing.add_directive(server, "default-src", "'self'")              # every class
    framing.add_directive(server, "script-src", "'self'", route_class="embed")
"""
from __future__ import annotations

import os

ENV = "TIMELINE_FRAME_ANCESTORS"
EXTENSION = "timeline_framing"
EMBED = "embed"
DEFAULT = "default"
EMBED_PREFIXES = ("/embed", "/oembed", "/api/event/", "/_timeline/")


class Policy:
    """CSP directives per route class, and which paths belong to the embed class."""

    def __init__(self, frame_ancestors: str | None = None):
        configured = " ".join((frame_ancestors or "").split())
        self.directives: dict[str, dict[str, str]] = {EMBED: {"frame-ancestors": "*"}, DEFAULT: {}}
        if configured:
            sources = configured if configured == "*" or "'self'" in configured.split() else f"'self' {configured}"
            self.directives[DEFAULT]["frame-ancestors"] = sources
            self.x_frame_options = None
        else:
            self.directives[DEFAULT]["frame-ancestors"] = "'self'"
            self.x_frame_options = "SAMEORIGIN"
        self.embed_prefixes: list[str] = list(EMBED_PREFIXES)

    def route_class(self, path: str) -> str:
        for p in self.embed_prefixes:
            if path == p or path.startswith(p if p.endswith("/") else p + "/") or path.startswith(p + "?"):
                return EMBED
        return DEFAULT

    def render(self, route_class: str) -> str:
        """'directive value; directive value' for one class (directives in insertion order)."""
        return "; ".join(f"{k} {v}".strip() for k, v in self.directives[route_class].items())

    def apply(self, path: str, headers) -> None:
        cls = self.route_class(path)
        headers["Content-Security-Policy"] = self.render(cls)
        if cls == DEFAULT and self.x_frame_options:
            headers["X-Frame-Options"] = self.x_frame_options
        else:
            headers.pop("X-Frame-Options", None)


def _flask(app):
    return getattr(app, "server", app)


def install(app, frame_ancestors: str | None = None) -> Policy:
    """Add the after_request hook to a Flask app (or a Dash app's server); return the Policy.

    `frame_ancestors` (space-separated origins) defaults to the TIMELINE_FRAME_ANCESTORS
    environment variable. Installing twice keeps one hook (the policy is replaced).
    """
    server = _flask(app)
    if frame_ancestors is None:
        frame_ancestors = os.environ.get(ENV)
    policy = Policy(frame_ancestors)
    first = EXTENSION not in server.extensions
    server.extensions[EXTENSION] = policy
    if first:
        from flask import request

        @server.after_request
        def _frame_headers(response):
            server.extensions[EXTENSION].apply(request.path, response.headers)
            return response

    return policy


def policy(app) -> Policy:
    return _flask(app).extensions[EXTENSION]


def add_directive(app, name: str, value: str, route_class: str | None = None) -> None:
    """Set a CSP directive for one route class (or every class when None)."""
    p = policy(app)
    for cls in ([route_class] if route_class else list(p.directives)):
        p.directives[cls][name] = value


def add_embed_prefix(app, prefix: str) -> None:
    """Let another path (and what is under it) be framed by any site."""
    p = policy(app)
    if prefix not in p.embed_prefixes:
        p.embed_prefixes.append(prefix)
