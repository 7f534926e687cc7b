"""An imported event with an image shows that image in the app's details, in /embed and in the
exported file: inline, with its alt text and credit, lazy, without a referrer. Other kinds are
links. The image's host is answered by the test (there is no network here)."""
from __future__ import annotations

import base64
from pathlib import Path

import pytest
from playwright.sync_api import expect

import timeline

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "timelinejs" / "corpus" / "media-kinds.json"
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")
IMAGE = "https://example.org/photos/harbour.jpg"
ALT = "Boats in a harbour at dawn"


@pytest.fixture(scope="module")
def imported(serve):
    from timeline.web import create_app

    ds = timeline.load(FIXTURE)
    event = ds.media[ds.media["url"] == IMAGE].iloc[0]["event"]
    video = ds.media[ds.media["kind"] == "video"].iloc[0]["event"]
    return {"ds": ds, "event": event, "video": video, "server": serve(create_app(FIXTURE, reload_interval=-1).server)}


def _images(page):
    """Answer the fixture's image host with a 1x1 PNG; record every request that reached it."""
    seen = []

    def answer(route):
        seen.append((route.request.url, route.request.headers.get("referer")))
        route.fulfill(status=200, content_type="image/png", body=PNG)

    page.route("https://example.org/**", answer)
    return seen


def _check_image(page, scope, seen):
    img = page.locator(f'{scope} img[alt="{ALT}"]')
    expect(img).to_be_visible()
    expect(img).to_have_attribute("src", IMAGE)
    expect(img).to_have_attribute("loading", "lazy")
    expect(img).to_have_attribute("referrerpolicy", "no-referrer")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle())
    assert seen and all(ref is None for _, ref in seen)   # no referrer reached the image's host
    expect(page.locator(scope)).to_contain_text("Photo: Ann")
    expect(page.locator(scope)).to_contain_text("The harbour & its boats")
    assert page.locator(f"{scope} iframe, {scope} video, {scope} audio, {scope} embed, {scope} object").count() == 0


def test_app_details_show_the_imported_image(page, imported):
    seen = _images(page)
    page.goto(imported["server"].url + f"/?event={imported['event']}")
    _check_image(page, "#details", seen)


def test_other_kinds_are_links(page, imported):
    page.goto(imported["server"].url + f"/?event={imported['video']}")
    link = page.locator("#details a.media-link")
    expect(link).to_have_text("A video")
    expect(link).to_have_attribute("href", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    assert page.locator("#details iframe, #details video").count() == 0


def test_embed_shows_the_image(page, imported):
    seen = _images(page)
    page.goto(imported["server"].url + f"/embed?event={imported['event']}")
    _check_image(page, "#tl-panel", seen)


def test_exported_file_shows_the_image(page, imported, tmp_path):
    from timeline.page.export import export_file
    from timeline.view import View

    out = export_file(imported["ds"], View(event=imported["event"]), tmp_path / "media.html")
    seen = _images(page)
    page.goto(out.as_uri())
    _check_image(page, "#tl-panel", seen)
