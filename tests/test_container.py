"""The container: its command serves a mounted dataset with gunicorn, with public links.

No Docker engine runs here, so the image itself is not built in the suite; the test runs the very
command the image runs (scripts/serve-container.sh, gunicorn on timeline.web.wsgi:server) outside
the checkout, and checks that everything the Dockerfile copies exists.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from tests.helpers import ROOT, write_mini
from tests.helpers import free_port, stop_server, wait_for_server


def test_the_dockerfile_copies_what_exists_and_runs_the_container_command():
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    for src in re.findall(r"^COPY (\S+)", text, flags=re.M):
        assert (ROOT / src).exists(), src
    assert 'CMD ["serve-container"]' in text and "scripts/serve-container.sh /usr/local/bin/serve-container" in text
    assert "VOLUME /data" in text


def _serve(tmp_path, data_dir: Path, extra_env: dict):
    port = free_port()
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}",
           "PYTHONPATH": str(ROOT), "TIMELINE_DATA_DIR": str(data_dir), "TIMELINE_BIND": "127.0.0.1",
           "PORT": str(port), "WORKERS": "1", **extra_env}
    env.pop("TIMELINE_DATA", None)
    proc = subprocess.Popen(["sh", str(ROOT / "scripts" / "serve-container.sh")], cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    return proc, f"http://127.0.0.1:{port}"


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def test_the_container_command_serves_the_mounted_dataset_with_public_links(tmp_path):
    mounted = write_mini(tmp_path / "data")
    proc, url = _serve(tmp_path, mounted, {"TIMELINE_PUBLIC_URL": "https://timeline.example.org"})
    try:
        wait_for_server(url, proc)
        status, body = _get(url + "/api/event/hanoi-summit")
        assert status == 200 and json.loads(body)["title"] == "Hanoi summit"
        assert _get(url + "/api/event/singapore-summit")[0] == 404   # the mounted dataset, not the bundled
        q = urllib.parse.urlencode({"url": "https://timeline.example.org/embed?actors=kim"})
        status, body = _get(f"{url}/oembed?{q}")
        assert status == 200
        assert 'src="https://timeline.example.org/embed?actors=kim"' in json.loads(body)["html"]
    finally:
        stop_server(proc)
    assert b"serving " + str(mounted).encode() in proc.stderr.read()
