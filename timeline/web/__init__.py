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


import dash

from ..model import Dataset
from ..page import social
from ..store import DatasetStore
from ..view import View
from . import (callbacks, cards, compress, context, deep_link, discovery, embed, embed_dialog, index_assets,
               layout, layout_route, plotly_js, public, security)
from .asset_registry import APP_ASSETS


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

    The wiring, in order: the dataset (a store that reloads, or a fixed Dataset), the page, the
    callbacks, the embed routes and dialog, the index page's additions (oEmbed link, plotly.js,
    preloads), the layout route, compression, the security layer (it hashes every inline script
    the others added), and outermost the proxy fix (the address the reader used).
    """
    interval = config.pop("reload_interval", 2.0)
    title = config.pop("title", None)
    frame_ancestors = config.pop("frame_ancestors", None)
    proxies = config.pop("proxy_fix", None)
    editor = bool(config.pop("editor", False))
    get, problems = _source(data, interval)
    first = get()
    app = dash.Dash(
        __name__,
        title=title or first.title,
        assets_folder=str(APP_ASSETS),
        assets_ignore=index_assets.ASSETS_IGNORE,
        serve_locally=True,
        compress=_can_compress(),
        update_title=None,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"},
                   *social.entries(title or first.title_in("en"),
                                   social.description(first, "en") or "An interactive, sourced timeline")],
        **config,
    )
    app.index_string = INDEX
    context.install(app.server, get=get, problems=problems)
    current = _layouts(app, get, problems, editor)
    callbacks.register(app)
    embed.register(app, get, frame_ancestors=frame_ancestors)
    embed_dialog.register(app)
    discovery.install(app)
    plotly_js.install(app, get)
    cards.install(app, first)
    index_assets.install(app)
    deep_link.install(app)
    layout_route.install(app, current)
    if not app.config.get("compress"):
        compress.install(app.server)
    security.install(app)   # CSP hashes of every inline script, body limit, error answers
    public.configured_url()   # a malformed TIMELINE_PUBLIC_URL fails at start, not in a request
    public.install_proxy_fix(app.server, proxies)   # outermost: the address the reader used
    return app


def _source(data, interval):
    """(get, problems): the current dataset and its reload problems, from a Dataset or a store."""
    if isinstance(data, Dataset):
        return (lambda: data), (lambda: [])
    store = DatasetStore(data, interval=interval)
    return store.get, (lambda: store.problems)


def _current(get, problems, editor: bool) -> tuple:
    """The dataset and what the banner shows: the problems themselves for the editor."""
    return get(), tuple(problems()) if editor else bool(problems())


def _layouts(app, get, problems, editor: bool):
    """The page for `/`, for the view of the address that asks (`deep_link`), and the validation
    layout. The default view's page is built once per dataset version, and now rather than on
    the first request; a linked view's is built when asked (`layout_route` keeps its bytes).
    Returns what the layout depends on, for `layout_route`: (dataset, banner, view query)."""
    cache: dict = {}

    def current():
        ds, flag = _current(get, problems, editor)
        return ds, flag, deep_link.link_view(ds).to_query()

    def serve_layout():
        ds, flag = _current(get, problems, editor)
        view = deep_link.link_view(ds)
        if view != View():
            return layout.page(ds, view, problems=problems(), editor=editor)
        key = (id(ds), flag)
        if key not in cache:
            cache.clear()
            cache[key] = layout.page(ds, view, problems=problems(), editor=editor)
        return cache[key]

    # Dash ships the validation layout inside every page: the ids and properties suffice, not
    # the figure and the event list a second time.
    light = layout.page(get(), View(), problems=problems())
    light["graph"].figure = {}
    light["event-list"].children = []
    app.validation_layout = light
    app.layout = serve_layout
    serve_layout()
    return current


def _can_compress() -> bool:
    try:
        import flask_compress  # noqa: F401  (optional: Dash compresses with it when installed)
    except ImportError:
        return False
    return True


__all__ = ["create_app"]
