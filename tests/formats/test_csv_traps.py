"""Spreadsheet traps in a dataset folder: each gives its one message, never a cascade."""
from __future__ import annotations

import csv
import io

import pytest

import timeline
from timeline import ValidationError

from tests.helpers import mini_tables, to_csv, write_mini


def _problems(folder):
    with pytest.raises(ValidationError) as e:
        timeline.load(folder)
    return e.value.problems


def _semicolons(rows) -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


def test_a_semicolon_separated_file_is_read_like_a_comma_separated_one(tmp_path):
    t = mini_tables()
    expected = timeline.load(write_mini(tmp_path / "commas", t))
    folder = write_mini(tmp_path / "semi", t)
    for name in ("events.csv", "quotes.csv"):
        (folder / name).write_text(_semicolons(t[name]), encoding="utf-8")
    assert '"trump;kim"' in (folder / "events.csv").read_text(encoding="utf-8")
    ds = timeline.load(folder)
    assert ds.events.equals(expected.events) and ds.quotes.equals(expected.quotes)


def test_a_semicolon_header_that_cannot_be_read_names_the_separator(tmp_path):
    t = mini_tables()
    folder = write_mini(tmp_path / "semi", t)
    rows = [list(r) for r in t["actors.csv"]]
    rows[0] = ["ident", "naam", "land", "kleur"]
    (folder / "actors.csv").write_text(_semicolons(rows), encoding="utf-8")
    (p,) = _problems(folder)
    assert p.file == "actors.csv" and p.row == 1 and "';'" in p.message and "comma" in p.message


def test_a_missing_column_gives_one_message(tmp_path):
    t = mini_tables()
    i = t["actors.csv"][0].index("id")
    for r in t["actors.csv"]:
        r.pop(i)
    (p,) = _problems(write_mini(tmp_path / "m", t))
    assert (p.file, p.row, p.column) == ("actors.csv", 1, "id") and "missing column" in p.message


def test_a_windows_1252_file_gives_one_message(tmp_path):
    t = mini_tables()
    t["events.csv"][3][1] = "Hanoï summit"
    folder = write_mini(tmp_path / "m", t)
    (folder / "events.csv").write_bytes(to_csv(t["events.csv"]).encode("cp1252"))
    (p,) = _problems(folder)
    assert p.file == "events.csv" and "Windows-1252" in p.message


def test_a_missing_file_gives_one_message(tmp_path):
    folder = write_mini(tmp_path / "m")
    (folder / "sources.csv").unlink()
    (p,) = _problems(folder)
    assert p.file == "sources.csv" and "missing file" in p.message


def test_an_ambiguous_date_in_a_file_names_both_readings(tmp_path):
    t = mini_tables()
    t["events.csv"][2][3] = "07/08/2017"
    (p,) = _problems(write_mini(tmp_path / "m", t))
    assert (p.file, p.row, p.column) == ("events.csv", 3, "start")
    assert "7 August 2017" in p.message and "8 July 2017" in p.message and "2017-08-07" in p.message


@pytest.mark.parametrize("written, words", [("Jul-69", "two-digit year"), ("1969-07-21 02:56", "time of day")])
def test_other_date_traps_in_a_file(tmp_path, written, words):
    t = mini_tables()
    t["events.csv"][2][3] = written
    (p,) = _problems(write_mini(tmp_path / "m", t))
    assert (p.row, p.column) == (3, "start") and words in p.message


def test_a_semicolon_separated_timelinejs_sheet_is_read(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text('Year;Month;Day;Headline;Text\n1969;7;20;Moon landing;"Eagle; landed"\n', encoding="utf-8")
    ds = timeline.load(path)
    assert list(ds.events["start"]) == ["1969-07-20"] and list(ds.events["title"]) == ["Moon landing"]
