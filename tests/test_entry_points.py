"""The public entry points a new user reaches first: load/figure with paths, the CLI's defaults."""
from __future__ import annotations

import pytest

import timeline
from timeline.cli import main

from tests.helpers import ROOT

DATA = ROOT / "data" / "trump-kim"
SHEET = ROOT / "tests" / "fixtures" / "timelinejs" / "women_in_computing.csv"


def test_an_events_csv_given_as_the_path_loads_its_folder(dataset_copy):
    whole = timeline.load(dataset_copy)
    via_table = timeline.load(dataset_copy / "events.csv")
    assert list(via_table.events["id"]) == list(whole.events["id"])
    assert len(via_table.quotes) == len(whole.quotes)


def test_a_broken_events_csv_is_still_read_as_ours_not_as_a_timelinejs_sheet(dataset_copy):
    path = dataset_copy / "events.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[0] = lines[0].replace("kind,", "", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(timeline.ValidationError) as e:
        timeline.load(path)
    assert "events.csv" in e.value.report() and "kind" in e.value.report()
    assert "Headline" not in e.value.report()


def test_a_timelinejs_sheet_csv_is_still_a_timelinejs_sheet():
    ds = timeline.load(SHEET)
    assert len(ds.events) > 0 and ds.path == SHEET


def test_figure_takes_a_path_or_a_dataset_and_says_what_else_is_wrong():
    by_path = timeline.figure(str(DATA), actors=["kim"])
    by_dataset = timeline.figure(timeline.load(DATA), actors=["kim"])
    assert by_path.to_json() == by_dataset.to_json()
    with pytest.raises(TypeError, match="timeline.load"):
        timeline.figure({"events": []})


def test_export_without_data_says_it_uses_the_bundled_dataset(tmp_path, capsys):
    assert main(["export", "timelinejs", str(tmp_path / "a.json")]) == 0
    assert "bundled Trump-Kim dataset" in capsys.readouterr().err
    assert main(["export", "timelinejs", str(tmp_path / "b.json"), "--data", str(DATA)]) == 0
    assert "bundled" not in capsys.readouterr().err
