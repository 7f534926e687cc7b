"""The public address of the app, for links that leave it: the Embed dialog's <iframe>, oEmbed.

- `TIMELINE_PUBLIC_URL` (`https://timeline.example.org`, or with a path prefix): always that.
- Else the request's own scheme, host and script root. Behind a reverse proxy, set
  `TIMELINE_PROXY_FIX=N` (N proxies, usually 1): werkzeug's ProxyFix then takes the scheme, host,
  port and prefix from the proxy's `X-Forwarded-Proto/Host/Port/Prefix` headers, so the request's
  address is the one the reader asked for (never the proxy's 127.0.0.1). Without it those headers
  are ignored: a client could otherwise put any host into the links.
"""
from __future__ import annotations

import os
from urllib.parse import urlsplit

ENV_URL = "TIMELINE_PUBLIC_URL"
ENV_PROXY = "TIMELINE_PROXY_FIX"


def configured_url(value: str | None = None) -> str | None:
    """The public base URL (no trailing slash) from `value` or TIMELINE_PUBLIC_URL, if it is an
    http(s) URL; else None."""
    raw = (value if value is not None else os.environ.get(ENV_URL) or "").strip()
    if not raw:
        return None
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{ENV_URL}={raw!r} is not an http(s) URL (write https://host[/prefix])")
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def base_url(request) -> str:
    """The address the app's pages have for readers: TIMELINE_PUBLIC_URL, else the request's."""
    return configured_url() or request.host_url.rstrip("/") + request.script_root


def is_own_netloc(netloc: str, request) -> bool:
    """Whether a URL's host[:port] is this app's: the request's host or the public URL's."""
    mine = {request.host.lower()}
    public = configured_url()
    if public:
        mine.add(urlsplit(public).netloc.lower())
    return netloc.lower() in mine


def install_proxy_fix(server, proxies: str | int | None = None) -> None:
    """Trust `proxies` reverse proxies' X-Forwarded-* headers (TIMELINE_PROXY_FIX; 0/unset: none)."""
    raw = proxies if proxies is not None else os.environ.get(ENV_PROXY, "")
    try:
        n = int(str(raw).strip() or 0)
    except ValueError:
        raise ValueError(f"{ENV_PROXY}={raw!r}: give the number of proxies in front (1, 2, …)") from None
    if n <= 0:
        return
    from werkzeug.middleware.proxy_fix import ProxyFix

    server.wsgi_app = ProxyFix(server.wsgi_app, x_for=n, x_proto=n, x_host=n, x_port=n, x_prefix=n)
