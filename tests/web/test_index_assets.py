"""The app's page gets its own scripts and stylesheets as one long-cached file each, holding every
asset file once, in the order the page runs them."""
from __future__ import annotations

import re

import pytest

import timeline
from timeline.page.assets import STATIC
from timeline.web import create_app
from timeline.web.asset_registry import APP_ASSETS


@pytest.fixture(scope="module")
def client():
    return create_app(timeline.load(), reload_interval=-1).server.test_client()


def _scripts(page: str) -> list[str]:
    return re.findall(r'<script src="([^"?]*)', page)


def test_the_page_has_one_script_and_one_stylesheet_of_its_own(client):
    page = client.get("/").get_data(as_text=True)
    scripts = _scripts(page)
    ours = [s for s in scripts if s.startswith(("/assets/", "/_timeline/"))]
    # plotly.js first (dcc.Graph finds window.Plotly), then the app's one file, then Dash's shell
    assert ours == ["/_timeline/plotly.min.js", "/_timeline/app.js", "/_timeline/regenerator-runtime.min.js"]
    assert scripts.index("/_timeline/app.js") < min(i for i, s in enumerate(scripts) if "dash-renderer" in s)
    sheets = re.findall(r'<link rel="stylesheet" href="([^"?]*)', page)
    assert sheets == ["/_timeline/app.css"]


def test_the_bundle_holds_every_asset_once_in_order(client):
    page = client.get("/").get_data(as_text=True)
    url = re.search(r'<script src="(/_timeline/app\.js\?v=[^"]+)"', page).group(1)
    resp = client.get(url)
    assert resp.status_code == 200 and "immutable" in resp.headers["Cache-Control"]
    body = resp.get_data(as_text=True)
    parts = [STATIC / "cards.js", STATIC / "axis.js", *sorted(APP_ASSETS.glob("*.js")), STATIC / "labels.js"]
    assert len(parts) > 5
    at = [body.find(p.read_text(encoding="utf-8").strip()) for p in parts]
    assert -1 not in at, [p.name for p, i in zip(parts, at) if i < 0]
    assert at == sorted(at)
    # a file that ends without its own ';' cannot run into the next one
    assert body.count("\n;\n") == len(parts) - 1

    css = client.get(re.search(r'href="(/_timeline/app\.css\?v=[^"]+)"', page).group(1)).get_data(as_text=True)
    for sheet in (*sorted(APP_ASSETS.glob("*.css")), STATIC / "cards.css"):
        assert sheet.read_text(encoding="utf-8").strip() in css


def test_the_asset_files_are_still_served_one_by_one(client):
    """Dash leaves them off the page, not off the server: a link to one keeps working."""
    assert client.get("/assets/lanes.js").status_code == 200
