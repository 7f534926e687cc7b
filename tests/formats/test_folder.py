"""Loading and validation: every class of bad input is refused with file, row and column named."""
from __future__ import annotations

import subprocess
import sys

import pytest

import timeline
from timeline import ValidationError

from tests.helpers import BOLTON, ROOT, SEED_TEXT, mini_tables, to_csv, write_mini


def _set(tables, file, row, column, value):
    header = tables[file][0]
    tables[file][row - 1][header.index(column)] = value


def _drop(tables, file, column):
    i = tables[file][0].index(column)
    for r in tables[file]:
        r.pop(i)


def _problems(folder):
    with pytest.raises(ValidationError) as info:
        timeline.load(folder)
    return info.value.problems


def _one(problems, file, row, column):
    hits = [p for p in problems if p.file == file and p.row == row and p.column == column]
    assert hits, f"no problem at {file} row {row} column {column}; got: {[str(p) for p in problems]}"
    return hits[0]


def test_mini_dataset_is_valid(tmp_path):
    ds = timeline.load(write_mini(tmp_path / "ok"))
    assert list(ds.events["id"]) == ["rocket-man-phase", "rocket-man-tweet", "hanoi-summit"]
    assert ds.events.loc[0, "start_precision"] == "month"
    assert ds.actors.loc[2, "colour"].startswith("#"), "an empty colour gets a palette colour"
    assert ds.role_of("bolton", ds.event("hanoi-summit")["start_at"]) == "National Security Adviser"
    assert ds.role_of("bolton", ds.event("rocket-man-tweet")["start_at"]) == "", "not adviser in 2017"


def test_month_precision_is_kept_not_first_of_month(tmp_path):
    ds = timeline.load(write_mini(tmp_path / "ok"))
    phase = ds.event("rocket-man-phase")
    assert phase["start"] == "2017-08" and phase["start_precision"] == "month"
    assert phase["start_hi"] - phase["start_lo"] == 31, "August 2017 covers the whole month"
    assert phase["end_at"] - phase["start_at"] == 31 + 30 + 31 + 30, "ends at the end of November"


# (name, mutation, file, row, column, words the message must hold)
CASES = [
    ("unknown column", lambda t: t["events.csv"][0].__setitem__(1, "titel"),
     "events.csv", 1, "titel", "did you mean 'title'"),
    ("missing column", lambda t: _drop(t, "actors.csv", "name"),
     "actors.csv", 1, "name", "missing column"),
    ("empty required field", lambda t: _set(t, "events.csv", 3, "title", ""),
     "events.csv", 3, "title", "empty"),
    ("event without actors", lambda t: _set(t, "events.csv", 3, "actors", ""),
     "events.csv", 3, "actors", "empty"),
    ("event without sources", lambda t: _set(t, "events.csv", 4, "sources", ""),
     "events.csv", 4, "sources", "empty"),
    ("unparseable date", lambda t: _set(t, "events.csv", 3, "start", "next tuesday-ish"),
     "events.csv", 3, "start", "is not a date"),
    ("impossible day", lambda t: _set(t, "events.csv", 3, "start", "2019-02-30"),
     "events.csv", 3, "start", "does not exist"),
    ("month 13", lambda t: _set(t, "events.csv", 3, "start", "2018-13"),
     "events.csv", 3, "start", "month 13"),
    ("end before start", lambda t: _set(t, "events.csv", 4, "end", "2019-02-01"),
     "events.csv", 4, "end", "before it starts"),
    ("span without end", lambda t: _set(t, "events.csv", 4, "end", ""),
     "events.csv", 4, "end", "needs an end"),
    ("bad kind", lambda t: _set(t, "events.csv", 3, "kind", "momnet"),
     "events.csv", 3, "kind", "did you mean 'moment'"),
    ("duplicate id", lambda t: _set(t, "events.csv", 4, "id", "rocket-man-tweet"),
     "events.csv", 4, "id", "row 3 has it already"),
    ("bad id", lambda t: _set(t, "events.csv", 4, "id", "Hanoi Summit"),
     "events.csv", 4, "id", "not an id"),
    ("unknown actor", lambda t: _set(t, "events.csv", 3, "actors", "trump;kimm"),
     "events.csv", 3, "actors", "unknown actor 'kimm' (did you mean 'kim'?)"),
    ("unknown source", lambda t: _set(t, "events.csv", 3, "sources", "sead"),
     "events.csv", 3, "sources", "unknown source 'sead'"),
    ("unknown phase", lambda t: _set(t, "events.csv", 3, "phase", "rocket-phase"),
     "events.csv", 3, "phase", "unknown event"),
    ("phase that is not a phase", lambda t: _set(t, "events.csv", 3, "phase", "hanoi-summit"),
     "events.csv", 3, "phase", "not an event of kind phase"),
    ("quote of an unknown event", lambda t: _set(t, "quotes.csv", 2, "event", "hanoi"),
     "quotes.csv", 2, "event", "unknown event 'hanoi'"),
    ("quote of an unknown speaker", lambda t: _set(t, "quotes.csv", 2, "speaker", "bolten"),
     "quotes.csv", 2, "speaker", "did you mean 'bolton'"),
    ("quote of an unknown source", lambda t: _set(t, "quotes.csv", 2, "source", "bbc"),
     "quotes.csv", 2, "source", "unknown source"),
    ("role of an unknown actor", lambda t: _set(t, "roles.csv", 2, "actor", "bolt"),
     "roles.csv", 2, "actor", "unknown actor"),
    ("translation without translator", lambda t: _set(t, "quotes.csv", 2, "translation_by", ""),
     "quotes.csv", 2, "translation_by", "say who translated"),
    ("bad colour", lambda t: _set(t, "actors.csv", 2, "colour", "blue"),
     "actors.csv", 2, "colour", "#rrggbb"),
    ("source without url or seed", lambda t: _set(t, "sources.csv", 3, "url", ""),
     "sources.csv", 3, "url", "needs a url or a seed"),
    ("javascript url", lambda t: _set(t, "sources.csv", 3, "url", "javascript:alert(1)"),
     "sources.csv", 3, "url", "not an http(s) URL"),
    ("missing seed file", lambda t: _set(t, "sources.csv", 2, "seed", "nope.txt"),
     "sources.csv", 2, "seed", "not found"),
    ("seed path outside the dataset", lambda t: _set(t, "sources.csv", 2, "seed", "../../etc/passwd"),
     "sources.csv", 2, "seed", "not found"),
    ("offset not a number", lambda t: _set(t, "quotes.csv", 2, "start_offset", "ten"),
     "quotes.csv", 2, "start_offset", "not a whole number"),
]


@pytest.mark.parametrize("name,mutate,file,row,column,words", CASES, ids=[c[0] for c in CASES])
def test_bad_input_names_file_row_and_column(tmp_path, name, mutate, file, row, column, words):
    tables = mini_tables()
    mutate(tables)
    problem = _one(_problems(write_mini(tmp_path / "bad", tables)), file, row, column)
    assert words in problem.message
    assert file in str(problem) and f"row {row}" in str(problem)


def test_quote_at_wrong_offsets_offers_the_right_ones(tmp_path):
    tables = mini_tables()
    _set(tables, "quotes.csv", 2, "start_offset", "5")
    _set(tables, "quotes.csv", 2, "end_offset", "51")
    problem = _one(_problems(write_mini(tmp_path / "bad", tables)), "quotes.csv", 2, "start_offset")
    start = SEED_TEXT.index(BOLTON)
    assert f"found at {start}..{start + len(BOLTON)}" in problem.message


def test_quote_not_verbatim_shows_the_closest_passage(tmp_path):
    tables = mini_tables()
    _set(tables, "quotes.csv", 2, "text", "Hij dacht dat Kim zijn beste vriend was")
    problem = _one(_problems(write_mini(tmp_path / "bad", tables)), "quotes.csv", 2, "start_offset")
    assert "not verbatim" in problem.message and "closest passage" in problem.message


def test_bad_encoding_names_the_row(tmp_path):
    folder = write_mini(tmp_path / "bad")
    text = (folder / "events.csv").read_text(encoding="utf-8").replace("Hanoi summit", "Hanoï summit")
    (folder / "events.csv").write_bytes(text.encode("latin-1"))
    problem = _one(_problems(folder), "events.csv", 4, None)
    assert "not UTF-8" in problem.message and "Windows-1252" in problem.message


def test_byte_order_mark_is_accepted(tmp_path):
    folder = write_mini(tmp_path / "bom")
    data = (folder / "actors.csv").read_bytes()
    (folder / "actors.csv").write_bytes(b"\xef\xbb\xbf" + data)
    assert list(timeline.load(folder).actors["id"]) == ["trump", "kim", "bolton"]


def test_missing_file(tmp_path):
    folder = write_mini(tmp_path / "bad")
    (folder / "actors.csv").unlink()
    problems = _problems(folder)
    assert any(p.file == "actors.csv" and "missing file" in p.message for p in problems)


def test_every_problem_is_reported_at_once(tmp_path):
    tables = mini_tables()
    _set(tables, "events.csv", 3, "start", "nonsense")
    _set(tables, "events.csv", 4, "actors", "nobody")
    _set(tables, "actors.csv", 2, "colour", "red")
    problems = _problems(write_mini(tmp_path / "bad", tables))
    assert {(p.file, p.row, p.column) for p in problems} >= {
        ("events.csv", 3, "start"), ("events.csv", 4, "actors"), ("actors.csv", 2, "colour")}


def test_a_cell_with_an_unquoted_comma_is_caught(tmp_path):
    folder = write_mini(tmp_path / "bad")
    with open(folder / "actors.csv", "a", encoding="utf-8") as f:
        f.write("moon,Moon Jae-in,South Korea,#2ca02c,President, South Korea,extra\n")
    problem = _one(_problems(folder), "actors.csv", 5, None)
    assert "quote a cell" in problem.message


def test_no_half_loaded_dataset(tmp_path):
    """A dataset with one bad row raises; nothing is returned that a caller could serve."""
    tables = mini_tables()
    _set(tables, "events.csv", 4, "start", "2019-02-31")
    with pytest.raises(ValidationError):
        timeline.load(write_mini(tmp_path / "bad", tables))


def test_not_a_folder(tmp_path):
    with pytest.raises(ValidationError, match="no such file or folder"):
        timeline.load(tmp_path / "missing")


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "timeline", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_cli_validate_lists_problems_and_exits_non_zero(tmp_path):
    tables = mini_tables()
    _set(tables, "events.csv", 3, "start", "nonsense")
    _set(tables, "quotes.csv", 2, "speaker", "nobody")
    r = _cli("validate", str(write_mini(tmp_path / "bad", tables)))
    assert r.returncode == 1
    assert "events.csv, row 3, column 'start'" in r.stderr
    assert "quotes.csv, row 2, column 'speaker'" in r.stderr
    assert "Traceback" not in r.stderr


def test_cli_validate_ok_prints_one_line_summary(tmp_path):
    r = _cli("validate", str(write_mini(tmp_path / "ok")))
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("\n") == 1 and "3 events" in r.stdout and "1 quotes" in r.stdout


# More of the malformed-file corpus: encodings, binary, size, formulas, broken metadata.

def test_utf16_file_is_refused_with_the_fix(tmp_path):
    folder = write_mini(tmp_path / "bad")
    (folder / "actors.csv").write_bytes((folder / "actors.csv").read_text(encoding="utf-8").encode("utf-16"))
    problem = _one(_problems(folder), "actors.csv", 1, None)
    assert "UTF-16" in problem.message and "UTF-8" in problem.message


def test_nul_byte_is_refused_with_its_row(tmp_path):
    folder = write_mini(tmp_path / "bad")
    text = (folder / "events.csv").read_text(encoding="utf-8").replace("Hanoi summit", "Hanoi\x00summit")
    (folder / "events.csv").write_text(text, encoding="utf-8")
    assert "NUL" in _one(_problems(folder), "events.csv", 4, None).message


def test_huge_file_is_refused_before_reading(tmp_path):
    folder = write_mini(tmp_path / "bad")
    with open(folder / "quotes.csv", "r+b") as f:
        f.truncate(300 * 1024 * 1024)   # sparse: no disk used, but 300 MB as far as stat knows
    assert "the limit is" in next(p for p in _problems(folder) if p.file == "quotes.csv").message


def test_spreadsheet_formula_is_refused(tmp_path):
    tables = mini_tables()
    _set(tables, "events.csv", 3, "title", '=HYPERLINK("http://evil.example","click")')
    problem = _one(_problems(write_mini(tmp_path / "bad", tables)), "events.csv", 3, "title")
    assert "formula" in problem.message


def test_formula_marked_as_text_is_read_as_text(tmp_path):
    tables = mini_tables()
    _set(tables, "events.csv", 3, "title", "'=SUM(1) is what the banner said")
    ds = timeline.load(write_mini(tmp_path / "ok", tables))
    assert ds.event("rocket-man-tweet")["title"] == "=SUM(1) is what the banner said"


def test_empty_file_asks_for_a_header(tmp_path):
    folder = write_mini(tmp_path / "bad")
    (folder / "sources.csv").write_text("", encoding="utf-8")
    assert "header" in _one(_problems(folder), "sources.csv", 1, None).message


def test_column_twice(tmp_path):
    tables = mini_tables()
    tables["actors.csv"][0][3] = "name"
    assert "twice" in _one(_problems(write_mini(tmp_path / "bad", tables)), "actors.csv", 1, "name").message


def test_broken_dataset_json(tmp_path):
    folder = write_mini(tmp_path / "bad")
    (folder / "dataset.json").write_text('{"title": "x",\n "titel": 3,}', encoding="utf-8")
    assert "not valid JSON" in _one(_problems(folder), "dataset.json", 2, None).message


def test_row_numbers_count_spreadsheet_rows_with_multiline_cells(tmp_path):
    tables = mini_tables()
    _set(tables, "events.csv", 2, "title", "Rocket Man\nphase, on two lines")
    _set(tables, "events.csv", 4, "start", "never")
    _one(_problems(write_mini(tmp_path / "bad", tables)), "events.csv", 4, "start")


def test_file_replaced_by_a_folder(tmp_path):
    folder = write_mini(tmp_path / "bad")
    (folder / "roles.csv").unlink()
    (folder / "roles.csv").mkdir()
    assert "cannot read" in next(p for p in _problems(folder) if p.file == "roles.csv").message
