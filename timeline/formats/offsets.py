"""`timeline validate --fix DIR`: write the quote offsets the loader finds back into quotes.csv.

A quote whose `start_offset` and `end_offset` are empty, and whose text occurs exactly once in
its seed, gets those offsets written into its row. Nothing else in the file changes, byte for
byte: the cells are located in the file's own text (quoting, line endings, a byte-order mark
and every other row stay as they are), and the file is replaced atomically. When the header
has no offset columns, they are added at the end of the header and of the rows filled.
"""
from __future__ import annotations

from pathlib import Path

from .. import files, quotes
from ..model import QUOTES, SOURCES
from ..problems import Problem, ValidationError
from . import folder as loader
from .text import decode, separator, unmark

COLUMNS = ("start_offset", "end_offset")


def csv_cells(text: str, sep: str = ",") -> list[tuple[list[tuple[int, int]], int]]:
    """Each CSV row as ([(start, end) of each raw cell], end of the row before its line break).

    Rows are counted as Python's csv reader counts them (a quoted cell may span lines; a blank
    line is a row), so row k here is spreadsheet row k in the loader's messages.
    """
    rows, i, n = [], 0, len(text)
    while i < n:
        cells = []
        while True:
            start = i
            if i < n and text[i] == '"':
                i += 1
                while i < n and not (text[i] == '"' and text[i + 1:i + 2] != '"'):
                    i += 2 if text[i] == '"' else 1
                i += 1
            while i < n and text[i] not in (sep, "\r", "\n"):
                i += 1
            cells.append((start, i))
            if i < n and text[i] == sep:
                i += 1
                continue
            break
        rows.append((cells, i))
        if text[i:i + 2] == "\r\n":
            i += 2
        elif i < n:
            i += 1
    return rows


def _value(raw: str) -> str:
    raw = raw.strip()
    if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
        raw = raw[1:-1].replace('""', '"')
    return raw.strip()


def _read(path: Path, table, problems: list[Problem]):
    text = decode(path.read_bytes(), table.file, problems)
    if text is None:
        return None, [], []
    records, rows = loader.parse_csv(text, table, problems)
    return text, records, rows


def found_offsets(folder: Path) -> dict[int, tuple[int, int]]:
    """Spreadsheet row of quotes.csv -> (start, end), for each quote with empty offsets found once."""
    problems: list[Problem] = []
    _, sources, _ = _read(folder / SOURCES.file, SOURCES, problems)
    _, records, rows = _read(folder / QUOTES.file, QUOTES, problems)
    if problems:
        raise ValidationError(problems)
    seeds: dict[str, str | None] = {}
    for s in sources:
        p = quotes.seed_path(folder, s.get("seed", ""))
        seeds[s.get("id", "")] = None if p is None else decode(p.read_bytes(), p.name, [])
    out = {}
    for rec, row in zip(records, rows):
        text, seed = unmark(rec.get("text", "")), seeds.get(rec.get("source", ""))
        if rec.get("start_offset") or rec.get("end_offset") or not text or not seed:
            continue
        place, _ = quotes.resolve(text, seed, None, None)
        if place:
            out[row] = place
    return out


def fill(text: str, found: dict[int, tuple[int, int]], sep: str = ",") -> str:
    """`text` (quotes.csv, cells separated by `sep`) with the offsets of `found` written into their rows' empty cells."""
    rows = csv_cells(text, sep)
    header = [_value(text[a:b]) for a, b in rows[0][0]] if rows else []
    edits: list[tuple[int, int, str]] = []
    cols = [header.index(c) if c in header else None for c in COLUMNS]
    if None in cols:   # no offset columns: add both, at the end
        edits.append((rows[0][1], rows[0][1], "".join(f"{sep}{c}" for c in COLUMNS)))
        cols = [len(header), len(header) + 1]
    for number, (cells, end) in enumerate(rows, 1):
        if number not in found:
            continue
        values = dict(zip(cols, (str(v) for v in found[number])))
        for k, (a, b) in enumerate(cells):
            if k in values:
                edits.append((a, b, values.pop(k)))
        if values:
            tail = "".join(sep + values.get(k, "") for k in range(len(cells), max(values) + 1))
            edits.append((end, end, tail))
    for a, b, new in sorted(edits, reverse=True):
        text = text[:a] + new + text[b:]
    return text


def fix_offsets(folder) -> list[int]:
    """Write found offsets into `folder`/quotes.csv (atomic); the spreadsheet rows filled."""
    path = Path(folder) / QUOTES.file
    if not path.is_file():
        return []
    found = found_offsets(Path(folder))
    if not found:
        return []
    data = path.read_bytes()
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    text = fill(text, found, separator(text, QUOTES.names))
    files.write_bytes(path, (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"), force=True)
    return sorted(found)
