"""TimelineJS date objects (and dates written as text) read at their precision."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ... import dates
from ...problems import Problem
from ..text import short
from .read import Where, jstype, num

_TIME = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*$", re.I)


@dataclass
class ReadDate:
    date: dates.FuzzyDate
    lost: str = ""       # what TimelineJS said that our precision cannot keep
    time: str = ""       # 'HH:MM' when the slide gave a time


def has_no_year(obj) -> bool:
    """A date object whose year is missing or empty (TimelineJS draws it in year 0)."""
    if not isinstance(obj, dict) or "_text" in obj:
        return False
    y = obj.get("year")
    return y is None or isinstance(y, bool) or (isinstance(y, str) and not y.strip(" ,"))


def read_date(obj, where: Where, fld: str, problems: list[Problem]) -> ReadDate | None:
    """A TimelineJS date object at its written precision; problems name the field.

    What TimelineJS draws we read, with a warning for what is dropped or guessed (month 13, 30
    February, a day without a month, year 0, an hour 25); what it refuses (a year that is not a
    number) is an error. A date without a year is the caller's to judge (see `has_no_year`).
    """
    if obj is None or obj == "" or obj == {}:
        return None
    if not isinstance(obj, dict):
        if isinstance(obj, (str, int)) and not isinstance(obj, bool):
            obj = {"_text": str(obj)}   # lenient: '2018-06-12' or 2018
        else:
            problems.append(where.problem(fld, f"a date is an object with a year, not a {jstype(obj)}"))
            return None
    if "_text" in obj:   # old sheets: 'Start Date' as one cell
        return _read_text_date(obj["_text"], where, fld, problems)
    n = len([p for p in problems if not p.is_warning])
    year = num(obj.get("year"), where, f"{fld}.year", problems, "a year")
    month = num(obj.get("month"), where, f"{fld}.month", problems, "a month")
    day = num(obj.get("day"), where, f"{fld}.day", problems, "a day")
    if len([p for p in problems if not p.is_warning]) > n:
        return None
    if year is None:
        problems.append(where.problem(f"{fld}.year", "empty: a date needs a year"))
        return None
    year, month, day = _guess_parts(year, month, day, where, fld, problems)
    lost = ""
    if not 1 <= year <= 9999 and day is not None:
        lost = f"{year}-{month:02d}-{day:02d}"
        day = None
    if not -9999 <= year <= 9999 and month is not None:
        lost = lost or f"{year}-{month:02d}"
        month = None
    try:
        fd = dates.from_parts(year, month, day)
    except dates.DateError:   # 30 February, 31 April: TimelineJS rolls over; we keep the month
        fd = dates.from_parts(year, month, None)
        problems.append(where.warn(f"{fld}.day", f"{year}-{month:02d}-{day:02d} is not a day; "
                                                  f"the date is kept as {fd.canonical()}"))
    time = _read_time(obj, where, fld, problems)
    return ReadDate(fd, lost, time)


def _guess_parts(year: int, month, day, where: Where, fld: str, problems: list[Problem]):
    """Year, month and day as TimelineJS would draw them, each guess said as a warning."""
    if year == 0:
        problems.append(where.warn(f"{fld}.year", "there is no year 0; read as 1 BCE (-1)"))
        year = -1
    if month is not None and not 1 <= month <= 12:
        problems.append(where.warn(f"{fld}.month", f"'{month}' is not a month; the date is kept as {year}"))
        month, day = None, None
    if day is not None and month is None:
        problems.append(where.warn(f"{fld}.day", f"a day without a month; the date is kept as {year}"))
        day = None
    if day is not None and not 1 <= day <= 31:
        problems.append(where.warn(f"{fld}.day", f"'{day}' is not a day; the date is kept as {year}-{month:02d}"))
        day = None
    return year, month, day


def _read_time(obj, where, fld, problems) -> str:
    if obj.get("time"):
        m = _TIME.match(str(obj["time"]))
        if not m:
            problems.append(where.warn(f"{fld}.time", f"'{short(obj['time'], 40)}' is not a time (HH:MM); "
                                                      "the time is left out"))
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
            problems.append(where.warn(f"{fld}.{k}", f"'{short(v, 40)}' is not a number; the time is left out"))
            return ""
    if parts[0] is None:
        return ""
    if not 0 <= parts[0] <= 23 or not 0 <= (parts[1] or 0) <= 59:
        problems.append(where.warn(f"{fld}.hour", f"{parts[0]}:{parts[1] or 0:02d} is not a time of day; "
                                                  "the time is left out"))
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
