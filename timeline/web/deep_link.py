"""A shared link's first frame: the app's page opened at `/?actors=…&event=…&lang=nl` starts as
the link says, instead of drawing the default view and replacing it a moment later.

Dash's renderer fetches the layout from `/_dash-layout`, without the page's query. The page's
address reaches the server as that fetch's Referer: the app sends `Referrer-Policy:
strict-origin-when-cross-origin` (timeline.web.security), so a same-origin request carries the
whole address. `link_view(dataset)` is the view of that address; the layout (`create_app`'s
`_layouts`, `layout_route`) is built for it, so the chart, the list, the details, the controls and
the `view` store start there, and the page's own first report of its address
(`navigated` in assets/callbacks.js) finds the view already in place: no request, no redraw.
Without a Referer (a proxy or a browser setting strips it) the page starts at the default view
and the address is applied after, as before; a Referer from elsewhere only asks for another
public view. The layout's answer says `Vary: Referer`.

`install(app)` sets the index page's `<html lang>` from the address's `lang`, so a Dutch link is
read in Dutch from the first word.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import has_request_context, request

from ..i18n import lang_or_default
from ..model import Dataset
from ..view import View
from . import index_page, state

HTML_LANG = '<html lang="en">'   # as create_app's index template writes it


def link_query() -> str:
    """The query of the page that made this request (its Referer), '' outside a request or without one."""
    if not has_request_context():
        return ""
    try:
        return urlsplit(request.referrer or "").query[:4096]
    except ValueError:   # a malformed Referer: no link
        return ""


def link_view(dataset: Dataset) -> View:
    """The view the requesting page's address stands for (the default view without one)."""
    q = link_query()
    return state.parse(dataset, q) if q else View()


def install(app) -> None:
    """Wrap the app's index page once: `<html lang>` from the address's `lang`."""
    index_page.extend(app, "html-lang", _in_links_language)


def _in_links_language(inner, **kwargs) -> str:
    page = inner(**kwargs)
    lang = lang_or_default(request.args.get("lang")) if has_request_context() else "en"
    return page.replace(HTML_LANG, f'<html lang="{lang}">', 1) if lang != "en" else page
