"""The corpus of real-world TimelineJS shapes (tests/fixtures/timelinejs/corpus/) and what each must give."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "fixtures" / "timelinejs" / "corpus"


@dataclass
class Loads:
    events: int
    warnings: list[str] = field(default_factory=list)   # each a part of some warning
    title: str | None = None
    check: dict = field(default_factory=dict)            # column -> values in file order


@dataclass
class Refused:
    problem: str                                          # part of some problem
    timelinejs_refuses: bool = True


CASES = {
    "title-list.json": Loads(2, ["title-list.json, field 'title': a list"], title="A history in a list"),
    # TimelineJS itself refuses a string title; the text is obviously the headline, so we take it
    "title-string.json": Loads(1, ["field 'title': text, not a title slide"], title="A history titled by a string"),
    "numbers-as-strings.json": Loads(3, check={"start": ["1999-03-07", "2000-04", "2001"],
                                               "end": ["", "", "2002"]}),
    "end-without-year.json": Loads(2, ["end-without-year.json, slide 2: end_date has no year; the event has no end"],
                                   check={"kind": ["moment", "moment"], "end": ["", ""]}),
    "end-equals-start.json": Loads(1, check={"kind": ["moment"], "start": ["2000-05-01"], "end": [""]}),
    "missing-start.json": Loads(1, ["missing-start.json, slide 1: no start_date; the slide is left out",
                                    "missing-start.json, slide 3: start_date has no year; the slide is left out"],
                                check={"title": ["Dated"]}),
    "no-dated-slide.json": Refused("no events"),
    "bom-crlf.json": Loads(1, title="Café chronicle", check={"title": ["Ça commence"]}),
    "bom-crlf.csv": Loads(2, ["bom-crlf.csv, row 4, column 'End Year'", "bom-crlf.csv, row 5, column 'Year'"],
                          title="Sheet with a BOM", check={"kind": ["moment", "moment"]}),
    "unknown-fields.json": Loads(1, check={"title": ["Extra fields"]}),
    "display-date-in-end.json": Loads(2, check={"display_date": ["summer 1914 – 11 Nov 1918", "1939 – 1945, at last"]}),
    "duplicate-slides.json": Loads(4, ["duplicate-slides.json, slide 2: the same as slide 1",
                                       "slide 4: unique_id 'same' is also slide 3's"]),
    "odd-dates.json": Loads(6, ["slide 1, field 'start_date.month': '13' is not a month; the date is kept as 2000",
                                "slide 2, field 'start_date.day': 2001-02-30 is not a day; the date is kept as 2001-02",
                                "slide 3, field 'start_date.day': a day without a month; the date is kept as 2002",
                                "slide 4, field 'start_date.hour': 25:00 is not a time of day; the time is left out",
                                "slide 5: end_date is before start_date; the event has no end",
                                "slide 6, field 'start_date.year': there is no year 0; read as 1 BCE (-1)"],
                            check={"start": ["2000", "2001-02", "2002", "2003-01-01", "2004", "-1"],
                                   "kind": ["moment"] * 6}),
    "media-kinds.json": Loads(7, ["slide 3, field 'media.url': not a web address (http or https); the media is left out",
                                  "slide 4, field 'media.url'", "slide 7, field 'media.url'"]),
    "era-without-end.json": Refused("era-without-end.json, era 1, field 'end_date'"),
    "roman-year.json": Refused("roman-year.json, slide 1, field 'start_date.year': 'MMXVIII' is not a year"),
    "bad-scale.json": Refused("bad-scale.json, field 'scale'"),
    "slide-not-object.json": Refused("slide-not-object.json, slide 1: a slide is an object, not a string"),
    "text-not-object.json": Refused("text-not-object.json, slide 1, field 'text'"),
}
