"""Links that leave the app (the Embed dialog's snippet, oEmbed, the discovery link) carry its public
address: TIMELINE_PUBLIC_URL, or the reader's host behind a proxy (TIMELINE_PROXY_FIX), never the
address the server happens to be bound to."""
from __future__ import annotations

import html
import json
import re
from urllib.parse import urlsplit

import pytest

from timeline.web import create_app

PUBLIC = "https://news.example.org/timelines/trump-kim"


def _iframe_src(snippet: str) -> str:
    return html.unescape(re.search(r'src="([^"]+)"', snippet).group(1))


def _open_embed_dialog(app, client, query: str, headers=None) -> str:
    """Fire the Embed dialog's callback as the page does when the button is clicked; the snippet."""
    key = next(k for k in app.callback_map if "embed-code.value" in k)
    spec = app.callback_map[key]
    values = {"embed-open.n_clicks": 1, "embed-close.n_clicks": 0, "view.data": query,
              "embed-modal.hidden": True}

    def items(deps):
        return [{"id": d["id"], "property": d["property"], "value": values.get(f"{d['id']}.{d['property']}")}
                for d in deps]

    outputs = [{"id": o.split(".")[0], "property": o.split(".")[1]} for o in key.strip(".").split("...")]
    body = {"output": key, "outputs": outputs, "inputs": items(spec["inputs"]), "state": items(spec["state"]),
            "changedPropIds": ["embed-open.n_clicks"]}
    r = client.post("/_dash-update-component", json=body, headers=headers or {})
    assert r.status_code == 200, r.get_data(as_text=True)
    return r.get_json()["response"]["embed-code"]["value"]


@pytest.fixture
def public_app(dataset, monkeypatch):
    monkeypatch.setenv("TIMELINE_PUBLIC_URL", PUBLIC + "/")
    return create_app(dataset, reload_interval=-1)


def test_the_public_url_is_in_the_embed_snippet_oembed_and_the_discovery_link(public_app):
    client = public_app.server.test_client()   # the request itself comes to http://localhost/
    snippet = _open_embed_dialog(public_app, client, "?actors=kim&lang=nl")
    assert _iframe_src(snippet) == f"{PUBLIC}/embed?actors=kim&lang=nl"
    answer = client.get("/oembed", query_string={"url": f"{PUBLIC}/embed?actors=kim"}).get_json()
    assert _iframe_src(answer["html"]) == f"{PUBLIC}/embed?actors=kim"
    assert answer["provider_url"] == PUBLIC + "/"
    local = client.get("/oembed", query_string={"url": "http://localhost/?actors=kim"}).get_json()
    assert _iframe_src(local["html"]) == f"{PUBLIC}/embed?actors=kim"   # asked by its own address: public links
    page = client.get("/embed?actors=kim").get_data(as_text=True)
    link = html.unescape(re.search(r'type="application/json\+oembed" href="([^"]+)"', page).group(1))
    assert link.startswith(f"{PUBLIC}/oembed?")
    assert client.get("/oembed", query_string={"url": "https://evil.example/embed"}).status_code == 404


def test_behind_a_proxy_the_links_use_the_readers_host_only_when_trusted(dataset):
    forwarded = {"X-Forwarded-Host": "timeline.example.org", "X-Forwarded-Proto": "https",
                 "X-Forwarded-For": "203.0.113.9"}
    trusted = create_app(dataset, reload_interval=-1, proxy_fix=1)
    client = trusted.server.test_client()
    snippet = _open_embed_dialog(trusted, client, "?actors=trump", headers=forwarded)
    assert _iframe_src(snippet) == "https://timeline.example.org/embed?actors=trump"
    answer = client.get("/oembed", query_string={"url": "https://timeline.example.org/embed"}, headers=forwarded)
    assert answer.status_code == 200
    assert urlsplit(_iframe_src(answer.get_json()["html"])).netloc == "timeline.example.org"
    # not trusted (the default): a client's X-Forwarded-Host cannot put another host into the links
    plain = create_app(dataset, reload_interval=-1)
    client = plain.server.test_client()
    snippet = _open_embed_dialog(plain, client, "?actors=trump", headers=forwarded)
    assert urlsplit(_iframe_src(snippet)).netloc == "localhost"
    assert client.get("/oembed", query_string={"url": "https://timeline.example.org/embed"},
                      headers=forwarded).status_code == 404


def test_a_malformed_public_url_is_refused_at_start(dataset, monkeypatch):
    monkeypatch.setenv("TIMELINE_PUBLIC_URL", "timeline.example.org")
    with pytest.raises(ValueError, match="TIMELINE_PUBLIC_URL"):
        create_app(dataset, reload_interval=-1)
    monkeypatch.delenv("TIMELINE_PUBLIC_URL")
    monkeypatch.setenv("TIMELINE_PROXY_FIX", "yes")
    with pytest.raises(ValueError, match="TIMELINE_PROXY_FIX"):
        create_app(dataset, reload_interval=-1)
