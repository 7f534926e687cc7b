"""The view the page shows, as the URL query of `timeline.view`, and the small conversions the
callbacks need: query <-> View, plotly relayout -> from/to, and panning to an event.
"""
from __future__ import annotations

import datetime as _dt
import math

from .. import dates, index
from ..model import Dataset
from ..view import View, from_query, from_values


def parse(dataset: Dataset, query: str | None) -> View:
    """The View a query stands for; unknown actors/events and malformed values are dropped."""
    return from_query(query or "", actors=_ids(dataset, "actors"), events=_ids(dataset, "events"),
                      stories=_story_ids(dataset))


def values(dataset: Dataset, **loose) -> View:
    return from_values(known_actors=_ids(dataset, "actors"), known_events=_ids(dataset, "events"),
                       known_stories=_story_ids(dataset), **loose)


def _ids(dataset: Dataset, table: str) -> frozenset:
    return index.derived(dataset, f"ids:{table}", lambda ds: frozenset(getattr(ds, table)["id"]))


def _story_ids(dataset: Dataset) -> frozenset:
    return frozenset(dataset.stories["story"])


def relayout_range(relayout: dict | None):
    """What a plotly relayout says about the x range: (from, to) date texts, 'auto', or None.

    `to` is the last day shown: a range ending at midnight ends the day before, so that a view
    drawn from its own from/to gives back the same from/to.
    """
    if not isinstance(relayout, dict):
        return None
    if relayout.get("xaxis.autorange") is True:
        return "auto"
    rng = relayout.get("xaxis.range")
    if isinstance(rng, (list, tuple)) and len(rng) == 2:
        a, b = rng
    elif "xaxis.range[0]" in relayout and "xaxis.range[1]" in relayout:
        a, b = relayout["xaxis.range[0]"], relayout["xaxis.range[1]"]
    else:
        return None
    lo, hi = _x_to_date(a, end=False), _x_to_date(b, end=True)
    if lo is None or hi is None:
        return None
    return lo, hi


def zoomed(dataset: Dataset, view: View, relayout: dict | None) -> View | None:
    """The view after the reader zoomed or panned the chart (a plotly relayout), or None when the
    relayout says nothing about the x range. Autorange shows everything (no from/to)."""
    rng = relayout_range(relayout)
    if rng is None:
        return None
    if rng == "auto":
        return view.with_(start=None, end=None)
    return values(dataset, actors=view.actors, mode=view.mode, start=rng[0], end=rng[1],
                  event=view.event, search=view.search, lang=view.lang)


def _x_to_date(x, *, end: bool) -> str | None:
    """A plotly x value (a date string, or a number of years on a deep-time axis) as date text."""
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        if not math.isfinite(x):
            return None
        year = math.ceil(x) - 1 if end else math.floor(x)
        return str(int(year))
    s = str(x).strip().replace("T", " ")
    try:
        when = _dt.datetime.fromisoformat(s)
    except ValueError:
        try:
            when = _dt.datetime.fromisoformat(s.split(".")[0])
        except ValueError:
            return None
    day = when.date()
    if end and when.time() == _dt.time(0):
        day -= _dt.timedelta(days=1)
    return day.isoformat()


def _date_text(days: float) -> str:
    return dates.days_to_datetime(days).date().isoformat()


def pan_to(dataset: Dataset, view: View, event_id: str) -> View:
    """The view with `event_id` selected, its range moved (same width) to show the event if it was outside."""
    view = view.with_(event=event_id)
    lo, hi = view.range_days()
    if lo is None and hi is None:
        return view
    row = dataset.event(event_id)
    if row is None:
        return view
    at = float(row["start_at"])
    end = float(row["end_at"]) if isinstance(row["end_at"], float) and math.isfinite(row["end_at"]) else at
    if (lo is None or at >= lo) and (hi is None or end <= hi):
        return view
    ev = dataset.events
    lo = lo if lo is not None else float(ev["start_at"].min())
    hi = hi if hi is not None else float(ev["start_at"].max()) + 1
    width = max(hi - lo, (end - at) * 1.2, 30.0)
    centre = (at + end) / 2
    new_lo, new_hi = centre - width / 2, centre + width / 2
    try:
        return values(dataset, actors=view.actors, mode=view.mode, start=_date_text(new_lo),
                      end=_date_text(new_hi - 1), event=event_id, search=view.search, lang=view.lang)
    except (OverflowError, ValueError):   # deep time: leave the range to the reset button
        return view.with_(start=None, end=None)
