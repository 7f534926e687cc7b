"""Dash components for the data: event list items, the details panel, actor options.

Every piece of data text goes into components as text (children strings, html.Mark for a
highlight): no HTML is ever parsed from the data.
"""
from __future__ import annotations

from dash import html

from .. import labels
from ..details import event_details, source_info
from ..labels import text as _text
from ..model import Dataset
from ..i18n import t
from .media import capped, capped_block, media_list

LIST_FIRST = 50    # list items in a first view: each is several Dash components, and at 200 the
                   # list was an eighth of the first render at 10,000 events
LIST_STEP = 200    # items added by "Show more"


ITEM_CHARS = 300   # a list item's title, date and actor names are cut to this many characters
NAME_CHARS = 120   # an actor, speaker or source name in options, chips and captions


def cut(text: str, n: int) -> str:
    """At most n characters of text, '…' marking a cut (rendering tens of thousands stalls a page)."""
    return text if len(text) <= n else text[:n] + "…"


def marked(text: str, span: tuple[int, int] | None, limit: int | None = None):
    """Text with text[start:end] in an html.Mark (plain text when there is no span), cut to `limit`."""
    if limit is not None and len(text) > limit:
        text = text[:limit]
        span = span if span and span[1] <= limit else None
        tail = "…"
    else:
        tail = ""
    if not span or span[1] <= span[0]:
        return text + tail
    a, b = span
    return [text[:a], html.Mark(text[a:b]), text[b:] + tail]


def actor_names(dataset: Dataset, ids) -> list[str]:
    names = dict(zip(dataset.actors["id"], dataset.actors["name"]))
    return [cut(names.get(a, a), NAME_CHARS) for a in ids]


def actor_colours(dataset: Dataset) -> dict[str, str]:
    return dict(zip(dataset.actors["id"], dataset.actors["colour"]))


# ---------------------------------------------------------------- the event list

def event_item(dataset: Dataset, row, lang: str, *, selected: bool, focusable: bool,
               title_span=None, snippet=None, outside: bool = False):
    """One event as a list option: a button (Enter and Space click it natively)."""
    eid = row["id"]
    colours = actor_colours(dataset)
    names = actor_names(dataset, row["actors"])
    title = labels.title(row, lang)
    parts = [
        html.Span(cut(labels.date_label(row, lang), ITEM_CHARS), className="ev-date"),
        html.Span(marked(title, title_span, ITEM_CHARS), className="ev-title"),
        html.Span([html.Span(className="dot", style={"background": colours.get(a, "#888")}, **{"aria-hidden": "true"})
                   for a in row["actors"][:20]] + [" " + cut(", ".join(names), ITEM_CHARS)], className="ev-actors"),
    ]
    if snippet is not None:
        parts.append(html.Span(snippet, className="ev-snippet"))
    if outside:
        parts.append(html.Span(t("outside_range", lang), className="ev-outside"))
    cls = "ev-item" + (" selected" if selected else "") + (" phase" if row["kind"] == "phase" else "")
    # No Dash id: one listener on the list (assets/ui.js) reports the picked event, so a long
    # list adds no callback inputs.
    return html.Button(parts, role="option", className=cls, type="button", tabIndex=0 if focusable else -1,
                       **{"aria-selected": "true" if selected else "false", "data-event": eid})


def list_length(rows, event: str | None, limit: int) -> int:
    """How many of `rows` (chronological) the list shows: `limit`, or more so that the selected
    event is in it with a few after it."""
    if event is not None:
        at = (rows["id"].to_numpy() == event).nonzero()[0]
        if at.size:
            return max(limit, int(at[0]) + 6)
    return limit


def event_list(dataset: Dataset, view, rows, lang: str, *, matches=None, in_range=None, limit: int = LIST_FIRST):
    """The list options for the first `limit` of `rows` (a DataFrame, chronological), with search
    marks when given, and the note that says how many there are in all.

    matches: {event_id: Match} (the first match per event); in_range: set of ids in the range.
    """
    n = len(rows)
    shown = rows.head(limit)
    ids = list(shown["id"])
    focus = view.event if view.event in ids else (ids[0] if ids else None)
    items = []
    for _, row in shown.iterrows():
        eid = row["id"]
        title_span, snippet = None, None
        m = (matches or {}).get(eid)
        if m is not None:
            if m.field == labels.field(row, "title", lang):
                title_span = (m.start, m.end)
            else:
                snippet = _snippet(m)
        items.append(event_item(dataset, row, lang, selected=eid == view.event, focusable=eid == focus,
                                title_span=title_span, snippet=snippet,
                                outside=in_range is not None and eid not in in_range))
    extra = [html.P(t("truncated", lang, k=len(shown), n=n), className="list-note")] if n > limit else []
    return items, extra


def _snippet(m, width: int = 60):
    """A short piece of the matched field around the match, the match marked."""
    text, a, b = m.text, m.start, m.end
    lo, hi = max(0, a - width), min(len(text), b + width)
    before = ("…" if lo > 0 else "") + text[lo:a]
    after = text[b:hi] + ("…" if hi < len(text) else "")
    return [before, html.Mark(text[a:b]), after]


# ---------------------------------------------------------------- the details panel

def details(dataset: Dataset, event_id: str | None, lang: str):
    """The panel for one event (`timeline.details.event_details`): what, when, where, who;
    every quote; the note; the sources."""
    d = event_details(dataset, event_id, lang) if event_id else None
    if d is None:
        return [html.P(t("pick_event", lang), className="placeholder")]
    meta = [
        (t("date", lang), html.Time(cut(d["date"], ITEM_CHARS), dateTime=d["start"])),
        (t("kind", lang), t(f"kind_{d['kind']}", lang)),
    ]
    if d["place"]:
        meta.append((t("place", lang), capped(d["place"], lang, limit=200)))
    colours = actor_colours(dataset)
    meta.append((t("actors", lang), html.Span([_actor_chip(a, name, colours, a in d["disputed_ids"], lang)
                                               for a, name in zip(d["actor_ids"], d["actors"])])))
    if d["phase"]:
        meta.append((t("part_of", lang), d["phase"][:200]))
    body = capped_block(d["title"], lang, html.H2, id="details-title", tabIndex=-1,
                                **{"data-event": event_id}) + [
        html.Dl([c for label, value in meta for c in (html.Dt(label), html.Dd(value))], className="meta"),
    ]
    if d["summary"]:
        body += capped_block(d["summary"], lang, html.P, className="summary")
    if d.get("media"):
        body.append(media_list(d["media"], lang))
    if d["disputed"]:
        body.append(html.Aside([html.Strong(t("disputed_involvement", lang, names=", ".join(d["disputed"]))),
                                html.P(t("dispute_sources", lang) + ":", className="muted small"),
                                html.Ul([_citation(s, lang) for s in d["dispute_sources"]], className="sources")],
                               className="dispute disputed-involvement", role="note"))
    if d["note"]:
        body.append(html.Aside([html.Strong(t("note", lang))] + capped_block(d["note"], lang, html.P),
                               className="note", role="note"))
    body.append(html.H3(t("quotes", lang)))
    body.append(_quotes(d["quotes"], lang))
    body.append(html.H3(t("sources", lang)))
    body.append(html.Ol([_citation(s, lang) for s in d["sources"]], className="sources"))
    return body


def _actor_chip(actor_id: str, name: str, colours: dict, disputed: bool, lang: str):
    """An actor's chip: colour dot and name; a disputed involvement says so, in words."""
    dot = html.Span(className="dot" + (" dot-disputed" if disputed else ""),
                    style={"background": "transparent" if disputed else colours.get(actor_id, "#888"),
                           "borderColor": colours.get(actor_id, "#888")}, **{"aria-hidden": "true"})
    parts = [dot, name]
    if disputed:
        parts.append(html.Span(f" ({t('involvement_disputed', lang)})", className="disputed-mark"))
    return html.Span(parts, className="actor-chip" + (" disputed" if disputed else ""))


def _quotes(quotes: list[dict], lang: str):
    """Every utterance once, in the reader's language first (`page.cards.reading_quotes`): in
    English the English original or our translation (marked), the Dutch beside it; the reverse in
    Dutch."""
    from ..page.cards import reading_quotes

    if not quotes:
        return html.P(t("no_quotes", lang), className="muted")
    out = []
    for q in reading_quotes(quotes, lang):
        main, other = q["main"], q["other"]
        caption = [html.Span(q["speaker"], className="speaker")]
        if q["role"]:
            caption.append(html.Span(", " + q["role"], className="role"))
        if main["label"]:
            caption.append(html.Span(" · " + main["label"], className="translation-by"))
        parts = [html.Blockquote(main["text"], lang=main["language"] or None), html.Figcaption(caption)]
        if other:
            parts.append(html.P([html.Span(other["label"] + ": ", className="qlang"),
                                 html.Q(other["text"], lang=other["language"] or None, className="original")],
                                className="other-language"))
        if q["in_seed"]:
            parts.append(html.Button(t("show_in_source", lang), id={"type": "src", "quote": q["id"]},
                                     className="link-button", n_clicks=0))
        out.append(html.Figure(parts, className="quote"))
    return html.Div(out, className="quotes")


def _citation(source: dict, lang: str):
    return html.Li([capped(source["title"], lang, tag=html.Cite, limit=ITEM_CHARS)]
                   + _source_facts(source, lang, lead=" · "))


def _source_facts(row, lang: str, lead: str = "") -> list:
    """Publisher · date · link of a source (`source_info`), as components."""
    facts = []
    if _text(row.get("publisher")):
        facts.append(html.Span(cut(_text(row["publisher"]), NAME_CHARS), className="publisher"))
    if _text(row.get("date")):
        facts.append(html.Span(cut(labels.written_date(_text(row["date"]), lang), NAME_CHARS), className="muted"))
    url = _text(row.get("url"))
    if url.startswith(("http://", "https://")):
        facts.append(html.A(t("open_link", lang) + " ↗", href=url, target="_blank", rel="noopener noreferrer",
                            className="src-link", title=cut(url, ITEM_CHARS)))
    out = []
    for i, f in enumerate(facts):
        out += [lead if i == 0 else " · ", f] if (i or lead) else [f]
    return out


# ---------------------------------------------------------------- the source view

def source_view(dataset: Dataset, quote_id: str, lang: str):
    """The seed text of a quote's source with the quote marked in place (html.Mark)."""
    from .. import quotes as quotes_mod

    rows = dataset.quotes[dataset.quotes["id"] == quote_id]
    if rows.empty:
        return []
    q = rows.iloc[0]
    sid = _text(q["source"])
    src = source_info(dataset, sid)
    head = [html.H2(cut(src["title"], ITEM_CHARS), id="source-title"), html.P(_source_facts(src, lang), className="muted")]
    seed = dataset.seeds.get(sid)
    if not seed:
        return head + [html.P(t("no_seed", lang))]
    start, end = q.get("start_offset"), q.get("end_offset")
    try:
        start, end = int(start), int(end)
        ok = 0 <= start <= end <= len(seed)
    except (TypeError, ValueError):
        ok = False
    # from the article's text on: not the seed file's metadata header (" date 2021-02 …")
    first = quotes_mod.article_start(seed)
    if not ok:
        return head + [html.P(t("quote_not_found", lang), className="muted"),
                       html.Div(seed[first:], className="seed-text", lang=src["language"] or None)]
    first = first if first <= start else 0
    return head + [html.Div([seed[first:start], html.Mark(seed[start:end], id="source-mark"), seed[end:]],
                            className="seed-text", lang=src["language"] or None)]


# ---------------------------------------------------------------- the actor filter

def actor_options(dataset: Dataset, counts, disputed=None, lang: str = "en") -> list[dict]:
    """Dropdown options: the actor's name, then its event count (hidden from the accessible name,
    so the option is named exactly by the actor). The count includes disputed involvements and,
    when there are any, says how many ('12 · 2 disputed'); `mode_note` says it in words."""
    def count(aid):
        n, d = int(counts.get(aid, 0)), int(disputed.get(aid, 0)) if disputed is not None else 0
        return f"{n} · {t('n_disputed', lang, n=d)}" if d else str(n)

    return [{"label": html.Span([html.Span(cut(name, NAME_CHARS), className="opt-name"),
                                 html.Span(count(aid), className="opt-count", **{"aria-hidden": "true"})],
                                className="opt"),
             "value": aid, "search": cut(name, NAME_CHARS)}
            for aid, name in zip(dataset.actors["id"], dataset.actors["name"])]


def mode_note(disputed, lang: str) -> str:
    """Under the any/all switch: that counts and filter include disputed involvements ('' if none)."""
    n = int(disputed.sum()) if disputed is not None else 0
    return "" if not n else t("mode_disputed_one", lang) if n == 1 else t("mode_disputed", lang, n=n)


def chart_key(dataset: Dataset):
    """The key to the chart's marks (page/key.py) in both languages, as <details>; the page's
    <html lang> (set by assets/ui.js) shows the one of the reader's language (style.css)."""
    from ..i18n import LANGS
    from ..page.key import entries, swatch_uri

    keys = []
    for lang in LANGS:
        rows = entries(dataset, lang)
        if not rows:
            continue
        keys.append(html.Details([
            html.Summary(t("key_title", lang)),
            html.Ul([html.Li([html.Img(src=swatch_uri(k), alt="", width=36, height=20), html.Span(text)],
                             **{"data-kind": k}) for k, text in rows], className="chart-key-list"),
        ], className=f"chart-key chart-key-{lang}", lang=lang))
    return html.Div(keys, id="chart-key")
