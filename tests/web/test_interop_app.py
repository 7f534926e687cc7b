"""TimelineJS files (its own examples, JSON and sheet CSV, deep time included) draw in the app."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

import timeline
from timeline.web import create_app

from tests.helpers import chart_ids, drawn_ids, open_app
from tests.helpers import FIX

pytestmark = pytest.mark.browser

EXAMPLES = ["eras.json", "women_in_computing.csv", "cosmo.json"]


@pytest.fixture(scope="module")
def servers(serve):
    return {name: serve(create_app(FIX / name).server) for name in EXAMPLES}


@pytest.mark.parametrize("name", EXAMPLES)
def test_timelinejs_example_draws_every_event_in_the_app(page, servers, name):
    ds = timeline.load(FIX / name)
    open_app(page, servers[name])
    assert chart_ids(page) == drawn_ids(ds)
    page.locator("#event-list [role=option]").first.click()
    first = page.locator("#event-list [role=option]").first.get_attribute("data-event")
    expect(page.locator("#details")).to_contain_text(ds.event(first)["title"])


def test_deep_time_draws_on_a_year_axis(page, servers):
    open_app(page, servers["cosmo.json"])
    axis = page.evaluate("() => document.querySelector('.js-plotly-plot')._fullLayout.xaxis.type")
    assert axis == "linear"
    ticks = page.evaluate("() => Array.from(document.querySelectorAll('.xtick text')).map(t => t.textContent)")
    assert any("billion" in t for t in ticks), ticks
