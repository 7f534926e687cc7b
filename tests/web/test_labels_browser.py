"""The chart's labels as a reader sees them (issue #11): at every size the chart is drawn (the app
at 768×1024 and 1400×900, the embed at 700×450 and 1000×600), in English and Dutch, with and
without a selected event, and after the window is resized, no two labels overlap, none covers
another event's marker or a phase title or runs out of the plot, and the selected event is
labelled. Read from the rendered SVG (tests/helpers.py: label_problems)."""
from __future__ import annotations

import pytest

from tests.helpers import LABELS_FITTED, LABELS_JS, dense, label_problems, reader_page

pytestmark = pytest.mark.browser

APP, EMBED = "#graph .js-plotly-plot", "#tl-chart"
QUERIES = ["", "?event=hanoi-summit", "?lang=nl&event=kim-meets-envoys"]


def _selected(query: str) -> str | None:
    return query.split("event=")[1].split("&")[0] if "event=" in query else None


def _fitted(page, selector: str, selected: str | None) -> None:
    """Wait until the chart of the view (the selected event drawn, if any) has its labels fitted."""
    page.wait_for_function("""([sel, fitted, selected]) => {
      const gd = document.querySelector(sel);
      if (!gd || !gd.data || (selected && !gd.data.some(t => t.name === 'selected'))) return false;
      return (new Function('return ' + fitted))()(sel);
    }""", arg=[selector, LABELS_FITTED, selected], timeout=90000)


@pytest.mark.parametrize("path,width,height", [("/", 768, 1024), ("/", 1400, 900),
                                               ("/embed", 700, 450), ("/embed", 1000, 600)])
@pytest.mark.parametrize("query", QUERIES)
def test_labels_never_collide(browser, app_server, path, width, height, query):
    selector = APP if path == "/" else EMBED
    with reader_page(browser, width, height) as page:
        page.goto(app_server.url + path + query)
        _fitted(page, selector, _selected(query))
        assert label_problems(page, selector, _selected(query)) == []
        drawn = page.evaluate(LABELS_JS, selector)
        assert len(drawn["labels"]) >= 5, "the chart still names its events"
        assert len(drawn["markers"]) >= 30 and drawn["phases"], "the check sees the markers and phase titles"


@pytest.mark.parametrize("path,sizes", [("/", [(1400, 900), (768, 1024)]),
                                        ("/embed", [(1000, 600), (700, 450), (1000, 600)])])
def test_labels_are_fitted_again_after_a_resize(browser, app_server, path, sizes):
    selector = APP if path == "/" else EMBED
    with reader_page(browser, *sizes[0]) as page:
        page.goto(app_server.url + path + "?event=singapore-summit")
        _fitted(page, selector, "singapore-summit")
        for width, height in sizes[1:]:
            before = page.evaluate(f"() => document.querySelector('{selector}').dataset.labels")
            page.set_viewport_size({"width": width, "height": height})
            page.wait_for_function("([sel, was]) => document.querySelector(sel).dataset.labels !== was",
                                   arg=[selector, before])
            _fitted(page, selector, "singapore-summit")
            assert label_problems(page, selector, "singapore-summit") == []


def test_which_labels_show_is_the_same_in_every_load(browser, app_server):
    """The same view at the same size names the same events (a stable priority, not the order
    plotly happens to draw in)."""
    seen = []
    for _ in range(2):
        with reader_page(browser, 1000, 600) as page:
            page.goto(app_server.url + "/embed")
            _fitted(page, EMBED, None)
            seen.append(sorted(a["text"] for a in page.evaluate(LABELS_JS, EMBED)["labels"]))
    assert seen[0] == seen[1]


@pytest.fixture(scope="module")
def dense_server(serve):
    from timeline.web import create_app

    return serve(create_app(dense(240), reload_interval=-1).server)


@pytest.mark.parametrize("path,width,height", [("/embed", 700, 450), ("/embed", 1000, 600), ("/", 1400, 900)])
def test_a_crowded_chart_drops_or_shortens_labels_but_never_the_selected(browser, dense_server, path, width, height):
    """240 events in two years: most labels cannot fit; those shown still collide with nothing,
    some are shortened with an ellipsis, and the selected event keeps its label."""
    selector = APP if path == "/" else EMBED
    with reader_page(browser, width, height) as page:
        page.goto(dense_server.url + path + "?event=d120")
        _fitted(page, selector, "d120")
        assert label_problems(page, selector, "d120") == []
        labels = page.evaluate(LABELS_JS, selector)["labels"]
        assert 3 <= len(labels) < 240
