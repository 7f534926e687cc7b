"""A shared link's layout: `/_dash-layout` asked from a page at `/?actors=…&event=…&lang=nl` (its
Referer) is that view's page, so the first frame is the linked one (timeline.web.deep_link)."""
from __future__ import annotations

import json

import pytest

import timeline
from timeline.web import create_app

LINK = "?actors=trump&event=feltman-briefs-council&lang=nl"


@pytest.fixture(scope="module")
def client():
    return create_app(timeline.load(), reload_interval=-1).server.test_client()


def _layout(client, referer=None) -> dict:
    headers = {"Referer": referer} if referer is not None else {}
    resp = client.get("/_dash-layout", headers=headers)
    assert resp.status_code == 200
    assert "Referer" in resp.headers.get("Vary", "")   # a cache keeps one layout per address
    return resp.get_json()


def _find(node, cid):
    if isinstance(node, dict):
        if node.get("props", {}).get("id") == cid:
            return node["props"]
        for v in node.values():
            hit = _find(v, cid)
            if hit is not None:
                return hit
    elif isinstance(node, list):
        for v in node:
            hit = _find(v, cid)
            if hit is not None:
                return hit
    return None


def _text(node) -> str:
    if isinstance(node, str):
        return node
    if isinstance(node, list):
        return "".join(_text(v) for v in node)
    if isinstance(node, dict):
        return _text(node.get("props", {}).get("children", ""))
    return ""


def test_the_layout_is_the_linked_view(client):
    page = _layout(client, "http://localhost/" + LINK)
    assert _find(page, "view")["data"] == LINK
    assert _find(page, "lang")["value"] == "nl"
    assert _find(page, "actor-filter")["value"] == ["trump"]
    assert "Feltman brengt verslag uit" in _text(_find(page, "details")["children"])
    fig = _find(page, "graph")["figure"]
    default = _find(_layout(client), "graph")["figure"]
    assert 0 < len(fig["data"]) < len(default["data"])   # the other actors' lanes are not drawn
    assert _find(_layout(client), "view")["data"] == ""


def test_without_a_usable_address_the_layout_is_the_default_view(client):
    default = _layout(client)
    for referer in ("", "http://localhost/", "not a url ::: ?", "http://localhost/?actors=nobody&event=nothing&lang=xx",
                    "http://elsewhere.example/?" + "actors=" + "x" * 10000):
        assert json.dumps(_layout(client, referer)) == json.dumps(default), referer


def test_many_links_keep_answering_the_right_view(client):
    actors = ("trump", "kim", "moon", "feltman", "pottinger", "bolton", "nauert", "bbc", "pompeo", "ri-yong-ho")
    for actor in actors * 2:   # more links than the server keeps (layout_route.LINKED)
        assert _find(_layout(client, f"http://localhost/?actors={actor}"), "view")["data"] == f"?actors={actor}"
    assert _find(_layout(client, "http://localhost/" + LINK), "view")["data"] == LINK
    assert _find(_layout(client), "view")["data"] == ""


def test_the_page_is_in_the_links_language(client):
    assert '<html lang="nl">' in client.get("/?lang=nl").get_data(as_text=True)
    assert '<html lang="en">' in client.get("/?lang=xx").get_data(as_text=True)
    assert '<html lang="en">' in client.get("/").get_data(as_text=True)
