"""A small valid dataset written as files, for tests that break it one way at a time."""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from timeline.search import matching_mask

ROOT = Path(__file__).resolve().parent.parent
SEED_NAME = "000_b4ec18b8cba0ac6d.txt"
SEED_TEXT = (ROOT / "seeds" / SEED_NAME).read_text(encoding="utf-8")


def _offsets(text: str) -> tuple[str, str]:
    i = SEED_TEXT.index(text)
    return str(i), str(i + len(text))


BOLTON = "Hij dacht dat Kim zijn nieuwe beste vriend was"

MINI = {
    "events.csv": [
        ["id", "title", "kind", "start", "end", "place", "actors", "tags", "phase", "sources", "note"],
        ["rocket-man-phase", "Rocket Man phase", "phase", "2017-08", "2017-11", "", "trump;kim", "", "", "seed", ""],
        ["rocket-man-tweet", "Rocket Man tweet", "moment", "2017-09-17", "", "", "trump", "", "rocket-man-phase", "seed", ""],
        ["hanoi-summit", "Hanoi summit", "span", "2019-02-27", "2019-02-28", "Hanoi", "trump;kim", "summit", "", "seed", ""],
    ],
    "actors.csv": [
        ["id", "name", "country", "colour"],
        ["trump", "Donald Trump", "United States", "#1f77b4"],
        ["kim", "Kim Jong-un", "North Korea", "#c0392b"],
        ["bolton", "John Bolton", "United States", ""],
    ],
    "roles.csv": [
        ["actor", "title", "from", "to", "source"],
        ["bolton", "National Security Adviser", "2018-04-09", "2019-09-10", ""],
    ],
    "sources.csv": [
        ["id", "title", "publisher", "date", "url", "seed", "language"],
        ["seed", "The article", "", "2021-02", "", SEED_NAME, "nl"],
        ["web", "A web page", "BBC", "2021-02-08", "https://www.bbc.co.uk/news/example", "", "en"],
    ],
    "quotes.csv": [
        ["id", "event", "speaker", "text", "language", "translation", "translation_by", "source",
         "start_offset", "end_offset"],
        ["bolton-best-friend", "hanoi-summit", "bolton", BOLTON, "nl", "He thought Kim was his new best friend",
         "ours", "seed", *_offsets(BOLTON)],
    ],
}


def to_csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def write_mini(folder: Path, tables: dict | None = None) -> Path:
    """Write MINI (or `tables`, same shape) as a dataset folder with its seed; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in (tables or MINI).items():
        (folder / name).write_text(to_csv(rows), encoding="utf-8")
    (folder / "seeds").mkdir(exist_ok=True)
    shutil.copy(ROOT / "seeds" / SEED_NAME, folder / "seeds" / SEED_NAME)
    return folder


def mini_tables() -> dict:
    """A deep copy of MINI to change."""
    return {name: [list(r) for r in rows] for name, rows in MINI.items()}


# A dataset with a defined story, for story mode: five events, a story that does not follow
# date order, with step text in English and Dutch, and a second story.
STORY_EVENTS = [
    ["letter", "Letter from Kim", "moment", "2018-05-24", "", "Pyongyang", "kim", "", "", "seed", ""],
    ["dmz-meeting", "Meeting at the DMZ", "moment", "2019-06-30", "", "Panmunjom", "trump;kim", "summit", "", "seed", ""],
]
STORY_CSV = [
    ["story", "step", "event", "text", "text_nl"],
    ["the-summits", "1", "hanoi-summit", "It starts at the end: Hanoi.", "Het begint bij het einde: Hanoi."],
    ["the-summits", "2", "rocket-man-tweet", "Two years earlier, insults.", "Twee jaar eerder: beledigingen."],
    ["the-summits", "3", "letter", "Then letters.", ""],
    ["the-summits", "4", "dmz-meeting", "And a last handshake.", "En een laatste handdruk."],
    ["short", "1", "dmz-meeting", "", ""],
]
STORY_META = {"title": "Story test", "stories": {"the-summits": {"title": "The summits, backwards",
                                                                   "title_nl": "De toppen, achterstevoren"}}}


def story_tables(with_story: bool = True) -> dict:
    """MINI plus two events (letter, dmz-meeting) and, with_story, stories.csv."""
    t = mini_tables()
    t["events.csv"] += [list(r) for r in STORY_EVENTS]
    if with_story:
        t["stories.csv"] = [list(r) for r in STORY_CSV]
    return t


def write_story(folder: Path, with_story: bool = True) -> Path:
    import json

    write_mini(folder, story_tables(with_story))
    (folder / "dataset.json").write_text(json.dumps(STORY_META if with_story else {"title": "Story test"}),
                                         encoding="utf-8")
    return folder


def matching_ids(dataset, text: str) -> list[str]:
    """Ids of the events a search for `text` matches, in dataset order."""
    return dataset.events["id"].to_numpy(dtype=object)[matching_mask(dataset, text)].tolist()
