"""TimelineJS import and export: real example files, the mapping, messy files, and the command line."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import timeline
from timeline import ValidationError
from timeline.formats import html_text, timelinejs
from tests.helpers import FIX
from tests.helpers import ROOT

PKG = ROOT / "node_modules" / "@knight-lab" / "timelinejs" / "src"
SHIPPED = ["template/all-media-types.json", "template/cosmo-mixed.json", "template/cosmo.json",
           "template/eras.json", "template/my-own-timeline.csv", "js/core/__tests__/women_in_computing.csv"]


def _problems(path) -> list[str]:
    with pytest.raises(ValidationError) as e:
        timeline.load(path)
    return [str(p) for p in e.value.problems]


def _write(tmp_path, name, content) -> Path:
    p = tmp_path / name
    p.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return p


def _tl(tmp_path, events, name="t.json", **top) -> Path:
    return _write(tmp_path, name, json.dumps({"events": events, **top}))


# -- TimelineJS's own example files -----------------------------------------------------------

@pytest.mark.parametrize("name", ["women_in_computing.csv", "eras.json", "cosmo.json"])
def test_bundled_example_files_load(name):
    ds = timeline.load(FIX / name)
    assert len(ds.events) > 0
    assert ds.title


@pytest.mark.parametrize("rel", SHIPPED)
def test_examples_shipped_in_the_npm_package_load(rel):
    if not (PKG / rel).exists():
        pytest.skip("node_modules/@knight-lab/timelinejs is not installed (npm ci)")
    raw = (PKG / rel).read_text(encoding="utf-8")
    ds = timeline.load(PKG / rel)
    if rel.endswith(".json"):
        data = json.loads(raw)
        assert len(ds.events) == len(data["events"]) + len(data.get("eras", []))
    assert (ds.events["sources"].map(len) > 0).all()


def test_women_in_computing_mapping():
    ds = timeline.load(FIX / "women_in_computing.csv")
    assert ds.title == "Women in Computing"
    assert "women have made to computer science" in ds.meta["description"]
    ada = ds.event("ada-lovelace-1815-12-10")
    assert ada["kind"] == "span" and ada["start"] == "1815-12-10" and ada["end"] == "1852-11-27"
    assert "<" not in ada["summary"] and "Take Ada Lovelace: Daughter" in ada["summary"]
    urls = set(ds.sources[ds.sources["id"].isin(ada["sources"])]["url"])
    assert "https://en.wikipedia.org/wiki/Ada_Lovelace" in urls                  # a link in the text
    assert any("Ada_Lovelace_portrait.jpg" in u for u in ds.media_for(ada["id"])["url"])   # the media, not a source
    eniac = ds.events[ds.events["title"] == "...And the women who made it work"].iloc[0]
    assert eniac["start"] == "1943-07" and eniac["start_precision"] == "month"
    assert eniac["end"] == "1946" and eniac["end_precision"] == "year"
    q = ds.quotes.iloc[0]
    assert q["text"].startswith("There is no demand for women engineers")
    assert ds.actor_name(q["speaker"]) == "Edith Clarke"
    assert q["language"] == "en"
    assert q["source"] in ds.seeds and ds.seeds[q["source"]][int(q["start_offset"]):int(q["end_offset"])] == q["text"]
    assert set(ds.events["actors"].map(lambda a: a[0])) == {"unassigned"}


def test_eras_and_far_years():
    ds = timeline.load(FIX / "eras.json")
    phases = ds.events[ds.events["kind"] == "phase"]
    assert len(phases) == 3 and set(phases["start"]) == {"600", "650", "700"}
    assert (phases["start_precision"] == "year").all()
    assert "602" in set(ds.events["start"])
    hijra = ds.events[ds.events["start"] == "622-08-09"].iloc[0]
    assert hijra["kind"] == "span" and hijra["start_precision"] == "day"


def test_cosmological_scale_loads(tmp_path):
    ds = timeline.load(FIX / "cosmo.json")
    assert "-13800000000" in set(ds.events["start"])
    assert ds.is_deep_time()
    big = timeline.load(_tl(tmp_path, [{"start_date": {"year": "-4600000000", "month": "3"}, "text": {"headline": "Earth"}}],
                            scale="cosmological"))
    assert big.meta["scale"] == "cosmological"
    e = big.events.iloc[0]
    assert e["start"] == "-4600000000" and e["start_precision"] == "year" and "-4600000000-03" in e["note"]


# -- the mapping, in detail ---------------------------------------------------------------------

def test_slide_fields_map(tmp_path):
    ev = {"unique_id": "First Event!", "start_date": {"year": "2018", "month": "06", "day": ""},
          "end_date": {"year": 2019}, "display_date": "mid-2018 &amp; on",
          "text": {"headline": "A <b>bold</b> &amp; move",
                   "text": "<p>See <a href='https://example.org/a'>the report</a> &mdash; <script>x()</script>done."
                           "<blockquote>We did it.<cite>Jane Roe, minister</cite></blockquote></p>"},
          "group": "Team A",
          "media": {"url": "<blockquote>Told you so</blockquote>",
                    "credit": "<a href='https://news.example/b'>News</a>"}}
    ds = timeline.load(_tl(tmp_path, [ev, {"start_date": {"year": "-500"}, "text": {"headline": "Old"}}],
                           title={"text": {"headline": "My <i>title</i>"}}))
    assert ds.title == "My title"
    e = ds.event("first-event")
    assert e["title"] == "A bold & move" and e["kind"] == "span"
    assert e["start"] == "2018-06" and e["start_precision"] == "month" and e["end"] == "2019"
    assert e["display_date"] == "mid-2018 & on"
    assert e["summary"] == "See the report — done."
    assert ds.actor_name(e["actors"][0]) == "Team A" and e["actors"][0] == "team-a"
    urls = set(ds.sources[ds.sources["id"].isin(e["sources"])]["url"])
    assert urls == {"https://example.org/a", "https://news.example/b"}
    qs = ds.quotes_for("first-event").sort_values("text")
    assert list(qs["text"]) == ["Told you so", "We did it."]
    assert ds.actor_name(qs.iloc[0]["speaker"]) == "Unknown speaker"
    assert ds.actor_name(qs.iloc[1]["speaker"]) == "Jane Roe"
    assert set(qs["source"]) == {ds.sources[ds.sources["url"] == "https://news.example/b"].iloc[0]["id"]}
    old = ds.events[ds.events["title"] == "Old"].iloc[0]
    assert old["start"] == "-500" and old["actors"] == ("unassigned",)
    file_src = ds.sources[ds.sources["id"] == old["sources"][0]].iloc[0]
    assert file_src["seed"] == "t.json" and "imported" in file_src["publisher"]


def test_made_up_ids_are_stable_and_unique(tmp_path):
    evs = [{"start_date": {"year": 2000}, "text": {"headline": "Same"}}] * 3
    a = timeline.load(_tl(tmp_path, evs))
    b = timeline.load(_tl(tmp_path, evs, name="u.json"))
    assert list(a.events["id"]) == list(b.events["id"]) == ["same-2000", "same-2000-2", "same-2000-3"]


def test_day_before_year_one_keeps_year_and_says_so(tmp_path):
    ds = timeline.load(_tl(tmp_path, [{"start_date": {"year": "-44", "month": "3", "day": "15"},
                                       "text": {"headline": "Ides of March"}}]))
    e = ds.events.iloc[0]
    assert e["start"] == "-44-03" and "-44-03-15" in e["note"]


def test_html_text_is_safe_plain_text():
    p = html_text.parse('<p>a &lt;b&gt; <img src=x onerror=alert(1)> <style>p{}</style>c</p><p>d</p>')
    assert p.text == "a <b> c\n\nd"
    assert html_text.esc('<a href="x">&') == "&lt;a href=&quot;x&quot;&gt;&amp;"


# -- messy files: clear problems, never a traceback ---------------------------------------------

@pytest.mark.parametrize("content, expected", [
    ('{"events": [', "not valid JSON: Expecting value at line 1, column 13"),
    ("[1, 2]", "a TimelineJS file is a JSON object with 'events'; this is a list"),
    ('{"title": {}}', "no 'events'"),
    ('{"events": {"a": 1}}', "field 'events': must be a list of slides, not a object"),
    ('{"events": [{"text": {"headline": "x"}}]}', "no events"),   # the slide is left out, as TimelineJS does
    ('{"events": [{"start_date": {"year": "MMXVIII"}}]}', "slide 1, field 'start_date.year': 'MMXVIII' is not a year"),
    ('{"events": [{"start_date": {"year": "2018", "month": "x"}}]}', "t.json, slide 1, field 'start_date.month': 'x' is not a month"),
    ('{"events": [], "eras": [{"start_date": {"year": 1}}]}', "era 1, field 'end_date'"),
    ('{"events": []}', "no events"),
    ('{"events": ["x"]}', "slide 1: a slide is an object, not a string"),
])
def test_messy_json_files(tmp_path, content, expected):
    problems = _problems(_write(tmp_path, "t.json", content))
    assert any(expected in p for p in problems), problems


def test_bad_encoding(tmp_path):
    problems = _problems(_write(tmp_path, "t.json", '{"events": [{"text": "caf\xe9"}]}'.encode("latin-1")))
    assert any("bad encoding" in p and "Windows-1252" in p for p in problems), problems


def test_csv_with_unknown_header(tmp_path):
    problems = _problems(_write(tmp_path, "s.csv", "Year,Mnth,Headline\n2018,3,x\n"))
    assert any("unknown column 'Mnth'" in p and "did you mean 'Month'" in p for p in problems), problems


def test_csv_bad_month_names_row_and_column(tmp_path):
    header = ",".join(timelinejs.SHEET_HEADER)
    problems = _problems(_write(tmp_path, "s.csv", f"{header}\n2018,March,1,,,,,,,Bad month,,,,,,,,\n"))
    assert problems == ["s.csv, row 2, column 'Month': 'March' is not a month"]
    # a month TimelineJS rolls over (13) loads, with a warning naming row and column
    ds = timeline.load(_write(tmp_path, "s2.csv", f"{header}\n2018,13,1,,,,,,,Month 13,,,,,,,,\n"))
    assert [str(w) for w in ds.warnings] == ["s2.csv, row 2, column 'Month': '13' is not a month; the date is kept as 2018"]


def test_old_sheet_with_start_date_and_tag(tmp_path):
    text = ("Start Date,End Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Tag\n"
            "2011,,Old sheet,<p>Hi</p>,,,,,title,\n"
            "1/12/2011,2011-03,First,Body,,,,,,Politics\n"
            "\"2012,5\",,Second,,,,,,,\n")
    ds = timeline.load(_write(tmp_path, "old.csv", text))
    assert ds.title == "Old sheet"
    assert list(ds.events["start"]) == ["2011-01-12", "2012-05"]
    assert ds.actor_name(ds.events.iloc[0]["actors"][0]) == "Politics"


def test_no_traceback_on_garbage(tmp_path):
    for content in (b"\x00\x01\x02", b"", b"{}", b'{"events": [{"start_date": []}]}',
                    b'{"events": [{"start_date": {"year": true}}]}', b'{"events": null}',
                    b'{"events": [{"start_date": {"year": 2000}, "text": "x", "media": 5}]}'):
        p = _write(tmp_path, "g.json", content)
        try:
            timeline.load(p)
        except ValidationError as e:
            assert e.problems


# -- export ----------------------------------------------------------------------------------

def _our_dataset():
    data = ROOT / "data" / "trump-kim"
    return timeline.load(data) if (data / "events.csv").exists() else timeline.load(FIX / "women_in_computing.csv")


def test_export_escapes_and_maps():
    ds = _our_dataset()
    out = timelinejs.to_timelinejs(ds)
    slides = out["events"]
    assert len(slides) == int((ds.events["kind"] != "phase").sum())
    assert len(out.get("eras", [])) == int((ds.events["kind"] == "phase").sum())
    for s in slides:
        e = ds.event(s["unique_id"])
        assert html_text.to_text(s["text"]["headline"]) == e["title"]
        assert s["group"] == html_text.esc(ds.actor_name(e["actors"][0]))
        assert int(s["start_date"]["year"]) == e["start_at"] // 365.2425 + 1970 or s["start_date"]["year"]
        if e["start_precision"] == "year":
            assert "month" not in s["start_date"]
        if e["start_precision"] == "day":
            assert "day" in s["start_date"]


def test_export_escapes_markup_in_our_text(tmp_path):
    ev = {"start_date": {"year": 2000}, "text": {"headline": "x &lt;script&gt;alert(1)&lt;/script&gt;"}}
    ds = timeline.load(_tl(tmp_path, [ev]))
    assert ds.events.iloc[0]["title"] == "x <script>alert(1)</script>"
    out = timelinejs.to_timelinejs(ds)
    assert "<script>" not in json.dumps(out)
    assert out["events"][0]["text"]["headline"] == "x &lt;script&gt;alert(1)&lt;/script&gt;"


def test_sheet_export_neutralises_formulas(tmp_path):
    ev = {"start_date": {"year": 2000}, "text": {"headline": "=HYPERLINK(\"http://evil\")"}}
    ds = timeline.load(_tl(tmp_path, [ev]))
    text = timelinejs.to_sheet_csv(ds)
    assert "'=HYPERLINK" in text
    back = timeline.load(_write(tmp_path, "back.csv", text))
    assert back.events.iloc[0]["title"] == '=HYPERLINK("http://evil")'


# -- command line ------------------------------------------------------------------------------

def _cli(*args):
    return subprocess.run([sys.executable, "-m", "timeline", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_cli_import_then_validate(tmp_path):
    out = tmp_path / "wic"
    r = _cli("import", FIX / "women_in_computing.csv", "--out", out)
    assert r.returncode == 0, r.stderr
    assert (out / "events.csv").exists() and (out / "seeds" / "women_in_computing.csv").exists()
    r = _cli("validate", out)
    assert r.returncode == 0, r.stderr
    assert "10 events" in r.stdout
    r = _cli("import", FIX / "eras.json", "--out", out)
    assert r.returncode == 1 and "--force" in r.stderr
    assert _cli("import", FIX / "eras.json", "--out", out, "--force").returncode == 0
    assert _cli("validate", out).returncode == 0


def test_cli_import_reports_problems(tmp_path):
    bad = _write(tmp_path, "bad.json", '{"events": [{"start_date": {"year": "2018", "month": "XIII"}}]}')
    r = _cli("import", bad, "--out", tmp_path / "x")
    assert r.returncode == 1
    assert "bad.json, slide 1, field 'start_date.month': 'XIII' is not a month" in r.stderr
    assert "Traceback" not in r.stderr and not (tmp_path / "x").exists()


def test_cli_export_refuses_to_overwrite(tmp_path):
    out = tmp_path / "out.json"
    out.write_text("keep me")
    r = _cli("export", "timelinejs", out, "--data", FIX / "eras.json")
    assert r.returncode == 1 and "--force" in r.stderr
    assert out.read_text() == "keep me"
    r = _cli("export", "timelinejs", out, "--data", FIX / "eras.json", "--force")
    assert r.returncode == 0, r.stderr
    data = json.loads(out.read_text())
    assert len(data["events"]) == 20 and len(data["eras"]) == 3
    csv_out = tmp_path / "out.csv"
    assert _cli("export", "timelinejs", csv_out, "--csv", "--data", FIX / "eras.json").returncode == 0
    assert csv_out.read_text().startswith(",".join(timelinejs.SHEET_HEADER))
    assert len(timeline.load(csv_out).events) == 23


def test_cli_export_bundled_dataset(tmp_path):
    if not (ROOT / "data" / "trump-kim" / "events.csv").exists():
        pytest.skip("the bundled dataset has not landed yet")
    out = tmp_path / "tk.json"
    r = _cli("export", "timelinejs", out)
    assert r.returncode == 0, r.stderr
    assert timeline.load(out).events.shape[0] == timeline.load().events.shape[0]


def test_imported_file_draws_in_the_app(tmp_path):
    fig = timeline.figure(timeline.load(FIX / "women_in_computing.csv"))
    import html

    strings = []

    def walk(x):
        if isinstance(x, str):
            strings.append(html.unescape(x))
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, (list, tuple)) or hasattr(x, "tolist"):
            for v in (x.tolist() if hasattr(x, "tolist") else x):
                walk(v)

    walk(fig.to_plotly_json())
    shown = "\n".join(strings)
    for title in timeline.load(FIX / "women_in_computing.csv").events["title"]:
        assert title in shown, title
