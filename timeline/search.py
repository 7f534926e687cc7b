"""Search over event titles (en, nl), summaries, quotes (text, translation) and actor names.

Case- and accent-insensitive ('kim jong un' finds 'Kim Jong-un' only if the hyphen is typed,
'cafe' finds 'Café'). The searchable text of a dataset is normalised once into a long table
(one row per event × field) kept on the Dataset; a query is one vectorised substring test on it.
Each match says which event, which field, and the span of the original text that matched,
so the interface can highlight it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from .index import derived, membership
from .model import Dataset

# Fields searched, in the order matches are reported; the interface language's title and
# summary come first (see `_field_order`).
EVENT_FIELDS = ("title", "title_nl", "summary", "summary_nl")
QUOTE_FIELDS = {"quote": "text", "quote_translation": "translation"}
ACTOR_FIELD = "actor"
_COMBINING = "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
DEFAULT_LIMIT = 1000


@dataclass(frozen=True)
class Match:
    """One place a search matched.

    event_id  the event that matches
    field     title | title_nl | summary | summary_nl | quote | quote_translation | actor
    ref       the quote id (quote fields) or actor id (actor field); '' for event fields
    text      the original text of that field
    start/end the matched span in `text` (text[start:end] is what to highlight)
    """

    event_id: str
    field: str
    ref: str
    text: str
    start: int
    end: int


def normalise(text: str) -> str:
    """Text folded for matching: accents removed, case folded (per character, see `_fold`)."""
    return "".join(_fold(ch) for ch in text)


@lru_cache(maxsize=8192)
def _fold(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch)
    return re.sub(_COMBINING, "", decomposed).casefold()


def _normalise_series(texts: pd.Series) -> pd.Series:
    """`normalise` for a whole column at once (same result, vectorised)."""
    s = texts.astype("str").str.normalize("NFKD").str.replace(_COMBINING, "", regex=True)
    return s.str.casefold()


def _corpus(dataset: Dataset) -> pd.DataFrame:
    """The searchable text: columns event (row position), field, ref, text, norm."""
    ev = dataset.events
    positions = np.arange(len(ev))
    parts = []
    for field in EVENT_FIELDS:
        if field in ev.columns:
            parts.append(pd.DataFrame({"event": positions, "field": field, "ref": "",
                                       "text": ev[field].to_numpy(dtype=object)}))
    parts += _quote_parts(dataset)
    table = pd.concat(parts, ignore_index=True)
    table = table[table["text"].notna() & (table["text"].astype("str") != "")]
    table = table.reset_index(drop=True)
    table["text"] = table["text"].astype("str")
    table["norm"] = _normalise_series(table["text"])
    return table


def _quote_parts(dataset: Dataset) -> list[pd.DataFrame]:
    q = dataset.quotes
    if q.empty:
        return []
    position_of = pd.Series(np.arange(len(dataset.events)), index=dataset.events["id"].to_numpy())
    event_pos = q["event"].map(position_of)
    known = event_pos.notna().to_numpy()
    parts = []
    for field, column in QUOTE_FIELDS.items():
        parts.append(pd.DataFrame({"event": event_pos.to_numpy()[known].astype(np.int64), "field": field,
                                   "ref": q["id"].to_numpy(dtype=object)[known],
                                   "text": q[column].to_numpy(dtype=object)[known]}))
    return parts


def _actor_names(dataset: Dataset) -> pd.DataFrame:
    """Actors with their normalised names: columns id, text, norm."""
    a = dataset.actors
    return pd.DataFrame({"id": a["id"].to_numpy(dtype=object), "text": a["name"].astype("str").to_numpy(dtype=object),
                         "norm": _normalise_series(a["name"]).to_numpy(dtype=object)})


def _prepared(dataset: Dataset) -> tuple[pd.DataFrame, pd.DataFrame]:
    return derived(dataset, "search", lambda ds: (_corpus(ds), _actor_names(ds)))


def _query(text: str) -> str:
    return normalise(" ".join(str(text or "").split()))


def matching_mask(dataset: Dataset, text: str) -> np.ndarray:
    """Boolean mask over `dataset.events`: True where some searched field contains `text`."""
    mask = np.zeros(len(dataset.events), dtype=bool)
    query = _query(text)
    if not query:
        return mask
    corpus, actors = _prepared(dataset)
    hit = corpus["norm"].str.contains(query, regex=False).to_numpy(dtype=bool)
    mask[corpus["event"].to_numpy()[hit]] = True
    actor_hit = actors["norm"].str.contains(query, regex=False).to_numpy(dtype=bool)
    if actor_hit.any():
        m = membership(dataset)
        mask[m.event_pos[np.isin(m.actor_code, np.flatnonzero(actor_hit))]] = True
    return mask


def search(dataset: Dataset, text: str, lang: str = "en", limit: int | None = DEFAULT_LIMIT, *,
           events=None, first_per_event: bool = False) -> list[Match]:
    """Every field that contains `text`, as Matches: by event (dataset order), then by field.

    The fields of the interface language (`title_nl`, `summary_nl` for 'nl') come before the
    other language's. At most `limit` matches (None for all); an empty text matches nothing.
    `events` (ids) keeps only those events' matches and `first_per_event` only the best one of
    each: what a list showing a page of events needs, without building a Match for every hit.
    """
    query = _query(text)
    if not query:
        return []
    corpus, actors = _prepared(dataset)
    if events is not None:
        wanted = np.flatnonzero(dataset.events["id"].isin(list(events)).to_numpy())
        corpus = corpus[corpus["event"].isin(wanted)]
    rows = corpus[corpus["norm"].str.contains(query, regex=False).to_numpy(dtype=bool)]
    actor_rows = _actor_rows(dataset, actors, query)
    if events is not None:
        actor_rows = actor_rows[actor_rows["event"].isin(wanted)]
    rows = pd.concat([rows, actor_rows], ignore_index=True)
    if rows.empty:
        return []
    order = _field_order(lang)
    rows = rows.assign(rank=rows["field"].map(order)).sort_values(["event", "rank"], kind="stable")
    if first_per_event:
        rows = rows.drop_duplicates("event")
    if limit is not None:
        rows = rows.head(limit)
    ids = dataset.events["id"].to_numpy(dtype=object)
    return [_match(ids[pos], field, ref, original, query)
            for pos, field, ref, original in zip(rows["event"], rows["field"], rows["ref"], rows["text"])]


def _actor_rows(dataset: Dataset, actors: pd.DataFrame, query: str) -> pd.DataFrame:
    """Corpus-shaped rows (event, field, ref, text) for events whose actors' names match."""
    actor_hit = np.flatnonzero(actors["norm"].str.contains(query, regex=False).to_numpy(dtype=bool))
    if actor_hit.size == 0:
        return pd.DataFrame(columns=["event", "field", "ref", "text"])
    m = membership(dataset)
    pair = np.isin(m.actor_code, actor_hit)
    codes = m.actor_code[pair]
    return pd.DataFrame({"event": m.event_pos[pair], "field": ACTOR_FIELD,
                         "ref": actors["id"].to_numpy(dtype=object)[codes],
                         "text": actors["text"].to_numpy(dtype=object)[codes]})


def _field_order(lang: str) -> dict[str, int]:
    own = ("title_nl", "summary_nl") if lang == "nl" else ("title", "summary")
    fields = list(own) + [f for f in EVENT_FIELDS if f not in own] + list(QUOTE_FIELDS) + [ACTOR_FIELD]
    return {f: i for i, f in enumerate(fields)}


def _match(event_id: str, field: str, ref: str, original: str, query: str) -> Match:
    start, end = find_span(original, query)
    return Match(str(event_id), field, str(ref), original, start, end)


def find_span(original: str, query: str) -> tuple[int, int]:
    """Where the normalised `query` first occurs in `original`, as (start, end) offsets of `original`.

    Folding is per character, so each folded character maps back to the original one it
    came from; combining marks right after the match belong to it. (0, 0) when it does not occur.
    """
    if original.isascii():   # folding ASCII is lower-casing, one character for one
        at = original.lower().find(query) if query else -1
        return (0, 0) if at < 0 else (at, at + len(query))
    folded = [_fold(ch) for ch in original]
    origin = [i for i, f in enumerate(folded) for _ in f]
    at = "".join(folded).find(query)
    if at < 0 or not query:
        return 0, 0
    end = origin[at + len(query) - 1] + 1
    while end < len(original) and folded[end] == "":
        end += 1
    return origin[at], end
