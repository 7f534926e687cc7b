"""More of the malformed-file corpus: one case per validation rule that tests/formats/test_folder.py and
tests/formats/test_timelinejs.py did not yet exercise (found by tracing which `Problem(...)` lines
those tests reach). Each file is refused with a ValidationError naming file, row and column.

With the cases there (28 + 14 in test_loader, 12 messy TimelineJS files, the fault cases in
test_hardening_data), the corpus holds over 75 malformed datasets and files.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import timeline
from timeline.problems import ValidationError

from tests.helpers import mini_tables, to_csv, write_mini

HEADER = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background"
BIG = "x" * 200_000   # over the csv module's field limit (131,072 characters)


def _mini(tmp_path: Path, change) -> Path:
    t = mini_tables()
    change(t)
    return write_mini(tmp_path / "ds", t)


def _col(t, table, name):
    return t[table][0].index(name)


def _set(t, table, row, name, value):
    t[table][row][_col(t, table, name)] = value


def _file(tmp_path: Path, name: str, content) -> Path:
    p = tmp_path / name
    p.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return p


def _meta(tmp_path, meta) -> Path:
    folder = write_mini(tmp_path / "ds")
    (folder / "dataset.json").write_text(meta if isinstance(meta, str) else json.dumps(meta), encoding="utf-8")
    return folder


def _roles(t, **values):
    t["roles.csv"][0] += [c for c in ("title_nl",) if c not in t["roles.csv"][0]]
    for k, v in values.items():
        _set(t, "roles.csv", 1, k, v)


def _quote_col(t, name, value):
    if name not in t["quotes.csv"][0]:
        t["quotes.csv"][0].append(name)
        for r in t["quotes.csv"][1:]:
            r.append("")
    _set(t, "quotes.csv", 1, name, value)


CASES = {
    # our folder format
    "header too long for CSV": (lambda d: _mini(d, lambda t: t["actors.csv"][0].append(BIG)),
                                ("actors.csv", 1, None, "unreadable CSV")),
    "cell too long for CSV": (lambda d: _mini(d, lambda t: _set(t, "events.csv", 2, "note", BIG)),
                              ("events.csv", 3, None, "unreadable CSV")),
    "dataset.json not an object": (lambda d: _meta(d, "[1, 2]"), ("dataset.json", 1, None, "must be a JSON object")),
    "dataset.json unknown key": (lambda d: _meta(d, {"titel": "x"}), ("dataset.json", None, "titel", "did you mean 'title'")),
    "dataset.json value not text": (lambda d: _meta(d, {"title": 5}), ("dataset.json", None, "title", "must be text")),
    "list holds a non-id": (lambda d: _mini(d, lambda t: _set(t, "events.csv", 2, "actors", "trump;Kim Jong-un")),
                            ("events.csv", 3, "actors", "is not an id")),
    "phase is its own phase": (lambda d: _mini(d, lambda t: _set(t, "events.csv", 1, "phase", "rocket-man-phase")),
                               ("events.csv", 2, "phase", "its own phase")),
    "role cites an unknown source": (lambda d: _mini(d, lambda t: _roles(t, source="wh-boltn")),
                                     ("roles.csv", 2, "source", "unknown source 'wh-boltn'")),
    "role ends before it starts": (lambda d: _mini(d, lambda t: _roles(t, **{"from": "2019-09-10", "to": "2018-04-09"})),
                                   ("roles.csv", 2, "to", "before it starts")),
    "quote is the original of an unknown quote": (lambda d: _mini(d, lambda t: _quote_col(t, "original_of", "no-such-quote")),
                                                  ("quotes.csv", 2, "original_of", "unknown quote 'no-such-quote'")),
    "translation by neither ours nor a source": (lambda d: _mini(d, lambda t: _set(t, "quotes.csv", 1, "translation_by", "google")),
                                                 ("quotes.csv", 2, "translation_by", "neither 'ours' nor a source id")),
    "path is a plain file": (lambda d: _file(d, "notes.txt", "hello"), ("notes.txt", None, None, "not a dataset folder")),
    # TimelineJS JSON
    "JSON nested too deeply": (lambda d: _file(d, "deep.json", "[" * 100_000 + "]" * 100_000),
                               ("deep.json", None, None, "nested too deeply")),
    "JSON deep, with a NUL to replace": (lambda d: _file(d, "deep0.json", '{"events": [' + "[" * 900 + '"a\\u0000"'
                                                       + "]" * 900 + "]}"),
                                         ("deep0.json", None, None, "nested too deeply")),
    "eras not a list": (lambda d: _file(d, "t.json", json.dumps({"events": [], "eras": {"a": 1}})),
                        ("t.json, field 'eras'", None, None, "must be a list")),
    "unknown scale": (lambda d: _file(d, "t.json", json.dumps({"events": [], "scale": "geological"})),
                      ("t.json, field 'scale'", None, None, "neither 'human' nor 'cosmological'")),
    # TimelineJS sheet CSV
    "sheet empty": (lambda d: _file(d, "s.csv", ""), ("s.csv", 1, None, "empty file")),
    "sheet header too long": (lambda d: _file(d, "s.csv", HEADER + "," + BIG + "\n"), ("s.csv", 1, None, "unreadable CSV")),
    "sheet column twice": (lambda d: _file(d, "s.csv", HEADER + ",Headline\n2000,,,,,,,,,x\n"), ("s.csv", 1, "Headline", "appears twice")),
    "sheet without Year": (lambda d: _file(d, "s.csv", HEADER.replace("Year,", "", 1) + "\n,,,,,,,,x\n"),
                           ("s.csv", 1, "Year", "missing column 'Year'")),
    "sheet cell too long": (lambda d: _file(d, "s.csv", HEADER + "\n2000,,,,,,,,,ok\n2001,,,,,,,,," + BIG + "\n"),
                            ("s.csv", 3, None, "unreadable CSV")),
}


@pytest.mark.parametrize("case", list(CASES))
def test_malformed_file_is_refused_naming_where(tmp_path, case):
    make, (file, row, column, message) = CASES[case]
    path = make(tmp_path)
    with pytest.raises(ValidationError) as e:
        timeline.load(path)
    found = [p for p in e.value.problems if file in p.file and message in p.message]
    assert found, e.value.report()
    assert (found[0].row, found[0].column) == (row, column), e.value.report()


def test_timelinejs_file_over_the_size_limit(tmp_path, monkeypatch):
    from timeline.formats import folder

    monkeypatch.setattr(folder, "MAX_FILE_BYTES", 100)
    p = _file(tmp_path, "t.json", json.dumps({"events": [{"start_date": {"year": 2000}, "text": {"headline": "x" * 200}}]}))
    with pytest.raises(ValidationError, match="the limit is 100"):
        timeline.load(p)


def test_timelinejs_file_that_cannot_be_read(tmp_path, monkeypatch):
    from timeline import cli

    p = _file(tmp_path, "t.json", json.dumps({"events": []}))
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: (_ for _ in ()).throw(PermissionError(13, "Permission denied"))
                        if self.name == "t.json" else real(self))
    with pytest.raises(ValidationError, match="cannot read: Permission denied"):
        timeline.load(p)
    assert cli.main(["import", str(p), "--out", str(tmp_path / "out")]) == 1
    assert not (tmp_path / "out").exists()
