/* The app's chart gets page/static/axis.js (loaded first by timeline/web/axis_js.py): the
   overview's window and drag, deep-time ticks on zoom, and a click on a phase's title selects
   the phase through the `list-pick` store, the path of a click on a list item. dcc.Graph keeps
   one plot element across figures; a MutationObserver finds it once it is drawn. */
(function () {
  "use strict";
  function select(id) {
    if (window.dash_clientside && window.dash_clientside.set_props) {
      window.dash_clientside.set_props("list-pick", {data: {event: id, at: Date.now()}});
    }
  }

  function hook() {
    var gd = document.querySelector("#graph .js-plotly-plot");
    if (gd && gd.on && gd._fullLayout && window.timelineAxis) window.timelineAxis.attach(gd, {select: select});
  }

  var queued = false;
  function later() {
    if (queued) return;
    queued = true;
    window.requestAnimationFrame(function () { queued = false; hook(); });
  }

  function start() {
    hook();
    new MutationObserver(later).observe(document.body, {subtree: true, childList: true});
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
