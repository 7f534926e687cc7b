"""bench/peers.py's arithmetic: ratios to the targets, and several runs judged by the median."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _peers():
    spec = importlib.util.spec_from_file_location("bench_peers", ROOT / "bench" / "peers.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _run(project_10k: float, vis_10k: float = 1500.0) -> dict:
    return {10000: {"vis-timeline": {"render_ms": vis_10k, "filter_ms": 1800},
                    "plotly px.timeline": {"render_ms": 2000, "filter_ms": 50},
                    "project /": {"render_ms": project_10k, "filter_ms": 100}}}


def test_ratio_is_project_over_peer_and_the_fastest_filter_is_the_smallest():
    P = _peers()
    rows = {r["what"]: r for r in P.ratio_rows(_run(700.0)) if r["n"] == 10000}
    assert abs(rows["first render /"]["ratio"] - 700 / 1500) < 1e-9 and rows["first render /"]["pass"]
    assert rows["filter by actor /"]["peer"].startswith("plotly px.timeline")
    assert rows["filter by actor /"]["ratio"] == 2.0 and not rows["filter by actor /"]["pass"]


def test_several_runs_are_judged_by_the_median_and_each_is_kept():
    P = _peers()
    runs = [P.ratio_rows(_run(ms)) for ms in (700.0, 900.0, 600.0)]   # 0.47, 0.60, 0.40
    row = next(r for r in P.combine(runs) if r["n"] == 10000 and r["what"] == "first render /")
    assert abs(row["ratio"] - 700 / 1500) < 1e-9 and row["pass"]
    assert [round(x, 2) for x in row["ratios"]] == [0.47, 0.6, 0.4]
    one_bad = [P.ratio_rows(_run(ms)) for ms in (700.0, 900.0, 800.0)]   # median 0.53: a miss
    assert not next(r for r in P.combine(one_bad) if r["n"] == 10000 and r["what"] == "first render /")["pass"]
