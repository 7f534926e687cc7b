"""The view state and its URL query, in one place, so deep links, embeds and exports share it.

    ?actors=trump,kim&mode=all&from=2018-01&to=2019-12&event=hanoi-summit&q=train&lang=nl

| key      | value                                   | default          |
|----------|-----------------------------------------|------------------|
| actors   | actor ids, comma-separated              | all actors       |
| mode     | `any` (an event with any of them) or `all` (with all of them) | any |
| from, to | visible range, dates at any precision   | the whole dataset |
| event    | id of the selected event                | none             |
| q        | search text                             | none             |
| lang     | `en` or `nl`                            | en               |
| mode     | `story`: story mode, one event at a time (the actor filter is then "any of") | |
| story    | id of a story in stories.csv (story mode) | the first story  |
| step     | step number, 1-based (story mode)       | the first step   |
| start    | `first` or `latest`: the step to open without a step (story mode) | first |
| autoplay | seconds per step, 2..600 (story mode)   | off              |

Parsing never fails: a malformed or unknown value is dropped and its default used, so a
hand-edited or truncated link still opens a working page.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import parse_qs, urlencode

from . import dates
from .i18n import lang_or_default
from .model import SLUG

MODES = ("any", "all")
STORY = "story"          # mode=story: story mode (timeline.story)
STARTS = ("first", "latest")
KEYS = ("actors", "mode", "from", "to", "event", "q", "lang", "story", "step", "start", "autoplay")
MAX_SEARCH = 200
MAX_STEP = 1_000_000
AUTOPLAY = (2, 600)      # seconds per step, inclusive


@dataclass(frozen=True)
class View:
    """What a person is looking at: filters, range, selection, search and language."""

    actors: tuple[str, ...] = ()
    mode: str = "any"
    start: str | None = None   # canonical date text, e.g. "2018-01"
    end: str | None = None
    event: str | None = None
    search: str = ""
    lang: str = "en"
    story_mode: bool = False
    story: str | None = None        # a story id; None: the default story
    step: int | None = None         # 1-based; None: per story_start
    story_start: str = "first"      # first | latest
    autoplay: int | None = None     # seconds per step

    def with_(self, **changes) -> "View":
        return replace(self, **changes)

    def to_params(self) -> dict[str, str]:
        """Only the values that differ from the defaults, in a stable order."""
        out: dict[str, str] = {}
        if self.actors:
            out["actors"] = ",".join(self.actors)
        if self.mode != "any":
            out["mode"] = self.mode
        if self.start:
            out["from"] = self.start
        if self.end:
            out["to"] = self.end
        if self.event:
            out["event"] = self.event
        if self.search:
            out["q"] = self.search
        if self.lang != "en":
            out["lang"] = self.lang
        if self.story_mode:
            out["mode"] = STORY
            for key, value in (("story", self.story), ("step", self.step), ("autoplay", self.autoplay)):
                if value is not None:
                    out[key] = str(value)
            if self.story_start != "first":
                out["start"] = self.story_start
        return out

    def to_query(self) -> str:
        """'?actors=…' (or '' for the default view)."""
        params = self.to_params()
        return "?" + urlencode(params, safe=",") if params else ""

    def range_days(self) -> tuple[float | None, float | None]:
        """The visible range in days since 1970-01-01 (start of `from`, end of `to`)."""
        lo = dates.parse(self.start).point.lo() if self.start else None
        hi = dates.parse(self.end).point.hi() if self.end else None
        return lo, hi


def from_query(query: str | dict | None, *, actors=None, events=None, stories=None) -> View:
    """A View from a query string ('?a=b&…' or 'a=b&…') or a dict of lists/strings.

    `actors`, `events` and `stories`, when given, are the known ids: unknown ones are dropped.
    Anything else (a number, a list: what a tampered request may send) is the default view.
    """
    if not query:
        return View()
    if isinstance(query, str):
        try:
            params = parse_qs(query.lstrip("?"), keep_blank_values=False, max_num_fields=50)
        except ValueError:
            return View()
    elif isinstance(query, dict):
        params = query
    else:
        return View()
    one = {k: _first(params.get(k)) for k in KEYS}
    return from_values(actors=one["actors"], mode=one["mode"], start=one["from"], end=one["to"],
                       event=one["event"], search=one["q"], lang=one["lang"],
                       story_mode=one["mode"] == STORY, story=one["story"], step=one["step"],
                       story_start=one["start"], autoplay=one["autoplay"],
                       known_actors=actors, known_events=events, known_stories=stories)


def from_values(*, actors=None, mode=None, start=None, end=None, event=None, search=None, lang=None,
                story_mode=False, story=None, step=None, story_start=None, autoplay=None,
                known_actors=None, known_events=None, known_stories=None) -> View:
    """A View from loose values (as callbacks or keyword arguments give them); bad ones are dropped.

    The story values (story, step, story_start, autoplay) are kept in story mode only.
    """
    if isinstance(actors, str):
        actors = actors.split(",")
    elif not isinstance(actors, (list, tuple, set, frozenset)):
        actors = ()
    ids = []
    for a in actors or ():
        a = str(a).strip()
        if a and a not in ids and (known_actors is None or a in known_actors):
            ids.append(a)
    mode = mode if mode in MODES else "any"
    lang = lang_or_default(lang)
    start, end = _date(start), _date(end)
    if start and end and dates.parse(end).point.hi() <= dates.parse(start).point.lo():
        start = end = None
    event = str(event) if event and isinstance(event, (str, int)) and not isinstance(event, bool) else None
    if event is not None and (len(event) > 200 or (known_events is not None and event not in known_events)):
        event = None
    search = str(search or "").strip()[:MAX_SEARCH]
    view = View(tuple(ids), mode, start, end, event, search, lang)
    if story_mode is True or story_mode == STORY:
        view = view.with_(mode="any", story_mode=True, **_story_values(story, step, story_start, autoplay,
                                                                       known_stories))
    return view


def _story_values(story, step, start, autoplay, known_stories) -> dict:
    story = story if isinstance(story, str) and len(story) <= 200 and SLUG.match(story) else None
    if story is not None and known_stories is not None and story not in known_stories:
        story = None
    step = _whole(step)
    autoplay = _whole(autoplay)
    return {"story": story,
            "step": step if step is not None and 1 <= step <= MAX_STEP else None,
            "story_start": start if start in STARTS else "first",
            "autoplay": autoplay if autoplay is not None and AUTOPLAY[0] <= autoplay <= AUTOPLAY[1] else None}


def _whole(value) -> int | None:
    """A whole number from an int or its decimal digits ('3'); anything else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit() and len(value.strip()) <= 9:
        return int(value.strip())
    return None


def _first(value):
    if isinstance(value, (list, tuple)):
        return value[0] if value else None
    return value


def _date(value) -> str | None:
    if value is None or value == "":
        return None
    s = str(value)[:40]
    if "T" in s:   # plotly relayout gives '2018-03-01 12:00:00' or ISO with a T
        s = s.split("T")[0]
    if " " in s and s[:1].isdigit():
        s = s.split(" ")[0]
    try:
        d = dates.parse(s)
    except dates.DateError:
        return None
    if d.qualifier:
        return None
    return d.point.iso()
