"""The app's "Embed" button: the iframe snippet for the current view, copy, and a live preview.

`element(lang)` is the button and its dialog (placed in the page header by the layout);
`register(app)` adds its callbacks (called by `create_app`). The snippet is built from the view
store (`View.to_query()`), so it carries actors, mode, range, selected event, search and
language exactly as the app's own deep link does.
"""
from __future__ import annotations

from dash import ClientsideFunction, Input, Output, State, ctx, dcc, html, no_update
from flask import request

from ..i18n import t
from ..view import View
from . import context
from .public import base_url
from .snippets import DEFAULT_HEIGHT, embed_src, iframe_html, view_title
from .state import parse

PREVIEW_HEIGHT = 360
STORY_HEIGHT = 640
# (component id, property, string key) of the dialog's translated strings
TEXTS = [("embed-open", "children", "embed"), ("embed-heading", "children", "embed_title"),
         ("embed-help", "children", "embed_help"), ("embed-code-label", "children", "embed_code"),
         ("embed-close", "children", "close"), ("embed-preview-heading", "children", "embed_preview"),
         ("embed-copy", "title", "embed_copy"), ("embed-preview", "title", "embed_preview"),
         ("embed-story-label", "children", "embed_story_code"), ("embed-story-copy", "title", "embed_copy_story")]


def element(lang: str = "en"):
    """The Embed button and its (hidden) dialog."""
    return html.Div([
        html.Button(t("embed", lang), id="embed-open", className="embed-button", n_clicks=0,
                    **{"aria-haspopup": "dialog", "aria-controls": "embed-modal"}),
        html.Div(html.Div([
            html.Div([
                html.Span(t("embed_title", lang), id="embed-heading", className="eyebrow"),
                html.Button(t("close", lang), id="embed-close", className="close-text", n_clicks=0),
            ], className="dialog-head"),
            html.P(t("embed_help", lang), id="embed-help"),
            html.Label(t("embed_code", lang), id="embed-code-label", htmlFor="embed-code"),
            html.Div([
                dcc.Textarea(id="embed-code", value="", readOnly=True, rows=3, spellCheck=False,
                             style={"width": "100%", "fontFamily": "ui-monospace, monospace", "fontSize": "12px",
                                    "boxSizing": "border-box"}),
                dcc.Clipboard(id="embed-copy", target_id="embed-code", title=t("embed_copy", lang),
                              style={"fontSize": "18px", "cursor": "pointer", "display": "inline-block"}),
            ], style={"display": "flex", "gap": "6px", "alignItems": "flex-start"}),
            html.Label(t("embed_story_code", lang), id="embed-story-label", htmlFor="embed-story-code"),
            html.Div([
                dcc.Textarea(id="embed-story-code", value="", readOnly=True, rows=3, spellCheck=False,
                             style={"width": "100%", "fontFamily": "ui-monospace, monospace", "fontSize": "12px",
                                    "boxSizing": "border-box"}),
                dcc.Clipboard(id="embed-story-copy", target_id="embed-story-code", title=t("embed_copy_story", lang),
                              style={"fontSize": "18px", "cursor": "pointer", "display": "inline-block"}),
            ], style={"display": "flex", "gap": "6px", "alignItems": "flex-start"}),
            html.H3(t("embed_preview", lang), id="embed-preview-heading", style={"fontSize": "14px"}),
            html.Iframe(id="embed-preview", title=t("embed_preview", lang),
                        style={"width": "100%", "height": f"{PREVIEW_HEIGHT}px", "border": "1px solid #ddd"}),
        ], className="dialog", role="dialog", **{"aria-modal": "true", "aria-labelledby": "embed-heading"}),
            id="embed-modal", className="modal", hidden=True),
        # The view, passed on (clientside) only when the dialog needs it: open, or a new language.
        dcc.Store(id="embed-view", data={"lang": lang}),
    ], className="embed")


def snippet_for(dataset, query: str | None, base: str) -> tuple[str, str]:
    """(iframe snippet, its src) for the view a query stands for; `base` is the app's root URL."""
    view = parse(dataset, query)
    src = embed_src(base, view)
    return iframe_html(src, "100%", DEFAULT_HEIGHT, view_title(dataset, view)), src


def story_snippet_for(dataset, query: str | None, base: str) -> str:
    """The iframe snippet of the view's story (its actors, search and language; first step)."""
    view = parse(dataset, query)
    told = View(actors=view.actors, search=view.search, lang=view.lang, story_mode=True)
    return iframe_html(embed_src(base, told), "100%", STORY_HEIGHT, view_title(dataset, told))


def embed_dialog(_open, _close, _passed, query, hidden):
    """Open/close, and the snippet + preview for the current view, with the labels in its language."""
    ds = context.dataset()
    lang = parse(ds, query).lang
    labels = [t(key, lang) for _, _, key in TEXTS]
    trigger = ctx.triggered_id
    if trigger == "embed-close":
        return True, no_update, None, no_update, *labels
    if trigger == "embed-view" and hidden:
        return no_update, no_update, no_update, no_update, *labels
    base = base_url(request)   # TIMELINE_PUBLIC_URL, or the reader's address (timeline.web.public)
    code, src = snippet_for(ds, query, base)
    return False, code, src, story_snippet_for(ds, query, base), *labels


def register(app) -> None:
    """The dialog's callbacks."""
    app.clientside_callback(
        ClientsideFunction("timeline", "embedView"),
        Output("embed-view", "data"), Input("view", "data"), State("embed-modal", "hidden"),
        State("embed-view", "data"), prevent_initial_call=True)
    app.callback(
        Output("embed-modal", "hidden"), Output("embed-code", "value"), Output("embed-preview", "src"),
        Output("embed-story-code", "value"),
        *[Output(cid, prop) for cid, prop, _ in TEXTS],
        Input("embed-open", "n_clicks"), Input("embed-close", "n_clicks"), Input("embed-view", "data"),
        State("view", "data"), State("embed-modal", "hidden"),
        prevent_initial_call=True)(embed_dialog)
