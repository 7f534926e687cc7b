"""A dataset folder (CSV files and dataset.json), or row records, read into a validated `Dataset`.

Nothing is half-loaded: either every table reads and every cross-reference holds, or
`ValidationError` lists each problem with file, spreadsheet row (header = row 1) and column.
"""
from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .. import dates, media
from . import stories
from ..model import DISPUTED, OPTIONAL_TABLES, SLUG, TABLES, Dataset, Table, split_disputed
from ..problems import Problem, ValidationError, suggest
from .references import AnyId, check_references
from .text import FORMULA, check_header, decode, neutralise_formula, separator, short, unmark

MAX_FILE_BYTES = 200 * 1024 * 1024
META_KEYS = {"title", "title_nl", "description", "description_nl", "language", "scale", "display", "stories"}


@lru_cache(maxsize=65536)
def _parse_date(text: str) -> dates.FuzzyDate:
    return dates.parse(text)


def is_dataset_table(path: Path) -> bool:
    """Whether a .csv file is one of our dataset's tables (events.csv, actors.csv, …), told by its
    header: a table's required columns, all there, or a table's file name without TimelineJS's
    'Headline' column. A TimelineJS sheet has other headers (Year, Month, …, Headline, Text)."""
    try:
        with open(path, "rb") as f:
            first = f.read(64 * 1024).split(b"\n", 1)[0]
        header = {h.strip().lower() for h in next(csv.reader([first.decode("utf-8-sig", "replace")]), [])}
    except (OSError, StopIteration, csv.Error):
        return False
    if any(header >= {c.name for c in table.columns if c.required} for table in TABLES):
        return True
    # events.csv with a column missing is still ours (its folder's load says which column)
    return path.name.lower() in {table.file for table in TABLES} and "headline" not in header


def load_folder(folder: Path) -> Dataset:
    problems: list[Problem] = []
    raw: dict[str, list[dict]] = {}
    rows_of: dict[str, list[int]] = {}
    broken: set[str] = set()   # tables that could not be read: one message each, no follow-on errors
    for table in TABLES:
        before = len(problems)
        records, rownums = _read_table(folder, table, problems)
        raw[table.name], rows_of[table.name] = records, rownums
        if not records and len(problems) > before:
            broken.add(table.name)
    meta = _read_meta(folder, problems)
    tables = _build(raw, rows_of, problems)
    seeds = check_references(folder, tables, rows_of, problems, broken=broken)
    _validate_stories(tables, rows_of, problems, meta, broken)
    media.check(tables["media"], set(tables["events"]["id"]), rows_of["media"], problems)
    if problems:
        raise ValidationError(problems)
    return Dataset(events=tables["events"], actors=tables["actors"], roles=tables["roles"],
                   sources=tables["sources"], quotes=tables["quotes"], meta=meta, seeds=seeds,
                   path=folder, stories=tables["stories"], media=tables["media"])


def load_records(records: dict[str, list[dict]], meta: dict | None = None, seeds: dict[str, str] | None = None,
                 path: Path | None = None, rows: dict[str, list[int]] | None = None,
                 broken=frozenset()) -> Dataset:
    """Build and validate a Dataset from row records (dicts of strings per table, as CSV rows give them).

    The same checks as for a folder. `seeds` maps seed file names to their text (looked up before
    the disk); `path` is the dataset's file or folder (seed files are also looked for beside it);
    `rows` gives each record's row number for problems (default: 2, 3, … as in a CSV file);
    `broken` names tables that could not be read (references to them are not checked).
    """
    problems: list[Problem] = []
    raw = {t.name: list(records.get(t.name, [])) for t in TABLES}
    rows_of = {name: list((rows or {}).get(name) or range(2, len(recs) + 2)) for name, recs in raw.items()}
    tables = _build(raw, rows_of, problems)
    folder = None if path is None else (Path(path) if Path(path).is_dir() else Path(path).parent)
    found = check_references(folder, tables, rows_of, problems, seeds, broken=broken)
    _validate_stories(tables, rows_of, problems, meta, broken)
    media.check(tables["media"], set(tables["events"]["id"]), rows_of["media"], problems)
    if problems:
        raise ValidationError(problems)
    return Dataset(events=tables["events"], actors=tables["actors"], roles=tables["roles"],
                   sources=tables["sources"], quotes=tables["quotes"], meta=dict(meta or {}), seeds=found,
                   path=None if path is None else Path(path), stories=tables["stories"], media=tables["media"])


def _validate_stories(tables, rows_of, problems, meta, broken) -> None:
    events = AnyId() if "events" in broken else set(tables["events"]["id"])
    stories.validate(tables["stories"], rows_of["stories"], events, problems, meta)


def _read_table(folder: Path, table: Table, problems: list[Problem]):
    path = folder / table.file
    if not path.exists():
        if table.name not in OPTIONAL_TABLES:
            problems.append(Problem(table.file, None, None, f"missing file: every dataset has {table.file}"))
        return [], []
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(Problem(table.file, None, None,
                                    f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}"))
            return [], []
        data = path.read_bytes()
    except OSError as e:
        problems.append(Problem(table.file, None, None, f"cannot read: {e.strerror or e}"))
        return [], []
    text = decode(data, table.file, problems)
    if text is None:
        return [], []
    if "\x00" in text:
        row = text[: text.index("\x00")].count("\n") + 1
        problems.append(Problem(table.file, row, None, "NUL character in the file: it is binary or corrupt"))
        return [], []
    return parse_csv(text, table, problems)


def parse_csv(text: str, table: Table, problems: list[Problem]):
    """Rows of a table as dicts of stripped strings, with their spreadsheet row numbers.
    Cells are separated by commas, or throughout by ';' (see `text.separator`)."""
    sep = separator(text, table.names)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    try:
        header = next(reader)
    except StopIteration:
        problems.append(Problem(table.file, 1, None, f"empty file: the first row must be the header ({', '.join(table.names)})"))
        return [], []
    except csv.Error as e:
        problems.append(Problem(table.file, 1, None, f"unreadable CSV: {e}"))
        return [], []
    header = [h.strip() for h in header]
    if len(header) == 1 and ";" in header[0]:
        problems.append(Problem(table.file, 1, None,
                                f"the header is one cell holding ';' ('{short(header[0], 40)}'): separate the cells "
                                f"with commas, or with ';' throughout, under the column names of {table.file}: "
                                f"{', '.join(table.names)}"))
        return [], []
    bad = check_header(header, table.file, problems, known=table.names,
                       required=[c.name for c in table.columns if c.required], missing_fix="add it to the header")
    records, rownums = [], []
    row = 1
    try:
        for cells in reader:
            row += 1
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(header):
                extra = [c for c in cells[len(header):] if c.strip()]
                if extra:
                    what = "a comma" if sep == "," else "';'"
                    problems.append(Problem(table.file, row, None,
                                            f"{len(cells)} cells but {len(header)} columns: quote a cell that holds {what}"))
                    continue
            record = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
            records.append(record)
            rownums.append(row)
    except csv.Error as e:
        problems.append(Problem(table.file, row + 1, None, f"unreadable CSV: {e}"))
    if bad:
        return [], []
    return records, rownums


def _read_meta(folder: Path, problems: list[Problem]) -> dict:
    path = folder / "dataset.json"
    if not path.exists():
        return {}
    text = decode(path.read_bytes(), "dataset.json", problems)
    if text is None:
        return {}
    try:
        meta = json.loads(text)
    except json.JSONDecodeError as e:
        problems.append(Problem("dataset.json", e.lineno, None, f"not valid JSON: {e.msg}"))
        return {}
    if not isinstance(meta, dict):
        problems.append(Problem("dataset.json", 1, None, "must be a JSON object"))
        return {}
    for k, v in meta.items():
        if k not in META_KEYS:
            problems.append(Problem("dataset.json", None, k, f"unknown key{suggest(k, META_KEYS)}"))
        elif k == "stories":
            stories.check_titles(v, problems)
        elif not isinstance(v, str):
            problems.append(Problem("dataset.json", None, k, "must be text"))
    return {k: v for k, v in meta.items() if isinstance(v, str) or (k == "stories" and isinstance(v, dict))}


def _build(raw, rows_of, problems) -> dict[str, pd.DataFrame]:
    out = {}
    for table in TABLES:
        out[table.name] = _frame(table, raw[table.name], rows_of[table.name], problems)
    return out


def _frame(table: Table, records: list[dict], rownums: list[int], problems: list[Problem]) -> pd.DataFrame:
    cols: dict[str, list] = {c.name: [] for c in table.columns}
    date_cols = [c.name for c in table.columns if c.kind == "date"]
    derived: dict[str, list] = {f"{d}_{k}": [] for d in date_cols for k in ("precision", "qualifier", "lo", "hi", "at")}
    seen: dict[str, int] = {}
    disputed: list[tuple[str, ...]] = []   # per row, from a disputable ids column ('trump?')
    for rec, row in zip(records, rownums):
        for c in table.columns:
            value = rec.get(c.name, "")
            text = unmark(value)   # a cell marked as text, as our CSV export writes formula-like text
            if text != value:
                value = text
            elif value and FORMULA.match(value):
                problems.append(Problem(table.file, row, c.name,
                                        f"'{short(value)}' is a spreadsheet formula, which runs when the file is "
                                        "opened in a spreadsheet: start the cell with ' if it is meant as text"))
            if c.needed and not value:
                problems.append(Problem(table.file, row, c.name, f"empty: every {_singular(table.name)} needs a {c.name}"))
            if c.kind == "id" and value and not SLUG.match(value):
                problems.append(Problem(table.file, row, c.name,
                                        f"'{short(value)}' is not an id: use lower-case letters, digits and '-'"))
            if c.kind == "ids":
                parts = tuple(x.strip() for x in value.split(";") if x.strip()) if value else ()
                if c.disputable:
                    parts = _disputable(parts, table.file, row, c.name, problems, disputed)
                if c.ref:
                    for x in parts:
                        if not SLUG.match(x):
                            problems.append(Problem(table.file, row, c.name,
                                                    f"'{short(x)}' is not an id: use lower-case letters, digits and '-'"))
                value = parts
            if c.kind == "enum" and value and value not in c.choices:
                problems.append(Problem(table.file, row, c.name,
                                        f"'{short(value)}' is not one of {', '.join(c.choices)}{suggest(value, c.choices)}"))
            if c.kind == "int":
                if value == "":
                    value = None
                else:
                    try:
                        value = int(value)
                        if value < 0:
                            raise ValueError
                    except ValueError:
                        problems.append(Problem(table.file, row, c.name, f"'{short(value)}' is not a whole number ≥ 0"))
                        value = None
            if c.kind == "date":
                fd = None
                if value:
                    try:
                        fd = _parse_date(value)
                        value = fd.canonical()
                    except dates.DateError as e:
                        problems.append(Problem(table.file, row, c.name, str(e)))
                _derive(derived, c.name, fd)
            cols[c.name].append(value)
        key = rec.get(table.key, "") if table.key else ""
        if key:
            if key in seen:
                problems.append(Problem(table.file, row, table.key,
                                        f"duplicate id '{key}': row {seen[key]} has it already"))
            else:
                seen[key] = row
    frame = {}
    for c in table.columns:
        if c.kind == "ids":
            frame[c.name] = pd.Series(_shared(cols[c.name]), dtype=object)
        elif c.kind == "int":
            frame[c.name] = pd.array(cols[c.name], dtype="Int64")
        else:
            frame[c.name] = pd.Series(cols[c.name] if c.name == table.key else _shared(cols[c.name]), dtype="str")
    if any(c.disputable for c in table.columns):
        frame["disputed"] = pd.Series(_shared(disputed), dtype=object)
    for name, values in derived.items():
        kind = name.rsplit("_", 1)[1]
        frame[name] = pd.Series(values, dtype="float64" if kind in ("lo", "hi", "at") else "str")
    df = pd.DataFrame(frame)
    df.attrs["rows"] = RowNumbers(rownums)
    return df


def _shared(values: list) -> list:
    """`values` with equal values as one object: a table keeps one tuple per distinct list of ids
    and one string per distinct date or name, not one per row (100,000 events: 27 MiB less)."""
    pool: dict = {}
    return [pool.setdefault(v, v) for v in values]


def _disputable(parts, file, row, column, problems, disputed) -> tuple[str, ...]:
    """The ids of a disputable cell without their '?' marks; the marked ones go to `disputed`.

    A mark on nothing ('?') or a doubled one ('trump??') is reported here and left out, so the
    id check does not report it a second time.
    """
    ids, marked = split_disputed(parts)
    keep = []
    for written, x in zip(parts, ids):
        if written.endswith(DISPUTED) and (not x or x.endswith(DISPUTED)):
            problems.append(Problem(file, row, column, f"'{short(written)}' is not an id: mark a disputed "
                                    "involvement with one '?' after the id, as in 'trump?'"))
        else:
            keep.append(x)
    plain = {x for w, x in zip(parts, ids) if not w.endswith(DISPUTED)}
    for x in dict.fromkeys(m for m in marked if m in plain):
        problems.append(Problem(file, row, column,
                                f"'{x}' is listed both as involved and as disputed ('{x}?'): keep one of them"))
    disputed.append(tuple(dict.fromkeys(m for m in marked if m and not m.endswith(DISPUTED))))
    return tuple(keep)


class RowNumbers(tuple):
    """Spreadsheet row numbers of a table's records. Immutable, so a deep copy is the same object:
    pandas deep-copies `attrs` on every row access, which made loading quadratic with a list."""

    def __deepcopy__(self, memo):
        return self


def _derive(derived: dict, col: str, fd: dates.FuzzyDate | None) -> None:
    if fd is None:
        for k in ("precision", "qualifier"):
            derived[f"{col}_{k}"].append("")
        for k in ("lo", "hi", "at"):
            derived[f"{col}_{k}"].append(np.nan)
        return
    derived[f"{col}_precision"].append(fd.precision)
    derived[f"{col}_qualifier"].append(fd.qualifier)
    derived[f"{col}_lo"].append(fd.lo())
    derived[f"{col}_hi"].append(fd.hi())
    derived[f"{col}_at"].append(fd.anchor_end() if col in ("end", "to") else fd.anchor())


def _singular(name: str) -> str:
    return name[:-3] + "y" if name.endswith("ies") else name[:-1]


def folder_files(records: dict, meta: dict, seeds: dict) -> dict[str, bytes]:
    """A dataset folder's files from records, every table (cells as written, formula-like text marked)."""
    out = {}
    for table in TABLES:
        rows = records.get(table.name, [])
        if table.name in OPTIONAL_TABLES and not rows:
            continue
        used = [c.name for c in table.columns if c.required or any(r.get(c.name) for r in rows)]
        buf = io.StringIO(newline="")
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(used)
        for r in rows:
            w.writerow([neutralise_formula(str(r.get(c, "") or "")) for c in used])
        out[table.file] = buf.getvalue().encode("utf-8")
    if meta:
        out["dataset.json"] = (json.dumps(meta, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    for name, text in seeds.items():
        out[f"seeds/{name}"] = text.encode("utf-8")
    return out
