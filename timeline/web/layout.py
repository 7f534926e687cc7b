"""The page, declared once: header, controls, chart, event list, details panel, source dialog.

`page(dataset, view)` renders a whole view (the default view for `/`), so the first paint needs
no callback; callbacks then replace the parts a change touches.
"""
from __future__ import annotations

from dash import dcc, html

from .. import filters
from ..figure import figure as build_figure
from ..i18n import DROPDOWN_LABELS, LANG_NAMES, plotly_config, t
from ..page.summary import chart_summary
from ..search import search as search_matches
from ..view import View
from . import components as C
from .embed_dialog import element as embed_element

GRAPH_CONFIG = {"scrollZoom": True, "displaylogo": False, "responsive": True,
                "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "toImage"]}


CHART_WIDTH_PX = 800   # the chart's width at a 1280 px wide window, for fitting labels


def chart_height(lanes: int) -> int:
    return max(300, min(560, 150 + 34 * lanes))


def figure(dataset, view: View):
    """The core figure, sized for the page: height by the number of lanes, width responsive.

    Level of detail (`timeline.figure(lod=True)`): a big dataset is drawn as density when zoomed
    out and in full only around the view, so a zoom asks the server for a new figure. The
    heights for 1..n lanes go in layout.meta for the browser's instant filter (assets/lanes.js).
    """
    lanes = len(filters.lane_actors(dataset, view))
    fig = build_figure(dataset, view=view, height=chart_height(lanes), width=CHART_WIDTH_PX, lod=True)
    # The lanes are named on the axis and the actor filter has the colours: no legend, and the
    # width is the container's (the given width only served to fit the labels).
    meta = dict(fig.layout.meta or {})
    meta["heights"] = [chart_height(n) for n in range(1, len(dataset.actors) + 1)]
    fig.update_layout(showlegend=False, width=None, autosize=True, meta=meta)
    fig.update_xaxes(title=None)   # the ticks say they are dates; the room goes to the lanes
    return fig


def list_parts(dataset, view: View, limit: int = C.LIST_FIRST):
    """(items, notes, count text, how many items shown, how many in all) for the event list of a
    view, showing `limit` items (or more, to include the selected event)."""
    lang = view.lang
    if view.search:
        rows = filters.visible_events(dataset, view, in_range=False)
        in_range = set(filters.visible_events(dataset, view, in_range=True)["id"])
        rows = rows.sort_values("start_at", kind="stable")
        limit = C.list_length(rows, view.event, limit)
        first = {m.event_id: m for m in search_matches(dataset, view.search, lang, limit=None,
                                                       events=rows["id"].head(limit), first_per_event=True)}
        n = len(rows)
        count = t("n_result", lang, q=view.search) if n == 1 else t("n_results", lang, n=n, q=view.search)
    else:
        rows = filters.visible_events(dataset, view, in_range=True).sort_values("start_at", kind="stable")
        limit = C.list_length(rows, view.event, limit)
        in_range, first = None, None
        n = len(rows)
        count = t("n_event", lang) if n == 1 else t("n_events", lang, n=n)
    items, notes = C.event_list(dataset, view, rows, lang, matches=first, in_range=in_range, limit=limit)
    if not items:
        notes = [html.P(t("no_events", lang), className="list-note")]
    return items, notes, count, min(limit, n), n


def more_button(shown: int, n: int, lang: str) -> tuple[bool, str]:
    """(hidden, text) of the "Show more" button under the list."""
    return shown >= n, t("show_more", lang, k=min(C.LIST_STEP, max(n - shown, 0)))


def i18n_targets(lang: str) -> list:
    """(component id, property, string key) for every translated interface string."""
    return [
        ("skip-link", "children", "skip"),
        ("actor-label", "children", "actor_filter"),
        ("actor-filter", "placeholder", "all_actors"),
        ("mode-label", "children", "mode"),
        ("search-label", "children", "search"),
        ("search", "placeholder", "search_placeholder"),
        ("chart-help", "children", "chart_help"),
        ("chart-name", "children", "chart"),
        ("chart-keys", "children", "chart_keys"),
        ("list-heading", "children", "events"),
        ("list-help", "children", "list_help"),
        ("details-close", "aria-label", "close_details"),
        ("details-close", "title", "close_details"),
        ("source-close", "children", "close"),
        ("source-heading", "children", "source_view"),
        ("footer-note", "children", "footer"),
        ("lang-label", "children", "language"),
        ("story-link", "children", "story_link"),
    ]


def mode_options(lang: str) -> list[dict]:
    return [{"label": t("mode_any", lang), "value": "any"}, {"label": t("mode_all", lang), "value": "all"}]


BANNER_LIMIT = 20


def reload_banner(problems, lang: str, editor: bool) -> list:
    """The banner after a broken edit: for the editor (a local server), every problem with its file,
    row and column; on a public server only that the data has problems (the log has the list)."""
    if not editor:
        return [html.Div(t("reload_problem", lang), className="banner", role="alert")]
    items = [html.Li(str(p)) for p in problems[:BANNER_LIMIT]]
    if len(problems) > BANNER_LIMIT:
        items.append(html.Li(t("reload_more", lang, n=len(problems) - BANNER_LIMIT)))
    return [html.Div([html.P(f"{t('reload_problem', lang)} {t('reload_fix', lang)}"),
                      html.Ul(items, className="banner-problems")],
                     id="reload-problems", className="banner", role="alert")]


def page(dataset, view: View, *, problems=None, editor: bool = False):
    """The whole page for a view: stores, header, controls, chart, list, details, source dialog."""
    lang = view.lang
    items, notes, count, shown, total = list_parts(dataset, view)
    banner = reload_banner(problems, lang, editor) if problems else []
    return html.Div([
        *_stores(view, shown),
        html.A(t("skip", lang), href="#event-list", id="skip-link", className="skip-link"),
        _header(dataset, view),
        *banner,
        _controls(dataset, view),
        html.Main([
            html.Section([
                dcc.Graph(id="graph", figure=figure(dataset, view), config=plotly_config(GRAPH_CONFIG, lang),
                          className="graph"),
                html.P(t("chart_help", lang), id="chart-help", className="help"),
                C.chart_key(dataset),
                # the chart from the keyboard (assets/chart_keys.js): its name, its keys, what it says
                html.Span(t("chart", lang), id="chart-name", className="sr-only"),
                html.P(chart_summary(dataset, view), id="chart-summary", className="sr-only"),
                html.P(t("chart_keys", lang), id="chart-keys", className="sr-only"),
                html.P(id="chart-live", className="sr-only", **{"aria-live": "polite"}),
            ], className="chart-panel", **{"aria-label": t("chart", lang)}),
            html.Section(id="cards-panel", className="cards-panel", **{"aria-label": t("events", lang)}),
            html.Div([_list_panel(items, notes, count, shown, total, lang), _details_panel(dataset, view)],
                     className="lower"),
        ]),
        _source_dialog(lang),
        html.Footer(html.P(t("footer", lang), id="footer-note"), className="app-footer"),
    ], className="app", id="app")


def _stores(view: View, shown: int) -> list:
    return [
        dcc.Location(id="url", refresh=False),
        dcc.Store(id="view", data=view.to_query()),
        dcc.Store(id="fig-view"),
        dcc.Store(id="nav"),         # the address, when it is not the view already (callbacks.py)
        dcc.Store(id="zoom"),        # the graph's relayoutData, when it moves the x range (callbacks.py)
        dcc.Store(id="list-limit", data=shown),   # how many list items are shown (Show more adds)
        dcc.Store(id="list-pick"),   # {event, at}: set by assets/ui.js when a list item is clicked
        dcc.Store(id="narrow"),      # {q: view} below 640 px (assets/cards-app.js): the cards to draw
    ]


def _header(dataset, view: View):
    lang = view.lang
    return html.Header([
        html.Div([
            html.H1(dataset.title_in(lang), id="app-title"),
            html.P(dataset.meta.get(f"description_{lang}") or dataset.meta.get("description") or "",
                   id="app-description", className="description"),
        ], className="titles"),
        html.Div([
            html.Span(t("language", lang), id="lang-label", className="sr-only"),
            dcc.RadioItems(id="lang", value=lang, inline=True, className="lang-switch",
                           options=[{"label": name, "value": code} for code, name in LANG_NAMES.items()]),
        ], className="lang", role="group", **{"aria-labelledby": "lang-label"}),
        html.A(t("story_link", lang), id="story-link", className="story-link",
               href=view.with_(story_mode=True, event=None).to_query()),
        embed_element(lang),
    ], className="app-header")


def _controls(dataset, view: View):
    lang = view.lang
    return html.Section([
        html.Div([
            html.Label(t("actor_filter", lang), id="actor-label", htmlFor="actor-filter"),
            dcc.Dropdown(id="actor-filter", multi=True, value=list(view.actors), placeholder=t("all_actors", lang),
                         options=C.actor_options(dataset, filters.actor_counts(dataset, view),
                                                 filters.actor_counts(dataset, view, disputed_only=True), lang),
                         maxHeight=320,
                         labels=DROPDOWN_LABELS[lang]),
        ], className="control actors"),
        html.Div([
            html.Span(t("mode", lang), id="mode-label", className="control-label"),
            dcc.RadioItems(id="mode", value=view.mode, options=mode_options(lang), inline=True,
                           className="mode-switch"),
            html.P(C.mode_note(filters.actor_counts(dataset, view, disputed_only=True), lang), id="mode-note",
                   className="help small"),
        ], className="control mode", role="group", **{"aria-labelledby": "mode-label"}),
        html.Div([
            html.Label(t("search", lang), id="search-label", htmlFor="search"),
            dcc.Input(id="search", type="search", value=view.search, debounce=0.35,
                      placeholder=t("search_placeholder", lang), autoComplete="off", maxLength=200),
        ], className="control search"),
    ], className="controls", **{"aria-label": t("filters", lang)})


def _list_panel(items, notes, count, shown: int, total: int, lang: str):
    more_hidden, more_text = more_button(shown, total, lang)
    return html.Section([
        html.Div([
            html.H2(t("events", lang), id="list-heading"),
            html.Span(count, id="list-count", className="count", role="status"),
        ], className="list-head"),
        html.P(t("list_help", lang), id="list-help", className="help sr-hint"),
        html.Div(items, id="event-list", role="listbox", className="event-list",
                 **{"aria-labelledby": "list-heading", "aria-describedby": "list-help"}),
        html.Div(notes, id="list-notes"),
        html.Button(more_text, id="list-more", className="link-button list-more", type="button",
                    n_clicks=0, hidden=more_hidden),
    ], className="list-panel")


def _details_panel(dataset, view: View):
    lang, has_event = view.lang, bool(view.event)
    return html.Section([
        html.Button("×", id="details-close", className="close", n_clicks=0, hidden=not has_event,
                    title=t("close_details", lang), **{"aria-label": t("close_details", lang)}),
        html.Div(C.details(dataset, view.event, lang), id="details"),
    ], id="details-panel", className="details-panel" + (" open" if has_event else ""),
        **{"aria-live": "polite", "aria-label": t("details", lang)})


def _source_dialog(lang: str):
    return html.Div([
        html.Div([
            html.Div([
                html.Span(t("source_view", lang), id="source-heading", className="eyebrow"),
                html.Button(t("close", lang), id="source-close", className="close-text", n_clicks=0),
            ], className="dialog-head"),
            html.Div(id="source-body"),
        ], className="dialog", role="dialog", **{"aria-modal": "true", "aria-labelledby": "source-heading"}),
    ], id="source-modal", className="modal", hidden=True)
