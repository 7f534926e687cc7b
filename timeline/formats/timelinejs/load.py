"""Load or import a TimelineJS file: read, map, and validate with the folder's own checks."""
from __future__ import annotations

from pathlib import Path

from ... import files
from ...model import Dataset
from ...problems import Problem, ValidationError
from .. import folder
from ..folder import folder_files
from ..text import neutralise_formula
from .mapping import to_records
from .read import read_bytes


def parse_bytes(data: bytes, name: str, path: Path | None = None) -> tuple[dict, dict, dict, Dataset]:
    """Read and validate TimelineJS data. Returns (records, meta, seeds, dataset); raises ValidationError."""
    problems: list[Problem] = []
    doc = read_bytes(data, name, problems)
    if doc is None or _errors(problems):
        raise ValidationError(_errors(problems) or [Problem(name, None, None, "unreadable")])
    records, origins, meta, seeds = to_records(doc, problems)
    if _errors(problems):
        raise ValidationError(_errors(problems))
    if not records["events"]:
        raise ValidationError([Problem(name, None, None, "no events: the file has no dated slide")])
    try:
        ds = folder.load_records(as_text_cells(records), meta, seeds, path)
    except ValidationError as e:   # a check our reading did not foresee: say which slide
        raise ValidationError([_origin(p, origins) for p in e.problems]) from None
    ds.warnings = [p for p in problems if p.is_warning]
    return records, meta, seeds, ds


def _errors(problems: list[Problem]) -> list[Problem]:
    """The problems that refuse the file (warnings only say what was dropped or guessed)."""
    return [p for p in problems if not p.is_warning]


def as_text_cells(records: dict) -> dict:
    """Cells marked as text the way our CSV files mark them ('=…' -> "'=…"), so text from a TimelineJS
    file that looks like a spreadsheet formula is kept as text, exactly as the folder we write keeps it."""
    return {t: [{k: neutralise_formula(v) if isinstance(v, str) else v for k, v in r.items()} for r in rows]
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
        if size > folder.MAX_FILE_BYTES:
            raise ValidationError([Problem(p.name, None, None, f"file is {size:,} bytes; the limit is {folder.MAX_FILE_BYTES:,}")])
        data = p.read_bytes()
    except OSError as e:
        raise ValidationError([Problem(str(p), None, None, f"cannot read: {e.strerror or e}")]) from None
    return parse_bytes(data, p.name, p)[3]


def import_file(path, out, force: bool = False) -> Dataset:
    """Import a TimelineJS file into a dataset folder `out`; the folder is validated before it is written."""
    p = Path(path)
    files.check_target(out, force)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise ValidationError([Problem(str(p), None, None, f"cannot read: {e.strerror or e}")]) from None
    records, meta, seeds, parsed = parse_bytes(data, p.name, p)   # raises with every problem
    files.write_folder(out, folder_files(records, meta, seeds), force=force)
    written = folder.load_folder(Path(out))
    written.warnings = parsed.warnings   # what the import dropped or guessed; the folder itself is clean
    return written
