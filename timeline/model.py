"""The data model in one place: tables, their columns, dtypes and ids.

A `Dataset` holds seven pandas tables (stories and media are optional, like roles and quotes). Each table's columns are declared once here, with
whether the CSV must have the column (`required`), whether a cell may be empty (`needed`), and
the dtype it has in memory. Lists (actors, tags, sources) are tuples of ids in memory and
`;`-separated text in files. Dates are kept as the written text (`start`), its precision and
qualifier, and the interval it covers (`start_lo`/`start_hi`, float days since 1970-01-01;
see `timeline.dates`).
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd


@dataclass(frozen=True)
class Column:
    name: str
    required: bool = False   # the CSV file must have this column
    needed: bool = False     # every row must have a value
    kind: str = "text"       # text | id | ids | date | int | enum
    choices: tuple[str, ...] = ()
    ref: str | None = None   # table the ids refer to
    disputable: bool = False  # ids: an id may end in DISPUTED ('trump?'), see `split_disputed`


@dataclass(frozen=True)
class Table:
    name: str
    file: str
    columns: tuple[Column, ...]
    key: str | None = "id"

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


KINDS = ("moment", "span", "phase")

# An actor id ending in "?" in an events.csv actors cell ('trump?'): that actor's involvement in
# the event is disputed. In memory the id is in `actors` like any other, and also in `disputed`.
DISPUTED = "?"


def split_disputed(parts) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """('trump?', 'kim') -> (('trump', 'kim'), ('trump',)): the ids without the mark, and the marked ones."""
    ids, disputed = [], []
    for x in parts:
        if x.endswith(DISPUTED):
            x = x[: -len(DISPUTED)].rstrip()
            disputed.append(x)
        ids.append(x)
    return tuple(ids), tuple(disputed)


def marked_actors(actors, disputed) -> tuple[str, ...]:
    """The actors cell as written: ('trump', 'kim'), ('trump',) -> ('trump?', 'kim')."""
    marked = set(disputed or ())
    return tuple(a + DISPUTED if a in marked else a for a in (actors or ()))


def disputed_actors(row) -> tuple[str, ...]:
    """The actor ids whose involvement in an event (a row of `Dataset.events`) is disputed."""
    value = row.get("disputed") if hasattr(row, "get") else None
    return tuple(value) if isinstance(value, (tuple, list)) else ()

EVENTS = Table("events", "events.csv", (
    Column("id", True, True, "id"),
    Column("title", True, True),
    Column("title_nl"),
    Column("summary"),
    Column("summary_nl"),
    Column("kind", True, True, "enum", KINDS),
    Column("start", True, True, "date"),
    Column("end", kind="date"),
    Column("display_date"),
    Column("place"),
    Column("actors", True, False, "ids", ref="actors", disputable=True),   # needed, except by a phase
    Column("tags", kind="ids"),
    Column("phase", kind="id", ref="events"),
    Column("sources", True, True, "ids", ref="sources"),
    Column("note"),
    Column("note_nl"),
))

ACTORS = Table("actors", "actors.csv", (
    Column("id", True, True, "id"),
    Column("name", True, True),
    Column("country"),
    Column("colour"),
    Column("description"),
))

ROLES = Table("roles", "roles.csv", (
    Column("actor", True, True, "id", ref="actors"),
    Column("title", True, True),
    Column("title_nl"),
    Column("from", kind="date"),
    Column("to", kind="date"),
    Column("source", kind="id", ref="sources"),
), key=None)

SOURCES = Table("sources", "sources.csv", (
    Column("id", True, True, "id"),
    Column("title", True, True),
    Column("publisher"),
    Column("date", kind="date"),
    Column("url"),
    Column("seed"),
    Column("language"),
))

QUOTES = Table("quotes", "quotes.csv", (
    Column("id", True, True, "id"),
    Column("event", True, True, "id", ref="events"),
    Column("speaker", True, True, "id", ref="actors"),
    Column("text", True, True),
    Column("language", True, True),
    Column("translation"),
    Column("translation_by"),
    Column("source", True, True, "id", ref="sources"),
    Column("start_offset", kind="int"),
    Column("end_offset", kind="int"),
    Column("original_of", kind="id", ref="quotes"),
))

# A story: an ordered walk through events, one step per event (timeline.story).
STORIES = Table("stories", "stories.csv", (
    Column("story", True, True, "id"),
    Column("step", True, True, "int"),
    Column("event", True, True, "id", ref="events"),
    Column("text"),
    Column("text_nl"),
), key=None)

MEDIA_KINDS = ("image", "video", "audio", "tweet", "map", "document", "link")

MEDIA = Table("media", "media.csv", (
    Column("event", True, False, "id", ref="events"),   # empty: the dataset's own (TimelineJS's title slide)
    Column("url", True, True),                          # http(s) only
    Column("kind", kind="enum", choices=MEDIA_KINDS),  # guessed from the url when empty
    Column("caption"),
    Column("credit"),
    Column("alt"),                                      # what an image shows, for screen readers
    Column("thumbnail"),                                # http(s) only
), key=None)

TABLES = (EVENTS, ACTORS, ROLES, SOURCES, QUOTES, STORIES, MEDIA)
OPTIONAL_TABLES = ("roles", "quotes", "stories", "media")
TABLE_BY_NAME = {t.name: t for t in TABLES}

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")

# An actor's colour when actors.csv gives none: IBM Carbon's categorical palette (light theme), made
# so that every colour keeps 3:1 against a white plot (WCAG 2.2 non-text contrast) and neighbours
# stay apart for colour-blind readers. tests/figure/test_contrast.py checks both.
PALETTE = ("#6929c4", "#1192e8", "#005d5d", "#9f1853", "#fa4d56", "#570408", "#198038",
           "#002d9c", "#ee538b", "#b28600", "#009d9a", "#012749", "#8a3800", "#a56eff")


def slugify(text: str, fallback: str = "item") -> str:
    """A stable slug for an id made from text ('Hanoi summit!' -> 'hanoi-summit')."""
    import unicodedata

    s = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")[:60].strip("-")
    return s or fallback


def rows_equal(column: pd.Series, value):
    """Boolean mask (numpy) of `column == value`, compared in place. pandas' own comparison of a
    text column first copies it, taking a reference to each of its strings: in a forked server
    worker that writes to, and so copies, every memory page of the column it shares with the
    other workers. (`to_numpy` of a text column is a view of its objects.)"""
    return column.to_numpy(dtype=object) == value


def empty_frame(table: Table) -> pd.DataFrame:
    dtypes = {"ids": object, "int": "Int64"}
    return pd.DataFrame({c.name: pd.Series([], dtype=dtypes.get(c.kind, "str")) for c in table.columns})


class Seeds(Mapping):
    """Seed texts by source id: a mapping of str to str, like the dict it is built from.

    A long text (LONG characters or more: an imported TimelineJS file is its own seed) is kept
    zlib-compressed as UTF-8 and decoded when it is asked for, which only the source view does.
    A 30 MB import held 57 MiB as a str (one curly quote makes Python store 2 bytes a character)
    and about 4 MiB compressed.
    """

    LONG = 1 << 20

    def __init__(self, texts=()):
        self._texts = {}
        for key, text in dict(texts).items():
            long = isinstance(text, str) and len(text) >= self.LONG
            self._texts[key] = (True, zlib.compress(text.encode("utf-8"), 1)) if long else (False, text)

    def __getitem__(self, key):
        packed, value = self._texts[key]
        return zlib.decompress(value).decode("utf-8") if packed else value

    def __contains__(self, key):
        return key in self._texts

    def __iter__(self):
        return iter(self._texts)

    def __len__(self):
        return len(self._texts)

    def __repr__(self):
        return f"Seeds({list(self._texts)})"


@dataclass
class Dataset:
    """A loaded, validated dataset: seven tables plus metadata, the seed texts and the warnings.

    events  id, title, title_nl, summary, summary_nl, kind, start, end, display_date, place,
            actors (tuple), disputed (tuple: the actors whose involvement is disputed, a subset of
            actors), tags (tuple), phase, sources (tuple), note, note_nl, and for start and end:
            *_precision, *_qualifier, *_lo/*_hi (the interval the date may stand for) and *_at
            (where it is drawn), all float days since 1970-01-01
    actors  id, name, country, colour (always filled), description
    roles   actor, title, title_nl, from, to, source, from_lo, to_hi
    sources id, title, publisher, date, url, seed, language
    quotes  id, event, speaker, text, language, translation, translation_by, source,
            start_offset, end_offset (Int64), original_of
    stories story, step (Int64), event, text, text_nl (in stories.csv order; see timeline.story)
    media   event ('' for the dataset's own), url, kind, caption, credit, alt, thumbnail
    warnings  what loading dropped or guessed (`Problem`s of severity warning)
    """

    events: pd.DataFrame
    actors: pd.DataFrame
    roles: pd.DataFrame
    sources: pd.DataFrame
    quotes: pd.DataFrame
    meta: dict = field(default_factory=dict)
    seeds: dict = field(default_factory=dict)   # source id -> seed text
    path: Path | None = None
    stories: pd.DataFrame = field(default_factory=lambda: empty_frame(STORIES))
    media: pd.DataFrame | None = None
    warnings: list = field(default_factory=list)

    def __post_init__(self):
        if self.media is None:
            self.media = empty_frame(MEDIA)

    def media_for(self, event_id: str) -> pd.DataFrame:
        return self.media[rows_equal(self.media["event"], event_id)]

    def __post_init__(self):
        if not isinstance(self.seeds, Seeds):
            self.seeds = Seeds(self.seeds)

    @property
    def title(self) -> str:
        return self.meta.get("title") or (self.path.name if self.path else "Timeline")

    def title_in(self, lang: str) -> str:
        return self.meta.get(f"title_{lang}") or self.title

    def _first_positions(self, table: str) -> dict:
        """{id: position of its first row} of a table, built once (tables are not changed after
        loading; a replaced table gets a new index). A lookup by id is then O(1), not a scan."""
        frame = getattr(self, table)
        cache = self.__dict__.setdefault("_timeline_positions", {})
        entry = cache.get(table)
        if entry is None or entry[0] is not frame:
            index: dict = {}
            for i, v in enumerate(frame["id"].tolist()):
                index.setdefault(v, i)
            entry = (frame, index)
            cache[table] = entry
        return entry[1]

    def event(self, event_id: str) -> pd.Series | None:
        if not isinstance(event_id, str):   # ids are text; anything else names no event
            return None
        pos = self._first_positions("events").get(event_id)
        return None if pos is None else self.events.iloc[pos]

    def quotes_for(self, event_id: str) -> pd.DataFrame:
        return self.quotes[rows_equal(self.quotes["event"], event_id)]

    def actor_name(self, actor_id: str) -> str:
        pos = self._first_positions("actors").get(actor_id)
        return actor_id if pos is None else self.actors["name"].iat[pos]

    def role_of(self, actor_id: str, when: float, lang: str = "en") -> str:
        """The title an actor held at `when` (days since 1970-01-01), or '' if none is known."""
        roles = self.roles[self.roles["actor"] == actor_id]
        for _, r in roles.iterrows():
            if r["from_lo"] <= when < r["to_hi"]:
                if lang != "en" and isinstance(r.get(f"title_{lang}"), str) and r[f"title_{lang}"]:
                    return r[f"title_{lang}"]
                return r["title"]
        return ""

    def is_deep_time(self) -> bool:
        """True when some date lies outside years 1..9999 and needs a numeric year axis."""
        from .dates import _days

        lo, hi = _days(1, 1, 1), _days(9999, 12, 31)
        ev = self.events
        if ev.empty:
            return False
        return bool((ev["start_at"] < lo).any() or (ev["end_at"] > hi + 1).any())
