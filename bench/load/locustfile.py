"""Readers of the timeline, for locust (bench/load/run.sh runs it headless against gunicorn).

Each simulated reader, between pauses of 0.5-2 s: loads the app (`/` and its layout), loads an
embed, asks for an event's details, or does what the page does when it filters, searches or
selects (POST /_dash-update-component with the requests captured from the app in Chromium,
bench/load/payloads.json, varied over actors, words and events). Requests are named by what they
are, so the report gives p50/p95 per callback.
"""
from __future__ import annotations

import copy
import json
import random
from pathlib import Path

from locust import HttpUser, between, task

HERE = Path(__file__).resolve().parent
PAYLOADS = {p["name"]: p["body"] for p in json.loads((HERE / "payloads.json").read_text(encoding="utf-8"))}
ACTORS = ["trump", "kim", "moon", "bolton", "pompeo", "xi", "pottinger"]
WORDS = ["summit", "train", "letter", "fire and fury", "hanoi", "rocket", "air force one", "dmz"]
EVENTS = ["hanoi-summit", "singapore-summit", "air-force-one-offer", "hanoi-walkout", "kim-train-to-hanoi",
          "dmz-meeting", "rocket-man-tweet", "fire-and-fury"]
VIEWS = ["", "?actors=kim", "?actors=trump,kim&mode=all", "?q=summit", "?actors=bolton&event=hanoi-summit",
         "?from=2018-01&to=2018-12", "?lang=nl", "?actors=moon,kim&lang=nl&event=singapore-summit"]
CALLBACK = "/_dash-update-component"


def _set(body: dict, cid: str, prop: str, value, key: str = "inputs") -> dict:
    for item in body.get(key, []):
        if isinstance(item, dict) and item.get("id") == cid and item.get("property") == prop:
            item["value"] = value
    return body


class Reader(HttpUser):
    wait_time = between(0.5, 2.0)

    def _callback(self, name: str, body: dict):
        with self.client.post(CALLBACK, json=body, name=f"callback {name}", catch_response=True) as r:
            if r.status_code in (200, 204):
                r.success()
            else:
                r.failure(f"{r.status_code}: {r.text[:200]}")

    @task(2)
    def page_load(self):
        self.client.get(random.choice(VIEWS) or "/", name="GET / (page)")
        self.client.get("/_dash-layout", name="GET /_dash-layout")

    @task(2)
    def embed(self):
        self.client.get("/embed" + random.choice(VIEWS), name="GET /embed?…")

    @task(3)
    def event_details(self):
        lang = random.choice(["en", "nl"])
        self.client.get(f"/api/event/{random.choice(EVENTS)}?lang={lang}", name="GET /api/event/<id>")

    @task(3)
    def filter_by_actor(self):
        actors = random.sample(ACTORS, random.randint(1, 2))
        body = _set(copy.deepcopy(PAYLOADS["sync:actor-filter.value"]), "actor-filter", "value", actors)
        self._callback("filter (sync)", body)
        query = "?actors=" + ",".join(actors)
        self._callback("filter: chart", _set(copy.deepcopy(PAYLOADS["draw_chart"]), "fig-view", "data", {"q": query}))
        self._callback("filter: list", _set(copy.deepcopy(PAYLOADS["draw_list"]), "view", "data", query))

    @task(2)
    def search(self):
        words = random.choice(WORDS)
        body = _set(copy.deepcopy(PAYLOADS["sync:search.value"]), "search", "value", words)
        self._callback("search (sync)", body)
        self._callback("search: list", _set(copy.deepcopy(PAYLOADS["draw_list"]), "view", "data",
                                            "?q=" + words.replace(" ", "+")))

    @task(2)
    def select_event(self):
        event = random.choice(EVENTS)
        body = _set(copy.deepcopy(PAYLOADS["sync:list-pick.data"]), "list-pick", "data",
                    {"event": event, "at": random.randint(1, 10**12)})
        self._callback("select (sync)", body)
        self._callback("select: details", _set(copy.deepcopy(PAYLOADS["draw_details"]), "fig-view", "data",
                                               {"q": f"?event={event}"}))
