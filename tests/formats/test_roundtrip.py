"""Property: import(export(dataset)) keeps events, dates with their precision, actors, quotes, sources
and media: text with apostrophes, entities written as text ('&amp;', '&#x27;'), quotes from several
sources (web pages and a seed text), several media per event."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.formats import folder
from timeline.formats import timelinejs
from timeline.formats.timelinejs.load import as_text_cells

WORD = st.one_of(st.text(alphabet=st.sampled_from(list("abcXYZé<>&\"';,=-@()#/\\ü中")), min_size=1, max_size=7),
                 st.sampled_from(["That's", "&amp;", "&#x27;", "&lt;b&gt;", "l'été", "“quoted”"]))
TEXT = st.lists(WORD, min_size=1, max_size=4).map(" ".join)
SLUGS = st.from_regex(r"[a-z][a-z0-9]{0,6}", fullmatch=True)


@st.composite
def dates(draw):
    if draw(st.integers(0, 9)) == 0:
        return draw(st.sampled_from(["-13800000000", "-4600000", "20000"])), None
    year = draw(st.integers(-3000, 3000).filter(lambda y: y != 0))
    prec = draw(st.sampled_from(["year", "month", "day"] if year >= 1 else ["year", "month"]))
    text = f"{year:04d}" if year > 0 else str(year)   # four digits: a two-digit year is refused
    if prec != "year":
        text += f"-{draw(st.integers(1, 12)):02d}"
    if prec == "day":
        text += f"-{draw(st.integers(1, 28)):02d}"
    return draw(st.sampled_from(["", "", "c. ", "before ", "after "])) + text, year


@st.composite
def datasets(draw):
    actors = draw(st.lists(SLUGS, min_size=1, max_size=4, unique=True))
    sources = draw(st.lists(SLUGS.map(lambda s: "s-" + s), min_size=1, max_size=4, unique=True))
    ids = draw(st.lists(SLUGS.map(lambda s: "e-" + s), min_size=1, max_size=6, unique=True))
    recs = {"actors": [{"id": a, "name": draw(TEXT)} for a in actors],
            "sources": [{"id": s, "title": draw(TEXT), "url": f"https://example.org/{s}?a=1&b=2",
                         "publisher": draw(st.sampled_from(["", "Pub & Co"]))} for s in sources],
            "events": [], "quotes": []}
    phases = []
    for eid in ids:
        kind = draw(st.sampled_from(["moment", "moment", "span", "phase"]))
        start, year = draw(dates())
        end = ""
        if kind != "moment":
            if year is None:
                end = str(int(start.split()[-1]) + 1000)
            else:
                y = max(year, 1) + draw(st.integers(1, 40))
                end = f"{y:04d}"   # four digits: a two-digit year is refused
                start = start if not start.startswith("after") else start.replace("after ", "")
        rec = {"id": eid, "title": draw(TEXT), "kind": kind, "start": start, "end": end,
               "summary": draw(st.sampled_from(["", "A summary & <more>", "x \"quoted\""])),
               "display_date": draw(st.sampled_from(["", "", "around then"])),
               "place": draw(st.sampled_from(["", "Hanoi, Vietnam"])), "note": draw(st.sampled_from(["", "disputed"])),
               "actors": ";".join(draw(st.lists(st.sampled_from(actors), min_size=1, max_size=3, unique=True))),
               "sources": ";".join(draw(st.lists(st.sampled_from(sources), min_size=1, max_size=3, unique=True))),
               "tags": draw(st.sampled_from(["", "summit", "summit;talks"]))}
        if kind == "phase":
            phases.append(eid)
        recs["events"].append(rec)
    for rec in recs["events"]:
        if rec["kind"] == "moment" and phases and draw(st.booleans()):
            rec["phase"] = draw(st.sampled_from(phases))
    seed = []
    recs["sources"].append({"id": "s-seed", "title": draw(TEXT), "seed": "seed.txt"})
    for i in range(draw(st.integers(0, 4))):
        q = {"id": f"q{i}", "event": draw(st.sampled_from(ids)), "speaker": draw(st.sampled_from(actors)),
             "text": draw(TEXT), "language": draw(st.sampled_from(["en", "nl", "ko"])),
             "source": draw(st.sampled_from(sources + ["s-seed"]))}
        if q["source"] == "s-seed":   # verbatim in the seed text, at its offsets
            at = sum(len(x) + 1 for x in seed)
            seed.append(q["text"])
            q["start_offset"], q["end_offset"] = str(at), str(at + len(q["text"]))
        if q["language"] != "en" and draw(st.booleans()):
            q["translation"], q["translation_by"] = draw(TEXT), "ours"
        recs["quotes"].append(q)
    media = [{"event": draw(st.sampled_from(ids + [""])), "url": f"https://example.org/m/{i}.jpg?a=1&b=2",
                      "kind": draw(st.sampled_from(["image", "video", "link"])), "caption": draw(TEXT),
                      "credit": draw(st.sampled_from(["", "Photo & Co", "l'agence"])),
                      "alt": draw(st.sampled_from(["", "Two people"])),
                      "thumbnail": draw(st.sampled_from(["", "https://example.org/t.jpg"]))}
                     for i in range(draw(st.integers(0, 3)))]
    # TimelineJS's title slide has one media slot: the dataset's own media is at most one
    recs["media"] = [m for m in media if m["event"]] + [m for m in media if not m["event"]][:1]
    meta = {"title": draw(TEXT)}
    return folder.load_records(as_text_cells(recs), meta, {"seed.txt": "\n".join(seed) + "\n"})


def _events(ds):
    cols = ["id", "title", "kind", "start", "end", "start_precision", "end_precision", "summary", "display_date",
            "place", "note", "actors", "sources", "tags", "phase"]
    return sorted(tuple(r) for r in ds.events[cols].itertuples(index=False))


def _cited_sources(ds):
    used = {s for t in ds.events["sources"] for s in t} | set(ds.quotes["source"])
    s = ds.sources[ds.sources["id"].isin(used)]
    return sorted(tuple(r) for r in s[["id", "title", "url", "publisher"]].itertuples(index=False))


def _actors(ds):
    used = {a for t in ds.events["actors"] for a in t} | set(ds.quotes["speaker"])
    a = ds.actors[ds.actors["id"].isin(used)]
    return sorted(tuple(r) for r in a[["id", "name"]].itertuples(index=False))


def _quotes(ds):
    cols = ["id", "event", "speaker", "text", "language", "source", "translation", "translation_by"]
    return sorted(tuple(r) for r in ds.quotes[cols].itertuples(index=False))


def _media(ds, kind=True):
    # a sheet has no column for a kind other than TimelineJS's guess from the address: JSON only
    cols = ["event", "url"] + (["kind"] if kind else []) + ["caption", "credit", "alt", "thumbnail"]
    return sorted(tuple(r) for r in ds.media[cols].itertuples(index=False))


def _quote_sources(ds):
    """Each quote with its source's title and url: the source a quote is credited to survives."""
    src = ds.sources.set_index("id")
    return sorted((q["text"], src.loc[q["source"], "title"], src.loc[q["source"], "url"])
                  for _, q in ds.quotes.iterrows())


def _check(ds, back, sheet=False):
    assert _media(back, not sheet) == _media(ds, not sheet)
    assert _quote_sources(back) == _quote_sources(ds)
    assert _events(back) == _events(ds)
    assert _actors(back) == _actors(ds)
    assert _quotes(back) == _quotes(ds)
    assert _cited_sources(back) == _cited_sources(ds)
    assert back.title == ds.title


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_json_round_trip(ds):
    data = json.dumps(timelinejs.to_timelinejs(ds)).encode("utf-8")
    _check(ds, timelinejs.parse_bytes(data, "rt.json")[3])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_sheet_round_trip(ds):
    data = timelinejs.to_sheet_csv(ds).encode("utf-8")
    _check(ds, timelinejs.parse_bytes(data, "rt.csv")[3], sheet=True)
