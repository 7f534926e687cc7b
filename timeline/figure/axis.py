"""The x axis: dates, or decimal years for deep time, with its ticks and range presets."""
from __future__ import annotations

import math

import numpy as np

from .. import dates
from ..view import View

MAX_AXIS_DAYS = 1e11


class Axis:
    """The x axis: dates (days → datetime64, NaT at gaps) or, for deep time, decimal years (NaN at gaps)."""

    def __init__(self, deep_time: bool):
        self.deep_time = deep_time

    def x(self, days: np.ndarray) -> np.ndarray:
        """Axis values for days since 1970-01-01 (NaN is a gap between segments)."""
        days = np.asarray(days, dtype=float)
        if self.deep_time:
            return np.round(dates.days_to_year(days), 3)
        # Beyond about 290 million years the milliseconds overflow int64: a gap, as on a bad date.
        missing = ~np.isfinite(days) | (np.abs(days) > MAX_AXIS_DAYS)
        ms = np.where(missing, 0, np.round(days * 86_400_000)).astype(np.int64).astype("datetime64[ms]")
        ms[missing] = np.datetime64("NaT")
        whole_days = np.all(np.mod(days[~missing], 1) == 0)
        return ms.astype("datetime64[D]") if whole_days else ms

    def text(self, days: np.ndarray) -> list:
        """Axis values as JSON-ready scalars (for ranges and shapes)."""
        values = self.x(days)
        if self.deep_time:
            return [float(v) for v in values]
        return [str(v) if not np.isnat(v) else None for v in values]


def x_axis(axis: Axis, x_range: tuple[float, float], words: dict, view: View, span_days: float | None = None) -> dict:
    """Date axis with range presets, or a numeric year axis with BCE labels (the overview under
    the chart is figure/overview.py).

    Its own uirevision follows the view's from/to, so a new range from a link applies while a
    filter change keeps the reader's zoom. The presets fit `span_days` (the whole dataset's span,
    so they do not change with the view), or the range shown.
    """
    lo, hi = axis.text(np.array(x_range))
    common = dict(range=[lo, hi], showgrid=True,
                  uirevision=f"{view.start}|{view.end}", automargin=True)
    if axis.deep_time:
        values, text = year_ticks(float(lo), float(hi), words)
        return dict(common, type="linear", title=dict(text=words["year"]), tickvals=values, ticktext=text)
    span = span_days if span_days is not None else float(x_range[1] - x_range[0])
    buttons = presets(span, words) + [dict(label=words["all"], step="all")]
    return dict(common, type="date", title=dict(text=words["date"]),
                rangeselector=dict(buttons=buttons, font=dict(size=PRESET_FONT)))


# plotly makes a preset button (1.3 × font size + 3) px tall: 16.5 px type gives 24.45 px, a pointer
# target of at least 24 px (WCAG 2.5.8) without its spacing exception
PRESET_FONT = 16.5


# (days, count, step, unit): the range presets a date axis may offer, shortest first
PRESETS = [(7, 7, "day", "week"), (30.4, 1, "month", "month"), (91, 3, "month", "month"),
           (182, 6, "month", "month"), (365, 1, "year", "year"), (1826, 5, "year", "year"),
           (3652, 10, "year", "year"), (18262, 50, "year", "year"), (36525, 100, "year", "year"),
           (182621, 500, "year", "year")]


def presets(span_days: float, words: dict, most: int = 3) -> list[dict]:
    """Zoom presets that fit the data's span: the longest ones shorter than two thirds of it and
    longer than a fiftieth (a nine-day story gets '1 d' and '3 d'; 2017-2021 gets months and a
    year; centuries get decades). 'All' (added by the caller) resets."""
    units = words.get("units") or {}
    fit = [p for p in PRESETS if span_days / 50 <= p[0] <= span_days / 1.5]
    out = [dict(count=c, label=units.get(unit, "{n}").format(n=c if unit != "week" else 1),
                step=step, stepmode="backward") for _, c, step, unit in fit[-most:]]
    if not out and span_days >= 2:   # a story of days: a day and a few days
        out = [dict(count=n, label=units.get("day", "{n} d").format(n=n), step="day", stepmode="backward")
               for n in (1, 3) if n <= span_days / 1.5]
    return out


def year_ticks(lo: float, hi: float, words: dict, count: int = 8) -> tuple[list[float], list[str]]:
    """About `count` round year values across [lo, hi] and their labels ('500 BCE', '13.8 billion BCE')."""
    raw = (hi - lo) / count
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    step = max(next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw), 1)   # whole years
    # (a finer step would repeat a label; page/static/axis.js has the same rule for a zoom)
    first = math.ceil(lo / step) * step
    values = [first + i * step for i in range(int((hi - first) // step) + 1)]
    # Whole numbers beyond what JSON numbers hold exactly (a range of 10^20 years from a URL) as floats.
    values = [v if abs(v) < 2 ** 53 else float(v) for v in values]
    return values, [year_label(v, words) for v in values]


def year_label(year: float, words: dict) -> str:
    """A tick label for a (possibly huge, possibly negative) year."""
    size = abs(year)
    if size >= 1e6:
        scale, word = (1e9, words["billion"]) if size >= 1e9 else (1e6, words["million"])
        number = f"{size / scale:g}".replace(".", words["decimal"]) + f" {word}"
    else:
        number = f"{round(size):,}".replace(",", words["thousands"])
    return f"{number} {words['bce']}" if year < 0 else number
