"""Capture real Dash callback requests from the app in Chromium, for the load test and the fuzz tests.

    .venv/bin/python bench/load/capture.py            # writes bench/load/payloads.json

Serves the app (bundled dataset) on a loopback port, drives it like a reader (filter by actor,
search, pick an event in the list, switch language) and keeps each POST /_dash-update-component
body with its name. tests/web/test_security_fuzz.py checks that the app still accepts every one.
"""
from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = Path(__file__).resolve().parent / "payloads.json"
CHROMIUM = "/usr/lib/chromium/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]


def _name(body: dict) -> str:
    out = body["output"]
    changed = ",".join(body.get("changedPropIds", []))
    if out.startswith("..url.search"):
        return "sync:" + changed
    if out == "graph.figure":
        return "draw_chart"
    if out.startswith("..event-list.children"):
        return "draw_list"
    if out.startswith("..details.children"):
        return "draw_details"
    if out.startswith("..skip-link"):
        return "translate"
    return out[:40] + ":" + changed


def main() -> int:
    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server

    from timeline.web import create_app

    app = create_app(reload_interval=-1)
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    captured: list[dict] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})

        def keep(request):
            if request.method == "POST" and "/_dash-update-component" in request.url:
                body = json.loads(request.post_data)
                captured.append({"name": _name(body), "body": body})

        page.on("request", keep)
        page.goto(url)
        page.wait_for_selector(".js-plotly-plot .main-svg")
        page.wait_for_timeout(1500)
        page.locator(".rangeselector .button", has_text="1 y").click()   # a zoom
        page.wait_for_timeout(1500)
        page.click("#actor-filter")
        page.get_by_role("option", name="John Bolton", exact=True).click()
        page.keyboard.press("Escape")
        page.wait_for_timeout(1500)
        page.fill("#search", "summit")
        page.wait_for_timeout(1500)
        page.locator("#event-list [role=option]").first.click()
        page.wait_for_timeout(1500)
        page.fill("#search", "")
        page.wait_for_timeout(1500)
        page.get_by_label("Nederlands").check()
        page.wait_for_timeout(1500)
        page.goto(url + "/?event=air-force-one-offer")   # a quote from a seed text: the source view
        page.locator("#details .link-button").first.click()
        page.wait_for_timeout(1500)
        browser.close()
    server.shutdown()
    seen, keep_list = set(), []
    for c in captured:   # one of each kind (the first)
        key = c["name"]
        if key not in seen:
            seen.add(key)
            keep_list.append(c)
    OUT.write_text(json.dumps(keep_list, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(keep_list)} payloads -> {OUT}: " + ", ".join(c["name"] for c in keep_list))
    return 0


if __name__ == "__main__":
    sys.exit(main())
