/* The app's clientside callbacks (called through ClientsideFunction("timeline", name) from
   timeline/web/callbacks.py and embed_dialog.py): small filters that keep a request from
   reaching the server when it would change nothing. */
(function () {
  "use strict";
  var ns = (window.dash_clientside = window.dash_clientside || {});
  ns.timeline = ns.timeline || {};
  var noUpdate = function () { return window.dash_clientside.no_update; };
  var norm = function (q) { return String(q || "").replace(/^\?/, ""); };

  /* Only an address that is not the view already reaches the server (a deep link, back/forward,
     an edited URL). The page's own first report of its address, and the echo of every URL that
     `sync` writes, used to cost a request each that changed nothing. */
  ns.timeline.navigated = function (search, current) {
    return norm(search) === norm(current) ? noUpdate() : (search || "");
  };

  /* Only a relayout that moves the x range reaches the server. The graph's own resizes
     ({autosize: true}) would otherwise be a newer call of `sync`, and Dash drops the answer to an
     older call still on its way: a zoom just before a resize was lost. */
  ns.timeline.zoomed = function (r) {
    var keys = r ? Object.keys(r) : [];
    return keys.some(function (k) { return k.indexOf("xaxis.range") === 0 || k === "xaxis.autorange"; })
      ? r : noUpdate();
  };

  /* <html lang>, and the selected list item kept in sight (assets/ui.js). */
  ns.timeline.viewChanged = function (q) {
    return window.timelineUI ? window.timelineUI.viewChanged(q) : noUpdate();
  };

  /* The source dialog's focus (assets/ui.js). */
  ns.timeline.dialog = function (hidden) {
    return window.timelineUI ? window.timelineUI.dialog(hidden) : noUpdate();
  };

  /* The Embed dialog: a view change reaches the server only when the dialog is open or the
     language changed (its labels); the closed dialog used to cost one more request per filter,
     zoom and click. */
  ns.timeline.embedView = function (q, hidden, last) {
    var lang = new URLSearchParams(q || "").get("lang") === "nl" ? "nl" : "en";
    if (hidden && last && last.lang === lang) return noUpdate();
    return {q: q, lang: lang};
  };
})();
