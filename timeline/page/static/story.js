/* Story mode: step through a story one event at a time.
   The server has rendered the current step's card and plain Previous/Next links; this adds
   Previous/Next buttons, ArrowLeft/ArrowRight/Home/End, swipe, the step in the address (back
   and forward step), autoplay with a pause button, and the chart centred on each step's event.
   Other steps' cards come as server-rendered HTML (D.step_api) or from <template id="tl-steps">
   (the offline file); cards are moved into the page as parsed nodes, never built from data here. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("tl-data").textContent);
  var S = D.strings || {};
  var total = D.total || 0;
  var current = D.step || 0;
  var root = document.getElementById("tl-story");
  var gd = document.getElementById("tl-chart");
  var live = document.getElementById("tl-story-live");
  var cache = {};
  var seq = 0;
  var timer = null;
  var playing = false;
  var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  if (!root || !total) return;

  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (m, k) { return values[k] != null ? values[k] : m; });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = String(text);
    return e;
  }

  // --- cards ---------------------------------------------------------------------------------

  var templates = document.getElementById("tl-steps");
  if (templates) {
    Array.prototype.forEach.call(templates.content.querySelectorAll("article[data-step]"), function (a) {
      cache[a.getAttribute("data-step")] = a;
    });
  }
  cache[String(current)] = document.getElementById("tl-card");

  function fetchCard(n) {
    if (cache[n]) return Promise.resolve(cache[n]);
    if (!D.step_api) return Promise.resolve(null);
    var url = D.step_api.indexOf("{n}") >= 0 ? D.step_api.replace("{n}", n)
      : D.step_api + (D.step_api.indexOf("?") < 0 ? "?" : "&") + "step=" + n;
    return fetch(url, {credentials: "omit"})
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (markup) {
        if (markup == null) return null;
        var doc = new DOMParser().parseFromString(markup, "text/html");
        var card = doc.querySelector("article[data-step]");
        if (card) cache[n] = card;
        return card;
      })
      .catch(function () { return null; });
  }

  // --- the address ---------------------------------------------------------------------------

  function stepUrl(n) {
    if (D.step_href) return new URL(D.step_href.replace("{n}", n), window.location.href).toString();
    var u = new URL(window.location.href);
    u.searchParams.set("step", String(n));
    u.searchParams.delete("start");
    return u.toString();
  }

  function stepFromUrl(fallback) {
    var v = new URL(window.location.href).searchParams.get("step");
    var n = /^\d{1,9}$/.test(v || "") ? parseInt(v, 10) : fallback;
    return Math.min(Math.max(n, 1), total);
  }

  // --- controls ------------------------------------------------------------------------------

  var nav = document.getElementById("tl-story-nav");
  var progress = document.getElementById("tl-progress");
  var prevBtn = el("button", "tl-step-button tl-prev", S.previous);
  var nextBtn = el("button", "tl-step-button tl-next", S.next);
  prevBtn.type = nextBtn.type = "button";
  Array.prototype.forEach.call(nav.querySelectorAll("a.tl-step-link"), function (a) { a.remove(); });
  nav.insertBefore(prevBtn, progress);
  nav.appendChild(nextBtn);
  var playBtn = null;
  if (D.autoplay) {
    playBtn = el("button", "tl-step-button tl-play");
    playBtn.type = "button";
    nav.appendChild(playBtn);
    playBtn.addEventListener("click", function () { setPlaying(!playing); });
  }
  var keys = document.getElementById("tl-story-keys");
  if (keys) keys.hidden = false;

  function updateControls() {
    prevBtn.setAttribute("aria-disabled", current <= 1 ? "true" : "false");
    nextBtn.setAttribute("aria-disabled", current >= total ? "true" : "false");
    var shown = progress.querySelector("[aria-hidden]");
    var spoken = progress.querySelector(".tl-sr");
    if (shown) shown.textContent = fill(S.progress, {n: current, total: total});
    if (spoken) spoken.textContent = fill(S.step_of, {n: current, total: total});
    if (playBtn) {
      playBtn.textContent = playing ? S.pause : S.play;
      playBtn.setAttribute("aria-pressed", playing ? "true" : "false");
    }
  }

  function setPlaying(on) {
    playing = !!on && current < total;
    if (timer) { clearTimeout(timer); timer = null; }
    if (playing) schedule();
    updateControls();
  }

  function schedule() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(function () {
      timer = null;
      if (!playing) return;
      if (current >= total) { setPlaying(false); return; }
      go(current + 1, {push: true}).then(function () { if (playing) schedule(); });
    }, D.autoplay * 1000);
  }

  // --- moving --------------------------------------------------------------------------------

  function go(n, opts) {
    opts = opts || {};
    n = Math.min(Math.max(n, 1), total);
    if (n === current && !opts.force) return Promise.resolve();
    var mine = ++seq;
    return fetchCard(String(n)).then(function (card) {
      if (mine !== seq || !card) return;
      var old = document.getElementById("tl-card");
      var next = document.importNode(card, true);
      cache[String(n)] = card;
      old.replaceWith(next);
      current = n;
      if (opts.push) {
        try { window.history.pushState({step: n}, "", stepUrl(n)); } catch (e) { /* file: URLs */ }
      }
      var title = next.querySelector("h2");
      var name = title ? title.textContent : "";
      document.title = fill(S.progress, {n: n, total: total}) + " · " + name + " — " + (D.title || "");
      live.textContent = fill(S.step_of, {n: n, total: total}) + ": " + name;
      updateControls();
      showOnChart(next);
      prefetch(n + 1);
    });
  }

  // the next step's card is fetched while the reader reads this one, so Next needs no request
  function prefetch(n) {
    if (n >= 1 && n <= total && !cache[String(n)]) fetchCard(String(n));
  }
  prefetch(current + 1);

  prevBtn.addEventListener("click", function () { if (current > 1) { setPlaying(false); go(current - 1, {push: true}); } });
  nextBtn.addEventListener("click", function () { if (current < total) { setPlaying(false); go(current + 1, {push: true}); } });

  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var to = {ArrowLeft: current - 1, ArrowRight: current + 1, Home: 1, End: total}[e.key];
    if (to == null) return;
    e.preventDefault();
    setPlaying(false);
    go(to, {push: true});
  });

  var touch = null;
  root.addEventListener("touchstart", function (e) {
    if (e.touches.length !== 1 || (gd && gd.contains(e.target))) { touch = null; return; }
    touch = {x: e.touches[0].clientX, y: e.touches[0].clientY};
  }, {passive: true});
  root.addEventListener("touchend", function (e) {
    if (!touch || !e.changedTouches.length) return;
    var dx = e.changedTouches[0].clientX - touch.x, dy = e.changedTouches[0].clientY - touch.y;
    touch = null;
    if (Math.abs(dx) < 50 || Math.abs(dx) < Math.abs(dy) * 1.5) return;
    setPlaying(false);
    go(dx < 0 ? current + 1 : current - 1, {push: true});
  }, {passive: true});

  window.addEventListener("popstate", function (e) {
    setPlaying(false);
    go(e.state && typeof e.state.step === "number" ? e.state.step : stepFromUrl(1));
  });

  // --- the chart -----------------------------------------------------------------------------
  // A step moves the chart with one relayout of the x range (no recalculation) and marks its event
  // with a ring and its title laid over the chart (#tl-story-mark, text set as text). A plotly
  // trace or annotation for the mark made every step recalculate and redraw every trace, the
  // range slider's copy too.

  var mark = null, markTitle = null, marked = null;   // the mark, its title, the marked point {x, y}

  function idOf(c) {
    if (Array.isArray(c)) c = c[0];
    return c == null || c === "" ? null : String(c);
  }

  function placeMark() {
    if (!mark) return;
    var fl = gd._fullLayout, xa = fl && fl.xaxis, ya = fl && fl.yaxis;
    var px = NaN, py = NaN;
    if (marked && xa && ya && xa.l2p && ya.l2p) {
      px = xa._offset + xa.l2p(xa.d2l(marked.x));
      py = ya._offset + ya.l2p(ya.d2l(marked.y));
    }
    var inside = isFinite(px) && isFinite(py) && px >= xa._offset - 1 && px <= xa._offset + xa._length + 1 &&
      py >= ya._offset - 1 && py <= ya._offset + ya._length + 1;
    mark.hidden = !inside;
    if (inside) { mark.style.left = px + "px"; mark.style.top = py + "px"; }
  }

  function findPoint(id) {
    for (var i = 0; i < (gd._fullData || []).length; i++) {
      var tr = gd._fullData[i], cd = tr && tr.customdata;
      if (!cd || !tr.x || !tr.y || tr.visible !== true) continue;
      for (var j = 0; j < cd.length; j++) {
        if (idOf(cd[j]) === id && tr.x[j] != null && tr.y[j] != null) return {x: tr.x[j], y: tr.y[j]};
      }
    }
    return null;
  }

  function showOnChart(card) {
    if (!window.Plotly || !gd || !gd._fullData || !card) return;
    marked = findPoint(card.getAttribute("data-event-id"));
    var title = card.querySelector("h2");
    var text = title ? title.textContent : "";
    var max = gd.clientWidth < 600 ? 28 : 60;
    markTitle.textContent = text.length > max ? text.slice(0, max) + "\u2026" : text;
    var x0 = card.getAttribute("data-x0"), x1 = card.getAttribute("data-x1");
    if (x0 == null || x1 == null) { placeMark(); return Promise.resolve(); }
    var deep = gd.layout.xaxis && gd.layout.xaxis.type !== "date";
    // the mark is placed again after the redraw (plotly_afterplot), before plotly_relayout
    return window.Plotly.relayout(gd, {"xaxis.range": deep ? [parseFloat(x0), parseFloat(x1)] : [x0, x1],
                                       "xaxis.autorange": false});
  }

  function drawChart() {
    var fig = D.figure || {};
    var layout = fig.layout || {};
    delete layout.width;
    delete layout.height;
    layout.autosize = true;
    gd.hidden = false;
    layout.xaxis = layout.xaxis || {};
    // No range slider: the steps move the chart, and its copy of every trace was redrawn on each
    // step (about half of a step's time)
    if (layout.xaxis.rangeslider) layout.xaxis.rangeslider.visible = false;
    if (gd.clientWidth < 600) {   // a phone: the lanes and the step's event, nothing else
      layout.showlegend = false;
      if (layout.xaxis.rangeselector) layout.xaxis.rangeselector.visible = false;
    }
    // no overview under the story's chart (figure/overview.py): the steps move the range themselves
    var data = (fig.data || []).filter(function (t) { return t.name !== "overview"; });
    delete layout.xaxis2;
    delete layout.yaxis2;
    if (layout.yaxis) delete layout.yaxis.domain;
    return window.Plotly.newPlot(gd, data, layout, D.config || {responsive: true}).then(function () {
      mark = el("div", "tl-story-mark");
      mark.id = "tl-story-mark";
      mark.setAttribute("aria-hidden", "true");   // the card says which event this is
      mark.hidden = true;
      markTitle = el("span", "tl-story-mark-title");
      mark.appendChild(markTitle);
      gd.appendChild(mark);
      gd.on("plotly_afterplot", placeMark);
      gd.on("plotly_click", function (ev) {
        var p = ev && ev.points && ev.points[0];
        var id = p && idOf(p.customdata);
        if (!id) return;
        // a click on another step's event goes to that step (the next one with it), where the story has it
        var events = D.events || [];
        for (var k = 0; k < events.length; k++) {
          var n = ((current + k) % events.length) + 1;
          if (events[n - 1] === id && n !== current) { setPlaying(false); go(n, {push: true}); return; }
        }
      });
      return showOnChart(document.getElementById("tl-card"));
    });
  }

  updateControls();
  // The offline file and a static site hold every card: a link to ?step=N opens at step N there
  // too (a server renders step N itself).
  var linked = templates && !D.step_href ? stepFromUrl(current) : current;
  if (linked !== current && cache[String(linked)]) {
    document.getElementById("tl-card").replaceWith(document.importNode(cache[String(linked)], true));
    current = linked;
    var h2 = document.querySelector("#tl-card h2");
    document.title = fill(S.progress, {n: current, total: total}) + " · " + (h2 ? h2.textContent : "") + " — " + (D.title || "");
  }
  try { window.history.replaceState({step: current}, "", stepUrl(current)); } catch (e) { /* file: URLs */ }
  if (gd && window.Plotly) drawChart();
  if (D.autoplay && !reduced) setPlaying(true);
  else updateControls();
})();
