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


def x_axis(axis: Axis, x_range: tuple[float, float], words: dict, view: View) -> dict:
    """Date axis with range slider and presets, or a numeric year axis with BCE labels.

    Its own uirevision follows the view's from/to, so a new range from a link applies while a
    filter change keeps the reader's zoom.
    """
    lo, hi = axis.text(np.array(x_range))
    common = dict(range=[lo, hi], rangeslider=dict(visible=True, thickness=0.07), showgrid=True,
                  uirevision=f"{view.start}|{view.end}", automargin=True)
    if axis.deep_time:
        values, text = year_ticks(float(lo), float(hi), words)
        return dict(common, type="linear", title=dict(text=words["year"]), tickvals=values, ticktext=text)
    buttons = [dict(count=6, label=words["6m"], step="month", stepmode="backward"),
               dict(count=1, label=words["1y"], step="year", stepmode="backward"),
               dict(count=5, label=words["5y"], step="year", stepmode="backward"),
               dict(label=words["all"], step="all")]
    return dict(common, type="date", title=dict(text=words["date"]), rangeselector=dict(buttons=buttons))


def year_ticks(lo: float, hi: float, words: dict, count: int = 8) -> tuple[list[float], list[str]]:
    """About `count` round year values across [lo, hi] and their labels ('500 BCE', '13.8 billion BCE')."""
    raw = (hi - lo) / count
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
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
