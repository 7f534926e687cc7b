"""Which events a view shows: actor filter any/all, search, range; per-actor counts."""
from __future__ import annotations


import pytest

from timeline import filters, index
from timeline.view import View
from tests.helpers import write_dataset


@pytest.fixture
def ds(tmp_path):
    return write_dataset(tmp_path / "ds", [
        {"id": "tweet", "title": "Rocket Man tweet", "start": "2017-09-17", "actors": "trump"},
        {"id": "letter", "title": "Love letter", "start": "2018-09", "actors": "kim;trump"},
        {"id": "panmunjom", "title": "Panmunjom meeting", "start": "2018-04-27", "actors": "kim;moon"},
        {"id": "dmz", "title": "DMZ handshake", "start": "2019-06-30", "actors": "trump;kim;moon"},
        {"id": "era", "title": "Fire and fury", "kind": "phase", "start": "2017-08", "end": "2017-12",
         "actors": "trump;kim"},
    ])


def ids(frame):
    return list(frame["id"])


def test_no_filter_shows_every_event(ds):
    assert ids(filters.visible_events(ds, View())) == ["tweet", "letter", "panmunjom", "dmz", "era"]


def test_any_mode_shows_events_with_any_selected_actor(ds):
    assert ids(filters.visible_events(ds, View(actors=("moon",)))) == ["panmunjom", "dmz"]
    assert ids(filters.visible_events(ds, View(actors=("moon", "trump")))) == ["tweet", "letter", "panmunjom",
                                                                                "dmz", "era"]


def test_all_mode_needs_every_selected_actor(ds):
    assert ids(filters.visible_events(ds, View(actors=("kim", "trump"), mode="all"))) == ["letter", "dmz", "era"]
    assert ids(filters.visible_events(ds, View(actors=("kim", "trump", "moon"), mode="all"))) == ["dmz"]


def test_search_narrows_the_actor_filter(ds):
    assert ids(filters.visible_events(ds, View(actors=("kim",), search="handshake"))) == ["dmz"]


def test_range_filter_only_when_asked(ds):
    view = View(start="2018-01", end="2018-12")
    assert ids(filters.visible_events(ds, view, in_range=True)) == ["letter", "panmunjom"]
    assert len(filters.visible_events(ds, view)) == 5


def test_month_precise_event_overlaps_a_range_inside_its_month(ds):
    view = View(start="2018-09-20", end="2018-09-21")
    assert ids(filters.visible_events(ds, view, in_range=True)) == ["letter"]


def test_actor_counts_ignore_the_actor_selection_but_follow_search(ds):
    everything = filters.actor_counts(ds, View())
    assert everything.to_dict() == {"trump": 4, "kim": 4, "moon": 2}
    assert filters.actor_counts(ds, View(actors=("moon",))).to_dict() == everything.to_dict()
    assert filters.actor_counts(ds, View(search="letter")).to_dict() == {"trump": 1, "kim": 1, "moon": 0}


def test_actor_counts_in_range(ds):
    counts = filters.actor_counts(ds, View(start="2019", end="2019"), in_range=True)
    assert counts.to_dict() == {"trump": 1, "kim": 1, "moon": 1}


def test_membership_is_built_once_per_dataset(ds):
    assert index.membership(ds) is index.membership(ds)


def test_membership_follows_a_replaced_events_table(ds):
    before = index.membership(ds)
    ds.events = ds.events.iloc[:1].reset_index(drop=True)
    assert index.membership(ds) is not before
    assert ids(filters.visible_events(ds, View(actors=("trump",)))) == ["tweet"]


def test_lanes_are_the_selected_actors_in_file_order(ds):
    assert filters.lane_actors(ds, View()) == ("trump", "kim", "moon")
    assert filters.lane_actors(ds, View(actors=("moon", "trump"))) == ("trump", "moon")


def test_unknown_actor_matches_nothing(ds):
    assert filters.visible_events(ds, View(actors=("nobody",))).empty
