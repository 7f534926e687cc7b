"""The chart as one HTML document: the `/embed` page, and a self-contained offline file.

Both are built by `document()`: the figure JSON (from `timeline.figure`) and the page's
settings go inline in a `<script type="application/json">` block, and a few lines of plain JS
(`timeline/page/static/embed.js`) draw it with plotly.js and show an event's details (quotes,
sources, note) beside the chart on click, using DOM methods and `textContent` only.

- served (`timeline.web.embed`): plotly.js is a cacheable URL on our server, preloaded and
  loaded in a wide frame only; the page's own JS and CSS are inline (the first frame waits for
  no other request; the CSP allows the two scripts by hash); an event's details come from
  `/api/event/<id>?lang=` when clicked.
- offline (`timeline.page.export`, `timeline export html OUT.html`): plotly.js, the JS, the CSS and
  the details of every event the figure can show are inlined; the file makes no request at all.

Data never becomes markup: the JSON block escapes `</` (as `<\\/`) and `<!--`, so no text can
close the script element, and every visible string is set with `textContent`. The offline file
also carries its own Content-Security-Policy (a `<meta>` before anything it governs): only its two
inline scripts, by hash, may run, and it may load nothing, so even a hole in the escaping could
not run or fetch anything. (The served page gets the app's CSP header instead.)
"""
from __future__ import annotations

import base64
import hashlib
import html
import json

from ..details import event_details as gather
from ..figure import figure_info
from ..figure import figure_json as build_figure_json
from ..i18n import plotly_config, t
from ..model import MEDIA_KINDS, Dataset
from ..view import View
from .assets import plotly_js_text, script_text, static_text
from .cards import timeline_cards, to_html
from .key import key_html
from .summary import chart_summary

PLOTLY_CONFIG = {"responsive": True, "displaylogo": False, "scrollZoom": False,
                 "modeBarButtonsToRemove": ["select2d", "lasso2d", "toImage"]}


def strings(lang: str) -> dict:
    """The interface strings embed.js shows, in `lang`."""
    out = {k: t(k, lang) for k in ("quotes", "sources", "note", "close", "chart", "no_quotes", "open_full",
                                   "dispute_sources")}
    out["show_all"] = t("show_all", lang, count=0).split(" (")[0]
    out.update({f"media_{k}": t(f"media_{k}", lang) for k in MEDIA_KINDS})
    return out


def event_details(dataset: Dataset, event_id: str, lang: str = "en") -> dict | None:
    """`timeline.details.event_details` with each quote's translation label in `lang`, for embed.js."""
    found = gather(dataset, event_id, lang)
    if found is None:
        return None
    found["dispute"] = t("disputed_involvement", lang, names=", ".join(found["disputed"])) if found["disputed"] else ""
    for q in found["quotes"]:
        q["translation_by"] = (t("translation_ours", lang) if q["translation_ours"]
                               else t("translation_by", lang, who=q["translation_source"]["title"])
                               if q["translation_source"] else "")
    return found


def figure_json(dataset: Dataset, view: View) -> str:
    """The app's figure for this view, as plotly JSON (the figure builder's, cached there)."""
    return build_figure_json(dataset, view)


def figure_ids(fig: dict) -> list[str]:
    """Every event id carried as customdata by the figure's points, in order, without repeats."""
    seen: dict[str, None] = {}
    for trace in fig.get("data", []):
        cd = trace.get("customdata")
        if cd is None:
            continue
        if isinstance(cd, dict):   # plotly's typed-array form {"dtype", "bdata"}: not used for ids
            continue
        for v in cd:
            if isinstance(v, (list, tuple)):
                v = v[0] if v else None
            if v:
                seen[str(v)] = None
    return list(seen)


def phase_ids(fig: dict) -> list[str]:
    """The phases whose titles the figure shows (annotations named 'phase:<id>', which a click selects)."""
    names = (str(a.get("name") or "") for a in (fig.get("layout") or {}).get("annotations") or [])
    return [n[6:] for n in names if n.startswith("phase:") and len(n) > 6]


def script_json(value) -> str:
    """JSON safe inside a <script> element: '</' becomes '<\\/' and '<!--' cannot open a comment."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "\\u003c!--")


def chart_data(dataset: Dataset, view: View, *, offline: bool, assets: dict | None = None,
               api: str | None = None, app_url: str | None = None, figure: str | None = None,
               figure_api: str | None = None, details: bool | None = None) -> tuple[str, str]:
    """(the figure JSON, the `#tl-data` block's text: the figure and embed.js's settings).

    details (default: offline): the details of every event the figure can show go inline."""
    lang = view.lang
    fig_json = figure if figure is not None else figure_json(dataset, view)
    payload = {
        "lang": lang,
        "strings": strings(lang),
        "event": view.event,
        "api": None if offline else api,
        "figure_api": None if offline else figure_api,
        "app": None if offline else app_url,
        "config": plotly_config(PLOTLY_CONFIG, lang),
        "details": None,
        "plotly": None if offline else assets["plotly"],   # loaded by embed.js in a wide frame only
    }
    if offline if details is None else details:
        fig = json.loads(fig_json)
        ids = figure_ids(fig) + phase_ids(fig)
        if view.event and view.event not in ids:
            ids.append(view.event)
        payload["details"] = {i: d for i in ids if (d := event_details(dataset, i, lang)) is not None}
    settings = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return fig_json, script_json('{"figure":' + fig_json + "," + settings[1:])


def chart_markup(dataset: Dataset, view: View) -> list[str]:
    """The chart, its details panel and the vertical timeline's cards, which embed.js and cards.js
    bring to life (the cards read without them)."""
    lang = view.lang
    label = html.escape(strings(lang)["chart"])
    summary = html.escape(chart_summary(dataset, view))
    return ['<div id="tl-root" class="tl-root">',
            f'<div id="tl-chart" class="tl-chart" role="figure" aria-label="{label}" '
            'aria-describedby="tl-summary tl-keys"></div>',
            f'<p id="tl-summary" class="tl-sr">{summary}</p>',
            f'<p id="tl-keys" class="tl-sr">{html.escape(t("chart_keys", lang))}</p>',
            '<p id="tl-live" class="tl-sr" aria-live="polite"></p>',
            '<aside id="tl-panel" class="tl-panel" hidden aria-live="polite"></aside>',
            key_html(dataset, lang),
            to_html(timeline_cards(dataset, view)),
            "</div>"]


def document(dataset: Dataset, view: View, *, offline: bool, assets: dict | None = None,
             api: str | None = None, app_url: str | None = None, oembed_href: str | None = None,
             figure: str | None = None, figure_api: str | None = None, meta: list[str] | None = None) -> str:
    """The HTML page of the chart for `view`.

    offline=True: everything inline (plotly.js, JS, CSS, details of every event in the figure).
    offline=False: `assets` gives the URL of plotly.js {"plotly"} (the page's own JS and CSS are
    inline: the served page's CSP allows them by hash, `script_hashes(inline_scripts())`); `api`
    is the details URL prefix ('/api/event/'); `app_url` the full app with the same view;
    `oembed_href` the discovery link; `figure_api` the URL that gives a level-of-detail figure for
    another x range ('/embed/figure?…'; None: the figure is never replaced, as offline, where
    nothing is fetched). `meta`: more <meta> tags for the head (`timeline.page.social`), escaped.
    """
    lang = view.lang
    fig_json, data = chart_data(dataset, view, offline=offline, assets=assets, api=api, app_url=app_url,
                                figure=figure, figure_api=figure_api)
    title = html.escape(dataset.title_in(lang))
    head = ['<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{title}</title>", *(meta or [])]
    if offline:
        scripts = [plotly_js_text(figure_info(dataset, view).bundle), *inline_scripts()]
        head.insert(1, f'<meta http-equiv="Content-Security-Policy" content="{offline_csp(scripts)}">')
    else:
        scripts = list(inline_scripts())
        head.append('<link rel="icon" href="data:,">')   # no favicon request (nor its 404 page)
        if oembed_href:
            head.append(f'<link rel="alternate" type="application/json+oembed" '
                        f'href="{html.escape(oembed_href)}" title="{title}">')
        # plotly.js is fetched early in a wide frame only: a phone never downloads it
        head.append(f'<link rel="preload" as="script" href="{html.escape(assets["plotly"])}" '
                    f'media="(min-width: 640px)">')
    # The page's own CSS and JS go inline, served as offline: the first frame (the cards, or the
    # chart's container) waits for no request but the page's; only plotly.js is a file of its own.
    head.append(f"<style>{inline_css()}</style>")
    body = [*chart_markup(dataset, view), f'<script type="application/json" id="tl-data">{data}</script>']
    body += [f"<script>{text}</script>" for text in scripts]
    return ("<!DOCTYPE html>\n"
            f'<html lang="{html.escape(lang)}">\n<head>\n' + "\n".join(head) + "\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def inline_css() -> str:
    return script_text(static_text("embed.css")) + "\n" + script_text(static_text("cards.css"))


def inline_scripts() -> tuple[str, ...]:
    """The page's own scripts, as they are inlined (cards.js, labels.js: the chart labels fitted at
    the drawn size, axis.js, then embed.js)."""
    return tuple(script_text(static_text(name)) for name in ("cards.js", "labels.js", "axis.js", "embed.js"))


def script_hashes(scripts) -> str:
    """CSP sources that let exactly these inline scripts run."""
    return " ".join("'sha256-" + base64.b64encode(hashlib.sha256(t.encode("utf-8")).digest()).decode() + "'"
                    for t in scripts)


def offline_csp(scripts: list[str]) -> str:
    """The offline file's policy: nothing loads but https images (an event's media); these inline
    scripts (exact texts) run; plotly.js may style its elements inline. Links still open (navigation is not a fetch)."""
    return (f"default-src 'none'; script-src {script_hashes(scripts)}; style-src 'unsafe-inline'; img-src data: https:; "
            "font-src data:; base-uri 'none'; form-action 'none'")
