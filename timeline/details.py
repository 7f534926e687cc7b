"""What one event's details panel shows, gathered once for every place that shows it.

The app's panel (Dash components), `/api/event` and `/embed` (JSON for embed.js) and the
offline export all render `event_details`: the same quotes, the speaker's title held on the
event's date, the same translation marking and the same citations. Plain values only; no
Dash, no markup: renderers put every string in as text.
"""
from __future__ import annotations

import math

from . import dates
from .model import Dataset


def text(value) -> str:
    """A cell as text: '' for a missing value (None, NaN, pd.NA)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    try:
        if bool(value != value):   # pd.NA and NaT compare unequal to themselves (or raise)
            return ""
    except TypeError:
        return ""
    return str(value)


def event_title(row, lang: str) -> str:
    if lang == "nl" and text(row.get("title_nl")):
        return text(row["title_nl"])
    return text(row["title"])


def event_summary(row, lang: str) -> str:
    if lang == "nl" and text(row.get("summary_nl")):
        return text(row["summary_nl"])
    return text(row.get("summary"))


def event_note(row, lang: str) -> str:
    """The note in the reader's language: `note_nl` for Dutch when given, else `note`."""
    if lang == "nl" and text(row.get("note_nl")):
        return text(row["note_nl"])
    return text(row.get("note"))


def date_label(written: str, lang: str) -> str:
    """A written date as a label at its precision ('Mar 2018'); unreadable text as it is."""
    if not written:
        return ""
    try:
        return dates.parse(written).label(lang)
    except dates.DateError:
        return written


def event_date(row, lang: str) -> str:
    """The date as written, at its precision: display_date when given, else start (– end)."""
    shown = text(row.get("display_date"))
    if shown:
        return shown
    start = date_label(text(row["start"]), lang)
    end = date_label(text(row.get("end")), lang)
    return f"{start} – {end}" if end and end != start else start


def source_info(dataset: Dataset, source_id: str) -> dict:
    """A citation: {id, title, publisher, date (as written), url (http(s) only, else ''), language}."""
    rows = dataset.sources[dataset.sources["id"] == source_id]
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
     actor_ids, actors (names), sources: [source_info],
     quotes: [{id, text, language, speaker, role, translation, translation_ours,
               translation_source (source_info of a published translation, or None),
               original_language (language of the quote this one is the original of, or ''),
               in_seed (its source text is here, so it can be shown in context), source}]}
    """
    ev = dataset.event(event_id)
    if ev is None:
        return None
    when = float(ev["start_at"])
    quote_language = dict(zip(dataset.quotes["id"], dataset.quotes["language"]))
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
            "original_language": text(quote_language.get(text(q.get("original_of")), "")),
            "in_seed": text(q["source"]) in dataset.seeds,
            "source": source_info(dataset, q["source"]),
        })
    phase = dataset.event(text(ev.get("phase"))) if text(ev.get("phase")) else None
    return {
        "id": event_id,
        "kind": text(ev["kind"]),
        "start": text(ev["start"]),
        "title": event_title(ev, lang),
        "date": event_date(ev, lang),
        "place": text(ev.get("place")),
        "summary": event_summary(ev, lang),
        "note": event_note(ev, lang),
        "phase": event_title(phase, lang) if phase is not None else "",
        "actor_ids": list(ev["actors"] or ()),
        "actors": [dataset.actor_name(a) for a in (ev["actors"] or ())],
        "quotes": quotes,
        "sources": [source_info(dataset, s) for s in (ev["sources"] or ())],
    }
