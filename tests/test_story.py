"""Stories as data (stories.csv, titles in dataset.json) and the steps a view walks through."""
from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline import ValidationError, story
from timeline.view import View, from_query

from tests.helpers import mini_tables, to_csv, write_mini

# The mini dataset's events in date order: phase (2017-08), tweet (2017-09-17), Hanoi (2019-02-27).
STORY_ROWS = [
    ["story", "step", "event", "text", "text_nl"],
    ["hanoi-first", "1", "hanoi-summit", "It ends in Hanoi.", "Het eindigt in Hanoi."],
    ["hanoi-first", "2", "rocket-man-tweet", "It began with a tweet.", ""],
    ["tweet-only", "1", "rocket-man-tweet", "", ""],
]


def _write(tmp_path, rows=None, meta=None, name="ds"):
    folder = write_mini(tmp_path / name)
    if rows is not None:
        (folder / "stories.csv").write_text(to_csv(rows), encoding="utf-8")
    if meta is not None:
        (folder / "dataset.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def _problems(folder):
    with pytest.raises(ValidationError) as info:
        timeline.load(folder)
    return info.value.problems


def _events(position):
    return [s.event for s in position.steps]


def test_without_stories_the_story_is_every_event_in_date_order(tmp_path):
    tables = mini_tables()
    tables["events.csv"][1], tables["events.csv"][3] = tables["events.csv"][3], tables["events.csv"][1]
    ds = timeline.load(write_mini(tmp_path / "ds", tables))
    assert list(ds.events["id"])[0] == "hanoi-summit", "the file is not in date order"
    pos = story.position(ds, View(story_mode=True))
    assert _events(pos) == ["rocket-man-phase", "rocket-man-tweet", "hanoi-summit"]
    assert (pos.number, pos.total, pos.previous, pos.next) == (1, 3, None, 2)
    assert pos.story.id == story.ALL_EVENTS


def test_the_first_story_in_the_file_is_the_default_and_keeps_its_order(tmp_path):
    ds = timeline.load(_write(tmp_path, STORY_ROWS, {"stories": {"hanoi-first": {"title": "Backwards",
                                                                                 "title_nl": "Achterstevoren"}}}))
    pos = story.position(ds, View(story_mode=True))
    assert pos.story.id == "hanoi-first"
    assert _events(pos) == ["hanoi-summit", "rocket-man-tweet"]
    assert pos.step.text_in("en") == "It ends in Hanoi." and pos.step.text_in("nl") == "Het eindigt in Hanoi."
    assert pos.steps[1].text_in("nl") == "It began with a tweet.", "no Dutch text: the English one"
    assert pos.story.title_in("nl") == "Achterstevoren"
    assert _events(story.position(ds, View(story_mode=True, story="tweet-only"))) == ["rocket-man-tweet"]
    assert story.story_ids(ds) == ("hanoi-first", "tweet-only")


def test_steps_are_ordered_by_step_number_not_by_row(tmp_path):
    rows = [STORY_ROWS[0], ["s", "3", "hanoi-summit", "", ""], ["s", "1", "rocket-man-phase", "", ""],
            ["s", "2", "rocket-man-tweet", "", ""]]
    ds = timeline.load(_write(tmp_path, rows))
    assert _events(story.position(ds, View(story_mode=True))) == ["rocket-man-phase", "rocket-man-tweet",
                                                                  "hanoi-summit"]


def test_the_actor_filter_narrows_the_steps_and_numbers_them_again(tmp_path):
    ds = timeline.load(write_mini(tmp_path / "ds"))
    pos = story.position(ds, View(story_mode=True, actors=("kim",), step=2))
    assert _events(pos) == ["rocket-man-phase", "hanoi-summit"], "the tweet has Trump only"
    assert pos.step.event == "hanoi-summit" and pos.total == 2
    assert story.position(ds, View(story_mode=True, actors=("bolton",))).total == 0


def test_start_latest_and_clamped_steps(tmp_path):
    ds = timeline.load(write_mini(tmp_path / "ds"))
    assert story.position(ds, View(story_mode=True, story_start="latest")).step.event == "hanoi-summit"
    assert story.position(ds, View(story_mode=True, story_start="latest", step=1)).number == 1, \
        "a step in the address wins over start"
    assert story.position(ds, View(story_mode=True, step=99)).number == 3
    assert story.position(ds, View(story_mode=True, step=0)).number == 1


def test_an_unknown_story_id_is_the_default_story(tmp_path):
    ds = timeline.load(_write(tmp_path, STORY_ROWS))
    assert story.story(ds, "nope").id == "hanoi-first"


# --- validation ---------------------------------------------------------------------------------

def test_an_unknown_event_is_reported_with_file_row_and_column(tmp_path):
    rows = [list(r) for r in STORY_ROWS]
    rows[2][2] = "rocket-man-twet"
    problems = _problems(_write(tmp_path, rows))
    assert [(p.file, p.row, p.column) for p in problems] == [("stories.csv", 3, "event")]
    assert "unknown event 'rocket-man-twet'" in problems[0].message
    assert "did you mean 'rocket-man-tweet'" in problems[0].message
    assert str(problems[0]).startswith("stories.csv, row 3, column 'event': ")


@pytest.mark.parametrize("step, words", [("1", "has step 1 already, at row 2"),
                                         ("0", "numbered from 1"),
                                         ("two", "not a whole number"),
                                         ("", "empty")])
def test_bad_step_numbers(tmp_path, step, words):
    rows = [list(r) for r in STORY_ROWS]
    rows[2][1] = step
    problems = _problems(_write(tmp_path, rows))
    assert [(p.file, p.row, p.column) for p in problems] == [("stories.csv", 3, "step")]
    assert words in problems[0].message


def test_the_same_step_number_in_two_stories_is_fine(tmp_path):
    ds = timeline.load(_write(tmp_path, STORY_ROWS))
    assert len(ds.stories) == 3


def test_unknown_column_and_bad_story_id(tmp_path):
    rows = [list(r) for r in STORY_ROWS]
    rows[0][3] = "txt"
    rows[1][0] = "Hanoi First"
    problems = _problems(_write(tmp_path, rows))
    assert ("stories.csv", 1, "txt") in [(p.file, p.row, p.column) for p in problems]
    rows[0][3] = "text"
    problems = _problems(_write(tmp_path, rows, name="ds2"))
    assert [(p.file, p.row, p.column) for p in problems] == [("stories.csv", 2, "story")]


@pytest.mark.parametrize("meta, column", [({"stories": {"nope": {"title": "X"}}}, "stories.nope"),
                                          ({"stories": {"hanoi-first": {"titel": "X"}}}, "stories.hanoi-first.titel"),
                                          ({"stories": {"hanoi-first": {"title": 5}}}, "stories.hanoi-first.title"),
                                          ({"stories": {"hanoi-first": "X"}}, "stories.hanoi-first"),
                                          ({"stories": ["hanoi-first"]}, "stories")])
def test_story_titles_in_dataset_json_are_checked(tmp_path, meta, column):
    problems = _problems(_write(tmp_path, STORY_ROWS, meta))
    assert [(p.file, p.column) for p in problems] == [("dataset.json", column)]


def test_a_dataset_without_stories_has_an_empty_table(tmp_path):
    ds = timeline.load(write_mini(tmp_path / "ds"))
    assert ds.stories.empty and story.stories(ds) == ()


# --- the view -----------------------------------------------------------------------------------

def test_story_parameters_round_trip_through_the_query():
    view = from_query("mode=story&story=hanoi-first&step=3&start=latest&autoplay=8&lang=nl")
    assert view == View(lang="nl", story_mode=True, story="hanoi-first", step=3, story_start="latest",
                        autoplay=8)
    assert from_query(view.to_query()) == view
    assert View(story_mode=True).to_query() == "?mode=story"


@pytest.mark.parametrize("query", ["step=-1", "step=x", "step=1.5", "step=99999999999", "step=", "autoplay=1",
                                   "autoplay=601", "autoplay=fast", "start=middle", "story=Not%20A%20Slug",
                                   "story=" + "a" * 201, "step=%EF%BC%93"])
def test_malformed_story_values_are_dropped(query):
    assert from_query("mode=story&" + query) == View(story_mode=True)


def test_story_values_outside_story_mode_are_dropped():
    assert from_query("step=3&story=x&start=latest&autoplay=5") == View()
    assert from_query("mode=all&step=3").step is None


def test_unknown_stories_are_dropped_when_the_known_ones_are_given():
    assert from_query("mode=story&story=nope", stories={"a"}).story is None
    assert from_query("mode=story&story=a", stories={"a"}).story == "a"


story_views = st.builds(
    View,
    actors=st.lists(st.sampled_from(("kim", "trump")), unique=True, max_size=2).map(tuple),
    lang=st.sampled_from(("en", "nl")),
    story_mode=st.just(True),
    story=st.sampled_from((None, "a", "b-2")),
    step=st.one_of(st.none(), st.integers(1, 10_000)),
    story_start=st.sampled_from(("first", "latest")),
    autoplay=st.one_of(st.none(), st.integers(2, 600)),
)


@given(story_views)
def test_any_story_view_round_trips(view):
    assert from_query(view.to_query(), actors={"kim", "trump"}) == view
