"""EDTF (Library of Congress Extended Date/Time Format, ISO 8601-2) mapped onto the timeline's dates.

`read("1969-07~")` gives `("circa", (1969, 7, None), None)`: a qualifier of `timeline.dates`
and the written date(s) as (year, month, day) with None for what was not written. The text is
parsed with the `edtf` package; this module only maps its result, so `dates` stays the one
place that builds dates (it imports this module, never the other way round).

The mapping, onto the precisions and qualifiers the timeline already has:

- `?` (uncertain), `~` (approximate) and `%` (both), on the whole date or on a part of it: circa.
- `A/B`: between A and B. `../B` or `/B` (open or unknown start): before B. `A/..`, `A/`: after A.
- `X` digits: the precision of what is specified. `2018-XX` is the year 2018, `2018-07-XX` July
  2018; unspecified year digits (`201X`, `19XX`) are the range they allow (2010..2019).
- `Y-170000002`, `Y17E7`: a year outside 1..9999 (year precision).

Seasons (`2018-21`), sets (`[1667,1668]`, `{…}`) and times of day have no counterpart here and
are refused with the text to write instead. Any other error raises `ValueError` with a reason.
"""
from __future__ import annotations

import re

Ymd = tuple[int, int | None, int | None]

_UNCERTAIN = re.compile(r"[?~%]")
# Unspecified digits the package reads correctly: the year's last one or two, a whole month, a whole day.
_X_OK = re.compile(r"^-?(?:\d{4}|\d{3}X|\d{2}XX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?)?$")


def read(text: str) -> tuple[str, Ymd, Ymd | None]:
    """(qualifier, date, upper date for 'between' or None) for an EDTF string; ValueError if not."""
    s = text.strip()
    if s[:1] in "[{":
        raise ValueError("is an EDTF set, which a timeline cannot draw: write the range as A..B "
                         "(for example 1667..1668)")
    if "/" in s:
        return _interval(s)
    lo, hi, circa = _section(s)
    if lo == hi:
        return ("circa" if circa else "", lo, None)
    return ("between", lo, hi)


def _interval(s: str) -> tuple[str, Ymd, Ymd | None]:
    if s.count("/") != 1:
        raise ValueError("is not a date: an EDTF interval has one '/' (2017-12-05/2017-12-09)")
    a, b = (part.strip() for part in s.split("/"))
    start = None if a in ("", "..") else _section(a)
    end = None if b in ("", "..") else _section(b)
    if start is None and end is None:
        raise ValueError("is open at both ends: give at least one date")
    if start is None:
        return ("before", end[1], None)
    if end is None:
        return ("after", start[0], None)
    return ("between", start[0], end[1])


def _section(s: str) -> tuple[Ymd, Ymd, bool]:
    """The earliest and latest written date one EDTF date stands for, and whether it is qualified."""
    circa = bool(_UNCERTAIN.search(s))
    core = _UNCERTAIN.sub("", s)
    if "X" in core and not _X_OK.match(core):
        raise ValueError("has unspecified digits (X) this reader does not handle: "
                         "use X for the last one or two digits of the year, or a whole month or day")
    parsed = _parse(s)
    kind = type(parsed).__name__
    if "Season" in kind:
        raise ValueError("is an EDTF season, which differs by hemisphere: write the months it covers "
                         "as A..B (for example 2018-03..2018-05)")
    if kind not in ("Date", "UncertainOrApproximate", "PartialUncertainOrApproximate", "Unspecified",
                    "LongYear", "ExponentialYear"):
        raise ValueError(f"is EDTF ({kind}) with no counterpart here; write a date, A..B, 'c. ', "
                         "'before ' or 'after '")
    parts = 1 if core.startswith("Y") else len(core.lstrip("-").split("-"))
    written = next((i for i, p in enumerate(core.lstrip("-").split("-")) if "X" in p), parts)
    lo, hi = tuple(parsed.lower_strict())[:3], tuple(parsed.upper_strict())[:3]
    if written == 0:   # X in the year: the range of years it allows
        return (lo[0], None, None), (hi[0], None, None), circa
    return _cut(lo, written), _cut(hi, written), circa


def _cut(ymd: tuple, parts: int) -> Ymd:
    return (int(ymd[0]), int(ymd[1]) if parts >= 2 else None, int(ymd[2]) if parts >= 3 else None)


def _parse(s: str):
    from edtf import parse_edtf   # here, not at import: the grammar takes a moment to build

    try:
        return parse_edtf(s)
    except Exception:   # the package raises its own error, and sometimes others, for bad input
        raise ValueError("is not a date (nor valid EDTF)") from None
