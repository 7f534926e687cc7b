"""Problems found in input, and the error that carries all of them at once.

A problem is an error (the input is refused) or a warning (the input loads, and the warning says
what was dropped or guessed, e.g. "slide 12: end_date has no year; the event has no end"). A loaded
`Dataset` keeps its warnings in `dataset.warnings`; `validate` prints them and still exits 0.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where (file, spreadsheet row, column) and what to do."""

    file: str
    row: int | None
    column: str | None
    message: str
    severity: str = "error"   # error | warning

    @property
    def is_warning(self) -> bool:
        return self.severity == "warning"

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


def warning(file: str, row: int | None, column: str | None, message: str) -> Problem:
    """A problem that does not stop loading: what was dropped or guessed."""
    return Problem(file, row, column, message, "warning")


class ValidationError(Exception):
    """Raised when input has problems; `problems` lists every one, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self, limit: int | None = None) -> str:
        shown = self.problems if limit is None else self.problems[:limit]
        lines = [f"{len(self.problems)} problem{'s' if len(self.problems) != 1 else ''} found:"]
        lines += [f"  {p}" for p in shown]
        if limit is not None and len(self.problems) > limit:
            lines.append(f"  … and {len(self.problems) - limit} more")
        return "\n".join(lines)


def suggest(value: str, candidates) -> str:
    """' (did you mean 'x'?)' for the closest candidate, or ''."""
    close = difflib.get_close_matches(str(value), [str(c) for c in candidates], n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
