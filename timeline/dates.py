"""Dates that keep their precision and their uncertainty.

A historical record rarely says "12:00 on 2018-03-01" when it means "March 2018". `FuzzyDate`
keeps what was written: the precision (day, month, year), a qualifier (circa, before, after,
between) and the interval of instants it may stand for, as float days since 1970-01-01
(proleptic Gregorian), which also works for dates before the common era and for deep time.

Parsing goes through python-dateutil for ordinary dates. To learn which parts were written,
the text is parsed twice with two different defaults: a part that follows the default was not
in the text. EDTF (ISO 8601-2: `1969-07~`, `2018?`, `2017-12-05/2017-12-09`, `../2018-04`) is
read with the `edtf` package and mapped onto the same precisions and qualifiers (`dates_edtf`).

Nothing is guessed: a day/month order that could be read both ways (`07/08/1969`), a two-digit
year (`7/20/69`, `Jul-69`) and a time of day (which would be lost) are refused with the text
to write instead.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from dateutil import parser as _du

from . import dates_edtf
from . import i18n

PRECISIONS = ("day", "month", "year")
QUALIFIERS = ("", "circa", "before", "after", "between")

DAYS_PER_YEAR = 365.2425
_EPOCH_ORDINAL = _dt.date(1970, 1, 1).toordinal()
_DEFAULT_A = _dt.datetime(1, 1, 1)
_DEFAULT_B = _dt.datetime(2, 2, 2)

_CIRCA = re.compile(r"^\s*(?:c\.|ca\.|circa|~|about)\s*(.+?)\s*$", re.I)
_CIRCA_SUFFIX = re.compile(r"^\s*(.+?)\s*~\s*$")
_BEFORE = re.compile(r"^\s*(?:before|<)\s*(.+?)\s*$", re.I)
_AFTER = re.compile(r"^\s*(?:after|>)\s*(.+?)\s*$", re.I)
_BETWEEN = re.compile(r"^\s*(.+?)\s*\.\.\s*(.+?)\s*$")
_ISO = re.compile(r"^\s*(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")
_BIG_YEAR = re.compile(r"^\s*(-?\d+)\s*$")
_NUMERIC = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d+)$")      # 07/08/1969, 31.12.2018, 7-20-69
_NUMERIC_YMD = re.compile(r"^(\d{4})([/.])(\d{1,2})\2(\d{1,2})$")  # 1969/07/20
_TIME = re.compile(r"(?:T|\b)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?(?:Z|[+-]\d{2}:?\d{2})?")
_EDTF = re.compile(r"^[-0-9X?~%/.\[\]{},YES+ ]+$")
_EDTF_MARK = re.compile(r"[?%/X\[{]|^Y|.~.")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
_MONTH_NAMES_NL = {
    "januari": "January", "februari": "February", "maart": "March", "april": "April",
    "mei": "May", "juni": "June", "juli": "July", "augustus": "August",
    "september": "September", "oktober": "October", "november": "November", "december": "December",
}


class DateError(ValueError):
    """A date that cannot be read; the message says what was written and what is accepted."""


HELP = ("write YYYY-MM-DD, YYYY-MM or YYYY, optionally 'c. ', 'before ', 'after ' or 'A..B' "
        "(or EDTF: 2018?, 1969-07~, 2017-12-05/2017-12-09, ../2018-04)")


@dataclass(frozen=True)
class Point:
    """One written date at its precision, without qualifier."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def lo(self) -> float:
        """First instant this date may stand for, in days since 1970-01-01."""
        return _days(self.year, self.month or 1, self.day or 1)

    def hi(self) -> float:
        """Instant just past the last one it may stand for (exclusive)."""
        if self.day:
            return self.lo() + 1
        if self.month:
            y, m = (self.year + 1, 1) if self.month == 12 else (self.year, self.month + 1)
            return _days(y, m, 1)
        return _days(self.year + 1, 1, 1)

    def iso(self) -> str:
        if self.day:
            return f"{_year_str(self.year)}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{_year_str(self.year)}-{self.month:02d}"
        return _year_str(self.year)


@dataclass(frozen=True)
class FuzzyDate:
    """A date as a record gives it: precision, qualifier and the interval it covers."""

    point: Point
    qualifier: str = ""
    upper: Point | None = None  # the latest bound of a 'between' date

    @property
    def precision(self) -> str:
        return self.point.precision

    @property
    def year(self) -> int:
        return self.point.year

    @property
    def uncertain(self) -> bool:
        return self.qualifier != ""

    def lo(self) -> float:
        """Earliest instant, days since 1970-01-01; -inf for 'before'."""
        if self.qualifier == "before":
            return float("-inf")
        if self.qualifier == "circa":
            return self.point.lo() - _circa_margin(self.point)
        return self.point.lo()

    def hi(self) -> float:
        """Latest instant (exclusive), days since 1970-01-01; +inf for 'after'."""
        if self.qualifier == "after":
            return float("inf")
        if self.qualifier == "between" and self.upper is not None:
            return self.upper.hi()
        if self.qualifier == "circa":
            return self.point.hi() + _circa_margin(self.point)
        return self.point.hi()

    def anchor(self) -> float:
        """Where to draw it: the start of the written date (the bound for before/after)."""
        return self.point.lo()

    def anchor_end(self) -> float:
        """Where a span ending at this date stops: the end of the written date."""
        if self.qualifier == "between" and self.upper is not None:
            return self.upper.hi()
        return self.point.hi()

    def canonical(self) -> str:
        """The normal written form, which parses back to an equal FuzzyDate."""
        text = self.point.iso()
        if self.qualifier == "circa":
            return f"c. {text}"
        if self.qualifier in ("before", "after"):
            return f"{self.qualifier} {text}"
        if self.qualifier == "between" and self.upper is not None:
            return f"{text}..{self.upper.iso()}"
        return text

    def label(self, lang: str = "en") -> str:
        """Human label at the written precision: '12 Jun 2018', 'Mar 2018', 'c. 2018'."""
        text = _label_point(self.point, lang)
        words = i18n.words(lang)
        if self.qualifier == "circa":
            return f"{words['circa']} {text}"
        if self.qualifier in ("before", "after"):
            return f"{words[self.qualifier]} {text}"
        if self.qualifier == "between" and self.upper is not None:
            return f"{words['between']} {text} {words['and']} {_label_point(self.upper, lang)}"
        return text

    def __str__(self) -> str:
        return self.canonical()


def _label_point(p: Point, lang: str) -> str:
    words = i18n.words(lang)
    year = f"{_big(-p.year, words)} {words['bce']}" if p.year < 0 else _big(p.year, words)
    if p.day:
        return f"{p.day} {words['months'][p.month - 1]} {year}"
    if p.month:
        return f"{words['months'][p.month - 1]} {year}"
    return year


def _big(year: int, words: dict) -> str:
    if abs(year) >= 1_000_000:
        scale, word = (1e9, "billion") if abs(year) >= 1_000_000_000 else (1e6, "million")
        return f"{year / scale:g}".replace(".", words["decimal"]) + f" {words[word]}"
    return str(year)


def _year_str(year: int) -> str:
    """The year as written back: 1..99 with four digits (0069), as a two-digit year is refused."""
    return f"{year:04d}" if 0 < year < 100 else str(year)


def _circa_margin(p: Point) -> float:
    """How far 'circa' widens a date: a week for a day, a month for a month, a year for a year."""
    return {"day": 7.0, "month": 31.0, "year": DAYS_PER_YEAR}[p.precision]


def _days(year: int, month: int, day: int) -> float:
    if 1 <= year <= 9999:
        return float(_dt.date(year, month, day).toordinal() - _EPOCH_ORDINAL)
    # Outside the range of datetime.date: year precision is all that is kept, as decimal years.
    return (year - 1970) * DAYS_PER_YEAR + (month - 1) * 30.436875 + (day - 1)


def days_to_year(days: float) -> float:
    """Days since 1970-01-01 as a decimal year (for a numeric year axis)."""
    return 1970 + days / DAYS_PER_YEAR


def days_to_datetime(days: float) -> _dt.datetime:
    return _dt.datetime(1970, 1, 1) + _dt.timedelta(days=days)


def _point(text: str, original: str) -> Point:
    m = _ISO.match(text)
    if m:
        if len(m.group(1)) == 2 and m.group(1).isdigit():
            _two_digit_year(m.group(1), original)
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        month = int(month) if month else None
        day = int(day) if day else None
        _check(year, month, day, original)
        return Point(year, month, day)
    m = _BIG_YEAR.match(text)
    if m:
        return Point(int(m.group(1)))
    return _parse_words(text, original)


def _check(year: int, month: int | None, day: int | None, original: str) -> None:
    if year == 0:
        raise DateError(f"'{original}': there is no year 0 (1 BCE is -1)")
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"'{original}': month {month} does not exist; {HELP}")
    if day is not None:
        if not 1 <= year <= 9999:
            raise DateError(f"'{original}': days are only kept for years 1..9999; write the year alone")
        try:
            _dt.date(year, month, day)
        except ValueError:
            raise DateError(f"'{original}': day {day} does not exist in {year}-{month:02d}; {HELP}") from None


def _parse_words(text: str, original: str) -> Point:
    """Dates with month names ('12 June 2018', '12 juni 2018', 'June 2018') via dateutil."""
    words = text
    for nl, en in _MONTH_NAMES_NL.items():
        words = re.sub(rf"\b{nl}\b", en, words, flags=re.I)
    try:
        a = _du.parse(words, default=_DEFAULT_A, fuzzy=False)
        b = _du.parse(words, default=_DEFAULT_B, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        raise DateError(f"'{original}' is not a date; {HELP}") from None
    if a.year != b.year:
        raise DateError(f"'{original}' has no year; {HELP}")
    if str(a.year) not in re.findall(r"\d+", words):
        _two_digit_year(str(a.year)[-2:], original)
    month = a.month if a.month == b.month else None
    day = a.day if a.day == b.day and month is not None else None
    return Point(a.year, month, day)


def _two_digit_year(yy: str, original: str) -> None:
    raise DateError(f"'{original}' has a two-digit year ({yy}), which could be 19{yy}, 20{yy} or the year {int(yy)}: "
                    f"write the year in full (19{yy}, 20{yy}, or 00{yy} for the year {int(yy)})")


def _refuse_time(s: str, original: str) -> None:
    """A time of day would be dropped (dates are at most day-precise): refuse it, saying what to write."""
    m = _TIME.search(s)
    if m:
        day = s[: m.start()].rstrip(" T,")
        keep = f"write {day}" if day else "write the date alone"
        raise DateError(f"'{original}' has a time of day ({m.group(0).lstrip('T').strip()}), which the timeline "
                        f"does not keep (dates are at most day-precise): {keep} and put the time in "
                        "display_date or the summary")


def _numeric(s: str, original: str, month_first: bool = False) -> Point | None:
    """31/12/2018, 12/31/2018, 1969/07/20: read only when just one day/month order is a real date
    (or, with `month_first`, as a TimelineJS sheet means it: month/day/year, as JavaScript reads it)."""
    m = _NUMERIC_YMD.match(s)
    if m:
        year, month, day = int(m.group(1)), int(m.group(3)), int(m.group(4))
        _check(year, month, day, original)
        return Point(year, month, day)
    m = _NUMERIC.match(s)
    if not m:
        return None
    a, b, year_text = int(m.group(1)), int(m.group(3)), m.group(4)
    if len(year_text) != 4:
        raise DateError(f"'{original}' has a two-digit year, which could be 19.., 20.. or the first century: "
                        "write the date as YYYY-MM-DD, with the year in full")
    year = int(year_text)
    if month_first:
        _check(year, a, b, original)
        return Point(year, a, b)
    if a <= 12 and b <= 12 and a != b:
        raise DateError(f"'{original}' can be read two ways: {a} {_MONTHS_EN[b - 1]} {year} (day first) or "
                        f"{b} {_MONTHS_EN[a - 1]} {year} (month first); write {year}-{b:02d}-{a:02d} or "
                        f"{year}-{a:02d}-{b:02d}")
    if a > 12 and b > 12:
        raise DateError(f"'{original}' is not a date: neither {a} nor {b} is a month; {HELP}")
    day, month = (a, b) if a > 12 or a == b else (b, a)
    _check(year, month, day, original)
    return Point(year, month, day)


def parse(text: str, month_first: bool = False) -> FuzzyDate:
    """Read a written date; raise DateError with a message that says what is accepted.

    `month_first`: read 7/8/1969 as 8 July (a TimelineJS sheet's convention); by default a
    day/month order that could be read both ways is refused.
    """
    if text is None:
        raise DateError(f"empty date; {HELP}")
    original = str(text)
    s = original.strip()
    if not s:
        raise DateError(f"empty date; {HELP}")
    _refuse_time(s, original)
    numeric = _numeric(s, original, month_first)
    if numeric is not None:
        return FuzzyDate(numeric)
    if _EDTF.match(s) and _EDTF_MARK.search(s):
        return _from_edtf(s, original)
    for pattern, qualifier in ((_CIRCA, "circa"), (_BEFORE, "before"), (_AFTER, "after")):
        m = pattern.match(s)
        if m:
            return FuzzyDate(_point(m.group(1), original), qualifier)
    m = _CIRCA_SUFFIX.match(s)
    if m:
        return FuzzyDate(_point(m.group(1), original), "circa")
    m = _BETWEEN.match(s)
    if m:
        low, high = _point(m.group(1), original), _point(m.group(2), original)
        if high.hi() <= low.lo():
            raise DateError(f"'{original}': the latest bound is before the earliest")
        return FuzzyDate(low, "between", high)
    return FuzzyDate(_point(s, original))


def _from_edtf(s: str, original: str) -> FuzzyDate:
    try:
        qualifier, low, high = dates_edtf.read(s)
    except ValueError as e:
        raise DateError(f"'{original}' {e}" + (f"; {HELP}" if "not a date" in str(e) else "")) from None
    for ymd in (low, high) if high else (low,):
        _check(*ymd, original)
    point = Point(*low)
    if high is None:
        return FuzzyDate(point, qualifier)
    upper = Point(*high)
    if upper.hi() <= point.lo():
        raise DateError(f"'{original}': the latest bound is before the earliest")
    return FuzzyDate(point, "between", upper)


def from_parts(year, month=None, day=None, qualifier: str = "") -> FuzzyDate:
    """Build a date from separate parts (as TimelineJS gives them); numbers may be strings."""
    def num(v):
        if v is None:
            return None
        s = str(v).strip()
        if s == "" or s.lower() == "nan":
            return None
        try:
            return int(float(s))
        except ValueError:
            raise DateError(f"'{v}' is not a number") from None

    y, m, d = num(year), num(month), num(day)
    if y is None:
        raise DateError("a date needs a year")
    if d is not None and m is None:
        raise DateError(f"day {d} without a month")
    original = "-".join(str(x) for x in (y, m, d) if x is not None)
    _check(y, m, d, original)
    return FuzzyDate(Point(y, m, d), qualifier)
