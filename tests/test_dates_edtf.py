"""EDTF (ISO 8601-2) dates read with the edtf package, with the precision and uncertainty of our own syntax."""
from __future__ import annotations

import pytest

from timeline.dates import DateError, parse


@pytest.mark.parametrize("edtf, ours", [
    ("1969-07~", "c. 1969-07"),           # approximate
    ("2018?", "c. 2018"),                 # uncertain: drawn as circa too
    ("2018-06-12%", "c. 2018-06-12"),     # both
    ("?2004-06", "c. 2004-06"),           # level 2: a qualified part
    ("2004-06~-11", "c. 2004-06-11"),
    ("2017-12-05/2017-12-09", "2017-12-05..2017-12-09"),
    ("2017/2018-03", "2017..2018-03"),
    ("../2018-04", "before 2018-04"),     # open start
    ("/2018-04", "before 2018-04"),       # unknown start
    ("2018-04/..", "after 2018-04"),
    ("2018-04/", "after 2018-04"),
    ("2018-XX", "2018"),                  # unspecified month: the year
    ("2018-07-XX", "2018-07"),
    ("201X", "2010..2019"),               # unspecified year digits: the years they allow
    ("19XX", "1900..1999"),
    ("Y-170000002", "-170000002"),        # a year outside 1..9999
    ("Y17E7", "170000000"),
    ("-0500?", "c. -500"),                # negative years as in the rest of the format (no year 0)
])
def test_edtf_maps_onto_our_dates(edtf, ours):
    d = parse(edtf)
    assert d == parse(ours)
    assert d.canonical() == ours


def test_edtf_keeps_precision_and_interval():
    month = parse("1969-07~")
    assert month.precision == "month" and month.qualifier == "circa"
    assert month.lo() < parse("1969-07").lo() and month.hi() > parse("1969-07").hi()
    between = parse("2017-12-05/2017-12-09")
    assert (between.lo(), between.hi()) == (parse("2017-12-05").lo(), parse("2017-12-10").lo())
    assert parse("../2018-04").lo() == float("-inf") and parse("../2018-04").hi() == parse("2018-05").lo()


@pytest.mark.parametrize("text, says", [
    ("2018-02-30?", "not a date"),
    ("0000?", "no year 0"),
    ("2019/2018", "before the earliest"),
    ("../..", "open at both ends"),
    ("[1667,1668]", "set"),
    ("{1667,1668}", "set"),
    ("2018-1X", "unspecified digits"),
    ("2018-02/2018-03/2018-04", "one '/'"),
])
def test_edtf_that_has_no_counterpart_is_refused_with_a_reason(text, says):
    with pytest.raises(DateError, match=says):
        parse(text)


def test_the_edtf_package_prints_nothing_for_bad_input(capsys):
    with pytest.raises(DateError):
        parse("2018-1X")
    assert capsys.readouterr().out == ""


def test_the_edtf_table_in_the_format_doc_is_what_the_reader_does():
    import re
    from pathlib import Path

    doc = (Path(__file__).resolve().parent.parent / "docs" / "FORMAT.md").read_text(encoding="utf-8")
    table = doc.split("### EDTF", 1)[1].split("\n\n")[2]
    checked = 0
    for line in table.splitlines()[2:]:
        edtf, ours = (re.findall(r"`([^`]+)`", cell) for cell in line.split("|")[1:3])
        for a, b in zip(edtf, ours):
            assert parse(a).canonical() == b, line
            checked += 1
    assert checked >= 10
