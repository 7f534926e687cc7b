"""The corpus against the real TimelineJS (npm) in Chromium: every file it draws, we load; every file
we refuse, it refuses too."""
from __future__ import annotations

import json

import pytest

import timeline
from timeline import ValidationError

from ..helpers import tl_server  # noqa: F401  (the fixture serving TimelineJS)
from ..timelinejs_corpus import CASES, CORPUS, Refused

pytestmark = pytest.mark.browser

# 'loaded' when TimelineJS drew the timeline; otherwise the error it showed or threw
VERDICT = """d => new Promise(res => {
  window.addEventListener('unhandledrejection', e => res('refused: ' + e.reason));
  try { window.timeline = new TL.Timeline('tl', d, {hash_bookmark: false}); }
  catch (e) { res('refused: ' + e); return; }
  window.timeline.on('loaded', () => res('loaded'));
  (function poll() {
    const c = window.timeline.config;
    if (c && !c.isValid()) res('refused: ' + c.getErrors(' | ')); else requestAnimationFrame(poll);
  })();
})"""


def _ours(name) -> str:
    try:
        timeline.load(CORPUS / name)
        return "loaded"
    except ValidationError as e:
        return "refused: " + e.report()


def test_timelinejs_and_we_agree_on_the_corpus(page, tl_server):  # noqa: F811
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(tl_server.url) else r.abort())
    seen = {}
    for name in sorted(CASES):
        if not name.endswith(".json"):
            continue
        data = json.loads((CORPUS / name).read_text(encoding="utf-8-sig"))
        page.goto(tl_server.url + "/")
        theirs = page.evaluate(VERDICT, data)
        ours = _ours(name)
        seen[name] = (theirs.split(":")[0], ours.split(":")[0])
        if theirs == "loaded":
            assert ours == "loaded", (name, ours)
        if ours != "loaded":
            assert theirs != "loaded", (name, theirs)
        case = CASES[name]
        if isinstance(case, Refused) and case.timelinejs_refuses:
            assert theirs.startswith("refused"), (name, theirs)
    assert sum(1 for t, _ in seen.values() if t == "loaded") >= 10, seen
