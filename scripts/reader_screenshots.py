"""The README's reader screenshots (docs/*.png): the desktop app, the phone app, the phone embed
and the desktop embed, from the bundled dataset in Debian's Chromium.

    .venv/bin/python scripts/reader_screenshots.py      # writes docs/screenshot.png, docs/phone-app.png,
                                                        # docs/phone-embed.png, docs/embed.png
"""
from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHOTS = [  # (file, path, width, height, wait for)
    ("screenshot.png", "/?event=air-force-one-offer", 1400, 900, "#details-title"),
    ("phone-app.png", "/?event=air-force-one-offer", 390, 844, '#cards-panel .tl-card.selected'),
    ("phone-embed.png", "/embed", 390, 844, ".tl-cards[data-enhanced]"),
    ("embed.png", "/embed?event=singapore-summit", 1000, 600, "#tl-panel .tl-title"),
]


def main() -> None:
    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server

    from timeline.web import create_app

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = make_server("127.0.0.1", 0, create_app(reload_interval=-1).server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/lib/chromium/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        for name, path, width, height, ready in SHOTS:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(url + path)
            page.wait_for_selector(ready, timeout=90000)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(ROOT / "docs" / name))
            print("wrote", ROOT / "docs" / name)
            page.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
