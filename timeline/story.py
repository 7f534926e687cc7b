"""Stories: an ordered walk through a dataset's events, one step per event.

A dataset may define named stories in `stories.csv` (story, step, event, text, text_nl) with
optional titles in `dataset.json` ("stories": {"<id>": {"title": …, "title_nl": …}}). The first
story in stories.csv is the default; a dataset without stories has one implicit story: every
event in date order. The view (`timeline.view`) picks the story (`story=`), the step (`step=N`,
1-based) and where to start without a step (`start=first|latest`); its actor filter and search
narrow the steps, which are then numbered 1..n again.

Pure: no Dash, no markup. The loader checks stories.csv (`timeline.formats.stories`).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .model import Dataset
from .view import View

ALL_EVENTS = ""   # the id of the implicit story (every event in date order)


@dataclass(frozen=True)
class Step:
    """One step: the event it shows and its own text (English, Dutch; either may be '')."""

    event: str
    text: str = ""
    text_nl: str = ""

    def text_in(self, lang: str) -> str:
        return (self.text_nl if lang == "nl" and self.text_nl else self.text) or ""


@dataclass(frozen=True)
class Story:
    id: str                  # ALL_EVENTS for the implicit story
    steps: tuple[Step, ...]
    title: str = ""
    title_nl: str = ""

    def title_in(self, lang: str) -> str:
        return (self.title_nl if lang == "nl" and self.title_nl else self.title) or ""


@dataclass(frozen=True)
class Position:
    """Where a reader is in a story: its (narrowed) steps and the current one (1-based)."""

    story: Story
    number: int              # 1..len(steps); 0 when there are no steps

    @property
    def steps(self) -> tuple[Step, ...]:
        return self.story.steps

    @property
    def total(self) -> int:
        return len(self.story.steps)

    @property
    def step(self) -> Step | None:
        return self.story.steps[self.number - 1] if self.number else None

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if 0 < self.number < self.total else None


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def story_ids(dataset: Dataset) -> tuple[str, ...]:
    """The defined stories, in the order they first appear in stories.csv."""
    return tuple(dict.fromkeys(dataset.stories["story"].tolist()))


def stories(dataset: Dataset) -> tuple[Story, ...]:
    """Every defined story with its steps in step order (none: the dataset defines none)."""
    titles = dataset.meta.get("stories") if isinstance(dataset.meta.get("stories"), dict) else {}
    table = dataset.stories
    out = []
    for sid in story_ids(dataset):
        rows = table[table["story"] == sid].sort_values("step", kind="stable")
        steps = tuple(Step(e, _text(t), _text(tn)) for e, t, tn in
                      zip(rows["event"].tolist(), rows["text"].tolist(), rows["text_nl"].tolist()))
        meta = titles.get(sid) if isinstance(titles.get(sid), dict) else {}
        out.append(Story(sid, steps, _text(meta.get("title")), _text(meta.get("title_nl"))))
    return tuple(out)


def all_events(dataset: Dataset) -> Story:
    """The implicit story: every event in date order (ties keep the file's order)."""
    ev = dataset.events
    order = np.argsort(ev["start_at"].to_numpy(dtype=float), kind="stable")
    ids = ev["id"].to_numpy(dtype=object)[order]
    return Story(ALL_EVENTS, tuple(Step(str(i)) for i in ids))


def story(dataset: Dataset, story_id: str | None = None) -> Story:
    """The story `story_id`, or the default one (the first defined, else every event)."""
    defined = stories(dataset)
    for s in defined:
        if s.id == story_id:
            return s
    return defined[0] if defined else all_events(dataset)


def narrowed(dataset: Dataset, chosen: Story, view: View) -> Story:
    """The story with only the steps whose event the view's actor filter and search let through."""
    from . import filters

    if not view.actors and not view.search:
        return chosen
    mask = filters.visible_mask(dataset, view)
    shown = set(dataset.events["id"].to_numpy(dtype=object)[mask].tolist())
    return Story(chosen.id, tuple(s for s in chosen.steps if s.event in shown), chosen.title, chosen.title_nl)


def position(dataset: Dataset, view: View) -> Position:
    """Where the view is in its story: step=N clamped to 1..n; without a step, the first step
    (or the last with start=latest)."""
    chosen = narrowed(dataset, story(dataset, view.story), view)
    n = len(chosen.steps)
    if n == 0:
        return Position(chosen, 0)
    if view.step is None:
        return Position(chosen, n if view.story_start == "latest" else 1)
    return Position(chosen, min(max(int(view.step), 1), n))


def window(dataset: Dataset, event_id: str, share: float = 0.2) -> tuple[float, float] | None:
    """The range (days) a story's chart shows for a step: centred on the event, `share` of the
    whole dataset wide (at least 60 days, and wide enough for the event itself)."""
    from . import filters

    ev = dataset.events
    lo, hi = filters.extent_days(ev)
    pos = np.flatnonzero(ev["id"].to_numpy(dtype=object) == event_id)
    finite = np.isfinite(lo) & np.isfinite(hi)
    if pos.size == 0 or not finite[pos[0]]:
        return None
    first, last = float(lo[finite].min()), float(hi[finite].max())
    a, b = float(lo[pos[0]]), float(hi[pos[0]])
    width = max((last - first) * share, 60.0, (b - a) * 1.4)
    centre = (a + b) / 2
    return float(np.floor(centre - width / 2)), float(np.ceil(centre + width / 2))
