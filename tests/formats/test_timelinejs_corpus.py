"""Real-world TimelineJS shapes (tests/fixtures/timelinejs/corpus/): we load what TimelineJS renders.

Each fixture holds one shape found in files people made with other tools. What the real TimelineJS
3.9.11 does with it was checked in Chromium (tests/formats/test_timelinejs_corpus_browser.py does it again):
whatever it draws, we load, with a warning for each thing dropped or guessed; what it refuses we
may refuse, naming file, slide and field. `validate` prints the warnings and exits 0.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import timeline
from timeline import ValidationError, cli

from ..timelinejs_corpus import CASES, CORPUS, Loads, Refused  # noqa: F401



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
