"""The chart's axis script (page/static/axis.js: the overview's window, deep-time ticks that
follow the zoom, phase titles that select the phase) on the app's index page, once; the app's
assets/axis-app.js attaches it to the graph. /embed loads the same file itself."""
from __future__ import annotations

import html

from .asset_registry import asset_url
from .http import script_root


def install(app) -> None:
    if getattr(app, "_timeline_axis_js", False):
        return
    inner = app.interpolate_index

    def interpolate_index(**kwargs):
        js = f'<script src="{html.escape(asset_url("axis_js", script_root()))}"></script>'
        kwargs["scripts"] = js + "\n" + kwargs.get("scripts", "")
        return inner(**kwargs)

    app.interpolate_index = interpolate_index
    app._timeline_axis_js = True
