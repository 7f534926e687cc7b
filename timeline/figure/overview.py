"""The overview under the chart: a thin strip of the whole dataset, one tick mark per event
position, and a window showing the range in view (it replaces plotly's range slider, which
copied every trace into itself, cut its markers in half and doubled the cost of every draw).

It is a second, small subplot of the same figure (xaxis2/yaxis2): the strip's axis covers the
whole dataset with the same cuts as the chart's. Its tick marks (at most OVERVIEW_BINS: event
starts rounded to a bin, so 100,000 events cost as much as a few hundred) are not plotly points:
its one trace ("overview") draws nothing and only keeps the subplot, `layout.meta.overview`
carries the marks' positions and style, and the page (page/static/axis.js) draws them as one
SVG path over the strip, again only when the figure or the strip's box changes. As a trace's
markers they were restyled on every redraw of the chart (a filter, a zoom, a pan): about a
third of the app's filter at 10,000 events. The window on the range in view is the page's too:
an element over the strip, moved without a redraw of the chart as the reader zooms or pans,
which the reader can drag, or click the strip, to move the view.
"""
from __future__ import annotations

import numpy as np

from ..i18n import t
from ..index import derived
from ..model import Dataset
from .axis import Axis

OVERVIEW_BINS = 400        # distinct tick positions across the strip at most
OVERVIEW_TOP = 0.085       # the strip's share of the plot height, from the bottom
CHART_BOTTOM = 0.17        # where the chart starts above it (room for the chart's tick labels)
TICK = "rgba(60,60,70,0.7)"
MARK_PX = 16.8            # a tick mark's height


def tick_days(dataset: Dataset, full: tuple[float, float]) -> np.ndarray:
    """The strip's tick positions (days): every event's start, rounded to one of OVERVIEW_BINS bins."""
    def build(ds: Dataset) -> np.ndarray:
        ev = ds.events
        at = ev["start_at"].to_numpy(dtype=float)[(ev["kind"] != "phase").to_numpy()]
        at = at[np.isfinite(at)]
        lo, hi = full
        width = max((hi - lo) / OVERVIEW_BINS, 1e-9)
        return np.unique(lo + (np.floor((at - lo) / width) + 0.5) * width)
    return derived(dataset, "overview-ticks", build)


def add_overview(fig: dict, dataset: Dataset, axis: Axis, full: tuple[float, float]) -> None:
    """Add the strip (its axes and its trace) to a figure dict.

    `full` is the whole dataset's range in days (the default view's)."""
    lay = fig["layout"]
    xa = lay["xaxis"]
    days = tick_days(dataset, full)
    marks = [v for v in axis.text(days) if v is not None]
    # a trace that draws nothing keeps the strip's subplot (plotly draws no subplot without a trace,
    # and an empty trace is invisible: its subplot's axis lines came out NaN in a first draw)
    fig["data"].append(dict(type="scatter", xaxis="x2", yaxis="y2", x=axis.text(np.array(full[:1])), y=[0.5],
                            mode="none", name="overview", hoverinfo="skip", showlegend=False))
    lay["xaxis2"] = dict(type=xa["type"], range=axis.text(np.array(full)), anchor="y2", fixedrange=True,
                         showgrid=False, showticklabels=False, ticks="", showline=True, mirror=True,
                         linecolor="rgba(120,120,130,0.6)", zeroline=False)
    lay["yaxis2"] = dict(domain=[0, OVERVIEW_TOP], range=[0, 1], fixedrange=True, showgrid=False, zeroline=False,
                         showticklabels=False, ticks="", showline=True, mirror=True, linecolor="rgba(120,120,130,0.6)")
    lay["yaxis"]["domain"] = [CHART_BOTTOM, 1]
    # the marks, drawn by the page: as plotly drew a 'line-ns-open' marker of size 12 (16.8 px tall)
    lay["meta"]["overview"] = dict(x=marks, y=0.5, length=MARK_PX, line=dict(color=TICK, width=1.5))
    lay["meta"]["overview_label"] = t("overview_window", lay["meta"].get("lang", "en"))   # page/static/axis.js


def strip(fig: dict) -> dict:
    """The figure dict without its overview (for paper: static images), in place; returns it."""
    fig["data"] = [t for t in fig["data"] if t.get("name") != "overview"]
    lay = fig["layout"]
    for key in ("xaxis2", "yaxis2"):
        lay.pop(key, None)
    lay.get("yaxis", {}).pop("domain", None)
    (lay.get("meta") or {}).pop("overview", None)
    return fig
