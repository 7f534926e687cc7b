"""The callbacks: small, one job each, at module level; `register(app)` wires them. The data work
is in the core modules, the browser's part in assets/*.js (ClientsideFunction).

Flow: every control (URL, actor filter, mode, search, language, chart zoom/click, list item,
close) goes into one `sync` callback, which turns it into the next `View` and writes it to the
URL (history push) and to two stores: `view` (every change) and `fig-view` (every change but
a zoom, which the chart already shows). The chart, list, details and strings are drawn from
those stores. A URL change (deep link, back/forward) sets the controls to match.
"""
from __future__ import annotations

import time

from dash import ALL, ClientsideFunction, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from .. import filters
from ..figure import redraws_on_zoom
from ..i18n import DROPDOWN_LABELS, lang_or_default, t
from ..page.summary import chart_summary
from ..view import MODES
from . import cards as web_cards
from . import components as C
from . import state
from . import layout as L
from .context import dataset


def sync(search, actors, mode, text, lang, relayout, click, pick, _close, current):
    """Any control -> the next view: the URL, the controls (on navigation), `view` and `fig-view`."""
    ds = dataset()
    cur = state.parse(ds, current)
    trig = ctx.triggered_id
    if trig == "nav":
        return _navigated(ds, cur, search, actors, mode, text, lang)
    new = _next_view(ds, cur, trig, actors=actors, mode=mode, text=text, lang=lang,
                     relayout=relayout, click=click, pick=pick)
    if new is None or new == cur:
        raise PreventUpdate
    q = new.to_query()
    # A zoom needs no new figure, unless it is a level-of-detail one (redrawn for the new range).
    zoom_only = trig == "zoom" and not redraws_on_zoom(ds)
    return (q, no_update, no_update, no_update, no_update, q,
            no_update if zoom_only else {"q": q})


def _navigated(ds, cur, search, actors, mode, text, lang):
    """A deep link or back/forward: the controls set to match the address."""
    new = state.parse(ds, search)
    if new == cur:
        raise PreventUpdate
    q = new.to_query()
    return (no_update,
            list(new.actors) if list(new.actors) != list(actors or []) else no_update,
            new.mode if new.mode != mode else no_update,
            new.search if new.search != (text or "").strip() else no_update,
            new.lang if new.lang != lang else no_update,
            q, {"q": q, "nav": time.time_ns()})


def draw_chart(fig_view):
    ds = dataset()
    fig_view = fig_view or {}
    fig = L.figure(ds, state.parse(ds, fig_view.get("q")))
    if fig_view.get("nav"):
        # A view reached through the URL (deep link, back/forward) sets the range even
        # where the reader had zoomed since the figure was last drawn.
        fig.update_xaxes(uirevision=f"nav:{fig_view['nav']}")
    return fig


def draw_list(query, _more, limit):
    ds = dataset()
    view = state.parse(ds, query)
    more = ctx.triggered_id == "list-more"
    if more:   # the same view, LIST_STEP more items
        limit = (limit if isinstance(limit, int) and limit > 0 else C.LIST_FIRST) + C.LIST_STEP
    else:      # a new view starts with a short list again
        limit = C.LIST_FIRST
    items, notes, count, shown, total = L.list_parts(ds, view, limit)
    hidden, text = L.more_button(shown, total, view.lang)
    disputed = filters.actor_counts(ds, view, disputed_only=True)
    options = no_update if more else C.actor_options(ds, filters.actor_counts(ds, view), disputed, view.lang)
    note = no_update if more else C.mode_note(disputed, view.lang)
    summary = no_update if more else chart_summary(ds, view)   # the chart in a sentence, for screen readers
    return items, notes, count, options, shown, hidden, text, note, summary


def draw_details(fig_view):
    ds = dataset()
    view = state.parse(ds, (fig_view or {}).get("q"))
    return (C.details(ds, view.event, view.lang), not view.event,
            "details-panel" + (" open" if view.event else ""))


def draw_cards(narrow):
    """The vertical timeline of `narrow["q"]` (a view query), drawn only while the window is
    narrow (assets/cards-app.js sets the store then; {"q": null} when it turns wide)."""
    q = narrow.get("q") if isinstance(narrow, dict) else None
    if not isinstance(q, str):
        return []
    ds = dataset()
    return web_cards.cards(ds, state.parse(ds, q))


TARGETS = L.i18n_targets("en")


def translate(lang):
    ds = dataset()
    lang = lang_or_default(lang)
    desc = ds.meta.get(f"description_{lang}") or ds.meta.get("description") or ""
    return [t(key, lang) for _, _, key in TARGETS] + [L.mode_options(lang), DROPDOWN_LABELS[lang],
                                                      ds.title_in(lang), desc]


def source_dialog(_clicks, _close, lang):
    trig = ctx.triggered_id
    if isinstance(trig, dict) and trig.get("type") == "src":
        if not ctx.triggered or not ctx.triggered[0].get("value"):
            raise PreventUpdate
        return False, C.source_view(dataset(), trig["quote"], lang or "en")
    if trig == "source-close":
        return True, []
    raise PreventUpdate


def register(app) -> None:
    """Wire the callbacks (the dataset comes from `context.dataset()` in each)."""
    app.callback(
        Output("url", "search"), Output("actor-filter", "value"), Output("mode", "value"), Output("search", "value"),
        Output("lang", "value"), Output("view", "data"), Output("fig-view", "data"),
        Input("nav", "data"), Input("actor-filter", "value"), Input("mode", "value"), Input("search", "value"),
        Input("lang", "value"), Input("zoom", "data"), Input("graph", "clickData"), Input("list-pick", "data"),
        Input("details-close", "n_clicks"), State("view", "data"), prevent_initial_call=True)(sync)
    app.callback(Output("graph", "figure"), Input("fig-view", "data"), prevent_initial_call=True)(draw_chart)
    app.callback(
        Output("event-list", "children"), Output("list-notes", "children"), Output("list-count", "children"),
        Output("actor-filter", "options"), Output("list-limit", "data"), Output("list-more", "hidden"),
        Output("list-more", "children"), Output("mode-note", "children"), Output("chart-summary", "children"),
        Input("view", "data"), Input("list-more", "n_clicks"), State("list-limit", "data"),
        prevent_initial_call=True)(draw_list)
    app.callback(
        Output("details", "children"), Output("details-close", "hidden"), Output("details-panel", "className"),
        Input("fig-view", "data"), prevent_initial_call=True)(draw_details)
    app.callback(Output("cards-panel", "children"), Input("narrow", "data"), prevent_initial_call=True)(draw_cards)
    app.callback(
        [Output(cid, prop) for cid, prop, _ in TARGETS],
        Output("mode", "options"), Output("actor-filter", "labels"), Output("app-title", "children"),
        Output("app-description", "children"), Input("lang", "value"), prevent_initial_call=True)(translate)
    app.callback(
        Output("source-modal", "hidden"), Output("source-body", "children"),
        Input({"type": "src", "quote": ALL}, "n_clicks"), Input("source-close", "n_clicks"),
        State("lang", "value"), prevent_initial_call=True)(source_dialog)
    _register_clientside(app)


def _register_clientside(app) -> None:
    """The browser's part (assets/lanes.js, assets/callbacks.js, assets/ui.js)."""
    # The chosen actors' lanes at once, before the server's figure.
    app.clientside_callback(
        ClientsideFunction("timeline", "filterLanes"),
        Output("app", "data-lanes"), Input("actor-filter", "value"), State("mode", "value"),
        State("actor-filter", "options"), prevent_initial_call=True)
    # The header's story-mode link follows the view (assets/story_link.js).
    app.clientside_callback(ClientsideFunction("timeline", "storyLink"),
                            Output("story-link", "href"), Input("view", "data"), prevent_initial_call=True)
    # While narrow, the view to draw as cards, once the address and the view agree (a deep link
    # first passes through `sync`: one request, not one for the old view too).
    app.clientside_callback(ClientsideFunction("timeline", "narrow"), Output("narrow", "data"),
                            Input("url", "search"), Input("view", "data"))
    # The chart's locale (month names, separators) follows the language (timeline.i18n.plotly_config).
    app.clientside_callback(ClientsideFunction("timeline", "graphLocale"), Output("graph", "config"),
                            Input("lang", "value"), State("graph", "config"), prevent_initial_call=True)
    app.clientside_callback(ClientsideFunction("timeline", "navigated"),
                            Output("nav", "data"), Input("url", "search"), State("view", "data"))
    app.clientside_callback(ClientsideFunction("timeline", "zoomed"),
                            Output("zoom", "data"), Input("graph", "relayoutData"), prevent_initial_call=True)
    app.clientside_callback(ClientsideFunction("timeline", "viewChanged"),
                            Output("app", "data-view"), Input("view", "data"), prevent_initial_call=True)
    app.clientside_callback(ClientsideFunction("timeline", "dialog"),
                            Output("source-modal", "data-open"), Input("source-modal", "hidden"),
                            prevent_initial_call=True)

def _next_view(ds, cur, trig, *, actors, mode, text, lang, relayout, click, pick):
    """The view after one control changed (None when the change says nothing)."""
    if trig == "actor-filter":
        return state.values(ds, actors=actors or [], mode=cur.mode, start=cur.start, end=cur.end,
                            event=cur.event, search=cur.search, lang=cur.lang)
    if trig == "mode":
        return cur.with_(mode=mode if mode in MODES else "any")
    if trig == "search":
        return state.values(ds, actors=cur.actors, mode=cur.mode, start=cur.start, end=cur.end,
                            event=cur.event, search=text or "", lang=cur.lang)
    if trig == "lang":
        return cur.with_(lang=lang_or_default(lang))
    if trig == "details-close":
        return cur.with_(event=None)
    if trig == "list-pick":
        eid = (pick or {}).get("event")
        return state.pan_to(ds, cur, eid) if eid and ds.event(eid) is not None else None
    if trig == "graph":
        eid = _clicked_event(click)
        return state.pan_to(ds, cur, eid) if eid and ds.event(eid) is not None else None
    if trig == "zoom":
        return state.zoomed(ds, cur, relayout)
    return None


def _clicked_event(click) -> str | None:
    try:
        cd = click["points"][0]["customdata"]
    except (TypeError, KeyError, IndexError):
        return None
    if isinstance(cd, (list, tuple)):
        cd = cd[0] if cd else None
    return str(cd) if cd else None
