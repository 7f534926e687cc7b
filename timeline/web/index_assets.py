"""The app's own scripts and stylesheets on the Dash app's index page: one script and one
stylesheet (`app.js`, `app.css`, joined by `timeline.web.asset_registry` from the page's shared
files in `timeline/page/static/` and the app's in `timeline/web/assets/`), from long-cached URLs,
instead of Dash's one request per asset file. The script goes before Dash's scripts: it defines
the clientside functions (window.dash_clientside) the renderer calls, and attaches the overview,
the labels and the phone cards to the graph when it appears. /embed, the offline file and the
site load the page's files themselves.

Dash itself is told to leave the folder's .js and .css out (`ASSETS_IGNORE`, create_app); it still
serves them one by one under /assets/, for whoever links one."""
from __future__ import annotations

import html

from . import index_page
from .asset_registry import asset_url
from .http import script_root

ASSETS_IGNORE = r".*\.(js|css)$"   # Dash's assets_ignore: the app's assets come as one file each


def install(app) -> None:
    """Add the app's script and stylesheet to its index page (once)."""
    index_page.extend(app, "app-assets", _with_assets)


def _with_assets(inner, **kwargs) -> str:
    root = script_root()
    css = f'<link rel="stylesheet" href="{html.escape(asset_url("app_css", root))}">'
    kwargs["css"] = kwargs.get("css", "") + "\n" + css
    script = f'<script src="{html.escape(asset_url("app_js", root))}"></script>'
    kwargs["scripts"] = script + "\n" + kwargs.get("scripts", "")
    return inner(**kwargs)
