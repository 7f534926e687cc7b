"""One slide's dates and media, read the way TimelineJS draws them.

TimelineJS 3.9.11 (checked in Chromium, tests/formats/test_timelinejs_corpus_browser.py) skips a slide without
a start_date, draws an empty year as year 0, drops an end date equal to the start, and draws an end
before the start. We load all of these, and say what we dropped or guessed as a warning:
"slide 12: end_date has no year; the event has no end". An era without both dates it refuses, and
so do we.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ... import media
from ...model import MEDIA_KINDS
from ...problems import Problem
from .. import html_text
from .dates import ReadDate, has_no_year, read_date
from .read import Where


@dataclass
class SlideDates:
    start: ReadDate
    end: ReadDate | None
    display: str          # the display_date as TimelineJS would show it ('' when computed)


def _missing(d: dict, key: str) -> bool:
    return key not in d or d.get(key) in (None, "", {})


def _no_year(w: Where, fld: str, consequence: str) -> Problem:
    if w.row is not None:   # a sheet: the cell is named by its column
        return w.warn(f"{fld}.year", f"empty; {consequence}")
    return w.warn(None, f"{fld} has no year; {consequence}")


def _errors(problems: list[Problem]) -> int:
    return sum(1 for p in problems if not p.is_warning)


def read_slide_dates(d: dict, w: Where, problems: list[Problem], era: bool, to_text) -> SlideDates | None:
    """The slide's start and end, or None when the slide is left out (with a warning) or refused."""
    n = _errors(problems)
    if _missing(d, "start_date") or has_no_year(d.get("start_date")):
        if era:
            problems.append(w.problem("start_date", "missing: an era needs a start_date"))
        elif _missing(d, "start_date"):
            problems.append(w.warn("start_date.year" if w.row is not None else None,
                                   "no start_date; the slide is left out (TimelineJS leaves it out too)"
                                   if w.row is None else "empty; the row is left out"))
        else:
            problems.append(_no_year(w, "start_date", "the slide is left out"))
        return None
    start = read_date(d.get("start_date"), w, "start_date", problems)
    end = None
    if not _missing(d, "end_date"):
        if has_no_year(d.get("end_date")):
            if era:
                problems.append(w.problem("end_date", "has no year: an era needs an end_date"))
            else:
                problems.append(_no_year(w, "end_date", "the event has no end"))
        else:
            end = read_date(d.get("end_date"), w, "end_date", problems)
    if era and end is None and _errors(problems) == n:
        problems.append(w.problem("end_date", "missing: an era needs an end_date"))
    if _errors(problems) > n or start is None:
        return None
    if end is not None and not era:
        if end.date.canonical() == start.date.canonical() and end.time == start.time:
            end = None   # TimelineJS drops an end equal to the start: the event is a moment
        elif end.date.anchor_end() < start.date.anchor() or end.date.hi() <= start.date.lo():
            problems.append(w.warn(None, "end_date is before start_date; the event has no end"))
            end = None
    return SlideDates(start, end, _display(d, start, end, to_text))


def _display(d: dict, start: ReadDate, end: ReadDate | None, to_text) -> str:
    """The slide's display_date; else its dates' own display_date, each beside the other's label."""
    def own(obj):
        return to_text(obj.get("display_date")) if isinstance(obj, dict) and isinstance(obj.get("display_date"), str) else ""

    shown = to_text(d["display_date"]) if isinstance(d.get("display_date"), str) else ""
    if shown:
        return shown
    s, e = own(d.get("start_date")), own(d.get("end_date")) if end is not None else ""
    if not s and not e:
        return ""
    if end is None:
        return s
    return f"{s or start.date.label()} – {e or end.date.label()}"


# ----------------------------------------------------------------------------------------------
# Media

_IFRAME_SRC = re.compile(r"<iframe\b[^>]*\bsrc\s*=\s*(['\"])(.*?)\1", re.I | re.S)


def read_media(m: dict, event_id: str, w: Where, problems: list[Problem], to_text) -> dict | None:
    """A slide's media as a media.csv row (or None): web addresses only; an iframe's address is
    kept as a link (nothing from a file ever becomes an iframe); markup (a quote) is not media."""
    url = m.get("url") if isinstance(m.get("url"), str) else ""
    url = url.strip()
    if not url:
        return None
    kind = ""
    if html_text.is_markup(url):
        found = _IFRAME_SRC.search(url)
        if not found:
            return None   # a blockquote or an embed's markup: read as a quote, not as media
        url, kind = html_text.to_text(found.group(2)).strip(), "link"
        if media.is_web_url(url):
            problems.append(w.warn("media.url", "an iframe; its address is kept as a link"))
    if not media.is_web_url(url):
        problems.append(w.warn("media.url", "not a web address (http or https); the media is left out"))
        return None
    thumb = m.get("thumbnail") if isinstance(m.get("thumbnail"), str) else ""
    thumb = thumb.strip()
    if thumb and not media.is_web_url(thumb):
        problems.append(w.warn("media.thumbnail", "not a web address (http or https); the thumbnail is left out"))
        thumb = ""
    own = m.get("kind") if m.get("kind") in MEDIA_KINDS else ""   # our export's, where the guess differs
    return {"event": event_id, "url": url, "kind": kind or own or media.guess_kind(url),
            "caption": to_text(m.get("caption")), "credit": to_text(m.get("credit")),
            "alt": to_text(m.get("alt")), "thumbnail": thumb}

