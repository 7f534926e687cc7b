"""Disputed involvement (issue #16): 'trump?' in an events.csv actors cell marks that actor's part
in the event as disputed. It is validated like any id, drawn as a hollow mark in the actor's lane,
named in the details with the sources, and counted (and said to be counted) by the actor filter."""
from __future__ import annotations

import pytest

import timeline
from timeline import ValidationError, details

from tests.helpers import mini_tables, write_mini


def _with_actors(tmp_path, cell, row=2):
    tables = mini_tables()
    header = tables["events.csv"][0]
    tables["events.csv"][row - 1][header.index("actors")] = cell
    return write_mini(tmp_path / "ds", tables)


def test_a_question_mark_marks_involvement_as_disputed(tmp_path):
    ds = timeline.load(_with_actors(tmp_path, "trump?;kim", row=3))
    tweet = ds.event("rocket-man-tweet")
    assert tuple(tweet["actors"]) == ("trump", "kim"), "the actor takes part, without the mark"
    assert tuple(tweet["disputed"]) == ("trump",)
    assert tuple(ds.event("hanoi-summit")["disputed"]) == ()


def test_an_unknown_disputed_id_is_an_error_naming_file_row_and_column(tmp_path):
    with pytest.raises(ValidationError) as info:
        timeline.load(_with_actors(tmp_path, "kimm?;trump", row=3))
    [p] = [p for p in info.value.problems if p.column == "actors"]
    assert (p.file, p.row) == ("events.csv", 3)
    assert "unknown actor 'kimm'" in p.message and "did you mean 'kim'" in p.message


@pytest.mark.parametrize("cell,words", [("?", "not an id"), ("trump??", "not an id"),
                                        ("trump;trump?", "both")])
def test_a_malformed_mark_is_an_error(tmp_path, cell, words):
    with pytest.raises(ValidationError) as info:
        timeline.load(_with_actors(tmp_path, cell, row=3))
    hits = [p for p in info.value.problems if (p.file, p.row, p.column) == ("events.csv", 3, "actors")]
    assert hits and words in hits[0].message, [str(p) for p in info.value.problems]


def test_the_bundled_feltman_events_mark_trump_as_disputed(dataset):
    for event_id in ("feltman-visit", "feltman-meets-ri"):
        ev = dataset.event(event_id)
        assert "trump" in ev["actors"] and tuple(ev["disputed"]) == ("trump",), event_id
    assert tuple(dataset.event("singapore-summit")["disputed"]) == ()


def _disputed_traces(fig):
    return [tr for tr in fig["data"] if (tr.get("meta") or {}).get("disputed")]


def test_the_figure_draws_a_disputed_involvement_hollow_with_a_question_mark(dataset):
    from timeline.figure import build
    from timeline.view import View

    fig, _ = build(dataset, View())
    [marks] = _disputed_traces(fig)
    assert marks["y"].tolist() == ["Donald Trump", "Donald Trump"], "in Trump's lane"
    assert sorted(row[0] for row in marks["customdata"]) == ["feltman-meets-ri", "feltman-visit"]
    assert marks["marker"]["symbol"].endswith("-open") and list(marks["text"]) == ["?", "?"]
    assert "involvement disputed" in marks["hovertemplate"]
    # nowhere else in Trump's lane as a plain mark, and plain in Feltman's
    plain = [tr for tr in fig["data"] if tr.get("legendgroup") == "Donald Trump" and tr not in (marks,)
             and tr.get("customdata") is not None]
    assert not any(row[0] in ("feltman-visit", "feltman-meets-ri") for tr in plain for row in tr["customdata"])
    feltman = [row[0] for tr in fig["data"] if tr.get("legendgroup") == "Jeffrey Feltman"
               and tr.get("customdata") is not None for row in tr["customdata"]]
    assert "feltman-meets-ri" in feltman
    dutch, _ = build(dataset, View(lang="nl"))
    assert "betrokkenheid betwist" in _disputed_traces(dutch)[0]["hovertemplate"]


def test_a_disputed_span_is_drawn_with_a_dotted_line(dataset):
    from timeline.figure import build
    from timeline.view import View

    fig, _ = build(dataset, View(actors=("trump",)))
    dotted = [tr for tr in fig["data"] if tr.get("legendgroup") == "Donald Trump" and tr.get("mode") == "lines"
              and tr["line"].get("dash") == "dot" and tr.get("hoverinfo") == "skip"]
    assert any(len(tr["x"]) == 3 for tr in dotted), "the visit (5-8 December) has its dotted span"


def test_the_details_say_involvement_disputed_with_the_sources(dataset):
    from timeline.page.document import event_details
    from timeline.web import components

    d = details.event_details(dataset, "feltman-meets-ri")
    assert d["disputed_ids"] == ["trump"] and d["disputed"] == ["Donald Trump"]
    assert {s["id"] for s in d["dispute_sources"]} == {"sunday-times-back-channel", "seed-article", "kbs-nauert",
                                                         "nikkei-feltman-ri"}
    assert details.event_details(dataset, "singapore-summit")["disputed"] == []
    panel = str(components.details(dataset, "feltman-meets-ri", "en"))
    assert "Involvement disputed: Donald Trump" in panel and "(involvement disputed)" in panel
    assert "Sources on the dispute" in panel
    dutch = str(components.details(dataset, "feltman-meets-ri", "nl"))
    assert "Betrokkenheid betwist: Donald Trump" in dutch and "(betrokkenheid betwist)" in dutch
    embed = event_details(dataset, "feltman-visit", "nl")
    assert embed["dispute"] == "Betrokkenheid betwist: Donald Trump" and embed["dispute_sources"]
    assert event_details(dataset, "hanoi-summit")["dispute"] == ""


def test_the_actor_filter_counts_a_disputed_involvement_and_says_so(dataset):
    from timeline import filters
    from timeline.view import View
    from timeline.web import components

    events = set(filters.visible_events(dataset, View(actors=("trump",)))["id"])
    assert {"feltman-visit", "feltman-meets-ri"} <= events, "'any of' Trump includes the disputed events"
    both = set(filters.visible_events(dataset, View(actors=("trump", "ri-yong-ho"), mode="all"))["id"])
    assert both == {"feltman-visit", "feltman-meets-ri"}, "'all of' counts them too"
    counts = filters.actor_counts(dataset)
    disputed = filters.actor_counts(dataset, disputed_only=True)
    assert disputed["trump"] == 2 and disputed.drop("trump").sum() == 0
    assert counts["trump"] == sum("trump" in a for a in dataset.events["actors"])
    options = {o["value"]: str(o["label"]) for o in components.actor_options(dataset, counts, disputed, "en")}
    assert f"{counts['trump']} · 2 disputed" in options["trump"] and "disputed" not in options["kim"]
    assert components.mode_note(disputed, "en") == \
        "Counts and the filter include 2 disputed involvements (drawn hollow, with a “?”)."
    assert "betwiste" in components.mode_note(disputed, "nl")
    assert components.mode_note(disputed * 0, "en") == ""


def test_a_timelinejs_round_trip_keeps_the_mark(dataset, tmp_path):
    import json

    from timeline.formats.timelinejs import to_timelinejs

    data = to_timelinejs(dataset)
    slide = next(e for e in data["events"] if e.get("unique_id") == "feltman-visit")
    assert "Donald Trump</span> (involvement disputed)" in slide["text"]["text"], "TimelineJS readers see it too"
    path = tmp_path / "tl.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    back = timeline.load(path)
    assert tuple(back.event("feltman-visit")["disputed"]) == ("trump",)
    assert tuple(back.event("singapore-summit")["disputed"]) == ()


def test_an_xlsx_round_trip_keeps_the_mark(dataset, tmp_path):
    from timeline.formats import xlsx

    out = tmp_path / "book.xlsx"
    out.write_bytes(xlsx.workbook_bytes(dataset))
    back = timeline.load(out)
    assert tuple(back.event("feltman-meets-ri")["disputed"]) == ("trump",)
    assert tuple(back.event("feltman-meets-ri")["actors"]) == tuple(dataset.event("feltman-meets-ri")["actors"])


def test_the_event_card_says_so_in_words(dataset):
    from timeline.page import cards

    html = cards.to_html(cards.card(dataset, "feltman-visit", "nl"))
    assert "Donald Trump</span><span class=\"tl-chip-disputed\"> (betrokkenheid betwist)</span>" in html
    assert "tl-chip-disputed" not in cards.to_html(cards.card(dataset, "singapore-summit", "en"))
