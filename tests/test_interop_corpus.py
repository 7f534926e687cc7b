"""Real-world TimelineJS shapes (tests/fixtures/timelinejs/corpus/): we load what TimelineJS renders.

Each fixture holds one shape found in files people made with other tools. What the real TimelineJS
3.9.11 does with it was checked in Chromium (tests/test_interop_corpus_browser.py does it again):
whatever it draws, we load, with a warning for each thing dropped or guessed; what it refuses we
may refuse, naming file, slide and field. `validate` prints the warnings and exits 0.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import timeline
from timeline import ValidationError, cli

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


def test_every_fixture_has_a_case():
    assert sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".json", ".csv")) == sorted(CASES)


def _sorted_by_file_order(ds):
    return ds.events.reset_index(drop=True)


@pytest.mark.parametrize("name", [n for n, c in CASES.items() if isinstance(c, Loads)])
def test_loads_what_timelinejs_renders(name):
    case = CASES[name]
    ds = timeline.load(CORPUS / name)
    assert len(ds.events) == case.events
    warnings = [str(w) for w in ds.warnings]
    for part in case.warnings:
        assert any(part in w for w in warnings), (part, warnings)
    if not case.warnings:
        assert warnings == []
    assert all(w.severity == "warning" for w in ds.warnings)
    if case.title is not None:
        assert ds.title == case.title
    ev = _sorted_by_file_order(ds)
    for col, values in case.check.items():
        assert [("" if v is None or v != v else v) for v in ev[col]] == values, col


@pytest.mark.parametrize("name", [n for n, c in CASES.items() if isinstance(c, Refused)])
def test_refuses_only_what_timelinejs_refuses_naming_where(name):
    with pytest.raises(ValidationError) as e:
        timeline.load(CORPUS / name)
    problems = [str(p) for p in e.value.problems]
    assert any(CASES[name].problem in p for p in problems), problems
    assert all(p.severity == "error" for p in e.value.problems)


def test_validate_prints_warnings_and_exits_0(capsys):
    assert cli.main(["validate", str(CORPUS / "end-without-year.json")]) == 0
    out = capsys.readouterr()
    text = out.out + out.err
    assert "ok: " in text
    assert "warning: end-without-year.json, slide 2: end_date has no year; the event has no end" in text


def test_import_keeps_warnings_out_of_the_folder_but_says_them(tmp_path, capsys):
    out = tmp_path / "ds"
    assert cli.main(["import", str(CORPUS / "odd-dates.json"), "--out", str(out)]) == 0
    text = capsys.readouterr()
    assert "is not a month" in text.out + text.err
    ds = timeline.load(out)          # the folder we wrote is clean: the guesses are made, no warning left
    assert ds.warnings == []
    assert len(ds.events) == 6


def test_duplicate_slides_get_distinct_ids():
    ds = timeline.load(CORPUS / "duplicate-slides.json")
    assert ds.events["id"].is_unique
    assert "same" in set(ds.events["id"])


def test_title_list_keeps_its_text():
    ds = timeline.load(CORPUS / "title-list.json")
    assert ds.meta.get("description") == "The title slide came as a list."


def test_a_big_messy_file_loads_with_one_warning_per_cause(tmp_path):
    """A community history of 648 slides with the shapes above mixed in loads; warnings name each slide."""
    events = []
    for i in range(648):
        ev = {"start_date": {"year": str(1900 + i % 120), "month": "" if i % 3 else str(1 + i % 12), "day": ""},
              "text": {"headline": f"Event {i}", "text": f"<p>Text {i} &amp; more</p>"}, "unique_id": f"e{i}",
              "extra": {"x": i}}
        if i % 50 == 7:
            ev["end_date"] = {"year": "", "month": "3"}
        if i % 100 == 9:
            del ev["start_date"]
        events.append(ev)
    p = tmp_path / "history.json"
    p.write_text(json.dumps({"title": [{"text": {"headline": "Community history"}}], "events": events}), encoding="utf-8")
    ds = timeline.load(p)
    dropped = sum(1 for i in range(648) if i % 100 == 9)
    assert len(ds.events) == 648 - dropped
    no_end = [str(w) for w in ds.warnings if "end_date has no year" in str(w)]
    assert len(no_end) == sum(1 for i in range(648) if i % 50 == 7 and i % 100 != 9)
    assert ds.title == "Community history"
