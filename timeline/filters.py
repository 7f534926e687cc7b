"""Which events a view shows: actor filter (any/all), search, visible range; and per-actor counts.

Everything here is vectorised over the events table, on the actor index of `timeline.index`.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import search
from .index import derived, membership
from .model import Dataset
from .view import View


def actor_mask(dataset: Dataset, actor_ids, mode: str = "any") -> np.ndarray:
    """Boolean mask over events: with any (mode 'any') or all (mode 'all') of `actor_ids`.

    No actor ids means no actor filter (every event passes).
    """
    n = len(dataset.events)
    wanted = tuple(dict.fromkeys(actor_ids or ()))
    if not wanted:
        return np.ones(n, dtype=bool)
    m = membership(dataset)
    hit = np.isin(m.actor_code, m.code_of(wanted))
    hits_per_event = np.bincount(m.event_pos[hit], minlength=n)
    needed = len(wanted) if mode == "all" else 1
    return hits_per_event >= needed


def search_mask(dataset: Dataset, text: str) -> np.ndarray:
    """Boolean mask over events matching the search text (every event when the text is empty)."""
    if not (text or "").strip():
        return np.ones(len(dataset.events), dtype=bool)
    return search.matching_mask(dataset, text)


def extent_days(events: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Where each event is drawn, from its first to its last possible instant (days since 1970).

    Open bounds (before/after) are replaced by the written date, so 'before 2018' does not
    reach back to the beginning of time.
    """
    start_at = events["start_at"].to_numpy(dtype=float)
    lo = events["start_lo"].to_numpy(dtype=float)
    lo = np.where(np.isfinite(lo), lo, start_at)
    end_at = events["end_at"].to_numpy(dtype=float)
    end_hi = events["end_hi"].to_numpy(dtype=float)
    start_hi = events["start_hi"].to_numpy(dtype=float)
    hi = np.where(np.isnan(end_at), start_hi, end_hi)
    hi = np.where(np.isfinite(hi), hi, np.where(np.isnan(end_at), start_at, end_at))
    return lo, hi


def range_mask(dataset: Dataset, lo: float | None, hi: float | None) -> np.ndarray:
    """Boolean mask over events whose extent overlaps [lo, hi) (days; None = open)."""
    ev_lo, ev_hi = extent_days(dataset.events)
    mask = np.ones(len(dataset.events), dtype=bool)
    if lo is not None:
        mask &= ev_hi > lo
    if hi is not None:
        mask &= ev_lo < hi
    return mask


def visible_mask(dataset: Dataset, view: View | None = None, *, in_range: bool = False) -> np.ndarray:
    """Boolean mask over `dataset.events` for the view's actor filter and search (and range)."""
    view = view or View()
    mask = actor_mask(dataset, view.actors, view.mode) & search_mask(dataset, view.search)
    if in_range:
        mask &= range_mask(dataset, *view.range_days())
    return mask


def visible_events(dataset: Dataset, view: View | None = None, *, in_range: bool = False) -> pd.DataFrame:
    """The events the view shows, in dataset order (all kinds, phases included).

    Actors: an event passes with any of `view.actors` (mode 'any') or all of them ('all').
    Search: `view.search` matched by `timeline.search`. With `in_range=True`, only events that
    overlap the view's from/to range (the figure keeps the others, for panning).
    """
    return dataset.events[visible_mask(dataset, view, in_range=in_range)]


def actor_counts(dataset: Dataset, view: View | None = None, *, in_range: bool = False,
                 disputed_only: bool = False) -> pd.Series:
    """Events per actor id (actors.csv order) under the view's other filters.

    The search (and, with `in_range`, the range) applies; the actor selection itself does
    not, so the count beside an actor says how many events it has whether ticked or not.
    An event whose involvement of the actor is disputed ('trump?') counts, as it passes the
    actor filter; with `disputed_only`, only those are counted.
    """
    view = view or View()
    mask = search_mask(dataset, view.search)
    if in_range:
        mask &= range_mask(dataset, *view.range_days())
    m = membership(dataset)
    keep = mask[m.event_pos] & (m.actor_code >= 0)
    if disputed_only:
        keep &= m.disputed_pairs()
    counts = np.bincount(m.actor_code[keep], minlength=len(m.actor_ids))
    return pd.Series(counts, index=pd.Index(m.actor_ids, name="actor"), name="events")


def lane_actors(dataset: Dataset, view: View | None = None) -> tuple[str, ...]:
    """The actor lanes a view shows, in actors.csv order: the selected actors, or every actor with
    an event of its own (a quote's speaker who is in no event gets no empty lane)."""
    all_ids = tuple(dataset.actors["id"])
    selected = set((view or View()).actors)
    if selected:
        return tuple(a for a in all_ids if a in selected)
    return derived(dataset, "actors_with_events", _actors_with_events)


def _actors_with_events(dataset: Dataset) -> tuple[str, ...]:
    m = membership(dataset)
    codes = set(np.unique(m.actor_code[m.actor_code >= 0]).tolist())
    return tuple(a for i, a in enumerate(m.actor_ids) if i in codes)
