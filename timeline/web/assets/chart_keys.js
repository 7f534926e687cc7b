/* The app's chart from the keyboard (issue #11): the chart is one tab stop, named "Timeline chart"
   and described by its one-sentence summary (#chart-summary) and its keys; the arrow keys (and
   Home/End) move between its events and its phases' titles (in date order, a phase at its
   start), each announced in the polite live region #chart-live as
   "3/37: <title>, <date>" (title and date as the figure carries them, in the reader's language);
   Enter (or Space) opens the event as a click would, through the `list-pick` store, so the URL
   (event=) and the details panel follow, and the panel's heading takes the focus; Escape in the
   details or on the chart closes them and the focus is back on the chart, on the same event.

   The walker over the figure's points is a small copy of the one in page/static/embed.js
   (collectPoints, recollect, moveTo): the two pages are served separately and the embed has no
   Dash, so sharing one file would cost a loader for a few lines. Keep the two in step. */
(function () {
  "use strict";
  var points = [], at = -1, atId = null;   // points: collected again after every redraw; atId survives
  var hooked = null;                        // the plot element whose redraws we listen to
  var opening = null;                       // {id, until}: an Enter waiting for its details panel
  var fromChart = null;                     // the event last opened from the chart's keys

  function chart() {
    var gd = document.querySelector("#graph .js-plotly-plot");
    return gd && gd._fullLayout && gd._fullLayout.xaxis ? gd : null;
  }

  function idOf(cd) {
    if (Array.isArray(cd)) cd = cd[0];
    return cd == null || cd === "" ? null : String(cd);
  }

  function collectPoints(gd) {
    // every clickable marker once per event, in time order (then lane order)
    var seen = {}, out = [], xa = gd._fullLayout.xaxis;
    (gd._fullData || []).forEach(function (t, c) {
      if (!t.visible || t.visible === "legendonly" || !t.customdata || !/markers|lines/.test(t.mode || "")) return;
      for (var i = 0; i < t.customdata.length; i++) {
        var id = idOf(t.customdata[i]);
        if (!id || seen[id]) continue;
        seen[id] = true;
        var cd = t.customdata[i];   // [id, title, date label, quote] (figure/traces.py)
        out.push({id: id, c: c, p: i, x: xa.d2l(t.x[i]),
                  text: Array.isArray(cd) && cd[1] ? cd[1] + (cd[2] ? ", " + cd[2] : "") : ""});
      }
    });
    points = window.timelineAxis.stops(gd, out, seen);   // with the phases' titles, in date order
  }

  function startAt(id) {
    // the reader's place becomes this event (a click, the selected event): found on the next key
    atId = id;
    points = [];
  }

  function selectedEvent() {
    var h = document.getElementById("details-title");
    return h && h.getAttribute("data-event");
  }

  function recollect(gd) {
    // a redraw (a filter, a zoom's new figure, a resize) empties `points`: find the event again
    if (points.length) return;
    collectPoints(gd);
    at = -1;
    for (var i = 0; atId !== null && i < points.length; i++) if (points[i].id === atId) { at = i; break; }
  }

  // target(i): the index to go to from the reader's index i (-1: none yet), read after a redraw
  function go(gd, target) {
    recollect(gd);
    if (!points.length) return;
    at = Math.max(0, Math.min(points.length - 1, target(at)));
    var pt = points[at];
    atId = pt.id;
    var live = document.getElementById("chart-live");
    if (live) live.textContent = window.timelineAxis.spoken(points, pt);
    show(gd, pt);   // last: a pan redraws the chart, which empties `points`
  }

  function hover(gd, pt) {
    if (pt.phase) { try { window.Plotly.Fx.unhover(gd); } catch (err) { /* not drawn */ } return; }
    try { window.Plotly.Fx.hover(gd, [{curveNumber: pt.c, pointNumber: pt.p}]); } catch (err) { /* not drawn */ }
  }

  // The event in sight: an event outside the range shown pans the chart to it (the same width),
  // as a drag would (the zoom store and the URL's from/to follow), then shows its hover label.
  function show(gd, pt) {
    var xa = gd._fullLayout.xaxis, r = (xa.range || []).map(function (v) { return xa.r2l(v); });
    var lo = Math.min(r[0], r[1]), hi = Math.max(r[0], r[1]);
    if (!(isFinite(lo) && isFinite(hi)) || (pt.x >= lo && pt.x <= hi)) { hover(gd, pt); return; }
    var half = (hi - lo) / 2;
    window.Plotly.relayout(gd, {"xaxis.range": [xa.l2r(pt.x - half), xa.l2r(pt.x + half)]})
      .then(function () { if (atId === pt.id) hover(gd, pt); }, function () {});
  }

  // Enter: the same path as a click on the event (callbacks.sync, trigger "list-pick").
  function open(id) {
    if (!window.dash_clientside || !window.dash_clientside.set_props) return;
    opening = {id: id, until: Date.now() + 30000};
    fromChart = id;
    window.dash_clientside.set_props("list-pick", {data: {event: id, at: Date.now()}});
    focusDetails();
  }

  function focusDetails() {
    // the panel is redrawn by the server: focus its heading once it is this event's
    if (!opening) return;
    if (Date.now() > opening.until) { opening = null; return; }
    var h = document.getElementById("details-title");
    if (h && h.getAttribute("data-event") === opening.id && h.offsetParent !== null) {
      opening = null;
      h.focus();
    }
  }

  function detailsOpen() {
    var close = document.getElementById("details-close");
    return close && !close.hidden ? close : null;
  }

  function onKey(e) {
    var gd = chart();
    if (!gd || e.target !== gd || e.altKey || e.ctrlKey || e.metaKey) return;
    var k = e.key;
    if (k === "ArrowRight" || k === "ArrowDown") go(gd, function (i) { return i + 1; });
    else if (k === "ArrowLeft" || k === "ArrowUp") go(gd, function (i) { return i < 0 ? 0 : i - 1; });
    else if (k === "Home") go(gd, function () { return 0; });
    else if (k === "End") go(gd, function () { return Infinity; });
    else if ((k === "Enter" || k === " ") && atId !== null) open(atId);
    else return;
    e.preventDefault();
  }

  function onEscape(e) {
    if (e.key !== "Escape") return;
    var modal = document.getElementById("source-modal");
    if (modal && !modal.hidden) return;   // the source dialog closes first (assets/ui.js)
    var gd = chart(), close = detailsOpen(), panel = document.getElementById("details-panel");
    if (!gd || !close || !(e.target === gd || (panel && panel.contains(e.target)))) return;
    e.preventDefault();
    close.click();   // the close button's path: the URL loses event=, the panel empties (onClose)
  }

  // Closing the details (Escape, the × button) gives the focus back to the event: the chart when
  // it was opened from there (or has no list item), else its item in the event list.
  function onClose(e) {
    if (!(e.target && e.target.closest && e.target.closest("#details-close"))) return;
    var gd = chart(), id = selectedEvent();
    opening = null;
    var item = id && id !== fromChart ? document.querySelector('#event-list [data-event="' + CSS.escape(id) + '"]') : null;
    if (item && item.offsetParent !== null) { item.focus(); return; }
    if (gd) {
      if (id) startAt(id);
      gd.focus();
    }
  }

  // The plot element: a tab stop named as the chart, described by the keys' help; its redraws
  // empty the point list. dcc.Graph keeps one element across figures, but check on every change.
  function prepare() {
    var gd = chart();
    if (!gd) return;
    if (gd.tabIndex !== 0) gd.tabIndex = 0;
    if (!gd.hasAttribute("role")) {
      gd.setAttribute("role", "application");
      gd.setAttribute("aria-labelledby", "chart-name");
      gd.setAttribute("aria-describedby", "chart-summary chart-keys");
    }
    if (hooked !== gd && gd.on) {
      hooked = gd;
      points = [];
      gd.on("plotly_afterplot", function () { points = []; });
      gd.on("plotly_click", function (ev) {
        var id = ev && ev.points && ev.points[0] && idOf(ev.points[0].customdata);
        if (id) { fromChart = id; startAt(id); }
      });
    }
  }

  var queued = false;
  function later() {
    if (queued) return;
    queued = true;
    window.requestAnimationFrame(function () { queued = false; prepare(); focusDetails(); });
  }

  function start() {
    prepare();
    document.addEventListener("keydown", onKey);
    document.addEventListener("keydown", onEscape);
    document.addEventListener("click", onClose);
    document.addEventListener("focusin", function (e) {
      // Tab onto the chart with an event open: the keys go on from that event
      var gd = chart();
      if (gd && e.target === gd && atId === null && selectedEvent()) startAt(selectedEvent());
    });
    new MutationObserver(later).observe(document.body, {subtree: true, childList: true});
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
