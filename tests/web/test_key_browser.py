"""The key to the chart's marks in the browser (issue #11): beside the chart on /embed and in the
app, the kinds the bundled dataset draws and no others, Dutch in Dutch, readable without
JavaScript, no sideways scroll at 320 px, axe-clean."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.helpers import axe_violations, layout_problems, reader_page, write_dataset
from timeline.page.document import document
from timeline.page.key import kinds_present
from timeline.view import View

pytestmark = pytest.mark.browser

KINDS_JS = "(sel) => [...document.querySelectorAll(sel + ' li')].filter(li => li.offsetParent).map(li => li.dataset.kind)"


def test_embed_key_beside_the_chart(browser, app_server, dataset):
    with reader_page(browser, 1000, 600) as page:
        page.goto(app_server.url + "/embed")
        page.wait_for_function("() => !!document.getElementById('tl-chart')._fullLayout")
        key = page.locator("#tl-key")
        expect(key.locator("summary")).to_have_text("Key to the marks")
        key.locator("summary").click()
        expect(key.locator("li").first).to_be_visible()
        assert page.evaluate(KINDS_JS, "#tl-key") == list(kinds_present(dataset))
        assert key.locator("li svg").count() == len(kinds_present(dataset))
        assert axe_violations(page) == []


@pytest.mark.parametrize("javascript", [True, False])
def test_embed_key_in_dutch_at_320_px(browser, app_server, javascript):
    with reader_page(browser, 320, 640, javascript=javascript) as page:
        page.goto(app_server.url + "/embed?lang=nl")
        key = page.locator("#tl-key")
        expect(key.locator("summary")).to_have_text("Uitleg bij de tekens")
        key.locator("summary").click()
        expect(key.locator('li[data-kind="span"]')).to_contain_text("tijdspanne")
        assert layout_problems(page) == []
        if javascript:
            assert axe_violations(page) == []


def test_app_key_in_the_readers_language(browser, app_server, dataset):
    with reader_page(browser, 1400, 900) as page:
        page.goto(app_server.url + "/?lang=nl")
        page.wait_for_function("() => document.documentElement.lang === 'nl'")
        dutch = page.locator(".chart-key-nl")
        expect(dutch).to_be_visible()
        expect(page.locator(".chart-key-en")).to_be_hidden()
        dutch.locator("summary").click()
        assert page.evaluate(KINDS_JS, ".chart-key-nl") == list(kinds_present(dataset))
        assert axe_violations(page) == []


def test_only_present_kinds_in_the_exported_file(browser, tmp_path):
    ds = write_dataset(tmp_path / "plain", [{"id": "a", "title": "A", "start": "2018-01-05", "actors": "kim"},
                                           {"id": "b", "title": "B", "kind": "span", "start": "2018-02-01",
                                            "end": "2018-03-01", "actors": "trump"}])
    with reader_page(browser, 1000, 600) as page:
        page.set_content(document(ds, View(), offline=True))
        page.wait_for_function("() => !!document.getElementById('tl-chart')._fullLayout")
        page.locator("#tl-key summary").click()
        assert page.evaluate(KINDS_JS, "#tl-key") == ["exact", "span"]
