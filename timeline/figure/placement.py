"""Label placement: which events get a short title beside their marker, by a stable priority.

The figure carries one label annotation per event near the view, in priority order: the selected
event first, then by weight (how much the dataset says about the event: its sources, quotes and
actors), then the earliest (then by id). A label stands just above its lane's markers (YSHIFT_PX), so it never covers
a marker of its own lane (but for the larger selected one). Each is placed, in that order, in the
first of its lanes where it covers no label already placed and not the selected event's marker,
right of its marker or else left of it; one that fits nowhere is sent hidden (`visible: False`). The widths here are estimates (the
server does not know the frame's width): the page (`page/static/labels.js`) places the same
candidates again, in the same order, with the real text widths, markers and phase titles, after
every draw and resize. Because the order is a property of the events, not of the view, which
labels appear does not change arbitrarily from one view to the next.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .axis import Axis
from .options import (CHAR_PX, DARK, DEFAULT_WIDTH_PX, LABEL_FONT_PX, LABEL_GAP_PX, LEGEND_PX, SELECTED_PX,
                      MAX_LABELLED, Options)
from .traces import id_of

COLUMNS = ["id", "lane", "at", "start", "end", "flip", "shown"]
# The label's bottom this far above its marker's centre: clear of a marker (MARKER_PX wide, with its
# outline) and of a span bar; page/static/labels.js uses the same.
YSHIFT_PX = 9


def label_annotations(items: pd.DataFrame, props: pd.DataFrame, axis: Axis, lane_names: dict[int, str],
                      x_range: tuple[float, float], options: Options, selected: str | None) -> tuple[list[dict], list[str]]:
    """(annotations, event id of each): short titles beside the markers, in priority order.

    Annotations, not a text trace: plotly copies every trace into the range slider, where
    text becomes an unreadable smear, and it hides annotations whose anchor is out of view.
    The selected event's label is bold, always shown, once, in its first lane.
    """
    chosen = place_labels(items, props, x_range, options, selected, len(lane_names))
    if selected is not None and selected not in set(chosen["id"]):
        first = items[items["event"] == int(props.at[selected, "pos"])].iloc[:1]
        extra = pd.DataFrame([(selected, r.lane, r.at, r.at, r.at, False, True) for r in first.itertuples()],
                             columns=COLUMNS)
        chosen = pd.concat([extra, chosen], ignore_index=True) if not chosen.empty else extra
    if chosen.empty:
        return [], []
    xs = axis.text(chosen["at"].to_numpy(dtype=float))
    short = props["short"]
    out = []
    for row, x in zip(chosen.itertuples(), xs):
        bold = row.id == selected
        text = short[row.id]
        out.append(dict(x=x, y=lane_names[row.lane], xref="x", yref="y", text=f"<b>{text}</b>" if bold else text,
                        showarrow=False, xanchor="right" if row.flip else "left", yanchor="bottom",
                        xshift=-6 if row.flip else 6, yshift=YSHIFT_PX, name="selected-label" if bold else "label",
                        visible=bool(row.shown),
                        font=dict(size=LABEL_FONT_PX + (1 if bold else 0), color=DARK if bold else "#333")))
    return out, [str(i) for i in chosen["id"]]


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


def priority(items: pd.DataFrame, props: pd.DataFrame, ids: pd.Series, selected: str | None) -> list[str]:
    """The events of `items`, most deserving of a label first: the selected one, then by weight
    (events.event_table), earlier, then by id. A property of the events, not of the view."""
    events = pd.DataFrame({"id": ids.to_numpy(), "at": items["at"].to_numpy()}).groupby("id", sort=False).agg(
        at=("at", "min"))
    events["weight"] = props.loc[events.index, "weight"].to_numpy()
    events["later"] = events.index != selected
    events = events.assign(key=events.index).sort_values(["later", "weight", "at", "key"],
                                                         ascending=[True, False, True, True], kind="stable")
    return list(events.index)


def place_labels(items: pd.DataFrame, props: pd.DataFrame, x_range: tuple[float, float], options: Options,
                 selected: str | None, lane_count: int = 1) -> pd.DataFrame:
    """The label candidates near the view, in priority order, each placed where the estimate says it fits.

    Returns rows (id, lane, at, start, end, flip, shown): the label covers start..end in days,
    left of its marker when `flip`; `shown` is False where it fits in none of its lanes (the
    selected event's label is always shown). Candidates are the events within one range-width of
    the view (so a pan finds them); none when more than MAX_LABELLED events are in view (the
    selected one is still labelled by `label_annotations`).
    """
    lo, hi = x_range
    ids = items["event"].map(id_of(props))
    in_view = (items["at"] < hi) & (items[["at", "end_at"]].max(axis=1) >= lo)
    if ids[in_view].nunique() > MAX_LABELLED:
        return pd.DataFrame(columns=COLUMNS)
    width = hi - lo
    near = items[(items["at"] >= lo - width) & (items["at"] <= hi + width)]
    near_ids = ids[near.index]
    days_per_px = width / plot_width_px(options)
    big = near[near_ids.to_numpy() == selected]
    marks = _lane_markers(big, near_ids[big.index], days_per_px * (SELECTED_PX / 2 + 3))
    extents = dict(zip(near_ids, label_width_days(props.loc[near_ids, "short"], days_per_px)))
    rows_of = {i: rows for i, rows in near.assign(id=near_ids.to_numpy()).groupby("id", sort=False)}
    taken: dict[int, list[tuple[float, float]]] = {}
    keep = []
    for event_id in priority(near, props, near_ids, selected):
        rows = rows_of[event_id].sort_values("lane", kind="stable")   # actor codes: lanes top first
        spot = _first_free(rows, extents[event_id], lo, hi, taken, marks, event_id)
        if spot is None:
            first = rows.iloc[0]
            keep.append((event_id, int(first["lane"]), float(first["at"]), float(first["at"]), float(first["at"]),
                         False, event_id == selected))
            continue
        lane, at, start, end, flip = spot
        taken.setdefault(lane, []).append((start, end))
        keep.append((event_id, lane, at, start, end, flip, True))
    return pd.DataFrame(keep, columns=COLUMNS)


def _lane_markers(near: pd.DataFrame, ids: pd.Series, half: float) -> dict[int, tuple[np.ndarray, np.ndarray, float]]:
    """Per lane, the sorted marker positions (days) of these items and their event ids; `half` is a
    marker's half width in days, added on each side when a label is checked against them."""
    out = {}
    for lane, rows in near.groupby("lane", sort=False):
        order = np.argsort(rows["at"].to_numpy(), kind="stable")
        out[int(lane)] = (rows["at"].to_numpy()[order], ids[rows.index].to_numpy()[order], half)
    return out


def _first_free(rows: pd.DataFrame, extent: float, lo: float, hi: float, taken: dict, marks: dict,
                event_id: str) -> tuple | None:
    """(lane, at, start, end, flip) of the first free place in the event's lanes, right of its
    marker or else left of it, inside the view; None where there is none."""
    for row in rows.itertuples():
        lane, at = int(row.lane), float(row.at)
        for flip in (False, True):
            start, end = (at - extent, at) if flip else (at, at + extent)
            if lo <= at <= hi and (start < lo or end > hi):
                continue
            if any(a < end and start < b for a, b in taken.get(lane, ())):
                continue
            if _covers_marker(marks.get(lane), start, end, event_id):
                continue
            return lane, at, start, end, flip
    return None


def _covers_marker(lane_marks, start: float, end: float, event_id: str) -> bool:
    """Whether start..end covers a marker of another event in the lane."""
    if lane_marks is None:
        return False
    at, ids, half = lane_marks
    a, b = np.searchsorted(at, [start - half, end + half])
    return bool(np.any(ids[a:b] != event_id)) if b > a else False

