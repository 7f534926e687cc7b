"""`pip install .` gives a working `timeline` command and package, with the bundled dataset inside.

The wheel is built and installed into a fresh venv under a tmp dir, offline: the venv sees the test
venv's packages through a .pth file (pandas, dash, … and hatchling, the build backend), so nothing is
downloaded; `--no-deps --no-build-isolation --no-index` keeps pip from looking anywhere else.
"""
from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.helpers import ROOT


def _run(args, cwd, env=None, timeout=120):
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(venv's python, venv's timeline command, a folder outside the checkout) after `pip install .`."""
    base = tmp_path_factory.mktemp("pkg")
    venv = base / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=base)
    assert made.returncode == 0, made.stderr
    py = venv / "bin" / "python"
    purelib = _run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=base).stdout.strip()
    Path(purelib, "test-venv.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    # pip itself comes from the test venv (through the .pth); it installs into the new venv's prefix
    pip = _run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-deps",
                "--no-build-isolation", "--no-index", str(ROOT)], cwd=base, timeout=240)
    assert pip.returncode == 0, pip.stdout + pip.stderr
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "TIMELINE_DATA")}
    return py, venv / "bin" / "timeline", elsewhere, env


def test_timeline_validate_runs_from_another_folder_on_the_bundled_dataset(installed):
    _, command, elsewhere, env = installed
    out = _run([str(command), "validate"], cwd=elsewhere, env=env)
    assert out.returncode == 0, out.stderr
    with open(ROOT / "data" / "trump-kim" / "events.csv", encoding="utf-8") as f:
        n_events = sum(1 for _ in csv.DictReader(f))
    assert out.stdout.startswith(f"ok: bundled dataset: {n_events} events")
    assert "verified in seeds" in out.stdout and "(0 verified" not in out.stdout   # the seed text came along


def test_the_installed_package_carries_its_data_and_draws_a_figure(installed):
    py, _, elsewhere, env = installed
    code = ("import timeline, pathlib; ds = timeline.load(); fig = timeline.figure(ds); "
            "print(pathlib.Path(timeline.__file__).parent); print(ds.path); print(len(fig.data) > 0); "
            "print(len(timeline.figure(str(ds.path)).data) == len(fig.data))")
    out = _run([str(py), "-c", code], cwd=elsewhere, env=env)
    assert out.returncode == 0, out.stderr
    package, data, drew, same = out.stdout.split("\n")[:4]
    assert Path(package).is_relative_to(installed[0].parent.parent)   # not the checkout
    assert Path(data) == Path(package) / "_bundled" / "trump-kim"
    assert drew == "True" and same == "True"


def test_installed_export_and_a_dataset_table_given_as_data(installed, tmp_path):
    _, command, elsewhere, env = installed
    mine = tmp_path / "mine"
    shutil.copytree(ROOT / "data" / "trump-kim", mine)
    out = _run([str(command), "export", "html", "out.html", "--data", str(mine / "events.csv")],
               cwd=elsewhere, env=env)
    assert out.returncode == 0, out.stderr
    assert "self-contained HTML" in out.stdout and "bundled" not in out.stderr
    assert (elsewhere / "out.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    bundled = _run([str(command), "export", "timelinejs", "tl.json"], cwd=elsewhere, env=env)
    assert bundled.returncode == 0, bundled.stderr
    assert "bundled Trump-Kim dataset" in bundled.stderr and "--data" in bundled.stderr


def test_the_packages_ranges_admit_the_pinned_set_app_py_runs_on():
    import tomllib

    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = {}
    for name in ("requirements.txt", "requirements-images.txt"):
        for line in (ROOT / name).read_text(encoding="utf-8").split("\n"):
            line = line.split("#", 1)[0].strip()
            if "==" in line:
                pkg, version = line.split("==")
                pins[pkg.strip().lower()] = version.strip()
    ranges = [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["images"]]
    for req in ranges:
        assert req.name.lower() in pins, f"{req.name} is in pyproject.toml but not pinned"
        assert req.specifier.contains(pins[req.name.lower()]), f"{req} does not admit {pins[req.name.lower()]}"
    direct = {"dash", "plotly", "pandas", "numpy", "python-dateutil", "flask", "werkzeug", "orjson", "gunicorn",
              "edtf", "openpyxl"}
    assert direct <= {r.name.lower() for r in ranges}
