"""The chart labels' fitting script (`page/static/labels.js`) on the app's page: it places the
figure's label annotations again at the size the graph is drawn, after every draw and resize."""
from __future__ import annotations

import html

from .asset_registry import asset_url
from .http import script_root


def install(app) -> None:
    """Add labels.js to the Dash app's index page (once), after plotly.js."""
    if getattr(app, "_timeline_labels", False):
        return
    inner = app.interpolate_index

    def interpolate_index(**kwargs):
        js = f'<script src="{html.escape(asset_url("labels_js", script_root()))}"></script>'
        kwargs["scripts"] = kwargs.get("scripts", "") + "\n" + js
        return inner(**kwargs)

    app.interpolate_index = interpolate_index
    app._timeline_labels = True
