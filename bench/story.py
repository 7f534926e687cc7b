#!/usr/bin/env python3
"""Story mode: how long one step takes in the page (p50 / p95), at the sizes given.

    .venv/bin/python bench/story.py                    # 24 and 10,000 events, 50 steps each
    .venv/bin/python bench/story.py 24 --steps 50 --viewport 390x600 --json

For each size: `python app.py` on loopback with the harness's synthetic events (no stories.csv,
so the story is every event in date order), `/embed?mode=story` in headless Chromium, then
ArrowRight `--steps` times. A step is timed inside the page, from the keydown (a capture
listener) to the end of its redraw: the chart's `plotly_update` (the step marks its event and centres
the chart on it), or, on a page without a chart, the new card in the DOM. Each step waits for the one
before. The card of each step comes from the server (`step_api`), so the time includes that
request. Bounded: a step not done in --limit seconds stops the run and is reported.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory import data_file, free_port, stop, wait_listening  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/lib/chromium/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

ARM = """() => {
  window.__steps = []; window.__t0 = null;
  const card = () => document.getElementById('tl-card');
  const gd = document.getElementById('tl-chart');
  const done = () => { if (window.__t0 !== null) { window.__steps.push(performance.now() - window.__t0); window.__t0 = null; } };
  window.__cards = [];
  document.addEventListener('keydown', () => { window.__t0 = performance.now(); }, {capture: true});
  const cardIn = () => { if (window.__t0 !== null) window.__cards.push(performance.now() - window.__t0); };
  if (gd && gd.on && gd._fullData) { gd.on('plotly_update', done); gd.on('plotly_relayout', done); new MutationObserver(cardIn).observe(card().parentNode, {childList: true}); }
  else new MutationObserver(() => { cardIn(); done(); }).observe(card().parentNode, {childList: true});
  return !!(gd && gd._fullData);
}"""
READY = """() => { const gd = document.getElementById('tl-chart'); const c = document.getElementById('tl-card');
  return !!c && (!gd || !window.Plotly || !!(gd._fullData && gd._fullData.length)); }"""


def measure(n: int, steps: int, viewport: str, limit: float) -> dict:
    from playwright.sync_api import sync_playwright

    port = free_port()
    proc = subprocess.Popen([sys.executable, "app.py", "--data", str(data_file(n)), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    w, h = (int(x) for x in viewport.split("x"))
    try:
        wait_listening(proc, port, limit)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_context(viewport={"width": w, "height": h}).new_page()
            page.goto(f"http://127.0.0.1:{port}/embed?mode=story&step=1", timeout=limit * 1000)
            page.wait_for_function(READY, timeout=limit * 1000, polling=50)
            chart = page.evaluate(ARM)
            # a story of N events has N - 1 steps forward: a key press past the end does nothing
            total = page.evaluate("JSON.parse(document.getElementById('tl-data').textContent).total || 0")
            for i in range(min(steps, max(0, total - 1))):
                page.keyboard.press("ArrowRight")
                page.wait_for_function(f"() => window.__steps.length > {i}", timeout=limit * 1000, polling=16)
            times = page.evaluate("window.__steps")
            cards = sorted(page.evaluate("window.__cards"))
            browser.close()
    except Exception as e:   # noqa: BLE001 (reported, and the server is stopped)
        return {"events": n, "error": repr(e)[:300]}
    finally:
        stop(proc)
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return {"events": n, "steps": len(times), "chart": chart, "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(p95, 1), "max_ms": round(times[-1], 1),
            "card_p50_ms": round(statistics.median(cards), 1) if cards else None}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sizes", type=int, nargs="*", default=[24, 10000])
    ap.add_argument("--steps", type=int, default=50)
    ap.add_argument("--viewport", default="1280x800")
    ap.add_argument("--limit", type=float, default=300, help="seconds for the server to start or a step to end")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    rows = [measure(n, a.steps, a.viewport, a.limit) for n in a.sizes]
    if a.json:
        print(json.dumps(rows))
        return 0
    print(f"Story steps at {a.viewport} (in the page, keydown to redrawn):\n\n| events | steps | chart | p50 | p95 | max | card in the page, p50 |\n|---|---|---|---|---|---|---|")
    for r in rows:
        if "error" in r:
            print(f"| {r['events']:,} | {r['error']} |||||")
        else:
            print(f"| {r['events']:,} | {r['steps']} | {'yes' if r['chart'] else 'no'} | {r['p50_ms']} ms | {r['p95_ms']} ms | {r['max_ms']} ms | {r['card_p50_ms']} ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
