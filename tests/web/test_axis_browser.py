"""The chart's axis in a real browser (issue #11): empty stretches collapsed and marked, the
overview under the chart, deep-time ticks that follow the zoom, phases that can be clicked."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.helpers import open_app, reader_page

pytestmark = pytest.mark.browser

EMBED_DRAWN = """() => { const gd = document.querySelector('#tl-chart');
  return !!(gd && gd._fullLayout && gd._fullLayout.xaxis && gd._fullData.length); }"""

# The share of the plot's width between the last event of 2019 and the first of 2021.
GAP_SHARE = """(sel) => { const gd = document.querySelector(sel); const xa = gd._fullLayout.xaxis;
  const p = (d) => xa.l2p(xa.d2l(d));
  return (p('2021-02-01') - p('2019-09-10')) / xa._length; }"""


def test_the_empty_stretch_of_2019_2021_is_collapsed_and_marked_in_the_embed(browser, app_server):
    with reader_page(browser, 1200, 700) as page:
        page.goto(app_server.url + "/embed")
        page.wait_for_function(EMBED_DRAWN)
        # drawn continuously, 17 empty months of 42 took 40% of the width
        assert page.evaluate(GAP_SHARE, "#tl-chart") < 0.12
        mark = page.locator("#tl-chart .annotation-text", has_text="months")
        expect(mark).to_be_visible()
        box, plot = mark.bounding_box(), page.locator("#tl-chart .nsewdrag").first.bounding_box()
        assert plot["x"] < box["x"] < plot["x"] + plot["width"]


def test_the_dutch_app_marks_the_break_in_dutch(browser, app_server):
    with reader_page(browser, 1280, 800) as page:
        open_app(page, app_server, "?lang=nl")
        expect(page.locator("#graph .annotation-text", has_text="maanden")).to_be_visible()
        assert page.evaluate(GAP_SHARE, "#graph .js-plotly-plot") < 0.12


# The overview's tick marks (each segment of the path axis.js draws over the strip, in the page's
# pixels), the overview's plot box, and the chart's range.
OVERVIEW = """(sel) => { const gd = document.querySelector(sel);
  const svg = gd.querySelector('.tl-overview-marks'), o = svg.getBoundingClientRect();
  const w = parseFloat(svg.querySelector('path').getAttribute('stroke-width')) / 2;
  const marks = Array.from(svg.querySelector('path').getAttribute('d').matchAll(/M([-\\d.]+),([-\\d.]+)V([-\\d.]+)/g))
    .map(m => [o.left + (+m[1]) - w, o.top + Math.min(+m[2], +m[3]), o.left + (+m[1]) + w, o.top + Math.max(+m[2], +m[3])]);
  const b = gd.querySelector('.subplot.x2y2 .bg, .draglayer .x2y2 .nsewdrag').getBoundingClientRect();
  return {marks, box: [b.left, b.top, b.right, b.bottom], traces: gd._fullData.length,
          range: gd._fullLayout.xaxis.range.slice()}; }"""


@pytest.mark.parametrize("where", ["/embed", "/"])
def test_the_overview_shows_whole_marks_and_moves_the_view(browser, app_server, where):
    with reader_page(browser, 1200, 700) as page:
        if where == "/":
            open_app(page, app_server)
            sel = "#graph .js-plotly-plot"
        else:
            page.goto(app_server.url + "/embed")
            page.wait_for_function(EMBED_DRAWN)
            sel = "#tl-chart"
        page.wait_for_function("(sel) => !!document.querySelector(sel + ' .tl-overview-marks path[d]')", arg=sel)
        o = page.evaluate(OVERVIEW, sel)
        assert len(o["marks"]) >= 20, "one tick mark per event position"
        (left, top, right, bottom) = o["box"]
        for (l, t, r, b) in o["marks"]:
            assert left - 0.5 <= l and r <= right + 0.5 and top - 0.5 <= t and b <= bottom + 0.5, "a mark is cut"
        assert page.locator(f"{sel} .rangeslider-container").count() == 0, "no range slider copying every trace"
        # a preset narrows the view: the window narrows with it
        page.locator(f"{sel} .rangeselector .button").first.click()
        page.wait_for_function("""(sel) => { const gd = document.querySelector(sel);
          const w = gd.querySelector('.tl-overview-window').getBoundingClientRect();
          const strip = gd.querySelector('.draglayer .x2y2 .nsewdrag').getBoundingClientRect();
          return w.width > 0 && w.width < strip.width / 3 && w.right > strip.right - 3; }""", arg=sel)
        before = page.evaluate(OVERVIEW, sel)["range"]
        # drag the window to the left end of the strip: the chart now shows 2017
        win = page.evaluate("""(sel) => { const gd = document.querySelector(sel), fl = gd._fullLayout;
          const box = gd.getBoundingClientRect(), xa2 = fl.xaxis2, ya2 = fl.yaxis2, xa = fl.xaxis;
          const mid = (xa.r2l(xa.range[0]) + xa.r2l(xa.range[1])) / 2;
          return {x: box.left + xa2._offset + xa2.l2p(mid), y: box.top + ya2._offset + ya2._length / 2,
                  left: box.left + xa2._offset + 2}; }""", sel)
        page.mouse.move(win["x"], win["y"])
        page.mouse.down()
        page.mouse.move(win["left"], win["y"], steps=5)
        page.mouse.up()
        page.wait_for_function("""([sel, was]) => document.querySelector(sel)._fullLayout.xaxis.range[0] !== was""",
                               arg=[sel, before[0]])
        after = page.evaluate(OVERVIEW, sel)["range"]
        assert after[0] < before[0] and str(after[0]).startswith("2017"), (before, after)
        if where == "/":   # the app's address follows the new range
            expect(page).to_have_url(__import__("re").compile(r"from=2017"))


DEEP = [("big-bang", "The Big Bang", "-13800000000"), ("earth", "The Earth forms", "-4500000000"),
        ("dinosaurs", "The dinosaurs die out", "-66000000"), ("fire", "Fire", "-400000"),
        ("athens", "Athens' democracy", "-508"), ("rome", "Rome", "-27"), ("moon", "Moon landing", "1969")]


@pytest.fixture(scope="module")
def deep_server(serve, tmp_path_factory):
    from tests.helpers import write_dataset
    from timeline.web import create_app

    ds = write_dataset(tmp_path_factory.mktemp("deep") / "deep",
                       [{"id": i, "title": t, "start": y, "actors": "kim"} for i, t, y in DEEP])
    assert ds.is_deep_time()
    return serve(create_app(ds, reload_interval=-1).server)


TICKS = """(sel) => Array.from(document.querySelectorAll(sel + ' .xtick text')).map(t => t.textContent)"""


@pytest.mark.parametrize("where", ["/embed", "/"])
def test_deep_time_tick_labels_follow_the_zoom(browser, deep_server, where):
    with reader_page(browser, 1200, 700) as page:
        if where == "/":
            open_app(page, deep_server)
            sel = "#graph .js-plotly-plot"
        else:
            page.goto(deep_server.url + "/embed")
            page.wait_for_function(EMBED_DRAWN)
            sel = "#tl-chart"
        first = page.evaluate(TICKS, sel)
        assert any("billion" in t for t in first), first
        page.evaluate("""(sel) => Plotly.relayout(document.querySelector(sel), {'xaxis.range': [-700, -300]})""", sel)
        page.wait_for_function("""(sel) => Array.from(document.querySelectorAll(sel + ' .xtick text'))
          .some(t => t.textContent === '500 BCE')""", arg=sel)
        zoomed = page.evaluate(TICKS, sel)
        years = [-int(t.replace(" BCE", "").replace(",", "")) for t in zoomed]
        assert len(years) >= 4 and all(-700 <= y <= -300 for y in years), zoomed
        assert not any("billion" in t or "million" in t for t in zoomed)


def test_the_pages_tick_rule_is_the_figures(browser, app_server):
    from timeline.figure.axis import year_ticks
    from timeline.i18n import WORDS

    with reader_page(browser, 1200, 700) as page:
        page.goto(app_server.url + "/embed")
        page.wait_for_function(EMBED_DRAWN)
        for lo, hi, lang in [(-13.8e9, 2000, "en"), (-4.6e9, -4.4e9, "nl"), (-520, -500, "en"), (-3, 2, "nl"),
                             (-250000, 1990, "nl")]:
            w = {k: WORDS[lang][k] for k in ("bce", "million", "billion", "decimal", "thousands")}
            js = page.evaluate("([lo, hi, w]) => window.timelineAxis.yearTicks(lo, hi, w)", [lo, hi, w])
            vals, text = year_ticks(lo, hi, WORDS[lang])
            assert (js["vals"], js["text"]) == (pytest.approx(vals), text), (lo, hi)


PHASE = "rocket-man-phase"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_phase_title_on_the_embed_opens_the_phase(browser, app_server, dataset, lang):
    from timeline import labels

    row = dataset.event(PHASE)
    title, date = labels.title(row, lang), labels.date_label(row, lang)
    with reader_page(browser, 1200, 700) as page:
        page.goto(app_server.url + f"/embed?lang={lang}")
        page.wait_for_function(EMBED_DRAWN)
        page.locator("#tl-chart .annotation", has_text=title[:20]).first.click()
        expect(page.locator("#tl-panel .tl-title")).to_have_text(title)
        expect(page.locator("#tl-panel .tl-date")).to_contain_text(date)
        summary = labels.summary(row, lang)
        assert summary, "the bundled phase has a description"
        expect(page.locator("#tl-panel .tl-summary")).to_contain_text(summary[:40])


def test_a_phase_title_in_the_app_selects_the_phase(browser, app_server, dataset):
    from timeline import labels

    title = labels.title(dataset.event(PHASE), "en")
    with reader_page(browser, 1280, 800) as page:
        open_app(page, app_server)
        page.locator("#graph .annotation", has_text=title[:20]).first.click()
        expect(page).to_have_url(__import__("re").compile(f"event={PHASE}"))
        expect(page.locator("#details-title")).to_have_text(title)
        expect(page.locator("#details")).to_contain_text(labels.date_label(dataset.event(PHASE), "en"))
