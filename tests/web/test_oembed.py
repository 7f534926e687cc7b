"""oEmbed (https://oembed.com): the answer's shape, its errors, and the discovery links."""
from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest

HOST = "http://localhost"


@pytest.fixture(scope="module")
def client(dataset):
    from timeline.web import create_app

    return create_app(dataset, reload_interval=-1).server.test_client()


def oembed(client, **params):
    return client.get("/oembed", query_string=params)


@pytest.mark.parametrize("page", [f"{HOST}/", f"{HOST}/embed", f"{HOST}/?actors=kim&lang=nl",
                                  f"{HOST}/embed?actors=kim&event=hanoi-summit"])
def test_answer_has_the_spec_shape(client, page):
    r = oembed(client, url=page, format="json")
    assert r.status_code == 200 and r.mimetype == "application/json"
    a = r.get_json()
    assert a["version"] == "1.0" and a["type"] == "rich"
    for key in ("provider_name", "provider_url", "title", "html"):
        assert isinstance(a[key], str) and a[key]
    assert isinstance(a["width"], int) and isinstance(a["height"], int)
    m = re.fullmatch(r'<iframe src="([^"]+)" width="(\d+)" height="(\d+)"[^<>]*></iframe>', a["html"])
    assert m, a["html"]
    src = html.unescape(m.group(1))
    assert (int(m.group(2)), int(m.group(3))) == (a["width"], a["height"])
    assert urlsplit(src).path == "/embed" and src.startswith(HOST)
    want = parse_qs(urlsplit(page).query)
    assert parse_qs(urlsplit(src).query) == want   # the same view
    assert a["provider_url"] == f"{HOST}/"


def test_max_sizes_are_honoured_and_bad_ones_ignored(client):
    full = oembed(client, url=f"{HOST}/").get_json()
    small = oembed(client, url=f"{HOST}/", maxwidth="320", maxheight="200").get_json()
    assert small["width"] <= 320 and small["height"] <= 200
    assert 'width="%d"' % small["width"] in small["html"] and 'height="%d"' % small["height"] in small["html"]
    big = oembed(client, url=f"{HOST}/", maxwidth="5000", maxheight="5000").get_json()
    assert (big["width"], big["height"]) == (full["width"], full["height"])
    for bad in ("abc", "-5", "0", "1e9", ""):
        r = oembed(client, url=f"{HOST}/", maxwidth=bad, maxheight=bad)
        assert r.status_code == 200
        assert (r.get_json()["width"], r.get_json()["height"]) == (full["width"], full["height"])


def test_errors(client):
    assert oembed(client).status_code == 400
    assert oembed(client, url="").status_code == 400
    assert oembed(client, url=f"{HOST}/", format="xml").status_code == 501
    assert oembed(client, url=f"{HOST}/", format="json").status_code == 200
    for foreign in ("http://example.org/embed", "http://localhost.evil.org/", "https://evil/?x=http://localhost/",
                    f"{HOST}/admin", f"{HOST}/embed/../secret", f"{HOST}/oembed", "javascript:alert(1)",
                    "ftp://localhost/", "not a url", "//localhost/"):
        assert oembed(client, url=foreign).status_code == 404, foreign


def test_title_and_html_escape_data(client):
    a = oembed(client, url=f'{HOST}/embed?actors=kim&q="><script>').get_json()
    assert "<script>" not in a["html"]
    assert a["html"].count("<iframe") == 1 and a["html"].endswith("</iframe>")


def _discovery(page: str) -> str:
    m = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', page)
    assert m, "no oEmbed discovery link"
    return html.unescape(m.group(1))


@pytest.mark.parametrize("path", ["/", "/?actors=kim&lang=nl", "/embed", "/embed?actors=trump"])
def test_discovery_link_on_the_app_and_the_embed_page(client, path):
    page = client.get(path).get_data(as_text=True)
    href = _discovery(page)
    parts = urlsplit(href)
    q = parse_qs(parts.query)
    assert parts.path == "/oembed" and q["format"] == ["json"]
    assert q["url"] == [HOST + path]    # the requested page itself
    answer = client.get(parts.path + "?" + parts.query)
    assert answer.status_code == 200 and answer.get_json()["type"] == "rich"
    assert page.count("application/json+oembed") == 1
