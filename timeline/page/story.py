"""The story page: one step of a story at a time (`/embed?mode=story&step=N`, `/?mode=story`,
the offline file with `--story`, and the static site).

The server renders the step's card and plain links to the previous and next step, so the page
reads without JavaScript (and in feed readers). `static/story.js` then adds Previous/Next
buttons, keys, swipe, history, autoplay and the chart (one figure for the whole story, centred
on and marking each step's event). It gets the other steps' cards from `step_api` (served: the
same card HTML, rendered here) or, offline, from a `<template>` holding every card.
"""
from __future__ import annotations

import html
import json

import numpy as np

from .. import labels, story
from ..figure import figure_info
from ..figure.axis import Axis
from ..model import Dataset
from ..view import View
from ..i18n import LANG_NAMES, t
from . import assets as page_assets
from . import document as page_document
from .story_card import card_html, esc, nav_html

MAX_CLICKABLE = 5000
STRING_KEYS = ("previous", "next", "pause", "play", "step_of", "progress", "story_nav", "chart")


def figure_view(view: View) -> View:
    """The view of the story's chart: the same actors, search and language, no selection or range
    (the script centres and marks each step), so every step shares one cached figure."""
    return View(actors=view.actors, search=view.search, lang=view.lang)


def chart_window(dataset: Dataset, event_id: str | None) -> tuple | None:
    """The x range (plotly axis values) the chart shows for a step's event."""
    days = story.window(dataset, event_id) if event_id else None
    if days is None:
        return None
    values = Axis(dataset.is_deep_time()).text(np.array(days, dtype=float))
    return None if any(v is None for v in values) else tuple(values)


def card(dataset: Dataset, view: View) -> str:
    """The card of the view's step (what `step_api` answers)."""
    pos = story.position(dataset, view)
    return card_html(dataset, pos, view.lang, chart_window(dataset, pos.step.event) if pos.step else None)


def all_cards(dataset: Dataset, view: View) -> str:
    """Every step's card, for the offline file's <template>."""
    pos = story.position(dataset, view)
    out = []
    for n in range(1, pos.total + 1):
        out.append(card(dataset, view.with_(step=n)))
    return "".join(out)


def story_title(dataset: Dataset, chosen: story.Story, lang: str) -> str:
    return chosen.title_in(lang) or (dataset.title_in(lang) if chosen.id else
                                     f"{dataset.title_in(lang)}: {t('story_all_events', lang)}")


def step_href(view: View, n: int, template: str | None = None) -> str:
    """The relative address of step n of the view's story: '?mode=story&step=n…', or `template`
    with {n} replaced (a static site's '3.html')."""
    if template:
        return template.replace("{n}", str(n))
    return view.with_(step=n, story_start="first").to_query() or "?"


def payload(dataset: Dataset, view: View, pos: story.Position, fig_json: str, *, offline: bool,
            step_api: str | None, config: dict, href_template: str | None = None) -> str:
    settings = {
        "lang": view.lang,
        "title": dataset.title_in(view.lang),
        "strings": {k: t(k, view.lang) for k in STRING_KEYS},
        "step": pos.number, "total": pos.total,
        # each step's event, so a click on the chart can go to its step (long stories: none)
        "events": [st.event for st in pos.steps] if pos.total <= MAX_CLICKABLE else None,
        "autoplay": view.autoplay,
        "step_api": None if offline else step_api,
        "step_href": href_template,
        "config": config,
    }
    return '{"figure":' + fig_json + "," + json.dumps(settings, ensure_ascii=False, separators=(",", ":"))[1:]


def languages(view: View) -> str:
    """Links to the same step in each interface language (the current one marked)."""
    links = []
    for code, name in LANG_NAMES.items():
        current = ' aria-current="true"' if code == view.lang else ""
        links.append(f'<a href="{esc(view.with_(lang=code).to_query() or "?")}" lang="{code}" hreflang="{code}"'
                     f'{current}>{esc(name)}</a>')
    return f'<p class="tl-langs">{" | ".join(links)}</p>'


def body(dataset: Dataset, view: View, pos: story.Position, *, app_url: str | None, offline: bool,
         embedded: bool = True, href_template: str | None = None) -> str:
    lang = view.lang
    head = f'<h1 class="tl-story-name">{esc(story_title(dataset, pos.story, lang))}</h1>'
    if app_url:
        target = ' target="_blank" rel="noopener"' if embedded else ""
        head += f'<p class="tl-explore"><a href="{esc(app_url)}"{target}>{esc(t("explore", lang))}</a></p>'
    if not offline and not href_template:
        head += languages(view)
    empty_help = ""
    if pos.total == 0:
        whole = view.with_(actors=(), search="", step=None).to_query() or "?"
        empty_help = f'<p class="tl-whole"><a href="{esc(whole)}">{esc(t("story_whole", lang))}</a></p>'
    parts = [f'<main id="tl-story" class="tl-story">',
             f'<header class="tl-story-head">{head}</header>',
             '<div class="tl-story-main">',
             card(dataset, view) + empty_help,
             f'<div id="tl-chart" class="tl-chart tl-story-chart" role="figure" aria-label="{esc(t("chart", lang))}" hidden></div>',
             "</div>",
             nav_html(pos, lambda n: step_href(view, n, href_template), lang),
             f'<p class="tl-sr" id="tl-story-live" aria-live="polite"></p>',
             f'<p class="tl-story-keys" id="tl-story-keys" hidden>{esc(t("story_keys", lang))}</p>',
             "</main>"]
    if offline and pos.total:
        parts.append(f'<template id="tl-steps">{all_cards(dataset, view)}</template>')
    return "\n".join(parts)


def page_title(dataset: Dataset, pos: story.Position, lang: str) -> str:
    title = dataset.title_in(lang)
    if pos.step is None:
        return title
    row = dataset.event(pos.step.event)
    return f"{t('progress', lang, n=pos.number, total=pos.total)} · {labels.title(row, lang)} — {title}"


def document(dataset: Dataset, view: View, *, offline: bool, assets: dict | None = None,
             step_api: str | None = None, app_url: str | None = None, oembed_href: str | None = None,
             embedded: bool = True, href_template: str | None = None) -> str:
    """The story page for `view` (story mode). offline=True inlines everything, like the offline
    chart (`timeline.page.document`); served, `assets` gives the URLs {"plotly", "story_js",
    "story_css"} and `step_api` the URL that answers a step's card ('/embed/step?…' + '&step=N');
    `embedded`: the link to the app opens a new tab (in an iframe) or this one (the app's own page).

    A static site (one file per step) passes `href_template` ('{n}.html': the address of step n,
    for the links and the history) and a `step_api` with {n} ('cards/{n}.html', files holding
    `card(dataset, view.with_(step=n))`)."""
    pos = story.position(dataset, view)
    fig_json = page_document.figure_json(dataset, figure_view(view))
    data = page_document.script_json(payload(dataset, view, pos, fig_json, offline=offline, step_api=step_api,
                                           config=page_document.PLOTLY_CONFIG, href_template=href_template))
    head = ['<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{html.escape(page_title(dataset, pos, view.lang))}</title>"]
    if offline:
        scripts = [page_assets.plotly_js_text(figure_info(dataset, figure_view(view)).bundle),
                   page_assets.script_text(page_assets.static_text("story.js"))]
        head.insert(1, f'<meta http-equiv="Content-Security-Policy" content="{page_document.offline_csp(scripts)}">')
        head.append(f"<style>{page_assets.script_text(page_assets.static_text('story.css'))}</style>")
        tail = [f"<script>{s}</script>" for s in scripts]
    else:
        if oembed_href:
            head.append(f'<link rel="alternate" type="application/json+oembed" href="{esc(oembed_href)}" '
                        f'title="{esc(dataset.title_in(view.lang))}">')
        head.append(f'<link rel="stylesheet" href="{esc(assets["story_css"])}">')
        tail = [f'<script src="{esc(assets["plotly"])}"></script>', f'<script src="{esc(assets["story_js"])}"></script>']
    return ("<!DOCTYPE html>\n" f'<html lang="{esc(view.lang)}">\n<head>\n' + "\n".join(head) + "\n</head>\n"
            '<body class="tl-story-page">\n' + body(dataset, view, pos, app_url=app_url, offline=offline, embedded=embedded,
                 href_template=href_template) + "\n"
            + f'<script type="application/json" id="tl-data">{data}</script>\n' + "\n".join(tail)
            + "\n</body>\n</html>\n")
