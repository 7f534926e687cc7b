"""The import mapping: TimelineJS slides as our row records (events, actors, sources, quotes)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ... import dates
from ...i18n import TIMELINEJS_LABELS
from ...model import DISPUTED, SLUG, slugify
from ...problems import Problem
from .. import html_text
from ..text import URL
from .read import UNASSIGNED, UNKNOWN_SPEAKER, Doc, Slide, Where, jstype
from .markup import _decoded, _parse, _text, _text_of, _title_of, _to_text, _without_generic_links
from .slide import read_media, read_slide_dates

@dataclass
class _Builder:
    name: str                       # file name, for problems and the seed copy
    title: str                      # the dataset title
    language: str = "en"
    events: list[dict] = field(default_factory=list)
    event_where: list[Where] = field(default_factory=list)
    actors: dict[str, dict] = field(default_factory=dict)
    sources: dict[str, dict] = field(default_factory=dict)
    source_by_url: dict[str, str] = field(default_factory=dict)
    quotes: list[dict] = field(default_factory=list)
    quote_where: list[Where] = field(default_factory=list)
    media: list[dict] = field(default_factory=list)
    seen_slides: dict[str, str] = field(default_factory=dict)   # slide JSON -> where it was first seen
    seen_uids: dict[str, str] = field(default_factory=dict)     # unique_id -> where it was first seen
    ids: set[str] = field(default_factory=set)
    quote_ids: set[str] = field(default_factory=set)
    file_source: str = ""
    transcript: list[str] = field(default_factory=list)
    raw: str = ""

    # -- actors, sources
    def actor(self, actor_id: str, name: str, **extra) -> str:
        aid = actor_id if SLUG.match(actor_id or "") else slugify(actor_id or name, "actor")
        if aid not in self.actors:
            self.actors[aid] = {"id": aid, "name": name or aid, **{k: v for k, v in extra.items() if v}}
        return aid

    def source(self, url: str, title: str, publisher: str = "", sid: str = "") -> str:
        url = (url or "").strip()
        if url and not URL.match(url):
            url = ""
        if sid and not SLUG.match(sid):
            sid = slugify(sid, "source")
        if sid and sid in self.sources:
            return sid
        if url and not sid and url in self.source_by_url:
            return self.source_by_url[url]
        if not url:   # known only through this file: the file is the text to check it against
            return self.file_cited(title, publisher, sid)
        base = sid if sid and SLUG.match(sid) else slugify(title if title and title != url else _url_slug(url), "source")
        new = _unique(base, self.sources)
        self.sources[new] = {"id": new, "title": title or _url_slug(url), "publisher": publisher, "url": url}
        self.source_by_url.setdefault(url, new)
        return new

    def file_cited(self, title: str = "", publisher: str = "", sid: str = "") -> str:
        """A source known only through the imported file: its seed is a copy of that file."""
        if not title:
            if not self.file_source:
                self.file_source = _unique(slugify(self.title, "imported-file"), self.sources)
                self.sources[self.file_source] = {
                    "id": self.file_source, "title": self.title,
                    "publisher": f"TimelineJS file {self.name}, imported", "seed": self.name}
            return self.file_source
        new = _unique(sid if sid and SLUG.match(sid) else slugify(title, "source"), self.sources)
        self.sources[new] = {"id": new, "title": title, "seed": self.name,
                             "publisher": publisher or ("" if sid else f"as credited in {self.name}")}
        return new

    def unique_event_id(self, base: str) -> str:
        new = base
        n = 2
        while new in self.ids:
            new = f"{base[:56]}-{n}"
            n += 1
        self.ids.add(new)
        return new


def _unique(base: str, taken) -> str:
    new, n = base, 2
    while new in taken:
        new = f"{base[:56]}-{n}"
        n += 1
    return new


def _url_slug(url: str) -> str:
    """The page an address names, as a title: 'example.org/news/talks' (scheme and www. dropped)."""
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


def to_records(doc: Doc, problems: list[Problem]) -> tuple[dict, dict, dict, dict]:
    """(records by table, origin Where of each record, dataset meta, seed texts by file name)."""
    title_text, description, language = "", "", "en"
    if doc.title is not None:
        t = doc.title.data.get("text") if isinstance(doc.title.data.get("text"), dict) else {}
        title_text = html_text.to_text(t.get("headline", ""))
        desc = html_text.parse(t.get("text", ""))
        description = desc.text
        language = (desc.meta.get("language") or "en").strip() or "en"
    b = _Builder(name=_seed_name(doc.name), title=title_text or Path(doc.name).stem, language=language, raw=doc.raw)
    if doc.title is not None and isinstance(doc.title.data.get("media"), dict):
        row = read_media(doc.title.data["media"], "", doc.title.where, problems, _text)
        if row:
            b.media.append(row)
    phases = []
    for s in doc.eras:
        rec = _event(b, s, problems, era=True)
        if rec:
            phases.append(rec)
    for s in doc.slides:
        _event(b, s, problems)
    seeds = {b.name: doc.raw}
    _place_quotes(b, doc.raw)
    if b.transcript:
        seeds[_transcript_name(b.name)] = "".join(b.transcript)
    used = {s for e in b.events for s in e["sources"].split(";")} | {q["source"] for q in b.quotes}
    sources = [s for sid, s in b.sources.items() if sid in used]
    used_seeds = {s["seed"] for s in sources if s.get("seed")}
    seeds = {k: v for k, v in seeds.items() if k in used_seeds}
    meta = {"title": b.title}
    if description:
        meta["description"] = description
    if language != "en":
        meta["language"] = language
    if doc.scale == "cosmological":
        meta["scale"] = "cosmological"
    records = {"events": b.events, "actors": list(b.actors.values()), "sources": sources, "quotes": b.quotes,
               "media": b.media}
    origins = {"events": b.event_where, "quotes": b.quote_where}
    return records, origins, meta, seeds


def _place_quotes(b: _Builder, raw: str) -> None:
    """Offsets for every quote whose source is the imported file, so validation finds it verbatim.

    A quote that is not verbatim in the raw file (an entity such as &#x27;, a JSON escape) keeps
    its source; that source's text becomes a plain-text transcript of its quotes from this file.
    """
    by_source: dict[str, list] = {}
    for q, w in zip(b.quotes, b.quote_where):
        if b.sources.get(q["source"], {}).get("seed") == b.name:
            by_source.setdefault(q["source"], []).append((q, w))
    for sid, items in by_source.items():
        if all(raw.find(q["text"]) >= 0 for q, _ in items):
            for q, _ in items:
                i = raw.find(q["text"])
                q["start_offset"], q["end_offset"] = str(i), str(i + len(q["text"]))
            continue
        b.sources[sid]["seed"] = _transcript_name(b.name)
        for q, w in items:
            head = f"{w.label}: "
            start = sum(len(x) for x in b.transcript) + len(head)
            b.transcript.append(head + q["text"] + "\n")
            q["start_offset"], q["end_offset"] = str(start), str(start + len(q["text"]))


def _seed_name(name: str) -> str:
    base = Path(name).name
    base = re.sub(r"[^A-Za-z0-9._-]+", "-", base).strip(".-") or "imported.json"
    return base


def _transcript_name(name: str) -> str:
    return f"{Path(name).stem}.quotes.txt"


def _repeats(b: _Builder, d: dict, w: Where, problems: list[Problem]) -> None:
    """Warn about a slide that repeats an earlier one, or reuses its unique_id (TimelineJS shows both)."""
    key = json.dumps(d, sort_keys=True, default=str)
    first = b.seen_slides.setdefault(key, w.label)
    if first != w.label:
        problems.append(w.warn(None, f"the same as {first}; both are kept"))
        return
    uid = _text_of(d.get("unique_id")).strip()
    if uid:
        other = b.seen_uids.setdefault(uid, w.label)
        if other != w.label:
            problems.append(w.warn(None, f"unique_id '{uid[:60]}' is also {other}'s; this one gets another id"))


def _event(b: _Builder, s: Slide, problems: list[Problem], era: bool = False) -> dict | None:
    d, w = s.data, s.where
    text = d.get("text") if isinstance(d.get("text"), dict) else {}
    if d.get("text") is not None and not isinstance(d.get("text"), dict):
        problems.append(w.problem("text", f"must be an object with headline and text, not a {jstype(d.get('text'))}"))
        return None
    media = d.get("media") if isinstance(d.get("media"), dict) else {}
    got = read_slide_dates(d, w, problems, era, _text)
    if got is None:
        return None
    _repeats(b, d, w, problems)
    body = _parse(_text_of(text.get("text")))
    meta = body.meta
    headline = _to_text(_text_of(text.get("headline")))
    start_text, end_text = _exact_dates(meta, got.start, got.end)
    display, notes = _display_and_notes(got, meta, body, start_text, end_text)
    eid = b.unique_event_id(_id_base(meta, d, headline, start_text, era))
    if not headline:
        headline = (body.text[:80].rsplit(" ", 1)[0] + "…") if len(body.text) > 80 else body.text
        headline = headline or f"Untitled ({w.label})"
    actor_ids = _event_actors(b, body, d, era)
    source_ids, cite, credit_source, media_quotes = _event_sources(b, body, media, eid, w, problems)
    summary = _event_quotes(b, body, media_quotes, eid, credit_source or source_ids[0], w, cite)
    kind = "phase" if era else ("span" if end_text else "moment")
    rec = {"id": eid, "title": headline, "summary": summary, "kind": kind, "start": start_text,
           "end": end_text, "display_date": display, "place": body.place,
           "actors": ";".join(actor_ids), "tags": meta.get("tags", ""), "phase": meta.get("phase", ""),
           "sources": ";".join(source_ids), "note": " ".join(notes)}
    for k in ("title_nl", "summary_nl"):
        if meta.get(k.replace("_", "-")):
            rec[k] = meta[k.replace("_", "-")]
    b.events.append(rec)
    b.event_where.append(w)
    return rec


def _exact_dates(meta: dict, start, end) -> tuple[str, str]:
    """The dates as written: the exact ones our own export carries (qualifiers such as 'c.' that
    TimelineJS has no field for) over the slide's."""
    texts = {"start": start.date.canonical(), "end": end.date.canonical() if end else ""}
    for key in ("start", "end"):
        if meta.get(key):
            try:
                texts[key] = dates.parse(meta[key]).canonical()
            except dates.DateError:
                pass
    return texts["start"], texts["end"]


def _display_and_notes(got, meta: dict, body, start_text: str, end_text: str) -> tuple[str, list[str]]:
    """The display date (times of day kept there) and the notes on what the import changed."""
    start, end, display = got.start, got.end, got.display
    if meta.get("display") == "generated":
        display = ""
    lost = [x for x in (start.lost, end.lost if end else "") if x]
    notes = []
    if lost:
        notes.append(f"TimelineJS gave {' and '.join(lost)}; only the year is kept that far from today")
    if not display and (start.time or (end and end.time)):
        display = dates.parse(start_text).label() + (f" {start.time}" if start.time else "")
        if end and end.time:
            display += f" – {dates.parse(end_text).label()} {end.time}"
    if body.note:
        notes.insert(0, body.note)
    return display, notes


def _id_base(meta: dict, d: dict, headline: str, start_text: str, era: bool) -> str:
    uid = meta.get("event") or _text_of(d.get("unique_id")).strip()
    if uid:
        return uid if SLUG.match(uid) else slugify(uid, "event")
    return slugify(f"{headline[:40]} {start_text}" if headline else f"{'era' if era else 'event'} {start_text}", "event")


def _event_actors(b: _Builder, body, d: dict, era: bool) -> list[str]:
    actor_ids = []
    for aid, name, attrs in body.actors:
        aid = b.actor(aid, name, colour=attrs.get("data-colour", ""), country=attrs.get("data-country", ""))
        actor_ids.append(aid + DISPUTED if attrs.get("data-disputed") else aid)
    group = _to_text(_text_of(d.get("group")))
    if not actor_ids and group:
        actor_ids.append(b.actor(slugify(group, "group"), group))
    if not actor_ids and not era:   # an era is drawn across every lane: it needs none of its own
        actor_ids.append(b.actor(*UNASSIGNED, description="events the TimelineJS file put in no group"))
    return actor_ids


def _event_sources(b: _Builder, body, media: dict, eid: str, w: Where, problems: list[Problem]):
    """(source ids, cite, the quote's credited source, quotes in the media slot); the slide's media rows too."""
    source_ids: list[str] = []

    def cite(sid):
        if sid not in source_ids:
            source_ids.append(sid)

    for link in body.sources:
        attrs = link.attrs
        cite(b.source(link.url, _title_of(link), attrs.get("data-publisher", ""), attrs.get("data-source", "")))
    for link in body.links:
        cite(b.source(link.url, ""))   # the source is the link's page; its text is part of the prose
    media_url = _text_of(media.get("url")).strip()
    credit = _parse(_text_of(media.get("credit")))
    credit_source = ""
    for link in credit.sources:   # written by our export: the quote's source, not necessarily the event's
        credit_source = credit_source or b.source(link.url, _title_of(link), link.attrs.get("data-publisher", ""),
                                                  link.attrs.get("data-source", ""))
    for link in credit.links:
        sid = b.source(link.url, "")
        credit_source = credit_source or sid
        cite(sid)
    media_quotes = html_text.parse(media_url).quotes if html_text.is_markup(media_url) else []
    _event_media(b, body, media, eid, w, problems)
    if media_quotes and not credit_source and credit.text:
        credit_source = b.file_cited(credit.text, "")
    if not source_ids and credit_source:
        cite(credit_source)
    if not source_ids:
        cite(b.file_cited())
    return source_ids, cite, credit_source, media_quotes


def _event_media(b: _Builder, body, media: dict, eid: str, w: Where, problems: list[Problem]) -> None:
    row = read_media(media, eid, w, problems, _text)
    if row:
        b.media.append(row)
    for link in body.media:   # our export's other media of the event
        more = read_media({"url": link.url, "caption": link.text if link.text != link.url else "",
                           **{k: link.attrs.get(f"data-{k}", "") for k in ("credit", "alt", "thumbnail")}},
                          eid, w, problems, _decoded)   # the parser decoded these once already
        if more:
            more["kind"] = link.attrs.get("data-kind") or more["kind"]
            b.media.append(more)


def _event_quotes(b: _Builder, body, media_quotes, eid: str, default_source: str, w: Where, cite) -> str:
    """Quotes from the media slot and blockquotes with a <cite> in the text; returns the summary."""
    summary = _without_generic_links(body.text, body.links)
    for where_from, qs in (("media", media_quotes), ("text", body.quotes)):
        for q in qs:
            if where_from == "text" and not q.cite and not q.cite_attrs:
                summary = (summary + "\n\n" + f"“{q.text}”").strip()
                continue
            if not q.text:
                continue
            _quote(b, q, eid, default_source, w, cite)
    return summary


def _quote(b: _Builder, q: html_text.Quote, eid: str, default_source: str, w: Where, cite) -> None:
    a, ca = q.attrs, q.cite_attrs
    speaker_id = ca.get("data-speaker") or a.get("data-speaker") or ""
    if speaker_id:
        speaker = b.actor(speaker_id, q.cite or speaker_id)
    elif q.cite:
        name, _, rest = q.cite.partition(",")
        speaker = b.actor(slugify(name, "speaker"), name.strip(), description=rest.strip())
    else:
        speaker = b.actor(*UNKNOWN_SPEAKER, description="a quote in the TimelineJS file without a <cite>")
    source = default_source
    if a.get("data-source"):   # written by our export
        source = b.source(a.get("data-url", ""), a.get("data-source-title", ""), a.get("data-publisher", ""),
                          a["data-source"])
    qid = a.get("data-quote") or ""
    qid = qid if SLUG.match(qid) else eid[:52].strip("-") + "-quote"
    qid = _unique(qid, b.quote_ids)
    b.quote_ids.add(qid)
    lang = (a.get("lang") or ca.get("lang") or b.language or "en").strip().lower()[:8]
    rec = {"id": qid, "event": eid, "speaker": speaker, "text": q.text, "language": lang,
           "source": source, "original_of": a.get("data-original-of", "")}
    if q.translation:
        rec["translation"] = re.sub(rf"^{TIMELINEJS_LABELS['translation']}( \([^)]*\))?:\s*", "", q.translation)
        by = q.translation_by or "ours"
        rec["translation_by"] = by if by == "ours" or by in b.sources else "ours"
    b.quotes.append(rec)
    b.quote_where.append(w)
