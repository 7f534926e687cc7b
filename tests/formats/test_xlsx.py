"""Excel workbooks: a round trip equal to the source dataset, and each spreadsheet trap with its message."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest

import timeline
from timeline import ValidationError
from timeline.formats import xlsx
from timeline.cli import main

from tests.helpers import ROOT, mini_tables, write_mini

DATA = ROOT / "data" / "trump-kim"


def _same(a, b):
    for name in ("events", "actors", "roles", "sources", "quotes", "stories"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), check_dtype=True, obj=name)
    assert a.meta == b.meta and a.seeds == b.seeds


def test_round_trip_equals_the_source_dataset(tmp_path):
    ds = timeline.load(DATA)
    book = xlsx.write(ds, tmp_path / "book.xlsx")
    back = timeline.load(book)
    _same(ds, back)
    folder = tmp_path / "again"
    assert main(["import", str(book), "--out", str(folder)]) == 0
    _same(ds, timeline.load(folder))


def test_validate_reports_the_same_counts_as_the_folder(tmp_path, capsys):
    assert main(["export", "xlsx", str(tmp_path / "book.xlsx"), "--data", str(DATA)]) == 0
    capsys.readouterr()
    main(["validate", str(DATA)])
    folder = capsys.readouterr().out.split(":", 2)[2]
    main(["validate", str(tmp_path / "book.xlsx")])
    book = capsys.readouterr().out.split(":", 2)[2]
    assert folder == book and "verified in seeds" in book


def test_the_workbook_carries_the_seed_texts(tmp_path):
    ds = timeline.load(DATA)
    wb = openpyxl.load_workbook(xlsx.write(ds, tmp_path / "b.xlsx"))
    assert wb.sheetnames == ["events", "actors", "roles", "sources", "quotes", "stories", "media", "seeds", "dataset"]
    seeds = {r[0]: r[2] for r in wb["seeds"].iter_rows(min_row=2, values_only=True)}
    assert set(seeds) == set(ds.sources["seed"]) - {""}


def test_long_seed_texts_and_line_breaks_survive(tmp_path):
    t = mini_tables()
    t["quotes.csv"][1][-2:] = ["", ""]   # the seed changes below: let the loader find the quote
    folder = write_mini(tmp_path / "m", t)
    seed = folder / "seeds" / t["sources.csv"][1][5]
    text = seed.read_text(encoding="utf-8")
    seed.write_bytes((text.replace("\n", "\r\n") + "x" * 70_000).encode("utf-8"))
    ds = timeline.load(folder)
    back = timeline.load(xlsx.write(ds, tmp_path / "b.xlsx"))
    assert back.seeds == ds.seeds and len(back.seeds["seed"]) > 70_000 and "\r\n" in back.seeds["seed"]


def test_formula_like_text_stays_text(tmp_path):
    t = mini_tables()
    t["events.csv"][1][1] = "'=HYPERLINK(\"http://x\")"
    ds = timeline.load(write_mini(tmp_path / "m", t))
    book = xlsx.write(ds, tmp_path / "b.xlsx")
    cell = openpyxl.load_workbook(book)["events"]["B2"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://x")' and cell.quotePrefix
    assert timeline.load(book).events.loc[0, "title"] == '=HYPERLINK("http://x")'


def _book(tmp_path, edit):
    """The mini dataset as a workbook, changed by `edit(workbook)`."""
    ds = timeline.load(write_mini(tmp_path / "m"))
    path = xlsx.write(ds, tmp_path / "b.xlsx")
    wb = openpyxl.load_workbook(path)
    edit(wb)
    wb.save(path)
    return path


def _problems(path):
    with pytest.raises(ValidationError) as e:
        timeline.load(path)
    return e.value.problems


def test_a_real_formula_is_refused_naming_the_cell(tmp_path):
    path = _book(tmp_path, lambda wb: wb["events"].cell(2, 2, "=UPPER(A2)"))
    (p,) = _problems(path)
    assert (p.file, p.row, p.column) == ("b.xlsx (sheet events)", 2, "title") and "formula" in p.message


def test_excel_dates_are_read_as_dates_at_their_precision(tmp_path):
    def edit(wb):
        ws = wb["events"]
        start = [c.value for c in ws[1]].index("start") + 1
        ws.cell(2, start, dt.datetime(2017, 8, 1)).number_format = "mmm yyyy"   # month
        ws.cell(3, start, dt.datetime(2017, 9, 17)).number_format = "dd/mm/yyyy"
        ws.cell(4, start, 43523)                                                  # a bare serial: 2019-02-27
    ds = timeline.load(_book(tmp_path, edit))
    assert list(ds.events["start"]) == ["2017-08", "2017-09-17", "2019-02-27"]


def test_an_excel_date_with_a_time_is_refused_not_dropped(tmp_path):
    def edit(wb):
        ws = wb["events"]
        ws.cell(3, [c.value for c in ws[1]].index("start") + 1, dt.datetime(2017, 9, 17, 14, 30))
    (p,) = _problems(_book(tmp_path, edit))
    assert p.row == 3 and p.column == "start" and "time of day (14:30)" in p.message


def test_a_missing_column_gives_one_message_not_follow_on_errors(tmp_path):
    def edit(wb):
        wb["actors"].delete_cols(1)   # the id column: every actor reference would be 'unknown'
    (p,) = _problems(_book(tmp_path, edit))
    assert p.file == "b.xlsx (sheet actors)" and "missing column 'id'" in p.message


def test_a_missing_sheet_is_named(tmp_path):
    def edit(wb):
        wb["actors"].title = "Actorz"
    (p,) = _problems(_book(tmp_path, edit))
    assert "missing sheet 'actors'" in p.message and "did you mean 'actorz'" in p.message


def test_a_file_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"not a zip")
    (p,) = _problems(path)
    assert "cannot read it as an Excel workbook" in p.message


def test_export_never_overwrites_without_force(tmp_path, capsys):
    out = tmp_path / "b.xlsx"
    out.write_bytes(b"mine")
    assert main(["export", "xlsx", str(out), "--data", str(DATA)]) == 1
    assert out.read_bytes() == b"mine" and "--force" in capsys.readouterr().err


def test_the_app_serves_a_workbook(tmp_path):
    from timeline.web import create_app

    book = xlsx.write(timeline.load(write_mini(tmp_path / "m")), tmp_path / "b.xlsx")
    client = create_app(book, reload_interval=-1).server.test_client()
    layout = client.get("/_dash-layout")
    assert layout.status_code == 200 and "Hanoi summit" in layout.get_data(as_text=True)


def test_fix_needs_a_folder(tmp_path, capsys):
    book = xlsx.write(timeline.load(write_mini(tmp_path / "m")), tmp_path / "b.xlsx")
    assert main(["validate", "--fix", str(book)]) == 2
    assert "dataset folder" in capsys.readouterr().err
