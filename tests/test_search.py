"""Search: case- and accent-insensitive, over titles, summaries, quotes and actor names, with spans."""
from __future__ import annotations

import pytest
from tests.helpers import matching_ids
from tests.helpers import write_dataset

from timeline import search


@pytest.fixture
def ds(tmp_path):
    return write_dataset(tmp_path / "ds", [
        {"id": "summit", "title": "Singapore summit", "title_nl": "Top in Singapore", "start": "2018-06-12",
         "actors": "trump;kim", "summary": "They met at the Capella Hotel."},
        {"id": "cafe", "title": "Meeting at the Café Élysée", "start": "2019-02", "actors": "moon"},
        {"id": "ride", "title": "Air Force One", "start": "2019-02-28", "actors": "trump"},
    ], quotes=[
        {"id": "lift", "event": "ride", "speaker": "trump", "text": "Ik kan je een lift geven", "language": "nl",
         "translation": "I can give you a ride", "translation_by": "ours"},
    ])


def spans(matches):
    return [(m.event_id, m.field, m.text[m.start:m.end]) for m in matches]


def test_case_insensitive_title_match_with_span(ds):
    assert spans(search.search(ds, "SINGAPORE")) == [("summit", "title", "Singapore"),
                                                     ("summit", "title_nl", "Singapore")]


def test_accents_are_ignored_both_ways(ds):
    assert spans(search.search(ds, "cafe elysee")) == [("cafe", "title", "Café Élysée")]
    assert matching_ids(ds, "ÉLYSÉE") == ["cafe"]


def test_dutch_fields_come_first_in_dutch(ds):
    fields = [m.field for m in search.search(ds, "singapore", lang="nl")]
    assert fields == ["title_nl", "title"]


def test_summary_quote_translation_and_actor_fields(ds):
    assert spans(search.search(ds, "capella")) == [("summit", "summary", "Capella")]
    assert spans(search.search(ds, "lift")) == [("ride", "quote", "lift")]
    ride = search.search(ds, "give you")
    assert spans(ride) == [("ride", "quote_translation", "give you")] and ride[0].ref == "lift"
    kim = search.search(ds, "jong-un")
    assert spans(kim) == [("summit", "actor", "Jong-un")] and kim[0].ref == "kim"


def test_matching_ids_in_dataset_order(ds):
    assert matching_ids(ds, "trump") == ["summit", "ride"]


def test_query_is_literal_text_not_a_pattern(ds):
    assert matching_ids(ds, "(") == []
    assert matching_ids(ds, ".*") == []
    assert matching_ids(ds, "<b>") == []


def test_empty_or_blank_query_matches_nothing(ds):
    assert search.search(ds, "") == [] and search.search(ds, "   ") == []
    assert matching_ids(ds, "") == []


def test_whitespace_in_the_query_is_collapsed(ds):
    assert matching_ids(ds, "  air   force ") == ["ride"]


def test_limit(ds):
    assert len(search.search(ds, "e", limit=2)) == 2
    assert len(search.search(ds, "e", limit=None)) > 2


@pytest.mark.parametrize("original, query, expected", [
    ("Straße", "strasse", "Straße"),
    ("ﬁnal ﬁght", "fight", "ﬁght"),
    ("Kim Jŏng-ŭn", "jong-un", "Jŏng-ŭn"),
    ("Cafe\u0301 noir", "café", "Cafe\u0301"),
])
def test_span_maps_back_to_the_original_characters(original, query, expected):
    start, end = search.find_span(original, search.normalise(query))
    assert original[start:end] == expected


def test_first_match_per_event_for_only_the_listed_events(ds):
    """What the event list asks for: one match per shown event, the interface language's first."""
    assert spans(search.search(ds, "singapore", lang="nl", first_per_event=True)) == [
        ("summit", "title_nl", "Singapore")]
    assert spans(search.search(ds, "trump", events=["ride"])) == [("ride", "actor", "Trump")]
    assert search.search(ds, "singapore", events=["ride", "cafe"]) == []
