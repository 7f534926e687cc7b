/* The chart's axis in the browser, for /embed, the offline file, the static site and the app
   (one file: page/static/axis.js; the app's index loads it through timeline/web/axis_js.py):
   - the overview under the chart (figure/overview.py): its tick marks, one SVG path over the
     strip (layout.meta.overview), and its window, an element over the strip, which follows the
     chart's range without a redraw; a drag of the window, or a click on the strip,
     moves the chart's range there (applied once, on release: the app sends every range to its
     server);
   - deep-time tick labels ("500 BCE", "13.8 billion BCE") follow the zoom, by the rule of
     figure/axis.py's year_ticks, with the words the figure carries (layout.meta.year_words);
   - the window is also a keyboard slider (role="slider", one tab stop after the chart): the
     arrow keys move the view by a tenth of its width, Page Up/Down by a whole width, Home/End to
     the first/last events, + and - zoom in and out around its middle; it says the period shown
     (aria-valuetext), in the chart's language (layout.meta.lang, meta.overview_label);
   - near a collapsed stretch (figure/breaks.py), of two date tick labels that meet, one is
     hidden after every draw, zoom and pan step: plotly moves a tick from inside the cut to its
     end, where its label ("Dec 2020") met the next one ("Jan 2021");
   - a phase's title on the chart selects the phase (plotly_clickannotation), as a click on an
     event selects the event: `attach(gd, {select: function (id) {...}})`.
   - the phases' titles as keyboard stops among the events, and what the live region says of a
     stop (`stops`, `spoken`: the embed's and the app's chart keys share them).
   Nothing here renders data as markup. */
window.timelineAxis = (function () {
  "use strict";

  // --- deep time: the figure/axis.py rule ---------------------------------------------------------
  function group(n, sep) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  }

  function yearLabel(year, w) {
    var size = Math.abs(year), number;
    if (size >= 1e6) {
      var big = size >= 1e9;
      number = String(Number((size / (big ? 1e9 : 1e6)).toPrecision(6))).replace(".", w.decimal) +
        " " + (big ? w.billion : w.million);
    } else {
      number = group(Math.round(size), w.thousands);
    }
    return year < 0 ? number + " " + w.bce : number;
  }

  function yearTicks(lo, hi, w, count) {
    count = count || 8;
    var raw = (hi - lo) / count;
    var mag = raw > 0 ? Math.pow(10, Math.floor(Math.log10(raw))) : 1;
    var step = [1, 2, 5, 10].map(function (m) { return m * mag; }).filter(function (s) { return s >= raw; })[0];
    step = Math.max(step || 1, 1);   // whole years: a finer step would repeat a label
    var first = Math.ceil(lo / step) * step, vals = [], text = [];
    for (var v = first, i = 0; v <= hi && i < 50; i++, v = first + i * step) {
      vals.push(v);
      text.push(yearLabel(v, w));
    }
    return {vals: vals, text: text};
  }

  // --- the overview's window: an element over the strip, moved without a redraw ---------------
  function hasStrip(gd) {
    var fl = gd._fullLayout;
    return !!(fl && fl.xaxis2 && fl.yaxis2 && fl.xaxis2._length && gd.layout.meta && gd.layout.meta.overview);
  }

  function windowEl(gd) {
    var el = gd.querySelector(".tl-overview-window");
    if (!el) {
      el = document.createElement("div");
      el.className = "tl-overview-window";
      el.tabIndex = 0;
      el.setAttribute("role", "slider");
      el.setAttribute("aria-valuemin", "0");
      el.setAttribute("aria-valuemax", "100");
      el.addEventListener("keydown", function (e) { onWindowKey(gd, e); });
      el.addEventListener("focus", function () { el.style.outline = "3px solid #0f62fe"; el.style.outlineOffset = "2px"; });
      el.addEventListener("blur", function () { el.style.outline = ""; });
      var st = el.style;
      st.position = "absolute";
      st.pointerEvents = "none";
      st.boxSizing = "border-box";
      st.border = "1.5px solid rgba(31,119,180,0.9)";
      st.background = "rgba(31,119,180,0.14)";
      st.zIndex = "1";
      if (window.getComputedStyle(gd).position === "static") gd.style.position = "relative";
      gd.appendChild(el);
    }
    return el;
  }

  function place(gd, range) {
    // the window over the strip for `range` (linear values of the chart's axis)
    var fl = gd._fullLayout;
    if (!hasStrip(gd)) {
      var old = gd.querySelector(".tl-overview-window");
      if (old) old.hidden = true;
      return;
    }
    var xa2 = fl.xaxis2, ya2 = fl.yaxis2, el = windowEl(gd);
    var a = Math.max(0, Math.min(xa2._length, xa2.l2p(Math.min(range[0], range[1]))));
    var b = Math.max(0, Math.min(xa2._length, xa2.l2p(Math.max(range[0], range[1]))));
    el.hidden = false;
    describe(gd, el, range);
    el.style.left = (xa2._offset + a) + "px";
    el.style.width = Math.max(4, b - a) + "px";
    el.style.top = ya2._offset + "px";
    el.style.height = ya2._length + "px";
  }

  // --- the window from the keyboard ----------------------------------------------------------------
  function whole(gd) {
    // the overview's range (linear values), first to last
    var xa2 = gd._fullLayout.xaxis2, r = xa2.range.map(xa2.r2l);
    return [Math.min(r[0], r[1]), Math.max(r[0], r[1])];
  }

  function when(gd, v) {
    // a linear value of the chart's axis as the reader reads it: "Mar 2018", "500 BCE"
    var meta = gd.layout.meta || {}, xa = gd._fullLayout.xaxis;
    if (meta.deep_time && meta.year_words) return yearLabel(Math.round(v), meta.year_words);
    if (xa.type !== "date") return String(Math.round(v));
    var d = new Date(v);
    try {
      return d.toLocaleDateString(meta.lang || document.documentElement.lang || "en",
                                  {year: "numeric", month: "short", timeZone: "UTC"});
    } catch (err) { return d.toISOString().slice(0, 7); }
  }

  function describe(gd, el, range) {
    var meta = gd.layout.meta || {}, all = whole(gd), lo = Math.min(range[0], range[1]), hi = Math.max(range[0], range[1]);
    el.setAttribute("aria-label", meta.overview_label || "Period shown");
    el.setAttribute("aria-valuetext", when(gd, lo) + " – " + when(gd, hi));
    var span = all[1] - all[0];
    el.setAttribute("aria-valuenow", String(span > 0 ? Math.round(100 * Math.max(0, Math.min(1, (lo - all[0]) / span))) : 0));
  }

  function onWindowKey(gd, e) {
    if (e.altKey || e.ctrlKey || e.metaKey || !hasStrip(gd)) return;
    var r = shown(gd), all = whole(gd);
    if (!r) return;
    var lo = Math.min(r[0], r[1]), hi = Math.max(r[0], r[1]), w = hi - lo, k = e.key, to;
    var within = function (a, width) {   // a window of `width` starting near `a`, inside the overview
      width = Math.min(width, all[1] - all[0]);
      a = Math.max(all[0], Math.min(a, all[1] - width));
      return [a, a + width];
    };
    if (k === "ArrowRight" || k === "ArrowUp") to = within(lo + w / 10, w);
    else if (k === "ArrowLeft" || k === "ArrowDown") to = within(lo - w / 10, w);
    else if (k === "PageUp") to = within(lo + w, w);
    else if (k === "PageDown") to = within(lo - w, w);
    else if (k === "Home") to = within(all[0], w);
    else if (k === "End") to = within(all[1] - w, w);
    else if (k === "+" || k === "=") to = within(lo + w / 4, Math.max(w / 2, (all[1] - all[0]) / 500));
    else if (k === "-" || k === "_") to = within(lo - w / 2, w * 2);
    else return;
    e.preventDefault();
    e.stopPropagation();   // the chart's own keys (event by event) are for the chart itself
    if (to[0] === lo && to[1] === hi) return;
    var xa = gd._fullLayout.xaxis;
    window.Plotly.relayout(gd, {"xaxis.range": [xa.l2r(to[0]), xa.l2r(to[1])]});
  }

  // the strip's tick marks (layout.meta.overview: their x values, y, length in px and line): one
  // SVG path over the strip, clipped to it, drawn again only when the figure or the strip's box
  // changes, so a redraw of the chart (a filter, a zoom) does not restyle hundreds of plotly points
  var SVG = "http://www.w3.org/2000/svg";
  function marks(gd) {
    var ov = gd.layout.meta && gd.layout.meta.overview, el = gd.querySelector(".tl-overview-marks");
    if (!hasStrip(gd) || !ov || !Array.isArray(ov.x)) {
      if (el) el.style.display = "none";
      return;
    }
    var xa2 = gd._fullLayout.xaxis2, ya2 = gd._fullLayout.yaxis2;
    var box = [xa2._offset, xa2._length, ya2._offset, ya2._length, xa2.range[0], xa2.range[1]].join();
    if (el && el._marks === ov && el._box === box) return;
    if (!el) {
      el = document.createElementNS(SVG, "svg");
      el.setAttribute("class", "tl-overview-marks");
      el.setAttribute("aria-hidden", "true");
      el.style.position = "absolute";
      el.style.pointerEvents = "none";
      el.style.overflow = "hidden";
      el.appendChild(document.createElementNS(SVG, "path"));
      if (window.getComputedStyle(gd).position === "static") gd.style.position = "relative";
      var win = gd.querySelector(".tl-overview-window");
      gd.insertBefore(el, win || null);   // under the window
    }
    var line = ov.line || {}, half = (ov.length || 16.8) / 2, y = ya2.c2p(ov.y == null ? 0.5 : ov.y), d = [];
    for (var i = 0; i < ov.x.length; i++) {
      var x = xa2.c2p(xa2.d2c(ov.x[i]));   // NaN in a cut-out stretch, as plotly hides a point there
      if (isFinite(x)) d.push("M" + x.toFixed(2) + "," + (y - half).toFixed(2) + "V" + (y + half).toFixed(2));
    }
    var path = el.firstChild;
    path.setAttribute("d", d.join(""));
    path.setAttribute("fill", "none");
    path.setAttribute("stroke", line.color || "rgba(60,60,70,0.7)");
    path.setAttribute("stroke-width", line.width || 1.5);
    el.style.display = "";
    el.style.left = xa2._offset + "px";
    el.style.top = ya2._offset + "px";
    el.setAttribute("width", Math.max(0, xa2._length));
    el.setAttribute("height", Math.max(0, ya2._length));
    el._marks = ov;
    el._box = box;
  }

  function shown(gd) {
    var xa = gd._fullLayout && gd._fullLayout.xaxis;
    return xa && xa.range ? xa.range.map(xa.r2l) : null;
  }

  // --- deep time: tick labels for the range shown --------------------------------------------------
  function retick(gd) {
    var meta = gd.layout.meta || {}, xa = gd._fullLayout.xaxis;
    if (!meta.deep_time || !meta.year_words || !xa || !xa.range) return;
    var lo = Math.min(+xa.range[0], +xa.range[1]), hi = Math.max(+xa.range[0], +xa.range[1]);
    var ticks = yearTicks(lo, hi, meta.year_words);
    if (ticks.vals.join() === (gd.layout.xaxis.tickvals || []).join()) return;
    // the range goes with the ticks: a page that reads the last relayout (the app) still sees it
    window.Plotly.relayout(gd, {"xaxis.tickvals": ticks.vals, "xaxis.ticktext": ticks.text,
                                "xaxis.range": xa.range.slice()});
  }

  function rangeMoved(ev) {
    return !!ev && Object.keys(ev).some(function (k) {
      return k.indexOf("xaxis.range") === 0 || k === "xaxis.autorange";
    });
  }

  // --- collapsed stretches: no two tick labels on each other -------------------------------------
  function thinCutTicks(gd) {
    // Plotly puts a tick that falls inside a cut at the cut's end (`_rangebreaks[i].max`), off
    // its own step, and two ticks either side of a cut can come close (the time between them is
    // cut out). Of two labels that meet, the one at a cut's end is hidden, else the one nearer
    // a cut. (Each tick label's group carries its value as d3's __data__.x.)
    var xa = gd._fullLayout && gd._fullLayout.xaxis, cuts = xa && xa._rangebreaks;
    if (!cuts || !cuts.length || !xa.c2p) return;
    var ends = cuts.map(function (c) { return c.max; });
    var at = ends.map(function (x) { return xa.c2p(x); });
    var ticks = [];
    Array.prototype.forEach.call(gd.querySelectorAll(".xaxislayer-above g.xtick"), function (g) {
      g.style.display = "";
      var d = g.__data__;
      if (!d) return;
      var p = xa.c2p(d.x);
      ticks.push({g: g, p: p, moved: ends.indexOf(d.x) !== -1,
                  near: Math.min.apply(null, at.map(function (c) { return Math.abs(c - p); }))});
    });
    ticks.sort(function (a, b) { return a.p - b.p; });
    var kept = [];
    ticks.forEach(function (t) {
      t.box = t.g.getBoundingClientRect();
      while (kept.length && t.box.width && t.box.left < kept[kept.length - 1].box.right + 4) {
        var last = kept[kept.length - 1];
        var drop = t.moved !== last.moved ? (t.moved ? t : last) : (t.near < last.near ? t : last);
        drop.g.style.display = "none";
        if (drop === t) return;
        kept.pop();
      }
      kept.push(t);
    });
  }

  // --- the overview: drag its window, or click the strip -----------------------------------------
  function strip(gd, e) {
    // the pointer in the overview's own pixels, or null when it is not over the strip
    if (!hasStrip(gd)) return null;
    var fl = gd._fullLayout, xa2 = fl.xaxis2, ya2 = fl.yaxis2;
    var box = gd.getBoundingClientRect();
    var px = e.clientX - box.left - xa2._offset, py = e.clientY - box.top - ya2._offset;
    return px >= -4 && px <= xa2._length + 4 && py >= -2 && py <= ya2._length + 2 ? px : null;
  }

  function dragger(gd) {
    var drag = null;
    function windowAt(px) {
      // the window (linear values) with the pointer at px, kept inside the strip
      var xa2 = gd._fullLayout.xaxis2;
      var full = xa2.range.map(xa2.r2l), first = Math.min(full[0], full[1]), last = Math.max(full[0], full[1]);
      var lo = xa2.p2l(Math.max(0, Math.min(xa2._length, px))) - drag.grip;
      lo = Math.max(first, Math.min(lo, last - drag.width));
      return [lo, lo + drag.width];
    }
    function down(e) {
      var px = strip(gd, e);
      if (px === null || e.button > 0) return;
      var r = shown(gd), at = gd._fullLayout.xaxis2.p2l(px), width = Math.abs(r[1] - r[0]);
      var inside = at >= Math.min(r[0], r[1]) && at <= Math.max(r[0], r[1]);
      drag = {width: width, grip: inside ? at - Math.min(r[0], r[1]) : width / 2, id: e.pointerId, to: null};
      e.preventDefault();   // no mouse events for plotly's own drag
      e.stopPropagation();
      try { gd.setPointerCapture(e.pointerId); } catch (err) { /* a synthetic event */ }
      move(e);
    }
    function move(e) {
      if (!drag || e.pointerId !== drag.id) return;
      var xa2 = gd._fullLayout.xaxis2, box = gd.getBoundingClientRect();
      drag.to = windowAt(e.clientX - box.left - xa2._offset);
      place(gd, drag.to);   // the window alone follows the pointer
      e.preventDefault();
    }
    function up(e) {
      if (!drag || e.pointerId !== drag.id) return;
      var to = drag.to, xa = gd._fullLayout.xaxis;
      drag = null;
      if (to) window.Plotly.relayout(gd, {"xaxis.range": [xa.l2r(to[0]), xa.l2r(to[1])]});   // once, on release
    }
    gd.addEventListener("pointerdown", down, true);
    gd.addEventListener("pointermove", move, true);
    gd.addEventListener("pointerup", up, true);
    gd.addEventListener("pointercancel", up, true);
  }

  // --- phases: their titles select them ----------------------------------------------------------
  function phaseOf(ev) {
    var a = ev && ev.annotation;
    var id = a && a.name && /^phase:/.test(a.name) ? a.name.slice(6) : null;
    return id || null;
  }

  // --- phases: their titles are keyboard stops of the chart (page/static/embed.js, the app's
  // web/assets/chart_keys.js), in date order among the events ----------------------------------
  function plain(text) {
    var div = document.createElement("div");
    div.textContent = String(text || "").replace(/<br\s*\/?>/gi, ", ").replace(/<[^>]*>/g, "");
    return div.textContent;
  }

  function unescapeText(text) {
    // a phase's title as the figure carries it (escaped markup) as plain text, never parsed
    return String(text || "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"')
      .replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&");
  }

  function stops(gd, events, seen) {
    // `events` ({id, x, text}, `seen` their ids) with each phase's title (an annotation named
    // "phase:<id>", figure/layout.py) as a stop at its start, in date order; a phase first on its
    // day. Enter opens the phase as a click on its title does.
    var xa = gd._fullLayout.xaxis;
    (gd._fullLayout.annotations || []).forEach(function (a) {
      if (!a || !/^phase:/.test(a.name || "") || a.visible === false || seen[a.name.slice(6)]) return;
      events.push({id: a.name.slice(6), phase: true, x: xa.d2l(a.x), text: unescapeText(plain(a.hovertext || a.text))});
    });
    events.sort(function (a, b) { return a.x - b.x || (b.phase ? 1 : 0) - (a.phase ? 1 : 0); });
    return events;
  }

  function spoken(points, pt) {
    // "3/37: <title>, <date>" for an event (numbered among the events, as the summary counts
    // them); a phase's title with its hint ("A phase: click to read about it")
    if (pt.phase) return pt.text || pt.id;
    var n = 0, k = 0;
    points.forEach(function (q) { if (!q.phase) { n++; if (q === pt) k = n; } });
    return k + "/" + n + ": " + plain(pt.text || pt.id);
  }

  function attach(gd, opts) {
    if (!gd || gd.__timelineAxis) return;
    gd.__timelineAxis = true;
    opts = opts || {};
    function follow() { marks(gd); var r = shown(gd); if (r) place(gd, r); thinCutTicks(gd); }
    // while the reader pans (plotly_relayouting), after the range moved, after any redraw
    gd.on("plotly_relayouting", function (ev) {
      var xa = gd._fullLayout.xaxis;
      if (ev && ev["xaxis.range[0]"] != null && ev["xaxis.range[1]"] != null) {
        place(gd, [xa.r2l(ev["xaxis.range[0]"]), xa.r2l(ev["xaxis.range[1]"])]);
      }
      thinCutTicks(gd);
    });
    gd.on("plotly_relayout", function (ev) { follow(); if (rangeMoved(ev)) retick(gd); });
    gd.on("plotly_afterplot", follow);
    gd.on("plotly_clickannotation", function (ev) {
      var id = phaseOf(ev);
      if (id && opts.select) opts.select(id);
    });
    dragger(gd);
    follow();
  }

  return {attach: attach, yearTicks: yearTicks, yearLabel: yearLabel, stops: stops, spoken: spoken};
})();
