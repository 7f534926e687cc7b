/* The chart's plotly locale follows the interface language (the Dutch chart says "okt 2018"):
   the page's graph config carries every locale (timeline.i18n.plotly_config); this only
   switches `locale` when the reader switches language. */
(function () {
  "use strict";
  var ns = (window.dash_clientside = window.dash_clientside || {});
  ns.timeline = ns.timeline || {};
  ns.timeline.graphLocale = function (lang, config) {
    config = config || {};
    var want = config.locales && config.locales[lang] ? lang : "en";
    if (config.locale === want) return window.dash_clientside.no_update;
    var next = {};
    Object.keys(config).forEach(function (k) { next[k] = config[k]; });
    next.locale = want;
    return next;
  };
})();
