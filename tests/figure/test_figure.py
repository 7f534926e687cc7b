"""The figure as a reader sees it: lanes, precision, uncertainty, selection, labels, language, deep time."""
from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest

import timeline
from tests.helpers import write_dataset
from timeline.figure import Options, builder, figure, figure_json
from timeline.figure.axis import year_label
from timeline.figure.options import BAND_PX, DARK, LABEL_CHARS, MARKER_PX, SPAN_PX
from timeline.figure.placement import label_width_days, plot_width_px
from timeline.i18n import WORDS
from timeline.dates import parse

EVENTS = [
    {"id": "tweet", "title": "Rocket Man tweet", "title_nl": "Rocket Man-tweet", "start": "2017-09-17",
     "actors": "trump"},
    {"id": "letter", "title": "Love letter", "title_nl": "Liefdesbrief", "start": "2018-09", "actors": "kim;trump"},
    {"id": "summit", "title": "Singapore summit", "start": "c. 2018-06-12", "actors": "trump;kim"},
    {"id": "panmunjom", "title": "Panmunjom meeting", "start": "2018-04-27", "actors": "kim;moon"},
    {"id": "dmz", "title": "DMZ handshake", "start": "2019-06-30", "actors": "trump;kim;moon"},
    {"id": "talks", "title": "Working-level talks", "kind": "span", "start": "2018-07-01", "end": "2018-08-15",
     "actors": "kim"},
    {"id": "era", "title": "Fire and fury", "title_nl": "Vuur en woede", "kind": "phase", "start": "2017-08",
     "end": "2017-12", "actors": "trump;kim"},
]
QUOTES = [{"id": "lift", "event": "dmz", "speaker": "trump", "text": "Ik kan je een lift geven", "language": "nl",
           "translation": "I can give you a ride", "translation_by": "ours"}]


@pytest.fixture
def ds(tmp_path):
    return write_dataset(tmp_path / "ds", EVENTS, quotes=QUOTES)


def points(fig):
    """(event id, lane, x, trace) for every point that carries an event id."""
    out = []
    for t in fig.data:
        if t.customdata is None:
            continue
        for row, x, y in zip(t.customdata, t.x, t.y):
            if row[0] is not None:
                out.append((row[0], y, x, t))
    return out


def ids(fig):
    return {p[0] for p in points(fig)}


def days(x) -> float:
    """An x value (date text / datetime64) as days since 1970-01-01."""
    return float(np.datetime64(x, "ms").astype("int64")) / 86_400_000


def marker_of(fig, event_id):
    """The (non-selected) marker trace that draws a moment."""
    return next(t for i, _, _, t in points(fig) if i == event_id and t.mode == "markers" and t.name != "selected")


def segments(trace):
    """(lo, hi) days of a gap-separated line trace."""
    xs = list(trace.x)
    return [(days(xs[i]), days(xs[i + 1])) for i in range(0, len(xs), 3)]


def hover_rows(fig):
    """Event id → its hover fields (id, title, date label, quote html), from the hoverable traces."""
    return {row[0]: row for t in fig.data if t.customdata is not None and t.hoverinfo != "none"
            for row in t.customdata if row[0] is not None}


def band_traces(fig, lane, width):
    return [t for t in fig.data if t.mode == "lines" and t.hoverinfo == "skip" and t.y is not None
            and t.y[0] == lane and t.line.width == width]


def test_filtering_by_one_actor_leaves_exactly_its_events(ds):
    fig = timeline.figure(ds, actors=["moon"])
    assert ids(fig) == {"panmunjom", "dmz"}
    assert list(fig.layout.yaxis.categoryarray) == ["Moon Jae-in"]


def test_all_mode_and_search(ds):
    assert ids(timeline.figure(ds, actors=["trump", "moon"], mode="all")) == {"dmz"}
    assert ids(timeline.figure(ds, search="handshake")) == {"dmz"}


def test_lanes_follow_actors_csv_order_and_colours(ds):
    fig = timeline.figure(ds)
    assert list(fig.layout.yaxis.categoryarray) == ["Donald Trump", "Kim Jong-un", "Moon Jae-in"]
    assert marker_of(fig, "tweet").marker.color == "#1f77b4"


def test_month_precise_date_is_a_band_about_a_month_wide(ds):
    fig = timeline.figure(ds)
    assert marker_of(fig, "letter").marker.symbol == "circle-open"
    bands = [s for t in band_traces(fig, "Kim Jong-un", BAND_PX) for s in segments(t)]
    september = parse("2018-09")
    assert (september.lo(), september.hi()) in bands
    assert 28 <= september.hi() - september.lo() <= 31


def test_day_precise_date_is_a_solid_marker_without_band(ds):
    fig = timeline.figure(ds)
    assert marker_of(fig, "tweet").marker.symbol == "circle"
    tweet_day = parse("2017-09-17").lo()
    bands = [s for t in band_traces(fig, "Donald Trump", BAND_PX) for s in segments(t)]
    assert not any(lo <= tweet_day < hi for lo, hi in bands)


def test_circa_looks_different_from_exact_and_shows_its_interval(ds):
    fig = timeline.figure(ds)
    circa, exact = marker_of(fig, "summit").marker.symbol, marker_of(fig, "tweet").marker.symbol
    assert circa != exact and circa.endswith("-open")
    whiskers = [t for t in band_traces(fig, "Kim Jong-un", 2) if t.line.dash == "dot"]
    summit = parse("c. 2018-06-12")
    assert (summit.lo(), summit.hi()) in [s for t in whiskers for s in segments(t)]


def test_hover_says_the_date_as_written(ds):
    labels = {event_id: row[2] for event_id, row in hover_rows(timeline.figure(ds)).items()}
    assert labels["letter"] == "Sep 2018"
    assert labels["summit"] == "c. 12 Jun 2018"
    assert labels["talks"] == "1 Jul 2018 – 15 Aug 2018"


def test_span_is_a_thick_bar_from_start_to_end(ds):
    fig = timeline.figure(ds)
    bar = next(t for i, _, _, t in points(fig) if i == "talks")
    assert bar.mode == "lines" and bar.line.width == SPAN_PX
    assert segments(bar) == [(parse("2018-07-01").lo(), parse("2018-08-15").hi())]


def test_phase_is_a_shaded_era_with_its_name_not_a_lane_item(ds):
    fig = timeline.figure(ds)
    assert "era" not in ids(fig)
    (shape,) = [s for s in fig.layout.shapes if s.name == "phase"]   # not the axis's cut
    assert shape.yref == "y domain" and (shape.y0, shape.y1) == (0, 1)
    assert days(shape.x0) == parse("2017-08").lo() and days(shape.x1) == parse("2017-12").hi()
    # its title takes clicks (the pages select the phase, page/static/axis.js)
    (title,) = [a for a in fig.layout.annotations if a.name == "phase:era"]
    assert title.text == "Fire and fury" and title.captureevents and title.x == shape.x0


def test_multi_actor_event_is_in_each_lane_with_a_connector(ds):
    fig = timeline.figure(ds)
    lanes = {lane for i, lane, _, t in points(fig) if i == "dmz" and t.mode == "markers"}
    assert lanes == {"Donald Trump", "Kim Jong-un", "Moon Jae-in"}
    connector = next(t for t in fig.data if t.name == "connector")
    dmz_day = parse("2019-06-30").lo()
    joined = [(connector.y[i], connector.y[i + 1]) for i in range(0, len(connector.x), 3)
              if days(connector.x[i]) == dmz_day]
    assert joined == [("Donald Trump", "Moon Jae-in")]


def test_selected_event_is_highlighted_and_labelled(ds):
    fig = timeline.figure(ds, event="panmunjom")
    selected = next(t for t in fig.data if t.name == "selected")
    assert {row[0] for row in selected.customdata} == {"panmunjom"}
    assert set(selected.y) == {"Kim Jong-un", "Moon Jae-in"}
    assert selected.marker.size > MARKER_PX and selected.marker.line.color == DARK
    selected_labels = [a.text for a in fig.layout.annotations if a.name == "selected-label"]
    assert selected_labels == ["<b>Panmunjom meeting</b>"], "labelled once, not in every lane"
    assert not any(t.name == "selected" for t in timeline.figure(ds).data)


def test_selected_label_shows_even_when_crowded(tmp_path):
    crowd = [{"id": f"e{i}", "title": f"Event {i}", "start": f"2018-01-{1 + i % 28:02d}", "actors": "kim"}
             for i in range(400)]
    ds = write_dataset(tmp_path / "crowd", crowd)
    fig = timeline.figure(ds, event="e7")
    assert not any(a.name == "label" for a in fig.layout.annotations)
    assert [a.text for a in fig.layout.annotations if a.name == "selected-label"] == ["<b>Event 7</b>"]


def test_every_hoverable_point_carries_its_event_id(ds):
    fig = timeline.figure(ds)
    for t in fig.data:
        if t.hoverinfo != "skip":
            assert t.customdata is not None, t.name
    assert ids(fig) == {"tweet", "letter", "summit", "panmunjom", "dmz", "talks"}


def test_hover_quote_translated_in_english_original_in_dutch(ds):
    quote_en = {event_id: row[3] for event_id, row in hover_rows(timeline.figure(ds)).items()}
    quote_nl = {event_id: row[3] for event_id, row in hover_rows(timeline.figure(ds, lang="nl")).items()}
    assert "I can give you a ride" in quote_en["dmz"]
    assert "Ik kan je een lift geven" in quote_nl["dmz"]
    assert quote_en["tweet"] == ""


def test_dutch_titles_dates_and_axis_text(ds):
    fig = timeline.figure(ds, lang="nl")
    rows = hover_rows(fig)
    assert rows["letter"][1] == "Liefdesbrief" and rows["letter"][2] == "sep 2018"
    assert rows["summit"][1] == "Singapore summit"   # no Dutch title: the English one
    assert fig.layout.xaxis.title.text == "Datum"
    assert fig.layout.showlegend is False   # the lanes are the legend: no plotly legend repeats them
    assert [b.label for b in fig.layout.xaxis.rangeselector.buttons][-1] == "Alles"
    assert next(a.text for a in fig.layout.annotations if a.name == "phase:era") == "Vuur en woede"


def test_date_axis_range_slider_presets_and_zoom_kept_across_filters(ds):
    fig = timeline.figure(ds)
    assert fig.layout.xaxis.type == "date" and fig.layout.xaxis2.range
    assert len(fig.layout.xaxis.rangeselector.buttons) >= 3
    assert fig.layout.uirevision == timeline.figure(ds, actors=["kim"]).layout.uirevision
    assert fig.layout.xaxis.uirevision != timeline.figure(ds, start="2018").layout.xaxis.uirevision


def test_range_from_view_and_default_with_margin(ds):
    fig = timeline.figure(ds, start="2018-03", end="2018-06")
    lo, hi = (days(x) for x in fig.layout.xaxis.range)
    assert (lo, hi) == (parse("2018-03").lo(), parse("2018-06").hi())
    lo, hi = (days(x) for x in timeline.figure(ds).layout.xaxis.range)
    assert lo < parse("2017-08").lo() and hi > parse("2019-06-30").hi()
    assert hi - lo < 1.2 * (parse("2019-06-30").hi() - parse("2017-08").lo())


@pytest.mark.parametrize("years, words", [(("-500", "-400"), "BCE"), (("-13800000000", "-4500000000"), "billion BCE")])
def test_deep_time_uses_a_numeric_year_axis(tmp_path, years, words):
    events = [{"id": f"e{i}", "title": f"Event {i}", "start": y, "actors": "kim"} for i, y in enumerate(years)]
    ds = write_dataset(tmp_path / "deep", events)
    fig = timeline.figure(ds)
    assert fig.layout.xaxis.type == "linear" and fig.layout.xaxis.rangeselector.buttons in (None, ())
    xs = sorted(x for _, _, x, t in points(fig) if t.mode == "markers")
    assert xs == pytest.approx([float(years[0]), float(years[1])], rel=1e-6)
    assert any(words in text for text in fig.layout.xaxis.ticktext)
    lo, hi = fig.layout.xaxis.range
    assert lo < float(years[0]) < float(years[1]) < hi


def test_deep_time_tick_labels_in_dutch():
    assert year_label(-13.8e9, WORDS["nl"]) == "13,8 miljard v.Chr."
    assert year_label(-500, WORDS["en"]) == "500 BCE"
    assert year_label(12000, WORDS["nl"]) == "12.000"


def test_data_text_is_escaped_everywhere(tmp_path):
    hostile = "<b>x</b><script>alert(1)</script>&"
    ds = write_dataset(tmp_path / "hostile", [
        {"id": "a", "title": hostile, "start": "2018-01-01", "actors": "evil"},
        {"id": "p", "title": hostile, "kind": "phase", "start": "2018-01", "end": "2018-03", "actors": "evil"},
    ], actors=[("evil", "<i>Evil</i>", "#000000")], quotes=[
        {"id": "q", "event": "a", "speaker": "evil", "text": hostile, "language": "en"}])
    fig = timeline.figure(ds, event="a")
    text = json.dumps([{k: v for k, v in t.to_plotly_json().items() if k != "hovertemplate"} for t in fig.data],
                      default=str) + json.dumps([a.to_plotly_json() for a in fig.layout.annotations])
    assert "<script>" not in text and "<b>x" not in text and "<i>Evil" not in text
    assert "&lt;b&gt;x&lt;/b&gt;&lt;script&gt;" in text
    assert list(fig.layout.yaxis.categoryarray) == ["&lt;i&gt;Evil&lt;/i&gt;"]
    assert "<script>" not in figure_json(ds, event="a")


def label_extents(fig):
    """Per lane, the (start, end) days each label covers, by the builder's own width estimate."""
    labels = [a for a in fig.layout.annotations if a.name == "label" and a.visible is not False]
    lo, hi = (days(x) for x in fig.layout.xaxis.range)
    days_per_px = (hi - lo) / plot_width_px(Options(width=fig.layout.width))
    widths = label_width_days([a.text for a in labels], days_per_px)
    extents = {}
    for a, width in zip(labels, widths):
        x = days(a.x)
        span = (x - width, x) if a.xanchor == "right" else (x, x + width)
        extents.setdefault(a.y, []).append(span)
    return extents


@pytest.mark.parametrize("width", [None, 700])
def test_hundred_events_build_with_labels_that_do_not_overlap(tmp_path, width):
    rng = np.random.default_rng(3)
    events = [{"id": f"e{i}", "title": f"Event number {i} of the year", "actors": ("trump", "kim", "moon")[i % 3],
               "start": str(np.datetime64("2018-01-01") + int(rng.integers(0, 365)))} for i in range(100)]
    ds = write_dataset(tmp_path / "hundred", events)
    fig = timeline.figure(ds, width=width)
    assert len(ids(fig)) == 100
    extents = label_extents(fig)
    # At 700 px a label is half the plot wide: only one per lane fits without running off the edge.
    assert sum(len(v) for v in extents.values()) >= (5 if width is None else 3)
    for lane, spans in extents.items():
        spans.sort()
        for (_, end), (start, _) in zip(spans, spans[1:]):
            assert end <= start, lane


def test_labels_are_short_titles(ds):
    labels = [a.text for a in timeline.figure(ds).layout.annotations if a.name == "label" and a.visible]
    assert labels and all(len(text) <= LABEL_CHARS for text in labels)


def test_labels_stay_out_of_the_range_slider_and_inside_the_plot(ds):
    """Text traces are copied into the range slider as a smear; labels are annotations instead."""
    fig = timeline.figure(ds)
    assert not any(t.mode and "text" in t.mode for t in fig.data)
    hi = days(fig.layout.xaxis.range[1])
    days_per_px = (hi - days(fig.layout.xaxis.range[0])) / plot_width_px(Options(width=fig.layout.width))
    for a in fig.layout.annotations:
        if a.xanchor == "left" and a.visible:
            assert days(a.x) + label_width_days([a.text], days_per_px)[0] <= hi + 1, a.text


def test_many_points_use_webgl(ds, monkeypatch):
    monkeypatch.setattr(builder, "GL_THRESHOLD", 3)
    fig = figure(ds, search="e")
    assert {t.type for t in fig.data if t.name not in ("selected", "overview")} == {"scattergl"}


def test_figure_is_valid_plotly_and_json_round_trips(ds):
    fig = timeline.figure(ds, event="dmz", lang="nl")
    go.Figure(fig.to_dict())   # validated: raises on any invalid property
    again = pio.from_json(figure_json(ds, event="dmz", lang="nl"))
    assert ids(again) == ids(fig) and len(again.data) == len(fig.data)


def test_cache_returns_independent_figures_and_reuses_json(ds):
    first = timeline.figure(ds, actors=["kim"])
    first.update_layout(height=99)
    first.data[0].update(name="changed")
    second = timeline.figure(ds, actors=["kim"])
    assert second.layout.height != 99 and second.data[0].name != "changed"
    assert figure_json(ds, actors=["kim"]) is figure_json(ds, actors=["kim"])


def test_view_as_query_or_object(ds):
    from timeline.view import View

    by_query = timeline.figure(ds, "?actors=moon&lang=nl")
    by_view = timeline.figure(ds, View(actors=("moon",), lang="nl"))
    assert ids(by_query) == ids(by_view) == {"panmunjom", "dmz"}
    assert ids(timeline.figure(ds, View(actors=("moon",)), actors=["trump"])) == {"tweet", "letter", "summit", "dmz"}


def test_mistakes_in_python_calls_are_reported(ds):
    with pytest.raises(ValueError, match="unknown actor id"):
        timeline.figure(ds, actors=["kimm"])
    with pytest.raises(TypeError, match="colour"):
        timeline.figure(ds, colour="red")
    with pytest.raises(ValueError, match="theme"):
        timeline.figure(ds, theme="neon")


def test_dark_theme_and_size(ds):
    fig = timeline.figure(ds, theme="dark", height=500, width=900)
    assert (fig.layout.height, fig.layout.width) == (500, 900)
    assert fig.layout.template.layout.paper_bgcolor != timeline.figure(ds).layout.template.layout.paper_bgcolor


def test_event_in_several_lanes_is_named_once(tmp_path):
    ds = write_dataset(tmp_path / "shared", [
        {"id": "summit", "title": "Summit", "start": "2018-06-12", "actors": "trump;kim;moon"},
        {"id": "later", "title": "Later", "start": "2019-06-12", "actors": "kim"},
    ])
    labels = [a.text for a in timeline.figure(ds).layout.annotations if a.name == "label"]
    assert sorted(labels) == ["Later", "Summit"]   # one candidate per event, shown or not


@pytest.mark.parametrize("start", ["-999999999999", "99999999999"])
def test_a_range_beyond_any_calendar_still_draws_without_numpy_garbage(start):
    """A hand-edited from= of a date axis beyond what milliseconds can hold: the end that cannot
    be drawn is left to plotly (None), never an overflowed date, and numpy says nothing."""
    import warnings

    ds = timeline.load()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = timeline.figure(ds, start=start)
    lo, hi = fig.layout.xaxis.range
    assert lo is None and hi is not None and hi.startswith("20")


def test_presets_fit_the_span_and_do_not_move_with_the_view(ds):
    """A nine-day story gets days, 2017-2021 months and a year; the presets stay put when an event
    is selected or the view is zoomed; 'All' resets."""
    from timeline.figure.axis import presets
    from timeline.i18n import words

    assert [b["label"] for b in presets(9, words("en"))] == ["1 d", "3 d"]
    assert [b["label"] for b in presets(400000, words("nl"))][-1] == "500 jr"
    whole = timeline.figure(ds)
    labels = [b.label for b in whole.layout.xaxis.rangeselector.buttons]
    assert labels[-1] == "All" and "1 y" in labels and "5 y" not in labels
    picked = timeline.figure(ds, event="hanoi-summit", start="2019-01", end="2019-03")
    assert [b.label for b in picked.layout.xaxis.rangeselector.buttons] == labels


def test_dutch_numbers_in_the_chart(ds):
    assert timeline.figure(ds, lang="nl").layout.separators == ",."
    from timeline.i18n import plotly_config

    config = plotly_config({"responsive": True}, "nl")
    assert config["locale"] == "nl" and config["locales"]["nl"]["format"]["shortMonths"][9] == "okt"
