"""The static site (`timeline export site OUT_DIR`): a folder any static host serves, no server.

    index.html          the chart, the actor filter, search, the event list, each event's details
                        (quotes, sources) and deep links (?actors=…&q=…&event=…&from=…&to=…)
    embed.html          the chart alone, self-contained (the offline file), to put in an <iframe>
    embed-snippet.html  the <iframe> code that shows embed.html (at --url, when given)
    story.html          story mode (#12): one event at a time (the offline story page)
    social.png          the link-preview image (Open Graph, Twitter card), when kaleido can run
    assets/             plotly.js, embed.js/css (the chart, as /embed draws it), site.js/css

Built from the same document parts as /embed and the offline file (`page.document`). Every
event's details and search text are inline, so the page fetches nothing; its Content-Security-
Policy (a <meta>) lets it load files from its own origin only. Data text is escaped here and set
with textContent in the browser.
"""
from __future__ import annotations

import html
from pathlib import Path

from .. import files
from ..details import event_details as gather
from ..i18n import t
from ..labels import date_labels, titles
from ..model import Dataset
from ..view import View
from . import export, social
from ..figure import figure_info
from .assets import plotly_js_path, static_text
from .document import chart_data, chart_markup, document, figure_json, script_json

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'none'; frame-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'")
SNIPPET_SIZE = (960, 600)


def _search_text(d: dict) -> str:
    parts = [d.get("title"), d.get("summary"), d.get("place"), d.get("note"), *d.get("actors", [])]
    for q in d.get("quotes", []):
        parts += [q.get("text"), q.get("translation"), q.get("speaker")]
    return " ".join(str(p) for p in parts if p)


def _event_list(dataset: Dataset, lang: str) -> tuple[list[str], list[dict]]:
    """The list's <li> items (server-rendered, readable without JS) and site.js's per-event data."""
    ev = dataset.events[dataset.events["kind"] != "phase"].sort_values("start_lo", kind="stable")
    names = dict(zip(dataset.actors["id"], dataset.actors["name"]))
    items, data = [], []
    for (_, row), title, date in zip(ev.iterrows(), titles(ev, lang), date_labels(ev, lang)):
        d = gather(dataset, row["id"], lang) or {}
        actors = [a for a in d.get("actor_ids", [])]
        who = ", ".join(names.get(a, a) for a in actors)
        items.append(f'<li data-event-id="{html.escape(row["id"])}"><a href="?event={html.escape(row["id"])}">'
                     f'<time datetime="{html.escape(str(row["start"]))}">{html.escape(date)}</time>'
                     f'<span class="title">{html.escape(title)}</span>'
                     + (f'<span class="actors">{html.escape(who)}</span>' if who else "") + "</a></li>")
        data.append({"id": row["id"], "actors": actors, "text": _search_text(d)})
    return items, data


def _controls(dataset: Dataset, lang: str) -> list[str]:
    boxes = [f'<label><input type="checkbox" value="{html.escape(a)}" checked> {html.escape(n)}</label>'
             for a, n in zip(dataset.actors["id"], dataset.actors["name"])]
    return ['<div class="controls">',
            f'<fieldset id="actor-filter"><legend>{html.escape(t("actor_filter", lang))}</legend>',
            *boxes, "</fieldset>",
            '<div class="search-box">',
            f'<label for="search">{html.escape(t("search", lang))}</label>',
            f'<input id="search" type="search" autocomplete="off" '
            f'placeholder="{html.escape(t("search_placeholder", lang))}">',
            "</div>", "</div>"]


def index_html(dataset: Dataset, view: View, *, meta: list[str], story: bool = False) -> str:
    lang = view.lang
    fig_json = figure_json(dataset, view)
    plotly = f"assets/{plotly_js_path(figure_info(dataset, view).bundle).name}"
    fig_json, data = chart_data(dataset, view, offline=False, assets={"plotly": plotly}, figure=fig_json,
                                details=True)
    items, events = _event_list(dataset, lang)
    title = html.escape(dataset.title_in(lang))
    site = {"actors": [{"id": a} for a in dataset.actors["id"]], "events": events,
            "strings": {"count": t("site_count", lang)}}
    nav = [f'<a href="embed.html">{html.escape(t("site_chart_only", lang))}</a>']
    if story:
        nav.append(f'<a href="story.html">{html.escape(t("site_story", lang))}</a>')
    text = social.description(dataset, lang)
    body = ['<div class="site">', '<header class="site-head">', f"<h1>{title}</h1>",
            f"<p>{html.escape(text)}</p>" if text else "",
            f'<nav class="site-nav">{"".join(nav)}</nav>', "</header>",
            *_controls(dataset, lang),
            '<main class="site-main">', *chart_markup(dataset, view),
            '<section class="event-list-wrap" aria-labelledby="list-heading">',
            f'<h2 id="list-heading">{html.escape(t("events", lang))}</h2>',
            f'<p id="list-count" aria-live="polite">{html.escape(t("site_count", lang).format(n=len(items), total=len(items)))}</p>',
            '<ol id="event-list">', *items, "</ol>", "</section>", "</main>",
            f'<footer class="site-foot">{html.escape(t("footer", lang))}</footer>', "</div>",
            f'<script type="application/json" id="tl-data">{data}</script>',
            f'<script type="application/json" id="tl-site">{script_json(site)}</script>',
            # embed.js loads plotly.js itself, in a wide window only (a phone reads the cards)
            '<script src="assets/cards.js"></script>', '<script src="assets/labels.js"></script>',
            '<script src="assets/axis.js"></script>',
            '<script src="assets/embed.js"></script>',
            '<script src="assets/site.js"></script>']
    head = ['<meta charset="utf-8">', f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{title}</title>", *meta,
            '<link rel="stylesheet" href="assets/embed.css">', '<link rel="stylesheet" href="assets/cards.css">',
            '<link rel="stylesheet" href="assets/site.css">',
            f'<link rel="preload" as="script" href="{plotly}" media="(min-width: 640px)">']
    return ("<!DOCTYPE html>\n" f'<html lang="{html.escape(lang)}">\n<head>\n' + "\n".join(head)
            + "\n</head>\n<body>\n" + "\n".join(b for b in body if b) + "\n</body>\n</html>\n")


def snippet(dataset: Dataset, lang: str, url: str | None) -> str:
    src = (url.rstrip("/") + "/" if url else "") + "embed.html"
    w, h = SNIPPET_SIZE
    return (f'<iframe src="{html.escape(src)}" width="{w}" height="{h}" style="border:0;max-width:100%" '
            f'title="{html.escape(dataset.title_in(lang))}" loading="lazy"></iframe>\n')


def build(dataset: Dataset, view: View | None = None, *, url: str | None = None,
          image: bytes | None = None) -> dict[str, bytes]:
    """The site's files, {relative path: bytes}. `url`: where the folder will be served (for the
    snippet and absolute og:image / og:url); `image`: the PNG for link previews."""
    view = view or View()
    lang = view.lang
    base = url.rstrip("/") + "/" if url else ""
    image_url = base + "social.png" if image else None
    meta = social.for_dataset(dataset, lang, url=base or None, image=image_url)
    out = {"index.html": index_html(dataset, view, meta=meta, story=True).encode("utf-8"),
           "embed.html": document(dataset, view, offline=True,
                                  meta=social.for_dataset(dataset, lang, url=base + "embed.html" if base else None,
                                                          image=image_url)).encode("utf-8"),
           "embed-snippet.html": snippet(dataset, lang, url).encode("utf-8")}
    # story mode (#12): the offline story page, every step's card inside it
    out["story.html"] = export.build(dataset, View(lang=lang, story_mode=True)).encode("utf-8")
    kind = figure_info(dataset, view).bundle
    out[f"assets/{plotly_js_path(kind).name}"] = plotly_js_path(kind).read_bytes()
    for name in ("embed.js", "axis.js", "embed.css", "cards.js", "cards.css", "labels.js", "site.js", "site.css"):
        out[f"assets/{name}"] = static_text(name).encode("utf-8")
    if image:
        out["social.png"] = image
    return out


def write(dataset: Dataset, view: View | None, out: str | Path, *, url: str | None = None,
           image: bytes | None = None, force: bool = False) -> Path:
    """Write the site folder atomically (built beside it, swapped in whole); never over an
    existing folder without `force`."""
    files.check_target(out, force)
    return files.write_folder(out, build(dataset, view, url=url, image=image), force=force)
