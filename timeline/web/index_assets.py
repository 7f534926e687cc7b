"""The page's own stylesheet and scripts (`timeline/page/static/`) on the Dash app's index page,
served by `timeline.web.embed` from long-cached URLs: cards.css and cards.js (the phone view),
axis.js (the overview's window, deep-time ticks on zoom, phase clicks) before Dash's scripts, so
the app's assets can attach them to the graph; labels.js (the labels fitted at the drawn size)
after them. /embed, the offline file and the site load the same files themselves."""
from __future__ import annotations

import html

from .asset_registry import asset_url
from .http import script_root

CSS = ("cards_css",)
BEFORE = ("cards_js", "axis_js")   # before Dash's scripts
AFTER = ("labels_js",)             # after plotly.js and Dash's scripts


def _scripts(names, root: str) -> str:
    return "\n".join(f'<script src="{html.escape(asset_url(n, root))}"></script>' for n in names)


def install(app) -> None:
    """Wrap the app's `interpolate_index` once to add the page's assets."""
    if getattr(app, "_timeline_index_assets", False):
        return
    inner = app.interpolate_index

    def interpolate_index(**kwargs):
        root = script_root()
        css = "\n".join(f'<link rel="stylesheet" href="{html.escape(asset_url(n, root))}">' for n in CSS)
        kwargs["css"] = kwargs.get("css", "") + "\n" + css
        kwargs["scripts"] = _scripts(BEFORE, root) + "\n" + kwargs.get("scripts", "") + "\n" + _scripts(AFTER, root)
        return inner(**kwargs)

    app.interpolate_index = interpolate_index
    app._timeline_index_assets = True
