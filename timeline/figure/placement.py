"""Label placement: which events get a short title beside their marker, greedy per lane."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .axis import Axis
from .options import CHAR_PX, DARK, DEFAULT_WIDTH_PX, LABEL_FONT_PX, LABEL_GAP_PX, LEGEND_PX, MAX_LABELLED, Options
from .traces import id_of


def label_annotations(items: pd.DataFrame, props: pd.DataFrame, axis: Axis, lane_names: dict[int, str],
                      x_range: tuple[float, float], options: Options, selected: str | None) -> list[dict]:
    """Short titles beside the markers where they fit, as layout annotations.

    Annotations, not a text trace: plotly copies every trace into the range slider, where
    text becomes an unreadable smear, and it hides annotations whose anchor is out of view.
    A label that would run past the right edge is put on the left of its marker. The
    selected event's label is bold and shown once, in its first lane.
    """
    chosen = place_labels(items, props, x_range, options, selected, len(lane_names))
    rows = [(row.id, row.lane, row.at, row.flip, False) for row in chosen.itertuples()]
    if selected is not None:
        first = items[items["event"] == int(props.at[selected, "pos"])].iloc[:1]
        for row in first.itertuples():
            rows.append((selected, row.lane, row.at, False, True))
    if not rows:
        return []
    xs = axis.text(np.array([r[2] for r in rows]))
    short = props["short"]
    out = []
    for (event_id, lane, at, flip, bold), x in zip(rows, xs):
        text = short[event_id]
        out.append(dict(x=x, y=lane_names[lane], xref="x", yref="y", text=f"<b>{text}</b>" if bold else text,
                        showarrow=False, xanchor="right" if flip else "left", yanchor="bottom",
                        xshift=-6 if flip else 6, yshift=2, name="selected-label" if bold else "label",
                        font=dict(size=LABEL_FONT_PX + (1 if bold else 0), color=DARK if bold else "#333")))
    return out


def plot_width_px(options: Options, lane_name_chars: int = 16) -> float:
    """Estimated width of the plotting area: figure width minus lane names and legend."""
    total = options.width or DEFAULT_WIDTH_PX
    return max(200.0, total - LEGEND_PX - 40 - 7 * lane_name_chars)


def label_width_days(texts, days_per_px: float) -> np.ndarray:
    """Estimated extent of labels along the axis, in days (marker gap and trailing gap included).

    `texts` are the labels as drawn (escaped); entities count as one character.
    """
    plain = pd.Series(texts, dtype="str").str.replace(r"&(amp|lt|gt);", "_", regex=True)
    return (plain.str.len().to_numpy() * CHAR_PX + 2 * LABEL_GAP_PX) * days_per_px


def place_labels(items: pd.DataFrame, props: pd.DataFrame, x_range: tuple[float, float], options: Options,
                 selected: str | None, lane_count: int = 1) -> pd.DataFrame:
    """Which lane items get a label: greedy left to right per lane, skipping any that would overlap.

    Returns rows (id, lane, at, start, end, flip): the label covers start..end in days; `flip`
    when it would run past the right edge and is put on the left of its marker instead. The
    selected event is not placed here (label_annotations adds it) but its room is reserved.
    Nothing is labelled when more than MAX_LABELLED events are in view.
    """
    lo, hi = x_range
    columns = ["id", "lane", "at", "start", "end", "flip"]
    ids = items["event"].map(id_of(props))
    in_view = (items["at"] < hi) & (items[["at", "end_at"]].max(axis=1) >= lo)
    if ids[in_view].nunique() > MAX_LABELLED:
        return pd.DataFrame(columns=columns)
    width = hi - lo
    near = items[(items["at"] >= lo - width) & (items["at"] <= hi + width)]
    days_per_px = width / plot_width_px(options)
    extent = label_width_days(props.loc[ids[near.index], "short"], days_per_px)
    near = near.assign(id=ids[near.index].to_numpy(), end=near["at"].to_numpy() + extent, extent=extent)
    taken: dict[int, list[tuple[float, float]]] = {}
    for row in near[near["id"] == selected].itertuples():
        taken.setdefault(row.lane, []).append((row.at, row.end))
    keep, last_end, labelled = [], {}, set()
    for row in near[near["id"] != selected].itertuples():
        if row.id in labelled:   # an event in several lanes is named once, in the first that has room
            continue
        flip = row.end > hi >= row.at
        start, end = (row.at - row.extent, row.at) if flip else (row.at, row.end)
        if start < last_end.get(row.lane, -math.inf):
            continue
        if any(a < end and start < b for a, b in taken.get(row.lane, ())):
            continue
        last_end[row.lane] = end
        labelled.add(row.id)
        keep.append((row.id, row.lane, row.at, start, end, flip))
    return pd.DataFrame(keep, columns=columns)
