/* The app below 640 px: the vertical timeline (timeline/page/cards.py, drawn by the server into
   #cards-panel) takes the place of the chart, list and details panel (style.css). Here: the
   `narrow` store follows the window's width, so the server draws the cards only when they are
   seen; a tap on a card opens it in place (page/static/cards.js). The app's own filter, search
   and deep links drive which cards there are. */
(function () {
  "use strict";
  var ns = (window.dash_clientside = window.dash_clientside || {});
  ns.timeline = ns.timeline || {};
  var query = window.matchMedia ? window.matchMedia("(max-width: 639px)") : {matches: false};
  var watching = false, told = null;   // told: the view last sent to be drawn (null: none)

  var lastView = "";

  function norm(q) { return String(q || "").replace(/^\?/, ""); }

  ns.timeline.narrow = function (search, view) {
    lastView = view || "";
    if (!watching && query.addEventListener) {
      watching = true;
      query.addEventListener("change", function (e) {
        told = e.matches ? lastView : null;
        if (window.dash_clientside.set_props) window.dash_clientside.set_props("narrow", {data: {q: told}});
      });
    }
    enhance();
    // wide: nothing to draw, no request. Narrow: the view, once the address has reached it
    // (a deep link goes through the server's `sync` first), and only when it is new.
    if (!query.matches || norm(search) !== norm(view) || told === norm(view)) return window.dash_clientside.no_update;
    told = norm(view);
    return {q: view || ""};
  };

  var observed = false;
  function enhance() {
    var panel = document.getElementById("cards-panel");
    if (!panel || !window.timelineCards) return;
    window.timelineCards.enhance(panel, {filter: false});
    if (observed) return;
    observed = true;
    // a new set of cards from the server: bring the selected event's card into sight
    new MutationObserver(function (records) {
      if (!records.some(function (r) { return r.type === "childList" && r.target === panel; })) return;
      var selected = panel.querySelector(".tl-card.selected");
      if (selected && selected.scrollIntoView) selected.scrollIntoView({block: "start"});
    }).observe(panel, {childList: true});
  }
  document.addEventListener("DOMContentLoaded", enhance);
})();
