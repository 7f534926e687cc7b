"""The story page as the server renders it (what a reader without JavaScript, or a feed reader,
gets), its routes, oEmbed and the offline file in story mode."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline
from timeline.page import story as story_page
from timeline.page.story_card import key_quote
from timeline.view import View, from_query

from tests.helpers import write_story
from tests.helpers import write_hostile


@pytest.fixture(scope="module")
def told(tmp_path_factory):
    return timeline.load(write_story(tmp_path_factory.mktemp("told") / "ds"))


@pytest.fixture(scope="module")
def client(told):
    import flask

    from timeline.web import embed

    app = flask.Flask("story-test")
    embed.register(app, told)
    return app.test_client()


class Text(HTMLParser):
    """The visible text of a fragment, and the elements seen."""

    def __init__(self):
        super().__init__()
        self.parts, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.parts.append(data)


def parsed(markup: str) -> Text:
    p = Text()
    p.feed(markup)
    return p


def test_the_card_has_title_date_place_actors_quote_sources_and_step_text(told):
    markup = story_page.card(told, View(story_mode=True, step=1))   # Hanoi, in the defined story
    p = parsed(markup)
    text = "".join(p.parts)
    assert '<h2 id="tl-step-title" class="tl-title">Hanoi summit</h2>' in markup
    assert '<time datetime="2019-02-27">27 Feb 2019</time> – <time datetime="2019-02-28">28 Feb 2019</time>' in markup
    assert '<span class="tl-place">Hanoi</span>' in markup
    assert '<li class="tl-chip">Donald Trump</li><li class="tl-chip">Kim Jong-un</li>' in markup
    assert '<p class="tl-step-text">It starts at the end: Hanoi.</p>' in markup
    assert "John Bolton, National Security Adviser" in text, "the speaker, with the title he held then"
    assert '<blockquote lang="en">He thought Kim was his new best friend</blockquote>' in markup, \
        "an English reader gets the translation"
    assert "translation: ours" in text and '<span lang="nl">Hij dacht dat Kim zijn nieuwe beste vriend was' in markup
    assert "<cite>The article</cite>" in markup, "a source without a URL is named"
    dutch = story_page.card(told, View(story_mode=True, step=1, lang="nl"))
    assert '<blockquote lang="nl">Hij dacht dat Kim zijn nieuwe beste vriend was</blockquote>' in dutch
    assert "Het begint bij het einde: Hanoi." in dutch and "27 feb 2019" in dutch


def test_the_key_quote_is_the_one_in_the_readers_language():
    quotes = [{"language": "nl", "id": "a"}, {"language": "en", "id": "b"}]
    assert key_quote(quotes, "en")["id"] == "b"
    assert key_quote(quotes, "nl")["id"] == "a"
    assert key_quote(quotes, "fr")["id"] == "a"
    assert key_quote([], "en") is None


def test_step_text_and_links_to_the_previous_and_next_step(told):
    page = story_page.document(told, from_query("mode=story&step=2&lang=nl"), offline=False,
                               assets={"plotly": "/p.js", "story_js": "/s.js", "story_css": "/s.css"})
    assert '<p class="tl-step-text">Twee jaar eerder: beledigingen.</p>' in page
    assert re.search(r'rel="prev" href="\?[^"]*step=1[^"]*">Vorige</a>', page)
    assert re.search(r'rel="next" href="\?[^"]*step=3[^"]*">Volgende</a>', page)
    assert "2 / 4" in page and "Stap 2 van 4" in page
    assert "<h1 class=\"tl-story-name\">De toppen, achterstevoren</h1>" in page
    assert "<title>2 / 4 · Rocket Man tweet — Story test</title>" in page


def test_the_first_and_last_steps_have_one_link(told):
    first = story_page.document(told, from_query("mode=story"), offline=False,
                                assets={"plotly": "p", "story_js": "s", "story_css": "c"})
    last = story_page.document(told, from_query("mode=story&start=latest"), offline=False,
                               assets={"plotly": "p", "story_js": "s", "story_css": "c"})
    assert 'rel="prev"' not in first and 'rel="next"' in first
    assert 'rel="next"' not in last and 'rel="prev"' in last and "4 / 4" in last


def test_a_view_that_leaves_no_step_says_so_and_links_to_the_whole_story(told):
    page = story_page.document(told, from_query("mode=story&q=nothing-matches-this"), offline=False,
                               assets={"plotly": "p", "story_js": "s", "story_css": "c"})
    assert "No event in this story matches this view." in page
    assert 'href="?mode=story">Show the whole story</a>' in page


def test_data_text_is_escaped_in_the_card(tmp_path):
    ds = timeline.load(write_hostile(tmp_path / "hostile"))
    markup = story_page.card(ds, View(story_mode=True, step=2))
    assert "<img" not in markup and "<script" not in markup and "<b>" not in markup
    assert "Rocket Man &lt;img src=x onerror=alert(1)&gt;" in markup


def test_routes_serve_the_story_page_and_a_steps_card(client):
    r = client.get("/embed?mode=story&step=3")
    assert r.status_code == 200 and r.mimetype == "text/html"
    page = r.get_data(as_text=True)
    assert "<h2 id=\"tl-step-title\" class=\"tl-title\">Letter from Kim</h2>" in page
    assert re.search(r'<script src="/_timeline/story\.js\?v=\w+"></script>', page)
    data = json.loads(re.search(r'<script type="application/json" id="tl-data">(.*?)</script>', page, re.S).group(1))
    assert (data["step"], data["total"], data["autoplay"]) == (3, 4, None)
    assert data["step_api"] == "/embed/step?mode=story"
    card = client.get("/embed/step?mode=story&step=4").get_data(as_text=True)
    assert card.startswith("<article") and "Meeting at the DMZ" in card and 'data-step="4"' in card
    assert client.get("/_timeline/story.js").status_code == 200
    assert client.get("/_timeline/story.css").status_code == 200
    # malformed story values are dropped, never an error page
    for q in ("step=abc", "step=-3", "story=<x>", "autoplay=0", "start=soon", "step=99999"):
        assert client.get(f"/embed?mode=story&{q}").status_code == 200, q


def test_oembed_passes_story_mode_through(client):
    r = client.get("/oembed?url=" + "http%3A%2F%2Flocalhost%2Fembed%3Fmode%3Dstory%26story%3Dshort%26step%3D1")
    assert r.status_code == 200
    src = re.search(r'src="([^"]+)"', r.get_json()["html"]).group(1)
    assert "mode=story" in src and "story=short" in src and "step=1" in src


def test_the_offline_file_in_story_mode_holds_every_card_and_loads_nothing(told, tmp_path):
    from timeline import cli

    out = tmp_path / "story.html"
    assert cli.main(["export", "html", str(out), "--data", str(told.path), "--mode", "story", "--step", "2",
                     "--autoplay", "5"]) == 0
    page = out.read_text(encoding="utf-8")
    template = re.search(r'<template id="tl-steps">(.*?)</template>', page, re.S).group(1)
    assert template.count("<article") == 4
    assert '"step_api":null' in page and '"autoplay":5' in page
    assert "default-src 'none'" in page and "<script src=" not in page and "<link rel=\"stylesheet\"" not in page
    assert cli.main(["export", "html", str(tmp_path / "x.html"), "--data", str(told.path), "--mode", "story",
                     "--story", "nope"]) == 2


KEYS = st.sampled_from(["mode", "story", "step", "start", "autoplay", "actors", "q", "lang", "event"])
VALUES = st.one_of(st.sampled_from(["story", "short", "the-summits", "latest", "first", "0", "1", "4", "-1",
                                    "99999999999", "nl", "kim", "%00", "<x>", "1e3", "", "\u202e"]),
                   st.text(max_size=12))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(KEYS, VALUES), max_size=6))
def test_any_story_query_gets_a_page_never_an_error(client, pairs):
    from urllib.parse import urlencode

    query = urlencode([("mode", "story")] + pairs)
    for path in ("/embed", "/embed/step"):
        r = client.get(f"{path}?{query}")
        assert r.status_code == 200, (path, query)
        assert "Traceback" not in r.get_data(as_text=True)
