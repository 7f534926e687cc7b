#!/usr/bin/env python3
"""Server memory: per event, and across gunicorn workers. Loopback only; every server is stopped.

    .venv/bin/python bench/memory.py                 # 12 and 100,000 events (the harness's events)
    .venv/bin/python bench/memory.py 12 10000 --workers 4 --json

1. Per event: `python app.py --data events-N.json` for each size, once it has served /,
   /_dash-layout and /embed: its RSS, and the RSS above the smallest size divided by the events
   (what one more event costs the server).
2. Across workers, at the largest size: `gunicorn app:server --preload` with 1 and with W workers
   (the dataset is loaded by the master, before it forks). Each worker serves the same pages
   first. Reported: the proportional set size (PSS) of master and workers together, which counts a
   page shared by k processes as 1/k in each, and their plain RSS sum (which counts it k times),
   and the ratio W workers / 1 worker.

Waits are bounded (a server that does not answer in --limit seconds is reported and stopped).
Absolute numbers depend on the machine; the ratios and the per-event figure are what to compare.
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("/", "/_dash-layout", "/embed")


def data_file(n: int) -> Path:
    home = Path(os.environ.get("PEERS_HOME", "/tmp/peerbench"))
    path = home / "site" / f"events-{n}.json"
    if not path.is_file():
        peers = Path(os.environ.get("TIMELINE_PEERS_DIR") or ROOT.parent / "shared" / "bench" / "peers")
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(peers / "gen_events.py"), str(n), str(path)], check=True)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(proc, port: int, limit: float) -> None:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), 1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"no answer on port {port} within {limit:.0f} s")


def fetch(port: int, path: str, limit: float) -> None:
    urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=limit).read()


def kib(pid: int, field: str) -> int:
    """A field of /proc/PID/smaps_rollup (Pss, Rss) or status (VmRSS), in KiB; 0 if gone."""
    try:
        for name in ("smaps_rollup", "status"):
            for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def stop(proc) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def app_rss(n: int, limit: float) -> dict:
    """RSS and PSS (MiB) of `python app.py` for n events, once it has served its first pages."""
    port = free_port()
    t0 = time.monotonic()
    proc = subprocess.Popen([sys.executable, "app.py", "--data", str(data_file(n)), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_listening(proc, port, limit)
        started = time.monotonic() - t0
        for path in PAGES:
            fetch(port, path, limit)
        return {"rss_mib": round(kib(proc.pid, "Rss") / 1024, 1), "pss_mib": round(kib(proc.pid, "Pss") / 1024, 1),
                "startup_s": round(started, 1)}
    except (RuntimeError, OSError) as e:
        return {"error": str(e)}
    finally:
        stop(proc)


def gunicorn_memory(n: int, workers: int, limit: float) -> dict:
    """PSS and RSS sums (MiB) of a `gunicorn --preload` master and its workers after serving pages."""
    exe = Path(sys.executable).parent / "gunicorn"
    port = free_port()
    env = dict(os.environ, TIMELINE_DATA=str(data_file(n)))
    proc = subprocess.Popen([str(exe), "app:server", "--preload", "-w", str(workers), "-b", f"127.0.0.1:{port}",
                             "--no-control-socket", "--log-level", "warning", "--timeout", str(int(limit))],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_listening(proc, port, limit)
        end = time.monotonic() + limit
        while len(children(proc.pid)) < workers and time.monotonic() < end:
            time.sleep(0.2)
        for _ in range(3 * workers):   # the kernel spreads connections over the workers
            for path in PAGES:
                fetch(port, path, limit)
        time.sleep(1)
        pids = [proc.pid, *children(proc.pid)]
        return {"workers": workers, "processes": len(pids),
                "pss_mib": round(sum(kib(p, "Pss") for p in pids) / 1024, 1),
                "rss_sum_mib": round(sum(kib(p, "Rss") for p in pids) / 1024, 1)}
    except (RuntimeError, OSError) as e:
        return {"workers": workers, "error": str(e)}
    finally:
        stop(proc)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sizes", type=int, nargs="*", default=[12, 100000])
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--limit", type=float, default=600, help="seconds a server may take to start or answer")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    sizes = sorted(a.sizes)
    out = {"per_size": {n: app_rss(n, a.limit) for n in sizes}}
    base_n, base = sizes[0], out["per_size"][sizes[0]].get("rss_mib")
    for n in sizes[1:]:
        rss = out["per_size"][n].get("rss_mib")
        if rss and base:
            out["per_size"][n]["kib_per_event"] = round((rss - base) * 1024 / (n - base_n), 2)
    big = sizes[-1]
    one, many = gunicorn_memory(big, 1, a.limit), gunicorn_memory(big, a.workers, a.limit)
    out["gunicorn"] = {"events": big, "one": one, "many": many}
    if one.get("pss_mib") and many.get("pss_mib"):
        out["gunicorn"]["pss_ratio"] = round(many["pss_mib"] / one["pss_mib"], 2)
        out["gunicorn"]["rss_sum_ratio"] = round(many["rss_sum_mib"] / one["rss_sum_mib"], 2)
    if a.json:
        print(json.dumps(out))
        return 0
    print("| events | server RSS | PSS | RSS above the smallest, per event | start-up |\n|---|---|---|---|---|")
    for n, r in out["per_size"].items():
        print(f"| {n:,} | {r.get('rss_mib', r.get('error'))} MiB | {r.get('pss_mib', '—')} MiB "
              f"| {r.get('kib_per_event', '—')} KiB | {r.get('startup_s', '—')} s |")
    g = out["gunicorn"]
    print(f"\ngunicorn --preload at {big:,} events (master + workers):\n\n| workers | PSS together | RSS summed |\n|---|---|---|")
    for r in (one, many):
        print(f"| {r['workers']} | {r.get('pss_mib', r.get('error'))} MiB | {r.get('rss_sum_mib', '—')} MiB |")
    print(f"\n{a.workers} workers / 1: PSS {g.get('pss_ratio', '—')}×, RSS summed {g.get('rss_sum_ratio', '—')}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
