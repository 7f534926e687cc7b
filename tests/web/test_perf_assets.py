"""The lean plotly.js bundles: which page gets which, brotli where accepted, no full plotly.js anywhere."""
from __future__ import annotations

import gzip
import re

import pytest

import timeline
from timeline.figure import figure_info
from timeline.page import assets
from timeline.view import View
from timeline.web import create_app, embed

from tests.helpers import synthetic


@pytest.fixture(scope="module")
def client():
    return create_app(timeline.load(), reload_interval=-1).server.test_client()


def test_vendored_bundles_are_partial_plotly_of_the_python_packages_version():
    from plotly.offline import get_plotlyjs_version

    version = get_plotlyjs_version()
    for kind, traces in (("plotly", "scatter"), ("plotly-gl", "scatter, scattergl")):
        head = assets.plotly_js_path(kind).read_text(encoding="utf-8")[:200]
        assert f"plotly.js v{version} (timeline partial bundle: {traces})" in head
        assert assets.plotly_js_path(kind).stat().st_size < 1_800_000


def test_bundle_follows_the_figure():
    assert figure_info(timeline.load(), View()).bundle == "plotly"
    assert figure_info(synthetic(3000)).bundle == "plotly-gl"


def test_embed_page_loads_the_gl_bundle_only_for_webgl_figures():
    app = create_app(synthetic(3000), reload_interval=-1)
    page = app.server.test_client().get("/embed?actors=a01").get_data(as_text=True)
    # plotly.js is preloaded for a wide frame and loaded by embed.js (a phone-sized frame never loads it)
    assert re.findall(r'<link rel="preload" as="script" href="(/_timeline/plotly[^"?]*)', page) == ["/_timeline/plotly.min.js"]
    page = app.server.test_client().get("/embed").get_data(as_text=True)   # 3,000 points: WebGL
    assert re.findall(r'<link rel="preload" as="script" href="(/_timeline/plotly[^"?]*)', page) == ["/_timeline/plotly-gl.min.js"]
    # story mode likewise: its figure (every event) is WebGL there, which the scatter-only bundle
    # would draw as SVG points (a step of 10,000 events took seconds)
    story = app.server.test_client().get("/embed?mode=story").get_data(as_text=True)
    assert re.findall(r'<script src="(/_timeline/plotly[^"?]*)', story) == ["/_timeline/plotly-gl.min.js"]
    story = app.server.test_client().get("/embed?mode=story&actors=a01").get_data(as_text=True)
    assert re.findall(r'<script src="(/_timeline/plotly[^"?]*)', story) == ["/_timeline/plotly.min.js"]


def test_bundles_are_served_brotli_when_accepted_else_gzip(client):
    for kind in ("plotly", "plotly-gl"):
        url = embed.asset_url(kind)
        br = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
        assert br.headers["Content-Encoding"] == "br" and "Accept-Encoding" in br.headers["Vary"]
        assert "immutable" in br.headers["Cache-Control"]
        path = assets.plotly_js_path(kind)
        assert br.data == path.with_name(path.name + ".br").read_bytes()
        gz = client.get(url, headers={"Accept-Encoding": "gzip"})
        assert gz.headers["Content-Encoding"] == "gzip" and gzip.decompress(gz.data) == path.read_bytes()
