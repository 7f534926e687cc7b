"""Link previews: the pages carry Open Graph and Twitter card tags with the dataset's own title and
description (escaped), and og:image where there is an image."""
from __future__ import annotations

import html
import re

import pytest

from timeline.page import social


def _meta(page: str) -> dict[str, str]:
    found = {}
    for tag in re.findall(r"<meta\s[^>]*>", page):
        key = re.search(r'(?:property|name)="([^"]+)"', tag)
        value = re.search(r'content="([^"]*)"', tag)
        if key and value:
            found[key.group(1)] = html.unescape(value.group(1))
    return found


@pytest.fixture(scope="module")
def app_client(dataset):
    from timeline.web import create_app

    return create_app(dataset, reload_interval=-1).server.test_client()


def test_the_app_page_has_the_datasets_title_and_description(app_client, dataset):
    meta = _meta(app_client.get("/").get_data(as_text=True))
    assert meta["og:title"] == meta["twitter:title"] == dataset.title_in("en")
    assert meta["og:description"] == social.description(dataset, "en") != ""
    assert meta["og:type"] == "website" and meta["twitter:card"] == "summary"


def test_tags_escape_data_and_name_an_image_only_when_there_is_one():
    tags = social.tags('He said "<b>hi</b>" & left', "x" * 500, image="https://example.org/a.png")
    meta = _meta("\n".join(tags))
    assert meta["og:title"] == 'He said "<b>hi</b>" & left'
    assert "<b>" not in "".join(tags)
    assert meta["og:image"] == meta["twitter:image"] == "https://example.org/a.png"
    assert meta["twitter:card"] == "summary_large_image"
    assert "og:image" not in _meta("\n".join(social.tags("t", "d")))


def test_the_embed_page_has_the_tags_with_its_own_address(app_client, dataset):
    meta = _meta(app_client.get("/embed?actors=kim&lang=nl").get_data(as_text=True))
    assert meta["og:title"] == dataset.title_in("nl")
    assert meta["og:description"] == social.description(dataset, "nl")
    assert meta["og:url"] == "http://localhost/embed?actors=kim&lang=nl"
    assert meta["og:locale"] == "nl_NL"


def test_the_static_site_names_its_image_at_its_address(dataset):
    from timeline.page import site

    files = site.build(dataset, url="https://example.org/tk", image=b"\x89PNG\r\n\x1a\nfake")
    for page in ("index.html", "embed.html"):
        meta = _meta(files[page].decode("utf-8"))
        assert meta["og:image"] == "https://example.org/tk/social.png", page
        assert meta["twitter:card"] == "summary_large_image"
    assert files["social.png"].startswith(b"\x89PNG")
    no_image = _meta(site.build(dataset)["index.html"].decode("utf-8"))
    assert "og:image" not in no_image and no_image["og:title"] == dataset.title_in("en")
