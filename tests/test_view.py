"""The view's URL query: round trips, and never fails on a malformed or hostile link."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from timeline.view import MAX_SEARCH, View, from_query, from_values

ACTORS = {"trump", "kim", "moon"}
EVENTS = {"hanoi-summit", "dmz"}


def test_default_view_has_an_empty_query():
    assert View().to_query() == "" and from_query("") == View() and from_query(None) == View()


def test_round_trip_of_a_full_view():
    view = View(actors=("trump", "kim"), mode="all", start="2018-01", end="2019-12", event="hanoi-summit",
                search="train ride", lang="nl")
    query = view.to_query()
    assert query.startswith("?actors=trump,kim&mode=all&from=2018-01&to=2019-12")
    assert from_query(query, actors=ACTORS, events=EVENTS) == view


def test_hostile_and_malformed_values_give_the_default_view():
    assert from_query("?actors=<script>&from=garbage&lang=xx&event=nope", actors=ACTORS, events=EVENTS) == View()


def test_each_bad_value_falls_back_alone():
    view = from_query("?actors=kim,nobody&mode=some&from=2018-02-30&to=2019&lang=nl", actors=ACTORS)
    assert view == View(actors=("kim",), end="2019", lang="nl")


def test_unknown_keys_and_repeated_values():
    assert from_query("?zoom=3&actors=kim&actors=moon", actors=ACTORS) == View(actors=("kim",))


def test_range_that_ends_before_it_starts_is_dropped():
    assert from_query("?from=2019&to=2018") == View()


def test_uncertain_dates_are_not_a_range():
    assert from_query("?from=c.%202018") == View()


def test_dates_from_plotly_relayout_are_read_at_day_precision():
    view = from_values(start="2018-03-01 12:00:00", end="2018-06-30T23:59:59.999")
    assert (view.start, view.end) == ("2018-03-01", "2018-06-30")


def test_search_is_trimmed_and_capped():
    assert from_query("?q=%20%20kim%20").search == "kim"
    assert len(from_query("?q=" + "a" * 1000).search) == MAX_SEARCH


def test_duplicate_actors_kept_once_in_order():
    assert from_values(actors="moon,kim,moon").actors == ("moon", "kim")


def test_range_days():
    lo, hi = View(start="2018-03", end="2018-03").range_days()
    assert hi - lo == 31
    assert View().range_days() == (None, None)


ids = st.sampled_from(sorted(ACTORS))
views = st.builds(
    View,
    actors=st.lists(ids, unique=True, max_size=3).map(tuple),
    mode=st.sampled_from(("any", "all")),
    start=st.sampled_from((None, "2017", "2018-03", "2018-03-04")),
    end=st.sampled_from((None, "2019", "2019-12", "2019-12-31")),
    event=st.sampled_from((None, "dmz", "hanoi-summit")),
    search=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30).map(str.strip),
    lang=st.sampled_from(("en", "nl")),
)


@given(views)
def test_any_valid_view_round_trips_through_its_query(view):
    assert from_query(view.to_query(), actors=ACTORS, events=EVENTS) == view


@given(st.text(max_size=200))
def test_any_query_text_opens_a_view(query):
    assert isinstance(from_query(query, actors=ACTORS, events=EVENTS), View)


def test_a_query_that_is_neither_text_nor_a_mapping_is_the_default_view():
    """A tampered callback request can put anything where the page keeps its query."""
    for odd in (True, 5, 2.5, ["?actors=trump"], ("a",), {"actors": 5}, {"actors": [{"a": 1}]}):
        assert from_query(odd) == View()
    assert from_values(actors=7, event=["x"]) == View()
