"""The traces: plain dicts (plotly's validation and copying cost seconds at 100,000 points)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..model import Dataset
from .axis import Axis
from .events import lane_labels
from .options import (BAND_PX, CONNECTOR, DARK, HOVER, INK, MARKER_PX, SELECTED_PX, SPAN_PX, SYMBOL_AFTER, SYMBOL_BEFORE,
                      SYMBOL_CIRCA, SYMBOL_EXACT, SYMBOL_IMPRECISE, PRECISION_ALPHA)


def scatter(use_gl: bool, **props) -> dict:
    return {"type": "scattergl" if use_gl else "scatter", **props}


def lane_traces(lane: pd.DataFrame, props: pd.DataFrame, axis: Axis, name: str, colour: str,
                use_gl: bool, disputed_label: str = "involvement disputed") -> list[dict]:
    """The traces of one lane: precision bands, uncertainty whiskers, span bars, moment markers,
    and the events whose involvement of this actor is disputed (a faint hollow ring with a '?').

    The first trace carries the actor's legend entry; the others share its legend group.
    """
    disputed = lane["disputed"].to_numpy(dtype=bool) if "disputed" in lane.columns else np.zeros(len(lane), bool)
    traces = _certain_traces(lane[~disputed], props, axis, name, colour, use_gl)
    traces += _disputed_traces(lane[disputed], props, axis, name, colour, use_gl, disputed_label)
    traces = [t for t in traces if t is not None]
    for i, t in enumerate(traces):
        t.update(legendgroup=name, name=lane_labels([name])[0], showlegend=(i == 0))   # legend text cut
    return traces


def _certain_traces(lane: pd.DataFrame, props: pd.DataFrame, axis: Axis, name: str, colour: str,
                    use_gl: bool) -> list[dict | None]:
    p = props.loc[lane["event"].map(id_of(props)).to_numpy()]
    moment = (lane["kind"] == "moment").to_numpy()
    style = p["style"].to_numpy()
    traces = [
        _segments(_band_segments(p, moment & (style == "imprecise")), axis, name, _rgba(colour, PRECISION_ALPHA),
                  BAND_PX, "solid", use_gl),
        _segments(_band_segments(p, style == "uncertain"), axis, name, colour, 2, "dot", use_gl),
        _span_trace(lane[~moment & (style == "exact")], p[~moment & (style == "exact")], axis, name, colour,
                    "solid", use_gl),
        _span_trace(lane[~moment & (style != "exact")], p[~moment & (style != "exact")], axis, name, colour,
                    "dash", use_gl),
    ]
    symbols = p["symbol"].to_numpy()
    for symbol in (SYMBOL_EXACT, SYMBOL_IMPRECISE, SYMBOL_CIRCA, SYMBOL_BEFORE, SYMBOL_AFTER):
        rows = moment & (symbols == symbol)
        traces.append(_moment_trace(lane[rows], p[rows], axis, name, colour, symbol, use_gl))
    return traces


def _disputed_traces(lane: pd.DataFrame, props: pd.DataFrame, axis: Axis, y: str, colour: str, use_gl: bool,
                     label: str) -> list[dict | None]:
    """A disputed involvement: a faint hollow ring with a '?' at the event's start, its hover
    saying the involvement is disputed; a span also gets a dotted line to its end."""
    if lane.empty:
        return []
    p = props.loc[lane["event"].map(id_of(props)).to_numpy()]
    at, end = lane["at"].to_numpy(), lane["end_at"].to_numpy()
    span = np.isfinite(end)
    marks = scatter(use_gl, x=axis.x(at), y=np.full(len(at), y), mode="markers+text", customdata=_customdata(p),
                    meta={"disputed": True}, text=np.full(len(at), "?", dtype=object), textposition="middle center",
                    textfont=dict(color=INK, size=10), hovertemplate=HOVER.replace("<extra>", f"<br><i>{label}</i><extra>", 1),
                    marker=dict(color=colour, size=MARKER_PX + 4, symbol="circle-open",
                                line=dict(color=colour, width=1.5)))
    return [_segments((at[span], end[span]), axis, y, colour, 2, "dot", use_gl), marks]


def id_of(props: pd.DataFrame) -> pd.Series:
    """Event row position → event id, for the drawn events."""
    return pd.Series(props.index.to_numpy(), index=props["pos"].to_numpy())


def _band_segments(p: pd.DataFrame, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(lo, hi) days of the chosen rows' start intervals, followed by their span ends' intervals."""
    chosen = p[rows]
    ends = chosen[np.isfinite(chosen["end_lo"].to_numpy())]
    return (np.concatenate([chosen["lo"].to_numpy(), ends["end_lo"].to_numpy()]),
            np.concatenate([chosen["hi"].to_numpy(), ends["end_hi"].to_numpy()]))


def _segments(pairs: tuple[np.ndarray, np.ndarray], axis: Axis, y: str, colour: str, width: float, dash: str,
              use_gl: bool) -> dict | None:
    """One line trace drawing each (lo, hi) as a separate segment; not hoverable."""
    lo, hi = pairs
    if lo.size == 0:
        return None
    x = axis.x(_interleave(lo, hi))
    return scatter(use_gl, x=x, y=np.full(len(x), y), mode="lines", hoverinfo="skip",
                    line=dict(color=colour, width=width, dash=dash))


def _interleave(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """[a0, b0, nan, a1, b1, nan, …]: segments separated by gaps."""
    out = np.full(a.size * 3, np.nan)
    out[0::3], out[1::3] = a, b
    return out


def _customdata(p: pd.DataFrame) -> np.ndarray:
    """Per point: event id, title, date label, quote html (the hovertemplate's fields)."""
    return np.column_stack([p.index.to_numpy(dtype=object), p["title"].to_numpy(), p["date"].to_numpy(),
                            p["quote"].to_numpy()])


def _span_trace(lane: pd.DataFrame, p: pd.DataFrame, axis: Axis, y: str, colour: str, dash: str,
                use_gl: bool) -> dict | None:
    """Thick bars from start to end, one gap-separated line trace; hover and click at both ends."""
    if lane.empty:
        return None
    x = axis.x(_interleave(lane["at"].to_numpy(), lane["end_at"].to_numpy()))
    data = _customdata(p)
    custom = np.empty((len(x), data.shape[1]), dtype=object)
    custom[0::3], custom[1::3] = data, data
    return scatter(use_gl, x=x, y=np.full(len(x), y), mode="lines", customdata=custom, hovertemplate=HOVER,
                    line=dict(color=colour, width=SPAN_PX, dash=dash))


def _moment_trace(lane: pd.DataFrame, p: pd.DataFrame, axis: Axis, y: str, colour: str, symbol: str,
                  use_gl: bool) -> dict | None:
    """Markers for the lane's moments of one date style (solid: exact day; hollow: not exact)."""
    if lane.empty:
        return None
    return scatter(use_gl, x=axis.x(lane["at"].to_numpy()), y=np.full(len(lane), y), mode="markers",
                    customdata=_customdata(p), hovertemplate=HOVER,
                    marker=dict(color=colour, size=MARKER_PX, symbol=symbol, line=dict(color=colour, width=2)))


def connector_trace(items: pd.DataFrame, axis: Axis, lane_names: dict[int, str], use_gl: bool) -> dict | None:
    """Thin vertical lines joining the lanes of events drawn in more than one lane (at the start)."""
    order = {code: i for i, code in enumerate(lane_names)}
    grouped = items.assign(rank=items["lane"].map(order)).groupby("event", sort=False).agg(
        at=("at", "first"), top=("rank", "min"), bottom=("rank", "max"))
    shared = grouped[grouped["top"] < grouped["bottom"]]
    if shared.empty:
        return None
    names = np.array(list(lane_names.values()))
    at = shared["at"].to_numpy()
    y = np.full(len(at) * 3, names[0])
    y[0::3], y[1::3] = names[shared["top"].to_numpy()], names[shared["bottom"].to_numpy()]
    return scatter(use_gl, x=axis.x(_interleave(at, at)), y=y, mode="lines", hoverinfo="skip",
                    showlegend=False, name="connector", line=dict(color=CONNECTOR, width=1.2))


def selected_trace(items: pd.DataFrame, props: pd.DataFrame, axis: Axis, lane_names: dict[int, str],
                   dataset: Dataset, selected: str) -> dict:
    """The selected event, in each of its lanes: larger, dark outline, label always shown."""
    rows = items[items["event"] == int(props.at[selected, "pos"])]
    p = props.loc[[selected] * len(rows)]
    colours = dataset.actors["colour"].to_numpy(dtype=object)[rows["lane"].to_numpy()]
    return scatter(False, x=axis.x(rows["at"].to_numpy()), y=rows["lane"].map(lane_names).to_numpy(dtype=object),
                    mode="markers", customdata=_customdata(p), hovertemplate=HOVER,
                    marker=dict(size=SELECTED_PX, color=colours, symbol="circle", line=dict(color=DARK, width=3)),
                    showlegend=False, name="selected")


def _rgba(colour: str, alpha: float) -> str:
    c = colour.lstrip("#")
    r, g, b = (int(c[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"
