"""Clean mapping both ways between TimelineJS and our tables: no made-up sources, lanes or text."""
from __future__ import annotations

import json

import timeline
from timeline import filters
from timeline.formats import timelinejs

from ..helpers import FIX


def _load(tmp_path, doc, name="t.json"):
    p = tmp_path / name
    p.write_text(json.dumps(doc), encoding="utf-8")
    return timeline.load(p)


def _slide(year, headline, text="", **kw):
    return {"start_date": {"year": str(year)}, "text": {"headline": headline, "text": text}, **kw}


def test_link_text_is_not_a_source_title(tmp_path):
    ds = _load(tmp_path, {"events": [_slide(2000, "Talks resume",
        "<p>Talks resumed in Geneva. <a href='https://example.org/news/2000/talks-resume'>More</a></p>")]})
    src = ds.sources[ds.sources["url"] == "https://example.org/news/2000/talks-resume"]
    assert len(src) == 1
    assert src.iloc[0]["title"] != "More"
    assert "example.org" in src.iloc[0]["title"]
    assert ds.events.iloc[0]["summary"] == "Talks resumed in Geneva."


def test_link_in_prose_keeps_its_words(tmp_path):
    ds = _load(tmp_path, {"events": [_slide(2000, "Report",
        "<p>As <a href='https://example.org/r'>the BBC reported</a>, talks resumed.</p>")]})
    assert ds.events.iloc[0]["summary"] == "As the BBC reported, talks resumed."
    assert ds.sources[ds.sources["url"] == "https://example.org/r"].iloc[0]["title"] != "the BBC reported"


def test_quote_speakers_without_events_are_no_lanes(tmp_path):
    ds = _load(tmp_path, {"events": [
        _slide(1969, "Moon landing", group="NASA",
               media={"url": "<blockquote>That's one small step for man.<cite>Neil Armstrong</cite></blockquote>"}),
        _slide(1970, "Splashdown", "<blockquote>Houston, we have had a problem.<cite>Jack Swigert</cite></blockquote>",
               group="NASA")]})
    assert set(ds.quotes["speaker"]) >= {"neil-armstrong", "jack-swigert"}
    assert filters.lane_actors(ds) == ("nasa",)
    fig = timeline.figure(ds)
    assert [name for _, name in fig.layout.meta["lanes"]] == ["NASA"]


def test_eras_need_no_lane():
    ds = timeline.load(FIX / "eras.json")
    phases = ds.events[ds.events["kind"] == "phase"]
    assert len(phases) > 0
    assert all(len(a) == 0 for a in phases["actors"])


def test_era_only_lane_is_gone(tmp_path):
    ds = _load(tmp_path, {"events": [_slide(2000, "A", group="Team")],
                          "eras": [{"start_date": {"year": "1999"}, "end_date": {"year": "2001"},
                                    "text": {"headline": "An era"}}]})
    assert [name for _, name in timeline.figure(ds).layout.meta["lanes"]] == ["Team"]


def test_export_uses_timelinejs_fields_not_boilerplate(dataset):
    data = timelinejs.to_timelinejs(dataset)
    for slide in data["events"]:
        text = slide["text"]["text"]
        assert "Actor: " not in text and "Actors: " not in text
        assert "Sources: " not in text
        assert "imported)" not in text
        ev = dataset.event(slide["unique_id"])
        assert slide["group"] == dataset.actor_name(ev["actors"][0])


def test_export_of_an_import_adds_no_text(tmp_path):
    src = {"events": [_slide(2000, "Plain", "<p>Just this.</p>", group="Team")]}
    ds = _load(tmp_path, src)
    slide = timelinejs.to_timelinejs(ds)["events"][0]
    from timeline.formats import html_text

    assert html_text.to_text(slide["text"]["text"]) == "Just this."
    assert slide["group"] == "Team"


def test_entities_are_decoded_once(tmp_path):
    ds = _load(tmp_path, {"title": {"text": {"headline": "Tom &amp;amp; Jerry"}},
                          "events": [_slide(2000, "R&amp;D &amp;lt;b&amp;gt;", "<p>5 &amp;gt; 3 &#x27;quoted&#x27;</p>",
                                            group="A &amp;amp; B", display_date="1&amp;2 May",
                                            media={"url": "https://example.org/x.jpg", "caption": "Cap &amp;amp; more",
                                                   "credit": "Cred &amp;#39;s"})]})
    ev = ds.events.iloc[0]
    assert ds.title == "Tom &amp; Jerry"
    assert ev["title"] == "R&D &lt;b&gt;"
    assert ev["summary"] == "5 &gt; 3 'quoted'"
    assert ds.actor_name(ev["actors"][0]) == "A &amp; B"
    assert ev["display_date"] == "1&2 May"
    m = ds.media.iloc[0]
    assert (m["caption"], m["credit"]) == ("Cap &amp; more", "Cred &#39;s")


def test_apostrophe_round_trip_keeps_the_quote_source(tmp_path):
    t = {"events": [_slide(1969, "Moon landing", group="NASA",
                           media={"url": "<blockquote>That's one small step for man.</blockquote>",
                                  "credit": "<a href='https://example.org/apollo-11'>Apollo 11 transcript</a>"})]}
    ds = _load(tmp_path, t)
    q = ds.quotes.iloc[0]
    assert q["text"] == "That's one small step for man."
    src = ds.sources.set_index("id").loc[q["source"]]
    assert src["url"] == "https://example.org/apollo-11"
    out = json.dumps(timelinejs.to_timelinejs(ds))
    assert "&#x27;" in out or "'" in out
    back = timelinejs.parse_bytes(out.encode(), "back.json")[3]
    bq = back.quotes.iloc[0]
    assert bq["text"] == q["text"]
    assert back.sources.set_index("id").loc[bq["source"]]["url"] == "https://example.org/apollo-11"
    assert "plain text" not in back.sources.set_index("id").loc[bq["source"]]["title"]


def test_apostrophe_in_a_seed_quote_stays_with_its_source(tmp_path):
    """A quote whose source is the imported file: after export and import it still cites that file."""
    ds = _load(tmp_path, {"events": [_slide(1969, "Moon", "<blockquote>That's one small step.<cite>Neil Armstrong</cite></blockquote>",
                                            group="NASA")]})
    out = tmp_path / "again.json"
    timelinejs.export(ds, out)
    back = timeline.load(out)
    bq = back.quotes.iloc[0]
    assert bq["text"] == "That's one small step."
    title = back.sources.set_index("id").loc[bq["source"]]["title"]
    assert "its quotes as plain text" not in title
