"""The figure's layout: range, axes, eras, legend, size, theme and interaction settings."""
from __future__ import annotations

import hashlib

import numpy as np
import orjson
import plotly.io as pio

from .. import labels
from ..filters import extent_days
from ..i18n import t
from ..i18n import words as words_of
from ..index import derived
from ..model import Dataset
from ..view import View
from .axis import Axis, x_axis
from .events import escape, lane_labels, shorten
from .options import HOVER_CHARS, PHASE_FILLS, PHASE_INK, RANGE_MARGIN, THEMES, Options


def visible_range(dataset: Dataset, view: View) -> tuple[float, float]:
    """The x range in days: the view's from/to, else the whole dataset plus a small margin."""
    lo, hi = view.range_days()
    if lo is not None and hi is not None:
        return lo, hi
    ev_lo, ev_hi = extent_days(dataset.events)
    finite = np.concatenate([ev_lo[np.isfinite(ev_lo)], ev_hi[np.isfinite(ev_hi)]])
    if finite.size == 0:
        return (lo if lo is not None else 0.0), (hi if hi is not None else 365.0)
    first, last = float(finite.min()), float(finite.max())
    margin = max((last - first) * RANGE_MARGIN, 1.0)
    return (lo if lo is not None else first - margin), (hi if hi is not None else last + margin)


def data_span(dataset: Dataset) -> float:
    """The whole dataset's span in days (margins included), computed once per dataset."""
    def build(ds):
        lo, hi = visible_range(ds, View())
        return float(hi - lo)
    return derived(dataset, "data-span", build)


def layout(dataset: Dataset, view: View, options: Options, axis: Axis, names: list[str],
           x_range: tuple[float, float], lang: str) -> dict:
    """Axes, eras, legend, size, theme and interaction settings; `names` are the lanes, top first."""
    words = words_of(lang)
    return dict(
        template=_template(options.theme),
        height=options.height or max(360, 170 + 70 * len(names)),
        width=options.width,
        margin=dict(l=10, r=10, t=46, b=30),
        xaxis=x_axis(axis, x_range, words, view, data_span(dataset)),
        yaxis=dict(type="category", categoryorder="array", categoryarray=names,
                   range=[len(names) - 0.5, -0.9], fixedrange=True, showgrid=True, automargin=True,
                   title=None, tickmode="array", tickvals=names, ticktext=lane_labels(names)),
        shapes=phase_shapes(dataset, axis, lang),
        # The lanes are the legend (their names are on the y axis): a plotly legend would repeat
        # them and take a quarter of a small frame's width.
        showlegend=False,
        separators=words["decimal"] + words["thousands"],
        hovermode="closest",
        dragmode="pan",
        clickmode="event",
        uirevision=f"timeline:{content_revision(dataset)}",
        meta=dict(lang=lang, deep_time=axis.deep_time, **_year_words(axis, words)),
    )


def _year_words(axis: Axis, words: dict) -> dict:
    """A deep-time axis's label words, for the page's script that redraws its ticks on zoom
    (page/static/axis.js, by the rule of `axis.year_ticks`)."""
    if not axis.deep_time:
        return {}
    return {"year_words": {k: words[k] for k in ("bce", "million", "billion", "decimal", "thousands")}}


def _template(theme: str) -> dict:
    """The plotly template as a dict (figures are built unvalidated, so names are not resolved)."""
    return pio.templates[THEMES[theme]].to_plotly_json()


def phase_shapes(dataset: Dataset, axis: Axis, lang: str) -> list[dict]:
    """Phases as shaded eras over the whole chart's height (named by `phase_titles`); all phases, as context."""
    phases = _phases(dataset)
    if phases.empty:
        return []
    x0 = axis.text(phases["start_at"].to_numpy())
    x1 = axis.text(phases["end_at"].to_numpy())
    fills = PHASE_FILLS
    return [dict(type="rect", xref="x", yref="y domain", x0=a, x1=b, y0=0, y1=1, layer="below",
                 line=dict(width=0), fillcolor=fills[i % 2], name="phase")
            for i, (a, b) in enumerate(zip(x0, x1))]


def phase_titles(dataset: Dataset, axis: Axis, lang: str) -> list[dict]:
    """Each phase's title at the top left of its era, an annotation named 'phase:<id>' that takes
    clicks (captureevents): the page selects the phase as a click selects an event."""
    phases = _phases(dataset)
    if phases.empty:
        return []
    x0 = axis.text(phases["start_at"].to_numpy())
    names = escape(shorten(labels.titles(phases, lang), HOVER_CHARS))
    hint = t("phase_click", lang)
    return [dict(x=a, xref="x", y=1, yref="y domain", xanchor="left", yanchor="top", showarrow=False, text=name,
                 name=f"phase:{pid}", captureevents=True, hovertext=f"{name}<br><i>{hint}</i>",
                 font=dict(size=11, color=PHASE_INK), borderpad=2)
            for a, name, pid in zip(x0, names, phases["id"].to_numpy(dtype=object))]


def _phases(dataset: Dataset):
    ev = dataset.events
    return ev[ev["kind"] == "phase"]


def content_revision(dataset: Dataset) -> str:
    """A short name for the dataset's events and actors, the same in every server process (unlike
    id(dataset)): the figure's uirevision, so a reader's zoom survives a redraw whichever worker
    drew it, and is reset when the data changes."""
    def build(ds: Dataset) -> str:
        h = hashlib.sha256()
        for table, cols in ((ds.events, ("id", "start", "end", "actors")), (ds.actors, ("id",))):
            for c in cols:
                h.update(orjson.dumps([str(v) for v in table[c].tolist()]))
        return h.hexdigest()[:16]

    return derived(dataset, "content-revision", build)
