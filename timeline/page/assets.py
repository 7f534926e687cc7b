"""The page's static files (`page/static/`): embed.js, embed.css and the vendored plotly.js bundles."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"


def script_text(js: str) -> str:
    """JavaScript source made safe to inline (no '</script' can end the element early)."""
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.I)


@lru_cache(maxsize=None)
def static_text(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


PLOTLY_BUNDLES = {"plotly": "plotly-core.min.js", "plotly-gl": "plotly-gl.min.js"}


def plotly_js_path(kind: str = "plotly") -> Path:
    """A partial plotly.js bundle (static/vendor/README.md): 'plotly' draws scatter traces,
    'plotly-gl' scatter and scattergl. Both are the plotly.js version of the plotly package."""
    return STATIC / "vendor" / PLOTLY_BUNDLES[kind]


@lru_cache(maxsize=2)
def plotly_js_text(kind: str = "plotly") -> str:
    return script_text(plotly_js_path(kind).read_text(encoding="utf-8"))
