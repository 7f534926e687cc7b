/* Instant actor filter: show only the chosen actors' lanes in the chart already drawn, in the
   browser, while the server builds the exact figure for the new view (which then replaces it).
   The figure says which lane is which actor (layout.meta.lanes: [actor id, lane name], top
   first) and the chart height per number of lanes (layout.meta.heights). Where the drawn chart
   cannot show the new view by hiding lanes (a lane it lacks, mode 'all' with several actors),
   nothing happens here and the server's figure draws it. */
(function () {
  "use strict";
  var ns = (window.dash_clientside = window.dash_clientside || {});
  ns.timeline = ns.timeline || {};

  ns.timeline.filterLanes = function (actors, mode, options) {
    var nu = window.dash_clientside.no_update;
    var gd = document.querySelector("#graph .js-plotly-plot");
    var meta = gd && gd.layout && gd.layout.meta;
    if (!window.Plotly || !gd || !gd.data || !meta || !Array.isArray(meta.lanes)) return nu;
    actors = actors || [];
    if (mode === "all" && actors.length > 1) return nu;
    var drawn = {};
    meta.lanes.forEach(function (l) { drawn[l[0]] = l[1]; });
    var wanted = actors.length ? actors : (options || []).map(function (o) { return o.value; });
    if (!wanted.length || wanted.some(function (a) { return !(a in drawn); })) return nu;
    var chosen = {};
    wanted.forEach(function (a) { chosen[drawn[a]] = true; });
    var names = meta.lanes.filter(function (l) { return chosen[l[1]]; }).map(function (l) { return l[1]; });
    var visible = gd.data.map(function (t) {
      var lane = t.legendgroup || t.name;
      return lane in chosen && t.name !== "connector" && t.name !== "selected";
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
    if (Array.isArray(meta.heights) && meta.heights.length) {
      relayout.height = meta.heights[Math.min(names.length, meta.heights.length) - 1];
    }
    window.Plotly.update(gd, {visible: visible}, relayout);
    return nu;
  };
})();
