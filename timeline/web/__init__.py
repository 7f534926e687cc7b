"""The Dash app: explore the timeline, read the quotes, filter by actor.

    from timeline.web import create_app
    app = create_app()                      # the bundled dataset
    app = create_app("data/my-story")       # a folder or a TimelineJS .json/.csv (reloaded when it changes)
    app = create_app(dataset)               # an already loaded Dataset
    app.run(debug=False)

The URL query is the view (see `timeline.view`): ?actors=trump,kim&mode=all&from=2018-01&to=2019-12
&event=hanoi-summit&q=train&lang=nl
"""
from __future__ import annotations

from pathlib import Path

import dash

from ..model import Dataset
from ..view import View

ASSETS = Path(__file__).resolve().parent / "assets"

INDEX = """<!DOCTYPE html>
<html lang="en">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        <footer>
            {%config%}
            {%scripts%}
            {%renderer%}
        </footer>
    </body>
</html>"""


def create_app(data=None, **config) -> dash.Dash:
    """A Dash app showing `data`: None (the bundled dataset), a path, or a `Dataset`.

    config: reload_interval (seconds between checks for changed files; default 2, <0 never),
    title (page title), frame_ancestors (origins that may frame the app; see `framing`),
    proxy_fix (how many reverse proxies' X-Forwarded-* headers to trust; default TIMELINE_PROXY_FIX),
    editor (True: the banner after a broken edit lists each problem with file, row and column, for
    someone editing the data on this machine; default False, a generic banner for a public server),
    and any dash.Dash keyword (e.g. url_base_pathname).
    """
    from . import callbacks, layout

    interval = config.pop("reload_interval", 2.0)
    title = config.pop("title", None)
    frame_ancestors = config.pop("frame_ancestors", None)
    config_proxies = config.pop("proxy_fix", None)
    editor = bool(config.pop("editor", False))
    if isinstance(data, Dataset):
        dataset = data

        def get():
            return dataset

        def problems():
            return []
    else:
        from ..store import DatasetStore

        store = DatasetStore(data, interval=interval)
        get = store.get

        def problems():
            return store.problems

    first = get()
    from ..page import social

    app = dash.Dash(
        __name__,
        title=title or first.title,
        assets_folder=str(ASSETS),
        serve_locally=True,
        compress=_can_compress(),
        update_title=None,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"},
                   *social.entries(title or first.title_in("en"),
                                   social.description(first, "en") or "An interactive, sourced timeline")],
        **config,
    )
    app.index_string = INDEX

    cache: dict = {}

    def current():
        """The dataset and what the banner shows: the problems themselves for the editor."""
        return get(), tuple(problems()) if editor else bool(problems())

    def serve_layout():
        ds, flag = current()
        key = (id(ds), flag)
        if key not in cache:
            cache.clear()
            cache[key] = layout.page(ds, View(), problems=problems(), editor=editor)
        return cache[key]

    # Dash ships the validation layout inside every page: the ids and properties suffice, not
    # the figure and the event list a second time.
    light = layout.page(first, View(), problems=problems())
    light["graph"].figure = {}
    light["event-list"].children = []
    app.validation_layout = light
    app.layout = serve_layout
    serve_layout()   # built now, not on the first request
    callbacks.register(app, get)
    from . import embed

    embed.register(app, get, frame_ancestors=frame_ancestors)
    from . import plotly_js

    plotly_js.install(app, get)
    from . import cards

    cards.install(app, first)
    from . import layout_route

    layout_route.install(app, current)
    if not app.config.get("compress"):
        from . import compress

        compress.install(app.server)
    from . import security

    security.install(app)   # CSP hashes of every inline script, body limit, error answers
    from . import public

    public.configured_url()   # a malformed TIMELINE_PUBLIC_URL fails at start, not in a request
    public.install_proxy_fix(app.server, config_proxies)   # outermost: the address the reader used
    return app


def _can_compress() -> bool:
    try:
        import flask_compress  # noqa: F401
    except ImportError:
        return False
    return True


__all__ = ["create_app"]
