"""One event's details, gathered once for the app's panel, /api/event, /embed and the export."""
from __future__ import annotations

from timeline import details
from timeline.page import document
from timeline.web import components

from tests.helpers import mini_tables, write_mini


def test_quote_carries_speaker_title_then_translation_and_seed(dataset):
    d = details.event_details(dataset, "air-force-one-offer")
    dutch = [q for q in d["quotes"] if q["language"] == "nl"]
    assert dutch and all(q["translation_ours"] and q["in_seed"] for q in dutch)
    when = dataset.event("air-force-one-offer")["start_at"]
    pottinger = [q for q in dutch if q["speaker"] == "Matthew Pottinger"]
    assert pottinger and all(q["role"] == dataset.role_of("pottinger", when) != "" for q in pottinger)
    english = [q for q in d["quotes"] if q["original_language"]]
    assert english and all(q["original_language"] == "nl" for q in english), "an English original says of what"


def test_phase_title_dutch_and_missing_event(dataset):
    d = details.event_details(dataset, "un-speech", "nl")
    assert d["phase"] == dataset.event("rocket-man-phase")["title_nl"]
    assert d["title"] == dataset.event("un-speech")["title_nl"]
    assert details.event_details(dataset, "no-such-event") is None


def test_only_http_links_are_cited(tmp_path):
    import timeline

    ds = timeline.load(write_mini(tmp_path / "ds"))
    sources = {s["id"]: s for s in details.event_details(ds, "hanoi-summit")["sources"]}
    assert sources["seed"]["url"] == "" and sources["seed"]["title"] == "The article"


def test_app_panel_and_embed_json_show_the_same_quotes(dataset):
    """The Dash panel renders the same gathered details as /api/event and the export."""
    panel = str(components.details(dataset, "air-force-one-offer", "en"))
    for q in document.event_details(dataset, "air-force-one-offer")["quotes"]:
        assert q["text"] in panel and q["speaker"] in panel
        if q["role"]:
            assert q["role"] in panel


def test_the_note_is_shown_in_the_readers_language(dataset, tmp_path):
    import timeline

    ev = dataset.event("feltman-visit")
    dutch = details.event_details(dataset, "feltman-visit", "nl")["note"]
    assert dutch == ev["note_nl"] and dutch.startswith("Betwist") and dutch != ev["note"]
    assert details.event_details(dataset, "feltman-visit", "en")["note"] == ev["note"]
    assert dutch in str(components.details(dataset, "feltman-visit", "nl")), "the Dutch panel shows the Dutch note"
    # no Dutch note: the English one is shown in Dutch too
    tables = mini_tables()
    tables["events.csv"][0].append("note_nl")
    for row, (note, note_nl) in zip(tables["events.csv"][1:], (("", ""), ("Sunday morning.", ""), ("Two days.", "Twee dagen."))):
        row[-1] = note
        row.append(note_nl)
    ds = timeline.load(write_mini(tmp_path / "ds", tables))
    assert details.event_details(ds, "rocket-man-tweet", "nl")["note"] == "Sunday morning."
    assert details.event_details(ds, "hanoi-summit", "nl")["note"] == "Twee dagen."
    assert details.event_details(ds, "hanoi-summit", "en")["note"] == "Two days."
