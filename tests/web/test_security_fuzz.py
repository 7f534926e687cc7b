"""HTTP fuzzing (bounded, property-based, Flask's test client): whatever a client sends to `/`,
`/embed`, `/embed/figure`, `/oembed`, `/api/event/<id>` or the Dash callback endpoint, the answer
is 2xx or 4xx (never 5xx), carries no Python traceback, and the server still answers real
requests after.

The callback cases start from real requests captured from the app in Chromium
(bench/load/payloads.json, made by bench/load/capture.py) and break them one way at a time.
"""
from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.helpers import ROOT

PAYLOADS = json.loads((ROOT / "bench" / "load" / "payloads.json").read_text(encoding="utf-8"))
CALLBACK = "/_dash-update-component"
FUZZ = settings(max_examples=150, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
LEAKS = ("Traceback", 'File "/', "site-packages", "werkzeug/", "Werkzeug/")


@pytest.fixture(scope="module")
def app():
    from timeline.web import create_app

    return create_app(reload_interval=-1)


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


def answered(r, allow=()):
    assert r.status_code < 500 or r.status_code in allow, (r.status_code, r.get_data()[:300])
    body = r.get_data(as_text=True) if "gzip" not in r.headers.get("Content-Encoding", "") else ""
    for leak in LEAKS:
        assert leak not in body, (leak, body[:300])
    return r


# --- strategies ---------------------------------------------------------------------------------

NASTY = ["", " ", "\x00", "\u202e", "\u200b", "%", "%%", "%00", "%ff", "&", "=", "==", "&&=&", "..", "../../etc/passwd",
         "<script>alert(1)</script>", "javascript:alert(1)", "'\"", "\\", "null", "[]", "{}", "-1", "0", "1e309",
         "99999999999999999999", "NaN", "2018-13-45", "9999-12-31", "-100000000", "trump", "kim", "hanoi-summit",
         "a" * 5000, "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"), "😀", "ﷺ"]
PARAMS = ["actors", "mode", "from", "to", "event", "q", "lang", "url", "format", "maxwidth", "maxheight", "v",
          "callback", "x", "x0", "x1"]
text = st.one_of(st.sampled_from(NASTY), st.text(max_size=60))
query = st.lists(st.tuples(st.one_of(st.sampled_from(PARAMS), st.text(max_size=8)), text), max_size=6)
json_value = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-2**70, max_value=2**70) | st.floats(allow_nan=False)
    | st.sampled_from(NASTY) | st.text(max_size=20),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=10), kids, max_size=4),
    max_leaves=12)


def _qs(pairs) -> str:
    from urllib.parse import urlencode

    return urlencode(pairs)


# --- GET endpoints ------------------------------------------------------------------------------

@FUZZ
@given(pairs=query, raw=st.booleans())
def test_index_and_embed_queries(client, pairs, raw):
    qs = "&".join(f"{k}={v}" for k, v in pairs) if raw else _qs(pairs)
    for path in ("/", "/embed", "/embed/figure"):
        answered(client.get(f"{path}?{qs}"))


@FUZZ
@given(pairs=query, view=query, scheme=st.sampled_from(["http", "https", "javascript", "ftp", ""]),
       host=st.sampled_from(["localhost", "evil.example", "", "localhost:99999", "[::1"]),
       path=st.sampled_from(["/", "/embed", "", "/x", "//evil.example/embed", "/embed/../"]),
       fmt=st.sampled_from(["json", "JSON", " json", "", None]))
def test_oembed(client, pairs, view, scheme, host, path, fmt):
    page = f"{scheme}://{host}{path}?{_qs(view)}" if scheme else f"{host}{path}"
    args = [("url", page), *pairs] + ([("format", fmt)] if fmt is not None else [])
    r = answered(client.get(f"/oembed?{_qs(args)}"), allow=(501,))
    if r.status_code == 501:   # oEmbed 1.0: 501 Not Implemented is THE answer for a format it does not serve
        fmts = [v for k, v in args if k == "format"]   # Flask reads the first
        assert fmts and fmts[0].strip().lower() not in ("json", "")


@FUZZ
@given(event=st.one_of(text, st.sampled_from(["hanoi-summit", "air-force-one-offer"])), pairs=query)
def test_api_event(client, event, pairs):
    from urllib.parse import quote

    r = answered(client.get(f"/api/event/{quote(event, safe='')}?{_qs(pairs)}"))
    if r.status_code == 200 and r.mimetype == "application/json":   # '' is the app's catch-all page
        assert r.get_json()["id"] == event


# --- the Dash callback endpoint -----------------------------------------------------------------

def _post(client, data, content_type="application/json"):
    return client.post(CALLBACK, data=data, content_type=content_type)


@FUZZ
@given(data=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode),
                      json_value.map(lambda v: json.dumps(v).encode())),
       content_type=st.sampled_from(["application/json", "text/plain", "application/x-www-form-urlencoded", ""]))
def test_callback_garbage(client, data, content_type):
    answered(_post(client, data, content_type))


def _paths(node, at=()):
    """Every path into a JSON value (dict keys, list indexes)."""
    yield at
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, at + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, at + (i,))


@st.composite
def broken_payload(draw):
    body = copy.deepcopy(draw(st.sampled_from(PAYLOADS))["body"])
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(body) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = body
        for k in path[:-1]:
            parent = parent[k]
        how = draw(st.sampled_from(["replace", "delete", "value"]))
        if how == "delete":
            del parent[path[-1]]
        elif how == "value" and isinstance(parent, dict) and path[-1] == "value":
            parent["value"] = draw(json_value)
        else:
            parent[path[-1]] = draw(json_value)
    return body


@FUZZ
@given(body=broken_payload())
def test_callback_broken_real_requests(client, body):
    answered(_post(client, json.dumps(body)))


@st.composite
def odd_values(draw):
    """A real request with its input values (what the page says it holds) set to anything."""
    body = copy.deepcopy(draw(st.sampled_from(PAYLOADS))["body"])
    for item in body["inputs"] + body.get("state", []):
        for one in item if isinstance(item, list) else [item]:
            if draw(st.booleans()):
                one["value"] = draw(json_value)
    return body


@FUZZ
@given(body=odd_values())
def test_callback_values_of_any_type(client, body):
    answered(_post(client, json.dumps(body)))


def test_real_callback_requests_are_answered(client):
    """The captured requests are what the page sends today (else re-run bench/load/capture.py)."""
    for p in PAYLOADS:
        r = _post(client, json.dumps(p["body"]))
        assert r.status_code in (200, 204), (p["name"], r.status_code, r.get_data()[:300])


def test_huge_body_is_refused_with_413(client):
    body = copy.deepcopy(PAYLOADS[0]["body"])
    body["inputs"][3]["value"] = "x" * (2 * 1024 * 1024)
    r = answered(_post(client, json.dumps(body)))
    assert r.status_code == 413
    r = answered(client.post("/embed", data=b"x" * (2 * 1024 * 1024)))
    assert r.status_code in (405, 413)


def test_malformed_callback_requests_get_a_short_400(client):
    for data in (b"{", b"[]", b'{"output": "nope"}', json.dumps({"output": "graph.figure"}).encode()):
        r = answered(_post(client, data))
        assert r.status_code == 400, (data, r.status_code)
        assert len(r.get_data()) < 200
    r = answered(client.get(CALLBACK))
    assert r.status_code in (200, 405)   # Dash's catch-all route serves its page to any GET
    r = answered(client.post("/embed"))
    assert r.status_code == 405 and "GET" in r.headers["Allow"] and r.get_data() == b"405 Method Not Allowed\n"


def test_a_failing_callback_is_logged_and_answered_without_internals(app, client, caplog):
    from dash import Input, Output

    app.callback(Output("footer-note", "title"), Input("footer-note", "n_clicks"))(_boom)
    body = {"output": "footer-note.title", "outputs": {"id": "footer-note", "property": "title"},
            "inputs": [{"id": "footer-note", "property": "n_clicks", "value": 1}],
            "changedPropIds": ["footer-note.n_clicks"], "state": []}
    with caplog.at_level("ERROR", logger="timeline.web"):
        r = _post(client, json.dumps(body))
    assert r.status_code == 500
    assert b"secret-internal-detail" not in r.get_data() and b"Traceback" not in r.get_data()
    assert "secret-internal-detail" in caplog.text and "Traceback" in caplog.text
    del app.callback_map["footer-note.title"]


def _boom(_):
    raise RuntimeError("secret-internal-detail")


def test_server_still_answers_after_the_fuzzing(client, dataset):
    assert client.get("/").status_code == 200
    assert client.get("/embed?actors=kim").status_code == 200
    assert client.get("/api/event/hanoi-summit").get_json()["id"] == "hanoi-summit"
    r = _post(client, json.dumps(PAYLOADS[0]["body"]))
    assert r.status_code in (200, 204)


def _with_value(name: str, cid: str, prop: str, value) -> dict:
    body = copy.deepcopy(next(p["body"] for p in PAYLOADS if p["name"] == name))
    for part in ("inputs", "state"):
        for x in body.get(part, []):
            if x.get("id") == cid and x.get("property") == prop:
                x["value"] = value
    return body


# Stores pass the type check (a dict) with odd things inside: each once crashed a callback (500).
@pytest.mark.parametrize("name, cid, value", [
    ("sync:list-pick.data", "list-pick", {"event": [1], "at": 1}),
    ("sync:list-pick.data", "list-pick", {"event": {"a": 1}, "at": 1}),
    ("draw_chart", "fig-view", {"q": True}),
    ("draw_details", "fig-view", {"q": True}),
    ("draw_chart", "fig-view", {"q": {"actors": 5}}),
    ("draw_details", "fig-view", {"q": {"event": [[1]]}}),
    ("sync:zoom.data", "zoom", {"xaxis.range": [[1], {"a": 2}]}),
    ("sync:zoom.data", "zoom", {"xaxis.range": [1e300, -1e300]}),
])
def test_odd_values_inside_stores_are_answered_not_crashed_on(client, name, cid, value):
    answered(_post(client, json.dumps(_with_value(name, cid, "data", value))))
