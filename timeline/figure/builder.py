"""`build`: a dataset and a view as a plotly figure dict, and its `FigureInfo` (uncached)."""
from __future__ import annotations

import numpy as np

from ..filters import lane_actors
from ..i18n import lang_or_default, t
from ..model import Dataset
from ..view import View
from .axis import Axis
from .breaks import collapse
from .contrast import fit
from .overview import add_overview
from .events import event_properties, lane_ids, lane_items, lane_styles
from .layout import layout, phase_titles, visible_range
from .lod import density_figure, lod_window, overlapping
from .options import GL_THRESHOLD, LOD_LIMIT, FigureInfo, Options
from .placement import label_annotations
from .traces import connector_trace, lane_traces, selected_trace


def build(dataset: Dataset, view: View, options: Options = Options()) -> tuple[dict, FigureInfo]:
    """The figure as a plotly figure dict {'data': [...], 'layout': {...}} and its `FigureInfo`
    (uncached); see `timeline.figure`."""
    fig = _figure_dict(dataset, view, options)
    axis = Axis(dataset.is_deep_time())
    lang = lang_or_default(view.lang)
    lay = fig["layout"]
    lay["annotations"] = phase_titles(dataset, axis, lang) + list(lay.get("annotations") or [])
    add_overview(fig, dataset, axis, visible_range(dataset, View()))
    collapse(fig, dataset, axis, lang)
    fit(fig)   # every mark 3:1 and every text 4.5:1 against the plot, in either theme
    return fig, FigureInfo.of(fig)


def _figure_dict(dataset: Dataset, view: View, options: Options) -> dict:
    lang = lang_or_default(view.lang)
    axis = Axis(dataset.is_deep_time())
    lanes = lane_styles(dataset, lane_actors(dataset, view))
    items = lane_items(dataset, view, [code for code, _, _ in lanes])
    x_range = visible_range(dataset, view)
    lane_names = {code: name for code, name, _ in lanes}
    lod = None
    if options.lod and len(items) > LOD_LIMIT:
        window = lod_window(x_range)
        if overlapping(items, *x_range).sum() > LOD_LIMIT:
            return density_figure(dataset, view, options, axis, lanes, items, x_range, window, lang)
        items = items[overlapping(items, *window)].reset_index(drop=True)
        lod = {"lod": "window", "window": axis.text(np.array(window))}
    use_gl = len(items) > GL_THRESHOLD
    props = event_properties(dataset, items["event"].unique(), lang, with_quotes=not use_gl)
    traces = []
    for code, name, colour in lanes:
        traces += lane_traces(items[items["lane"] == code], props, axis, name, colour, use_gl,
                              t("involvement_disputed", lang))
    traces.append(connector_trace(items, axis, lane_names, use_gl))
    selected = view.event if view.event in props.index else None
    if selected is not None:
        traces.append(selected_trace(items, props, axis, lane_names, dataset, selected))
    fig_layout = layout(dataset, view, options, axis, list(lane_names.values()), x_range, lang)
    fig_layout["annotations"], fig_layout["meta"]["label_ids"] = label_annotations(
        items, props, axis, lane_names, x_range, options, selected)
    fig_layout["meta"]["lanes"] = lane_ids(dataset, lanes)
    if lod:
        fig_layout["meta"].update(lod)
    return {"data": [t for t in traces if t is not None], "layout": fig_layout}
