"""A running server keeps serving the last good dataset when a reload finds problems."""
from __future__ import annotations

import os

from timeline.store import DatasetStore

from tests.helpers import mini_tables, to_csv, write_mini


def _touch_later(path):
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def test_bad_reload_keeps_last_good_data_and_reports(tmp_path):
    folder = write_mini(tmp_path / "ds")
    store = DatasetStore(folder, interval=0)
    assert len(store.get().events) == 3

    tables = mini_tables()
    tables["events.csv"][3][tables["events.csv"][0].index("start")] = "not a date"
    tables["events.csv"].append(["new-event", "New", "moment", "2019-06-30", "", "", "trump", "", "", "seed", ""])
    (folder / "events.csv").write_text(to_csv(tables["events.csv"]), encoding="utf-8")
    _touch_later(folder / "events.csv")
    ds = store.get()
    assert list(ds.events["id"]) == ["rocket-man-phase", "rocket-man-tweet", "hanoi-summit"], "not half of the new data"
    assert any(p.row == 4 and p.column == "start" for p in store.problems)

    tables["events.csv"][3][tables["events.csv"][0].index("start")] = "2019-02-27"
    (folder / "events.csv").write_text(to_csv(tables["events.csv"]), encoding="utf-8")
    _touch_later(folder / "events.csv")
    assert "new-event" in set(store.get().events["id"])
    assert store.problems == [] and store.version == 2


def test_vanished_file_keeps_last_good_data(tmp_path):
    folder = write_mini(tmp_path / "ds")
    store = DatasetStore(folder, interval=0)
    (folder / "actors.csv").unlink()
    assert len(store.get().actors) == 3
    assert any("actors.csv" in str(p) for p in store.problems)
