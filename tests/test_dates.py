"""Dates keep the precision and uncertainty they were written with."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline import dates
from timeline.dates import DateError, parse


@pytest.mark.parametrize("text, precision, lo, hi", [
    ("2018-06-12", "day", "2018-06-12", "2018-06-13"),
    ("2018-03", "month", "2018-03-01", "2018-04-01"),
    ("2018-12", "month", "2018-12-01", "2019-01-01"),
    ("2018", "year", "2018-01-01", "2019-01-01"),
    ("12 June 2018", "day", "2018-06-12", "2018-06-13"),
    ("12 juni 2018", "day", "2018-06-12", "2018-06-13"),
    ("June 2018", "month", "2018-06-01", "2018-07-01"),
])
def test_precision_and_interval(text, precision, lo, hi):
    d = parse(text)
    assert d.precision == precision and d.qualifier == ""
    assert d.lo() == parse(lo).lo() and d.hi() == parse(hi).lo()


def test_month_is_not_its_first_day():
    assert parse("2018-03").canonical() == "2018-03"
    assert parse("2018-03").hi() - parse("2018-03").lo() == 31


@pytest.mark.parametrize("text, qualifier, canonical", [
    ("c. 2018-03", "circa", "c. 2018-03"),
    ("circa 2018-03", "circa", "c. 2018-03"),
    ("~2018-03", "circa", "c. 2018-03"),
    ("2018-03~", "circa", "c. 2018-03"),
    ("before 2018-04", "before", "before 2018-04"),
    ("after 2018-04", "after", "after 2018-04"),
    ("2017-12-05..2017-12-09", "between", "2017-12-05..2017-12-09"),
])
def test_qualifiers(text, qualifier, canonical):
    d = parse(text)
    assert d.qualifier == qualifier and d.uncertain and d.canonical() == canonical


def test_uncertain_intervals():
    circa = parse("c. 2018-03")
    assert circa.lo() < parse("2018-03").lo() and circa.hi() > parse("2018-03").hi()
    assert parse("before 2018-04").lo() == float("-inf") and parse("before 2018-04").anchor() == parse("2018-04").lo()
    assert parse("after 2018-04").hi() == float("inf")
    between = parse("2017-12-05..2017-12-09")
    assert (between.lo(), between.hi()) == (parse("2017-12-05").lo(), parse("2017-12-10").lo())


@pytest.mark.parametrize("text, en, nl", [
    ("2018-06-12", "12 Jun 2018", "12 jun 2018"),
    ("2018-03", "Mar 2018", "mrt 2018"),
    ("c. 2018", "c. 2018", "ca. 2018"),
    ("before 2018-04", "before Apr 2018", "vóór apr 2018"),
    ("2017-12-05..2017-12-09", "between 5 Dec 2017 and 9 Dec 2017", "tussen 5 dec 2017 en 9 dec 2017"),
    ("-500", "500 BCE", "500 v.Chr."),
    ("-13800000000", "13.8 billion BCE", "13,8 miljard v.Chr."),
])
def test_labels_as_written(text, en, nl):
    assert parse(text).label("en") == en
    assert parse(text).label("nl") == nl


def test_deep_time_years_are_year_precise_and_ordered():
    big_bang, rome = parse("-13800000000"), parse("-500")
    assert big_bang.precision == "year" and big_bang.lo() < rome.lo() < parse("2018").lo()
    assert dates.days_to_year(rome.lo()) == pytest.approx(-500)
    assert dates.days_to_year(big_bang.lo()) == pytest.approx(-13.8e9)


@pytest.mark.parametrize("text, says", [
    ("", "empty"),
    ("   ", "empty"),
    ("garbage", "not a date"),
    ("2018-13", "month 13"),
    ("2018-02-30", "day 30"),
    ("0", "no year 0"),
    ("2018-03-01..2018-02-01", "before the earliest"),
    ("-500-03-01", "days are only kept"),
])
def test_errors_say_what_is_wrong(text, says):
    with pytest.raises(DateError, match=says):
        parse(text)


def test_none_is_an_error():
    with pytest.raises(DateError):
        parse(None)


points = st.one_of(
    st.dates(min_value=dates._dt.date(1, 1, 1)).map(lambda d: dates.Point(d.year, d.month, d.day)),
    st.tuples(st.integers(1, 9999), st.integers(1, 12)).map(lambda t: dates.Point(t[0], t[1])),
    st.integers(-10**10, 9999).filter(lambda y: y != 0).map(dates.Point),
)


@st.composite
def fuzzy_dates(draw):
    point = draw(points)
    qualifier = draw(st.sampled_from(("", "circa", "before", "after", "between")))
    if qualifier != "between":
        return dates.FuzzyDate(point, qualifier)
    upper = draw(points.filter(lambda p: p.hi() > point.lo()))
    return dates.FuzzyDate(point, "between", upper)


@given(fuzzy_dates())
def test_canonical_text_parses_back_to_the_same_date(d):
    again = parse(d.canonical())
    assert again == d and again.canonical() == d.canonical()


# -- traps of spreadsheets and habits: refused with the text to write, never guessed -------------

def test_ambiguous_day_and_month_is_refused_naming_both_readings():
    with pytest.raises(DateError) as e:
        parse("07/08/1969")
    msg = str(e.value)
    assert "7 August 1969 (day first)" in msg and "8 July 1969 (month first)" in msg
    assert "1969-08-07" in msg and "1969-07-08" in msg


@pytest.mark.parametrize("text, iso", [
    ("31/12/2018", "2018-12-31"),    # only one reading is a date: 31 is no month
    ("12/31/2018", "2018-12-31"),
    ("31.12.2018", "2018-12-31"),
    ("31-12-2018", "2018-12-31"),
    ("07/07/1969", "1969-07-07"),    # both readings are the same day
    ("1969/07/20", "1969-07-20"),
])
def test_a_numeric_date_with_one_reading_is_read(text, iso):
    assert parse(text) == parse(iso)


def test_month_first_is_read_when_the_format_says_so():
    assert parse("7/8/1969", month_first=True).canonical() == "1969-07-08"


@pytest.mark.parametrize("text", ["Jul-69", "7/20/69", "20-07-69", "69", "69-07", "July 20, 69"])
def test_two_digit_years_are_refused(text):
    with pytest.raises(DateError, match="two-digit year"):
        parse(text)


def test_years_below_100_are_written_with_four_digits():
    assert parse("0069").year == 69 and parse("0069").canonical() == "0069"
    assert parse("0069-03").canonical() == "0069-03"


@pytest.mark.parametrize("text, day", [
    ("1969-07-21 02:56", "1969-07-21"),
    ("1969-07-21T02:56:15Z", "1969-07-21"),
    ("1969-07-21T02:56+01:00", "1969-07-21"),
    ("21 July 1969 2:56 pm", "21 July 1969"),
    ("1969-07-21 00:00:00", "1969-07-21"),
])
def test_a_time_of_day_is_refused_not_dropped(text, day):
    with pytest.raises(DateError, match="time of day") as e:
        parse(text)
    assert f"write {day} " in str(e.value) and "display_date" in str(e.value)
