"""The chart in one sentence, for screen readers: how many events, from when to when, which lanes.

    chart_summary(dataset, view)  -> 'A timeline of 23 events from 8 Aug 2017 to Feb 2021, one lane
                                      per actor: Donald Trump, Kim Jong-un, …'
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import filters, labels
from ..i18n import t
from ..model import Dataset
from ..view import View

MAX_NAMES = 12


def chart_summary(dataset: Dataset, view: View) -> str:
    lang = view.lang
    ev = dataset.events
    # on row positions, reading two rows: copying the visible table (every text of 100,000
    # events) made each forked server worker copy the memory it shares with the others
    shown = filters.visible_mask(dataset, view, in_range=True) & (ev["kind"].to_numpy(dtype=object) != "phase")
    pos = np.flatnonzero(shown)
    if not len(pos):
        return t("no_events", lang)
    at = ev["start_at"].to_numpy(dtype=float)[pos]
    first_pos = pos[np.argsort(at, kind="stable")[0]]
    last_pos = pos[pd.Series(at).idxmax()]   # the first of the latest (NaN skipped), as before
    start = ev["start"]
    first = labels.written_date(labels.text(start.iat[first_pos]), lang)
    last = labels.written_date(labels.text(start.iat[last_pos]), lang)
    names = [dataset.actor_name(a) for a in filters.lane_actors(dataset, view)]
    if len(names) > MAX_NAMES:
        names = names[:MAX_NAMES] + ["…"]
    return t("chart_summary", lang, n=len(pos), start=first, end=last, actors=", ".join(names))
