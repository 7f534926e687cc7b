"""Writes never lose what a user made: no overwrite without force, and a killed write leaves the old file."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from timeline import files
from timeline.formats.text import neutralise_formula

from tests.helpers import ROOT


def test_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("mine")
    with pytest.raises(files.WouldOverwrite, match="--force"):
        files.write_text(target, "theirs")
    assert target.read_text() == "mine"
    files.write_text(target, "theirs", force=True)
    assert target.read_text() == "theirs"


def test_folder_is_swapped_in_whole(tmp_path):
    target = tmp_path / "ds"
    files.write_folder(target, {"a.csv": b"1", "seeds/s.txt": b"2"})
    with pytest.raises(files.WouldOverwrite):
        files.write_folder(target, {"b.csv": b"3"})
    assert sorted(p.name for p in target.iterdir()) == ["a.csv", "seeds"]
    files.write_folder(target, {"b.csv": b"3"}, force=True)
    assert [p.name for p in target.iterdir()] == ["b.csv"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "no temporary folder left"


def test_write_killed_midway_leaves_previous_file_intact(tmp_path):
    target = tmp_path / "events.json"
    target.write_text("previous contents")
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); from timeline import files\n"
        "import os\n"
        "orig = os.fsync\n"
        "os.fsync = lambda fd: (__import__('time').sleep(30), orig(fd))\n"
        "files.write_bytes(sys.argv[2], b'new' * (1 << 22), force=True)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script, str(ROOT), str(target)])
    deadline = time.time() + 30
    while time.time() < deadline and not list(tmp_path.glob(".events.json.*.tmp")):
        time.sleep(0.05)   # kept: polls another process's file system write; there is no event to wait on
    assert list(tmp_path.glob(".events.json.*.tmp")), "the write never started"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert target.read_text() == "previous contents"


@pytest.mark.parametrize("cell,safe", [
    ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
    ("+1+1", "'+1+1"), ("@SUM(A1)", "'@SUM(A1)"), ("-2+3", "'-2+3"),
    ("-500", "-500"), ("Hanoi", "Hanoi"), ("", ""),
])
def test_formula_injection_is_neutralised(cell, safe):
    assert neutralise_formula(cell) == safe


def test_written_file_is_readable_like_any_new_file(tmp_path):
    old = os.umask(0o022)
    try:
        target = files.write_text(tmp_path / "out.html", "<html></html>")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644


def test_written_folder_is_readable_like_any_new_folder(tmp_path):
    old = os.umask(0o022)
    try:
        target = files.write_folder(tmp_path / "ds", {"events.csv": b"id\n"})
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o755
