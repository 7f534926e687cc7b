"""Reading a TimelineJS JSON file or Google-Sheets CSV into slides, each with where it came from."""
from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass

from ...problems import Problem
from ..text import check_header, decode, separator, short, unmark

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


@dataclass
class Where:
    """A slide, era or title slide of a JSON file, or a row of a sheet."""

    file: str
    label: str            # 'slide 7', 'era 2', 'title slide', 'row 5'
    row: int | None = None  # sheet row (header = row 1)

    def problem(self, fld: str | None, message: str, severity: str = "error") -> Problem:
        if self.row is not None:   # a sheet: file, row, column
            col = _COLUMN_OF.get(fld or "", fld) if fld else None
            return Problem(self.file, self.row, col, message, severity)
        where = f"{self.file}, {self.label}"
        if fld:
            where += f", field '{fld}'"
        return Problem(where, None, None, message, severity)

    def warn(self, fld: str | None, message: str) -> Problem:
        """What loading drops or guesses here: the file still loads (TimelineJS draws it too)."""
        return self.problem(fld, message, "warning")


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


def read_bytes(data: bytes, name: str, problems: list[Problem]) -> Doc | None:
    text = decode(data, name, problems)
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
                                f"a TimelineJS file is a JSON object with 'events'; this is a {jstype(data)}"))
        return None
    if "events" not in data:
        problems.append(Problem(name, None, None, "no 'events': a TimelineJS file lists its slides in 'events'"))
        return None
    events = data["events"]
    if not isinstance(events, list):
        problems.append(Problem(f"{name}, field 'events'", None, None, f"must be a list of slides, not a {jstype(events)}"))
        return None
    slides = []
    for i, ev in enumerate(events):
        w = Where(name, f"slide {i + 1}")
        if not isinstance(ev, dict):
            problems.append(w.problem(None, f"a slide is an object, not a {jstype(ev)}"))
            continue
        slides.append(Slide(ev, w))
    eras = []
    raw_eras = data.get("eras") or []
    if not isinstance(raw_eras, list):
        problems.append(Problem(f"{name}, field 'eras'", None, None, f"must be a list, not a {jstype(raw_eras)}"))
        raw_eras = []
    for i, era in enumerate(raw_eras):
        w = Where(name, f"era {i + 1}")
        if not isinstance(era, dict):
            problems.append(w.problem(None, f"an era is an object, not a {jstype(era)}"))
            continue
        eras.append(Slide(era, w, "era"))
    title = _title_slide(data.get("title"), name, problems)
    scale = data.get("scale") or "human"
    if scale not in ("human", "cosmological"):
        problems.append(Problem(f"{name}, field 'scale'", None, None, f"'{scale}' is neither 'human' nor 'cosmological'"))
        scale = "human"
    return Doc(name, Slide(title, Where(name, "title slide"), "title") if title else None, slides, eras, scale, text)


def _title_slide(title, name: str, problems: list[Problem]) -> dict | None:
    """The title slide. TimelineJS draws a file whose title is a list (as some tools write it): we
    take its first slide. It refuses a title given as text; we take that text as the headline."""
    where = f"{name}, field 'title'"
    if title is None or isinstance(title, dict):
        return title
    if isinstance(title, list):
        first = next((t for t in title if isinstance(t, dict)), None)
        problems.append(Problem(where, None, None, "a list, not a title slide; its first slide is the title"
                                if first else "a list without a slide in it; the timeline has no title slide",
                                "warning"))
        return first
    if isinstance(title, (str, int, float)) and not isinstance(title, bool) and str(title).strip():
        problems.append(Problem(where, None, None, "text, not a title slide; the text is the title", "warning"))
        return {"text": {"headline": str(title)}}
    problems.append(Problem(where, None, None, f"a {jstype(title)}, not a title slide; the timeline has no title",
                            "warning"))
    return None


def read_sheet(text: str, name: str, problems: list[Problem]) -> Doc | None:
    """A sheet CSV (cells separated by commas, or by ';' throughout: see `text.separator`)."""
    sep = separator(text, SHEET_HEADER + SHEET_OPTIONAL + SHEET_V1)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
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
            rec = {h: unmark(cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header) if h}
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


def jstype(v) -> str:
    return {dict: "object", list: "list", str: "string", bool: "true/false", type(None): "null",
            int: "number", float: "number"}.get(type(v), type(v).__name__)


def num(v, where: Where, fld: str, problems, what: str):
    """An integer from a JSON number or a string ('08', '1,815'); None when absent."""
    if v is None or isinstance(v, bool):
        if isinstance(v, bool):   # TimelineJS draws it (as no value): so do we, and say so
            problems.append(where.warn(fld, f"{str(v).lower()} is not {what}; it is left out"))
        return None
    if isinstance(v, (int, float)):
        if isinstance(v, float) and not math.isfinite(v):
            problems.append(where.problem(fld, f"'{v}' is not {what}"))
            return None
        if isinstance(v, float) and not v.is_integer():   # TimelineJS reads the whole part (parseInt)
            problems.append(where.warn(fld, f"{v} is not {what}; read as {int(v)}"))
        return int(v)
    if isinstance(v, str):
        s = re.sub(r"[\s,]+", "", v)
        if s == "":
            return None
        if re.fullmatch(r"[+-]?\d+(\.0*)?", s):
            return int(float(s)) if abs(float(s)) < 1e15 else int(s.split(".")[0])
        problems.append(where.problem(fld, f"'{short(v, 40)}' is not {what}"))
        return None
    problems.append(where.problem(fld, f"a {jstype(v)} is not {what}"))
    return None
