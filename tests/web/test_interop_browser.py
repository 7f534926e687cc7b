"""Our TimelineJS export loads in the real TimelineJS library (from npm) in Chromium."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from timeline.formats import timelinejs
from tests.helpers import PKG, ROOT, tl_server  # noqa: F401  (tl_server: the fixture serving TimelineJS)

DATA = ROOT / "data" / "trump-kim"


def _dataset():
    import timeline

    if (DATA / "events.csv").exists():
        return timeline.load(DATA)
    return timeline.load(ROOT / "tests" / "fixtures" / "timelinejs" / "women_in_computing.csv")


def _render(page, url, data):
    errors, blocked = [], []

    def on_console(m):
        # a resource outside the loopback server (web fonts, media) is blocked: there is no network here
        if m.type == "error" and not (m.text.startswith("Failed to load resource")
                                      and not m.location.get("url", "").startswith(url)):
            errors.append(m.text)

    def route(r):
        if r.request.url.startswith(url):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.on("console", on_console)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", route)
    page.goto(url + "/")
    loaded = page.evaluate("data => window.loadTimeline(data)", data)
    return loaded, errors


def _slide_ids(page):
    return page.evaluate("() => window.timeline._storyslider._slides.map(s => s.data.unique_id)")


@pytest.mark.browser
def test_exported_dataset_loads_in_timelinejs(page, tl_server):
    ds = _dataset()
    data = json.loads(json.dumps(timelinejs.to_timelinejs(ds)))
    loaded, errors = _render(page, tl_server.url, data)
    assert loaded, "TimelineJS never fired 'loaded'"
    events = ds.events[ds.events["kind"] != "phase"]
    ids = _slide_ids(page)
    assert len(ids) == len(events) + 1            # the title slide comes first
    assert set(ids[1:]) == set(events["id"])
    assert page.locator(".tl-slide").count() == len(events) + 1
    eras = page.evaluate("() => window.timeline.config.eras.length")
    assert eras == int((ds.events["kind"] == "phase").sum())
    assert page.locator(".tl-timemarker").count() == len(events)
    assert not errors, errors
    # a quote is shown as a blockquote with its speaker, escaped text intact
    if len(ds.quotes):
        from playwright.sync_api import expect

        q = ds.quotes.iloc[0]
        ev = ds.event(q["event"])
        if ev["kind"] != "phase":
            page.evaluate("id => window.timeline.goToId(id)", q["event"])
            cite = page.locator(f'.tl-media-blockquote blockquote[data-quote="{q["id"]}"] cite')
            expect(cite).to_have_text(ds.actor_name(q["speaker"]))
            expect(page.locator(f'.tl-media-blockquote blockquote[data-quote="{q["id"]}"] p').first).to_have_text(q["text"])
    assert not errors, errors


@pytest.mark.browser
def test_deep_time_export_loads_in_timelinejs(page, tl_server):
    import timeline

    ds = timeline.load(PKG / "src" / "template" / "cosmo.json")
    data = timelinejs.to_timelinejs(ds)
    assert data["scale"] == "cosmological"
    loaded, errors = _render(page, tl_server.url, data)
    assert loaded
    assert len(_slide_ids(page)) == len(ds.events) + 1
    assert not errors, errors
