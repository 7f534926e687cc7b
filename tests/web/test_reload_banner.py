"""After a broken edit: the editor's page lists each problem with file, row and column; a public one stays generic."""
from __future__ import annotations

import os

import pytest

from timeline.web import create_app

from tests.helpers import mini_tables, to_csv, write_mini


def _break(folder):
    t = mini_tables()
    header = t["events.csv"][0]
    t["events.csv"][3][header.index("start")] = "07/08/2019"           # hanoi-summit, row 4
    (folder / "events.csv").write_text(to_csv(t["events.csv"]), encoding="utf-8")
    st = (folder / "events.csv").stat()
    os.utime(folder / "events.csv", ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


@pytest.mark.parametrize("editor", [True, False])
def test_the_banner_lists_the_problems_only_for_the_editor(tmp_path, editor):
    folder = write_mini(tmp_path / "ds")
    client = create_app(folder, reload_interval=0, editor=editor).server.test_client()
    assert "showing the last good version" not in client.get("/_dash-layout").get_data(as_text=True)
    _break(folder)
    layout = client.get("/_dash-layout").get_data(as_text=True)
    assert "showing the last good version" in layout
    where = "events.csv, row 4, column 'start'"
    if editor:
        assert where in layout and "can be read two ways" in layout and "2019-08-07" in layout
    else:
        assert where not in layout and "07/08/2019" not in layout


def test_a_second_broken_edit_updates_the_list(tmp_path):
    folder = write_mini(tmp_path / "ds")
    client = create_app(folder, reload_interval=0, editor=True).server.test_client()
    _break(folder)
    assert "row 4, column 'start'" in client.get("/_dash-layout").get_data(as_text=True)
    t = mini_tables()
    t["actors.csv"][1][0] = "Trump"   # not an id
    (folder / "actors.csv").write_text(to_csv(t["actors.csv"]), encoding="utf-8")
    st = (folder / "actors.csv").stat()
    os.utime(folder / "actors.csv", ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))
    assert "actors.csv, row 2, column 'id'" in client.get("/_dash-layout").get_data(as_text=True)


@pytest.mark.parametrize("host, flag, expected", [
    ("127.0.0.1", None, True), ("localhost", None, True), ("0.0.0.0", None, False),
    ("0.0.0.0", True, True), ("127.0.0.1", False, False),
])
def test_editor_is_the_default_on_a_local_host(monkeypatch, host, flag, expected):
    import argparse

    from timeline.web import wsgi

    seen = {}

    def fake_build(data, editor=False):
        seen["editor"] = editor
        raise SystemExit(0)

    monkeypatch.setattr(wsgi, "build", fake_build)
    with pytest.raises(SystemExit):
        wsgi.serve(argparse.Namespace(data=None, host=host, port=0, debug=False, editor=flag))
    assert seen["editor"] is expected
