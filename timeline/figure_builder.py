"""The timeline as a plotly figure: one lane per actor, eras behind, precision and uncertainty visible.

    import timeline
    fig = timeline.figure(actors=["kim"], lang="nl")   # the bundled dataset, Kim only, in Dutch

Drawing rules, as a reader sees them:

- one horizontal lane per actor (actors.csv order, the actor's colour); an event with several
  actors is drawn in each lane and joined by a thin vertical connector;
- moments are markers, spans thick bars from start to end, phases shaded eras behind everything
  with their name at the top;
- a day-precise date is a solid marker; a month- or year-precise one a hollow marker over a faint
  band covering the whole month or year; a circa/before/after/between date a hollow diamond or
  triangle with a dotted whisker over its uncertainty interval; spans with such ends are dashed;
- short titles where they fit (greedy, per lane), none when more than `MAX_LABELLED` events are
  in view; the selected event is larger, outlined and always labelled;
- years outside 1..9999 switch to a numeric axis in years, with BCE tick labels.

The build is vectorised: a handful of traces per actor, whatever the number of events, WebGL
traces above `GL_THRESHOLD` points, and hover text from a hovertemplate over `customdata`
(event id, title, date, quote). Text from data is HTML-escaped wherever plotly renders markup.
"""
from __future__ import annotations

import html
import math
from collections import OrderedDict
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import orjson

from . import dates
from .filters import derived, extent_days, lane_actors, membership, visible_mask
from .model import Dataset
from .view import View, from_query, from_values

GL_THRESHOLD = 2000        # lane points above which markers and lines use WebGL
MAX_LABELLED = 300         # more events than this in view: no labels
MAX_QUOTE = 140            # characters of a quote in the hover
LABEL_CHARS = 28           # a label is the title cut to this many characters
HOVER_CHARS = 120          # a title or date in the hover is cut to this many (the details have it whole)
LANE_CHARS = 40            # a lane's tick label is the actor's name cut to this many
LABEL_FONT_PX = 11
CHAR_PX = 6.6              # estimated width of one label character at LABEL_FONT_PX
LABEL_GAP_PX = 10          # space kept between two labels, and after the marker
DEFAULT_WIDTH_PX = 1100    # plot width assumed for label fitting when no width is given
LEGEND_PX = 170
RANGE_MARGIN = 0.03        # default range: the whole dataset plus this fraction on each side
CACHE_SIZE = 16
LOD_LIMIT = 4000           # lane items in view above which a level-of-detail figure draws lanes as density
LOD_BINS = 60              # density bins across the visible range (the figure spans three such ranges):
                           # about the largest marker apart at 1,000 px; plotly pays per point, twice
MARKER_PX = 11
SELECTED_PX = 20
BAND_PX = 14               # thickness of a precision band
SPAN_PX = 9                # thickness of a span bar
DARK = "#111111"

TEXT = {
    "en": {"date": "Date", "year": "Year", "actors": "Actors", "all": "All", "6m": "6 m", "1y": "1 y",
           "5y": "5 y", "bce": "BCE", "million": "million", "billion": "billion", "thousands": ",", "decimal": ".",
           "events": "events", "zoom": "zoom in to see them"},
    "nl": {"date": "Datum", "year": "Jaar", "actors": "Actoren", "all": "Alles", "6m": "6 mnd", "1y": "1 jr",
           "5y": "5 jr", "bce": "v.Chr.", "million": "miljoen", "billion": "miljard", "thousands": ".", "decimal": ",",
           "events": "gebeurtenissen", "zoom": "zoom in om ze te zien"},
}
VIEW_KEYS = tuple(f.name for f in fields(View))
THEMES = {"light": "plotly_white", "dark": "plotly_dark"}
HOVER = "<b>%{customdata[1]}</b><br>%{customdata[2]}%{customdata[3]}<extra>%{fullData.name}</extra>"

# Marker symbols by how certain the date is.
SYMBOL_EXACT, SYMBOL_IMPRECISE, SYMBOL_CIRCA = "circle", "circle-open", "diamond-open"
SYMBOL_BEFORE, SYMBOL_AFTER = "triangle-left-open", "triangle-right-open"


@dataclass(frozen=True)
class Options:
    """How the figure is laid out, apart from the view: size in pixels and theme."""

    height: int | None = None
    width: int | None = None
    theme: str = "light"
    lod: bool = False       # level of detail: density when zoomed out, only a window around the view when in


# ---------------------------------------------------------------------------------------------
# The public API


def figure(dataset: Dataset | None = None, view: View | str | dict | None = None, *,
           height: int | None = None, width: int | None = None, theme: str = "light", lod: bool = False,
           **view_kwargs) -> go.Figure:
    """The interactive timeline of a dataset, as the app shows it.

    dataset  a loaded `Dataset`; None loads the bundled one (`timeline.load()`)
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
    if dataset is None:
        from .loader import load

        dataset = load()
    resolved = resolve_view(dataset, view, view_kwargs)
    options = _options(height, width, theme, lod)
    return go.Figure(_cached(dataset, resolved, options)["figure"], _validate=False)


def figure_json(dataset: Dataset | None = None, view: View | str | dict | None = None, *,
                height: int | None = None, width: int | None = None, theme: str = "light", lod: bool = False,
                **view_kwargs) -> str:
    """`figure(...)` as plotly JSON (orjson encoder), cached per dataset and view."""
    if dataset is None:
        from .loader import load

        dataset = load()
    resolved = resolve_view(dataset, view, view_kwargs)
    entry = _cached(dataset, resolved, _options(height, width, theme, lod))
    if entry["json"] is None:
        entry["json"] = to_json(entry["figure"])
    return entry["json"]


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


def _cached(dataset: Dataset, view: View, options: Options) -> dict:
    """The cache entry {'figure': figure dict, 'json': text or None} for (dataset, view, options)."""
    cache: OrderedDict = derived(dataset, "figures", lambda ds: OrderedDict())
    key = (view, options)
    if key in cache:
        cache.move_to_end(key)
        return cache[key]
    entry = {"figure": build(dataset, view, options), "json": None}
    cache[key] = entry
    while len(cache) > CACHE_SIZE:
        cache.popitem(last=False)
    return entry


# ---------------------------------------------------------------------------------------------
# Building


def build(dataset: Dataset, view: View, options: Options = Options()) -> dict:
    """The figure as a plotly figure dict {'data': [...], 'layout': {...}} (uncached); see `figure`."""
    lang = view.lang if view.lang in TEXT else "en"
    axis = Axis(dataset.is_deep_time())
    lanes = lane_styles(dataset, lane_actors(dataset, view))
    items = lane_items(dataset, view, [code for code, _, _ in lanes])
    x_range = visible_range(dataset, view)
    lane_names = {code: name for code, name, _ in lanes}
    lod = None
    if options.lod and len(items) > LOD_LIMIT:
        window = lod_window(x_range)
        if _overlapping(items, *x_range).sum() > LOD_LIMIT:
            return density_figure(dataset, view, options, axis, lanes, items, x_range, window, lang)
        items = items[_overlapping(items, *window)].reset_index(drop=True)
        lod = {"lod": "window", "window": axis.text(np.array(window))}
    use_gl = len(items) > GL_THRESHOLD
    props = event_properties(dataset, items["event"].unique(), lang, with_quotes=not use_gl)
    traces = []
    for code, name, colour in lanes:
        traces += lane_traces(items[items["lane"] == code], props, axis, name, colour, use_gl)
    traces.append(connector_trace(items, axis, lane_names, use_gl))
    selected = view.event if view.event in props.index else None
    if selected is not None:
        traces.append(selected_trace(items, props, axis, lane_names, dataset, selected))
    fig_layout = layout(dataset, view, options, axis, list(lane_names.values()), x_range, lang)
    fig_layout["annotations"] = label_annotations(items, props, axis, lane_names, x_range, options, selected)
    fig_layout["meta"]["lanes"] = _lane_ids(dataset, lanes)
    if lod:
        fig_layout["meta"].update(lod)
        _slider_over_everything(dataset, axis, fig_layout)
    return {"data": [t for t in traces if t is not None], "layout": fig_layout}


def _lane_ids(dataset: Dataset, lanes: list) -> list[list[str]]:
    """[actor id, lane name] per lane, top first: what a page needs to show some lanes without a new figure."""
    ids = dataset.actors["id"].to_numpy(dtype=object)
    return [[str(ids[code]), name] for code, name, _ in lanes]


# ---------------------------------------------------------------------------------------------
# Level of detail (Options.lod): density when zoomed out, a window of full detail when zoomed in


def lod_window(x_range: tuple[float, float]) -> tuple[float, float]:
    """The range a level-of-detail figure covers: the visible range and one range-width each side
    (so a pan shows events at once; the page asks for a new figure when the view changes)."""
    lo, hi = x_range
    width = hi - lo
    return lo - width, hi + width


def _overlapping(items: pd.DataFrame, lo: float, hi: float) -> np.ndarray:
    at = items["at"].to_numpy(dtype=float)
    end = np.fmax(at, items["end_at"].to_numpy(dtype=float))
    return (at < hi) & (end >= lo)


def density_figure(dataset: Dataset, view: View, options: Options, axis: Axis, lanes: list, items: pd.DataFrame,
                   x_range: tuple[float, float], window: tuple[float, float], lang: str) -> dict:
    """Each lane as density: per bin (LOD_BINS across the visible range), one marker at the bin's
    centre sized by how many events start in it, hovering 'N events ± date'. Its customdata is
    [None, N]: no event id where the app and the embed look for one, so a click selects nothing. Every lane is
    kept; the selected event is still drawn and labelled."""
    words = TEXT[lang]
    lo, hi = window
    width = (x_range[1] - x_range[0]) / LOD_BINS
    nbins = int(math.ceil((hi - lo) / width))
    at = items["at"].to_numpy(dtype=float)
    ok = np.isfinite(at) & (at >= lo) & (at < hi)
    rank = {code: i for i, (code, _, _) in enumerate(lanes)}
    lane_rank = items["lane"].map(rank).to_numpy()[ok]
    counts = np.bincount(lane_rank * nbins + ((at[ok] - lo) // width).astype(np.int64),
                         minlength=len(lanes) * nbins).reshape(len(lanes), nbins)
    peak = max(int(counts.max()), 1)
    use_gl = int((counts > 0).sum()) > GL_THRESHOLD
    edges = lo + width * np.arange(nbins + 1)
    when = "%{x:.0f}" if axis.deep_time else "%{x|%d %b %Y}"
    hover = f"<b>%{{customdata[1]:,}} {words['events']}</b> ± {when}<br><i>{words['zoom']}</i><extra>%{{fullData.name}}</extra>"
    traces = []
    for i, (code, name, colour) in enumerate(lanes):
        bins = np.flatnonzero(counts[i])
        if bins.size == 0:
            continue
        n = counts[i][bins]
        traces.append(_scatter(use_gl, x=axis.x(np.round(edges[bins] + width / 2)), y=np.full(bins.size, name),
                               mode="markers", customdata=np.column_stack([np.full(n.size, None), n]),
                               hovertemplate=hover,
                               marker=dict(color=colour, opacity=0.7, line=dict(width=0),
                                           size=np.round(4 + 12 * np.sqrt(n / peak), 1)),
                               name=_lane_labels([name])[0], legendgroup=name, showlegend=True))
    lane_names = {code: name for code, name, _ in lanes}
    selected = None
    if view.event is not None and dataset.event(view.event) is not None:
        pos = int(np.flatnonzero(dataset.events["id"].to_numpy(dtype=object) == view.event)[0])
        if (items["event"] == pos).any():
            selected = view.event
            props = event_properties(dataset, np.array([pos]), lang)
            traces.append(selected_trace(items, props, axis, lane_names, dataset, selected))
    fig_layout = layout(dataset, view, options, axis, list(lane_names.values()), x_range, lang)
    fig_layout["annotations"] = [] if selected is None else label_annotations(
        items[items["event"] == pos], props, axis, lane_names, x_range, options, selected)
    fig_layout["meta"].update(lanes=_lane_ids(dataset, lanes), lod="density", window=axis.text(np.array(window)),
                              bin_events=peak)
    _slider_over_everything(dataset, axis, fig_layout)
    return {"data": traces, "layout": fig_layout}


def _slider_over_everything(dataset: Dataset, axis: Axis, fig_layout: dict) -> None:
    """The range slider of a partial figure still spans the whole dataset, so it shows where the view is."""
    full = visible_range(dataset, View())
    fig_layout["xaxis"]["rangeslider"]["range"] = axis.text(np.array(full))


MAX_AXIS_DAYS = 1e11


class Axis:
    """The x axis: dates (days → datetime64, NaT at gaps) or, for deep time, decimal years (NaN at gaps)."""

    def __init__(self, deep_time: bool):
        self.deep_time = deep_time

    def x(self, days: np.ndarray) -> np.ndarray:
        """Axis values for days since 1970-01-01 (NaN is a gap between segments)."""
        days = np.asarray(days, dtype=float)
        if self.deep_time:
            return np.round(dates.days_to_year(days), 3)
        # Beyond about 290 million years the milliseconds overflow int64: a gap, as on a bad date.
        missing = ~np.isfinite(days) | (np.abs(days) > MAX_AXIS_DAYS)
        ms = np.where(missing, 0, np.round(days * 86_400_000)).astype(np.int64).astype("datetime64[ms]")
        ms[missing] = np.datetime64("NaT")
        whole_days = np.all(np.mod(days[~missing], 1) == 0)
        return ms.astype("datetime64[D]") if whole_days else ms

    def text(self, days: np.ndarray) -> list:
        """Axis values as JSON-ready scalars (for ranges and shapes)."""
        values = self.x(days)
        if self.deep_time:
            return [float(v) for v in values]
        return [str(v) if not np.isnat(v) else None for v in values]


def lane_styles(dataset: Dataset, lanes: tuple[str, ...]) -> list[tuple[int, str, str]]:
    """(actor code, escaped lane name, colour) for each lane, top to bottom."""
    actors = dataset.actors
    codes = membership(dataset).code_of(lanes)
    return [(int(code), html.escape(str(actors["name"].iat[code]), quote=False), str(actors["colour"].iat[code]))
            for code in codes]


def lane_items(dataset: Dataset, view: View, lane_codes: list[int]) -> pd.DataFrame:
    """What is drawn in lanes: one row per (visible moment or span, lane actor), in time order.

    Columns: event (row position in dataset.events), lane (actor code), kind, at, end_at.
    """
    ev = dataset.events
    shown = visible_mask(dataset, view) & (ev["kind"] != "phase").to_numpy()
    m = membership(dataset)
    keep = shown[m.event_pos] & np.isin(m.actor_code, lane_codes)
    pos = m.event_pos[keep]
    items = pd.DataFrame({"event": pos, "lane": m.actor_code[keep],
                          "kind": ev["kind"].to_numpy(dtype=object)[pos],
                          "at": ev["start_at"].to_numpy(dtype=float)[pos],
                          "end_at": ev["end_at"].to_numpy(dtype=float)[pos]})
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
    end_lo/end_hi (the intervals its dates may stand for). All text is HTML-escaped.
    """
    return derived(dataset, f"figure-events-{lang}", lambda ds: _event_table(ds, lang))


def _event_table(dataset: Dataset, lang: str) -> pd.DataFrame:
    ev = dataset.events
    title = _title(ev, lang)
    ids = ev["id"].to_numpy(dtype=object)
    table = pd.DataFrame({
        "pos": np.arange(len(ev)),
        "title": _escape(_shorten(title, HOVER_CHARS)),
        "short": _escape(_shorten(title, LABEL_CHARS)),
        "date": _escape(_shorten(_date_labels(ev, lang), HOVER_CHARS)),
        "quote": _quote_html(dataset, ids, lang),
        "style": _style(ev),
        "symbol": _symbol(ev),
    }, index=pd.Index(ids, name="id"))
    table["lo"], table["hi"] = _band(ev, "start")
    table["end_lo"], table["end_hi"] = _band(ev, "end")
    return table


def _title(ev: pd.DataFrame, lang: str) -> pd.Series:
    title = ev["title"].fillna("").astype("str")
    if lang == "nl" and "title_nl" in ev.columns:
        dutch = ev["title_nl"].fillna("").astype("str")
        title = dutch.where(dutch.str.strip() != "", title)
    return title


def _escape(texts) -> np.ndarray:
    """Text with '&', '<' and '>' escaped (vectorised), so data never becomes plotly markup."""
    s = pd.Series(texts, dtype="str")
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        s = s.str.replace(char, entity, regex=False)
    return s.to_numpy(dtype=object)


def content_revision(dataset: Dataset) -> str:
    """A short name for the dataset's events and actors, the same in every server process (unlike
    id(dataset)): the figure's uirevision, so a reader's zoom survives a redraw whichever worker
    drew it, and is reset when the data changes."""
    def build(ds: Dataset) -> str:
        import hashlib

        h = hashlib.sha256()
        for table, cols in ((ds.events, ("id", "start", "end", "actors")), (ds.actors, ("id",))):
            for c in cols:
                h.update(orjson.dumps([str(v) for v in table[c].tolist()]))
        return h.hexdigest()[:16]

    return derived(dataset, "content-revision", build)


def _lane_labels(names: list[str]) -> list[str]:
    """Lane names (escaped) cut to LANE_CHARS for the axis, so a long name cannot squeeze the plot."""
    out = []
    for name in names:
        plain = html.unescape(name)
        out.append(name if len(plain) <= LANE_CHARS else html.escape(plain[:LANE_CHARS - 1].rstrip() + "…", quote=False))
    return out


def _shorten(texts: pd.Series, n: int) -> pd.Series:
    cut = texts.str.slice(0, n - 1).str.rstrip() + "…"
    return texts.where(texts.str.len() <= n, cut)


def _date_labels(ev: pd.DataFrame, lang: str) -> pd.Series:
    """The date as written, in lang: display_date, else 'Mar 2018' / 'c. 2018' / 'start – end'."""
    written = pd.concat([ev["start"], ev["end"]]).fillna("").astype("str").unique()
    label = {t: dates.parse(t).label(lang) for t in written if t}
    label[""] = ""
    start = ev["start"].fillna("").astype("str").map(label)
    end = ev["end"].fillna("").astype("str").map(label)
    both = start.where(end == "", start + " – " + end)
    shown = ev["display_date"].fillna("").astype("str")
    return shown.where(shown.str.strip() != "", both)


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
    snippet = pd.Series(_escape(_shorten(text, MAX_QUOTE)), index=text.index, dtype="str")
    markup = "<br><i>“" + snippet + "”</i>"
    return pd.Series(event_ids).map(markup).fillna("").to_numpy(dtype=object)


def _style(ev: pd.DataFrame) -> np.ndarray:
    exact_start = (ev["start_precision"] == "day") & (ev["start_qualifier"].fillna("") == "")
    has_end = ev["end"].fillna("") != ""
    exact_end = ~has_end | ((ev["end_precision"] == "day") & (ev["end_qualifier"].fillna("") == ""))
    uncertain = (ev["start_qualifier"].fillna("") != "") | (has_end & ~exact_end)
    return np.where(exact_start & exact_end, "exact", np.where(uncertain, "uncertain", "imprecise"))


def _symbol(ev: pd.DataFrame) -> np.ndarray:
    qualifier = ev["start_qualifier"].fillna("").to_numpy(dtype=object)
    day = (ev["start_precision"] == "day").to_numpy()
    symbol = np.where(day, SYMBOL_EXACT, SYMBOL_IMPRECISE).astype(object)
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


# ---------------------------------------------------------------------------------------------
# Traces (plain dicts: plotly's validation and copying cost seconds at 100,000 points)


def _scatter(use_gl: bool, **props) -> dict:
    return {"type": "scattergl" if use_gl else "scatter", **props}


def lane_traces(lane: pd.DataFrame, props: pd.DataFrame, axis: Axis, name: str, colour: str,
                use_gl: bool) -> list[dict]:
    """The traces of one lane: precision bands, uncertainty whiskers, span bars, moment markers.

    The first trace carries the actor's legend entry; the others share its legend group.
    """
    p = props.loc[lane["event"].map(_id_of(props)).to_numpy()]
    moment = (lane["kind"] == "moment").to_numpy()
    style = p["style"].to_numpy()
    traces = [
        _segments(_band_segments(p, moment & (style == "imprecise")), axis, name, _rgba(colour, 0.25),
                  BAND_PX, "solid", use_gl),
        _segments(_band_segments(p, style == "uncertain"), axis, name, _rgba(colour, 0.7), 2, "dot", use_gl),
        _span_trace(lane[~moment & (style == "exact")], p[~moment & (style == "exact")], axis, name, colour,
                    "solid", use_gl),
        _span_trace(lane[~moment & (style != "exact")], p[~moment & (style != "exact")], axis, name, colour,
                    "dash", use_gl),
    ]
    symbols = p["symbol"].to_numpy()
    for symbol in (SYMBOL_EXACT, SYMBOL_IMPRECISE, SYMBOL_CIRCA, SYMBOL_BEFORE, SYMBOL_AFTER):
        rows = moment & (symbols == symbol)
        traces.append(_moment_trace(lane[rows], p[rows], axis, name, colour, symbol, use_gl))
    traces = [t for t in traces if t is not None]
    for i, t in enumerate(traces):
        t.update(legendgroup=name, name=_lane_labels([name])[0], showlegend=(i == 0))   # legend text cut
    return traces


def _id_of(props: pd.DataFrame) -> pd.Series:
    """Event row position → event id, for the drawn events."""
    return pd.Series(props.index.to_numpy(), index=props["pos"].to_numpy())


def _band_segments(p: pd.DataFrame, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(lo, hi) days of the chosen rows' start intervals, followed by their span ends' intervals."""
    chosen = p[rows]
    ends = chosen[np.isfinite(chosen["end_lo"].to_numpy())]
    return (np.concatenate([chosen["lo"].to_numpy(), ends["end_lo"].to_numpy()]),
            np.concatenate([chosen["hi"].to_numpy(), ends["end_hi"].to_numpy()]))


def _segments(pairs: tuple[np.ndarray, np.ndarray], axis: Axis, y: str, colour: str, width: float, dash: str,
              use_gl: bool) -> dict | None:
    """One line trace drawing each (lo, hi) as a separate segment; not hoverable."""
    lo, hi = pairs
    if lo.size == 0:
        return None
    x = axis.x(_interleave(lo, hi))
    return _scatter(use_gl, x=x, y=np.full(len(x), y), mode="lines", hoverinfo="skip",
                    line=dict(color=colour, width=width, dash=dash))


def _interleave(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """[a0, b0, nan, a1, b1, nan, …]: segments separated by gaps."""
    out = np.full(a.size * 3, np.nan)
    out[0::3], out[1::3] = a, b
    return out


def _customdata(p: pd.DataFrame) -> np.ndarray:
    """Per point: event id, title, date label, quote html (the hovertemplate's fields)."""
    return np.column_stack([p.index.to_numpy(dtype=object), p["title"].to_numpy(), p["date"].to_numpy(),
                            p["quote"].to_numpy()])


def _span_trace(lane: pd.DataFrame, p: pd.DataFrame, axis: Axis, y: str, colour: str, dash: str,
                use_gl: bool) -> dict | None:
    """Thick bars from start to end, one gap-separated line trace; hover and click at both ends."""
    if lane.empty:
        return None
    x = axis.x(_interleave(lane["at"].to_numpy(), lane["end_at"].to_numpy()))
    data = _customdata(p)
    custom = np.empty((len(x), data.shape[1]), dtype=object)
    custom[0::3], custom[1::3] = data, data
    return _scatter(use_gl, x=x, y=np.full(len(x), y), mode="lines", customdata=custom, hovertemplate=HOVER,
                    line=dict(color=colour, width=SPAN_PX, dash=dash), opacity=0.85 if dash == "solid" else 0.6)


def _moment_trace(lane: pd.DataFrame, p: pd.DataFrame, axis: Axis, y: str, colour: str, symbol: str,
                  use_gl: bool) -> dict | None:
    """Markers for the lane's moments of one date style (solid: exact day; hollow: not exact)."""
    if lane.empty:
        return None
    return _scatter(use_gl, x=axis.x(lane["at"].to_numpy()), y=np.full(len(lane), y), mode="markers",
                    customdata=_customdata(p), hovertemplate=HOVER,
                    marker=dict(color=colour, size=MARKER_PX, symbol=symbol, line=dict(color=colour, width=2)))


def connector_trace(items: pd.DataFrame, axis: Axis, lane_names: dict[int, str], use_gl: bool) -> dict | None:
    """Thin vertical lines joining the lanes of events drawn in more than one lane (at the start)."""
    order = {code: i for i, code in enumerate(lane_names)}
    grouped = items.assign(rank=items["lane"].map(order)).groupby("event", sort=False).agg(
        at=("at", "first"), top=("rank", "min"), bottom=("rank", "max"))
    shared = grouped[grouped["top"] < grouped["bottom"]]
    if shared.empty:
        return None
    names = np.array(list(lane_names.values()))
    at = shared["at"].to_numpy()
    y = np.full(len(at) * 3, names[0])
    y[0::3], y[1::3] = names[shared["top"].to_numpy()], names[shared["bottom"].to_numpy()]
    return _scatter(use_gl, x=axis.x(_interleave(at, at)), y=y, mode="lines", hoverinfo="skip",
                    showlegend=False, name="connector", line=dict(color="rgba(90,90,90,0.55)", width=1.2))


def label_annotations(items: pd.DataFrame, props: pd.DataFrame, axis: Axis, lane_names: dict[int, str],
                      x_range: tuple[float, float], options: Options, selected: str | None) -> list[dict]:
    """Short titles beside the markers where they fit, as layout annotations.

    Annotations, not a text trace: plotly copies every trace into the range slider, where
    text becomes an unreadable smear, and it hides annotations whose anchor is out of view.
    A label that would run past the right edge is put on the left of its marker. The
    selected event's label is bold and shown once, in its first lane.
    """
    chosen = place_labels(items, props, x_range, options, selected, len(lane_names))
    rows = [(row.id, row.lane, row.at, row.flip, False) for row in chosen.itertuples()]
    if selected is not None:
        first = items[items["event"] == int(props.at[selected, "pos"])].iloc[:1]
        for row in first.itertuples():
            rows.append((selected, row.lane, row.at, False, True))
    if not rows:
        return []
    xs = axis.text(np.array([r[2] for r in rows]))
    short = props["short"]
    out = []
    for (event_id, lane, at, flip, bold), x in zip(rows, xs):
        text = short[event_id]
        out.append(dict(x=x, y=lane_names[lane], xref="x", yref="y", text=f"<b>{text}</b>" if bold else text,
                        showarrow=False, xanchor="right" if flip else "left", yanchor="bottom",
                        xshift=-6 if flip else 6, yshift=2, name="selected-label" if bold else "label",
                        font=dict(size=LABEL_FONT_PX + (1 if bold else 0), color=DARK if bold else "#333")))
    return out


def plot_width_px(options: Options, lane_name_chars: int = 16) -> float:
    """Estimated width of the plotting area: figure width minus lane names and legend."""
    total = options.width or DEFAULT_WIDTH_PX
    return max(200.0, total - LEGEND_PX - 40 - 7 * lane_name_chars)


def label_width_days(texts, days_per_px: float) -> np.ndarray:
    """Estimated extent of labels along the axis, in days (marker gap and trailing gap included).

    `texts` are the labels as drawn (escaped); entities count as one character.
    """
    plain = pd.Series(texts, dtype="str").str.replace(r"&(amp|lt|gt);", "_", regex=True)
    return (plain.str.len().to_numpy() * CHAR_PX + 2 * LABEL_GAP_PX) * days_per_px


def place_labels(items: pd.DataFrame, props: pd.DataFrame, x_range: tuple[float, float], options: Options,
                 selected: str | None, lane_count: int = 1) -> pd.DataFrame:
    """Which lane items get a label: greedy left to right per lane, skipping any that would overlap.

    Returns rows (id, lane, at, start, end, flip): the label covers start..end in days; `flip`
    when it would run past the right edge and is put on the left of its marker instead. The
    selected event is not placed here (label_annotations adds it) but its room is reserved.
    Nothing is labelled when more than MAX_LABELLED events are in view.
    """
    lo, hi = x_range
    columns = ["id", "lane", "at", "start", "end", "flip"]
    ids = items["event"].map(_id_of(props))
    in_view = (items["at"] < hi) & (items[["at", "end_at"]].max(axis=1) >= lo)
    if ids[in_view].nunique() > MAX_LABELLED:
        return pd.DataFrame(columns=columns)
    width = hi - lo
    near = items[(items["at"] >= lo - width) & (items["at"] <= hi + width)]
    days_per_px = width / plot_width_px(options)
    extent = label_width_days(props.loc[ids[near.index], "short"], days_per_px)
    near = near.assign(id=ids[near.index].to_numpy(), end=near["at"].to_numpy() + extent, extent=extent)
    taken: dict[int, list[tuple[float, float]]] = {}
    for row in near[near["id"] == selected].itertuples():
        taken.setdefault(row.lane, []).append((row.at, row.end))
    keep, last_end, labelled = [], {}, set()
    for row in near[near["id"] != selected].itertuples():
        if row.id in labelled:   # an event in several lanes is named once, in the first that has room
            continue
        flip = row.end > hi >= row.at
        start, end = (row.at - row.extent, row.at) if flip else (row.at, row.end)
        if start < last_end.get(row.lane, -math.inf):
            continue
        if any(a < end and start < b for a, b in taken.get(row.lane, ())):
            continue
        last_end[row.lane] = end
        labelled.add(row.id)
        keep.append((row.id, row.lane, row.at, start, end, flip))
    return pd.DataFrame(keep, columns=columns)


def selected_trace(items: pd.DataFrame, props: pd.DataFrame, axis: Axis, lane_names: dict[int, str],
                   dataset: Dataset, selected: str) -> dict:
    """The selected event, in each of its lanes: larger, dark outline, label always shown."""
    rows = items[items["event"] == int(props.at[selected, "pos"])]
    p = props.loc[[selected] * len(rows)]
    colours = dataset.actors["colour"].to_numpy(dtype=object)[rows["lane"].to_numpy()]
    return _scatter(False, x=axis.x(rows["at"].to_numpy()), y=rows["lane"].map(lane_names).to_numpy(dtype=object),
                    mode="markers", customdata=_customdata(p), hovertemplate=HOVER,
                    marker=dict(size=SELECTED_PX, color=colours, symbol="circle", line=dict(color=DARK, width=3)),
                    showlegend=False, name="selected")


def _rgba(colour: str, alpha: float) -> str:
    c = colour.lstrip("#")
    r, g, b = (int(c[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


# ---------------------------------------------------------------------------------------------
# Layout


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


def layout(dataset: Dataset, view: View, options: Options, axis: Axis, names: list[str],
           x_range: tuple[float, float], lang: str) -> dict:
    """Axes, eras, legend, size, theme and interaction settings; `names` are the lanes, top first."""
    words = TEXT[lang]
    return dict(
        template=_template(options.theme),
        height=options.height or max(360, 170 + 70 * len(names)),
        width=options.width,
        margin=dict(l=10, r=10, t=46, b=30),
        xaxis=x_axis(axis, x_range, words, view),
        yaxis=dict(type="category", categoryorder="array", categoryarray=names,
                   range=[len(names) - 0.5, -0.9], fixedrange=True, showgrid=True, automargin=True,
                   title=None, tickmode="array", tickvals=names, ticktext=_lane_labels(names)),
        shapes=phase_shapes(dataset, axis, lang),
        legend=dict(title=dict(text=words["actors"]), itemclick="toggle", itemdoubleclick="toggleothers"),
        hovermode="closest",
        dragmode="pan",
        clickmode="event",
        uirevision=f"timeline:{content_revision(dataset)}",
        meta=dict(lang=lang, deep_time=axis.deep_time),
    )


def _template(theme: str) -> dict:
    """The plotly template as a dict (figures are built unvalidated, so names are not resolved)."""
    import plotly.io as pio

    return pio.templates[THEMES[theme]].to_plotly_json()


def x_axis(axis: Axis, x_range: tuple[float, float], words: dict, view: View) -> dict:
    """Date axis with range slider and presets, or a numeric year axis with BCE labels.

    Its own uirevision follows the view's from/to, so a new range from a link applies while a
    filter change keeps the reader's zoom.
    """
    lo, hi = axis.text(np.array(x_range))
    common = dict(range=[lo, hi], rangeslider=dict(visible=True, thickness=0.07), showgrid=True,
                  uirevision=f"{view.start}|{view.end}", automargin=True)
    if axis.deep_time:
        values, text = year_ticks(float(lo), float(hi), words)
        return dict(common, type="linear", title=dict(text=words["year"]), tickvals=values, ticktext=text)
    buttons = [dict(count=6, label=words["6m"], step="month", stepmode="backward"),
               dict(count=1, label=words["1y"], step="year", stepmode="backward"),
               dict(count=5, label=words["5y"], step="year", stepmode="backward"),
               dict(label=words["all"], step="all")]
    return dict(common, type="date", title=dict(text=words["date"]), rangeselector=dict(buttons=buttons))


def year_ticks(lo: float, hi: float, words: dict, count: int = 8) -> tuple[list[float], list[str]]:
    """About `count` round year values across [lo, hi] and their labels ('500 BCE', '13.8 billion BCE')."""
    raw = (hi - lo) / count
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    first = math.ceil(lo / step) * step
    values = [first + i * step for i in range(int((hi - first) // step) + 1)]
    # Whole numbers beyond what JSON numbers hold exactly (a range of 10^20 years from a URL) as floats.
    values = [v if abs(v) < 2 ** 53 else float(v) for v in values]
    return values, [year_label(v, words) for v in values]


def year_label(year: float, words: dict) -> str:
    """A tick label for a (possibly huge, possibly negative) year."""
    size = abs(year)
    if size >= 1e6:
        scale, word = (1e9, words["billion"]) if size >= 1e9 else (1e6, words["million"])
        number = f"{size / scale:g}".replace(".", words["decimal"]) + f" {word}"
    else:
        number = f"{round(size):,}".replace(",", words["thousands"])
    return f"{number} {words['bce']}" if year < 0 else number


def phase_shapes(dataset: Dataset, axis: Axis, lang: str) -> list[dict]:
    """Phases as shaded eras over the whole plot height, named at the top; all phases, as context."""
    ev = dataset.events
    phases = ev[ev["kind"] == "phase"]
    if phases.empty:
        return []
    x0 = axis.text(phases["start_at"].to_numpy())
    x1 = axis.text(phases["end_at"].to_numpy())
    names = _escape(_shorten(_title(phases, lang), HOVER_CHARS))
    fills = ("rgba(120,120,160,0.10)", "rgba(160,130,90,0.10)")
    return [dict(type="rect", xref="x", yref="paper", x0=a, x1=b, y0=0, y1=1, layer="below",
                 line=dict(width=0), fillcolor=fills[i % 2],
                 label=dict(text=name, textposition="top left", font=dict(size=11, color="#555")))
            for i, (a, b, name) in enumerate(zip(x0, x1, names))]
