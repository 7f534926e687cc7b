"""plotly.js for the app's page: the vendored partial bundle, loaded up front.

Dash's dcc.Graph draws with `window.Plotly` when it is defined, and otherwise fetches the full
plotly.js (4.8 MB) only after the layout has arrived and the Graph's own lazy chunk has loaded:
three round trips in a row before the first point. `install(app, get)` puts a `<script>` for a
partial bundle first among the page's scripts (long-cached, brotli or gzip), so it downloads
with Dash's bundles and is ready when the Graph mounts: `plotly-gl` (scatter + scattergl) where
the dataset has more points than the figure builder draws without WebGL, else the smaller
scatter-only `plotly`. It is chosen per page load: a page opened before its dataset grew past
that threshold needs a reload to draw WebGL traces. It also `<link rel="preload">`s the lazy
chunks of the two components the first paint
needs (dcc.Graph, dcc.Dropdown), so they download while the layout is fetched.

It leaves out dash_table's bundle (34 kB; the page has no DataTable), and it swaps Dash's
@babel/polyfill (core-js 2, 100 kB) for regenerator-runtime (7 kB), the one
part of it Dash's lazy components use in a current browser. core-js 2 replaces the browser's own
`String.prototype.trim` with a slow one (its test of U+180E predates Unicode 6.3), and every
trim on the page, plotly.js's included, paid for it: at 10,000 events the polyfill took about
130 ms of the first render's script time.
"""
from __future__ import annotations

import html
import re

from .http import script_root

from ..figure import bundle_for
from . import index_page
from .asset_registry import asset_url
from .layout_route import preload_links

LAZY_CHUNKS = ("dash/dcc/async-graph.js", "dash/dcc/async-dropdown.js")
POLYFILL = re.compile(r'<script src="[^"]*/deps/polyfill@[^"]*"></script>')
# Dash lists dash_table's bundle on every page; the app has no DataTable, so its page does without.
UNUSED_SUITES = re.compile(r'<script src="[^"]*/_dash-component-suites/dash/dash_table/[^"]*"></script>\n?')


def install(app, get=None) -> None:
    """Add the bundle and the preloads to the Dash app's index page (once); `get()` gives the dataset."""
    def with_plotly(inner, **kwargs) -> str:
        root = script_root()
        prefix = app.config.requests_pathname_prefix
        preload = "".join(f'<link rel="preload" as="script" href="{html.escape(prefix)}_dash-component-suites/{c}">'
                          for c in LAZY_CHUNKS)
        kwargs["css"] = preload + preload_links(prefix) + "\n" + kwargs.get("css", "")
        src = html.escape(asset_url(bundle_for(get()) if get is not None else "plotly-gl", root))
        runtime = f'<script src="{html.escape(asset_url("regenerator", root))}"></script>'
        scripts, swapped = POLYFILL.subn(runtime, UNUSED_SUITES.sub("", kwargs.get("scripts", "")), count=1)
        kwargs["scripts"] = f'<script src="{src}"></script>\n' + (scripts if swapped else runtime + scripts)
        return inner(**kwargs)

    index_page.extend(app, "plotly-js", with_plotly)
