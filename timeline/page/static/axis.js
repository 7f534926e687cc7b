/* The chart's axis in the browser, for /embed, the offline file, the static site and the app
   (one file: page/static/axis.js; the app's index loads it through timeline/web/axis_js.py):
   - the overview under the chart (figure/overview.py): its window, an element over the strip,
     follows the chart's range without a redraw; a drag of the window, or a click on the strip,
     moves the chart's range there (applied once, on release: the app sends every range to its
     server);
   - deep-time tick labels ("500 BCE", "13.8 billion BCE") follow the zoom, by the rule of
     figure/axis.py's year_ticks, with the words the figure carries (layout.meta.year_words);
   - a phase's title on the chart selects the phase (plotly_clickannotation), as a click on an
     event selects the event: `attach(gd, {select: function (id) {...}})`.
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
      el.setAttribute("aria-hidden", "true");
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
    el.style.left = (xa2._offset + a) + "px";
    el.style.width = Math.max(4, b - a) + "px";
    el.style.top = ya2._offset + "px";
    el.style.height = ya2._length + "px";
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

  function attach(gd, opts) {
    if (!gd || gd.__timelineAxis) return;
    gd.__timelineAxis = true;
    opts = opts || {};
    function follow() { var r = shown(gd); if (r) place(gd, r); }
    // while the reader pans (plotly_relayouting), after the range moved, after any redraw
    gd.on("plotly_relayouting", function (ev) {
      var xa = gd._fullLayout.xaxis;
      if (ev && ev["xaxis.range[0]"] != null && ev["xaxis.range[1]"] != null) {
        place(gd, [xa.r2l(ev["xaxis.range[0]"]), xa.r2l(ev["xaxis.range[1]"])]);
      }
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

  return {attach: attach, yearTicks: yearTicks, yearLabel: yearLabel};
})();
