"""Long empty stretches of a date axis, collapsed (plotly's `rangebreaks`) and marked.

The rule: a stretch of time that no event, span or phase touches (an event counts with the whole
interval its dates may stand for) and that is longer than a fifth of the dataset's span (first to
last date) is cut out of the axis, except for a margin on each side, so the events on either
side keep some room. Each cut is marked where it lies: a dotted line across the plot and a small
label on the axis ("… 15 months …"), whose hover names the dates left out.

The stretches are the whole dataset's (not the view's), so the axis is the same for every filter
and zoom. A deep-time (numeric) axis has no breaks: plotly draws them on date axes only. Nor does
a figure with WebGL traces: plotly's scattergl cannot draw across a break and would hide them.
"""
from __future__ import annotations

import numpy as np

from .. import dates
from ..i18n import t, words
from ..index import derived
from ..model import Dataset
from .axis import Axis
from .options import CONNECTOR

GAP_SHARE = 0.2       # a stretch longer than this share of the dataset's span is collapsed
MARGIN_SHARE = 0.03   # of the span, kept on each side of a collapsed stretch
MARK_LINE = CONNECTOR   # opaque grey: 3:1 against the plot and its phase shading (tests/figure/test_contrast.py)


def empty_stretches(dataset: Dataset) -> list[tuple[float, float]]:
    """(first, last) day of each collapsed stretch, in time order; [] for deep time or dense data."""
    return derived(dataset, "empty-stretches", _stretches)


def _stretches(dataset: Dataset) -> list[tuple[float, float]]:
    if dataset.is_deep_time() or dataset.events.empty:
        return []
    ev = dataset.events
    cols = [ev[c].to_numpy(dtype=float) for c in ("start_lo", "start_at", "start_hi", "end_lo", "end_at", "end_hi")]
    with np.errstate(all="ignore"):
        lo = np.fmin(cols[0], cols[1])
        hi = np.fmax.reduce(np.vstack([cols[1], cols[2], cols[4], cols[5]]), axis=0)
    ok = np.isfinite(lo) & np.isfinite(hi)
    lo, hi = lo[ok], hi[ok]
    if lo.size < 2:
        return []
    order = np.argsort(lo, kind="stable")
    lo, hi = lo[order], np.maximum.accumulate(hi[order])
    span = float(hi[-1] - lo[0]) if hi[-1] > lo[0] else 0.0
    if span <= 0:
        return []
    margin = max(span * MARGIN_SHARE, 1.0)
    gaps = lo[1:] - hi[:-1]   # from where everything so far has ended to where the next begins
    out = []
    for i in np.flatnonzero(gaps > span * GAP_SHARE):
        first, last = float(np.ceil(hi[i] + margin)), float(np.floor(lo[i + 1] - margin))
        if last > first:
            out.append((first, last))
    return out


def collapse(fig: dict, dataset: Dataset, axis: Axis, lang: str) -> None:
    """Cut the dataset's empty stretches out of the figure's date axis and mark each cut (in place).

    Nothing happens on a deep-time axis or when any trace is WebGL (see the module's note)."""
    if axis.deep_time or any(tr.get("type") == "scattergl" for tr in fig["data"]):
        return
    stretches = empty_stretches(dataset)
    if not stretches:
        return
    lay = fig["layout"]
    bounds = [axis.text(np.array(s)) for s in stretches]
    for key in ("xaxis", "xaxis2"):   # the chart and the overview under it (figure/overview.py)
        if key in lay:
            lay[key]["rangebreaks"] = [dict(bounds=b) for b in bounds]
    # plotly moves a tick that falls inside a cut to the cut's end, where its label ("Dec 2020")
    # met the next one ("Jan 2021"), and then tilted every label; the page's script hides that
    # tick (page/static/axis.js, after every draw and zoom), so the labels stay level
    lay["xaxis"]["tickangle"] = 0
    lay["meta"]["breaks"] = bounds
    lay.setdefault("shapes", []).extend(
        dict(type="line", xref="x", yref="y domain", x0=b[0], x1=b[0], y0=0, y1=1, layer="below", name="axis-break",
             line=dict(color=MARK_LINE, width=1.5, dash="dot")) for b in bounds)
    lay.setdefault("annotations", []).extend(
        dict(x=b[0], xref="x", y=0, yref="y domain", yanchor="bottom", yshift=3, showarrow=False, name="axis-break",
             text=f"… {length_text(s[1] - s[0], lang)} …",
             hovertext=t("axis_break_hover", lang, start=month_text(s[0], lang), end=month_text(s[1], lang)),
             font=dict(size=10, color="#333"), bgcolor="rgba(255,255,255,0.95)", bordercolor=MARK_LINE,
             borderpad=2, borderwidth=1)
        for s, b in zip(stretches, bounds))


def month_text(days: float, lang: str) -> str:
    """'Nov 2019' ('nov 2019' in Dutch)."""
    when = dates.days_to_datetime(days)
    return f"{words(lang)['months'][when.month - 1]} {when.year}"


def length_text(days: float, lang: str) -> str:
    """'19 months', '3 years', '40 days' (in `lang`): how much time a cut leaves out, rounded."""
    months = days / 30.44
    if months >= 24:
        return t("n_years", lang, n=int(round(months / 12)))
    if months >= 2:
        return t("n_months", lang, n=int(round(months)))
    return t("n_days", lang, n=int(round(days)))
