"""/embed, /api/event and the embed assets, through Flask's test client (no browser)."""
from __future__ import annotations

import gzip
import html
import json
import re

import pytest

import timeline
from timeline import filters
from timeline.page import assets, document
from timeline.view import View
from timeline.web import embed
from tests.helpers import CLOSE, HOSTILE_QUOTE, IMG, SCRIPT, write_hostile
from tests.helpers import DATA_RE, payload


@pytest.fixture(scope="module")
def client(dataset):
    from timeline.web import create_app

    app = create_app(dataset, reload_interval=-1)
    return app.server.test_client()


@pytest.fixture(scope="module")
def hostile_client(tmp_path_factory):
    import flask

    ds = timeline.load(write_hostile(tmp_path_factory.mktemp("hostile") / "ds"))
    app = flask.Flask("hostile")
    embed.register(app, ds)
    return app.test_client()


def figure_ids(fig: dict) -> set[str]:
    return set(document.figure_ids(fig))


def test_embed_page_inlines_the_figure_for_the_view(client, dataset):
    r = client.get("/embed?actors=kim")
    assert r.status_code == 200 and r.mimetype == "text/html"
    page = r.get_data(as_text=True)
    data = payload(page)
    kim = filters.visible_events(dataset, View(actors=("kim",)))
    expected = set(kim[kim["kind"] != "phase"]["id"])
    assert all("kim" in a for a in kim["actors"])
    assert figure_ids(data["figure"]) == expected
    assert data["lang"] == "en" and data["event"] is None
    assert data["api"] == "/api/event/" and data["details"] is None
    # plotly.js from ONE cacheable URL of ours (preloaded for a wide frame only, loaded by embed.js);
    # the cards' and the embed's small JS and CSS inline (the first frame waits for no other
    # request), the scripts allowed by the page's CSP by hash; nothing from elsewhere
    assert re.findall(r'<script src="([^"]+)"', page) == [] and 'rel="stylesheet"' not in page
    assert re.findall(r'<link rel="preload" as="script" href="([^"]+)" media="\(min-width: 640px\)"', page) == [
        embed.asset_url("plotly")]
    assert data["plotly"] == embed.asset_url("plotly")
    inline = re.findall(r"<script>(.*?)</script>", page, flags=re.S)
    assert inline == list(document.inline_scripts()) and "tl-card" in page.split("</style>")[0]
    csp = dict(d.strip().split(" ", 1) for d in r.headers["Content-Security-Policy"].split(";"))
    assert csp["script-src"].split() == ["'self'", *document.script_hashes(inline).split()]
    assert 'id="tl-chart"' in page and 'id="tl-panel"' in page


def test_embed_honours_the_deep_link_parameters(client):
    page = client.get("/embed?actors=kim,nobody&event=hanoi-summit&lang=nl&from=2018-01&to=2019-12").get_data(as_text=True)
    data = payload(page)
    assert '<html lang="nl">' in page
    assert data["lang"] == "nl" and data["event"] == "hanoi-summit"
    assert data["strings"]["sources"] == "Bronnen"
    # the app link carries the same view (without the event, which the link adds)
    assert data["app"].endswith("/?actors=kim&from=2018-01&to=2019-12&lang=nl")
    bad = payload(client.get("/embed?event=%3Cscript%3E&lang=xx&actors=%3Cb%3E").get_data(as_text=True))
    assert bad["event"] is None and bad["lang"] == "en"


def test_embed_is_gzipped_when_accepted(client):
    plain = client.get("/embed")
    zipped = client.get("/embed", headers={"Accept-Encoding": "gzip, deflate"})
    assert "Content-Encoding" not in plain.headers
    assert zipped.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in zipped.headers["Vary"]
    assert gzip.decompress(zipped.data) == plain.data
    assert len(zipped.data) < len(plain.data) / 2


def test_plotly_js_is_served_long_cached_and_gzipped(client):
    url = embed.asset_url("plotly")
    assert url.startswith("/_timeline/plotly.min.js?v=")
    r = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert r.status_code == 200 and r.headers["Content-Encoding"] == "gzip"
    assert "max-age=31536000" in r.headers["Cache-Control"] and "immutable" in r.headers["Cache-Control"]
    assert r.headers["ETag"]
    raw = gzip.decompress(r.data)
    assert raw == assets.plotly_js_path().read_bytes()
    stale = client.get("/_timeline/plotly.min.js?v=old")
    assert "immutable" not in stale.headers["Cache-Control"]
    assert client.get("/_timeline/secrets.txt").status_code == 404
    assert b"def register" not in client.get("/_timeline/..%2Fembed.py").data
    for kind in ("js", "css"):
        assert client.get(embed.asset_url(kind)).status_code == 200


def test_event_details_json(client, dataset):
    r = client.get("/api/event/air-force-one-offer")
    assert r.status_code == 200 and r.mimetype == "application/json"
    d = r.get_json()
    assert d["id"] == "air-force-one-offer" and d["title"] and d["date"]
    assert d["quotes"] and d["sources"]
    for q in d["quotes"]:
        assert q["text"] and q["speaker"] and q["source"]["title"]
    nl = [q for q in d["quotes"] if q["language"] == "nl"]
    assert nl and all(q["translation"] and q["translation_ours"] for q in nl)
    # the speaker's title held on the event's date
    row = dataset.event("air-force-one-offer")
    first = dataset.quotes_for("air-force-one-offer").iloc[0]
    assert d["quotes"][0]["role"] == dataset.role_of(first["speaker"], float(row["start_at"]))
    dutch = client.get("/api/event/air-force-one-offer?lang=nl").get_json()
    if isinstance(row.get("title_nl"), str) and row["title_nl"]:
        assert dutch["title"] == row["title_nl"]
    assert client.get("/api/event/no-such-event").status_code == 404
    assert client.get("/api/event/hanoi-summit?lang=<x>").get_json()["title"]


def test_role_held_then_in_the_mini_dataset(hostile_client):
    d = hostile_client.get("/api/event/hanoi-summit").get_json()
    q = d["quotes"][0]
    assert q["speaker"] == "John Bolton" and q["role"] == "National Security Adviser"
    assert q["translation"] == "He thought Kim was his new best friend" and q["translation_ours"]
    assert q["translation_by"]


def test_hostile_text_stays_data(hostile_client):
    page = hostile_client.get("/embed").get_data(as_text=True)
    block = DATA_RE.search(page).group(1)
    assert "</script" not in block.lower() and "<!--" not in block
    assert "<script>" not in page.split('id="tl-data">')[1].split("</script>")[0]
    # outside the data block, data text appears only as escaped text (the cards, the chart's
    # summary): every hostile tag is spelled with &lt;, none is markup
    outside = DATA_RE.sub("", page)
    assert "<img" not in outside.lower() and "alert(2)</script>" not in outside
    assert outside.count("onerror") == outside.count("&lt;img src=x onerror") + outside.count("&lt;img src=y onerror")
    assert html.escape(IMG, quote=False) in outside
    # and the JSON gives back exactly the text
    data = json.loads(block)
    assert "rocket-man-tweet" in figure_ids(data["figure"])
    d = hostile_client.get("/api/event/rocket-man-tweet").get_json()
    assert d["title"] == f"Rocket Man {IMG}" and d["summary"] == f"Summary {SCRIPT}" and d["note"] == f"Note {CLOSE}"
    assert d["quotes"][0]["text"] == HOSTILE_QUOTE


def test_embed_under_a_path_prefix_uses_it(tmp_path):
    import flask
    from werkzeug.middleware.dispatcher import DispatcherMiddleware
    from werkzeug.test import Client

    ds = timeline.load(write_hostile(tmp_path / "ds"))
    inner = flask.Flask("inner")
    embed.register(inner, ds)
    c = Client(DispatcherMiddleware(flask.Flask("outer"), {"/tl": inner}))
    page = c.get("/tl/embed").get_data(as_text=True)
    assert payload(page)["api"] == "/tl/api/event/"
    assert payload(page)["plotly"].startswith("/tl/_timeline/plotly.min.js?v=")
    assert c.get("/tl/api/event/hanoi-summit").status_code == 200
