/* The embedded timeline: draw the inline figure, show an event's details on click.
   Data is only ever set with textContent and DOM methods, never as markup. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("tl-data").textContent);
  var S = D.strings || {};
  var gd = document.getElementById("tl-chart");
  var panel = document.getElementById("tl-panel");
  var cache = {};
  var wanted = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null && text !== "") e.textContent = String(text);
    return e;
  }

  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : "";
  }

  function sourceNode(s) {
    var url = safeUrl(s && s.url);
    var title = (s && (s.title || s.id)) || "";
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
    var extra = [s && s.publisher, s && s.date].filter(Boolean).join(", ");
    if (extra) wrap.appendChild(document.createTextNode(" (" + extra + ")"));
    return wrap;
  }

  function resize() {
    if (window.Plotly && gd && gd._fullLayout) window.Plotly.Plots.resize(gd);
  }

  function close() {
    panel.hidden = true;
    panel.replaceChildren();
    wanted = null;
    resize();
  }

  function render(d) {
    panel.replaceChildren();
    var head = el("header", "tl-head");
    var closeBtn = el("button", "tl-close", "\u00d7");
    closeBtn.type = "button";
    closeBtn.setAttribute("aria-label", S.close || "Close");
    closeBtn.addEventListener("click", close);
    head.appendChild(closeBtn);
    head.appendChild(el("h2", "tl-title", d.title));
    var meta = [d.date, d.place].filter(Boolean).join(" \u00b7 ");
    if (meta) head.appendChild(el("p", "tl-date", meta));
    panel.appendChild(head);
    if (d.summary) panel.appendChild(el("p", "tl-summary", d.summary));

    (d.quotes || []).forEach(function (q) {
      var fig = el("figure", "tl-quote");
      var bq = el("blockquote", null, q.text);
      if (q.language) bq.lang = q.language;
      fig.appendChild(bq);
      if (q.translation && q.language !== D.lang) {
        var tr = el("p", "tl-translation", q.translation);
        tr.lang = "en";
        if (q.translation_by) {
          tr.appendChild(document.createTextNode(" "));
          tr.appendChild(el("span", "tl-by", "(" + q.translation_by + ")"));
        }
        fig.appendChild(tr);
      }
      var cap = el("figcaption", "tl-cite");
      cap.appendChild(el("span", "tl-speaker", q.speaker));
      if (q.role) cap.appendChild(el("span", "tl-role", ", " + q.role));
      if (q.source) {
        cap.appendChild(document.createTextNode(" \u2014 "));
        cap.appendChild(sourceNode(q.source));
      }
      fig.appendChild(cap);
      panel.appendChild(fig);
    });

    if (d.note) {
      var note = el("p", "tl-note");
      note.appendChild(el("strong", null, (S.note || "Note") + ": "));
      note.appendChild(document.createTextNode(d.note));
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
  }

  function show(id) {
    wanted = id;
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

  var fig = D.figure || {};
  var layout = fig.layout || {};
  delete layout.width;
  delete layout.height;
  layout.autosize = true;
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && !panel.hidden) close();
  });
  window.Plotly.newPlot(gd, fig.data || [], layout, D.config || {responsive: true}).then(function () {
    gd.on("plotly_click", function (ev) {
      var id = idOf(ev && ev.points && ev.points[0]);
      if (id) show(id);
    });
    if (D.event) show(D.event);
  });
})();
