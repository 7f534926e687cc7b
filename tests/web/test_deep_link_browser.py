"""A shared link opens on its own view: the app's first frame at `/?actors=…&event=…&lang=nl` is
already filtered, in Dutch, with the event open, and nothing is redrawn or asked of the server
after it (timeline.web.deep_link). Before, the page drew the default English view first and
replaced it a moment later, after six callback requests."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.helpers import reader_page

pytestmark = pytest.mark.browser

LINK = "/?actors=trump&event=feltman-briefs-council&lang=nl"

# Every figure plotly is given, by whom (dcc.Graph, the instant filter, the labels), as trace counts,
# and the page's language when the document was parsed.
RECORD = """(() => {
  let P; window.__drawn = [];
  document.addEventListener('DOMContentLoaded', () => { window.__langAtLoad = document.documentElement.lang; });
  Object.defineProperty(window, 'Plotly', {configurable: true, get() { return P; }, set(v) {
    P = v;
    for (const m of ['newPlot', 'react', 'update', 'restyle']) {
      const f = v[m];
      v[m] = function (gd, data) {
        window.__drawn.push({m, traces: Array.isArray(data) ? data.length : null});
        return f.apply(this, arguments);
      };
    }
  }});
})();"""
DRAWN = """() => { const gd = document.querySelector('#graph .js-plotly-plot');
  return !!(gd && gd._fullLayout && gd._fullLayout.xaxis && gd.calcdata); }"""


def _open(page, url) -> list[str]:
    """Open `url` in `page`, recording; the callback requests the page made until it was idle."""
    requests = []
    page.add_init_script(RECORD)
    page.on("request", lambda r: requests.append(r.url) if "_dash-update-component" in r.url else None)
    page.goto(url)
    page.wait_for_function(DRAWN, timeout=90000)
    page.wait_for_load_state("networkidle")   # anything the page would still ask, asked
    return requests


def test_a_link_draws_its_view_first_and_only(browser, app_server):
    with reader_page(browser, 1280, 900) as page:
        requests = _open(page, app_server.url + LINK)
        expect(page.locator("#details-title")).to_contain_text("Feltman brengt verslag uit")
        assert page.evaluate("() => window.__langAtLoad") == "nl"
        assert requests == []   # the layout was the link's view: no callback had anything to do
        drawn = page.evaluate("() => window.__drawn")
        final = page.evaluate("() => document.querySelector('#graph .js-plotly-plot').data.length")
        # one figure, the linked one, from the first frame (the labels may redraw it as it is)
        assert drawn and all(d["traces"] == final for d in drawn if d["traces"] is not None), drawn
        assert not [d for d in drawn if d["m"] in ("update", "restyle")], drawn   # no lanes hidden after
        shown = page.evaluate("""() => document.querySelector('#graph .js-plotly-plot')._fullLayout
                                     .yaxis.ticktext || []""")
        assert shown and all("Trump" in str(t) for t in shown), shown


def test_the_default_page_still_follows_a_link_it_was_not_built_for(browser, app_server):
    """Parameters in another order than the app writes them: the layout is still the linked
    view; the page's report of its address costs at most one request, which redraws nothing."""
    with reader_page(browser, 1280, 900) as page:
        requests = _open(page, app_server.url + "/?lang=nl&event=feltman-briefs-council&actors=trump")
        expect(page.locator("#details-title")).to_contain_text("Feltman brengt verslag uit")
        assert len(requests) <= 1, requests
        final = page.evaluate("() => document.querySelector('#graph .js-plotly-plot').data.length")
        assert all(d["traces"] == final for d in page.evaluate("() => window.__drawn") if d["traces"] is not None)
