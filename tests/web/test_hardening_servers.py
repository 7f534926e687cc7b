"""Real servers: two gunicorn processes answer alike (no per-process state changes an answer), and
neither gunicorn nor the development server announces its version."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from tests.helpers import free_port, stop_server, wait_for_server
from tests.helpers import ROOT

PAYLOADS = json.loads((ROOT / "bench" / "load" / "payloads.json").read_text(encoding="utf-8"))
GUNICORN = Path(sys.executable).parent / "gunicorn"
HOST = "timeline.example"   # the same Host header to both: absolute URLs in the pages are then equal


def _start(cmd: list[str], port: int, env=None):
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, **(env or {})})
    return proc, f"http://127.0.0.1:{port}"


def _get(base: str, path: str, body: dict | None = None) -> tuple[int, dict, bytes]:
    req = urllib.request.Request(base + path, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Host": HOST, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


@pytest.fixture(scope="module")
def two_gunicorns():
    if not GUNICORN.exists() and not shutil.which("gunicorn"):
        pytest.skip("gunicorn is not installed")
    exe = str(GUNICORN if GUNICORN.exists() else shutil.which("gunicorn"))
    procs = []
    try:
        for _ in range(2):
            port = free_port()
            procs.append(_start([exe, "app:server", "-w", "1", "-b", f"127.0.0.1:{port}", "--no-control-socket",
                                 "--log-level", "warning"], port))
        for proc, url in procs:
            wait_for_server(url, proc)
        yield [url for _, url in procs]
    finally:
        for proc, _ in procs:
            stop_server(proc)


NONCE = re.compile(rb'"nav":\s*\d+')   # the sync callback stamps a URL navigation with the time
END_ID = re.compile(rb'"end_id":"[^"]*"')   # Dash signs a fresh token into every page load


def same(a: tuple, b: tuple, what: str) -> None:
    """Same status and body: JSON compared as data (Dash orders some component props by Python's
    per-process string hashing), anything else byte for byte."""
    assert a[0] == b[0], what
    ta, tb = (NONCE.sub(b'"nav":0', END_ID.sub(b'"end_id":""', r[2])) for r in (a, b))
    if "json" in a[1].get("Content-Type", ""):
        assert json.loads(ta) == json.loads(tb), what
    else:
        assert CONFIG.sub(_sorted_config, ta) == CONFIG.sub(_sorted_config, tb), what


CONFIG = re.compile(rb'(<script id="_dash-config" type="application/json">)(.*?)(</script>)', re.S)


def _sorted_config(m) -> bytes:
    """Dash 4 puts the initial layout in the page's config: compare it as data too."""
    return m.group(1) + json.dumps(json.loads(m.group(2)), sort_keys=True).encode() + m.group(3)


def test_two_server_processes_answer_alike(two_gunicorns):
    a, b = two_gunicorns
    # different traffic first on one of them (its caches now hold other views and datasets' derivatives)
    for p in PAYLOADS[::-1]:
        _get(a, "/_dash-update-component", p["body"])
    for q in ("/embed?actors=trump", "/embed?lang=nl&q=train", "/api/event/hanoi-walkout?lang=nl"):
        _get(a, q)
    paths = ["/", "/_dash-layout", "/_dash-dependencies", "/embed", "/embed?actors=kim&event=hanoi-summit&lang=nl",
             "/oembed?url=http://timeline.example/embed?actors=kim", "/api/event/hanoi-summit",
             "/api/event/air-force-one-offer?lang=nl", "/api/event/nope"]
    for path in paths:
        same(_get(a, path), _get(b, path), path)
    for p in PAYLOADS:
        ra, rb = _get(a, "/_dash-update-component", p["body"]), _get(b, "/_dash-update-component", p["body"])
        assert ra[0] in (200, 204), p["name"]
        same(ra, rb, p["name"])


def test_gunicorn_headers(two_gunicorns):
    status, headers, _ = _get(two_gunicorns[0], "/")
    assert status == 200
    assert headers.get("Server", "gunicorn") == "gunicorn"   # its name only, no version
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "object-src 'none'" in headers["Content-Security-Policy"]


def test_development_server_sends_no_version_banner():
    port = free_port()
    proc, url = _start([sys.executable, "app.py", "--port", str(port)], port)
    try:
        wait_for_server(url, proc)
        status, headers, _ = _get(url, "/")
        assert status == 200
        assert "Server" not in headers, headers.get("Server")
        status, _, body = _get(url, "/_dash-update-component", {"output": "nope"})
        assert status == 400 and b"Traceback" not in body
    finally:
        stop_server(proc)
