"""What `gunicorn --preload` shares: the master builds what the first requests need before it
forks, so the workers share one copy instead of building their own (docs/PERFORMANCE.md, memory)."""
from __future__ import annotations

import threading

import timeline
from timeline.index import derived
from timeline.page.key import key_html
from timeline.web import create_app, wsgi


def _cache(ds) -> dict:
    return ds.__dict__.get("_timeline_derived", {})


def test_the_key_builds_no_per_event_text():
    # the key needs each event's mark, not its escaped title, label, date and quote (at 100,000
    # events that table was 26 MiB kept for a density figure that never shows it)
    ds = timeline.load(None)
    assert key_html(ds, "en")
    assert not any(name.startswith("figure-events-") for name in _cache(ds))


def test_the_master_builds_the_first_pages_before_forking():
    ds = timeline.load(None)
    app = create_app(ds)
    wsgi._warm(app)
    assert not [t for t in threading.enumerate() if t.name.startswith("timeline-")]   # warm-up done
    figures = derived(ds, "figures", dict)
    assert any(options.lod for _, options in figures)   # /embed's figure, built and kept
    assert "ids:events" in _cache(ds)   # the set that checks a query's event=
