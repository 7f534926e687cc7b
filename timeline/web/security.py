"""Hardening of the app's server: headers on every response, a body limit, errors without internals.

`install(app)` (create_app calls it last) adds to a Dash app's Flask server:

- Content-Security-Policy on every response, as ONE header together with the framing policy
  (`framing.add_directive`): scripts only from our origin, plus the hashes of Dash's few inline
  scripts on the app's pages (`app.csp_hashes()`: the renderer and the clientside callbacks), so
  no `'unsafe-inline'` and no `'unsafe-eval'` for scripts. Styles need `'unsafe-inline'`: plotly.js
  and Dash's components set inline styles and insert <style> elements. Images from our origin and
  `data:` (plotly's modebar), connections to our origin only, no plugins, no <base>.
- `X-Content-Type-Options: nosniff` and `Referrer-Policy: strict-origin-when-cross-origin`.
- Request bodies above `MAX_BODY` bytes are refused (413).
- Dash callback requests are checked before Dash sees them: a body that is not a callback of
  this app (not JSON, unknown output, wrong inputs or states, values of the wrong type) is a 400
  with a one-line reason, where Dash would raise and answer 500.
- Any other exception is logged with its traceback on the server and answered with a short
  message: never a traceback, a file path or a library version.

`RequestHandler` is the development server's (`python app.py`) request handler without the
`Server: Werkzeug/x.y Python/x.y` banner. Gunicorn sends `Server: gunicorn`, without a version.
"""
from __future__ import annotations

import json
import logging

from werkzeug.exceptions import HTTPException
from werkzeug.serving import WSGIRequestHandler

from . import framing

MAX_BODY = 1024 * 1024   # the biggest real callback body is a few KB
EXTENSION = "timeline_security"
log = logging.getLogger("timeline.web")

# Directives for every route class; script-src gets Dash's inline-script hashes on the app's pages.
DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",   # plotly.js and Dash components style elements inline
    "img-src": "'self' data: https:",        # media images (http(s) only in the data; https: loads)
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "frame-src": "'self'",                   # the embed dialog previews /embed
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
}
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


# --- the callback request check -----------------------------------------------------------------

def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_text_list(v) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


# What a browser sends for each input or state property the app's callbacks read. A value of
# another type is not from our page: the request is refused before a callback sees it.
VALUE_CHECKS = {
    "n_clicks": lambda v: v is None or (_is_int(v) and v >= 0),
    "hidden": lambda v: v is None or isinstance(v, bool),
    "search": lambda v: v is None or isinstance(v, str),
    "relayoutData": lambda v: v is None or isinstance(v, dict),
    "clickData": lambda v: v is None or isinstance(v, dict),
    "value": lambda v: v is None or isinstance(v, str) or _is_text_list(v),
}
# Stores (`data`) hold what the page itself put there: the view query (text) or small objects.
STORE_CHECKS = {
    "view": lambda v: v is None or isinstance(v, str),
    "fig-view": lambda v: v is None or isinstance(v, dict),
    "list-pick": lambda v: v is None or isinstance(v, dict),
    "zoom": lambda v: v is None or isinstance(v, dict),
    "nav": lambda v: v is None or isinstance(v, str),
    "embed-view": lambda v: v is None or isinstance(v, dict),
    "list-limit": lambda v: v is None or (_is_int(v) and 0 <= v <= 10_000_000),
}


def _id_text(cid) -> str:
    """A component id as Dash writes it in prop ids ('graph', or sorted JSON for a dict id)."""
    return cid if isinstance(cid, str) else json.dumps(cid, sort_keys=True, separators=(",", ":"))


def _value_ok(cid, prop: str, value) -> bool:
    if prop == "data" and isinstance(cid, str) and cid in STORE_CHECKS:
        return STORE_CHECKS[cid](value)
    check = VALUE_CHECKS.get(prop)
    return check(value) if check else True


def _pattern_matches(declared: dict, cid) -> bool:
    """A dict id of the page against a declared wildcard id ({"type": "src", "quote": ["ALL"]})."""
    if not isinstance(cid, dict) or set(cid) != set(declared):
        return False
    for k, want in declared.items():
        got = cid[k]
        if isinstance(want, list):   # ALL / MATCH / ALLSMALLER: any plain value
            if not isinstance(got, (str, int, float)) or isinstance(got, bool):
                return False
        elif got != want:
            return False
    return True


def _check_items(name: str, items, declared: list[dict]) -> tuple[str | None, set]:
    """(problem or None, prop ids present) for the inputs or states of a request."""
    if not isinstance(items, list) or len(items) != len(declared):
        return f"'{name}' must list the {len(declared)} declared {name}", set()
    seen = set()
    for item, spec in zip(items, declared):
        sid, prop = spec["id"], spec["property"]
        if sid.startswith("{"):   # pattern-matching: a list of matching components
            want = json.loads(sid)
            if not isinstance(item, list):
                return f"'{name}': {sid}.{prop} must be a list", seen
            group = item
        else:
            want = None
            group = [item]
        for one in group:
            if not isinstance(one, dict) or one.get("property") != prop:
                return f"'{name}': expected {sid}.{prop}", seen
            cid = one.get("id")
            if (want is None and cid != sid) or (want is not None and not _pattern_matches(want, cid)):
                return f"'{name}': expected {sid}.{prop}", seen
            if not _value_ok(cid, prop, one.get("value")):
                return f"'{name}': wrong type of value for {_id_text(cid)}.{prop}", seen
            seen.add(f"{_id_text(cid)}.{prop}")
    return None, seen


def _declared_outputs(output: str) -> list[str]:
    return output[2:-2].split("...") if output.startswith("..") else [output]


def check_callback_request(app, body) -> str | None:
    """Why `body` is not a request our page could send for a server callback (None: it is)."""
    if not isinstance(body, dict):
        return "expected a JSON object"
    output = body.get("output")
    if not isinstance(output, str):
        return "missing 'output'"
    cb = app.callback_map.get(output)
    if cb is None or not callable(cb.get("callback")):
        return "no such callback"
    outputs = body.get("outputs")
    wanted = _declared_outputs(output)
    listed = outputs if isinstance(outputs, list) and output.startswith("..") else [outputs]
    if len(listed) != len(wanted) or not all(
            isinstance(o, dict) and isinstance(o.get("property"), str) and f"{_id_text(o.get('id'))}.{o['property']}" == w
            for o, w in zip(listed, wanted)):
        return "'outputs' do not match 'output'"
    problem, seen = _check_items("inputs", body.get("inputs"), cb.get("inputs", []))
    if problem:
        return problem
    problem, _ = _check_items("state", body.get("state", []), cb.get("state", []))
    if problem:
        return problem
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(c, str) and c in seen for c in changed):
        return "'changedPropIds' must name inputs of the callback"
    return None


# --- install ----------------------------------------------------------------------------------

def _text_response(status: int, message: str):
    from flask import Response

    return Response(message.rstrip() + "\n", status=status, mimetype="text/plain")


def _refresh_script_hashes(app, state: dict) -> None:
    """Put the hashes of Dash's inline scripts in the app pages' script-src (again, when a
    clientside callback was added since)."""
    from dash import _callback

    count = len(getattr(app, "_inline_scripts", [])) + len(_callback.GLOBAL_INLINE_SCRIPTS)
    if state.get("count") == count and state.get("policy") is framing.policy(app):
        return
    hashes = app.csp_hashes()
    state["count"] = len(app._inline_scripts)
    state["policy"] = framing.policy(app)
    framing.add_directive(app, "script-src", " ".join(["'self'", *hashes]), route_class=framing.DEFAULT)


def _ensure_directives(app) -> None:
    """Our directives in the framing policy (which keeps frame-ancestors per route class)."""
    p = framing.policy(app)
    for name, value in DIRECTIVES.items():
        for cls, directives in p.directives.items():
            if name == "script-src" and cls == framing.DEFAULT and name in directives:
                continue   # with the hashes
            directives.setdefault(name, value)


def install(app, max_body: int = MAX_BODY):
    """Harden a Dash app's server (see the module doc). Returns the app."""
    from flask import request

    server = getattr(app, "server", app)
    if EXTENSION in server.extensions:
        return app
    is_dash = hasattr(app, "callback_map")
    server.extensions[EXTENSION] = state = {}
    server.config["MAX_CONTENT_LENGTH"] = max_body
    if "timeline_framing" not in server.extensions:
        framing.install(server)
    _ensure_directives(server)
    callback_path = (app.config.get("requests_pathname_prefix") or "/") + "_dash-update-component" if is_dash else None
    callback_route = (app.config.get("routes_pathname_prefix") or "/") + "_dash-update-component" if is_dash else None

    @server.before_request
    def _before():
        _ensure_directives(server)
        if is_dash:
            _refresh_script_hashes(app, state)
            if request.method == "POST" and request.path in (callback_path, callback_route):
                problem = check_callback_request(app, request.get_json(silent=True))
                if problem:
                    return _text_response(400, f"bad callback request: {problem}")
        return None

    @server.after_request
    def _headers(response):
        for k, v in HEADERS.items():
            response.headers.setdefault(k, v)
        response.headers.pop("Server", None)
        return response

    @server.errorhandler(HTTPException)
    def _http_error(e: HTTPException):
        if e.code is not None and e.code >= 500:
            log.error("%s %s: %s", request.method, request.path, e)
        if e.code == 413:
            return _text_response(413, f"request body too large (the limit is {max_body:,} bytes)")
        if e.code is None or e.code < 400:
            return e
        resp = _text_response(e.code, f"{e.code} {e.name}")
        for k, v in e.get_headers():   # e.g. Allow on a 405
            if k.lower() not in ("content-type", "content-length"):
                resp.headers[k] = v
        return resp

    @server.errorhandler(Exception)
    def _error(e: Exception):
        if isinstance(e, HTTPException):
            return _http_error(e)
        log.exception("error answering %s %s", request.method, request.path)
        return _text_response(500, "500 Internal Server Error: the error was logged on the server")

    return app


class RequestHandler(WSGIRequestHandler):
    """The development server's request handler, without the Server: version banner."""

    def send_header(self, keyword, value):
        if keyword.lower() == "server":
            return
        super().send_header(keyword, value)
