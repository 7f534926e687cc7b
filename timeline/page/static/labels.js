/* Label fitting in the browser: the chart's short titles (layout annotations named "label" and
   "selected-label", timeline/figure/placement.py) placed where they cover no other label, no
   other event's marker and no phase title, at the size the chart is actually drawn.

   The server sends the candidates in priority order (the selected event first, then the most
   important, then by date) with its own guess of which fit (it does not know the frame's width);
   after every draw, resize and zoom this script measures the text (canvas, the chart's font) and
   the markers (plotly's calcdata), and for each label in that order takes the first place that is
   free: above its marker (right, then left), beside it, then below, in its lane or beside its
   marker in another of the event's lanes, with the whole text, then shortened with an ellipsis; a label with no free place is hidden. The selected event's label is never hidden:
   with no free place it takes the one that covers least. The result depends only on the chart's
   geometry, never on what was shown before, so the same view always shows the same labels.
   Lanes hidden by the instant filters (lanes.js, site.js) stay unlabelled.

   window.timelineLabels.watch(gd) fits a chart now and after each of its redraws; the app's
   graph is watched when it appears. gd.dataset.labels says the plot size last fitted. */
(function () {
  "use strict";
  var ORIGINAL = typeof WeakMap === "function" ? new WeakMap() : null;
  var CUTS = [28, 20, 14];       // shorter forms tried, in characters with the ellipsis
  var SELECTED_CUTS = [28, 20, 14, 9];
  var GAP = 6;                   // between a marker's centre and its label
  var PAD = 2;                   // kept free around every box
  var LIFT = 9;                  // a label's edge this far above (or below) its marker's centre
  var BESIDE = 10, SELECTED_BESIDE = 15;
  var canvas = null;

  function textWidth(text, font) {
    canvas = canvas || document.createElement("canvas");
    var c = canvas.getContext("2d");
    c.font = font;
    return c.measureText(text).width;
  }

  function plain(markup) {
    return String(markup).replace(/<\/?b>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  }

  function markup(text, bold) {
    var t = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    return bold ? "<b>" + t + "</b>" : t;
  }

  function shortened(text, n) {
    var chars = Array.from(text);
    return chars.length <= n ? null : chars.slice(0, n - 1).join("").replace(/\s+$/, "") + "\u2026";
  }

  function overlaps(a, b) {
    return a[0] < b[2] + PAD && b[0] < a[2] + PAD && a[1] < b[3] + PAD && b[1] < a[3] + PAD;
  }

  // Boxes by 100 px column, so a label is checked against what is near it only.
  function Grid() { this.cols = {}; }
  Grid.prototype.add = function (box, id) {
    for (var c = Math.floor(box[0] / 100); c <= Math.floor(box[2] / 100); c++) (this.cols[c] = this.cols[c] || []).push([box, id]);
  };
  Grid.prototype.covered = function (box, own) {
    var n = 0, seen = [];
    for (var c = Math.floor(box[0] / 100); c <= Math.floor(box[2] / 100); c++) {
      var col = this.cols[c] || [];
      for (var i = 0; i < col.length; i++) {
        if ((own != null && col[i][1] === own) || seen.indexOf(col[i]) >= 0 || !overlaps(box, col[i][0])) continue;
        seen.push(col[i]);
        n++;
      }
    }
    return n;
  };

  function markerBoxes(gd, grid, size, anchors) {
    var xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
    (gd.calcdata || []).forEach(function (cd) {
      var trace = cd && cd[0] && cd[0].trace;
      if (!trace || trace.visible !== true || !/markers/.test(trace.mode || "") || !trace.customdata) return;
      if ((trace.xaxis || "x") !== "x" || (trace.yaxis || "y") !== "y") return;   // the overview's strip
      var m = trace.marker || {}, line = (m.line && m.line.width) || 0;
      for (var j = 0; j < cd.length; j++) {
        var pt = cd[j], i = pt.i === undefined ? j : pt.i;
        var x = xa._offset + xa.c2p(pt.x), y = ya._offset + ya.c2p(pt.y);
        if (!isFinite(x) || !isFinite(y) || x < size[0] || x > size[2]) continue;
        var r = (Array.isArray(m.size) ? m.size[i] : m.size || 6) / 2 + line / 2;
        var c = trace.customdata[i], id = Array.isArray(c) ? c[0] : c;
        grid.add([x - r, y - r, x + r, y + r], id);
        if (id != null) (anchors[id] = anchors[id] || []).push([x, y, ya._categories[pt.y]]);
      }
    });
  }

  // Phase titles: annotations named "phase:<id>" (figure/layout.py), as drawn.
  function phaseBoxes(gd, grid) {
    var at = gd.getBoundingClientRect(), anns = gd._fullLayout.annotations || [];
    gd.querySelectorAll(".annotation").forEach(function (g) {
      var a = anns[+g.getAttribute("data-index")];
      if (!a || String(a.name || "").indexOf("phase:") !== 0) return;
      var r = g.getBoundingClientRect();
      if (r.width) grid.add([r.left - at.left, r.top - at.top, r.right - at.left, r.bottom - at.top], null);
    });
  }

  // The places a label may take, best first: [xanchor, xshift, yanchor, yshift]
  // (above or below its lane's markers: figure/placement.py's YSHIFT_PX)
  // or beside its marker, in the lane, between the markers (BESIDE clears a marker, SELECTED_BESIDE
  // the selected event's larger one)
  var PLACES = [["left", GAP, "bottom", LIFT], ["right", -GAP, "bottom", LIFT], ["left", BESIDE, "middle", 0],
                ["right", -BESIDE, "middle", 0], ["left", GAP, "top", -LIFT], ["right", -GAP, "top", -LIFT]];
  // the selected event's label may also slide a little away from its marker to find room
  var SLIDES = [];
  [16, 28, 40, 56, 80, 110, 150].forEach(function (dx) {
    PLACES.forEach(function (p) { SLIDES.push([p[0], p[1] < 0 ? -dx : dx, p[2], p[3]]); });
  });
  var SELECTED_PLACES = PLACES.map(function (p) {
    return p[2] === "middle" ? [p[0], p[1] < 0 ? -SELECTED_BESIDE : SELECTED_BESIDE, p[2], p[3]] : p;
  }).concat(SLIDES);

  function box(ax, ay, width, height, place) {
    var left = place[0] === "left" ? ax + place[1] : ax + place[1] - width;
    var bottom = place[2] === "bottom" ? ay - place[3] : place[2] === "middle" ? ay + height / 2 : ay - place[3] + height;
    return [left, bottom - height, left + width, bottom];
  }

  function fit(gd) {
    var fl = gd && gd._fullLayout, anns = gd && gd.layout && gd.layout.annotations;
    if (!fl || !fl.xaxis || !fl.yaxis || !Array.isArray(anns) || !anns.length) return;
    var ids = (gd.layout.meta && gd.layout.meta.label_ids) || [], nth = 0;   // ids: one per label, in order
    var xa = fl.xaxis, ya = fl.yaxis;
    var size = [xa._offset, ya._offset, xa._offset + xa._length, ya._offset + ya._length];   // the lanes' plot
    var lanes = {};
    (ya._categories || []).forEach(function (c) { lanes[c] = true; });
    var obstacles = new Grid(), labels = new Grid(), changes = [], family = (fl.font && fl.font.family) || "sans-serif";
    var anchors = {};
    markerBoxes(gd, obstacles, size, anchors);
    phaseBoxes(gd, obstacles);
    var range = xa.range.map(xa.r2l);
    anns.forEach(function (a, i) {
      if (a.name !== "label" && a.name !== "selected-label") return;
      var id = ids[nth++];
      if (ORIGINAL && !ORIGINAL.has(a)) ORIGINAL.set(a, {text: a.text, y: a.y});
      var orig = ORIGINAL ? ORIGINAL.get(a) : {text: a.text, y: a.y};
      var bold = a.name === "selected-label", fa = fl.annotations[i] || {};
      var want = {visible: false};
      var lx = xa.r2l(fa.x);
      if (orig.y in lanes && lx >= Math.min(range[0], range[1]) && lx <= Math.max(range[0], range[1])) {
        // at its own anchor, else beside the event's marker in another of its lanes
        var ax = xa._offset + xa.r2p(fa.x), own = [[ax, ya._offset + ya.r2p(orig.y), orig.y]];
        (anchors[id] || []).forEach(function (p) { if (Math.abs(p[0] - ax) < 1 && p[2] !== orig.y) own.push(p); });
        want = place(orig.text, bold, id, own,
                     (bold ? "bold " : "") + ((a.font && a.font.size) || 11) + "px " + family, (a.font && a.font.size) || 11,
                     size, obstacles, labels);
      }
      Object.keys(want).forEach(function (k) {
        if (a[k] !== want[k] && !(k === "visible" && want[k] && a[k] === undefined)) changes.push([a, k, want[k]]);
      });
    });
    return changes;
  }

  function place(text, bold, id, anchors, font, px, size, obstacles, labels) {
    var whole = plain(text), height = Math.ceil(px * 1.3) + 2;
    var texts = [whole];
    (bold ? SELECTED_CUTS : CUTS).forEach(function (n) { var s = shortened(whole, n); if (s) texts.push(s); });
    var places = bold ? SELECTED_PLACES : PLACES, best = null;
    for (var k = 0; k < texts.length && !(best && best.cost === best.k); k++) {
      var width = textWidth(texts[k], font) + 4;
      for (var n = 0; n < anchors.length && !(best && best.cost === best.k); n++) {
        for (var p = 0; p < places.length; p++) {
          var b = box(anchors[n][0], anchors[n][1], width, height, places[p]);
          var outside = b[0] < size[0] || b[2] > size[2] || b[1] < size[1] || b[3] > size[3];
          var cost = (outside ? 1000 : 0) + obstacles.covered(b, id) * 10 + labels.covered(b, null) * 100 + k;
          if (!best || cost < best.cost) best = {cost: cost, k: k, box: b, text: texts[k], place: places[p], y: anchors[n][2]};
          if (cost === k) break;
        }
      }
    }
    if (best.cost >= texts.length && !bold) return {visible: false};
    labels.add(best.box, null);
    return {visible: true, text: markup(best.text, bold), y: best.y, xanchor: best.place[0], xshift: best.place[1],
            yanchor: best.place[2], yshift: best.place[3]};
  }

  // Fit, and fit again after our own redraw (or after a redraw that came while it was under way)
  // until a pass finds nothing to change: only then is the chart marked as fitted. The changes go
  // in through Plotly.react, not relayout: a relayout event would replace the app's relayoutData
  // (dcc.Graph) and a reader's zoom could be lost before the app saw it.
  function refit(gd, pass) {
    if (!window.Plotly) return;
    if (gd._labelsBusy) return;
    var changes = fit(gd);
    if (!changes || !changes.length || (pass || 0) > 4) {
      var s = gd._fullLayout && gd._fullLayout._size;   // (the whole plotting area: what a resize changes)
      gd._labelsFitted = gd.layout && gd.layout.annotations;
      if (s) gd.dataset.labels = Math.round(s.w) + "x" + Math.round(s.h);
      return;
    }
    gd._labelsBusy = true;
    changes.forEach(function (c) { c[0][c[1]] = c[2]; });
    var done = function () {
      gd._labelsBusy = false;
      refit(gd, (pass || 0) + 1);
    };
    Promise.resolve(window.Plotly.react(gd, gd.data, gd.layout)).then(done, done);
  }

  function watch(gd) {
    if (!gd || gd._labelsWatched || typeof gd.on !== "function") return;
    gd._labelsWatched = true;
    // after the event, not inside it: the other listeners of a redraw see the chart as it was drawn
    var queue = function () {
      if (gd._labelsBusy || gd._labelsQueued) return;
      gd._labelsQueued = true;
      setTimeout(function () { gd._labelsQueued = false; refit(gd); }, 0);
    };
    ["plotly_afterplot", "plotly_relayout", "plotly_update"].forEach(function (name) {
      gd.on(name, queue);
    });
    // the chart may still be drawing (this runs as soon as plotly marks the element)
    var later = window.requestAnimationFrame || function (f) { return setTimeout(f, 16); };
    later(function () { if (gd._fullLayout && gd._fullLayout._size && gd.calcdata) refit(gd); });
  }

  window.timelineLabels = {watch: watch, fit: fit};

  // The app's graph (Dash draws it, and may draw it again in a new element): watched when it appears.
  function findGraphs() {
    document.querySelectorAll(".js-plotly-plot").forEach(watch);
  }
  if (window.MutationObserver && document.documentElement) {
    new MutationObserver(findGraphs).observe(document.documentElement, {childList: true, subtree: true});
  }
})();
