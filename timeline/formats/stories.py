"""stories.csv and the story titles in dataset.json, checked as every table is (timeline.story
reads them): an unknown event, a step number below 1 or used twice in a story, a title for a
story stories.csv does not have, each named by file, row and column."""
from __future__ import annotations

import pandas as pd

from ..problems import Problem, suggest

FILE = "stories.csv"
TITLE_KEYS = ("title", "title_nl")


def validate(table, rows: list[int], event_ids, problems: list[Problem], meta: dict | None = None) -> None:
    """Report unknown events, step numbers below 1 and repeated steps in stories.csv (file, row,
    column), and story titles in dataset.json for stories that are not in stories.csv."""
    seen: dict[tuple[str, int], int] = {}
    for row, sid, step, event in zip(rows, table["story"].tolist(), table["step"].tolist(),
                                     table["event"].tolist()):
        if event and event not in event_ids:
            problems.append(Problem(FILE, row, "event", f"unknown event '{event}'{suggest(event, event_ids)}: "
                                                        "add it to events.csv or fix the id"))
        if step is None or pd.isna(step):   # empty or unreadable: reported by the loader
            continue
        if step < 1:
            problems.append(Problem(FILE, row, "step", f"step {step}: steps are numbered from 1"))
        elif (sid, step) in seen:
            problems.append(Problem(FILE, row, "step", f"story '{sid}' has step {step} already, at row "
                                                       f"{seen[(sid, step)]}: number each step once"))
        else:
            seen[(sid, step)] = row
    titles = (meta or {}).get("stories")
    if isinstance(titles, dict):
        known = set(table["story"].tolist())
        for sid in titles:
            if sid not in known:
                problems.append(Problem("dataset.json", None, f"stories.{sid}",
                                        f"no story '{sid}' in stories.csv{suggest(sid, known)}"))


def check_titles(value, problems: list[Problem]) -> None:
    """"stories": {"<story id>": {"title": "…", "title_nl": "…"}} (timeline.story)."""
    if not isinstance(value, dict):
        problems.append(Problem("dataset.json", None, "stories",
                                'must be an object: {"<story id>": {"title": "…", "title_nl": "…"}}'))
        return
    for sid, entry in value.items():
        where = f"stories.{sid}"
        if not isinstance(entry, dict):
            problems.append(Problem("dataset.json", None, where, 'must be an object: {"title": "…", "title_nl": "…"}'))
            continue
        for k, v in entry.items():
            if k not in TITLE_KEYS:
                problems.append(Problem("dataset.json", None, f"{where}.{k}",
                                        f"unknown key{suggest(k, TITLE_KEYS)}; keys are: title, title_nl"))
            elif not isinstance(v, str):
                problems.append(Problem("dataset.json", None, f"{where}.{k}", "must be text"))
