"""The vertical timeline: events as cards, time running down the page (issue #11).

One card per event, built from `timeline.details.event_details`:

    <article class="tl-card" data-event-id="hanoi-summit">
      <h3 class="tl-card-title"><time datetime="2019-02-27">27 Feb 2019</time> Hanoi summit</h3>
      <p class="tl-chips">(a chip per actor: a coloured disc with initials, then the name)</p>
      <blockquote>the first quote, in the reader's language</blockquote>
      <details><summary>Quotes and sources</summary> summary, every quote (the reader's
        language first, the other beside it), the note, the sources </details>
    </article>

Phases are section headings (h2); events outside a phase fall under a heading for their year.
The cards are a small element tree (`El`), so the same card renders as HTML text (`to_html`:
`/embed`, the offline file, the static site) and as Dash components (`timeline.web.cards`).
Every string from data is a text node: `to_html` escapes it, Dash sets it as text.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field

import numpy as np

from .. import dates
from ..details import event_details
from ..details import text as _text
from ..i18n import language_name, t
from ..model import Dataset

PHONE_MAX_PX = 639   # below 640 px the page shows cards instead of the chart


@dataclass
class El:
    tag: str
    attrs: dict = field(default_factory=dict)
    children: list = field(default_factory=list)


def el(tag: str, attrs: dict | None = None, *children) -> El:
    """An element; None and '' children are dropped, lists are flattened."""
    flat: list = []
    for c in children:
        if isinstance(c, list):
            flat.extend(x for x in c if x not in (None, ""))
        elif c not in (None, ""):
            flat.append(c)
    return El(tag, {k: v for k, v in (attrs or {}).items() if v is not None and v is not False}, flat)


VOID = {"br", "hr", "img", "input", "meta", "link"}


def to_html(node) -> str:
    """HTML text of a tree: text escaped, attribute values quoted and escaped."""
    if isinstance(node, str):
        return html.escape(node, quote=False)
    if isinstance(node, list):
        return "".join(to_html(n) for n in node)
    attrs = "".join(f" {k}" if v is True else f' {k}="{html.escape(str(v), quote=True)}"'
                    for k, v in node.attrs.items())
    if node.tag in VOID:
        return f"<{node.tag}{attrs}>"
    return f"<{node.tag}{attrs}>{to_html(node.children)}</{node.tag}>"


# --- small parts ------------------------------------------------------------------------------

def initials(name: str) -> str:
    """'Donald Trump' -> 'DT', 'Kim Jong-un' -> 'KJ', 'BBC' -> 'BBC'."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        w = words[0]
        return w[:3] if w.isupper() and len(w) <= 3 else w[:2].capitalize()
    first = name.split()[0]
    last = name.split()[-1] if len(name.split()) > 1 else words[-1]
    return (first[:1] + last[:1]).upper()


def _luminance(colour: str) -> float | None:
    c = colour.strip().lstrip("#")
    if len(c) == 3:
        c = "".join(ch * 2 for ch in c)
    try:
        rgb = [int(c[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    except (ValueError, IndexError):
        return None
    lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def ink_on(colour: str) -> str:
    """White or near-black, whichever reads better (higher contrast) on `colour`."""
    lum = _luminance(colour)
    if lum is None:
        return "#111111"
    return "#ffffff" if (1.05 / (lum + 0.05)) >= ((lum + 0.05) / (0.0136 + 0.05)) else "#111111"


def safe_colour(colour: str) -> str:
    """A #rgb / #rrggbb colour from data, or a neutral grey (data never reaches CSS unchecked)."""
    c = _text(colour).strip()
    return c if _luminance(c) is not None and c.startswith("#") and len(c) in (4, 7) else "#6b7280"


def chip(dataset: Dataset, actor_id: str, disputed_in: str | None = None) -> El:
    """An actor's chip; `disputed_in` (a language) adds "(involvement disputed)" in words."""
    name = dataset.actor_name(actor_id)
    colours = dict(zip(dataset.actors["id"], dataset.actors["colour"]))
    bg = safe_colour(colours.get(actor_id, ""))
    return el("span", {"class": "tl-chip", "data-actor": actor_id},
              el("span", {"class": "tl-chip-mark", "aria-hidden": "true",
                          "style": f"background:{bg};color:{ink_on(bg)}"}, initials(name)),
              el("span", {"class": "tl-chip-name"}, name),
              el("span", {"class": "tl-chip-disputed"}, f" ({t('involvement_disputed', disputed_in)})")
              if disputed_in else None)


def time_el(written: str, lang: str, label: str | None = None) -> El | str:
    """`<time datetime="2018-06">Jun 2018</time>` at the written precision; plain text when the
    date has no machine form (before year 1, deep time, unreadable)."""
    try:
        fd = dates.parse(written)
    except dates.DateError:
        return label or written
    shown = label or fd.label(lang)
    if 1 <= fd.point.year <= 9999:
        return el("time", {"datetime": fd.point.iso()}, shown)
    return shown


def date_el(d: dict, row, lang: str) -> list:
    shown = _text(row.get("display_date"))
    start, end = _text(row.get("start")), _text(row.get("end"))
    if shown or not end or end == start:
        return [time_el(start, lang, shown or None)]
    return [time_el(start, lang), " – ", time_el(end, lang)]


# --- quotes in the reader's language first ------------------------------------------------------

def reading_quotes(quotes: list[dict], lang: str) -> list[dict]:
    """The event's quotes as a reader of `lang` should meet them: one entry per utterance,
    {main: {text, language, label}, other: {text, language, label} | None, speaker, role, source, id}.

    An original on record and the article's rendering of it (`original_of`) are one utterance: in
    English the English original comes first with the Dutch rendering beside it; in Dutch the
    reverse. A quote in another language with a translation shows the translation first, marked
    (ours, or whose), with the original beside it."""
    by_id = {q["id"]: q for q in quotes}
    rendering_of = {q["original_of"]: q for q in quotes if q.get("original_of") in by_id}
    out = []
    for q in quotes:
        if q.get("original_of") in by_id:
            continue   # an original: shown with the rendering it belongs to
        orig = rendering_of.get(q["id"])
        if orig is not None:
            first, second = (orig, q) if orig["language"] == lang or q["language"] != lang else (q, orig)
            main = {"text": first["text"], "language": first["language"], "label": ""}
            other = {"text": second["text"], "language": second["language"],
                     "label": t("as_on_record", lang, language=language_name(second["language"], lang))}
            src = first["source"]
        elif q["language"] != lang and q.get("translation"):
            main = {"text": q["translation"], "language": lang,
                    "label": q.get("translation_by") or (t("translation_ours", lang) if q.get("translation_ours") else "")}
            other = {"text": q["text"], "language": q["language"],
                     "label": t("original_in", lang, language=language_name(q["language"], lang))}
            src = q["source"]
        else:
            main, other, src = {"text": q["text"], "language": q["language"], "label": ""}, None, q["source"]
        out.append({"id": q["id"], "main": main, "other": other, "speaker": q["speaker"], "role": q["role"],
                    "source": src, "in_seed": q.get("in_seed", False)})
    return out


def _translation_label(q: dict, lang: str) -> str:
    if q.get("translation_ours"):
        return t("translation_ours", lang)
    if q.get("translation_source"):
        return t("translation_by", lang, who=q["translation_source"]["title"])
    return ""


def quote_el(rq: dict, lang: str, cls: str = "") -> El:
    m, o = rq["main"], rq["other"]
    cap = [el("span", {"class": "tl-speaker"}, rq["speaker"])]
    if rq["role"]:
        cap.append(el("span", {"class": "tl-role"}, ", " + rq["role"]))
    parts = [el("blockquote", {"lang": m["language"] or None}, m["text"]),
             el("figcaption", {"class": "tl-cite"}, cap, el("span", {"class": "tl-by"}, (" · " + m["label"]) if m["label"] else ""))]
    if o:
        parts.append(el("p", {"class": "tl-other"}, el("span", {"class": "tl-by"}, o["label"] + ": "),
                        el("q", {"lang": o["language"] or None}, o["text"])))
    return el("figure", {"class": ("tl-quote " + cls).strip()}, parts)


def source_el(s: dict, lang: str) -> El:
    title = s.get("title") or s.get("id") or ""
    node = (el("a", {"href": s["url"], "rel": "noopener noreferrer", "target": "_blank"}, title)
            if s.get("url") else el("cite", None, title))
    extra = ", ".join(x for x in (s.get("publisher"), s.get("date")) if x)
    return el("li", None, node, f" ({extra})" if extra else "")


def media_el(m: dict, lang: str) -> El:
    """One media item: an image inline (lazy, no referrer, alt text, caption, credit); any other
    kind a link with its caption. Never a script, an iframe or a player (timeline.media)."""
    credit = el("span", {"class": "tl-credit"}, m["credit"][:200]) if m["credit"] else None
    if m["kind"] == "image":
        img = el("img", {"src": m["url"], "alt": m["alt"][:1000], "loading": "lazy", "decoding": "async",
                         "referrerpolicy": "no-referrer"})
        cap = el("figcaption", None, m["caption"][:300], " " if m["caption"] and credit else "", credit)
        return el("figure", {"class": "tl-media"}, img, cap if (m["caption"] or credit) else None)
    label = m["caption"][:300] or f"{t('media_' + m['kind'], lang)}: {m['url'][:80]}"
    return el("p", {"class": "tl-media"},
              el("a", {"href": m["url"], "rel": "noopener noreferrer nofollow", "referrerpolicy": "no-referrer",
                       "target": "_blank", "class": "tl-media-link"}, label),
              [" · ", credit] if credit else None)


# --- one card ---------------------------------------------------------------------------------

def card(dataset: Dataset, event_id: str, lang: str, *, open_: bool = False, heading: str = "h3") -> El | None:
    """One event's card, or None for an unknown id. `open_`: its details shown (the selected event).

    Kept per dataset (a loaded dataset does not change): a new filter or search re-uses the cards
    it already built (each costs a few pandas lookups)."""
    from ..index import derived

    memo = derived(dataset, "cards", lambda _ds: {})
    key = (event_id, lang, open_, heading)
    if key not in memo:
        memo[key] = _card(dataset, event_id, lang, open_=open_, heading=heading)
    return memo[key]


def _card(dataset: Dataset, event_id: str, lang: str, *, open_: bool, heading: str) -> El | None:
    d = event_details(dataset, event_id, lang)
    if d is None:
        return None
    for q in d["quotes"]:
        q.setdefault("translation_by", _translation_label(q, lang))
    row = dataset.event(event_id)
    quotes = reading_quotes(d["quotes"], lang)
    head = el(heading, {"class": "tl-card-title", "id": f"card-{event_id}-title"},
              el("span", {"class": "tl-card-date"}, date_el(d, row, lang)), " ",
              el("span", {"class": "tl-card-name"}, d["title"] if len(d["title"]) <= 300 else d["title"][:300] + "…"))
    body = [el("p", {"class": "tl-card-summary"}, d["summary"]) if d["summary"] else None,
            el("p", {"class": "tl-card-place"}, d["place"]) if d["place"] else None]
    body += [media_el(m, lang) for m in d.get("media", [])[:20]]
    if d["note"]:
        body.append(el("aside", {"class": "tl-note", "role": "note"},
                       el("strong", None, t("note", lang) + ": "), d["note"]))
    if d["sources"]:
        body.append(el("h4", {"class": "tl-sources-head"}, t("sources", lang)))
        body.append(el("ol", {"class": "tl-sources"}, [source_el(s, lang) for s in d["sources"]]))
    body[2:2] = [quote_el(q, lang) for q in quotes[1:]]
    more = t("card_more", lang) if len(quotes) > 1 else t("card_more_sources", lang)
    return el("article", {"class": "tl-card" + (" selected" if open_ else "") + (f" tl-kind-{d['kind']}"),
                          "data-event-id": event_id, "id": f"card-{event_id}",
                          "aria-labelledby": f"card-{event_id}-title",
                          "data-actors": " ".join(d["actor_ids"])},
              head,
              el("p", {"class": "tl-chips"}, [chip(dataset, a, lang if a in d["disputed_ids"] else None)
                                               for a in d["actor_ids"]]),
              quote_el(quotes[0], lang, "tl-card-quote") if quotes else None,
              el("details", {"class": "tl-card-more", "open": True if open_ else None},
                 el("summary", None, more), el("div", {"class": "tl-card-body"}, body)))


# --- the vertical timeline --------------------------------------------------------------------

CARD_LIMIT = 60   # cards in one page (about 8 ms each to build): a bigger view shows the 60 around
                  # the selected event (or the first 60) and says how many there are in all


def _sections(dataset: Dataset, rows, lang: str):
    """(key, heading El, [event ids]) in date order: a phase opens its own section; events outside
    a phase are grouped under their year."""
    phases = set(rows.loc[rows["kind"] == "phase", "id"])
    out: list[list] = []
    for _, row in rows.iterrows():
        eid, phase = row["id"], _text(row.get("phase"))
        if row["kind"] == "phase":
            key = ("phase", eid)
        elif phase in phases or (phase and dataset.event(phase) is not None):
            key = ("phase", phase)
        else:
            try:
                key = ("year", str(dates.parse(_text(row["start"])).year))
            except dates.DateError:
                key = ("year", "")
        if not out or out[-1][0] != key:
            out.append([key, []])
        if row["kind"] != "phase":
            out[-1][1].append(eid)
    return out


def _phase_heading(dataset: Dataset, phase_id: str, lang: str) -> El:
    row = dataset.event(phase_id)
    d = event_details(dataset, phase_id, lang)
    return el("header", {"class": "tl-phase", "data-event-id": phase_id},
              el("h2", {"class": "tl-phase-title"}, d["title"]),
              el("p", {"class": "tl-phase-date"}, date_el(d, row, lang)),
              el("p", {"class": "tl-phase-summary"}, d["summary"]) if d["summary"] else None)


def _view_rows(dataset: Dataset, mask, limit: int, event: str | None = None):
    """(the rows to show as cards, how many events there are in all) for a mask over the events:
    in date order, every phase and at most `limit` events, the `limit` around `event` (or the
    first). Chosen on row positions, and only those rows taken from the table: copying the whole
    visible table (100,000 rows) touched every text of the dataset, which in a forked server
    worker copies the memory it shares with the others."""
    ev = dataset.events
    pos = np.flatnonzero(mask)
    pos = pos[np.argsort(ev["start_at"].to_numpy(dtype=float)[pos], kind="stable")]
    # compared in place (to_numpy is a view): no copy of a text column, and no reference taken
    phase = (ev["kind"].to_numpy(dtype=object) == "phase")[pos]
    events = pos[~phase]
    n = len(events)
    if n > limit:
        at = 0
        if event is not None:
            hit = np.flatnonzero((ev["id"].to_numpy(dtype=object) == event)[events])
            at = int(hit[0]) if len(hit) else 0
        lo = max(0, min(at - limit // 2, n - limit))
        keep = np.zeros(len(pos), dtype=bool)
        keep[phase] = True
        keep[np.flatnonzero(~phase)[lo:lo + limit]] = True
        pos = pos[keep]
    return ev.iloc[pos], n


def timeline_cards(dataset: Dataset, view, rows=None, *, limit: int = CARD_LIMIT) -> El:
    """The vertical timeline of a view: its events (`rows`: default, the view's visible events in
    its range) as cards under phase and year headings, the selected event open."""
    from .. import filters

    lang = view.lang
    if rows is None:
        rows, n = _view_rows(dataset, filters.visible_mask(dataset, view, in_range=True), limit, view.event)
    else:
        rows = rows.sort_values("start_at", kind="stable")
        n = int((rows["kind"] != "phase").sum())
        if n > limit:
            ids = list(rows.loc[rows["kind"] != "phase", "id"])
            at = ids.index(view.event) if view.event in ids else 0
            lo = max(0, min(at - limit // 2, n - limit))
            keep = set(ids[lo:lo + limit]) | set(rows.loc[rows["kind"] == "phase", "id"])
            rows = rows[rows["id"].isin(keep)]
    sections, shown = [], 0
    for (kind, key), ids in _sections(dataset, rows, lang):
        shown += len(ids)
        heading = (_phase_heading(dataset, key, lang) if kind == "phase"
                   else el("h2", {"class": "tl-year"}, key) if key else None)
        cards = [el("li", None, c) for i in ids if (c := card(dataset, i, lang, open_=i == view.event)) is not None]
        if cards or kind == "phase":
            sections.append(el("section", {"class": "tl-section" + (" tl-in-phase" if kind == "phase" else "")},
                               heading, el("ol", {"class": "tl-card-list"}, cards)))
    count = t("n_event", lang) if n == 1 else t("n_events", lang, n=n)
    notes = [el("p", {"class": "tl-cards-note"}, t("truncated_cards", lang, k=shown, n=n))] if shown < n else []
    if not n:
        notes = [el("p", {"class": "tl-cards-note"}, t("no_events", lang))]
    return el("div", {"class": "tl-cards", "id": "tl-cards", "lang": lang,
                      "data-count-one": t("n_shown_one", lang), "data-count-many": t("n_shown", lang, n=0).replace("0", "{n}", 1),
                      "data-filter-label": t("actor_filter", lang)},
              el("p", {"class": "tl-count", "id": "tl-count", "role": "status", "aria-live": "polite"}, count),
              sections, notes)
