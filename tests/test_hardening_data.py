"""Bad data and faults: files that vanish or change while loading, a bad reload seen through the
HTTP app, bad datasets refused at start, NUL in TimelineJS text, and nothing lost on write."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import timeline
from timeline import cli
from timeline.problems import ValidationError

from tests.helpers import mini_tables, to_csv, write_mini

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def _touch_later(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


# --- files that vanish or change while loading --------------------------------------------------

def _hook_reads(monkeypatch, name: str, before_read):
    """Call before_read(path) just before the loader reads the file called `name`."""
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == name:
            before_read(self)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


def test_a_file_that_vanishes_mid_load_is_a_problem_not_a_crash(tmp_path, monkeypatch):
    folder = write_mini(tmp_path / "ds")
    _hook_reads(monkeypatch, "actors.csv", lambda p: p.unlink())   # gone between exists() and read
    with pytest.raises(ValidationError) as e:
        timeline.load(folder)
    assert [(p.file, p.row) for p in e.value.problems if "cannot read" in p.message] == [("actors.csv", None)]


def test_a_file_swapped_mid_load_never_gives_a_dataset_that_does_not_hold_together(tmp_path, monkeypatch):
    """events.csv is read, then actors.csv is replaced by a version without Kim before it is read:
    the mix is refused by the cross-reference checks, naming where."""
    folder = write_mini(tmp_path / "ds")
    t = mini_tables()
    no_kim = [r for r in t["actors.csv"] if r[0] != "kim"]
    _hook_reads(monkeypatch, "actors.csv", lambda p: p.write_text(to_csv(no_kim), encoding="utf-8"))
    with pytest.raises(ValidationError) as e:
        timeline.load(folder)
    assert any(p.file == "events.csv" and p.column == "actors" and "unknown actor 'kim'" in p.message
               for p in e.value.problems)


def test_the_store_drops_a_load_that_raced_with_an_edit(tmp_path, monkeypatch):
    """Files changed while the store was loading them: even a load that succeeded is not taken
    (it may mix versions); the next check loads the files as they now are."""
    from timeline import store as store_mod

    folder = write_mini(tmp_path / "ds")
    s = store_mod.DatasetStore(folder, interval=0)
    t = mini_tables()
    t["events.csv"].append(["later", "Later", "moment", "2019-06-30", "", "", "trump", "", "", "seed", ""])
    real_load, calls = store_mod.load, []

    def racing_load(path):
        ds = real_load(path)
        calls.append(path)
        if len(calls) == 1:   # an editor saves again while we were reading
            (folder / "events.csv").write_text(to_csv(t["events.csv"]), encoding="utf-8")
            _touch_later(folder / "events.csv")
        return ds

    monkeypatch.setattr(store_mod, "load", racing_load)
    (folder / "roles.csv").write_text(to_csv(t["roles.csv"]) + "\n", encoding="utf-8")
    _touch_later(folder / "roles.csv")
    assert "later" not in set(s.get().events["id"]) and s.version == 1
    assert "later" in set(s.get().events["id"]) and s.version == 2 and s.problems == []


# --- a bad reload while running, through the HTTP app ----------------------------------------

def test_a_bad_reload_keeps_serving_the_last_good_data_and_says_so(tmp_path, caplog):
    from timeline.web import create_app

    folder = write_mini(tmp_path / "ds")
    client = create_app(folder, reload_interval=0).server.test_client()
    banner = "showing the last good version"
    assert banner not in client.get("/_dash-layout").get_data(as_text=True)

    t = mini_tables()
    header = t["events.csv"][0]
    t["events.csv"][3][header.index("start")] = "not a date"           # hanoi-summit, row 4
    t["events.csv"].append(["new-event", "New", "moment", "2019-06-30", "", "", "trump", "", "", "seed", ""])
    (folder / "events.csv").write_text(to_csv(t["events.csv"]), encoding="utf-8")
    _touch_later(folder / "events.csv")
    with caplog.at_level("WARNING", logger="timeline.store"):
        layout = client.get("/_dash-layout").get_data(as_text=True)
    assert banner in layout and '"role":"alert"' in layout.replace(" ", "")
    assert "events.csv, row 4, column 'start'" in caplog.text and "last good version" in caplog.text
    # the old data, whole: no half of the new file anywhere
    assert client.get("/api/event/hanoi-summit").status_code == 200
    assert client.get("/api/event/new-event").status_code == 404
    assert "new-event" not in layout
    embed = client.get("/embed").get_data(as_text=True)
    assert "Hanoi summit" in embed and "new-event" not in embed

    t["events.csv"][3][header.index("start")] = "2019-02-27"           # fixed: the new data, no banner
    (folder / "events.csv").write_text(to_csv(t["events.csv"]), encoding="utf-8")
    _touch_later(folder / "events.csv")
    layout = client.get("/_dash-layout").get_data(as_text=True)
    assert banner not in layout and "new-event" in layout
    assert client.get("/api/event/new-event").status_code == 200


# --- bad datasets are refused at start: clear message, non-zero exit, no traceback ---------------

@pytest.mark.parametrize("make, expect", [
    (lambda d: (d / "bad.json").write_text('{"events": [{"start_date": {"year": "20x8"}}]}') and d / "bad.json",
     "bad.json, slide 1"),
    (lambda d: (d / "noise.csv").write_bytes(os.urandom(2048) + b"\x00") and d / "noise.csv", "noise.csv"),
    (lambda d: write_mini(d / "ds") and (d / "ds" / "events.csv").unlink() or d / "ds", "missing file"),
])
def test_app_refuses_a_bad_dataset_at_start(tmp_path, make, expect):
    path = make(tmp_path)
    r = subprocess.run([PY, "app.py", "--data", str(path), "--port", "0"], cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode != 0
    assert expect in r.stderr and "problem" in r.stderr
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout


# --- NUL in TimelineJS text ----------------------------------------------------------------------

def test_nul_escaped_in_timelinejs_json_becomes_the_replacement_character(tmp_path):
    f = tmp_path / "t.json"
    f.write_text(json.dumps({"title": {"text": {"headline": "T\x00itle"}},
                             "events": [{"start_date": {"year": 2000}, "text": {"headline": "a\x00b", "text": "<p>x\x00y</p>"}}]}),
                 encoding="utf-8")
    assert "\\u0000" in f.read_text()
    ds = timeline.load(f)
    e = ds.events.iloc[0]
    assert (e["title"], e["summary"]) == ("a\ufffdb", "x\ufffdy")
    # and what `import` writes loads again (our CSV files refuse NUL as corruption)
    out = tmp_path / "out"
    assert cli.main(["import", str(f), "--out", str(out)]) == 0
    assert timeline.load(out).events.iloc[0]["title"] == "a\ufffdb"


def test_a_raw_nul_byte_in_a_timelinejs_file_is_still_corruption(tmp_path):
    f = tmp_path / "t.json"
    f.write_bytes(b'{"events": [{"start_date": {"year": 2000}, "text": {"headline": "a\x00b"}}]}')
    with pytest.raises(ValidationError, match="NUL character"):
        timeline.load(f)


# --- nothing lost: every CLI writer refuses to overwrite without --force -------------------------

WRITERS = {
    "export html": lambda data, out: ["export", "html", str(out), "--data", str(data)],
    "export timelinejs": lambda data, out: ["export", "timelinejs", str(out), "--data", str(data)],
    "export timelinejs --csv": lambda data, out: ["export", "timelinejs", str(out), "--csv", "--data", str(data)],
    "import": lambda data, out: ["import", str(data), "--out", str(out)],
}


@pytest.mark.parametrize("writer", list(WRITERS))
def test_every_cli_writer_refuses_to_overwrite_without_force(tmp_path, writer, capsys):
    data = write_mini(tmp_path / "ds")
    if writer == "import":
        assert cli.main(["export", "timelinejs", str(tmp_path / "tl.json"), "--data", str(data)]) == 0
        data = tmp_path / "tl.json"
        out = tmp_path / "existing"
        out.mkdir()
        (out / "events.csv").write_text("keep me")
        mine = out / "events.csv"
    else:
        out = mine = tmp_path / "existing.out"
        mine.write_text("keep me")
    capsys.readouterr()
    assert cli.main(WRITERS[writer](data, out)) == 1
    err = capsys.readouterr().err
    assert "exists" in err and "--force" in err and "Traceback" not in err
    assert mine.read_text() == "keep me"
    assert cli.main(WRITERS[writer](data, out) + ["--force"]) == 0
    assert mine.read_text() != "keep me"
    assert not [p for p in tmp_path.rglob(".*.tmp")], "no temporary file left behind"


def test_sheet_export_of_a_dataset_neutralises_formulas(tmp_path):
    """`export timelinejs --csv` of a dataset whose titles start with =, +, @ or -: every such cell
    is written as text (a leading '), and reads back as the same title."""
    t = mini_tables()
    ev = t["events.csv"]
    titles = {"rocket-man-phase": "'@SUM(A1:A9)", "rocket-man-tweet": "'=HYPERLINK(\"http://evil.example\",\"x\")",
              "hanoi-summit": "=1+1"}
    for row in ev[1:]:
        row[ev[0].index("title")] = titles[row[0]]
    t["actors.csv"][1][1] = "'+cmd|' /C calc'!A0"
    folder = write_mini(tmp_path / "ds", t)
    ds = timeline.load(folder)
    assert set(ds.events["title"]) == {"@SUM(A1:A9)", '=HYPERLINK("http://evil.example","x")', "=1+1"}
    out = tmp_path / "sheet.csv"
    assert cli.main(["export", "timelinejs", str(out), "--csv", "--data", str(folder)]) == 0
    cells = [c for row in csv.reader(io.StringIO(out.read_text(encoding="utf-8"))) for c in row]
    risky = [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")
             or (c[:1] == "-" and not c[1:].replace(".", "", 1).isdigit())]
    assert risky == []
    assert any(c.startswith("'=HYPERLINK") for c in cells) and "'=1+1" in cells
    back = timeline.load(out)
    assert set(back.events["title"]) >= {'=HYPERLINK("http://evil.example","x")', "=1+1"}
