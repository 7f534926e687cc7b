"""`timeline export site`: the folder's files, its policy (nothing loads from elsewhere), the snippet,
and the command's refusals. (tests/test_site_browser.py drives it in Chromium.)"""
from __future__ import annotations

import re

from timeline.cli import main

from tests.helpers import ROOT, write_mini

DATA = ROOT / "data" / "trump-kim"


def test_the_site_folder_has_its_pages_and_loads_only_its_own_files(tmp_path, capsys):
    out = tmp_path / "public"
    assert main(["export", "site", str(out), "--data", str(DATA), "--no-image"]) == 0
    assert "embed-snippet.html" in capsys.readouterr().out
    names = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert {"index.html", "embed.html", "story.html", "embed-snippet.html", "assets/embed.js",
            "assets/site.js", "assets/site.css", "assets/embed.css"} <= names
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "default-src 'self'" in index and "connect-src 'none'" in index
    for src in re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', index):
        assert (out / src).is_file(), src            # every script and style is a file of the site
    assert 'id="actor-filter"' in index and 'id="search"' in index
    assert (out / "embed-snippet.html").read_text(encoding="utf-8").startswith('<iframe src="embed.html" ')


def test_the_list_reads_without_javascript_and_data_stays_text(tmp_path):
    ds_dir = write_mini(tmp_path / "ds")
    events = (ds_dir / "events.csv").read_text(encoding="utf-8")
    (ds_dir / "events.csv").write_text(events.replace("Hanoi summit", "Hanoi <img src=x onerror=alert(1)> summit"),
                                       encoding="utf-8")
    out = tmp_path / "public"
    assert main(["export", "site", str(out), "--data", str(ds_dir), "--no-image"]) == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    markup = re.sub(r'<script type="application/json"[^>]*>.*?</script>', "", index, flags=re.S)
    assert "<img src=x" not in markup   # (inside the JSON blocks it is a string, and '</' is escaped there)
    assert "Hanoi &lt;img src=x onerror=alert(1)&gt; summit" in index   # in the server-rendered list
    assert re.search(r'<li data-event-id="hanoi-summit"><a href="\?event=hanoi-summit"><time datetime="2019-02-27">',
                     index)


def test_refusals_are_one_line(tmp_path, capsys):
    out = tmp_path / "public"
    out.mkdir()
    assert main(["export", "site", str(out), "--data", str(DATA), "--no-image"]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(["export", "site", str(tmp_path / "b"), "--url", "example.org", "--no-image"]) == 2
    assert "--url" in capsys.readouterr().err
