"""One story step as HTML: the large card (title, date, place, actors, key quote, sources, the
step's text) and the plain links to the previous and next step, readable without JavaScript.

Every string from data goes through `html.escape`; nothing from data becomes markup.
"""
from __future__ import annotations

import html

from .. import dates
from ..details import event_details
from ..labels import text
from ..model import Dataset
from ..story import Position
from ..i18n import t


def esc(value) -> str:
    return html.escape(text(value), quote=True)


def key_quote(quotes: list[dict], lang: str) -> dict | None:
    """The quote a card shows: the first in the reader's language, else the first one."""
    for q in quotes:
        if q["language"] == lang:
            return q
    return quotes[0] if quotes else None


def _time(written: str, lang: str, label: str | None = None) -> str:
    """`<time datetime="2018-06">Jun 2018</time>` at the written precision (no datetime for BCE,
    deep time or unreadable text). `label`: text to show instead of the date's own label."""
    if not written:
        return esc(label)
    try:
        fd = dates.parse(written)
    except dates.DateError:
        return esc(label or written)
    shown = esc(label or fd.label(lang))
    if 1 <= fd.point.year <= 9999:
        return f'<time datetime="{esc(fd.point.iso())}">{shown}</time>'
    return f"<span>{shown}</span>"


def date_html(row, lang: str) -> str:
    """The event's date at its precision: its display_date, or start (– end), in <time> elements."""
    start, end, shown = text(row.get("start")), text(row.get("end")), text(row.get("display_date"))
    if shown:
        return _time(start, lang, shown)
    out = _time(start, lang)
    if end and end != start:
        out += " – " + _time(end, lang)
    return out


def _source(s: dict) -> str:
    title = esc(s.get("title") or s.get("id"))
    link = (f'<a href="{esc(s["url"])}" rel="noopener noreferrer" target="_blank">{title}</a>'
            if s.get("url") else f"<cite>{title}</cite>")
    extra = ", ".join(esc(x) for x in (s.get("publisher"), s.get("date")) if x)
    return link + (f" ({extra})" if extra else "")


def quote_html(q: dict, lang: str) -> str:
    """The key quote in the reader's language where we have it (an English translation for an
    English reader), marked as a translation, with the original, the speaker and their title then."""
    by = (t("translation_ours", lang) if q["translation_ours"]
          else t("translation_by", lang, who=q["translation_source"]["title"]) if q["translation_source"] else "")
    translated = lang == "en" and q["language"] != "en" and q["translation"]
    if translated:
        body = (f'<blockquote lang="en">{esc(q["translation"])}</blockquote>'
                f'<p class="tl-by">({esc(by)})</p>'
                f'<p class="tl-original"><span class="tl-sr">{esc(t("original", lang))}: </span>'
                f'<span lang="{esc(q["language"])}">{esc(q["text"])}</span></p>')
    else:
        body = f'<blockquote lang="{esc(q["language"])}">{esc(q["text"])}</blockquote>'
    who = f'<span class="tl-speaker">{esc(q["speaker"])}</span>'
    if q["role"]:
        who += f'<span class="tl-role">, {esc(q["role"])}</span>'
    cite = f'{who} — {_source(q["source"])}'
    return f'<figure class="tl-quote tl-key-quote">{body}<figcaption class="tl-cite">{cite}</figcaption></figure>'


def card_html(dataset: Dataset, position: Position, lang: str, window: tuple | None = None) -> str:
    """The step's card as an <article> (empty story: a note saying so). `window`: the chart's
    x range for this step (plotly axis values), kept on the card for the script."""
    step = position.step
    d = event_details(dataset, step.event, lang) if step else None
    if d is None:
        return f'<article id="tl-card" class="tl-card tl-step-card" data-step="0" data-total="0">' \
               f'<p class="tl-empty">{esc(t("story_empty", lang))}</p></article>'
    row = dataset.event(step.event)
    attrs = (f'data-event-id="{esc(d["id"])}" data-step="{position.number}" data-total="{position.total}"')
    if window:
        attrs += f' data-x0="{esc(window[0])}" data-x1="{esc(window[1])}"'
    parts = [f'<article id="tl-card" class="tl-card tl-step-card" {attrs} aria-labelledby="tl-step-title">',
             f'<h2 id="tl-step-title" class="tl-title">{esc(d["title"])}</h2>',
             '<p class="tl-card-meta">' + date_html(row, lang)
             + (f' · <span class="tl-place">{esc(d["place"])}</span>' if d["place"] else "") + "</p>"]
    if d["actors"]:
        disputed = f' ({t("involvement_disputed", lang)})'
        chips = "".join(f'<li class="tl-chip">{esc(name)}{esc(disputed) if aid in d["disputed_ids"] else ""}</li>'
                        for aid, name in zip(d["actor_ids"], d["actors"]))
        parts.append(f'<ul class="tl-chips" aria-label="{esc(t("actors", lang))}">{chips}</ul>')
    step_text = step.text_in(lang)
    if step_text:
        parts.append(f'<p class="tl-step-text">{esc(step_text)}</p>')
    if d["summary"]:
        parts.append(f'<p class="tl-summary">{esc(d["summary"])}</p>')
    q = key_quote(d["quotes"], lang)
    if q:
        parts.append(quote_html(q, lang))
    if d["note"]:
        parts.append(f'<p class="tl-note"><strong>{esc(t("note", lang))}:</strong> {esc(d["note"])}</p>')
    if d["sources"]:
        items = "".join(f"<li>{_source(s)}</li>" for s in d["sources"])
        parts.append(f'<h3 class="tl-sources-head">{esc(t("sources", lang))}</h3><ul class="tl-sources">{items}</ul>')
    parts.append("</article>")
    return "".join(parts)


def nav_html(position: Position, href, lang: str) -> str:
    """The progress ("3 / 24") and plain links to the previous and next steps; `href(n)` is the
    address of step n."""
    links = []
    for rel, n, key in (("prev", position.previous, "previous"), ("next", position.next, "next")):
        if n is not None:
            links.append(f'<a class="tl-step-link tl-{key}" rel="{rel}" href="{esc(href(n))}">{esc(t(key, lang))}</a>')
    progress = (f'<p class="tl-progress" id="tl-progress"><span aria-hidden="true">'
                f'{esc(t("progress", lang, n=position.number, total=position.total))}</span>'
                f'<span class="tl-sr">{esc(t("step_of", lang, n=position.number, total=position.total))}</span></p>')
    return (f'<nav id="tl-story-nav" class="tl-story-nav" aria-label="{esc(t("story_nav", lang))}">'
            + progress + "".join(links) + "</nav>")
