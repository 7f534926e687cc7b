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

Parsing never fails: a malformed or unknown value is dropped and its default used, so a
hand-edited or truncated link still opens a working page.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import parse_qs, urlencode

from . import dates

LANGS = ("en", "nl")
MODES = ("any", "all")
KEYS = ("actors", "mode", "from", "to", "event", "q", "lang")
MAX_SEARCH = 200


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


def from_query(query: str | dict | None, *, actors=None, events=None) -> View:
    """A View from a query string ('?a=b&…' or 'a=b&…') or a dict of lists/strings.

    `actors` and `events`, when given, are the known ids: unknown ones are dropped. Anything
    else (a number, a list: what a tampered request may send) is the default view.
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
                       known_actors=actors, known_events=events)


def from_values(*, actors=None, mode=None, start=None, end=None, event=None, search=None, lang=None,
                known_actors=None, known_events=None) -> View:
    """A View from loose values (as callbacks or keyword arguments give them); bad ones are dropped."""
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
    lang = lang if lang in LANGS else "en"
    start, end = _date(start), _date(end)
    if start and end and dates.parse(end).point.hi() <= dates.parse(start).point.lo():
        start = end = None
    event = str(event) if event and isinstance(event, (str, int)) and not isinstance(event, bool) else None
    if event is not None and (len(event) > 200 or (known_events is not None and event not in known_events)):
        event = None
    search = str(search or "").strip()[:MAX_SEARCH]
    return View(tuple(ids), mode, start, end, event, search, lang)


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
