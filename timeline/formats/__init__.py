"""Dataset formats in and out: our dataset folder (`folder`, with `references` for the checks
across tables), Excel workbooks (`xlsx`), TimelineJS JSON and sheet CSV (`timelinejs`), the
quote offsets `validate --fix` writes (`offsets`), the starter folder of `timeline new`
(`scaffold`), and what they share (`text`,
`html_text`). `load` is the one entry point (`timeline.load`).
"""
from __future__ import annotations

from pathlib import Path

from ..model import Dataset
from ..problems import Problem, ValidationError
from ..paths import DEFAULT_DATASET
from . import timelinejs
from .folder import is_dataset_table, load_folder

__all__ = ["load", "DEFAULT_DATASET"]


def load(path: str | Path | None = None) -> Dataset:
    """Load a dataset: a folder in our format, an .xlsx workbook, or a TimelineJS JSON / Google-Sheets CSV file.

    With no path, the bundled Trump–Kim dataset. Raises `ValidationError` listing every problem.
    """
    p = Path(path) if path is not None else DEFAULT_DATASET
    if p.is_file() and p.suffix.lower() == ".csv" and is_dataset_table(p):
        return load_folder(p.parent)   # `--data my/events.csv`: one table of a dataset folder
    if p.is_file() and p.suffix.lower() in (".json", ".csv"):
        return timelinejs.load_file(p)
    if p.is_file() and p.suffix.lower() == ".xlsx":
        from .xlsx import load_file   # here: openpyxl is only imported for a workbook

        return load_file(p)
    if not p.exists():
        raise ValidationError([Problem(str(p), None, None, "no such file or folder")])
    if not p.is_dir():
        raise ValidationError([Problem(str(p), None, None,
                                       "not a dataset folder, an .xlsx workbook, a TimelineJS .json or a sheet .csv")])
    return load_folder(p)
