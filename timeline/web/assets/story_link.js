/* The header's "Story mode" link: the same actors, search and language as the view, in story
   mode (timeline/page/story.py renders that page). The view store holds the view's query. */
(function () {
  "use strict";
  var ns = (window.dash_clientside = window.dash_clientside || {});
  ns.timeline = ns.timeline || {};
  ns.timeline.storyLink = function (query) {
    var view = new URLSearchParams(query || "");
    var out = new URLSearchParams();
    ["actors", "q", "lang"].forEach(function (key) {
      var value = view.get(key);
      if (value) out.set(key, value);
    });
    out.set("mode", "story");
    return "?" + out.toString().replace(/%2C/g, ",");
  };
})();
