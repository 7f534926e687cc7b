"""The source view starts at the article's text (issue #11): a seed file is kept verbatim (quote
offsets count from its first character), and what its capture wrote before the article (front
matter, header lines, the bundled seed's bare " date 2021-02 ") is skipped when it is shown."""
from __future__ import annotations

import pytest

from timeline.quotes import article_start
from tests.helpers import SEED_TEXT


def shown(text: str) -> str:
    return text[article_start(text):]


def test_the_bundled_seed_starts_at_its_first_sentence():
    assert SEED_TEXT.startswith(" date 2021-02 ")   # as stored: the seed is not rewritten
    assert shown(SEED_TEXT).startswith("Voormalig Amerikaans president Donald Trump")


@pytest.mark.parametrize("text,first", [
    ("---\ntitle: Kim and Trump\ndate: 2021-02-08\n---\n\nThe article.", "The article."),
    ("\ufeff---\r\ntitle: x\r\n---\r\nBody", "Body"),
    ("Title: Kim and Trump\nDate: 2021-02-08\nURL: https://example.org/a\n\nThe article.", "The article."),
    ("Titel: Kim en Trump\nDatum: 8 februari 2021\n\nHet artikel.", "Het artikel."),
    ("date 2021-02-08T10:00:00Z Het artikel.", "Het artikel."),
    # no header: shown from the first character
    ("The article starts here.", "The article starts here."),
    ("Dateline Paris: the talks went on.", "Dateline Paris: the talks went on."),
    ("Sources say the summit failed.", "Sources say the summit failed."),
    ('{"events": [{"text": {"headline": "x"}}]}', '{"events"'),
    ("Title: nothing but a header", "Title: nothing but a header"),   # never an empty view
])
def test_headers_are_skipped_and_text_is_kept(text, first):
    assert shown(text).startswith(first)


def test_the_app_source_view_starts_at_the_article():
    import timeline
    from timeline.web.components import source_view

    ds = timeline.load()
    quote = ds.quotes[ds.quotes["source"].isin(list(ds.seeds))].iloc[0]
    body = source_view(ds, quote["id"], "en")[-1]   # the seed text, the quote marked in it
    before, mark, after = body.children
    assert before.startswith("Voormalig Amerikaans president") and "date 2021-02" not in before
    assert mark.children == quote["text"]
    assert before + mark.children + after == shown(ds.seeds[quote["source"]])
