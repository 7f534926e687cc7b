"""The public figure API: `figure`, `figure_json`, `figure_info`, with the per-dataset cache."""
from __future__ import annotations

import os
from collections import OrderedDict

import numpy as np
import orjson
import plotly.graph_objects as go

from ..formats import load
from ..index import derived, membership
from ..model import Dataset
from ..view import View, from_query, from_values
from .builder import build
from .options import CACHE_SIZE, GL_THRESHOLD, LOD_LIMIT, THEMES, VIEW_KEYS, FigureInfo, Options


def figure(dataset: Dataset | str | os.PathLike | None = None, view: View | str | dict | None = None, *,
           height: int | None = None, width: int | None = None, theme: str = "light", lod: bool = False,
           **view_kwargs) -> go.Figure:
    """The interactive timeline of a dataset, as the app shows it.

    dataset  a loaded `Dataset` (`timeline.load(...)`), a path (a dataset folder or file, loaded
             here), or None for the bundled dataset
    view     a `timeline.view.View`, a URL query ('?actors=kim&lang=nl') or a dict of its values
    view_kwargs, which override `view`:
        actors  actor ids to show (a list or 'a,b'); the figure has one lane per actor shown
        mode    'any' (events with any of the actors, default) or 'all' (with all of them)
        start, end  visible range as dates at any precision ('2018-03', '2019')
        event   id of the selected event (highlighted and always labelled)
        search  search text; only matching events are drawn
        lang    'en' (default) or 'nl': titles, date labels and axis text
    height, width  pixels (height defaults to fit the lanes; width to the container)
    theme    'light' or 'dark'
    lod      level of detail, for big datasets in a page that redraws on zoom (the app, /embed):
             with more than LOD_LIMIT events in view, each lane is drawn as density (one point per
             bin, sized by its count); with fewer, only the events within one range-width of the
             view are drawn. `layout.meta.lod` says which ('density', 'window' or absent).

    Unknown actor ids raise ValueError; other malformed values fall back to their defaults, as in
    a URL. The result is a fresh `plotly.graph_objects.Figure` (built figures are cached per
    dataset and view; changing the returned one does not affect the cache).
    """
    entry = _entry(dataset, view, _options(height, width, theme, lod), view_kwargs)
    return go.Figure(entry["figure"], _validate=False)


def figure_json(dataset: Dataset | str | os.PathLike | None = None, view: View | str | dict | None = None, *,
                height: int | None = None, width: int | None = None, theme: str = "light", lod: bool = False,
                **view_kwargs) -> str:
    """`figure(...)` as plotly JSON (orjson encoder), cached per dataset and view."""
    entry = _entry(dataset, view, _options(height, width, theme, lod), view_kwargs)
    if entry["json"] is None:
        entry["json"] = to_json(entry["figure"])
    return entry["json"]


def figure_info(dataset: Dataset | str | os.PathLike | None = None, view: View | str | dict | None = None, *,
                height: int | None = None, width: int | None = None, theme: str = "light", lod: bool = False,
                **view_kwargs) -> FigureInfo:
    """The `FigureInfo` of `figure(...)` (level of detail, WebGL, lanes), from the same cache."""
    return _entry(dataset, view, _options(height, width, theme, lod), view_kwargs)["info"]


def _entry(dataset: Dataset | str | os.PathLike | None, view, options: Options, view_kwargs: dict) -> dict:
    if dataset is None or isinstance(dataset, (str, os.PathLike)):
        dataset = load(dataset)
    elif not isinstance(dataset, Dataset):
        raise TypeError(f"timeline.figure: expected a Dataset from timeline.load(...) or a path, "
                        f"not {type(dataset).__name__}")
    return _cached(dataset, resolve_view(dataset, view, view_kwargs), options)


def to_json(figure_dict: dict) -> str:
    """A figure dict as plotly JSON, with orjson; numpy arrays go through `_json_array`.

    (plotly's own encoder walks every element of an object array in Python: ~9 s at 100,000 events.)
    """
    return orjson.dumps(figure_dict, default=_json_array).decode()


def _json_array(value):
    """Numpy values as JSON-ready Python: dates as ISO text, NaT and NaN as null (gaps)."""
    if isinstance(value, np.ndarray):
        if np.issubdtype(value.dtype, np.datetime64):
            text = np.datetime_as_string(value).astype(object)
            text[np.isnat(value)] = None
            return text.tolist()
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"cannot encode {type(value).__name__} as JSON")


def resolve_view(dataset: Dataset, view: View | str | dict | None, overrides: dict) -> View:
    """The View for a figure call: `view` (View, query or dict) with keyword overrides applied."""
    unknown = sorted(set(overrides) - set(VIEW_KEYS))
    if unknown:
        raise TypeError(f"unknown argument(s) {', '.join(unknown)}; view arguments are {', '.join(VIEW_KEYS)}")
    if isinstance(view, (str, dict)):
        view = from_query(view, actors=set(dataset.actors["id"]))
    base = view or View()
    if overrides:
        values = {k: getattr(base, k) for k in VIEW_KEYS}
        values.update(overrides)
        base = from_values(**values)
    known = set(dataset.actors["id"])
    missing = [a for a in base.actors if a not in known]
    if missing:
        raise ValueError(f"unknown actor id(s) {', '.join(missing)}; known: {', '.join(sorted(known))}")
    return base


def _options(height, width, theme, lod=False) -> Options:
    if theme not in THEMES:
        raise ValueError(f"theme must be one of {', '.join(THEMES)}, not {theme!r}")
    return Options(height, width, theme, bool(lod))


def redraws_on_zoom(dataset: Dataset) -> bool:
    """Whether a level-of-detail figure of this dataset depends on the visible range (so a page
    showing one must ask for a new figure when the reader zooms or pans)."""
    return len(membership(dataset).event_pos) > LOD_LIMIT


def bundle_for(dataset: Dataset) -> str:
    """The plotly.js bundle a page that may show any figure of this dataset needs: 'plotly-gl'
    if one can have WebGL traces (more lane points than GL_THRESHOLD), else 'plotly'. For one
    built figure, `figure_info(...).bundle` says exactly."""
    return "plotly-gl" if len(membership(dataset).event_pos) > GL_THRESHOLD else "plotly"


def _cached(dataset: Dataset, view: View, options: Options) -> dict:
    """The cache entry {'figure': figure dict, 'info': FigureInfo, 'json': text or None} for
    (dataset, view, options)."""
    cache: OrderedDict = derived(dataset, "figures", lambda ds: OrderedDict())
    key = (view, options)
    if key in cache:
        cache.move_to_end(key)
        return cache[key]
    fig, info = build(dataset, view, options)
    entry = {"figure": fig, "info": info, "json": None}
    cache[key] = entry
    while len(cache) > CACHE_SIZE:
        cache.popitem(last=False)
    return entry
