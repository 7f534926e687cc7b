"""An event's title, summary, note and date label in the reader's language: the one rule for each,
for one event (a row) or for a whole events column at once.

    title(row, "nl")            the Dutch title when there is one, else the title
    date_label(row, "en")       display_date when given, else 'Mar 2018' / 'c. 2018' / 'start – end'
    titles(events, "nl"), date_labels(events, "nl")   the same for every event, vectorised

A span whose two ends read the same ('2018-03' to '2018-03') is labelled once: 'Mar 2018'.
"""
from __future__ import annotations

import math

import pandas as pd

from . import dates

SPAN_DASH = " – "


def text(value) -> str:
    """A cell as text: '' for a missing value (None, NaN, pd.NA)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    try:
        if bool(value != value):   # pd.NA and NaT compare unequal to themselves (or raise)
            return ""
    except TypeError:
        return ""
    return str(value)


def field(row, column: str, lang: str) -> str:
    """Which column is shown for `column` in `lang`: f"{column}_nl" for Dutch when given, else `column`."""
    return f"{column}_nl" if lang == "nl" and text(row.get(f"{column}_nl")).strip() else column


def _localised(row, column: str, lang: str) -> str:
    return text(row.get(field(row, column, lang)))


def title(row, lang: str) -> str:
    """The event's title in `lang` (the Dutch title when asked for and given)."""
    return _localised(row, "title", lang)


def summary(row, lang: str) -> str:
    """The event's summary in `lang` (the Dutch summary when asked for and given)."""
    return _localised(row, "summary", lang)


def note(row, lang: str) -> str:
    """The event's note in `lang` (`note_nl` for Dutch when given)."""
    return _localised(row, "note", lang)


def written_date(written: str, lang: str) -> str:
    """A written date as a label at its precision ('Mar 2018'); unreadable text as it is."""
    if not written:
        return ""
    try:
        return dates.parse(written).label(lang)
    except dates.DateError:
        return written


def _span(start: str, end: str) -> str:
    return f"{start}{SPAN_DASH}{end}" if end and end != start else start


def date_label(row, lang: str) -> str:
    """The date as written, at its precision: display_date when given, else start (– end)."""
    shown = text(row.get("display_date"))
    if shown.strip():
        return shown
    return _span(written_date(text(row["start"]), lang), written_date(text(row.get("end")), lang))


def titles(events: pd.DataFrame, lang: str) -> pd.Series:
    """`title` of every event, as a str Series aligned with `events`."""
    return _localised_column(events, "title", lang)


def summaries(events: pd.DataFrame, lang: str) -> pd.Series:
    """`summary` of every event, as a str Series aligned with `events`."""
    return _localised_column(events, "summary", lang)


def _localised_column(events: pd.DataFrame, column: str, lang: str) -> pd.Series:
    if column not in events.columns:
        return pd.Series("", index=events.index, dtype="str")
    value = events[column].fillna("").astype("str")
    if lang == "nl" and f"{column}_nl" in events.columns:
        dutch = events[f"{column}_nl"].fillna("").astype("str")
        value = dutch.where(dutch.str.strip() != "", value)
    return value


def date_labels(events: pd.DataFrame, lang: str) -> pd.Series:
    """`date_label` of every event, vectorised: each distinct written date is parsed once."""
    written = pd.concat([events["start"], events["end"]]).fillna("").astype("str").unique()
    label = {w: written_date(w, lang) for w in written}
    start = events["start"].fillna("").astype("str").map(label)
    end = events["end"].fillna("").astype("str").map(label)
    both = start.where((end == "") | (end == start), start + SPAN_DASH + end)
    if "display_date" not in events.columns:
        return both
    shown = events["display_date"].fillna("").astype("str")
    return shown.where(shown.str.strip() != "", both)
