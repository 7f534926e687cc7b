"""Long empty stretches of the date axis: found, collapsed with plotly's rangebreaks, and marked."""
from __future__ import annotations

import timeline
from timeline.dates import parse
from timeline.figure.breaks import empty_stretches, length_text
from timeline.figure.options import GL_THRESHOLD
from tests.helpers import synthetic, write_dataset


def _day(text: str) -> float:
    return parse(text).lo()


def test_the_bundled_datasets_empty_stretch_from_late_2019_to_2021_is_cut_out(dataset):
    (first, last), = empty_stretches(dataset)
    # after Bolton's dismissal (2019-09-10), before the first event of February 2021, with room either side
    assert _day("2019-09-11") < first < _day("2019-12") and _day("2020-12") < last < _day("2021-02-01")
    fig = timeline.figure(dataset)
    (brk,) = fig.layout.xaxis.rangebreaks
    assert brk.bounds[0].startswith("2019-") and brk.bounds[1].startswith("2020-")
    marks = [a for a in fig.layout.annotations if a.name == "axis-break"]
    assert [a.text for a in marks] == ["… 14 months …"] and marks[0].x == brk.bounds[0]
    assert "Oct 2019" in marks[0].hovertext and "Dec 2020" in marks[0].hovertext
    assert [s.x0 for s in fig.layout.shapes if s.name == "axis-break"] == [brk.bounds[0]]
    dutch = timeline.figure(dataset, lang="nl")
    assert [a.text for a in dutch.layout.annotations if a.name == "axis-break"] == ["… 14 maanden …"]
    # a zoomed or filtered view keeps the same axis
    assert timeline.figure(dataset, actors="kim", start="2019-01").layout.xaxis.rangebreaks == fig.layout.xaxis.rangebreaks


def test_a_dense_dataset_has_no_breaks(tmp_path):
    events = [{"id": f"e{m}", "title": f"E{m}", "start": f"2018-{m:02d}-01", "actors": "kim"} for m in range(1, 13)]
    ds = write_dataset(tmp_path / "dense", events)
    assert empty_stretches(ds) == []
    fig = timeline.figure(ds)
    assert not fig.layout.xaxis.rangebreaks and not [a for a in fig.layout.annotations if a.name == "axis-break"]


def test_a_span_or_phase_across_the_gap_keeps_it(tmp_path):
    events = [{"id": "a", "title": "A", "start": "2000-01-01", "actors": "kim"},
              {"id": "b", "title": "B", "start": "2010-01-01", "actors": "kim"}]
    assert len(empty_stretches(write_dataset(tmp_path / "gap", events))) == 1
    across = events + [{"id": "p", "title": "P", "kind": "phase", "start": "2001", "end": "2009", "actors": ""}]
    assert empty_stretches(write_dataset(tmp_path / "phase", across)) == []


def test_deep_time_and_webgl_figures_keep_a_continuous_axis(tmp_path):
    deep = write_dataset(tmp_path / "deep", [{"id": "a", "title": "A", "start": "-500", "actors": "kim"},
                                             {"id": "b", "title": "B", "start": "-10", "actors": "kim"},
                                             {"id": "c", "title": "C", "start": "-5", "actors": "kim"}])
    assert empty_stretches(deep) == [] and not timeline.figure(deep).layout.xaxis.rangebreaks
    ds = synthetic(GL_THRESHOLD + 500)
    fig = timeline.figure(ds)
    assert any(t.type == "scattergl" for t in fig.data) and not fig.layout.xaxis.rangebreaks


def test_length_words():
    assert length_text(40, "en") == "40 days" and length_text(400, "nl") == "13 maanden"
    assert length_text(3 * 365, "en") == "3 years" and length_text(3 * 365, "nl") == "3 jaar"
