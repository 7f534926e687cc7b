"""Static images of the timeline (PNG, SVG, PDF) for print and social cards, via kaleido.

kaleido (plotly's own static export) drives a headless Chromium: Debian's, found through
`BROWSER_PATH` or at the usual places (`browser_path()`). One browser serves every image of a
`session()`, so several images cost one start.

    from timeline import load
    from timeline.figure import images
    data = images.render(images.static_figure(load(), width=1200, height=630), "png")
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from .. import files
import plotly.graph_objects as go

from .api import figure
from .overview import strip

FORMATS = ("png", "svg", "pdf")
MAGIC = {"png": b"\x89PNG\r\n\x1a\n", "svg": b"<svg", "pdf": b"%PDF-"}
CHROMIUM_PATHS = ("/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser",
                  "/usr/bin/google-chrome")
INSTALL_HINT = "bash scripts/install.sh --images (or: pip install kaleido==1.5.0; apt-get install chromium)"
DEFAULT_WIDTH = 1200


class ImageError(Exception):
    """Static images cannot be made here (no kaleido, no browser, a failed render): one line why."""


def browser_path() -> str | None:
    """The Chromium kaleido should drive: $BROWSER_PATH if it is a program, else a known place."""
    given = os.environ.get("BROWSER_PATH")
    if given:
        return given if os.access(given, os.X_OK) else None
    for p in CHROMIUM_PATHS:
        if os.access(p, os.X_OK):
            return p
    return shutil.which("chromium") or shutil.which("chromium-browser")


def available() -> str | None:
    """None when images can be made; else the reason, with the fix."""
    try:
        import kaleido  # noqa: F401
    except ImportError:
        return f"static images need kaleido: {INSTALL_HINT}"
    if browser_path() is None:
        where = f"BROWSER_PATH={os.environ['BROWSER_PATH']} is not a program" if os.environ.get("BROWSER_PATH") \
            else "no Chromium found"
        return f"static images need a Chromium: {where} (apt-get install chromium, or set BROWSER_PATH)"
    return None


def static_figure(dataset, view=None, *, width: int | None = None, height: int | None = None,
                  title: bool = True):
    """The app's figure for a view, made for paper: no overview or buttons, the dataset's title."""
    fig = figure(dataset, view, width=width or DEFAULT_WIDTH, height=height)
    lang = fig.layout.meta.get("lang", "en") if isinstance(fig.layout.meta, dict) else "en"
    fig = go.Figure(strip(fig.to_plotly_json()), _validate=False)   # no overview strip on paper
    fig.update_xaxes(rangeselector_visible=False)
    # level tick labels near a cut need the page's script (page/static/axis.js), which an image
    # has not: plotly's own answer to labels that meet, tilting them, is kept
    fig.layout.xaxis.tickangle = None
    fig.update_layout(dragmode=False, width=width or DEFAULT_WIDTH, updatemenus=[])
    if height:
        fig.update_layout(height=height)
    if title:
        fig.update_layout(title={"text": dataset.title_in(lang), "x": 0.01, "xanchor": "left"},
                          margin={"t": max(fig.layout.margin.t or 0, 60)})
    return fig


_open_sessions = 0   # session() nests: an inner one reuses the browser the outer one started


@contextmanager
def session():
    """One headless browser for several images: `with session() as render: render(fig, "png")`.
    Nested sessions (e.g. `export_file` inside one) share the outer one's browser."""
    global _open_sessions
    reason = available()
    if reason:
        raise ImageError(reason)
    import kaleido

    os.environ.setdefault("BROWSER_PATH", browser_path())
    if _open_sessions == 0:
        try:
            kaleido.start_sync_server(n=1, silence_warnings=True)
        except Exception as e:   # choreographer: the browser would not start
            raise ImageError(f"kaleido could not start Chromium ({browser_path()}): {e}") from e
    _open_sessions += 1
    try:
        yield _render
    finally:
        _open_sessions -= 1
        if _open_sessions == 0:
            kaleido.stop_sync_server(silence_warnings=True)


def _render(fig, fmt: str, width: int | None = None, height: int | None = None, scale: float = 1) -> bytes:
    import kaleido

    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r}: one of {', '.join(FORMATS)}")
    opts = {"format": fmt, "width": width or fig.layout.width or DEFAULT_WIDTH,
            "height": height or fig.layout.height, "scale": scale}
    try:
        data = kaleido.calc_fig_sync(fig, opts={k: v for k, v in opts.items() if v is not None})
    except Exception as e:
        raise ImageError(f"kaleido failed to render the {fmt}: {e}") from e
    if not data.startswith(MAGIC[fmt]):
        raise ImageError(f"kaleido returned no {fmt} (it starts {data[:16]!r})")
    return data


def render(fig, fmt: str, width: int | None = None, height: int | None = None, scale: float = 1) -> bytes:
    """One image (a browser started and stopped for it; use `session()` for several)."""
    with session() as draw:
        return draw(fig, fmt, width, height, scale)


def export_file(dataset, view, out: str | Path, fmt: str, *, width: int | None = None,
                height: int | None = None, scale: float = 1, force: bool = False) -> Path:
    """Write the view's image atomically; raises `timeline.files.WouldOverwrite` unless `force`."""
    files.check_target(out, force)   # fail before the (slow) render
    fig = static_figure(dataset, view, width=width, height=height)
    return files.write_bytes(out, render(fig, fmt, width, height, scale), force=force)
