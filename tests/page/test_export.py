"""`python -m timeline export html`: one self-contained file that works offline."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from timeline.page import assets, document, export
from timeline.view import View
from tests.helpers import ROOT
from tests.helpers import CLOSE, HOSTILE_QUOTE, IDS_JS, IMG, SCRIPT, click_point, drawn, write_hostile

DATA_RE = re.compile(r'<script type="application/json" id="tl-data">(.*?)</script>', re.S)


def cli(*args):
    return subprocess.run([sys.executable, "-m", "timeline", "export", "html", *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def kim_file(tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "kim.html"
    r = cli(out, "--actors", "kim", "--from", "2017-06", "--to", "2019-12")
    assert r.returncode == 0, r.stderr
    assert str(out) in r.stdout
    return out


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-export")
    data = write_hostile(root / "ds")
    out = root / "hostile.html"
    r = cli(out, "--data", data, "--event", "rocket-man-tweet")
    assert r.returncode == 0, r.stderr
    return out


def test_file_is_self_contained(kim_file, dataset):
    page = kim_file.read_text(encoding="utf-8")
    # no reference to anything outside the file: no src/href attributes, no @import or url() in CSS
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", page, re.I)
    assert "@import" not in page and "url(" not in assets.static_text("embed.css")
    assert assets.plotly_js_text()[:2000] in page
    data = json.loads(DATA_RE.search(page).group(1))
    assert data["api"] is None and data["app"] is None
    ids = document.figure_ids(data["figure"]) + document.phase_ids(data["figure"])
    assert "rocket-man-phase" in ids, "a phase's title selects it: its details are in the file too"
    assert ids and set(data["details"]) == set(ids)    # every event the chart can show, with its details
    for eid in ids:
        assert data["details"][eid]["quotes"] == document.event_details(dataset, eid)["quotes"]


def test_never_overwrites_without_force(tmp_path):
    out = tmp_path / "t.html"
    out.write_text("mine", encoding="utf-8")
    r = cli(out)
    assert r.returncode == 1
    assert "exists" in r.stderr and "--force" in r.stderr
    assert out.read_text(encoding="utf-8") == "mine"
    assert list(tmp_path.iterdir()) == [out]   # no temporary file left behind
    r = cli(out, "--force", "--lang", "nl")
    assert r.returncode == 0, r.stderr
    assert '<html lang="nl">' in out.read_text(encoding="utf-8")


def test_bad_arguments_are_refused_clearly(tmp_path):
    out = tmp_path / "t.html"
    r = cli(out, "--actors", "kim,nobody")
    assert r.returncode == 2 and "nobody" in r.stderr and not out.exists()
    r = cli(out, "--from", "2019-13")
    assert r.returncode == 2 and "--from" in r.stderr and not out.exists()
    r = cli(out, "--event", "no-such-event")
    assert r.returncode == 2 and not out.exists()
    r = cli(out, "--data", tmp_path / "missing")
    assert r.returncode == 1 and not out.exists()


def test_data_cannot_close_the_script_element(hostile_file):
    page = hostile_file.read_text(encoding="utf-8")
    block = DATA_RE.search(page).group(1)
    assert "</" not in block and "<!--" not in block
    data = json.loads(block)
    d = data["details"]["rocket-man-tweet"]
    assert d["title"] == f"Rocket Man {IMG}" and d["quotes"][-1]["text"] == HOSTILE_QUOTE
    assert d["note"] == f"Note {CLOSE}" and d["summary"] == f"Summary {SCRIPT}"
    assert DATA_RE.sub("", page).count("<script") == 5    # plotly.js, cards.js, labels.js, axis.js, embed.js, besides the data


def test_build_in_python(dataset):
    page = export.build(dataset, View(actors=("trump",), lang="nl"))
    assert page.startswith("<!DOCTYPE html>") and '<html lang="nl">' in page


def _offline(page):
    """Abort and record every request that is not the file itself."""
    attempted = []

    def handle(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            attempted.append(route.request.url)
            route.abort()

    page.route("**/*", handle)
    page.on("request", lambda r: None if r.url.startswith(("file://", "data:", "blob:")) else attempted.append(r.url))
    return attempted


CSP_WATCH = """(() => { window.__csp = []; document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI)); })()"""


@pytest.mark.browser
def test_exported_file_works_with_the_network_cut_off(page, kim_file, dataset):
    attempted = _offline(page)
    page.add_init_script(CSP_WATCH)
    page.goto(kim_file.as_uri())
    drawn(page)
    ids = page.evaluate(IDS_JS)
    assert ids and all("kim" in dataset.event(i)["actors"] for i in ids)
    with_quotes = set(dataset.quotes["event"]) & set(ids)
    clicked = click_point(page, page.main_frame, with_quotes)   # hover label shown, then click
    page.locator("#tl-panel blockquote").first.wait_for(timeout=10000)
    assert dataset.quotes_for(clicked).iloc[0]["text"] in page.locator("#tl-panel").inner_text()
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")   # the panel painted: its requests, if any, were made
    assert attempted == []
    assert page.evaluate("window.__csp") == [], "the file's own CSP blocks nothing it needs"


@pytest.mark.browser
def test_exported_hostile_file_shows_text_and_runs_nothing(page, hostile_file):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    attempted = _offline(page)
    page.add_init_script(CSP_WATCH)
    page.goto(hostile_file.as_uri())
    drawn(page)
    page.locator("#tl-panel blockquote").first.wait_for(timeout=10000)   # --event opens its details
    assert page.locator("#tl-panel .tl-title").inner_text() == f"Rocket Man {IMG}"
    assert HOSTILE_QUOTE in page.locator("#tl-panel").inner_text()
    assert page.locator("img").count() == 0
    click_point(page, page.main_frame, {"hanoi-summit"})
    page.locator("#tl-panel .tl-title", has_text="Hanoi").wait_for(timeout=10000)
    assert page.locator("#tl-panel .tl-title").inner_text() == f"Hanoi {SCRIPT}"
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")   # the panel painted: its scripts, if any, ran
    assert dialogs == [] and attempted == []
    assert page.evaluate("window.__csp") == []


def test_offline_file_allows_only_its_own_five_scripts(dataset):
    """The file's own CSP: the hashes are those of its inline scripts (plotly.js, cards.js, labels.js,
    axis.js, embed.js), and nothing may load."""
    import base64
    import hashlib
    import re

    doc = export.build(dataset)
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', doc).group(1)
    assert doc.index("Content-Security-Policy") < doc.index("<script")
    scripts = re.findall(r"<script>(.*?)</script>", doc, flags=re.S)
    assert len(scripts) == 5
    want = {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in scripts}
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert set(directives["script-src"].split()) == want
    assert directives["default-src"] == "'none'" and "connect-src" not in directives
