"""The per-dataset cache (`derived`) and the actor index (`Membership`) that filters, search and
the figure share.

A loaded dataset's tables are not changed afterwards, so what is computed from them is kept on
the Dataset object itself: the actor lists (tuples in an object column) are exploded once into
integer arrays, so a filter on 100,000 events is a few numpy operations.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import pandas as pd

from .model import Dataset

_CACHE_ATTR = "_timeline_derived"


def derived(dataset: Dataset, name: str, build: Callable[[Dataset], object]):
    """`build(dataset)`, computed once per dataset and kept on it.

    A loaded dataset's tables are not changed afterwards; if one is replaced by another frame
    the value is rebuilt (the check is on the identity of the tables).
    """
    store = dataset.__dict__.setdefault(_CACHE_ATTR, {})
    tables = (id(dataset.events), id(dataset.actors), id(dataset.quotes))
    entry = store.get(name)
    if entry is None or entry[0] != tables:
        entry = (tables, build(dataset))
        store[name] = entry
    return entry[1]


@dataclass(frozen=True)
class Membership:
    """Event–actor pairs as parallel integer arrays, built once per dataset.

    event_pos   row position of the event in `dataset.events`, one entry per (event, actor)
    actor_code  position of the actor in `dataset.actors` (actors.csv order); -1 if unknown
    actor_ids   actor ids in actors.csv order (actor_code indexes into it)
    disputed    per pair: the actor's involvement in that event is disputed ('trump?' in events.csv)
    """

    event_pos: np.ndarray
    actor_code: np.ndarray
    actor_ids: tuple[str, ...]
    disputed: np.ndarray | None = None

    def disputed_pairs(self) -> np.ndarray:
        """`disputed`, or all False when the dataset marks none."""
        return self.disputed if self.disputed is not None else np.zeros(len(self.event_pos), dtype=bool)

    def code_of(self, actor_ids) -> np.ndarray:
        """Codes of the given actor ids; unknown ids get -2, which no pair has."""
        index = {a: i for i, a in enumerate(self.actor_ids)}
        return np.array([index.get(a, -2) for a in actor_ids], dtype=np.int64)


def membership(dataset: Dataset) -> Membership:
    """The dataset's event–actor pairs (cached on the dataset)."""
    return derived(dataset, "membership", _build_membership)


def _build_membership(dataset: Dataset) -> Membership:
    actor_ids = tuple(dataset.actors["id"])
    exploded = pd.Series(dataset.events["actors"].to_numpy(), dtype=object).explode().dropna()
    event_pos = exploded.index.to_numpy(dtype=np.int64)
    codes = pd.Categorical(exploded.to_numpy(dtype=object), categories=list(actor_ids)).codes.astype(np.int64)
    return Membership(event_pos, codes, actor_ids, _disputed_pairs(dataset, event_pos, codes, actor_ids))


def _disputed_pairs(dataset: Dataset, event_pos, codes, actor_ids) -> np.ndarray:
    """Per (event, actor) pair: is that involvement marked as disputed?"""
    if "disputed" not in dataset.events.columns:
        return np.zeros(len(event_pos), dtype=bool)
    marked = pd.Series(dataset.events["disputed"].to_numpy(), dtype=object).explode().dropna()
    if marked.empty:
        return np.zeros(len(event_pos), dtype=bool)
    width = len(actor_ids) + 2
    marked_codes = pd.Categorical(marked.to_numpy(dtype=object), categories=list(actor_ids)).codes
    keys = marked.index.to_numpy(dtype=np.int64) * width + marked_codes
    return np.isin(event_pos * width + codes, keys[marked_codes >= 0])
