"""What one event's details panel shows, gathered once for every place that shows it.

The app's panel (Dash components), `/api/event` and `/embed` (JSON for embed.js) and the
offline export all render `event_details`: the same quotes, the speaker's title held on the
event's date, the same translation marking and the same citations. Plain values only; no
Dash, no markup: renderers put every string in as text.
"""
from __future__ import annotations

import math
import re

import numpy as np

from . import media
from .labels import date_label, note, summary, text, title
from .model import Dataset, disputed_actors, rows_equal


def source_info(dataset: Dataset, source_id: str) -> dict:
    """A citation: {id, title, publisher, date (as written), url (http(s) only, else ''), language}."""
    rows = dataset.sources[rows_equal(dataset.sources["id"], source_id)]
    if rows.empty:
        return {"id": source_id, "title": source_id, "publisher": "", "date": "", "url": "", "language": ""}
    s = rows.iloc[0]
    url = text(s.get("url"))
    if not url.lower().startswith(("http://", "https://")):
        url = ""
    return {"id": source_id, "title": text(s["title"]), "publisher": text(s.get("publisher")),
            "date": text(s.get("date")), "url": url, "language": text(s.get("language"))}


def event_details(dataset: Dataset, event_id: str, lang: str = "en") -> dict | None:
    """Everything the details panel shows for one event (None if the id is unknown).

    {id, kind, start, title, date, place, summary, note, phase (title of its phase or ''),
     actor_ids, actors (names), disputed_ids (actors whose involvement is disputed),
     disputed (their names), dispute_sources: [source_info] (the event's sources its note names,
     else all of them; empty without a disputed actor), sources: [source_info],
     quotes: [{id, text, language, speaker, role, translation, translation_ours,
               translation_source (source_info of a published translation, or None),
               original_of (id of the quote this one is the original of, or ''),
               original_language (language of the quote this one is the original of, or ''),
               in_seed (its source text is here, so it can be shown in context), source}],
     media: [{url, kind, caption, credit, alt, thumbnail}] (http(s) addresses only)}
    """
    ev = dataset.event(event_id)
    if ev is None:
        return None
    when = float(ev["start_at"])
    quotes = []
    for _, q in dataset.quotes_for(event_id).iterrows():
        translation = text(q.get("translation"))
        by = text(q.get("translation_by"))
        quotes.append({
            "id": q["id"],
            "text": text(q["text"]),
            "language": text(q["language"]),
            "speaker": dataset.actor_name(q["speaker"]),
            "role": dataset.role_of(q["speaker"], when, lang) if math.isfinite(when) else "",
            "translation": translation,
            "translation_ours": bool(translation) and by == "ours",
            "translation_source": source_info(dataset, by) if translation and by and by != "ours" else None,
            "original_of": text(q.get("original_of")),
            "original_language": _quote_language(dataset, text(q.get("original_of"))),
            "in_seed": text(q["source"]) in dataset.seeds,
            "source": source_info(dataset, q["source"]),
        })
    phase = dataset.event(text(ev.get("phase"))) if text(ev.get("phase")) else None
    disputed = [a for a in disputed_actors(ev) if a in (ev["actors"] or ())]
    return {
        "id": event_id,
        "kind": text(ev["kind"]),
        "start": text(ev["start"]),
        "title": title(ev, lang),
        "date": date_label(ev, lang),
        "place": text(ev.get("place")),
        "summary": summary(ev, lang),
        "note": note(ev, lang),
        "phase": title(phase, lang) if phase is not None else "",
        "actor_ids": list(ev["actors"] or ()),
        "actors": [dataset.actor_name(a) for a in (ev["actors"] or ())],
        "disputed_ids": disputed,
        "disputed": [dataset.actor_name(a) for a in disputed],
        "dispute_sources": [source_info(dataset, s) for s in dispute_source_ids(ev)] if disputed else [],
        "quotes": quotes,
        "sources": [source_info(dataset, s) for s in (ev["sources"] or ())],
        "media": [m for m in map(media.item, dataset.media_for(event_id).to_dict("records"))
                  if media.is_web_url(m["url"])],
    }


def _quote_language(dataset: Dataset, quote_id: str) -> str:
    """The language of quote `quote_id` (of its last row, if the id repeats), '' if none."""
    if not quote_id:
        return ""
    hits = np.flatnonzero(rows_equal(dataset.quotes["id"], quote_id))
    return text(dataset.quotes["language"].iat[hits[-1]]) if len(hits) else ""


def dispute_source_ids(ev) -> list[str]:
    """The sources of a dispute: the event's sources its (English) note names, in the event's
    order; all of the event's sources when the note names none."""
    cited = tuple(ev["sources"] or ())
    named = set(re.findall(r"[a-z0-9][a-z0-9-]*", text(ev.get("note"))))
    return [s for s in cited if s in named] or list(cited)
