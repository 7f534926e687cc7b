"""What a reader notices, as checks any browser test can reuse (issue #11; the story mode reuses them).

    from tests.reader import axe_violations, layout_problems, reader_page

    with reader_page(browser, 390, 844) as page:          # a fresh context; CSP bypassed for axe
        page.goto(url)
        assert layout_problems(page) == []                # no sideways scroll, no squeezed text
        assert axe_violations(page) == []                 # axe-core: serious and critical only

`axe_violations` injects the npm `axe-core` (node_modules/axe-core, pinned in package.json) into the
page, which needs a context made with `bypass_csp=True` (the pages' CSP allows no inline script):
`reader_page` makes one. A violation is reported as "rule-id (impact): selector, selector …" so a
failing assert says what to fix.
"""
from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# One string per problem a reader would see: the page scrolls sideways, or a heading (or any
# block of text) is squeezed so narrow that it runs letter by letter.
LAYOUT_JS = """() => {
  const out = [];
  const de = document.documentElement;
  const over = Math.max(de.scrollWidth, document.body ? document.body.scrollWidth : 0) - de.clientWidth;
  if (over > 1) out.push(`the page scrolls sideways by ${over}px (scrollWidth ${de.scrollWidth}, viewport ${de.clientWidth})`);
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('svg, .js-plotly-plot, .modal[hidden], [hidden], .sr-only, .sr-hint')) continue;
    const r = el.getBoundingClientRect();
    if (r.right > de.clientWidth + 1 && r.width > 0 && r.height > 0 && getComputedStyle(el).position !== 'fixed') {
      // sticking out is fine inside something that clips or scrolls it
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o !== 'visible') { clipped = true; break; }
      }
      if (!clipped) wide.push(el);
    }
  }
  if (wide.length) out.push(`${wide.length} element(s) stick out on the right, first: ` +
    wide.slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : '')).join(', '));
  const texts = document.querySelectorAll('h1, h2, h3, h4, p, li, label, button, a, time, summary, .tl-title');
  for (const el of texts) {
    const text = (el.textContent || '').trim();
    if (text.length < 4 || el.closest('[hidden], .sr-only, .sr-hint, svg')) continue;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    const fs = parseFloat(getComputedStyle(el).fontSize) || 14;
    // squeezed: narrower than about three characters while holding a longer text on many lines
    if (r.width < fs * 3 && r.height > fs * 4)
      out.push(`squeezed ${el.tagName.toLowerCase()} "${text.slice(0, 30)}": ${Math.round(r.width)}x${Math.round(r.height)}px`);
  }
  return out;
}"""


@lru_cache(maxsize=1)
def axe_source() -> str:
    if not AXE.is_file():
        raise FileNotFoundError(f"{AXE} is missing: run `npm ci` in the repository")
    return AXE.read_text(encoding="utf-8")


def axe_violations(page, impacts=("serious", "critical"), *, exclude: list[str] | None = None) -> list[str]:
    """axe-core's violations of the given impacts on the page as it is now, one line each."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=axe_source())
    found = page.evaluate("""async ([impacts, exclude]) => {
      const ctx = exclude.length ? {exclude: exclude.map(s => [s])} : document;
      // target-size (WCAG 2.2 AA, 24x24 px) is off in axe by default: the issue asks for it
      const r = await axe.run(ctx, {resultTypes: ['violations'], rules: {'target-size': {enabled: true}}});
      return r.violations.filter(v => impacts.includes(v.impact)).map(v =>
        `${v.id} (${v.impact}): ` + v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(', ') +
        (v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : ''));
    }""", [list(impacts), exclude or []])
    return found


def layout_problems(page) -> list[str]:
    """Sideways scroll, elements sticking out of the viewport, and text squeezed letter by letter."""
    return page.evaluate(LAYOUT_JS)


@contextmanager
def reader_page(browser, width: int, height: int, *, javascript: bool = True, **context_args):
    """A page of the given viewport in its own context (CSP bypassed so axe can be injected)."""
    ctx = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True,
                              java_script_enabled=javascript, **context_args)
    try:
        yield ctx.new_page()
    finally:
        ctx.close()
