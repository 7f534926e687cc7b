/* The embedded timeline: draw the inline figure, show an event's details on click, and (big
   datasets, served) fetch the figure of the range the reader zooms or pans to.
   Data is only ever set with textContent and DOM methods, never as markup.
   Narrow frames (< 640 px) read the server's cards (cards.js) and never load plotly.js: the
   served page only preloads it for wide frames (<link rel=preload media=…>), and this script
   loads it when the frame is (or becomes) wide. The chart is one tab stop: arrow keys move
   between events and phases' titles (in date order, a phase at its start), Enter opens one,
   Escape closes it and focus returns to the chart. The page tells its host how tall it is
   (postMessage {type: "timeline:height", height, src}). */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("tl-data").textContent);
  var S = D.strings || {};
  var gd = document.getElementById("tl-chart");
  var panel = document.getElementById("tl-panel");
  var root = document.getElementById("tl-root");
  var cardsRoot = document.getElementById("tl-cards");
  var live = document.getElementById("tl-live");
  var cache = {};
  var wanted = null;
  var WIDE = window.matchMedia ? window.matchMedia("(min-width: 640px)") : {matches: true};
  var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null && text !== "") e.textContent = String(text);
    return e;
  }

  var SHOWN = 600;   // characters of a long text shown before its "show all"

  function cut(text, n) {
    text = text == null ? "" : String(text);
    return text.length > n ? text.slice(0, n) + "\u2026" : text;
  }

  // An element with text: whole, or its first SHOWN characters and a button that shows the rest.
  function capped(tag, cls, text) {
    text = text == null ? "" : String(text);
    var e = el(tag, cls, cut(text, SHOWN));
    if (text.length > SHOWN) {
      var more = el("button", "tl-show-all", (S.show_all || "Show all") + " (" + text.length + ")");
      more.type = "button";
      more.addEventListener("click", function () { e.textContent = text; });
      e.appendChild(document.createTextNode(" "));
      e.appendChild(more);
    }
    return e;
  }

  // An event's media: an image inline (lazy, no referrer, its alt text, caption and credit);
  // any other kind a link with its caption. Never a script, an iframe or a player.
  function mediaNode(m) {
    var url = safeUrl(m && m.url);
    if (!url) return null;
    var credit = m.credit ? el("span", "tl-credit", cut(m.credit, 200)) : null;
    if (m.kind === "image") {
      var fig = el("figure", "tl-media");
      var img = document.createElement("img");
      img.loading = "lazy";
      img.decoding = "async";
      img.referrerPolicy = "no-referrer";
      img.alt = cut(m.alt || "", 1000);
      img.src = url;
      fig.appendChild(img);
      if (m.caption || credit) {
        var cap = el("figcaption", null, m.caption ? cut(m.caption, 300) + " " : "");
        if (credit) cap.appendChild(credit);
        fig.appendChild(cap);
      }
      return fig;
    }
    var p = el("p", "tl-media");
    var a = el("a", "tl-media-link", cut(m.caption || ((S["media_" + m.kind] || m.kind || "Link") + ": " +
                                                       url.replace(/^https?:\/\//i, "").split("/")[0]), 300));
    a.href = url;
    a.target = "_blank";
    a.rel = "noopener noreferrer nofollow";
    a.referrerPolicy = "no-referrer";
    p.appendChild(a);
    if (credit) { p.appendChild(document.createTextNode(" \u00b7 ")); p.appendChild(credit); }
    return p;
  }

  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : "";
  }

  function sourceNode(s) {
    var url = safeUrl(s && s.url);
    var title = cut((s && (s.title || s.id)) || "", 300);
    var node;
    if (url) {
      node = el("a", "tl-source-link", title);
      node.href = url;
      node.target = "_blank";
      node.rel = "noopener noreferrer";
    } else {
      node = el("span", "tl-source-title", title);
    }
    var wrap = el("span", "tl-source");
    wrap.appendChild(node);
    var extra = cut([s && s.publisher, s && s.date].filter(Boolean).join(", "), 200);
    if (extra) wrap.appendChild(document.createTextNode(" (" + extra + ")"));
    return wrap;
  }

  function resize() {
    if (window.Plotly && gd && gd._fullLayout) window.Plotly.Plots.resize(gd);
  }

  var closed = [];   // listeners of the pages around the chart (the static site's site.js)
  var ready = null;
  var readyPromise = new Promise(function (resolve) { ready = resolve; });

  function close() {
    var had = !panel.hidden;
    panel.hidden = true;
    panel.replaceChildren();
    wanted = null;
    resize();
    if (had && gd.offsetParent !== null) gd.focus();   // back to the chart, on the same event
    closed.forEach(function (fn) { fn(); });
  }

  function render(d) {
    panel.replaceChildren();
    var head = el("header", "tl-head");
    var closeBtn = el("button", "tl-close", "\u00d7");
    closeBtn.type = "button";
    closeBtn.setAttribute("aria-label", S.close || "Close");
    closeBtn.addEventListener("click", close);
    head.appendChild(closeBtn);
    var h = capped("h2", "tl-title", d.title);
    h.tabIndex = -1;
    head.appendChild(h);
    var meta = [cut(d.date, 300), cut(d.place, 300)].filter(Boolean).join(" \u00b7 ");
    if (meta) head.appendChild(el("p", "tl-date", meta));
    panel.appendChild(head);
    if (d.summary) panel.appendChild(capped("p", "tl-summary", d.summary));
    (d.media || []).slice(0, 20).forEach(function (m) {
      var node = mediaNode(m);
      if (node) panel.appendChild(node);
    });

    (d.quotes || []).forEach(function (q) {
      var fig = el("figure", "tl-quote");
      var bq = capped("blockquote", null, q.text);
      if (q.language) bq.lang = q.language;
      fig.appendChild(bq);
      if (q.translation && q.language !== D.lang) {
        var tr = capped("p", "tl-translation", q.translation);
        tr.lang = "en";
        if (q.translation_by) {
          tr.appendChild(document.createTextNode(" "));
          tr.appendChild(el("span", "tl-by", "(" + cut(q.translation_by, 200) + ")"));
        }
        fig.appendChild(tr);
      }
      var cap = el("figcaption", "tl-cite");
      cap.appendChild(el("span", "tl-speaker", cut(q.speaker, 120)));
      if (q.role) cap.appendChild(el("span", "tl-role", ", " + cut(q.role, 120)));
      if (q.source) {
        cap.appendChild(document.createTextNode(" \u2014 "));
        cap.appendChild(sourceNode(q.source));
      }
      fig.appendChild(cap);
      panel.appendChild(fig);
    });

    if (d.dispute) {
      var dispute = el("div", "tl-note tl-disputed");
      dispute.setAttribute("role", "note");
      dispute.appendChild(el("strong", null, d.dispute));
      var cited = el("ul", "tl-sources");
      (d.dispute_sources || []).forEach(function (s) {
        var li = el("li");
        li.appendChild(sourceNode(s));
        cited.appendChild(li);
      });
      if (cited.childNodes.length) {
        dispute.appendChild(el("p", "tl-by", (S.dispute_sources || "Sources on the dispute") + ":"));
        dispute.appendChild(cited);
      }
      panel.appendChild(dispute);
    }
    if (d.note) {
      var note = el("p", "tl-note");
      note.appendChild(el("strong", null, (S.note || "Note") + ": "));
      note.appendChild(capped("span", null, d.note));
      panel.appendChild(note);
    }
    if (d.sources && d.sources.length) {
      panel.appendChild(el("h3", "tl-sources-head", S.sources || "Sources"));
      var ul = el("ul", "tl-sources");
      d.sources.forEach(function (s) {
        var li = el("li");
        li.appendChild(sourceNode(s));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
    if (D.app) {
      var a = el("a", "tl-open", S.open_full || "Open the full timeline");
      a.href = D.app + (D.app.indexOf("?") < 0 ? "?" : "&") + "event=" + encodeURIComponent(d.id);
      a.target = "_blank";
      a.rel = "noopener";
      panel.appendChild(el("p", "tl-open-wrap")).appendChild(a);
    }
    panel.hidden = false;
    resize();
    if (focusPanel) { focusPanel = false; h.focus(); }
  }

  var focusPanel = false;

  function show(id, fromKeys) {
    wanted = id;
    focusPanel = !!fromKeys;
    if (D.details) {
      if (D.details[id]) render(D.details[id]);
      return;
    }
    if (cache[id]) { render(cache[id]); return; }
    if (!D.api) return;
    fetch(D.api + encodeURIComponent(id) + "?lang=" + encodeURIComponent(D.lang || "en"),
          {credentials: "omit"})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (!d) return;
        cache[id] = d;
        if (wanted === id) render(d);
      })
      .catch(function () {});
  }

  function idOf(point) {
    var c = point && point.customdata;
    if (Array.isArray(c)) c = c[0];
    return c == null || c === "" ? null : String(c);
  }

  function fitted(layout) {
    layout = layout || {};
    delete layout.width;
    delete layout.height;
    layout.autosize = true;
    return layout;
  }

  var fig = D.figure || {};
  var chartHeight = (fig.layout && fig.layout.height) || 500;   // what we ask a host for, drawn wide
  var layout = fitted(fig.layout);
  var config = D.config || {responsive: true};

  // Level of detail: a big dataset's figure holds density when zoomed out and a window of full
  // detail when in (layout.meta.lod), so a zoom or pan asks the server (D.figure_api) for the
  // figure of the new range. Small datasets and the offline file (figure_api null) never ask.
  var lod = !!(D.figure_api && layout.meta && layout.meta.lod);
  var ZOOM_WAIT = 150;
  var timer = null, pendingAuto = false, seq = 0, inflight = null, lastUrl = null;

  function rangeChange(ev) {
    // "auto", "range" or null (a relayout that is not a change of the x range)
    if (!ev) return null;
    if (ev["xaxis.autorange"] === true) return "auto";
    if (Array.isArray(ev["xaxis.range"]) || ("xaxis.range[0]" in ev && "xaxis.range[1]" in ev)) return "range";
    return null;
  }

  function currentRange() {
    var r = gd.layout && gd.layout.xaxis && gd.layout.xaxis.range;
    return Array.isArray(r) && r.length === 2 && r[0] != null && r[1] != null ? [r[0], r[1]] : null;
  }

  function figureUrl(range) {
    if (!range) return D.figure_api;   // autorange: the whole view
    return D.figure_api + (D.figure_api.indexOf("?") < 0 ? "?" : "&") +
      "x0=" + encodeURIComponent(String(range[0])) + "&x1=" + encodeURIComponent(String(range[1]));
  }

  function refetch(auto) {
    var range = auto ? null : currentRange();
    if (!auto && !range) return;
    var url = figureUrl(range);
    if (url === lastUrl) return;
    lastUrl = url;
    var mine = ++seq;   // a newer zoom wins: older answers are aborted or ignored
    if (inflight) inflight.abort();
    var ctl = typeof AbortController === "function" ? new AbortController() : null;
    inflight = ctl;
    fetch(url, {credentials: "omit", signal: ctl ? ctl.signal : undefined})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (f) {
        if (mine !== seq) return;
        inflight = null;
        if (!f || !Array.isArray(f.data)) { lastUrl = null; return; }
        var next = fitted(f.layout);
        next.xaxis = next.xaxis || {};
        next.xaxis.uirevision = "zoom:" + mine;   // this figure's axis settings apply...
        var keep = auto ? null : currentRange();
        if (keep) {                                // ...with the range the reader is looking at now
          next.xaxis.range = keep;
          next.xaxis.autorange = false;
        }
        return window.Plotly.react(gd, f.data, next, config);
      })
      .catch(function () { if (mine === seq) { lastUrl = null; inflight = null; } });
  }

  function onRelayout(ev) {
    var change = rangeChange(ev);
    if (!change) return;
    pendingAuto = change === "auto";
    if (timer) clearTimeout(timer);
    timer = setTimeout(function () { timer = null; refetch(pendingAuto); }, ZOOM_WAIT);
  }

  // --- the keyboard: one tab stop, arrows between events ---------------------------------------
  var points = [], at = -1, atId = null;   // points are collected again after every redraw; atId survives

  function collectPoints() {
    // every clickable marker once per event, in time order (then lane order)
    var seen = {}, out = [];
    (gd._fullData || []).forEach(function (t, c) {
      if (!t.visible || t.visible === "legendonly" || !t.customdata || !/markers|lines/.test(t.mode || "")) return;
      for (var i = 0; i < t.customdata.length; i++) {
        var id = idOf({customdata: t.customdata[i]});
        if (!id || seen[id]) continue;
        seen[id] = true;
        var xa = gd._fullLayout.xaxis;
        var cd = t.customdata[i];   // [id, title, date label, quote] (figure/traces.py)
        out.push({id: id, c: c, p: i, x: xa.d2l(t.x[i]), y: t.y[i],
                  text: Array.isArray(cd) && cd[1] ? cd[1] + (cd[2] ? ", " + cd[2] : "") : ""});
      }
    });
    points = window.timelineAxis.stops(gd, out, seen);   // with the phases' titles, in date order
  }

  function recollect() {
    // a redraw (a resize, a zoom's new figure) empties `points`: find the reader's event again
    if (points.length) return;
    collectPoints();
    if (atId === null) return;
    at = -1;
    for (var i = 0; i < points.length; i++) if (points[i].id === atId) { at = i; break; }
  }

  function moveTo(k) {
    var was = at;
    recollect();
    if (!points.length) return;
    if (at !== was && was >= 0) k = at + (k - was);   // the same step from where the reader is now
    at = Math.max(0, Math.min(points.length - 1, k));
    var pt = points[at];
    atId = pt.id;
    try {
      if (pt.phase) window.Plotly.Fx.unhover(gd);
      else window.Plotly.Fx.hover(gd, [{curveNumber: pt.c, pointNumber: pt.p}]);
    } catch (err) { /* off-range */ }
    if (live) live.textContent = window.timelineAxis.spoken(points, pt);
  }

  function onKey(e) {
    var k = e.key;
    if (k === "ArrowRight" || k === "ArrowDown") { moveTo(at + 1); e.preventDefault(); }
    else if (k === "ArrowLeft" || k === "ArrowUp") { moveTo(at < 0 ? 0 : at - 1); e.preventDefault(); }
    else if (k === "Home") { moveTo(0); e.preventDefault(); }
    else if (k === "End") { moveTo(Infinity); e.preventDefault(); }
    else if ((k === "Enter" || k === " ") && atId !== null) { show(atId, true); e.preventDefault(); }
  }

  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && !panel.hidden) close();
  });

  // --- the host page: our height, for a responsive iframe (README, "Embedding") -------------------
  var lastHeight = 0;
  function tellHeight() {
    if (window.parent === window) return;
    var h = WIDE.matches && (drawn || drawing) ? chartHeight : Math.ceil(document.documentElement.scrollHeight);
    if (!h || h === lastHeight) return;
    lastHeight = h;
    window.parent.postMessage({type: "timeline:height", height: h, src: location.href}, "*");
  }

  // --- drawing: only in a wide frame, only once visible (a hidden tab has no size) ---------------
  var drawn = false, drawing = false;

  function loadPlotly(done) {
    if (window.Plotly) { done(); return; }
    if (!D.plotly) return;
    var s = document.createElement("script");
    s.src = D.plotly;
    s.onload = done;
    s.addEventListener("error", function () {   // no chart: the cards stay (embed.css hid them while it loaded)
      drawing = false;
      root.classList.add("tl-no-chart");
    });
    document.head.appendChild(s);
  }

  function draw() {
    if (drawn || drawing || !WIDE.matches) return;
    // a frame in a hidden tab has no size yet: draw when it gets one (the ResizeObserver below)
    if (!document.documentElement.clientWidth || !window.innerHeight) return;
    drawing = true;
    loadPlotly(function () {
      root.classList.add("tl-has-chart");
      if (reduced) layout.transition = {duration: 0};
      window.Plotly.newPlot(gd, fig.data || [], layout, config).then(function () {
        drawn = true;
        drawing = false;
        gd.tabIndex = 0;
        // a widget with its own keys, as the app's chart (assets/chart_keys.js): a screen reader
        // in browse mode passes the arrow keys on to it; the server's markup said "figure"
        gd.setAttribute("role", "application");
        gd.addEventListener("keydown", onKey);
        gd.on("plotly_click", function (ev) {
          var id = idOf(ev && ev.points && ev.points[0]);
          if (id) show(id);
        });
        gd.on("plotly_afterplot", function () { points = []; });
        if (lod) gd.on("plotly_relayout", onRelayout);
        // the overview under the chart, deep-time ticks, phase titles (axis.js)
        if (window.timelineAxis) window.timelineAxis.attach(gd, {select: function (id) { show(id); }});
        if (D.event) show(D.event);
        tellHeight();
        ready(gd);
      });
    });
  }

  if (cardsRoot && window.timelineCards) window.timelineCards.enhance(cardsRoot);
  if (WIDE.addEventListener) WIDE.addEventListener("change", function () { draw(); resize(); tellHeight(); });
  if (window.ResizeObserver) {
    new ResizeObserver(function () { if (drawn) resize(); else draw(); tellHeight(); }).observe(document.body);
  } else {
    window.addEventListener("resize", function () { if (drawn) resize(); else draw(); });
  }
  draw();
  tellHeight();
  // For a page built around the chart (the static site): open or close an event's details, and
  // know when the chart is drawn (never, in a narrow frame) and when the reader closes the details.
  window.timelineEmbed = {
    show: show, close: close, ready: readyPromise,
    onClose: function (fn) { closed.push(fn); }
  };
})();
