"""Excel workbooks (.xlsx): one sheet per table, a sheet of seed texts, a sheet of dataset.json.

    write(ds, "book.xlsx")              # what `timeline export xlsx` writes
    load_file("book.xlsx")              # what `timeline.load("book.xlsx")` reads, validated
    import_file("book.xlsx", "my-dir")  # a dataset folder, checked before it is written

A Google Sheet downloaded as .xlsx reads the same way. The `seeds` sheet (file, part, text)
carries each seed text, cut into parts below Excel's 32,767 characters per cell, so the quotes
stay verifiable; a carriage return is kept as `_x000D_`, Excel's own escape. The cells we
write are text cells (format `@`), so Excel keeps `2018-03` as written instead of making it a
date; text that a spreadsheet would run as a formula is written with Excel's quote prefix.

Reading: a date cell (a serial number with a date format) is read as the date, at the precision
its format shows (`mmm yyyy` is a month); a plain number in a date column is a year up to 9999,
and an Excel date serial above that. A formula is read as its formula text, never its value.
"""
from __future__ import annotations

import datetime as _dt
import io
import json
from pathlib import Path

import pandas as pd

from .. import files
from ..model import OPTIONAL_TABLES, TABLES, Dataset, marked_actors
from ..problems import Problem, ValidationError, suggest
from . import folder as loader
from .text import check_header, neutralise_formula

SEEDS_SHEET, META_SHEET = "seeds", "dataset"
SEED_COLUMNS, META_COLUMNS = ("file", "part", "text"), ("key", "value")
CELL_LIMIT = 32_000          # Excel keeps at most 32,767 characters in a cell
_MAX_SERIAL = 2_958_465      # 9999-12-31 in Excel's 1900 date system
_CR = "_x000D_"
JSON_KEYS = ("stories",)     # dataset.json keys whose value is an object: JSON text in the cell


def where(book: str, sheet: str) -> str:
    return f"{book} (sheet {sheet})"


# -- reading -------------------------------------------------------------------------------------

def _open(path: Path):
    import openpyxl

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as e:   # a zip or XML error: the file is not a workbook we can read
        raise ValidationError([Problem(path.name, None, None,
                                       f"cannot read it as an Excel workbook (.xlsx): {e}")]) from None


def _sheets(wb) -> dict[str, object]:
    """Sheets by their normalised name: 'Events', ' events ' and 'events.csv' are the events sheet."""
    out = {}
    for ws in wb.worksheets:
        out.setdefault(ws.title.strip().lower().removesuffix(".csv"), ws)
    return out


def _date_text(value, number_format: str) -> str:
    """A date cell at the precision its format shows: 'mmm yyyy' is a month, 'yyyy' a year."""
    if isinstance(value, _dt.datetime) and value.time() != _dt.time(0):
        return value.isoformat(sep=" ", timespec="minutes")   # refused by dates, naming the time
    day = value.date() if isinstance(value, _dt.datetime) else value
    fmt = "".join(part for i, part in enumerate(str(number_format).lower().split('"')) if i % 2 == 0)
    if "d" not in fmt and "y" in fmt:
        return f"{day.year:04d}-{day.month:02d}" if "m" in fmt else f"{day.year:04d}"
    return day.isoformat()


def cell_text(value, number_format: str, is_date_column: bool, epoch) -> str:
    """A cell as the text a CSV file would hold."""
    if value is None:
        return ""
    if isinstance(value, (_dt.datetime, _dt.date)):
        return _date_text(value, number_format)
    if isinstance(value, _dt.time):
        return value.isoformat(timespec="minutes")
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        if is_date_column and 9999 < value <= _MAX_SERIAL:
            from openpyxl.utils.datetime import from_excel

            return _date_text(from_excel(value, epoch), "yyyy-mm-dd")
        return str(int(value)) if float(value).is_integer() else repr(value)
    return str(value)


def _rows(ws, raw: bool = False):
    """(row number, [(value, number format)]) of a sheet's rows. Text that a spreadsheet would run
    as a formula but that is a text cell is marked as text the way our CSV files mark it ('=…);
    a formula cell stays a bare formula, which the loader refuses, naming the cell."""
    for row in ws.iter_rows():
        if row:
            yield row[0].row, [(c.value if raw else _marked(c), getattr(c, "number_format", "General")) for c in row]


def _marked(cell):
    value = cell.value
    if isinstance(value, str) and cell.data_type != "f":
        return neutralise_formula(value.strip())
    return value


def _read_sheet(ws, table, book: str, epoch, problems: list[Problem]):
    """Records (dicts of text) and row numbers of one table's sheet; None if its header is unusable."""
    file = where(book, table.name)
    rows = _rows(ws)
    first = next(rows, None)
    if first is None:
        problems.append(Problem(file, 1, None, f"empty sheet: the first row must be the header ({', '.join(table.names)})"))
        return None
    header = [cell_text(v, "General", False, epoch).strip() for v, _ in first[1]]
    while header and not header[-1]:
        header.pop()
    bad = check_header(header, file, problems, known=table.names,
                              required=[c.name for c in table.columns if c.required],
                              missing_fix="add it to the sheet's first row")
    if bad:
        return None
    dates = {c.name for c in table.columns if c.kind == "date"}
    records, numbers = [], []
    for number, cells in rows:
        texts = [cell_text(v, f, i < len(header) and header[i] in dates, epoch).strip() for i, (v, f) in enumerate(cells)]
        if not any(texts):
            continue
        extra = [t for t in texts[len(header):] if t]
        if extra:
            problems.append(Problem(file, number, None,
                                    f"a value ('{extra[0][:40]}') right of the last column: give the column a header"))
            continue
        records.append({h: (texts[i] if i < len(texts) else "") for i, h in enumerate(header)})
        numbers.append(number)
    return records, numbers


def _read_seeds(ws, book: str, epoch, problems: list[Problem]) -> dict[str, str]:
    parts: dict[str, list[tuple[int, str]]] = {}
    file = where(book, SEEDS_SHEET)
    for number, cells in _rows(ws, raw=True):   # a seed text is kept exactly
        values = [cell_text(v, "General", False, epoch) for v, _ in cells] + ["", "", ""]
        if number == 1:
            if [v.strip() for v in values[:3]] != list(SEED_COLUMNS):
                problems.append(Problem(file, 1, None, f"the first row must be the header {', '.join(SEED_COLUMNS)}"))
                return {}
            continue
        name, part, text = values[0].strip(), values[1].strip() or "1", values[2]
        if not name:
            continue
        if not part.isdigit():
            problems.append(Problem(file, number, "part", f"'{part[:20]}' is not a whole number"))
            continue
        parts.setdefault(name, []).append((int(part), text.replace(_CR, "\r")))
    return {name: "".join(t for _, t in sorted(ps)) for name, ps in parts.items()}


def _read_meta(ws, book: str, epoch, problems: list[Problem]) -> dict:
    meta = {}
    for number, cells in _rows(ws):
        values = [cell_text(v, "General", False, epoch).strip() for v, _ in cells] + ["", ""]
        if number == 1 or not values[0]:
            continue
        if values[0] not in loader.META_KEYS:
            problems.append(Problem(where(book, META_SHEET), number, "key",
                                    f"unknown key '{values[0]}'{suggest(values[0], loader.META_KEYS)}"))
        elif values[0] in JSON_KEYS:
            try:
                meta[values[0]] = json.loads(values[1] or "{}")
            except json.JSONDecodeError as e:
                problems.append(Problem(where(book, META_SHEET), number, "value", f"not valid JSON: {e.msg}"))
        else:
            meta[values[0]] = values[1]
    return meta


def read(path) -> tuple[dict, dict, dict, dict, set, list[Problem]]:
    """(records, row numbers, meta, seeds, tables that could not be read, problems) of a workbook."""
    p = Path(path)
    wb = _open(p)
    problems: list[Problem] = []
    try:
        sheets, epoch = _sheets(wb), wb.epoch
        records, numbers, broken = {}, {}, set()
        for table in TABLES:
            ws = sheets.get(table.name)
            if ws is None:
                if table.name not in OPTIONAL_TABLES:
                    problems.append(Problem(p.name, None, None,
                                            f"missing sheet '{table.name}'{suggest(table.name, sheets)}: "
                                            f"a workbook has one sheet per table ({', '.join(t.name for t in TABLES)})"))
                    broken.add(table.name)
                continue
            got = _read_sheet(ws, table, p.name, epoch, problems)
            if got is None:
                broken.add(table.name)
            else:
                records[table.name], numbers[table.name] = got
        seeds = _read_seeds(sheets[SEEDS_SHEET], p.name, epoch, problems) if SEEDS_SHEET in sheets else {}
        meta = _read_meta(sheets[META_SHEET], p.name, epoch, problems) if META_SHEET in sheets else {}
    finally:
        wb.close()
    return records, numbers, meta, seeds, broken, problems


def _renamed(problems: list[Problem], book: str) -> list[Problem]:
    """The loader names the CSV file of a table; in a workbook, name the sheet."""
    sheet_of = {t.file: t.name for t in TABLES}
    return [Problem(where(book, sheet_of[q.file]), q.row, q.column, q.message) if q.file in sheet_of else q
            for q in problems]


def load_file(path) -> Dataset:
    """`timeline.load('book.xlsx')`: a workbook as a validated Dataset; ValidationError lists every problem."""
    p = Path(path)
    records, numbers, meta, seeds, broken, problems = read(p)
    try:
        ds = loader.load_records(records, meta, seeds, p, numbers, broken=broken)
    except ValidationError as e:
        problems += _renamed(e.problems, p.name)
    if problems:
        raise ValidationError(problems)
    return ds


# -- writing -------------------------------------------------------------------------------------

def _text(value) -> str:
    """A table value as its cell text: ids joined by ';', an empty number (NA) empty."""
    if isinstance(value, tuple):
        return ";".join(value)
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def _put(ws, row: int, col: int, text: str) -> None:
    cell = ws.cell(row=row, column=col)
    cell.value = text
    cell.data_type = "s"          # never a formula, whatever the text starts with
    cell.number_format = "@"      # text: Excel keeps 2018-03 as written
    if neutralise_formula(text) != text:
        cell.quotePrefix = True   # and stays text when the cell is edited


def _sheet(wb, name: str, header, rows) -> None:
    from openpyxl.styles import Font

    ws = wb.create_sheet(name)
    for j, h in enumerate(header, 1):
        _put(ws, 1, j, h)
        ws.cell(row=1, column=j).font = Font(bold=True)
    for i, row in enumerate(rows, 2):
        for j, value in enumerate(row, 1):
            _put(ws, i, j, value)
    ws.freeze_panes = "A2"


def workbook_bytes(ds: Dataset) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for table in TABLES:
        frame = getattr(ds, table.name)
        columns = {c: frame[c].tolist() for c in table.names}
        if "disputed" in frame.columns:   # 'trump?' as written (timeline.model.DISPUTED)
            columns["actors"] = [marked_actors(a, d) for a, d in zip(frame["actors"], frame["disputed"])]
        _sheet(wb, table.name, table.names, [[_text(v) for v in row] for row in zip(*columns.values())])
    seeds = _seed_texts(ds)
    _sheet(wb, SEEDS_SHEET, SEED_COLUMNS,
           [[name, str(k + 1), text[i:i + CELL_LIMIT].replace("\r", _CR)]
            for name, text in seeds.items() for k, i in enumerate(range(0, max(len(text), 1), CELL_LIMIT))])
    _sheet(wb, META_SHEET, META_COLUMNS,
           [[k, json.dumps(v, ensure_ascii=False) if k in JSON_KEYS else v] for k, v in ds.meta.items()])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _seed_texts(ds: Dataset) -> dict[str, str]:
    """Seed file name -> text, for every source with a seed (the dataset keeps them by source id)."""
    names = dict(zip(ds.sources["id"], ds.sources["seed"]))
    return {names[sid]: text for sid, text in ds.seeds.items() if names.get(sid)}


def write(ds: Dataset, out, force: bool = False) -> Path:
    """Write `ds` as an .xlsx workbook (atomic; an existing file only with `force`)."""
    files.check_target(out, force)
    try:
        data = workbook_bytes(ds)
    except ValueError as e:   # openpyxl refuses control characters XML cannot hold
        raise ValidationError([Problem(str(out), None, None, f"cannot be written as a workbook: {e}")]) from None
    return files.write_bytes(out, data, force=force)


def import_file(path, out, force: bool = False) -> Dataset:
    """A workbook as a dataset folder `out`: validated first, then written whole (atomic)."""
    files.check_target(out, force)
    p = Path(path)
    load_file(p)   # raises with every problem; nothing is written
    records, _, meta, seeds, _, _ = read(p)
    files.write_folder(out, loader.folder_files(records, meta, seeds), force=force)
    return loader.load_folder(Path(out))
