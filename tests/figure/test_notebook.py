"""In a notebook: `timeline.figure(dataset, **view)` is the figure the app shows, and it saves as HTML."""
from __future__ import annotations

import pytest

import timeline
from timeline.view import View


def _find(component, cid):
    if getattr(component, "id", None) == cid:
        return component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if child is not None and hasattr(child, "to_plotly_json"):
            found = _find(child, cid)
            if found is not None:
                return found
    return None


def _ids(fig) -> list[list[str]]:
    """Per drawn trace (text-only label traces aside), the event ids in its customdata."""
    out = []
    for t in fig.to_plotly_json()["data"]:
        if t.get("mode") == "text" or t.get("customdata") is None:
            continue
        out.append([str(c[0]) for c in t["customdata"] if c is not None and c[0] is not None])
    return out


def _range(fig):
    return list(fig.to_plotly_json()["layout"]["xaxis"].get("range") or [])


def app_figure(dataset, view: View):
    from timeline.web import layout

    graph = _find(layout.page(dataset, view), "graph")
    assert graph is not None, "the app has no #graph"
    import plotly.graph_objects as go

    return go.Figure(graph.figure)


def test_app_initial_figure_is_timeline_figure(dataset):
    from timeline.web import create_app

    app = create_app(dataset, reload_interval=-1)
    root = app.layout() if callable(app.layout) else app.layout
    graph = _find(root, "graph")
    import plotly.graph_objects as go

    shown = go.Figure(graph.figure)
    mine = timeline.figure(dataset)
    assert _ids(shown) == _ids(mine) and _ids(mine)
    assert _range(shown) == _range(mine)


@pytest.mark.parametrize("query", ["?actors=kim", "?actors=trump,kim&mode=all&lang=nl",
                                   "?from=2018-01&to=2019-06&event=hanoi-summit", "?q=train"])
def test_same_figure_for_a_deep_link(dataset, query):
    from timeline.web.state import parse

    view = parse(dataset, query)
    shown = app_figure(dataset, view)
    assert _ids(shown) == _ids(timeline.figure(dataset, view=view))
    assert _range(shown) == _range(timeline.figure(dataset, view=view))
    kwargs = {"actors": list(view.actors), "mode": view.mode, "start": view.start, "end": view.end,
              "event": view.event, "search": view.search, "lang": view.lang}
    by_kwargs = timeline.figure(dataset, **kwargs)
    assert _ids(by_kwargs) == _ids(shown) and _range(by_kwargs) == _range(shown)


def test_write_html(dataset, tmp_path):
    fig = timeline.figure(dataset, actors=["kim"])
    out = tmp_path / "kim.html"
    fig.write_html(out, include_plotlyjs="cdn", full_html=True)
    text = out.read_text(encoding="utf-8")
    assert "Plotly.newPlot" in text and "singapore-summit" in text
    small = tmp_path / "div.html"
    fig.write_html(small, include_plotlyjs=False, full_html=False)
    assert small.stat().st_size < out.stat().st_size + 1
