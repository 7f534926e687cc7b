"""Shared fixtures: the bundled dataset, a live app server and a real Chromium (Debian's) for Playwright."""
from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "trump-kim"
CHROMIUM = "/usr/lib/chromium/chromium"   # the real binary; /usr/bin/chromium is a wrapper script
# expect() waits for what a reader would see; its 5 s default is too short on a shared 2-core machine
# running several suites at once (a chart click once took longer), and a longer wait never passes
# a test that should fail: it only waits longer before failing.
expect.set_options(timeout=15_000)

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": ARGS}


@pytest.fixture(scope="session")
def dataset():
    import timeline

    return timeline.load()


@pytest.fixture
def dataset_copy(tmp_path):
    """A writable copy of the bundled dataset folder, for tests that break it on purpose."""
    dst = tmp_path / "ds"
    shutil.copytree(DATA, dst)
    seeds = dst / "seeds"
    seeds.mkdir(exist_ok=True)
    for f in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(f, seeds / f.name)
    return dst


class LiveServer:
    """A WSGI app served on a loopback port from a thread, for the length of a test session."""

    def __init__(self, wsgi_app):
        from werkzeug.serving import make_server

        self.server = make_server("127.0.0.1", 0, wsgi_app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()


@pytest.fixture(scope="session")
def serve():
    """serve(wsgi_app) -> LiveServer; every server started is stopped at the end of the session."""
    started = []

    def _serve(wsgi_app):
        s = LiveServer(wsgi_app)
        started.append(s)
        return s

    yield _serve
    for s in started:
        s.stop()


@pytest.fixture(scope="session")
def app_server(serve):
    """The app on the bundled dataset, one per session."""
    from timeline.web import create_app

    return serve(create_app().server)
