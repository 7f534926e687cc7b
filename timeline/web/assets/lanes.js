/* Instant actor filter: show only the chosen actors' lanes in the chart already drawn, in the
   browser, while the server builds the exact figure for the new view (which then replaces it).
   The figure says which lane is which actor (layout.meta.lanes: [actor id, lane name], top
   first). Where the drawn chart cannot show the new view by hiding lanes (a lane it lacks, mode
   'all' with several actors), nothing happens here and the server's figure draws it.

   Two ways in: a click on an option of the actor dropdown (acted on in the click itself, so the
   chart changes without waiting for Dash to pass the new value round), and the clientside
   callback on the dropdown's value (keyboard, and anything else that sets it). */
(function () {
  "use strict";
  var ns = (window.dash_clientside = window.dash_clientside || {});
  ns.timeline = ns.timeline || {};
  var applied = {data: null, key: null};

  function chart() {
    var gd = document.querySelector("#graph .js-plotly-plot");
    var meta = gd && gd.layout && gd.layout.meta;
    return window.Plotly && gd && gd.data && meta && Array.isArray(meta.lanes) ? gd : null;
  }

  /* Show the lanes of `actors` (all of `everyone` when empty); false if the chart cannot. */
  function show(actors, mode, everyone) {
    var gd = chart();
    if (!gd || (mode === "all" && actors.length > 1)) return false;
    var drawn = {};
    gd.layout.meta.lanes.forEach(function (l) { drawn[l[0]] = l[1]; });
    var wanted = actors.length ? actors : everyone;
    if (!wanted.length || wanted.some(function (a) { return !(a in drawn); })) return false;
    var chosen = {};
    wanted.forEach(function (a) { chosen[drawn[a]] = true; });
    var names = gd.layout.meta.lanes.filter(function (l) { return chosen[l[1]]; }).map(function (l) { return l[1]; });
    var key = names.join("\n");
    if (applied.data === gd.data && applied.key === key) return true;
    var visible = gd.data.map(function (t) {   // the overview's strip (figure/overview.py: a trace with no points) stays
      return t.name === "overview" || ((t.legendgroup || t.name) in chosen && t.name !== "connector" && t.name !== "selected");
    });
    var relayout = {"yaxis.categoryarray": names, "yaxis.range": [names.length - 0.5, -0.9]};
    var ya = gd.layout.yaxis || {};
    if (Array.isArray(ya.tickvals) && Array.isArray(ya.ticktext)) {   // lane labels: keep the chosen ones
      var keep = ya.tickvals.map(function (v) { return v in chosen; });
      relayout["yaxis.tickvals"] = ya.tickvals.filter(function (v, i) { return keep[i]; });
      relayout["yaxis.ticktext"] = ya.ticktext.filter(function (v, i) { return keep[i]; });
    }
    (gd.layout.annotations || []).forEach(function (a, i) {
      relayout["annotations[" + i + "].visible"] = a.yref !== "y" || a.y in chosen;
    });
    // The height stays until the server's figure comes: changing it here doubles the redraw.
    window.Plotly.update(gd, {visible: visible}, relayout);
    applied = {data: gd.data, key: key};
    return true;
  }

  ns.timeline.filterLanes = function (actors, mode, options) {
    show(actors || [], mode, (options || []).map(function (o) { return o.value; }));
    return window.dash_clientside.no_update;
  };

  document.addEventListener("click", function (e) {
    var opt = e.target && e.target.closest && e.target.closest("[role=option]");
    var wrap = opt && opt.closest(".dash-dropdown-wrapper");
    var input = opt && opt.querySelector("input[type=checkbox]");   // a multi-select option
    if (!input || !wrap || !wrap.querySelector("#actor-filter")) return;
    var picked = {}, everyone = [];
    wrap.querySelectorAll("[role=option]").forEach(function (o) {
      var i = o.querySelector("input[type=checkbox]");
      if (!i) return;
      everyone.push(i.value);
      if (o.getAttribute("aria-selected") === "true") picked[i.value] = true;
    });
    if (picked[input.value]) delete picked[input.value]; else picked[input.value] = true;
    var mode = document.querySelector("#mode input:checked");
    try {
      show(Object.keys(picked), mode ? mode.value : "any", everyone);
    } catch (err) { /* the clientside callback and the server still draw the view */ }
  }, true);
})();
