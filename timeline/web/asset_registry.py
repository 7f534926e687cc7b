"""The files the server hands out under /_timeline/: the page's static files (timeline/page/static),
read once, versioned by content, with their brotli and gzip forms.

The plotly.js files are chosen here and nowhere else: partial bundles of the plotly.js inside the
plotly package (page/static/vendor/README.md), scatter only ('plotly') or with scattergl
('plotly-gl', for figures with WebGL traces, and the app).

The app's page gets its own scripts and stylesheets as one file each ('app.js', 'app.css'), joined
here in the order the page needs them: the page's shared files (cards, the overview, labels) and
the app's own (web/assets, in Dash's alphabetical order). Dash would list each of the app's
assets as its own request, revalidated on every load: thirteen scripts before dash-renderer.
"""
from __future__ import annotations

import gzip
import hashlib
from functools import lru_cache
from pathlib import Path

from ..page.assets import STATIC, plotly_js_path

APP_ASSETS = Path(__file__).resolve().parent / "assets"   # the Dash app's assets folder

ASSET_PREFIX = "/_timeline/"
LONG_CACHE = "public, max-age=31536000, immutable"
JS, CSS = "text/javascript; charset=utf-8", "text/css; charset=utf-8"
FILES: dict[str, tuple[Path, str]] = {   # name -> (file, mimetype)
    "plotly.min.js": (plotly_js_path("plotly"), JS),
    "plotly-gl.min.js": (plotly_js_path("plotly-gl"), JS),
    "regenerator-runtime.min.js": (STATIC / "vendor" / "regenerator-runtime.min.js", JS),
    "embed.js": (STATIC / "embed.js", JS),
    "axis.js": (STATIC / "axis.js", JS),
    "embed.css": (STATIC / "embed.css", CSS),
    "story.js": (STATIC / "story.js", JS),
    "story.css": (STATIC / "story.css", CSS),
    "cards.js": (STATIC / "cards.js", JS),
    "cards.css": (STATIC / "cards.css", CSS),
    "labels.js": (STATIC / "labels.js", JS),
}
BUNDLES: dict[str, tuple[tuple[Path, ...], str]] = {   # name -> (files joined in order, mimetype)
    "app.js": ((STATIC / "cards.js", STATIC / "axis.js", *sorted(APP_ASSETS.glob("*.js")),
                STATIC / "labels.js"), JS),
    "app.css": ((*sorted(APP_ASSETS.glob("*.css")), STATIC / "cards.css"), CSS),
}
NAMES = frozenset(FILES) | frozenset(BUNDLES)   # every name served under ASSET_PREFIX
ASSET_NAMES = {"plotly": "plotly.min.js", "plotly-gl": "plotly-gl.min.js", "js": "embed.js", "css": "embed.css",
               "cards_js": "cards.js", "cards_css": "cards.css", "axis_js": "axis.js",
               "labels_js": "labels.js", "app_js": "app.js", "app_css": "app.css",
               "regenerator": "regenerator-runtime.min.js", "story_js": "story.js", "story_css": "story.css"}


@lru_cache(maxsize=None)
def asset(name: str) -> tuple[bytes, str, str]:
    """(raw, mimetype, version) of an asset, read once."""
    if name in BUNDLES:
        files, mimetype = BUNDLES[name]
        # scripts: a ';' between files, so one ending without its own cannot run into the next
        sep = b"\n;\n" if mimetype == JS else b"\n"
        raw = sep.join(f.read_bytes().rstrip() for f in files) + b"\n"
    else:
        path, mimetype = FILES[name]
        raw = path.read_bytes()
    return raw, mimetype, hashlib.sha256(raw).hexdigest()[:12]


@lru_cache(maxsize=None)
def gzipped(name: str) -> bytes:
    """The asset gzipped, made on first use (by a client that takes no brotli): compressing
    plotly.js at level 9 takes longer than a first page load has."""
    return gzip.compress(asset(name)[0], 9, mtime=0)


@lru_cache(maxsize=None)
def brotli(name: str) -> bytes | None:
    """The asset compressed with brotli, where a `.br` file was built beside it (the vendored bundles)."""
    if name in BUNDLES:
        return None
    path = FILES[name][0]
    br = path.with_name(path.name + ".br")
    return br.read_bytes() if br.is_file() else None


def read_all() -> None:
    """Read every asset now, not in the first reader's request."""
    for name in NAMES:
        asset(name)
        brotli(name)


def asset_url(kind: str, root: str = "") -> str:
    """The cacheable URL of an asset (a key of ASSET_NAMES), versioned by its content."""
    name = ASSET_NAMES[kind]
    return f"{root}{ASSET_PREFIX}{name}?v={asset(name)[2]}"
