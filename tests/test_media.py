"""Media as first-class data: media.csv in the model and loader, TimelineJS media in and out, and
how the details (app, /api/event, /embed, the exported file) show them."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

import timeline
from timeline import ValidationError, details
from timeline.formats import timelinejs

from .helpers import mini_tables, write_mini

FIX = Path(__file__).resolve().parent / "fixtures" / "timelinejs"
ALL_MEDIA = FIX / "all-media-types.json"
HEADER = ["event", "url", "kind", "caption", "credit", "alt", "thumbnail"]
IMAGE = ["hanoi-summit", "https://example.org/hanoi.jpg", "image", "Hanoi, 27 February", "Photo: AP",
         "Two leaders shake hands", "https://example.org/hanoi-small.jpg"]


def _with_media(tmp_path, *rows, header=HEADER) -> Path:
    t = mini_tables()
    t["media.csv"] = [list(header)] + [list(r) for r in rows]
    return write_mini(tmp_path / "ds", t)


def _problems(folder) -> list[str]:
    with pytest.raises(ValidationError) as e:
        timeline.load(folder)
    return [str(p) for p in e.value.problems]


# -- the table ---------------------------------------------------------------------------------

def test_media_table_loads(tmp_path):
    ds = timeline.load(_with_media(tmp_path, IMAGE, ["hanoi-summit", "https://example.org/talks.mp4", "video",
                                                        "The talks", "", "", ""]))
    assert list(ds.media.columns[:7]) == HEADER
    assert list(ds.media["kind"]) == ["image", "video"]
    assert ds.media.iloc[0]["alt"] == "Two leaders shake hands"


def test_a_dataset_without_media_has_an_empty_table(dataset):
    assert list(dataset.media.columns[:7]) == HEADER
    assert dataset.media.empty or set(dataset.media["kind"]) <= {"image", "video", "audio", "tweet", "map", "document", "link"}


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:image/png;base64,iVBORw0KGgo=", "images/local.png",
                                 "ftp://example.org/x.jpg", "https://", "https://exa mple.org/x.jpg"])
def test_media_url_must_be_http(tmp_path, url):
    row = list(IMAGE)
    row[1] = url
    problems = _problems(_with_media(tmp_path, row))
    assert any(p.startswith("media.csv, row 2, column 'url'") and "http" in p for p in problems), problems


def test_media_thumbnail_must_be_http(tmp_path):
    row = list(IMAGE)
    row[6] = "javascript:alert(1)"
    problems = _problems(_with_media(tmp_path, row))
    assert any(p.startswith("media.csv, row 2, column 'thumbnail'") for p in problems), problems


def test_media_kind_and_event_are_checked(tmp_path):
    bad_kind, bad_event = list(IMAGE), list(IMAGE)
    bad_kind[2] = "picture"
    bad_event[0] = "hanoi-sumit"
    problems = _problems(_with_media(tmp_path, bad_kind, bad_event))
    assert any(p.startswith("media.csv, row 2, column 'kind'") and "image" in p for p in problems), problems
    assert any(p.startswith("media.csv, row 3, column 'event'") and "did you mean 'hanoi-summit'" in p
               for p in problems), problems


def test_details_carry_media(tmp_path):
    ds = timeline.load(_with_media(tmp_path, IMAGE))
    d = details.event_details(ds, "hanoi-summit")
    assert d["media"] == [{"url": IMAGE[1], "kind": "image", "caption": IMAGE[3], "credit": IMAGE[4],
                           "alt": IMAGE[5], "thumbnail": IMAGE[6]}]
    assert details.event_details(ds, "rocket-man-tweet")["media"] == []


# -- TimelineJS ----------------------------------------------------------------------------------

def _http_media(data: dict) -> list[dict]:
    slides = ([data["title"]] if isinstance(data.get("title"), dict) else []) + data["events"] + data.get("eras", [])
    return [s["media"] for s in slides
            if isinstance(s.get("media"), dict) and re.match(r"https?://", s["media"].get("url", "").strip())]


def _plain(markup: str) -> str:
    from timeline.formats import html_text

    return html_text.to_text(markup or "")


def test_all_media_types_round_trip_keeps_every_http_media_with_caption_and_credit():
    original = json.loads(ALL_MEDIA.read_text(encoding="utf-8"))
    wanted = _http_media(original)
    assert len(wanted) >= 37
    ds = timeline.load(ALL_MEDIA)
    back = json.loads(json.dumps(timelinejs.to_timelinejs(ds)))
    got = {m["url"]: m for m in _http_media(back)}
    for m in wanted:
        url = m["url"].strip()
        assert url in got, url
        assert _plain(got[url].get("caption", "")) == _plain(m.get("caption", "")), url
        assert _plain(got[url].get("credit", "")) == _plain(m.get("credit", "")), url


def test_all_media_types_kinds():
    ds = timeline.load(ALL_MEDIA)
    kinds = dict(zip(ds.media["url"], ds.media["kind"]))
    assert kinds["https://m.youtube.com/watch?v=pi2v1m6gmD8&t=5m21s"] == "video"
    assert kinds["https://soundcite.knightlab.com/media/bach-cello-suite.mp3"] == "audio"
    assert kinds["https://twitter.com/yayitsrob/status/1265638281783447552"] == "tweet"
    assert kinds["https://www.google.com/maps/@42.032147,-87.6689625,15z"] == "map"
    assert kinds["https://www.w3.org/WAI/ER/tests/xhtml/testfiles/resources/pdf/dummy.pdf"] == "document"
    assert kinds["https://pngimg.com/uploads/banana/banana_PNG851.png"] == "image"
    assert kinds["https://en.wikipedia.org/wiki/Mechanical_Turk"] == "link"
    # the title slide's image is the dataset's own (no event)
    assert "http://www.germuska.com/salzburg-album/full/2QVB_022.jpg" in set(ds.media[ds.media["event"] == ""]["url"])


def test_media_is_not_a_source():
    ds = timeline.load(ALL_MEDIA)
    assert not set(ds.media["url"]) & set(ds.sources["url"].fillna(""))


def test_media_kinds_fixture_maps_alt_thumbnail_and_drops_what_is_not_http():
    ds = timeline.load(FIX / "corpus" / "media-kinds.json")
    m = ds.media.set_index("url")
    img = m.loc["https://example.org/photos/harbour.jpg"]
    assert (img["kind"], img["caption"], img["credit"], img["alt"], img["thumbnail"]) == (
        "image", "The harbour & its boats", "Photo: Ann", "Boats in a harbour at dawn",
        "https://example.org/photos/harbour-small.jpg")
    assert not any(u.startswith(("javascript:", "data:")) or not u.startswith("http") for u in ds.media["url"])
    # an iframe's address is kept as a link, never as an iframe
    assert m.loc["https://example.org/embed/map"]["kind"] == "link"


def test_export_writes_media_alt_and_thumbnail(tmp_path):
    ds = timeline.load(_with_media(tmp_path, IMAGE))
    data = timelinejs.to_timelinejs(ds)
    slide = next(s for s in data["events"] if s["unique_id"] == "hanoi-summit")
    assert slide["media"]["url"] == IMAGE[1]
    assert html.unescape(slide["media"]["caption"]) == IMAGE[3]
    assert html.unescape(slide["media"]["credit"]) == IMAGE[4]
    assert slide["media"]["alt"] == IMAGE[5]
    assert slide["media"]["thumbnail"] == IMAGE[6]
    back = timelinejs.parse_bytes(json.dumps(data).encode(), "rt.json")[3]
    assert back.media[HEADER].values.tolist() == ds.media[HEADER].values.tolist()
    # the quote that had the media slot is still a quote, with its source
    assert list(back.quotes["text"]) == list(ds.quotes["text"])
    assert list(back.quotes["source"]) == list(ds.quotes["source"])


def test_import_writes_media_csv(tmp_path):
    out = tmp_path / "out"
    timelinejs.import_file(FIX / "corpus" / "media-kinds.json", out)
    assert (out / "media.csv").exists()
    assert timeline.load(out).media["url"].tolist() == timeline.load(FIX / "corpus" / "media-kinds.json").media["url"].tolist()


# -- rendering: images inline, other kinds as links, nothing runs ----------------------------------

HOSTILE = [
    ["hanoi-summit", "https://example.org/a.jpg?x=%22%3E%3Cscript%3E", "image",
     "<script>window.__pwned=1</script>", "<img src=x onerror=window.__pwned=1>", "\" onload=\"window.__pwned=1", ""],
    ["hanoi-summit", "https://example.org/clip.js", "video", "A clip", "", "", ""],
]


def test_app_details_show_an_image_with_alt_credit_lazy_no_referrer(tmp_path):
    from timeline.web.components import details as panel
    from dash import html as dhtml

    ds = timeline.load(_with_media(tmp_path, IMAGE, ["hanoi-summit", "https://example.org/doc.pdf", "document",
                                                        "The statement", "", "", ""]))
    found = []

    def walk(c):
        if isinstance(c, (list, tuple)):
            for x in c:
                walk(x)
        elif hasattr(c, "children") or hasattr(c, "src"):
            found.append(c)
            walk(getattr(c, "children", None))

    walk(panel(ds, "hanoi-summit", "en"))
    imgs = [c for c in found if isinstance(c, dhtml.Img)]
    assert len(imgs) == 1
    img = imgs[0].to_plotly_json()["props"]
    # written as data-src: assets/media.js adds loading="lazy" before it sets src (tests/web/test_media_browser.py)
    assert (img["data-src"], img["alt"]) == (IMAGE[1], IMAGE[5])
    assert img["referrerPolicy"] == "no-referrer" and "src" not in img
    links = [c for c in found if isinstance(c, dhtml.A) and getattr(c, "href", "") == "https://example.org/doc.pdf"]
    assert links and "The statement" in str(links[0].children)
    assert not [c for c in found if isinstance(c, (dhtml.Iframe, dhtml.Script, dhtml.Video, dhtml.Audio, dhtml.Embed,
                                                    dhtml.ObjectEl))]


def test_csp_allows_https_images_only():
    from timeline.web import security
    from timeline.page.document import offline_csp

    img = security.DIRECTIVES["img-src"].split()
    assert "https:" in img and "http:" not in img and "*" not in img
    assert set(img) <= {"'self'", "data:", "https:"}
    meta = {d.split()[0]: d.split()[1:] for d in offline_csp(["x"]).split(";") if d.strip()}
    assert set(meta["img-src"]) == {"data:", "https:"}
    assert meta["default-src"] == ["'none'"]          # no frame, script, media or connection from anywhere


def test_exported_file_shows_media_and_runs_nothing(tmp_path):
    from timeline.page.export import build
    from timeline.view import View

    plain = build(timeline.load(_with_media(tmp_path / "a", IMAGE)), View(event="hanoi-summit"))
    page = build(timeline.load(_with_media(tmp_path / "b", IMAGE, *HOSTILE)), View(event="hanoi-summit"))
    assert "https://example.org/hanoi.jpg" in page           # inlined details carry the media
    assert page.count("</script>") == plain.count("</script>")   # the caption's </script> cannot end a script
    assert "<iframe" not in page.lower()


def test_vertical_view_cards_show_the_image(tmp_path):
    from timeline.page import cards

    ds = timeline.load(_with_media(tmp_path, IMAGE, *HOSTILE))
    page = cards.to_html(cards.card(ds, "hanoi-summit", "en"))
    assert (f'<img src="{IMAGE[1]}" alt="{IMAGE[5]}" loading="lazy" decoding="async" '
            'referrerpolicy="no-referrer">') in page
    assert "Photo: AP" in page
    assert '<a href="https://example.org/clip.js"' in page          # a video is a link, not a player
    assert "<script" not in page and "<iframe" not in page and "<video" not in page
