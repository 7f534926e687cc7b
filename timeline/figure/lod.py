"""Level of detail (`Options.lod`): density when zoomed out, a window of full detail when zoomed in."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..i18n import words as words_of
from ..model import Dataset
from ..view import View
from .axis import Axis
from .events import event_properties, lane_ids, lane_labels
from .layout import layout
from .options import GL_THRESHOLD, LOD_BINS, Options
from .placement import label_annotations
from .traces import scatter, selected_trace


def lod_window(x_range: tuple[float, float]) -> tuple[float, float]:
    """The range a level-of-detail figure covers: the visible range and one range-width each side
    (so a pan shows events at once; the page asks for a new figure when the view changes)."""
    lo, hi = x_range
    width = hi - lo
    return lo - width, hi + width


def overlapping(items: pd.DataFrame, lo: float, hi: float) -> np.ndarray:
    at = items["at"].to_numpy(dtype=float)
    end = np.fmax(at, items["end_at"].to_numpy(dtype=float))
    return (at < hi) & (end >= lo)


def density_figure(dataset: Dataset, view: View, options: Options, axis: Axis, lanes: list, items: pd.DataFrame,
                   x_range: tuple[float, float], window: tuple[float, float], lang: str) -> dict:
    """Each lane as density: per bin (LOD_BINS across the visible range), one marker at the bin's
    centre sized by how many events start in it, hovering 'N events ± date'. Its customdata is
    [None, N]: no event id where the app and the embed look for one, so a click selects nothing. Every lane is
    kept; the selected event is still drawn and labelled."""
    words = words_of(lang)
    lo, hi = window
    width = (x_range[1] - x_range[0]) / LOD_BINS
    nbins = int(math.ceil((hi - lo) / width))
    at = items["at"].to_numpy(dtype=float)
    ok = np.isfinite(at) & (at >= lo) & (at < hi)
    rank = {code: i for i, (code, _, _) in enumerate(lanes)}
    lane_rank = items["lane"].map(rank).to_numpy()[ok]
    counts = np.bincount(lane_rank * nbins + ((at[ok] - lo) // width).astype(np.int64),
                         minlength=len(lanes) * nbins).reshape(len(lanes), nbins)
    peak = max(int(counts.max()), 1)
    use_gl = int((counts > 0).sum()) > GL_THRESHOLD
    edges = lo + width * np.arange(nbins + 1)
    when = "%{x:.0f}" if axis.deep_time else "%{x|%d %b %Y}"
    hover = f"<b>%{{customdata[1]:,}} {words['events']}</b> ± {when}<br><i>{words['zoom']}</i><extra>%{{fullData.name}}</extra>"
    traces = []
    for i, (code, name, colour) in enumerate(lanes):
        bins = np.flatnonzero(counts[i])
        if bins.size == 0:
            continue
        n = counts[i][bins]
        traces.append(scatter(use_gl, x=axis.x(np.round(edges[bins] + width / 2)), y=np.full(bins.size, name),
                               mode="markers", customdata=np.column_stack([np.full(n.size, None), n]),
                               hovertemplate=hover,
                               marker=dict(color=colour, opacity=0.7, line=dict(width=0),
                                           size=np.round(4 + 12 * np.sqrt(n / peak), 1)),
                               name=lane_labels([name])[0], legendgroup=name, showlegend=True))
    lane_names = {code: name for code, name, _ in lanes}
    selected = None
    if view.event is not None and dataset.event(view.event) is not None:
        pos = int(np.flatnonzero(dataset.events["id"].to_numpy(dtype=object) == view.event)[0])
        if (items["event"] == pos).any():
            selected = view.event
            props = event_properties(dataset, np.array([pos]), lang)
            traces.append(selected_trace(items, props, axis, lane_names, dataset, selected))
    fig_layout = layout(dataset, view, options, axis, list(lane_names.values()), x_range, lang)
    fig_layout["annotations"], fig_layout["meta"]["label_ids"] = ([], []) if selected is None else label_annotations(
        items[items["event"] == pos], props, axis, lane_names, x_range, options, selected)
    fig_layout["meta"].update(lanes=lane_ids(dataset, lanes), lod="density", window=axis.text(np.array(window)),
                              bin_events=peak)
    return {"data": traces, "layout": fig_layout}
