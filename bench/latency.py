#!/usr/bin/env python3
"""Server-side callback latency of the app, per reader action (filter, select, search): p50/p95.

In-process (Flask test client, no browser): each action changes one property, then every server
callback it triggers runs in turn, as dash-renderer would fire them, until nothing more changes.
The time of an action is the sum of its callbacks' request times (an upper bound on what the
reader waits for the server: in the browser the callbacks after the first run concurrently).

    python bench/latency.py [DATA] [--reps 30] [--json]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _props(layout) -> dict:
    """{(id, prop): value} of every component with an id in the layout."""
    out = {}
    for comp in [layout, *layout._traverse()]:
        cid = getattr(comp, "id", None)
        if not isinstance(cid, str):
            continue
        for prop in comp._prop_names:
            value = getattr(comp, prop, None)
            if value is not None:
                out[(cid, prop)] = value
    return out


class Runner:
    """Fires the app's server callbacks like dash-renderer does, keeping the page's props."""

    def __init__(self, app):
        self.app = app
        self.client = app.server.test_client()
        self.callbacks = []
        for key, cb in app.callback_map.items():
            ins = [(i["id"], i["property"]) for i in cb["inputs"]]
            if any(i.startswith("{") for i, _ in ins) or "callback" not in cb:
                continue   # pattern-matching or clientside: not a plain server callback
            outs = [tuple(o.rsplit(".", 1)) for o in key.strip(".").split("...")]
            self.callbacks.append((key, outs, ins, [(s["id"], s["property"]) for s in cb.get("state", [])]))
        self.url = app.config.requests_pathname_prefix + "_dash-update-component"

    def reset(self):
        layout = self.app.layout() if callable(self.app.layout) else self.app.layout
        self.props = _props(layout)

    def act(self, cid: str, prop: str, value) -> tuple[float, int]:
        """Set a property, run the callbacks it sets off; (seconds in requests, number of callbacks)."""
        changed = {(cid, prop)}
        self.props[(cid, prop)] = value
        spent, fired, rounds = 0.0, 0, 0
        while changed and rounds < 10:
            rounds += 1
            nxt = set()
            for key, outs, ins, states in self.callbacks:
                hit = [p for p in ins if p in changed]
                if not hit:
                    continue
                body = {"output": key,
                        "outputs": ([{"id": i, "property": p} for i, p in outs] if len(outs) > 1
                                    else {"id": outs[0][0], "property": outs[0][1]}),
                        "inputs": [{"id": i, "property": p, "value": self.props.get((i, p))} for i, p in ins],
                        "state": [{"id": i, "property": p, "value": self.props.get((i, p))} for i, p in states],
                        "changedPropIds": [f"{i}.{p}" for i, p in hit]}
                t0 = time.perf_counter()
                r = self.client.post(self.url, json=body)
                spent += time.perf_counter() - t0
                fired += 1
                if r.status_code == 204:
                    continue
                if r.status_code != 200:
                    raise RuntimeError(f"{key}: HTTP {r.status_code} {r.get_data(as_text=True)[:300]}")
                for oid, values in r.get_json().get("response", {}).items():
                    for p, v in values.items():
                        if self.props.get((oid, p)) != v:
                            self.props[(oid, p)] = v
                            nxt.add((oid, p))
            changed = nxt
        return spent, fired


def measure(data: str | None, reps: int = 30) -> dict:
    from timeline.web import create_app

    app = create_app(data, reload_interval=-1)
    run = Runner(app)
    run.reset()
    actors = [o["value"] for o in run.props.get(("actor-filter", "options"), [])]
    ids = _event_ids(run)
    results = {}
    actions = {
        "filter": lambda i: ("actor-filter", "value", [actors[i % len(actors)]]),
        "select": lambda i: ("list-pick", "data", {"event": ids[i % len(ids)], "at": i}),
        "search": lambda i: ("search", "value", ("summit", "letter", "missile", "train")[i % 4] + str(i % 3 or "")),
    }
    for name, make in actions.items():
        times = []
        for i in range(reps + 2):
            run.reset()
            spent, _ = run.act(*make(i))
            if i >= 2:   # the first two warm caches
                times.append(spent * 1000)
        times.sort()
        results[name] = {"p50_ms": round(statistics.median(times), 1),
                         "p95_ms": round(times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))], 1),
                         "n": len(times)}
    return results


def _event_ids(run: Runner) -> list[str]:
    """Ids of the events in the first page of the list (its items carry them as data-event)."""
    found = []

    def walk(node):
        if hasattr(node, "to_plotly_json"):
            node = node.to_plotly_json()
        if isinstance(node, dict):
            props = node.get("props") if isinstance(node.get("props"), dict) else node
            if isinstance(props.get("data-event"), str):
                found.append(props["data-event"])
            for v in props.values():
                if isinstance(v, (dict, list, tuple)) or hasattr(v, "to_plotly_json"):
                    walk(v)
        elif isinstance(node, (list, tuple)):
            for v in node:
                walk(v)

    walk(run.props.get(("event-list", "children")))
    return found


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?")
    ap.add_argument("--reps", type=int, default=30)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    res = measure(a.data, a.reps)
    if a.json:
        print(json.dumps(res))
    else:
        for k, v in res.items():
            print(f"{k:7s} p50 {v['p50_ms']:8.1f} ms   p95 {v['p95_ms']:8.1f} ms   ({v['n']} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
