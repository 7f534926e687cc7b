"""What is drawn per event and per lane: the lane items, and per event its escaped title, label,
date, hover quote, marker symbol and date style (cached per dataset and language)."""
from __future__ import annotations

import html

import numpy as np
import pandas as pd

from .. import labels
from ..filters import visible_mask
from ..index import derived, membership
from ..model import Dataset
from ..view import View
from .options import (HOVER_CHARS, LABEL_CHARS, LANE_CHARS, LANE_KEY_CHARS, MAX_QUOTE, SYMBOL_AFTER,
                      SYMBOL_BEFORE, SYMBOL_CIRCA, SYMBOL_EXACT, SYMBOL_IMPRECISE)


def lane_styles(dataset: Dataset, lanes: tuple[str, ...]) -> list[tuple[int, str, str]]:
    """(actor code, escaped lane name, colour) for each lane, top to bottom.

    The name is the lane's category on the y axis, repeated in every point: it is cut to
    LANE_KEY_CHARS (a name of tens of thousands of characters stalled the page) and kept unique."""
    actors = dataset.actors
    codes = membership(dataset).code_of(lanes)
    out, taken = [], set()
    for code in codes:
        name = str(actors["name"].iat[code])
        key = name if len(name) <= LANE_KEY_CHARS else name[:LANE_KEY_CHARS - 1] + "…"
        n = 2
        while key in taken:
            key = f"{key[:LANE_KEY_CHARS]} ({n})"
            n += 1
        taken.add(key)
        out.append((int(code), html.escape(key, quote=False), str(actors["colour"].iat[code])))
    return out


def lane_items(dataset: Dataset, view: View, lane_codes: list[int]) -> pd.DataFrame:
    """What is drawn in lanes: one row per (visible moment or span, lane actor), in time order.

    Columns: event (row position in dataset.events), lane (actor code), kind, at, end_at, disputed
    (that actor's involvement in the event is disputed).
    """
    ev = dataset.events
    shown = visible_mask(dataset, view) & (ev["kind"] != "phase").to_numpy()
    m = membership(dataset)
    keep = shown[m.event_pos] & np.isin(m.actor_code, lane_codes)
    pos = m.event_pos[keep]
    items = pd.DataFrame({"event": pos, "lane": m.actor_code[keep],
                          "kind": ev["kind"].to_numpy(dtype=object)[pos],
                          "at": ev["start_at"].to_numpy(dtype=float)[pos],
                          "end_at": ev["end_at"].to_numpy(dtype=float)[pos],
                          "disputed": m.disputed_pairs()[keep]})
    return items.sort_values(["at", "event"], kind="stable").reset_index(drop=True)


def event_properties(dataset: Dataset, positions: np.ndarray, lang: str, with_quotes: bool = True) -> pd.DataFrame:
    """`event_table` for the drawn events (row positions), with the quote blanked if not `with_quotes`."""
    props = event_table(dataset, lang).iloc[np.sort(positions)]
    if not with_quotes:
        props = props.assign(quote="")
    return props


def event_table(dataset: Dataset, lang: str) -> pd.DataFrame:
    """Per event (indexed by id, with its row position `pos`), what the traces show; cached per dataset.

    title, short (label), date (label as written), quote (hover html, '' without a quote),
    symbol (marker for a moment), style ('exact': a day, no qualifier; 'imprecise': month or
    year; 'uncertain': circa/before/after/between, or a span end that is not exact), lo/hi and
    end_lo/end_hi (the intervals its dates may stand for), weight (how much the dataset says about
    it: its sources, quotes and actors; a label's priority, the same in every view).
    All text is HTML-escaped.
    """
    return derived(dataset, f"figure-events-{lang}", lambda ds: _event_table(ds, lang))


def _event_table(dataset: Dataset, lang: str) -> pd.DataFrame:
    ev = dataset.events
    title = labels.titles(ev, lang)
    ids = ev["id"].to_numpy(dtype=object)
    style, symbol = marks(dataset)
    table = pd.DataFrame({
        "pos": np.arange(len(ev)),
        "title": escape(shorten(title, HOVER_CHARS)),
        "short": escape(shorten(title, LABEL_CHARS)),
        "date": escape(shorten(labels.date_labels(ev, lang), HOVER_CHARS)),
        "quote": _quote_html(dataset, ids, lang),
        "style": style,
        "symbol": symbol,
    }, index=pd.Index(ids, name="id"))
    table["lo"], table["hi"] = _band(ev, "start")
    table["end_lo"], table["end_hi"] = _band(ev, "end")
    table["weight"] = _weight(dataset, ids)
    return table


def _weight(dataset: Dataset, ids: np.ndarray) -> np.ndarray:
    """Per event, its sources + quotes + actors: the more the dataset says about an event, the
    sooner it gets a label."""
    ev = dataset.events
    quotes = dataset.quotes["event"].value_counts() if not dataset.quotes.empty else pd.Series(dtype=int)
    count = ev[["sources", "actors"]].apply(lambda col: col.map(lambda v: len(v) if isinstance(v, (tuple, list)) else 0))
    return (count["sources"] + count["actors"]).to_numpy() + pd.Series(ids).map(quotes).fillna(0).to_numpy(dtype=int)


def escape(texts) -> np.ndarray:
    """Text with '&', '<' and '>' escaped (vectorised), so data never becomes plotly markup."""
    s = pd.Series(texts, dtype="str")
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        s = s.str.replace(char, entity, regex=False)
    return s.to_numpy(dtype=object)


def lane_labels(names: list[str]) -> list[str]:
    """Lane names (escaped) cut to LANE_CHARS for the axis, so a long name cannot squeeze the plot."""
    out = []
    for name in names:
        plain = html.unescape(name)
        out.append(name if len(plain) <= LANE_CHARS else html.escape(plain[:LANE_CHARS - 1].rstrip() + "…", quote=False))
    return out


def shorten(texts: pd.Series, n: int) -> pd.Series:
    cut = texts.str.slice(0, n - 1).str.rstrip() + "…"
    return texts.where(texts.str.len() <= n, cut)


def _quote_html(dataset: Dataset, event_ids: np.ndarray, lang: str) -> np.ndarray:
    """'<br><i>“start of the first quote…”</i>' per event ('' without one), data text escaped.

    The English interface shows a quote's English translation when it has one.
    """
    q = dataset.quotes
    if q.empty:
        return np.full(len(event_ids), "", dtype=object)
    first = q.drop_duplicates("event").set_index("event")
    text = first["text"].fillna("").astype("str")
    if lang == "en":
        translation = first["translation"].fillna("").astype("str")
        text = translation.where(translation.str.strip() != "", text)
    snippet = pd.Series(escape(shorten(text, MAX_QUOTE)), index=text.index, dtype="str")
    markup = "<br><i>“" + snippet + "”</i>"
    return pd.Series(event_ids).map(markup).fillna("").to_numpy(dtype=object)


def marks(dataset: Dataset) -> tuple[np.ndarray, np.ndarray]:
    """(style, symbol) per event, as `event_table` has them, without its text (cached per dataset:
    the chart's key needs only these). Object arrays of a few shared strings: 8 bytes an event,
    not a string object each."""
    return derived(dataset, "figure-marks", lambda ds: (_style(ds.events), _symbol(ds.events)))


def _style(ev: pd.DataFrame) -> np.ndarray:
    exact_start = (ev["start_precision"] == "day") & (ev["start_qualifier"].fillna("") == "")
    has_end = ev["end"].fillna("") != ""
    exact_end = ~has_end | ((ev["end_precision"] == "day") & (ev["end_qualifier"].fillna("") == ""))
    uncertain = (ev["start_qualifier"].fillna("") != "") | (has_end & ~exact_end)
    style = np.full(len(ev), "imprecise", dtype=object)
    style[uncertain.to_numpy(dtype=bool)] = "uncertain"
    style[(exact_start & exact_end).to_numpy(dtype=bool)] = "exact"
    return style


def _symbol(ev: pd.DataFrame) -> np.ndarray:
    qualifier = ev["start_qualifier"].fillna("").to_numpy(dtype=object)
    day = (ev["start_precision"] == "day").to_numpy()
    symbol = np.full(len(ev), SYMBOL_IMPRECISE, dtype=object)
    symbol[day] = SYMBOL_EXACT
    symbol[(qualifier == "circa") | (qualifier == "between")] = SYMBOL_CIRCA
    symbol[qualifier == "before"] = SYMBOL_BEFORE
    symbol[qualifier == "after"] = SYMBOL_AFTER
    return symbol


def _band(ev: pd.DataFrame, which: str) -> tuple[np.ndarray, np.ndarray]:
    """The interval a date may stand for (days), open bounds (before/after) cut at the drawn date."""
    at = ev[f"{which}_at"].to_numpy(dtype=float)
    lo = ev[f"{which}_lo"].to_numpy(dtype=float)
    hi = ev[f"{which}_hi"].to_numpy(dtype=float)
    return np.where(np.isfinite(lo), lo, at), np.where(np.isfinite(hi), hi, at)


def lane_ids(dataset: Dataset, lanes: list) -> list[list[str]]:
    """[actor id, lane name] per lane, top first: what a page needs to show some lanes without a new figure."""
    ids = dataset.actors["id"].to_numpy(dtype=object)
    return [[str(ids[code]), name] for code, name, _ in lanes]
