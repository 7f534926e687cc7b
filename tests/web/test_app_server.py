"""app.py and create_app without a browser: flags, a bad dataset refused cleanly, what `/` ships."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from tests.helpers import ROOT

PY = sys.executable


@pytest.fixture(scope="module")
def client():
    from timeline.web import create_app

    return create_app().server.test_client()


def test_bad_dataset_is_refused_with_the_report_and_no_traceback(dataset_copy):
    events = dataset_copy / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("singapore-summit,", "singapore summit!,", 1),
                      encoding="utf-8")
    r = subprocess.run([PY, "app.py", "--data", str(dataset_copy), "--port", "0"], cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode != 0
    assert "events.csv" in r.stderr
    assert "Traceback" not in r.stderr


def test_missing_dataset_from_the_environment_is_refused(tmp_path):
    env = {**os.environ, "TIMELINE_DATA": str(tmp_path / "nowhere")}
    r = subprocess.run([PY, "-c", "import app; app.server"], cwd=ROOT, env=env, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode != 0
    assert "no such file or folder" in r.stderr
    assert "Traceback" not in r.stderr


def test_server_for_wsgi_uses_the_environment(dataset_copy):
    env = {**os.environ, "TIMELINE_DATA": str(dataset_copy)}
    code = ("import app; c = app.server.test_client(); r = c.get('/'); "
            "print(r.status_code, app.app.title)")
    r = subprocess.run([PY, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("200 ")


def test_help_lists_the_flags():
    r = subprocess.run([PY, "app.py", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0
    for flag in ("--host", "--port", "--data", "--debug"):
        assert flag in r.stdout


def test_index_and_layout(client, dataset):
    r = client.get("/")
    assert r.status_code == 200
    assert b'<html lang="en">' in r.data
    layout = client.get("/_dash-layout")
    assert layout.status_code == 200
    text = layout.get_data(as_text=True)
    # data text is never HTML: no raw-HTML props, no Markdown
    assert "dangerously_allow_html" not in text
    assert '"type":"Markdown"' not in text.replace(" ", "")
    # the event list and the chart are in the first response (no callback needed to paint)
    body = json.loads(text)
    ids = _find(body, "event-list")["props"]["children"]
    assert len(ids) == len(dataset.events)


def test_initial_page_does_not_ship_every_quote(client, dataset):
    """Details (all quotes) are fetched for the selected event; the hover has at most the first one."""
    text = client.get("/_dash-layout").get_data(as_text=True)
    later = dataset.quotes[dataset.quotes.duplicated("event")]
    assert not later.empty
    longest = max(later["text"], key=len)
    assert json.dumps(longest)[1:-1] not in text


def test_debug_is_off_by_default():
    from timeline.web import create_app

    app = create_app()
    assert not app.server.debug
    r = app.server.test_client().get("/_dash-update-component")
    assert b"Traceback" not in r.data


def _find(node, cid):
    if isinstance(node, dict):
        if node.get("props", {}).get("id") == cid:
            return node
        for v in node.get("props", {}).values():
            found = _find(v, cid)
            if found:
                return found
    elif isinstance(node, list):
        for v in node:
            found = _find(v, cid)
            if found:
                return found
    return None


def test_layout_is_served_from_bytes_made_once_gzip_or_not(client):
    import gzip as _gzip

    first = client.get("/_dash-layout", headers={"Accept-Encoding": "gzip"})
    again = client.get("/_dash-layout", headers={"Accept-Encoding": "gzip"})
    plain = client.get("/_dash-layout")
    assert first.headers["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain.headers
    assert first.get_data() == again.get_data()
    assert _gzip.decompress(first.get_data()) == plain.get_data()
    assert plain.get_json()["props"]["id"] == "app"
