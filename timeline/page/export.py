"""The offline file: one self-contained HTML document of a view (the chart, or in story mode the
story page), written atomically (`timeline export html`)."""
from __future__ import annotations

from pathlib import Path

from .. import files
from ..model import Dataset
from ..view import View
from . import story
from .document import document


def build(dataset: Dataset, view: View | None = None) -> str:
    """The self-contained offline HTML file for a view (in story mode, the story page), as text."""
    if view is not None and view.story_mode:
        return story.document(dataset, view, offline=True)
    return document(dataset, view or View(), offline=True)


def export_file(dataset: Dataset, view: View | None, out: str | Path, force: bool = False) -> Path:
    """Write the offline file atomically; raises `timeline.files.WouldOverwrite` unless `force`."""
    files.check_target(out, force)   # fail before the (slow) build
    return files.write_text(out, build(dataset, view), force=force)
