"""Level of detail (figure(..., lod=True)): density when zoomed out, full detail for a window when in."""
from __future__ import annotations


import numpy as np
import orjson
import pytest

import timeline
from timeline.figure import build, figure_json, redraws_on_zoom, resolve_view
from timeline.filters import range_mask
from tests.helpers import synthetic

N = 100_000
ACTORS = 12


@pytest.fixture(scope="module")
def big():
    return synthetic(N)


def ids_in(fig: dict) -> set[str]:
    out = set()
    for t in fig["data"]:
        for cd in t.get("customdata", ()):
            if isinstance(cd, (list, tuple, np.ndarray)) and len(cd) and isinstance(cd[0], str):
                out.add(cd[0])
    return out


def test_zoomed_out_is_small_density_with_every_lane(big):
    fig = orjson.loads(figure_json(big, lod=True, width=800, height=560))
    assert fig["layout"]["meta"]["lod"] == "density"
    assert len(orjson.dumps(fig)) < 200_000, "a zoomed-out figure of 100,000 events is small"
    names = [f"Actor {i:02d}" for i in range(ACTORS)]
    assert {t["name"] for t in fig["data"]} == set(names) | {"overview"}
    assert fig["layout"]["yaxis"]["categoryarray"] == names
    assert [name for _, name in fig["layout"]["meta"]["lanes"]] == names
    lanes = [t for t in fig["data"] if t["name"] != "overview"]
    assert sum(c[1] for t in lanes for c in t["customdata"]) == N, "every event is counted in a bin"
    assert all(c[0] is None for t in lanes for c in t["customdata"]), "no event id: a click selects nothing"
    assert not ids_in(fig), "no per-event payload when zoomed out"
    assert fig["layout"]["xaxis2"]["range"], "the overview spans the whole dataset"


def test_zooming_in_gives_full_detail_for_the_window(big):
    view = dict(start="2000-01-01", end="2000-06-30")
    fig = orjson.loads(figure_json(big, lod=True, **view))
    assert fig["layout"]["meta"]["lod"] == "window"
    v = resolve_view(big, None, view)
    lo, hi = v.range_days()
    visible = set(big.events["id"][range_mask(big, lo, hi)])
    shown = ids_in(fig)
    assert visible and visible <= shown, "every event in view is drawn, with its id for hover and click"
    w = hi - lo
    far = set(big.events["id"][range_mask(big, None, lo - 2 * w) | range_mask(big, hi + 2 * w, None)])
    assert not (shown & far), "nothing far outside the window is shipped"
    assert len(shown) < N / 10


def test_actor_filter_keeps_only_its_lane_at_any_detail(big):
    fig = orjson.loads(figure_json(big, lod=True, actors=["a03"]))
    assert {t["name"] for t in fig["data"]} == {"Actor 03", "overview"}
    assert fig["layout"]["yaxis"]["categoryarray"] == ["Actor 03"]


def test_selected_event_is_drawn_even_in_density(big):
    fig = orjson.loads(figure_json(big, lod=True, event="e42"))
    assert fig["layout"]["meta"]["lod"] == "density"
    assert "e42" in ids_in(fig)
    assert [a["name"] for a in fig["layout"]["annotations"]] == ["selected-label"]


def test_lod_is_opt_in_and_only_for_big_datasets(big):
    small = timeline.load()
    assert not redraws_on_zoom(small) and redraws_on_zoom(big)
    assert "lod" not in orjson.loads(figure_json(small, lod=True))["layout"]["meta"]
    fig = build(big, resolve_view(big, None, {"actors": ["a01", "a02"]}))[0]   # lod off: everything
    assert sum(len(t["x"]) for t in fig["data"] if t.get("mode") == "markers" and t["name"] != "overview") == \
        int(np.isin(big.events["actors"].map(lambda a: a[0]), ["a01", "a02"]).sum())
