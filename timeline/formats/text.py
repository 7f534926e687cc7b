"""Text helpers every format shares: decoding bytes, checking a header, cutting a value for a message."""
from __future__ import annotations

import csv
import re

from ..problems import Problem, suggest

URL = re.compile(r"^https?://[^\s<>\"']+$", re.I)

# The formula-as-text rule, in one place. A cell a spreadsheet would run as a formula when the file
# is opened (CSV injection) is refused when read (FORMULA), unless marked as text with a leading '
# (what `neutralise_formula` writes, and `unmark` reads back).
FORMULA = re.compile(r"^\s*[=+\-@]\s*[A-Za-z_][A-Za-z0-9_.]*\s*[(|!]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(cell: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (CSV injection): prefix it with '.

    Negative numbers and dates before the common era ('-500') stay as they are.
    """
    if cell and cell[0] in FORMULA_START:
        body = cell[1:] if cell[0] == "-" else None
        if body is not None and body.replace(".", "", 1).isdigit():
            return cell
        return "'" + cell
    return cell


def unmark(cell: str) -> str:
    """A cell marked as text the way our files mark formula-like text ("'=…", see
    `neutralise_formula`), as it was written; any other cell as it is."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] != "" and cell[1] in FORMULA_START else cell


def separator(text: str, names) -> str:
    """',' or, for a file whose header only reads as known column `names` when split at ';' (what
    Excel saves in much of Europe), ';'."""
    first = text.split("\n", 1)[0]
    try:
        commas = next(csv.reader([first]), [])
        semis = next(csv.reader([first], delimiter=";"), [])
    except csv.Error:
        return ","
    known = set(names)
    if len(semis) > 1 and sum(h.strip() in known for h in semis) > max(1, sum(h.strip() in known for h in commas)):
        return ";"
    return ","


def decode(data: bytes, file: str, problems: list[Problem]) -> str | None:
    """UTF-8 text (a BOM is allowed); bad bytes are reported with their row."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        problems.append(Problem(file, 1, None, "bad encoding: the file is UTF-16; save it as UTF-8"))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        row = data[: e.start].count(b"\n") + 1
        guess = ""
        try:
            data.decode("cp1252")
            guess = " It looks like Windows-1252 / Latin-1: save the file as UTF-8."
        except UnicodeDecodeError:
            pass
        problems.append(Problem(file, row, None,
                                f"bad encoding: byte 0x{data[e.start]:02x} at offset {e.start} is not UTF-8.{guess}"))
        return None


def check_header(header: list[str], file: str, problems: list[Problem], *, known, required,
                 shown=None, missing_fix: str, trailing_blank_ok: bool = False) -> bool:
    """Report unknown (with the closest known name), repeated and missing columns; True if any.

    `shown`: the names to list in the message (default `known`); `trailing_blank_ok`: a
    spreadsheet's trailing comma (an empty last header cell) is not a column.
    """
    shown = list(known) if shown is None else list(shown)
    bad = False
    for i, h in enumerate(header):
        if h not in known:
            if trailing_blank_ok and not h and i == len(header) - 1:
                continue
            problems.append(Problem(file, 1, h or f"#{i + 1}",
                                    f"unknown column '{h}'{suggest(h, shown)}; columns are: {', '.join(shown)}"))
            bad = True
        elif header.index(h) != i:
            problems.append(Problem(file, 1, h, "the column appears twice"))
            bad = True
    for name in required:
        if name not in header:
            problems.append(Problem(file, 1, name, f"missing column '{name}': {missing_fix}"))
            bad = True
    return bad


def short(value: str, n: int = 60) -> str:
    s = str(value)
    return s if len(s) <= n else s[:n] + "…"
