"""What a page pastes to embed a view: the /embed URL, the iframe snippet, the oEmbed links."""
from __future__ import annotations

import html
from urllib.parse import urlencode

from ..view import View

DEFAULT_WIDTH, DEFAULT_HEIGHT = 800, 500


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
    """'Dataset title' plus the chosen actors' names."""
    title = dataset.title_in(view.lang)
    if view.actors:
        title += " — " + ", ".join(dataset.actor_name(a) for a in view.actors)
    return title
