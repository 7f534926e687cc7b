"""The oEmbed discovery link (for the requested URL) in the Dash page's <head>."""
from __future__ import annotations

from flask import request

from . import context, index_page
from .public import base_url
from .snippets import discovery_link


def install(app) -> None:
    """Wrap the Dash app's index page so it carries the discovery link (once)."""
    index_page.extend(app, "oembed-link", _with_link)


def _with_link(inner, **kwargs) -> str:
    page = inner(**kwargs)
    try:
        link = discovery_link(base_url(request), request.url, context.dataset().title)
    except RuntimeError:   # no request (rendered outside one)
        return page
    at = page.find("</head>")
    return page[:at] + link + "\n" + page[at:] if at >= 0 else page
