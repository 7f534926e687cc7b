"""Who may frame what: /embed and /oembed anyone; the app only itself (or the configured origins)."""
from __future__ import annotations

import flask
import pytest

from timeline.web import framing
from tests.helpers import child_frame, drawn, framed, servers


def headers(app, path):
    return app.test_client().get(path).headers


def frame_ancestors(h) -> str:
    """The frame-ancestors directive of the one CSP header (the app's CSP has more directives)."""
    [csp] = h.getlist("Content-Security-Policy")
    found = [d.strip()[len("frame-ancestors "):] for d in csp.split(";") if d.strip().startswith("frame-ancestors ")]
    assert len(found) == 1, csp
    return found[0]


@pytest.fixture(scope="module")
def app(dataset):
    from timeline.web import create_app

    return create_app(dataset, reload_interval=-1).server


@pytest.mark.parametrize("path", ["/", "/?actors=kim", "/_dash-layout", "/_dash-dependencies", "/embedx", "/nope"])
def test_the_app_may_only_be_framed_by_itself(app, path):
    h = headers(app, path)
    assert frame_ancestors(h) == "'self'"
    assert h["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.parametrize("path", ["/embed", "/embed?actors=kim", "/oembed?url=http://localhost/",
                                  "/api/event/hanoi-summit", "/_timeline/embed.js"])
def test_embed_routes_may_be_framed_by_anyone(app, path):
    h = headers(app, path)
    assert frame_ancestors(h) == "*"
    assert "X-Frame-Options" not in h


def test_configured_ancestors(dataset, monkeypatch):
    from timeline.web import create_app

    server = create_app(dataset, reload_interval=-1, frame_ancestors="https://example.org  https://a.example").server
    h = headers(server, "/")
    assert frame_ancestors(h) == "'self' https://example.org https://a.example"
    assert "X-Frame-Options" not in h
    assert frame_ancestors(headers(server, "/embed")) == "*"

    monkeypatch.setenv(framing.ENV, "https://news.example")
    plain = flask.Flask("env")
    framing.install(plain)
    assert headers(plain, "/x")["Content-Security-Policy"] == "frame-ancestors 'self' https://news.example"
    monkeypatch.delenv(framing.ENV)
    framing.install(plain)   # installing again replaces the policy, keeps one hook
    h = headers(plain, "/x")
    assert h["Content-Security-Policy"] == "frame-ancestors 'self'" and h["X-Frame-Options"] == "SAMEORIGIN"
    assert len(plain.after_request_funcs[None]) == 1


def test_directives_combine_into_one_header():
    app = flask.Flask("csp")
    app.add_url_rule("/x", "x", lambda: "x")
    app.add_url_rule("/embed", "embed", lambda: "e")
    framing.install(app, frame_ancestors="")
    framing.add_directive(app, "default-src", "'self'")
    framing.add_directive(app, "script-src", "'self' 'unsafe-inline'", route_class=framing.EMBED)
    assert headers(app, "/x")["Content-Security-Policy"] == "frame-ancestors 'self'; default-src 'self'"
    assert (headers(app, "/embed")["Content-Security-Policy"]
            == "frame-ancestors *; default-src 'self'; script-src 'self' 'unsafe-inline'")
    assert len(app.test_client().get("/x").headers.getlist("Content-Security-Policy")) == 1
    framing.add_embed_prefix(app, "/widget")
    assert framing.policy(app).route_class("/widget/a") == framing.EMBED
    assert framing.policy(app).route_class("/widgetry") == framing.DEFAULT


@pytest.mark.browser
def test_browser_refuses_the_app_in_a_foreign_frame_but_draws_the_embed(page, serve, dataset, tmp_path_factory):
    app_server, third = servers(serve, dataset, tmp_path_factory.mktemp("framing"))
    page.goto(framed(third, f"{app_server.url}/?actors=kim"))
    page.wait_for_load_state("load")
    child = child_frame(page)
    child.wait_for_url(lambda url: url.startswith("chrome-error://"))   # the refused frame ends on Chromium's error page
    assert child.url.startswith("chrome-error://") or child.locator(".js-plotly-plot").count() == 0
    assert page.frame_locator("#tl").locator(".js-plotly-plot").count() == 0

    page.goto(framed(third, f"{app_server.url}/embed?actors=kim"))
    child = child_frame(page)
    drawn(child)
    assert child.url.startswith(app_server.url + "/embed")
