"""Label placement on the server (figure/placement.py), on a dense synthetic dataset: the labels it
shows do not overlap by its own estimate, none covers the selected event's marker, the selected
event is always labelled, and which events are labelled follows a stable priority."""
from __future__ import annotations

import numpy as np
import pytest

import timeline
from tests.helpers import dense
from timeline.figure import Options
from timeline.figure.placement import label_width_days, plot_width_px, priority
from timeline.figure.options import SELECTED_PX


@pytest.fixture(scope="module")
def crowd():
    return dense(240)


def days(x) -> float:
    return float(np.datetime64(x, "ms").astype("int64")) / 86_400_000


def shown(fig) -> list:
    return [a for a in fig.layout.annotations if a.visible]


def extents(fig, width):
    """(lane, start, end) in days of each shown label, by the builder's own width estimate."""
    lo, hi = (days(x) for x in fig.layout.xaxis.range)
    per_px = (hi - lo) / plot_width_px(Options(width=width))
    out = []
    for a in shown(fig):
        w = label_width_days([a.text.replace("<b>", "").replace("</b>", "")], per_px)[0]
        x = days(a.x)
        out.append((a.y, x - w, x) if a.xanchor == "right" else (a.y, x, x + w))
    return out, per_px


@pytest.mark.parametrize("width", [700, 1000, None])
@pytest.mark.parametrize("selected", [None, "d5", "d120"])
def test_dense_chart_labels_do_not_overlap_and_the_selected_is_labelled(crowd, width, selected):
    fig = timeline.figure(crowd, width=width, event=selected)
    labels, ids = list(fig.layout.annotations), fig.layout.meta["label_ids"]
    assert len(labels) == len(ids) == len(set(ids)), "one candidate per event, each named"
    spans, per_px = extents(fig, width)
    assert 3 <= len(spans) < len(labels), "some fit, not all: the dataset is crowded"
    by_lane: dict = {}
    for lane, a, b in spans:
        by_lane.setdefault(lane, []).append((a, b))
    for lane, got in by_lane.items():
        got.sort()
        assert all(end <= start for (_, end), (start, _) in zip(got, got[1:])), lane
    if selected is not None:
        first = labels[0]
        assert ids[0] == selected and first.name == "selected-label" and first.visible
        assert sum(a.name == "selected-label" for a in labels) == 1
        # nobody else's label lies over the selected event's (larger) marker in its lanes
        marker = days(first.x)
        half = per_px * SELECTED_PX / 2
        lanes = {y for t in fig.data if t.name == "selected" for y in t.y}
        for lane, a, b in spans[1:]:
            assert not (lane in lanes and a < marker + half and marker - half < b), lane


def test_labels_follow_a_stable_priority_not_the_view(crowd):
    """The events are ranked once (weight, then date): a zoomed or filtered view that shows the
    top-ranked event labels it too, and the same view always labels the same events."""
    whole = timeline.figure(crowd, width=1000)
    top = [i for i, a in zip(whole.layout.meta["label_ids"], whole.layout.annotations) if a.visible][0]
    ev = crowd.event(top)
    around = timeline.figure(crowd, width=1000, start=str(ev["start"])[:7])
    shown_ids = {i for i, a in zip(around.layout.meta["label_ids"], around.layout.annotations) if a.visible}
    assert top in shown_ids
    again = timeline.figure(crowd, width=1000, start=str(ev["start"])[:7], actors=list(ev["actors"]))
    assert top in {i for i, a in zip(again.layout.meta["label_ids"], again.layout.annotations) if a.visible}
    assert [a.to_plotly_json() for a in timeline.figure(crowd, width=1000).layout.annotations] == \
        [a.to_plotly_json() for a in whole.layout.annotations]


def test_priority_is_selected_then_weight_then_date():
    import pandas as pd

    items = pd.DataFrame({"event": [0, 1, 2, 3], "lane": [0, 0, 1, 1], "at": [30.0, 10.0, 20.0, 10.0]})
    props = pd.DataFrame({"pos": [0, 1, 2, 3], "weight": [5, 1, 5, 1]}, index=["a", "b", "c", "d"])
    ids = pd.Series(["a", "b", "c", "d"])
    assert priority(items, props, ids, None) == ["c", "a", "b", "d"]
    assert priority(items, props, ids, "d") == ["d", "c", "a", "b"]
