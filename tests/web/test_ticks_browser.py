"""The chart's date tick labels as drawn, in /embed and the offline file, at every width a reader
brings (issue #11): no two labels overlap, none is tilted, and the axis title stays clear of
the labels and of the overview strip under the chart, before and after a zoom.

The bundled dataset's axis has a collapsed stretch (figure/breaks.py); plotly moves a tick that
falls inside it to the cut's end, where its label ("Dec 2020") collided with the next one
("Jan 2021") at 1400 px, every label then tilted and pushed the title onto the strip.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from timeline.page import export
from tests.helpers import reader_page

pytestmark = pytest.mark.browser

WIDTHS = [320, 390, 700, 1024, 1400, 1920]

DRAWN = """() => { const gd = document.querySelector('#tl-chart');
  return !!(gd && gd._fullLayout && gd._fullLayout.xaxis && gd._fullData.length &&
            gd.querySelector('.xaxislayer-above .xtick')); }"""

# The chart's x tick labels that show (box, text, tilt), the axis title's box, the strip's box.
AXIS = """() => { const gd = document.querySelector('#tl-chart');
  const box = el => { const b = el.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
  const labels = Array.from(gd.querySelectorAll('.xaxislayer-above g.xtick')).filter(g => {
      const t = g.querySelector('text'); return t && t.textContent.trim() &&
        getComputedStyle(g).display !== 'none' && getComputedStyle(t).display !== 'none' &&
        getComputedStyle(t).visibility !== 'hidden' && +getComputedStyle(t).opacity > 0; })
    .map(g => { const t = g.querySelector('text'), m = /rotate\\(([-\\d.e]+)/.exec(t.getAttribute('transform') || '');
      return {text: t.textContent, box: box(t), angle: m ? +m[1] : 0}; });
  const title = gd.querySelector('.g-xtitle text'), strip = gd.querySelector('.draglayer .x2y2 .nsewdrag');
  return {labels, title: title && title.textContent.trim() ? box(title) : null, strip: strip ? box(strip) : null,
          range: gd._fullLayout.xaxis.range.slice()}; }"""


ZOOM = """() => { const gd = document.querySelector('#tl-chart'), xa = gd._fullLayout.xaxis;
  const was = xa.range[0];   // (in pixels: a range that starts inside a cut shows little)
  Plotly.relayout(gd, {'xaxis.range': [xa.l2r(xa.p2l(0.3 * xa._length)), xa.range[1]]});
  return was; }"""


def _overlap(a, b) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


def _check(axis: dict, where: str) -> None:
    labels = axis["labels"]
    assert len(labels) >= 2, f"{where}: too few tick labels to read the axis: {labels}"
    tilted = [lb["text"] for lb in labels if abs(lb["angle"]) > 0.01]
    assert not tilted, f"{where}: tilted tick labels {tilted}"
    ordered = sorted(labels, key=lambda lb: lb["box"][0])
    for a, b in zip(ordered, ordered[1:]):
        assert not _overlap(a["box"], b["box"]), f"{where}: '{a['text']}' {a['box']} overlaps '{b['text']}' {b['box']}"
    if axis["title"]:
        lowest = max(lb["box"][3] for lb in labels)
        assert axis["title"][1] >= lowest - 0.5, f"{where}: the axis title {axis['title']} overlaps the tick labels"
        if axis["strip"]:
            assert axis["title"][3] <= axis["strip"][1] + 0.5, \
                f"{where}: the axis title {axis['title']} overlaps the overview strip {axis['strip']}"


@pytest.fixture(scope="module")
def offline_file(tmp_path_factory, dataset):
    out = tmp_path_factory.mktemp("ticks") / "timeline.html"
    out.write_text(export.build(dataset), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def mini_server(serve, tmp_path_factory):
    """The three-event dataset: a cut from late 2017 to early 2019, ticks close on either side."""
    from tests.helpers import write_mini
    from timeline.formats import folder
    from timeline.web import create_app

    return serve(create_app(folder.load_folder(write_mini(tmp_path_factory.mktemp("mini") / "ds")),
                            reload_interval=-1).server)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("where", ["/embed", "offline", "mini"])
def test_tick_labels_neither_collide_nor_tilt(browser, app_server, offline_file, mini_server, where, width):
    url = {"/embed": app_server.url + "/embed", "offline": offline_file.as_uri(), "mini": mini_server.url + "/embed"}
    with reader_page(browser, width, 800) as page:
        page.goto(url[where])
        if width < 640:   # a phone's frame reads the cards: no chart, no axis to collide
            expect(page.locator(".tl-card").first).to_be_visible()
            assert page.locator("#tl-chart .xtick").count() == 0
            return
        page.wait_for_function(DRAWN)
        first = page.evaluate(AXIS)
        _check(first, f"{where} at {width} px")
        # a zoom to the right 70% of the chart, the cut still in it (plotly makes new ticks),
        # then a preset (the shortest)
        was = page.evaluate(ZOOM)
        page.wait_for_function("(was) => document.querySelector('#tl-chart')._fullLayout.xaxis.range[0] !== was",
                               arg=was)
        _check(page.evaluate(AXIS), f"{where} at {width} px, zoomed in")
        was = page.evaluate(AXIS)["range"][0]
        page.locator("#tl-chart .rangeselector .button").first.click()
        page.wait_for_function("""(was) => document.querySelector('#tl-chart')._fullLayout.xaxis.range[0] !== was""",
                               arg=was)
        _check(page.evaluate(AXIS), f"{where} at {width} px, after the first preset")
