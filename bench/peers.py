#!/usr/bin/env python3
"""The performance issue's benchmark: the project beside its peers, as ratios to targets.

    .venv/bin/python bench/peers.py                  # 12, 10,000 and 100,000 events (about 5-10 min)
    .venv/bin/python bench/peers.py 12 10000         # some sizes only
    .venv/bin/python bench/peers.py --runs 3         # the harness 3 times; each target by the median ratio
    .venv/bin/python bench/peers.py --from-json bench-out/peers-....json   # re-print a saved run

Runs the shared harness (`../shared/bench/peers`, or $TIMELINE_PEERS_DIR): `setup.sh` once, then
`run_peers.py N... --project '<this python> app.py --data {data} --port {port}' --route / --route /embed
--json` at 1280x800, and `run_peers.py 12 --route /embed --viewport 390x600 --cards --json` for the
phone-sized embed (its cards count as drawn), and prints each target's ratio (project / peer, measured
in the same run) with pass/miss.
Also, per size, measured here: server memory (RSS of `python app.py` after it has served its first
page), figure-build time per event (in process, warm dataset, first build of a view), and the
server-side callback latency of filter/select/search (bench/latency.py). Raw results go to
bench-out/ (ignored by git). Quote ratios, never lone times: the machines are shared and noisy.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench-out"
sys.path.insert(0, str(ROOT))

# (size, what, project route, project metric, peer, peer size, peer metric, max ratio[, harness run])
# "fastest filter" is the smallest filter time among the peers at that size. The harness run is
# "desk" (1280x800, every size) unless it says "phone" (390x600, --cards, 12 events, /embed only).
TARGETS = [
    (12, "first render /embed", "/embed", "render_ms", "TimelineJS", 12, "render_ms", 1.0),
    (12, "wire bytes /embed", "/embed", "bytes", "TimelineJS", 12, "bytes", 1.0),
    (12, "first render /embed 390x600", "/embed", "render_ms", "TimelineJS", 12, "render_ms", 1.0, "phone"),
    (12, "wire bytes /embed 390x600", "/embed", "bytes", "TimelineJS", 12, "bytes", 1.0, "phone"),
    (12, "first render /", "/", "render_ms", "Dash + px.timeline", 12, "render_ms", 0.5),
    (12, "wire bytes /", "/", "bytes", "Dash + px.timeline", 12, "bytes", 0.3),
    (10000, "first render /", "/", "render_ms", "vis-timeline", 10000, "render_ms", 0.5),
    (10000, "filter by actor /", "/", "filter_ms", "fastest filter", 10000, "filter_ms", 0.5),
    (100000, "first render /", "/", "render_ms", "vis-timeline", 10000, "render_ms", 1.0),
    (100000, "filter by actor /", "/", "filter_ms", "fastest filter", 10000, "filter_ms", 1.0),
]
PHONE = {"sizes": [12], "routes": ["/embed"], "viewport": "390x600", "cards": True}


def shared_dir() -> Path:
    return Path(os.environ.get("TIMELINE_PEERS_DIR") or ROOT.parent / "shared" / "bench" / "peers").resolve()


def project_cmd() -> str:
    return f"{shlex.quote(sys.executable)} app.py --data {{data}} --port {{port}}"


def run_harness(sizes: list[int], timeout: int, routes=("/", "/embed"), viewport: str | None = None,
                cards: bool = False) -> dict:
    peers = shared_dir()
    if not (peers / "run_peers.py").is_file():
        raise SystemExit(f"no peer harness at {peers}: set TIMELINE_PEERS_DIR")
    home = Path(os.environ.get("PEERS_HOME", "/tmp/peerbench"))
    if not (home / "node_modules" / "vis-timeline").is_dir():
        subprocess.run(["bash", str(peers / "setup.sh")], check=True)
    cmd = [sys.executable, str(peers / "run_peers.py"), *map(str, sizes), "--project", project_cmd(),
           *[x for r in routes for x in ("--route", r)], "--json"]
    cmd += ["--viewport", viewport] if viewport else []
    cmd += ["--cards"] if cards else []
    print("running:", " ".join(shlex.quote(c) for c in cmd), file=sys.stderr, flush=True)
    r = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, timeout=timeout, text=True)
    if r.returncode != 0:
        raise SystemExit(f"run_peers.py exited with {r.returncode}")
    return {int(k): v for k, v in json.loads(r.stdout.strip().splitlines()[-1]).items()}


def data_file(n: int) -> Path:
    """The harness's event file for n (written by its gen_events.py); made here if missing."""
    home = Path(os.environ.get("PEERS_HOME", "/tmp/peerbench"))
    path = home / "site" / f"events-{n}.json"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(shared_dir() / "gen_events.py"), str(n), str(path)], check=True)
    return path


def start_app(data: Path):
    """`python app.py` on a free port: (process, base url) once it listens."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "app.py", "--data", str(data), "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < 300 and proc.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), 1).close()
            return proc, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.1)
    proc.terminate()
    raise RuntimeError("app.py did not start")


def server_memory(data: Path) -> dict:
    """RSS (MiB) of `python app.py` once it listens and has served / (layout and figure built)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "app.py", "--data", str(data), "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            if proc.poll() is not None or time.perf_counter() - t0 > 300:
                return {"error": "server did not start"}
            try:
                socket.create_connection(("127.0.0.1", port), 1).close()
                break
            except OSError:
                time.sleep(0.1)
        started = time.perf_counter() - t0
        for path in ("/", "/_dash-layout", "/embed"):
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=300).read()
        rss = _rss_kib(proc.pid)
        return {"rss_mib": round(rss / 1024, 1), "startup_s": round(started, 2)}
    finally:
        proc.terminate()
        proc.wait()


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def build_times(data: Path) -> dict:
    """Figure-build time per event (µs), in process: the app's first view (level of detail) and the
    full-detail figure (what timeline.figure() gives a notebook), each built once, uncached."""
    code = f"""
import json, sys, time
sys.path.insert(0, {str(ROOT)!r})
import timeline
from timeline.figure import Options, build, to_json
from timeline.figure.events import event_table
from timeline.view import View
t = time.perf_counter(); ds = timeline.load({str(data)!r}); load_s = time.perf_counter() - t
n = len(ds.events)
event_table(ds, "en")   # per-dataset text, built once at start-up
out = {{"events": n, "load_us_per_event": round(load_s / n * 1e6, 1)}}
for name, opts in (("lod", Options(height=560, width=800, lod=True)), ("full", Options(height=560, width=800))):
    t = time.perf_counter(); fig, info = build(ds, View(), opts); b = time.perf_counter() - t
    t = time.perf_counter(); js = to_json(fig); j = time.perf_counter() - t
    out[name] = {{"build_us_per_event": round(b / n * 1e6, 2), "json_us_per_event": round(j / n * 1e6, 2),
                  "json_bytes": len(js), "lod": info.lod}}
print(json.dumps(out))
"""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=900)
    if r.returncode:
        return {"error": r.stderr[-300:]}
    return json.loads(r.stdout.strip().splitlines()[-1])


def latency(data: Path, reps: int) -> dict:
    r = subprocess.run([sys.executable, str(ROOT / "bench" / "latency.py"), str(data), "--reps", str(reps), "--json"],
                       capture_output=True, text=True, timeout=1800)
    if r.returncode:
        return {"error": r.stderr[-300:]}
    return json.loads(r.stdout.strip().splitlines()[-1])


def ratio_rows(peers: dict, phone: dict | None = None) -> list[dict]:
    """Each target's ratio from one run: `peers` the 1280x800 harness run, `phone` the 390x600 one."""
    rows = []
    for n, what, route, metric, peer, peer_n, peer_metric, limit, *run in TARGETS:
        src = (phone or {}) if run == ["phone"] else peers
        mine = (src.get(n) or {}).get(f"project {route}", {}).get(metric)
        if peer == "fastest filter":
            cands = {k: v.get(peer_metric) for k, v in (src.get(peer_n) or {}).items()
                     if not k.startswith("project") and v.get(peer_metric)}
            peer_name, theirs = min(cands.items(), key=lambda kv: kv[1]) if cands else ("fastest filter", None)
        else:
            peer_name, theirs = peer, (src.get(peer_n) or {}).get(peer, {}).get(peer_metric)
        ratio = mine / theirs if mine is not None and theirs else None
        at = " 390x600" if run == ["phone"] else ""
        rows.append({"n": n, "what": what, "peer": f"{peer_name} at {peer_n:,}{at}", "target": limit,
                     "ratio": ratio, "pass": ratio is not None and ratio <= limit,
                     "project": mine, "peer_value": theirs})
    return rows


def combine(runs: list[list[dict]]) -> list[dict]:
    """One row per target from several runs' ratio rows: the median ratio decides pass or miss,
    and every run's ratio is kept ('ratios')."""
    import statistics

    out = []
    for rows in zip(*runs):
        ratios = [r["ratio"] for r in rows if r["ratio"] is not None]
        ratio = statistics.median(ratios) if ratios else None
        out.append(dict(rows[0], ratio=ratio, ratios=[r["ratio"] for r in rows],
                        **{"pass": ratio is not None and ratio <= rows[0]["target"]}))
    return out


def report(result: dict) -> str:
    runs = len(result.get("runs") or [result["peers"]])
    head = "ratio" if runs == 1 else f"ratio (median of {runs} runs) | each run"
    lines = [f"Run {result['date']} on {result['machine']}", "",
             f"| N | measure | vs | {head} | target | |", "|---|---|---|---|---|---|" + ("---|" if runs > 1 else "")]
    for r in result["ratios"]:
        ratio = "—" if r["ratio"] is None else f"{r['ratio']:.2f}"
        if runs > 1:
            ratio += " | " + ", ".join("—" if x is None else f"{x:.2f}" for x in r.get("ratios", []))
        verdict = "pass" if r["pass"] else ("n/a" if r["ratio"] is None else "miss")
        lines.append(f"| {r['n']:,} | {r['what']} | {r['peer']} | {ratio} | ≤ {r['target']:g} | {verdict} |")
    lines += ["", "| N | server RSS | RSS above the smallest run, per event | build (lod) / event "
              "| build (full) / event | JSON lod / full | load / event |", "|---|---|---|---|---|---|---|"]
    extra = sorted(result.get("extra", {}).items(), key=lambda kv: int(kv[0]))
    base_n, base_rss = (int(extra[0][0]), extra[0][1].get("memory", {}).get("rss_mib")) if extra else (0, None)
    for n, ex in extra:
        mem, b = ex.get("memory", {}), ex.get("build", {})
        lod, full = b.get("lod", {}), b.get("full", {})
        per = (f"{(mem['rss_mib'] - base_rss) * 1024 / (int(n) - base_n):.1f} KiB"
               if mem.get("rss_mib") and base_rss and int(n) > base_n else "—")
        lines.append(f"| {int(n):,} | {mem.get('rss_mib', '—')} MiB | {per} | {lod.get('build_us_per_event', '—')} µs "
                     f"| {full.get('build_us_per_event', '—')} µs | {lod.get('json_bytes', 0):,} / {full.get('json_bytes', 0):,} B "
                     f"| {b.get('load_us_per_event', '—')} µs |")
    lines += ["", "| N | callback | p50 | p95 |", "|---|---|---|---|"]
    for n, ex in sorted(result.get("extra", {}).items(), key=lambda kv: int(kv[0])):
        for name, v in (ex.get("latency") or {}).items():
            if isinstance(v, dict):
                lines.append(f"| {int(n):,} | {name} | {v['p50_ms']} ms | {v['p95_ms']} ms |")
    raw = [(f"Raw harness numbers{f' of run {i + 1}' if runs > 1 else ''}", p)
           for i, p in enumerate(result.get("runs") or [result["peers"]])]
    raw += [(f"Raw harness numbers at 390x600 (--cards){f' of run {i + 1}' if runs > 1 else ''}", p)
            for i, p in enumerate(result.get("phone_runs") or [])]
    for title, peers in raw:
        lines += ["", f"{title} (ms, bytes):", "",
                  "| N | page | render ms | wire bytes | filter ms |", "|---|---|---|---|---|"]
        for n, rows in sorted(peers.items(), key=lambda kv: int(kv[0])):
            for page, v in rows.items():
                lines.append(f"| {int(n):,} | {page} | {v.get('render_ms')} | {v.get('bytes')} | {v.get('filter_ms')} |"
                             + (f" {v['error']}" if v.get("error") else ""))
    return "\n".join(lines)


def machine() -> str:
    mem = ""
    try:
        kib = int(next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal")).split()[1])
        mem = f", {kib / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    chromium = subprocess.run(["/usr/lib/chromium/chromium", "--version"], capture_output=True, text=True).stdout.strip() \
        if Path("/usr/lib/chromium/chromium").exists() else "chromium ?"
    return (f"{os.cpu_count()} cores{mem}, {platform.system()} {platform.machine()}, Python {platform.python_version()}, "
            f"{chromium} headless --disable-gpu (shared, noisy machine)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Peers benchmark with ratios to the performance targets.")
    ap.add_argument("sizes", type=int, nargs="*", default=[12, 10000, 100000])
    ap.add_argument("--timeout", type=int, default=3600, help="seconds for the harness run")
    ap.add_argument("--reps", type=int, default=20, help="repetitions per action for the latency probe")
    ap.add_argument("--from-json", help="print the report of a saved run")
    ap.add_argument("--no-extra", action="store_true", help="skip memory, build time and latency")
    ap.add_argument("--no-phone", action="store_true", help="skip the 390x600 /embed run (--cards)")
    ap.add_argument("--runs", type=int, default=1,
                    help="run the harness this many times and judge each target by the median ratio")
    a = ap.parse_args(argv)
    if a.from_json:
        print(report(json.loads(Path(a.from_json).read_text())))
        return 0
    result = {"date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"), "machine": machine(), "sizes": a.sizes}
    result["runs"], result["phone_runs"] = [], []
    OUT.mkdir(exist_ok=True)
    out = OUT / f"peers-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    for _ in range(max(1, a.runs)):
        result["runs"].append(run_harness(a.sizes, a.timeout))
        if not a.no_phone:
            result["phone_runs"].append(run_harness(PHONE["sizes"], a.timeout, PHONE["routes"],
                                                    PHONE["viewport"], PHONE["cards"]))
        out.write_text(json.dumps(result, indent=1))   # so far: a run stopped early keeps its finished runs
    result["peers"] = result["runs"][0]
    phones = result["phone_runs"] or [None] * len(result["runs"])
    result["ratios"] = combine([ratio_rows(p, ph) for p, ph in zip(result["runs"], phones)])
    result["extra"] = {}
    if not a.no_extra:
        for n in a.sizes:
            data = data_file(n)
            print(f"memory, build time and latency at {n:,}", file=sys.stderr, flush=True)
            result["extra"][n] = {"memory": server_memory(data), "build": build_times(data),
                                  "latency": latency(data, a.reps if n < 100000 else max(5, a.reps // 4))}
    out.write_text(json.dumps(result, indent=1))
    print(report(result))
    print(f"\n(saved {out.relative_to(ROOT)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
