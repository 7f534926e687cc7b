"""The key to the chart's marks (page/key.py): only the kinds a dataset draws, in both languages,
in the page document (/embed, the offline file, the site)."""
from __future__ import annotations

from tests.helpers import write_dataset
from timeline.page.document import document
from timeline.page.key import KINDS, key_html, kinds_present
from timeline.view import View

EVERY_KIND = [
    {"id": "a", "title": "Exact", "start": "2018-01-05", "actors": "kim"},
    {"id": "b", "title": "Month", "start": "2018-03", "actors": "kim"},
    {"id": "c", "title": "Circa", "start": "c. 2018-05-01", "actors": "trump"},
    {"id": "d", "title": "Span", "kind": "span", "start": "2018-06-01", "end": "2018-07-01", "actors": "moon"},
    {"id": "e", "title": "Shared", "start": "2018-08-01", "actors": "kim;trump?"},
]


def test_only_the_kinds_the_dataset_draws(tmp_path):
    plain = write_dataset(tmp_path / "plain", [{"id": "a", "title": "A", "start": "2018-01-05", "actors": "kim"}])
    assert kinds_present(plain) == ("exact",)
    markup = key_html(plain, "en")
    assert markup.count("<li") == 1 and 'data-kind="exact"' in markup and 'data-kind="span"' not in markup
    every = write_dataset(tmp_path / "every", EVERY_KIND)
    assert kinds_present(every) == KINDS


def test_the_key_speaks_dutch_and_is_in_the_page(tmp_path, dataset):
    every = write_dataset(tmp_path / "every", EVERY_KIND)
    nl = key_html(every, "nl")
    assert "Uitleg bij de tekens" in nl and "tijdspanne" in nl and "betrokkenheid betwist" in nl
    assert "<svg" in nl and 'aria-hidden="true"' in nl
    for offline in (True, False):
        page = document(dataset, View(lang="nl"), offline=offline, assets={"plotly": "/p.js"})
        assert '<details class="tl-key"' in page and "Uitleg bij de tekens" in page
