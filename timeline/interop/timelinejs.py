"""TimelineJS data in and out: its JSON and its Google-Sheets CSV.

Import (`load_file`, `import_file`) turns a TimelineJS file into our row records and pushes them
through the loader's own validation (`loader.load_records`), so an imported dataset obeys every
rule a folder does. Problems in the file name the slide (events[n-1] is slide n) or sheet row
and the field: `eras.json, slide 7, field 'start_date.month': '13' is not a month`.

Mapping (TimelineJS -> ours):
  title slide            dataset.json title (headline) and description (text, as plain text)
  slide                  event: headline -> title, text -> summary (HTML reduced to plain text)
  unique_id              id (slugified); made from headline + date when missing, deduplicated
  start/end_date         start/end at the written precision; end_date makes a span
  display_date           display_date
  group                  an actor (id = slug of the group, name = the group text)
  no group               the actor 'unassigned'
  eras                   events of kind phase
  <a href> in text       a source with that url, cited by the event
  media url (http)       a source (title = caption or credit, publisher = credit), cited by the event
  media credit links     sources
  <blockquote> in media  a quote (speaker = actor from <cite>, or 'unknown-speaker'); in text only with <cite>
  no source at all       the imported file itself, copied to seeds/ and cited as a seed source

Export (`to_timelinejs`, `to_sheet_rows`, `export`) writes the reverse, HTML-escaping every text;
what TimelineJS has no field for (all actors, source ids, quote ids and languages, exact uncertain
dates, tags, phase membership) rides along in `tl-actors` / `tl-sources` paragraphs and data-*
attributes that TimelineJS shows as ordinary text (DOMPurify keeps class and data-* attributes).
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import dates, files, loader
from ..model import SLUG, Dataset, slugify
from ..loader import check_header
from ..problems import Problem, ValidationError
from . import html_text
from .html_text import esc

SHEET_HEADER = ["Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
                "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
                "Media Thumbnail", "Type", "Group", "Background"]
SHEET_OPTIONAL = ["Alt Text"]
SHEET_V1 = ["Start Date", "End Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
            "Media Thumbnail", "Type", "Tag"]
# Sheet columns as fields of a slide, to name the column of a problem.
_COLUMN_OF = {
    "start_date.year": "Year", "start_date.month": "Month", "start_date.day": "Day", "start_date.time": "Time",
    "end_date.year": "End Year", "end_date.month": "End Month", "end_date.day": "End Day",
    "end_date.time": "End Time", "display_date": "Display Date", "text.headline": "Headline",
    "text.text": "Text", "media.url": "Media", "media.credit": "Media Credit",
    "media.caption": "Media Caption", "group": "Group", "type": "Type",
}
UNASSIGNED = ("unassigned", "Unassigned")
UNKNOWN_SPEAKER = ("unknown-speaker", "Unknown speaker")
JS_DATE_YEARS = (-271820, 275759)   # beyond these TimelineJS needs scale 'cosmological'
_URL = re.compile(r"^https?://[^\s<>\"']+$", re.I)
_TIME = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*$", re.I)


# ----------------------------------------------------------------------------------------------
# Where a problem is

@dataclass
class Where:
    """A slide, era or title slide of a JSON file, or a row of a sheet."""

    file: str
    label: str            # 'slide 7', 'era 2', 'title slide', 'row 5'
    row: int | None = None  # sheet row (header = row 1)

    def problem(self, fld: str | None, message: str) -> Problem:
        if self.row is not None:   # a sheet: file, row, column
            col = _COLUMN_OF.get(fld or "", fld) if fld else None
            return Problem(self.file, self.row, col, message)
        where = f"{self.file}, {self.label}"
        if fld:
            where += f", field '{fld}'"
        return Problem(where, None, None, message)


@dataclass
class Slide:
    data: dict
    where: Where
    kind: str = "event"   # event | era | title


@dataclass
class Doc:
    name: str
    title: Slide | None
    slides: list[Slide]
    eras: list[Slide]
    scale: str = "human"
    raw: str = ""


# ----------------------------------------------------------------------------------------------
# Reading files

def read_bytes(data: bytes, name: str, problems: list[Problem]) -> Doc | None:
    text = loader.decode(data, name, problems)
    if text is None:
        return None
    if "\x00" in text:
        problems.append(Problem(name, None, None, "NUL character in the file: it is binary or corrupt"))
        return None
    stripped = text.lstrip()
    if name.lower().endswith(".csv") or (stripped and stripped[0] not in "{["):
        return read_sheet(text, name, problems)
    return read_json(text, name, problems)


NUL_STANDIN = "\ufffd"


def _without_nul(value):
    """The decoded JSON with every NUL in its text replaced by U+FFFD (the replacement character):
    a NUL byte in a file is corruption and is refused, but JSON can spell one as \\u0000, and
    our CSV files (what `import` writes) cannot hold it."""
    if isinstance(value, str):
        return value.replace("\x00", NUL_STANDIN)
    if isinstance(value, list):
        return [_without_nul(v) for v in value]
    if isinstance(value, dict):
        return {_without_nul(k): _without_nul(v) for k, v in value.items()}
    return value


def read_json(text: str, name: str, problems: list[Problem]) -> Doc | None:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        problems.append(Problem(name, None, None,
                                f"not valid JSON: {e.msg} at line {e.lineno}, column {e.colno}"))
        return None
    except RecursionError:
        problems.append(Problem(name, None, None, "not valid JSON: nested too deeply"))
        return None
    if "\\u0000" in text:   # a NUL written as an escape is text, not corruption: U+FFFD stands in
        try:
            data = _without_nul(data)
        except RecursionError:
            problems.append(Problem(name, None, None, "not valid JSON: nested too deeply"))
            return None
    if not isinstance(data, dict):
        problems.append(Problem(name, None, None,
                                f"a TimelineJS file is a JSON object with 'events'; this is a {_jstype(data)}"))
        return None
    if "events" not in data:
        problems.append(Problem(name, None, None, "no 'events': a TimelineJS file lists its slides in 'events'"))
        return None
    events = data["events"]
    if not isinstance(events, list):
        problems.append(Problem(f"{name}, field 'events'", None, None, f"must be a list of slides, not a {_jstype(events)}"))
        return None
    slides = []
    for i, ev in enumerate(events):
        w = Where(name, f"slide {i + 1}")
        if not isinstance(ev, dict):
            problems.append(w.problem(None, f"a slide is an object, not a {_jstype(ev)}"))
            continue
        slides.append(Slide(ev, w))
    eras = []
    raw_eras = data.get("eras") or []
    if not isinstance(raw_eras, list):
        problems.append(Problem(f"{name}, field 'eras'", None, None, f"must be a list, not a {_jstype(raw_eras)}"))
        raw_eras = []
    for i, era in enumerate(raw_eras):
        w = Where(name, f"era {i + 1}")
        if not isinstance(era, dict):
            problems.append(w.problem(None, f"an era is an object, not a {_jstype(era)}"))
            continue
        eras.append(Slide(era, w, "era"))
    title = data.get("title")
    if title is not None and not isinstance(title, dict):
        problems.append(Problem(f"{name}, field 'title'", None, None, f"must be a slide object, not a {_jstype(title)}"))
        title = None
    scale = data.get("scale") or "human"
    if scale not in ("human", "cosmological"):
        problems.append(Problem(f"{name}, field 'scale'", None, None, f"'{scale}' is neither 'human' nor 'cosmological'"))
        scale = "human"
    return Doc(name, Slide(title, Where(name, "title slide"), "title") if title else None, slides, eras, scale, text)


def read_sheet(text: str, name: str, problems: list[Problem]) -> Doc | None:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        problems.append(Problem(name, 1, None, f"empty file: the first row must be the sheet header ({', '.join(SHEET_HEADER)})"))
        return None
    except csv.Error as e:
        problems.append(Problem(name, 1, None, f"unreadable CSV: {e}"))
        return None
    v1 = "Start Date" in header or "End Date" in header
    bad = check_header(header, name, problems, known=set(SHEET_HEADER + SHEET_OPTIONAL + SHEET_V1),
                       required=["Start Date", "Headline"] if v1 else ["Year", "Headline"],
                       shown=SHEET_V1 if v1 else SHEET_HEADER + SHEET_OPTIONAL,
                       missing_fix="not a TimelineJS sheet", trailing_blank_ok=True)
    if bad:
        return None
    title, slides, eras = None, [], []
    row = 1
    try:
        for cells in reader:
            row += 1
            if not any(c.strip() for c in cells):
                continue
            rec = {h: _unmark(cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header) if h}
            w = Where(name, f"row {row}", row)
            kind = rec.get("Type", "").strip().lower()
            s = Slide(_slide_from_row(rec, v1), w, "event")
            if kind == "title" and title is None:
                s.kind = "title"
                title = s
            elif kind == "era":
                s.kind = "era"
                eras.append(s)
            else:
                slides.append(s)
    except csv.Error as e:
        problems.append(Problem(name, row + 1, None, f"unreadable CSV: {e}"))
        return None
    return Doc(name, title, slides, eras, "human", text)


def _unmark(cell: str) -> str:
    """A cell our sheet export marked as text ("'=…", see files.neutralise_formula) as it was."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@") else cell


def _slide_from_row(rec: dict, v1: bool) -> dict:
    """A sheet row as a slide dict in the JSON shape (as TimelineJS's ConfigFactory does)."""
    d = {
        "media": {"url": rec.get("Media", ""), "credit": rec.get("Media Credit", ""),
                  "caption": rec.get("Media Caption", ""), "thumbnail": rec.get("Media Thumbnail", ""),
                  "alt": rec.get("Alt Text", "")},
        "text": {"headline": rec.get("Headline", ""), "text": rec.get("Text", "")},
        "display_date": rec.get("Display Date", ""),
        "group": rec.get("Group", "") or rec.get("Tag", ""),
    }
    if v1:
        if rec.get("Start Date"):
            d["start_date"] = {"_text": rec["Start Date"]}
        if rec.get("End Date"):
            d["end_date"] = {"_text": rec["End Date"]}
    else:
        def clean(v):
            return re.sub(r"[\s,]+", "", v or "")
        if rec.get("Year") or rec.get("Month") or rec.get("Day"):
            d["start_date"] = {"year": clean(rec.get("Year")), "month": clean(rec.get("Month")),
                               "day": clean(rec.get("Day")), "time": rec.get("Time", "")}
        if rec.get("End Year") or rec.get("End Month") or rec.get("End Day"):
            d["end_date"] = {"year": clean(rec.get("End Year")), "month": clean(rec.get("End Month")),
                             "day": clean(rec.get("End Day")), "time": rec.get("End Time", "")}
    return d


def _jstype(v) -> str:
    return {dict: "object", list: "list", str: "string", bool: "true/false", type(None): "null",
            int: "number", float: "number"}.get(type(v), type(v).__name__)


# ----------------------------------------------------------------------------------------------
# Dates

def _num(v, where: Where, fld: str, problems, what: str):
    """An integer from a JSON number or a string ('08', '1,815'); None when absent."""
    if v is None or isinstance(v, bool):
        if isinstance(v, bool):
            problems.append(where.problem(fld, f"{str(v).lower()} is not {what}"))
        return None
    if isinstance(v, (int, float)):
        if isinstance(v, float) and (math.isnan(v) or not v.is_integer()):
            problems.append(where.problem(fld, f"'{v}' is not {what}"))
            return None
        return int(v)
    if isinstance(v, str):
        s = re.sub(r"[\s,]+", "", v)
        if s == "":
            return None
        if re.fullmatch(r"[+-]?\d+(\.0*)?", s):
            return int(float(s)) if abs(float(s)) < 1e15 else int(s.split(".")[0])
        problems.append(where.problem(fld, f"'{_short(v)}' is not {what}"))
        return None
    problems.append(where.problem(fld, f"a {_jstype(v)} is not {what}"))
    return None


@dataclass
class ReadDate:
    date: dates.FuzzyDate
    lost: str = ""       # what TimelineJS said that our precision cannot keep
    time: str = ""       # 'HH:MM' when the slide gave a time


def read_date(obj, where: Where, fld: str, problems: list[Problem]) -> ReadDate | None:
    """A TimelineJS date object at its written precision; problems name the field."""
    if obj is None or obj == "" or obj == {}:
        return None
    if not isinstance(obj, dict):
        if isinstance(obj, (str, int)) and not isinstance(obj, bool):
            obj = {"_text": str(obj)}   # lenient: '2018-06-12' or 2018
        else:
            problems.append(where.problem(fld, f"a date is an object with a year, not a {_jstype(obj)}"))
            return None
    if "_text" in obj:   # old sheets: 'Start Date' as one cell
        return _read_text_date(obj["_text"], where, fld, problems)
    n = len(problems)
    year = _num(obj.get("year"), where, f"{fld}.year", problems, "a year")
    month = _num(obj.get("month"), where, f"{fld}.month", problems, "a month")
    day = _num(obj.get("day"), where, f"{fld}.day", problems, "a day")
    if len(problems) > n:
        return None
    if year is None:
        problems.append(where.problem(f"{fld}.year", "empty: a date needs a year"))
        return None
    if year == 0:
        problems.append(where.problem(f"{fld}.year", "there is no year 0 (1 BCE is -1)"))
        return None
    if month is not None and not 1 <= month <= 12:
        problems.append(where.problem(f"{fld}.month", f"'{obj.get('month')}' is not a month (1..12)"))
        return None
    if day is not None and month is None:
        problems.append(where.problem(f"{fld}.day", f"day {day} without a month"))
        return None
    if day is not None and not 1 <= day <= 31:
        problems.append(where.problem(f"{fld}.day", f"'{obj.get('day')}' is not a day (1..31)"))
        return None
    lost = ""
    if not 1 <= year <= 9999 and day is not None:
        lost = f"{year}-{month:02d}-{day:02d}"
        day = None
    if not -9999 <= year <= 9999 and month is not None:
        lost = lost or f"{year}-{month:02d}"
        month = None
    try:
        fd = dates.from_parts(year, month, day)
    except dates.DateError as e:
        msg = str(e)
        problems.append(where.problem(f"{fld}.day" if "day" in msg else fld, msg.replace(f"; {dates.HELP}", "")))
        return None
    time = _read_time(obj, where, fld, problems)
    return ReadDate(fd, lost, time)


def _read_time(obj, where, fld, problems) -> str:
    if obj.get("time"):
        m = _TIME.match(str(obj["time"]))
        if not m:
            problems.append(where.problem(f"{fld}.time", f"'{_short(obj['time'])}' is not a time (HH:MM)"))
            return ""
        h, mi = int(m.group(1)), int(m.group(2) or 0)
        if m.group(4):
            h = h % 12 + (12 if m.group(4).lower().startswith("p") else 0)
        return f"{h:02d}:{mi:02d}"
    parts = []
    for k in ("hour", "minute"):
        v = obj.get(k)
        if v in (None, ""):
            parts.append(None)
            continue
        try:
            parts.append(int(float(str(v))))
        except ValueError:
            problems.append(where.problem(f"{fld}.{k}", f"'{_short(v)}' is not a number"))
            return ""
    if parts[0] is None:
        return ""
    if not 0 <= parts[0] <= 23 or not 0 <= (parts[1] or 0) <= 59:
        problems.append(where.problem(f"{fld}.hour", f"{parts[0]}:{parts[1] or 0:02d} is not a time of day"))
        return ""
    return f"{parts[0]:02d}:{(parts[1] or 0):02d}"


def _read_text_date(text: str, where, fld, problems) -> ReadDate | None:
    s = str(text).strip()
    m = re.fullmatch(r"(-?\d+)(?:\s*,\s*(\d+))?(?:\s*,\s*(\d+))?", s)
    if m:
        return read_date({"year": m.group(1), "month": m.group(2), "day": m.group(3)}, where, fld, problems)
    try:
        return ReadDate(dates.parse(s, month_first=True))   # as TimelineJS (JavaScript) reads it
    except dates.DateError as e:
        problems.append(where.problem(fld, str(e)))
        return None


# ----------------------------------------------------------------------------------------------
# TimelineJS -> our records

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
    ids: set[str] = field(default_factory=set)
    quote_ids: set[str] = field(default_factory=set)
    file_source: str = ""
    text_source: str = ""
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
        if url and not _URL.match(url):
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
        self.sources[new] = {"id": new, "title": title or url, "publisher": publisher, "url": url}
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
                             "publisher": publisher or f"as credited in {self.name}"}
        return new

    def unique_event_id(self, base: str) -> str:
        new = base
        n = 2
        while new in self.ids:
            new = f"{base[:56]}-{n}"
            n += 1
        self.ids.add(new)
        return new


def _title_of(link) -> str:
    """A source's title from our export's '<a>Title (Publisher)</a>' (the publisher rides in data-publisher)."""
    pub = link.attrs.get("data-publisher", "")
    text = link.text
    if pub and text.endswith(f" ({pub})"):
        text = text[: -len(pub) - 3]
    return text


def _unique(base: str, taken) -> str:
    new, n = base, 2
    while new in taken:
        new = f"{base[:56]}-{n}"
        n += 1
    return new


def _url_slug(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url)


def _short(v, n: int = 40) -> str:
    s = str(v)
    return s if len(s) <= n else s[:n] + "…"


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
    phases = []
    for s in doc.eras:
        rec = _event(b, s, problems, era=True)
        if rec:
            phases.append(rec)
    for s in doc.slides:
        _event(b, s, problems)
    # every quote needs a source; a seed source needs the quote verbatim in the seed
    seeds = {b.name: doc.raw}
    for q, w in zip(b.quotes, b.quote_where):
        src = b.sources.get(q["source"], {})
        if src.get("seed"):
            i = doc.raw.find(q["text"])
            if i >= 0:
                q["start_offset"], q["end_offset"] = str(i), str(i + len(q["text"]))
            else:   # not verbatim in the raw file (entities, JSON escapes): cite our plain-text transcript
                if not b.text_source:
                    b.text_source = _unique(slugify(b.title + " quotes", "quotes"), b.sources)
                    b.sources[b.text_source] = {
                        "id": b.text_source, "title": f"{b.title} (its quotes as plain text)",
                        "publisher": f"quotes of {b.name}, HTML reduced to plain text on import",
                        "seed": _transcript_name(b.name)}
                head = f"{w.label}: "
                start = sum(len(x) for x in b.transcript) + len(head)
                b.transcript.append(head + q["text"] + "\n")
                q["source"] = b.text_source
                q["start_offset"], q["end_offset"] = str(start), str(start + len(q["text"]))
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
    records = {"events": b.events, "actors": list(b.actors.values()), "sources": sources, "quotes": b.quotes}
    origins = {"events": b.event_where, "quotes": b.quote_where}
    return records, origins, meta, seeds


def _seed_name(name: str) -> str:
    base = Path(name).name
    base = re.sub(r"[^A-Za-z0-9._-]+", "-", base).strip(".-") or "imported.json"
    return base


def _transcript_name(name: str) -> str:
    return f"{Path(name).stem}.quotes.txt"


def _text_of(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return str(v)
    return v if isinstance(v, str) else ""


def _plain(text: str) -> bool:
    """Text that HTML parsing would leave as it is (no tag, no entity): it needs no parser."""
    return "<" not in text and "&" not in text


def _parse(markup: str) -> html_text.Parsed:
    """`html_text.parse`, without the parser for plain text (most fields of a big file)."""
    return html_text.Parsed(text=html_text.squash(markup)) if _plain(markup) else html_text.parse(markup)


def _to_text(markup: str) -> str:
    return html_text.squash(markup) if _plain(markup) else html_text.to_text(markup)


def _event(b: _Builder, s: Slide, problems: list[Problem], era: bool = False) -> dict | None:
    d, w = s.data, s.where
    n = len(problems)
    text = d.get("text") if isinstance(d.get("text"), dict) else {}
    if d.get("text") is not None and not isinstance(d.get("text"), dict):
        problems.append(w.problem("text", f"must be an object with headline and text, not a {_jstype(d.get('text'))}"))
    media = d.get("media") if isinstance(d.get("media"), dict) else {}
    if "start_date" not in d or d.get("start_date") in (None, "", {}):
        problems.append(w.problem("start_date", "missing: every slide but the title needs a start_date"))
        return None
    start = read_date(d.get("start_date"), w, "start_date", problems)
    end = read_date(d.get("end_date"), w, "end_date", problems)
    if era and end is None and len(problems) == n:
        problems.append(w.problem("end_date", "missing: an era needs an end_date"))
    if len(problems) > n or start is None:
        return None
    body = _parse(_text_of(text.get("text")))
    meta = body.meta
    headline = _to_text(_text_of(text.get("headline")))
    display = _to_text(_text_of(d.get("display_date")) or _text_of((d.get("start_date") or {}).get("display_date")))
    # exact dates our own export carries (qualifiers such as 'c.' that TimelineJS has no field for)
    start_text, end_text = start.date.canonical(), end.date.canonical() if end else ""
    for key, target in (("start", "start"), ("end", "end")):
        if meta.get(key):
            try:
                value = dates.parse(meta[key]).canonical()
                if key == "start":
                    start_text = value
                else:
                    end_text = value
            except dates.DateError:
                pass
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
    # id
    uid = meta.get("event") or _text_of(d.get("unique_id")).strip()
    if uid:
        base = uid if SLUG.match(uid) else slugify(uid, "event")
    else:
        base = slugify(f"{headline[:40]} {start_text}" if headline else f"{'era' if era else 'event'} {start_text}", "event")
    eid = b.unique_event_id(base)
    if not headline:
        headline = (body.text[:80].rsplit(" ", 1)[0] + "…") if len(body.text) > 80 else body.text
        headline = headline or f"Untitled ({w.label})"
    # actors
    actor_ids = []
    for aid, name, attrs in body.actors:
        actor_ids.append(b.actor(aid, name, colour=attrs.get("data-colour", ""), country=attrs.get("data-country", "")))
    group = _to_text(_text_of(d.get("group")))
    if not actor_ids and group:
        actor_ids.append(b.actor(slugify(group, "group"), group))
    if not actor_ids:
        actor_ids.append(b.actor(*UNASSIGNED, description="events the TimelineJS file put in no group"))
    # sources
    source_ids: list[str] = []

    def cite(sid):
        if sid not in source_ids:
            source_ids.append(sid)

    for link in body.sources:
        attrs = link.attrs
        cite(b.source(link.url, _title_of(link), attrs.get("data-publisher", ""), attrs.get("data-source", "")))
    for link in body.links:
        cite(b.source(link.url, link.text if link.text != link.url else ""))
    media_url = _text_of(media.get("url")).strip()
    credit = _parse(_text_of(media.get("credit")))
    caption = _to_text(_text_of(media.get("caption")))
    credit_source = ""
    for link in credit.sources:   # written by our export: the quote's source, not necessarily the event's
        credit_source = credit_source or b.source(link.url, _title_of(link), link.attrs.get("data-publisher", ""),
                                                  link.attrs.get("data-source", ""))
    for link in credit.links:
        sid = b.source(link.url, link.text if link.text != link.url else "")
        credit_source = credit_source or sid
        cite(sid)
    media_quotes = []
    if html_text.is_markup(media_url):
        media_quotes = html_text.parse(media_url).quotes
    elif _URL.match(media_url):
        cite(b.source(media_url, caption or credit.text or "", credit.text))
    if media_quotes and not credit_source and credit.text:
        credit_source = b.file_cited(credit.text, "")
    if not source_ids and credit_source:
        cite(credit_source)
    if not source_ids:
        cite(b.file_cited())
    # quotes: from the media slot, and blockquotes with a <cite> in the text
    summary = body.text
    for where_from, qs in (("media", media_quotes), ("text", body.quotes)):
        for q in qs:
            if where_from == "text" and not q.cite and not q.cite_attrs:
                summary = (summary + "\n\n" + f"“{q.text}”").strip()
                continue
            if not q.text:
                continue
            _quote(b, q, eid, credit_source or source_ids[0], w, cite)
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
        rec["translation"] = re.sub(r"^Translation( \([^)]*\))?:\s*", "", q.translation)
        by = q.translation_by or "ours"
        rec["translation_by"] = by if by == "ours" or by in b.sources else "ours"
    b.quotes.append(rec)
    b.quote_where.append(w)


# ----------------------------------------------------------------------------------------------
# Public: load, import

def parse_bytes(data: bytes, name: str, path: Path | None = None) -> tuple[dict, dict, dict, Dataset]:
    """Read and validate TimelineJS data. Returns (records, meta, seeds, dataset); raises ValidationError."""
    problems: list[Problem] = []
    doc = read_bytes(data, name, problems)
    if doc is None or problems:
        raise ValidationError(problems or [Problem(name, None, None, "unreadable")])
    records, origins, meta, seeds = to_records(doc, problems)
    if problems:
        raise ValidationError(problems)
    if not records["events"]:
        raise ValidationError([Problem(name, None, None, "no events: the file has no dated slide")])
    try:
        ds = loader.load_records(_as_text_cells(records), meta, seeds, path)
    except ValidationError as e:   # a check our reading did not foresee: say which slide
        raise ValidationError([_origin(p, origins) for p in e.problems]) from None
    return records, meta, seeds, ds


def _as_text_cells(records: dict) -> dict:
    """Cells marked as text the way our CSV files mark them ('=…' -> "'=…"), so text from a TimelineJS
    file that looks like a spreadsheet formula is kept as text, exactly as the folder we write keeps it."""
    return {t: [{k: files.neutralise_formula(v) if isinstance(v, str) else v for k, v in r.items()} for r in rows]
            for t, rows in records.items()}


def _origin(p: Problem, origins: dict) -> Problem:
    table = {"events.csv": "events", "quotes.csv": "quotes"}.get(p.file)
    if table and p.row is not None and 2 <= p.row < len(origins[table]) + 2:
        w = origins[table][p.row - 2]
        what = {"events": "event", "quotes": "quote"}[table]
        return w.problem(None, f"{what} {p.column or ''}: {p.message}".replace("  ", " "))
    return p


def load_file(path) -> Dataset:
    """`timeline.load('x.json')`: a TimelineJS JSON file or sheet CSV as a validated Dataset."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > loader.MAX_FILE_BYTES:
            raise ValidationError([Problem(p.name, None, None, f"file is {size:,} bytes; the limit is {loader.MAX_FILE_BYTES:,}")])
        data = p.read_bytes()
    except OSError as e:
        raise ValidationError([Problem(str(p), None, None, f"cannot read: {e.strerror or e}")]) from None
    return parse_bytes(data, p.name, p)[3]


def folder_files(records: dict, meta: dict, seeds: dict) -> dict[str, bytes]:
    """The files of a dataset folder in our format (as `files.write_folder` takes them)."""
    from ..model import TABLE_BY_NAME

    out = {}
    for name in ("events", "actors", "sources", "quotes"):
        table = TABLE_BY_NAME[name]
        rows = records.get(name, [])
        if name == "quotes" and not rows:
            continue
        used = [c.name for c in table.columns if c.required or any(r.get(c.name) for r in rows)]
        buf = io.StringIO(newline="")
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(used)
        for r in rows:
            w.writerow([files.neutralise_formula(str(r.get(c, "") or "")) for c in used])
        out[table.file] = buf.getvalue().encode("utf-8")
    out["dataset.json"] = (json.dumps(meta, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    for name, text in seeds.items():
        out[f"seeds/{name}"] = text.encode("utf-8")
    return out


def import_file(path, out, force: bool = False) -> Dataset:
    """Import a TimelineJS file into a dataset folder `out`; the folder is validated before it is written."""
    p = Path(path)
    files.check_target(out, force)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise ValidationError([Problem(str(p), None, None, f"cannot read: {e.strerror or e}")]) from None
    records, meta, seeds, _ = parse_bytes(data, p.name, p)   # raises with every problem
    files.write_folder(out, folder_files(records, meta, seeds), force=force)
    return loader.load(out)


# ----------------------------------------------------------------------------------------------
# Export: our dataset -> TimelineJS

def _date_obj(text: str) -> dict:
    fd = dates.parse(text)
    p = fd.point
    d = {"year": str(p.year)}
    if p.month:
        d["month"] = str(p.month)
    if p.day:
        d["day"] = str(p.day)
    return d


def _is_set(v) -> bool:
    return isinstance(v, str) and v != ""


def _meta_attrs(ev, generated_display: bool) -> str:
    attrs = [("data-event", ev["id"])]
    start = dates.parse(ev["start"])
    if start.qualifier or start.canonical() != ev["start"]:
        attrs.append(("data-start", ev["start"]))
    if _is_set(ev["end"]) and dates.parse(ev["end"]).qualifier:
        attrs.append(("data-end", ev["end"]))
    if generated_display:
        attrs.append(("data-display", "generated"))
    if ev["tags"]:
        attrs.append(("data-tags", ";".join(ev["tags"])))
    if _is_set(ev["phase"]):
        attrs.append(("data-phase", ev["phase"]))
    for k in ("title_nl", "summary_nl"):
        if _is_set(ev.get(k)):
            attrs.append((f"data-{k.replace('_', '-')}", ev[k]))
    return "".join(f' {k}="{esc(v)}"' for k, v in attrs)


def _source_html(ds: Dataset, sid: str) -> str:
    rows = ds.sources[ds.sources["id"] == sid]
    if rows.empty:
        return ""
    s = rows.iloc[0]
    pub = f' data-publisher="{esc(s["publisher"])}"' if _is_set(s["publisher"]) else ""
    label = esc(s["title"]) + (f" ({esc(s['publisher'])})" if _is_set(s["publisher"]) else "")
    if _is_set(s["url"]):
        return f'<a href="{esc(s["url"])}" data-source="{esc(sid)}"{pub} target="_blank" rel="noopener">{label}</a>'
    return f'<span data-source="{esc(sid)}"{pub}>{label}</span>'


def _quote_html(ds: Dataset, q) -> str:
    name = ds.actor_name(q["speaker"])
    attrs = f' data-quote="{esc(q["id"])}" lang="{esc(q["language"])}"'
    if _is_set(q["original_of"]):
        attrs += f' data-original-of="{esc(q["original_of"])}"'
    rows = ds.sources[ds.sources["id"] == q["source"]]
    if not rows.empty:
        s = rows.iloc[0]
        attrs += f' data-source="{esc(q["source"])}" data-source-title="{esc(s["title"])}"'
        if _is_set(s["url"]):
            attrs += f' data-url="{esc(s["url"])}"'
        if _is_set(s["publisher"]):
            attrs += f' data-publisher="{esc(s["publisher"])}"'
    out = f"<blockquote{attrs}><p>{esc(q['text'])}</p>"
    if _is_set(q["translation"]):
        by = q["translation_by"] or "ours"
        out += f'<p class="tl-translation" data-by="{esc(by)}">Translation: {esc(q["translation"])}</p>'
    return out + f'<cite data-speaker="{esc(q["speaker"])}">{esc(name)}</cite></blockquote>'


def _text_html(ds: Dataset, ev, quotes_in_text, generated_display: bool) -> str:
    parts = []
    if _is_set(ev["summary"]):
        parts += [f"<p>{esc(p)}</p>" for p in re.split(r"\n\s*\n", ev["summary"]) if p.strip()]
    if _is_set(ev["place"]):
        parts.append(f'<p class="tl-place">Place: {esc(ev["place"])}</p>')
    if _is_set(ev["note"]):
        parts.append(f'<p class="tl-note">Note: {esc(ev["note"])}</p>')
    for _, q in quotes_in_text.iterrows():
        parts.append(_quote_html(ds, q))
    names = []
    for aid in ev["actors"]:
        rows = ds.actors[ds.actors["id"] == aid]
        a = rows.iloc[0] if not rows.empty else None
        extra = ""
        if a is not None and _is_set(a.get("country")):
            extra += f' data-country="{esc(a["country"])}"'
        names.append(f'<span data-actor="{esc(aid)}"{extra}>{esc(ds.actor_name(aid))}</span>')
    label = "Actor" if len(names) == 1 else "Actors"
    parts.append(f'<p class="tl-actors"{_meta_attrs(ev, generated_display)}>{label}: {", ".join(names)}</p>')
    srcs = [x for x in (_source_html(ds, sid) for sid in ev["sources"]) if x]
    if srcs:
        parts.append(f'<p class="tl-sources">Sources: {"; ".join(srcs)}</p>')
    return "".join(parts)


def _slide(ds: Dataset, ev, era: bool = False) -> dict:
    qs = ds.quotes_for(ev["id"])
    generated = False
    display = ev["display_date"] if _is_set(ev["display_date"]) else ""
    start = dates.parse(ev["start"])
    end = dates.parse(ev["end"]) if _is_set(ev["end"]) else None
    if not display and (start.qualifier or (end and end.qualifier)):
        display = start.label() + (f" – {end.label()}" if end else "")
        generated = True
    slide = {"unique_id": ev["id"], "start_date": _date_obj(ev["start"]),
             "text": {"headline": esc(ev["title"]),
                      "text": _text_html(ds, ev, qs if era else qs.iloc[1:], generated)}}
    if end is not None:
        slide["end_date"] = _date_obj(ev["end"])
    if display:
        slide["display_date"] = esc(display)
    if len(ev["actors"]):
        slide["group"] = esc(ds.actor_name(ev["actors"][0]))
    if not qs.empty and not era:   # an era has no media slot: its quotes are all in its text
        q = qs.iloc[0]
        slide["media"] = {"url": _quote_html(ds, q), "credit": _source_html(ds, q["source"])}
    return slide


def to_timelinejs(ds: Dataset) -> dict:
    """Our dataset as a TimelineJS JSON object (phases as eras, every other event a slide)."""
    ev = ds.events
    title = {"text": {"headline": esc(ds.title)}}
    desc = ds.meta.get("description", "")
    lang = ds.meta.get("language", "")
    if desc or lang:
        body = "".join(f"<p>{esc(p)}</p>" for p in re.split(r"\n\s*\n", desc) if p.strip())
        if lang and lang != "en":
            body += f'<p class="tl-actors" data-language="{esc(lang)}"></p>'
        title["text"]["text"] = body
    out = {"title": title, "events": [_slide(ds, e) for _, e in ev[ev["kind"] != "phase"].iterrows()]}
    eras = []
    for _, e in ev[ev["kind"] == "phase"].iterrows():
        s = _slide(ds, e, era=True)
        era = {"start_date": s["start_date"], "end_date": s["end_date"], "text": s["text"],
               "unique_id": s["unique_id"]}
        if "display_date" in s:
            era["display_date"] = s["display_date"]
        eras.append(era)
    if eras:
        out["eras"] = eras
    years = [int(x["start_date"]["year"]) for x in out["events"] + eras] + \
            [int(x["end_date"]["year"]) for x in out["events"] + eras if "end_date" in x]
    if ds.meta.get("scale") == "cosmological" or any(not JS_DATE_YEARS[0] <= y <= JS_DATE_YEARS[1] for y in years):
        out["scale"] = "cosmological"
    return out


def to_sheet_rows(ds: Dataset) -> list[list[str]]:
    """Our dataset as the rows of a TimelineJS Google Sheet (header first)."""
    data = to_timelinejs(ds)
    header = SHEET_HEADER + SHEET_OPTIONAL
    rows = [header]

    def row(s: dict, kind: str = "") -> list[str]:
        sd, ed = s.get("start_date") or {}, s.get("end_date") or {}
        media = s.get("media") or {}
        text = s.get("text") or {}
        cells = {"Year": sd.get("year", ""), "Month": sd.get("month", ""), "Day": sd.get("day", ""),
                 "End Year": ed.get("year", ""), "End Month": ed.get("month", ""), "End Day": ed.get("day", ""),
                 "Display Date": s.get("display_date", ""), "Headline": text.get("headline", ""),
                 "Text": text.get("text", ""), "Media": media.get("url", ""),
                 "Media Credit": media.get("credit", ""), "Media Caption": media.get("caption", ""),
                 "Type": kind, "Group": s.get("group", "")}
        return [files.neutralise_formula(str(cells.get(h, ""))) for h in header]

    rows.append(row(data["title"], "title"))
    rows += [row(s) for s in data["events"]]
    rows += [row(e, "era") for e in data.get("eras", [])]
    return rows


def to_sheet_csv(ds: Dataset) -> str:
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows(to_sheet_rows(ds))
    return buf.getvalue()


def export(ds: Dataset, out, as_csv: bool = False, force: bool = False) -> Path:
    """Write a dataset as TimelineJS JSON (or sheet CSV) to `out`; never replaces a file without `force`."""
    files.check_target(out, force)
    if as_csv:
        return files.write_text(out, to_sheet_csv(ds), force=force)
    return files.write_text(out, json.dumps(to_timelinejs(ds), ensure_ascii=False, indent=1) + "\n", force=force)
