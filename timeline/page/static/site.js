/* The static site's page (timeline export site): the actor filter, the search, the event list
   and deep links around the chart that embed.js draws (window.timelineEmbed). Everything it needs
   is inline in the page (#tl-site); it fetches nothing. Text from data is set with textContent only.

   The address is the view: ?actors=kim,trump&q=train&event=hanoi-summit&from=2018-01&to=2019-06 */
(function () {
  "use strict";
  var SITE = JSON.parse(document.getElementById("tl-site").textContent);
  var filter = document.getElementById("actor-filter");
  var search = document.getElementById("search");
  var list = document.getElementById("event-list");
  var count = document.getElementById("list-count");
  var items = Array.prototype.slice.call(list.querySelectorAll("li[data-event-id]"));
  var boxes = Array.prototype.slice.call(filter.querySelectorAll("input[type=checkbox]"));
  var byId = {};
  SITE.events.forEach(function (e) { byId[e.id] = e; e.folded = fold(e.text); });
  var state = {actors: [], q: "", event: null, from: null, to: null};

  function fold(s) {
    return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function readAddress() {
    var p = new URLSearchParams(window.location.search);
    var known = {};
    SITE.actors.forEach(function (a) { known[a.id] = true; });
    state.actors = (p.get("actors") || "").split(",").filter(function (a) { return known[a]; });
    state.q = (p.get("q") || "").slice(0, 200);
    state.event = byId[p.get("event")] ? p.get("event") : null;
    state.from = p.get("from");
    state.to = p.get("to");
  }

  function writeAddress() {
    var p = new URLSearchParams();
    if (state.actors.length) p.set("actors", state.actors.join(","));
    if (state.q) p.set("q", state.q);
    if (state.event) p.set("event", state.event);
    if (state.from) p.set("from", state.from);
    if (state.to) p.set("to", state.to);
    var query = p.toString().replace(/%2C/g, ",");
    window.history.replaceState(null, "", query ? "?" + query : window.location.pathname);
  }

  function matches(e) {
    if (state.actors.length && !e.actors.some(function (a) { return state.actors.indexOf(a) >= 0; })) return false;
    return !state.q || e.folded.indexOf(fold(state.q)) >= 0;
  }

  function applyList() {
    var shown = 0;
    items.forEach(function (li) {
      var e = byId[li.getAttribute("data-event-id")];
      var on = !!e && matches(e);
      li.hidden = !on;
      if (on) shown += 1;
      li.classList.toggle("is-selected", !!e && e.id === state.event);
      var a = li.querySelector("a");
      if (a) {
        if (e && e.id === state.event) a.setAttribute("aria-current", "true");
        else a.removeAttribute("aria-current");
      }
    });
    count.textContent = SITE.strings.count.replace("{n}", String(shown)).replace("{total}", String(items.length));
  }

  /* The chosen actors' lanes only (as the app's instant filter), and the events that do not match
     the search dimmed (plotly's selectedpoints). */
  function applyChart(gd) {
    var Plotly = window.Plotly;
    var meta = gd.layout && gd.layout.meta;
    if (!Plotly || !meta || !Array.isArray(meta.lanes)) return;
    var names = meta.lanes.filter(function (l) { return !state.actors.length || state.actors.indexOf(l[0]) >= 0; })
      .map(function (l) { return l[1]; });
    var chosen = {};
    names.forEach(function (n) { chosen[n] = true; });
    var lanes = {};
    meta.lanes.forEach(function (l) { lanes[l[1]] = true; });
    var visible = gd.data.map(function (t) {
      var lane = t.legendgroup || t.name;
      if (!(lane in lanes)) return state.actors.length ? false : t.visible !== false;   // connectors etc.
      return lane in chosen;
    });
    var selected = gd.data.map(function (t) {
      if (!state.q || !Array.isArray(t.customdata)) return null;
      var keep = [];
      t.customdata.forEach(function (c, i) {
        var id = Array.isArray(c) ? c[0] : c;
        if (byId[id] && matches(byId[id])) keep.push(i);
      });
      return keep;
    });
    var relayout = {"yaxis.categoryarray": names, "yaxis.range": [names.length - 0.5, -0.9]};
    (gd.layout.annotations || []).forEach(function (a, i) {
      relayout["annotations[" + i + "].visible"] = a.yref !== "y" || a.y in chosen;
    });
    if (state.from || state.to) {
      var r = (gd.layout.xaxis && gd.layout.xaxis.range) || [];
      relayout["xaxis.range"] = [state.from || r[0], state.to || r[1]];
    }
    Plotly.update(gd, {visible: visible, selectedpoints: selected}, relayout);
  }

  var chart = null;   // the plotly chart, once embed.js has drawn it (never on a phone: cards there)

  function apply() {
    applyList();
    if (chart) applyChart(chart);
    writeAddress();
  }

  function select(id) {
    state.event = byId[id] ? id : null;
    if (state.event) window.timelineEmbed.show(state.event);
    apply();
  }

  readAddress();
  boxes.forEach(function (b) { b.checked = !state.actors.length || state.actors.indexOf(b.value) >= 0; });
  search.value = state.q;
  apply();
  if (state.event) {
    window.timelineEmbed.show(state.event);
    // the list beside the chart (wide screens) scrolls to the event; the page itself does not
    var li = list.querySelector('li[data-event-id="' + CSS.escape(state.event) + '"]');
    var wrap = list.parentElement;
    if (li && wrap.scrollHeight > wrap.clientHeight + 1) wrap.scrollTop = li.offsetTop - 40;   // wrap: position relative
  }
  filter.addEventListener("change", function () {
    var on = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    state.actors = on.length === boxes.length ? [] : on;
    apply();
  });
  var timer = null;
  search.addEventListener("input", function () {
    if (timer) clearTimeout(timer);
    timer = setTimeout(function () { state.q = search.value.trim(); apply(); }, 120);
  });
  list.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("li[data-event-id] a");
    if (!a) return;
    e.preventDefault();
    select(a.closest("li").getAttribute("data-event-id"));
  });
  window.timelineEmbed.onClose(function () { state.event = null; apply(); });
  document.documentElement.classList.add("tl-ready");

  window.timelineEmbed.ready.then(function (gd) {
    chart = gd;
    applyChart(gd);
    gd.on("plotly_click", function (ev) {
      var c = ev && ev.points && ev.points[0] && ev.points[0].customdata;
      var id = Array.isArray(c) ? c[0] : c;
      if (id) { state.event = String(id); apply(); }
    });
    document.documentElement.classList.add("tl-drawn");
  });
})();
