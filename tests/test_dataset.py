"""The bundled Trump–Kim dataset: valid, sourced, and every seed quote verbatim in seeds/."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys

from .datasets import ROOT

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
