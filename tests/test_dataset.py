"""The bundled Trump–Kim dataset: valid, sourced, and every seed quote verbatim in seeds/."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys

from tests.helpers import ROOT

SHARED_SEED = ROOT.parent / "shared" / "seeds" / "000_b4ec18b8cba0ac6d.txt"


def test_cli_validate_passes_on_bundled_dataset():
    r = subprocess.run([sys.executable, "-m", "timeline", "validate"], capture_output=True, text=True,
                       cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("ok:") and r.stdout.count("\n") == 1


def test_every_seed_quote_is_verbatim_at_its_offsets(dataset):
    seeded = dataset.quotes[dataset.quotes["source"].isin(list(dataset.seeds))]
    assert len(seeded) >= 6, "the article's quotes are attached"
    for _, q in seeded.iterrows():
        text = (ROOT / "seeds" / dataset.sources.set_index("id").loc[q["source"], "seed"]).read_text(encoding="utf-8")
        assert text[q["start_offset"]:q["end_offset"]] == q["text"], q["id"]


def test_seed_is_the_article_byte_for_byte():
    ours = (ROOT / "seeds" / "000_b4ec18b8cba0ac6d.txt").read_bytes()
    meta = json.loads((ROOT / "seeds" / "000_b4ec18b8cba0ac6d.json").read_text(encoding="utf-8"))
    assert hashlib.sha256(ours).hexdigest() == meta["sha256"]
    assert meta["language"] == "nl" and meta["date"] == "2021-02"
    if SHARED_SEED.exists():
        assert ours == SHARED_SEED.read_bytes()


def test_required_story_is_covered(dataset):
    ev = dataset.events.set_index("id")
    assert ev.loc["rocket-man-phase", "kind"] == "phase"
    inside = set(dataset.events.loc[dataset.events["phase"] == "rocket-man-phase", "id"])
    assert {"rocket-man-tweet", "un-speech"} <= inside
    for event_id in ("feltman-visit", "kim-meets-envoys", "trump-accepts", "singapore-summit",
                     "kim-train-to-hanoi", "hanoi-summit", "hanoi-walkout", "air-force-one-offer",
                     "dmz-meeting", "documentary-kim-episode"):
        assert event_id in ev.index, event_id
    assert ev.loc["singapore-summit", "start"] == "2018-06-12"
    assert ev.loc["dmz-meeting", "start"] == "2019-06-30"
    note = ev.loc["feltman-visit", "note"]
    assert "State Department" in note and "2021" in note, "the 2017 denial is recorded beside the 2021 account"


def test_every_event_has_a_source_that_can_be_read(dataset):
    assert dataset.events["sources"].map(len).min() >= 1
    readable = dataset.sources["url"].str.match(r"https?://") | dataset.sources["seed"].ne("")
    assert readable.all()


def test_translations_are_marked_as_ours(dataset):
    translated = dataset.quotes[dataset.quotes["translation"] != ""]
    assert len(translated) >= 6
    assert set(translated["translation_by"]) == {"ours"}


def test_actors_carry_the_title_held_at_the_time(dataset):
    ev = dataset.events.set_index("id")
    assert dataset.role_of("bolton", ev.loc["hanoi-summit", "start_at"]) == "National Security Adviser"
    assert "National Security Adviser" not in dataset.role_of("bolton", ev.loc["un-speech", "start_at"])
    assert dataset.role_of("pottinger", ev.loc["hanoi-summit", "start_at"]) != \
        dataset.role_of("pottinger", ev.loc["documentary-kim-episode", "start_at"])


# Wave 2 (issue #16): the whole arc between the summits, each new event dated as researched
# (RESEARCH.md says what backs each date).
WAVE_TWO = {
    "nuclear-test-6": "2017-09-03",
    "kim-dotard-statement": "2017-09-22",
    "hwasong-15-launch": "2017-11-29",
    "feltman-briefs-council": "2017-12-12",
    "kim-yo-jong-invitation": "2018-02-10",
    "olympics-close-talks": "2018-02-25",
    "pompeo-secret-visit": "2018-03-30..2018-04-01",
    "pompeo-visit-revealed": "2018-04-17",
    "panmunjom-summit": "2018-04-27",
    "summit-cancelled": "2018-05-24",
    "kim-yong-chol-oval-office": "2018-06-01",
    "fell-in-love-rally": "2018-09-29",
    "kim-train-home": "2019-03-02",
    "bolton-fired": "2019-09-10",
}


def test_wave_two_events_are_dated_placed_and_sourced(dataset):
    ev = dataset.events.set_index("id")
    assert len(ev) >= 35
    urls = dataset.sources.set_index("id")["url"]
    for event_id, start in WAVE_TWO.items():
        e = ev.loc[event_id]
        assert e["start"] == start, event_id
        assert e["place"] and e["title_nl"] and e["summary"] and e["summary_nl"], event_id
        assert e["sources"] and all(urls[s].startswith("http") for s in e["sources"]), event_id
    assert ev.loc["kim-train-home", "kind"] == "span" and ev.loc["kim-train-home", "end"] == "2019-03-05"
    assert ev.loc["pompeo-secret-visit", "start_qualifier"] == "between"
    inside = set(dataset.events.loc[dataset.events["phase"] == "rocket-man-phase", "id"])
    assert {"nuclear-test-6", "kim-dotard-statement", "hwasong-15-launch", "feltman-briefs-council",
            "kim-yo-jong-invitation", "olympics-close-talks"} <= inside


def test_new_actors_take_part_where_the_record_puts_them(dataset):
    ev = dataset.events.set_index("id")
    assert "kim-yo-jong" in ev.loc["kim-yo-jong-invitation", "actors"]
    assert "kim-yong-chol" in ev.loc["olympics-close-talks", "actors"]
    assert "kim-yong-chol" in ev.loc["kim-yong-chol-oval-office", "actors"]
    assert "pompeo" in ev.loc["pompeo-secret-visit", "actors"]
    assert dataset.role_of("pompeo", ev.loc["pompeo-secret-visit", "start_at"]) == "Director of the CIA"
    assert dataset.role_of("pompeo", ev.loc["kim-yong-chol-oval-office", "start_at"]) == "US Secretary of State"


def test_quotes_on_record_for_the_new_events(dataset):
    q = dataset.quotes.set_index("id")
    assert q.loc["trump-dmz-honor-en", "text"] == "Stepping across that line was a great honor"
    assert q.loc["trump-dmz-honor-en", "event"] == "dmz-meeting"
    assert "door ajar" in q.loc["feltman-door-ajar-en", "text"]
    assert "dotard" in q.loc["kim-dotard-en", "text"]
    assert "fell in love" in q.loc["trump-fell-in-love-en", "text"]


def test_untraceable_sources_are_gone(dataset):
    gone = {"thehill-rocket-man", "zoominkorea-feltman", "ntd-chung-wh", "abplive-trump-accepts",
            "nydailynews-hanoi", "guardian-biden"}
    assert not gone & set(dataset.sources["id"])
    assert not dataset.sources["url"].str.contains("digital-stage|digital-release").any()
    walkout = dataset.events.set_index("id").loc["hanoi-walkout"]
    assert "two hours ahead of schedule" not in walkout["summary"], "the claim rested on an untraceable source"


def test_corrected_roles_notes_and_links(dataset):
    ev = dataset.events.set_index("id")
    roles = dataset.roles
    pottinger = roles[(roles["actor"] == "pottinger") & (roles["title"] == "Deputy National Security Adviser")].iloc[0]
    assert pottinger["to"] == "2021-01-06"
    nauert = roles[roles["actor"] == "nauert"]
    assert (nauert["from"] != "").all() and nauert.iloc[0]["to"] != ""
    assert dataset.role_of("feltman", ev.loc["feltman-visit", "start_at"], "nl") == \
        "VN-ondersecretaris-generaal voor politieke zaken"
    assert "ondersecretaris-generaal" in ev.loc["feltman-visit", "summary_nl"]
    assert "adjunct-secretaris" not in ev.loc["feltman-visit", "summary_nl"]
    note = ev.loc["feltman-visit", "note"]
    assert "Feltman's 2021 account differs from the State Department's 2017 position" in note
    assert "non-starter" in note and "close aides" in note
    assert "4:53 a.m. US Eastern" not in ev.loc["rocket-man-tweet", "note"]
    assert "8 a.m." in ev.loc["rocket-man-tweet", "note"]
    q = dataset.quotes.set_index("id")
    assert q.loc["trump-un-destroy-en", "original_of"] == ""
    assert q.loc["trump-totally-destroy-en", "original_of"] == "trump-totale-vernietiging-nl"
    assert q.loc["trump-totally-destroy-en", "text"] in q.loc["trump-un-destroy-en", "text"]
    assert "ours" in dataset.sources.set_index("id").loc["tvdb-episode-3", "title"]


def test_bolton_remark_is_dated_when_it_was_said(dataset):
    e = dataset.events.set_index("id").loc["bolton-ride"]
    assert e["start"].endswith("2021-02-20") and e["start_precision"] == "day"
    assert "June 2018" in e["summary"] and "February 2019" in e["summary"], "the period it is about is in the text"


def test_the_default_story_is_the_documentarys_arc(dataset):
    from timeline import story
    from timeline.view import View

    default = story.story(dataset)
    assert default.id == "documentary" and story.story_ids(dataset)[0] == "documentary"
    assert default.title and default.title_nl and default.title != default.title_nl
    assert 12 <= len(default.steps) <= 15
    ids = set(dataset.events["id"])
    assert all(s.event in ids for s in default.steps), "every step shows a real event"
    assert all(s.text and s.text_nl and s.text != s.text_nl for s in default.steps), "step text in English and Dutch"
    events = [s.event for s in default.steps]
    assert events[0] == "fire-and-fury" and "air-force-one-offer" in events and "feltman-visit" in events
    assert events.index("singapore-summit") < events.index("hanoi-summit") < events.index("dmz-meeting")
    # the reader's view walks the same steps (story mode, first step)
    pos = story.position(dataset, View(story_mode=True))
    assert pos.number == 1 and pos.steps[0].event == "fire-and-fury"


def test_every_note_has_a_dutch_note(dataset):
    noted = dataset.events[dataset.events["note"] != ""]
    assert len(noted) >= 25
    assert (noted["note_nl"] != "").all(), list(noted.loc[noted["note_nl"] == "", "id"])
    assert (dataset.events.loc[dataset.events["note"] == "", "note_nl"] == "").all()
