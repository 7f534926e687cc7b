"""The chart in one sentence, for screen readers: how many events, from when to when, which lanes.

    chart_summary(dataset, view)  -> 'A timeline of 23 events from 8 Aug 2017 to Feb 2021, one lane
                                      per actor: Donald Trump, Kim Jong-un, …'
"""
from __future__ import annotations

from .. import filters, labels
from ..i18n import t
from ..model import Dataset
from ..view import View

MAX_NAMES = 12


def chart_summary(dataset: Dataset, view: View) -> str:
    lang = view.lang
    rows = filters.visible_events(dataset, view, in_range=True)
    rows = rows[rows["kind"] != "phase"].sort_values("start_at", kind="stable")
    if rows.empty:
        return t("no_events", lang)
    first = labels.written_date(labels.text(rows.iloc[0]["start"]), lang)
    last_row = rows.loc[rows["start_at"].idxmax()]
    last = labels.written_date(labels.text(last_row["start"]), lang)
    names = [dataset.actor_name(a) for a in filters.lane_actors(dataset, view)]
    if len(names) > MAX_NAMES:
        names = names[:MAX_NAMES] + ["…"]
    return t("chart_summary", lang, n=len(rows), start=first, end=last, actors=", ".join(names))
