"""The Dash app's index page, where several modules add to it: `extend(app, name, fn)` wraps
Dash's `interpolate_index` once per `name` with `fn(inner, **kwargs) -> str`, which renders the
page through `inner` (after changing its parts: scripts, css, …) and may change the result.
The oEmbed link (`discovery`), plotly.js and preloads (`plotly_js`), the app's script and
stylesheet (`index_assets`) and `<html lang>` (`deep_link`) go in this way."""
from __future__ import annotations


def extend(app, name: str, fn) -> None:
    """Wrap the index page with `fn` (once for each `name`: installing again changes nothing)."""
    done = app.__dict__.setdefault("_timeline_index_extensions", set())
    if name in done:
        return
    inner = app.interpolate_index
    app.interpolate_index = lambda **kwargs: fn(inner, **kwargs)
    done.add(name)
