"""The chart's key: what its marks mean (exact or month/year date, circa/before/after, span, shared
event, disputed involvement), only the kinds the dataset has, each with a swatch drawn as the
chart draws it (inline SVG). HTML, not a plotly legend: the lanes are the legend."""
from __future__ import annotations

import html
from urllib.parse import quote

import numpy as np

from ..figure.events import marks
from ..figure.options import BAND_PX, MARKER_PX, SPAN_PX
from ..i18n import t
from ..index import derived
from ..model import Dataset

KINDS = ("exact", "imprecise", "uncertain", "span", "shared", "disputed")
INK = "#444444"                    # the swatches' colour (on the chart each lane has its actor's)
CONNECTOR = "rgba(90,90,90,0.55)"  # as figure/traces.connector_trace draws it
R = MARKER_PX / 2


def kinds_present(dataset: Dataset) -> tuple[str, ...]:
    """The kinds of mark the dataset's chart draws, in KINDS order (cached per dataset)."""
    return derived(dataset, "key-kinds", _kinds)


def _kinds(dataset: Dataset) -> tuple[str, ...]:
    ev = dataset.events
    drawn = (ev["kind"] != "phase").to_numpy()
    style, symbol = marks(dataset)
    moment = (ev["kind"] == "moment").to_numpy() & drawn
    actors = ev["actors"].map(lambda a: len(a) if isinstance(a, (tuple, list)) else 0).to_numpy()
    disputed = ev["disputed"].map(lambda a: bool(a) if isinstance(a, (tuple, list)) else False).to_numpy() \
        if "disputed" in ev.columns else np.zeros(len(ev), bool)
    present = {
        "exact": bool(np.any(moment & (symbol == "circle"))),
        "imprecise": bool(np.any(moment & (symbol == "circle-open"))),
        "uncertain": bool(np.any(drawn & (style == "uncertain") & (symbol != "circle-open"))),
        "span": bool(np.any(drawn & (ev["kind"] == "span").to_numpy())),
        "shared": bool(np.any(drawn & (actors > 1))),
        "disputed": bool(np.any(drawn & disputed)),
    }
    return tuple(k for k in KINDS if present[k])


def swatch(kind: str) -> str:
    """The kind's mark as a small SVG (36 × 20), drawn as on the chart."""
    c = 18
    body = {
        "exact": f'<circle cx="{c}" cy="10" r="{R}" fill="{INK}" stroke="{INK}" stroke-width="2"/>',
        "imprecise": (f'<rect x="4" y="{10 - BAND_PX / 2}" width="28" height="{BAND_PX}" fill="{INK}" fill-opacity="0.25"/>'
                      f'<circle cx="{c}" cy="10" r="{R}" fill="none" stroke="{INK}" stroke-width="2"/>'),
        "uncertain": (f'<line x1="3" y1="10" x2="33" y2="10" stroke="{INK}" stroke-opacity="0.7" stroke-width="2" '
                      'stroke-dasharray="2 2"/>'
                      f'<path d="M{c} {10 - R - 1}L{c + R + 1} 10L{c} {10 + R + 1}L{c - R - 1} 10Z" fill="#fff" '
                      f'stroke="{INK}" stroke-width="2"/>'),
        "span": f'<line x1="4" y1="10" x2="32" y2="10" stroke="{INK}" stroke-opacity="0.85" stroke-width="{SPAN_PX}"/>',
        "shared": (f'<line x1="{c}" y1="4" x2="{c}" y2="16" stroke="{CONNECTOR}" stroke-width="1.2"/>'
                   f'<circle cx="{c}" cy="4" r="3.5" fill="{INK}"/><circle cx="{c}" cy="16" r="3.5" fill="{INK}"/>'),
        "disputed": (f'<circle cx="{c}" cy="10" r="{R + 2}" fill="none" stroke="{INK}" stroke-opacity="0.8" '
                     'stroke-width="1.5"/>'
                     f'<text x="{c}" y="13.5" font-size="10" text-anchor="middle" fill="{INK}">?</text>'),
    }[kind]
    return (f'<svg class="tl-key-mark" width="36" height="20" viewBox="0 0 36 20" aria-hidden="true" '
            f'focusable="false" xmlns="http://www.w3.org/2000/svg">{body}</svg>')


def swatch_uri(kind: str) -> str:
    """The swatch as a data: URI (for an <img>, where markup cannot be inlined: the Dash app)."""
    return "data:image/svg+xml," + quote(swatch(kind))


def entries(dataset: Dataset, lang: str) -> list[tuple[str, str]]:
    """(kind, text in `lang`) of the key's entries, only the kinds the dataset has."""
    return [(k, t(f"key_{k}", lang)) for k in kinds_present(dataset)]


def key_html(dataset: Dataset, lang: str) -> str:
    """The key as a closed <details> ('' when the dataset draws nothing): it reads without JavaScript."""
    rows = entries(dataset, lang)
    if not rows:
        return ""
    items = "".join(f'<li data-kind="{k}">{swatch(k)}<span>{html.escape(text)}</span></li>' for k, text in rows)
    return (f'<details class="tl-key" id="tl-key"><summary>{html.escape(t("key_title", lang))}</summary>'
            f'<ul class="tl-key-list">{items}</ul></details>')
