"""Story mode's routes (added by `timeline.web.embed.register`):

    GET /embed?mode=story&…      the story page (timeline.page.story), frameable like /embed
    GET /?mode=story&…           the same page at the app's own address (a Dash app only)
    GET /embed/step?mode=story&…&step=N   one step's card, as HTML, for story.js

The page is rendered on the server (it reads without JavaScript); story.js asks /embed/step for
the cards of the steps the reader moves to.
"""
from __future__ import annotations

from ..page import story as story_page

HTML = "text/html; charset=utf-8"


def page_response(request, ds, view, *, embedded: bool = True):
    """The story page for `view` (story mode) as a response."""
    from .embed import _base, _response, asset_url, oembed_href

    base = _base(request)
    assets = {k: asset_url(k, request.script_root) for k in ("plotly", "story_js", "story_css")}
    page = story_page.document(
        ds, view, offline=False, assets=assets,
        step_api=f"{request.script_root}/embed/step{view.with_(step=None, story_start='first').to_query()}",
        app_url=f"{base}/{view.with_(story_mode=False).to_query()}", embedded=embedded,
        oembed_href=oembed_href(base, request.url))
    return _response(request, page.encode("utf-8"), HTML, cache="public, max-age=60")


def register(server, current_view, *, on_app: bool) -> None:
    """/embed/step, and (on_app) /?mode=story. `current_view()` gives (dataset, view) of the request."""
    from flask import request

    from .embed import _response

    @server.route("/embed/step")
    def timeline_embed_step():
        ds, view = current_view()
        body = story_page.card(ds, view.with_(story_mode=True)).encode("utf-8")
        return _response(request, body, HTML, cache="public, max-age=60")

    if on_app:
        @server.before_request
        def timeline_story_on_the_app():
            if request.path != "/" or request.method != "GET" or request.args.get("mode") != "story":
                return None
            ds, view = current_view()
            return page_response(request, ds, view, embedded=False)
