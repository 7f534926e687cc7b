"""The media of an event in the app's details panel, and long text cut with a 'show all'.

An image (kind image, http(s) only) is shown inline with its alt text, caption and credit; it is
written as `data-src` and `assets/media.js` gives it `loading="lazy"` before it loads (Dash's Img
has no `loading` property). Every other kind is a link with its caption. Nothing here is ever a
script, an iframe or an embedded player; every string goes in as text.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from dash import html

from ..i18n import t

SHOWN = 600          # characters of a long text shown before its 'show all'


def capped(text: str, ui: str, tag=html.Span, className: str | None = None, limit: int = SHOWN, **props):
    """`text` in `tag`, or its first `limit` characters and a 'show all' that opens the rest
    (`ui`: the interface language; `props` may hold the text's own `lang`)."""
    if len(text) <= limit:
        return tag(text, className=className, **props)
    return tag([text[:limit] + "…",
                html.Details([html.Summary(t("show_all", ui, count=len(text)), className="show-all"),
                              html.Span(text, className="full-text")], className="capped")],
               className=className, **props)


def capped_block(text: str, ui: str, tag, limit: int = SHOWN, **props) -> list:
    """A block (heading, paragraph) of `text`: whole, or cut with a 'show all' after it."""
    if len(text) <= limit:
        return [tag(text, **props)]
    return [tag(text[:limit] + "…", **props),
            html.Details([html.Summary(t("show_all", ui, count=len(text)), className="show-all"),
                          html.P(text, className="full-text")], className="capped")]


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or url)[:80]
    except ValueError:
        return url[:80]


def media_item(m: dict, lang: str):
    credit = capped(m["credit"], lang, className="credit", limit=200) if m["credit"] else None
    if m["kind"] == "image":
        caption = [c for c in (capped(m["caption"], lang, className="caption", limit=300) if m["caption"] else None,
                               credit) if c is not None]
        img = html.Img(alt=m["alt"][:1000], referrerPolicy="no-referrer", className="media-image",
                       **{"data-src": m["url"]})
        return html.Figure([img] + ([html.Figcaption(caption)] if caption else []), className="media")
    label = m["caption"][:300] or f"{t('media_' + m['kind'], lang)}: {_host(m['url'])}"
    link = html.A(label, href=m["url"], target="_blank", rel="noopener noreferrer nofollow",
                  referrerPolicy="no-referrer", className=f"media-link media-{m['kind']}")
    return html.P([link] + ([" · ", credit] if credit else []), className="media")


def media_list(items: list[dict], lang: str):
    """The media block of the details panel, or None when the event has none."""
    if not items:
        return None
    return html.Div([media_item(m, lang) for m in items[:20]], className="media-list")
