/* Keyboard and focus behaviour Dash does not give: arrow keys in the event list (a listbox of
   buttons with a roving tabindex), Escape for the source dialog, <html lang>, keeping the
   selected event in sight in the list. No data is rendered here. */
window.timelineUI = (function () {
  "use strict";
  var lastFocus = null;
  var listFocus = null;   // the event id of the list item that had the focus, while it matters

  document.addEventListener("focusin", function (e) {
    var item = e.target && e.target.closest ? e.target.closest('#event-list [role="option"]') : null;
    listFocus = item ? item.getAttribute("data-event") : null;
  });
  document.addEventListener("mousedown", function (e) {
    if (!(e.target && e.target.closest && e.target.closest("#event-list"))) listFocus = null;
  });

  function options(list) {
    return Array.prototype.slice.call(list.querySelectorAll('[role="option"]'));
  }

  function roving(all, j) {
    all.forEach(function (el, k) { el.tabIndex = k === j ? 0 : -1; });
  }

  function scrollWithin(list, el) {
    var top = el.offsetTop - list.offsetTop, bottom = top + el.offsetHeight;
    if (top < list.scrollTop) list.scrollTop = top - 4;
    else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight + 4;
  }

  document.addEventListener("keydown", function (e) {
    var modal = document.getElementById("source-modal");
    if (e.key === "Escape" && modal && !modal.hidden) {
      var close = document.getElementById("source-close");
      if (close) close.click();
      return;
    }
    var item = e.target && e.target.closest ? e.target.closest('#event-list [role="option"]') : null;
    if (!item) return;
    var list = document.getElementById("event-list");
    var all = options(list), i = all.indexOf(item), j;
    switch (e.key) {
      case "ArrowDown": j = Math.min(i + 1, all.length - 1); break;
      case "ArrowUp": j = Math.max(i - 1, 0); break;
      case "Home": j = 0; break;
      case "End": j = all.length - 1; break;
      default: return;
    }
    e.preventDefault();
    roving(all, j);
    all[j].focus();
    scrollWithin(list, all[j]);
  });

  // A click (or Enter/Space) on a list item picks its event: one listener for the whole list.
  document.addEventListener("click", function (e) {
    var item = e.target && e.target.closest ? e.target.closest('#event-list [role="option"]') : null;
    if (!item || !window.dash_clientside || !window.dash_clientside.set_props) return;
    window.dash_clientside.set_props("list-pick", { data: { event: item.getAttribute("data-event"), at: Date.now() } });
  });

  // When the list is redrawn, keep the selected item in sight and the roving tabindex sane.
  function watchList() {
    var list = document.getElementById("event-list");
    if (!list) { setTimeout(watchList, 200); return; }
    new MutationObserver(function () {
      // A redrawn list replaces its buttons: give the focus back to the same event.
      var active = document.activeElement;
      if (listFocus && (!active || active === document.body || !document.body.contains(active))) {
        var all = options(list);
        for (var k = 0; k < all.length; k++) {
          if (all[k].getAttribute("data-event") === listFocus) {
            roving(all, k);
            all[k].focus();
            break;
          }
        }
      }
      var sel = list.querySelector('[aria-selected="true"]');
      if (sel && !list.contains(document.activeElement)) scrollWithin(list, sel);
    }).observe(list, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watchList);
  else watchList();

  return {
    viewChanged: function (query) {
      var lang = new URLSearchParams(query || "").get("lang") === "nl" ? "nl" : "en";
      document.documentElement.lang = lang;
      return lang;
    },
    dialog: function (hidden) {
      if (!hidden) {
        lastFocus = document.activeElement;
        setTimeout(function () {
          var mark = document.getElementById("source-mark");
          if (mark) mark.scrollIntoView({ block: "center" });
          var close = document.getElementById("source-close");
          if (close) close.focus();
        }, 60);
      } else if (lastFocus && document.body.contains(lastFocus)) {
        lastFocus.focus();
      }
      return hidden ? "false" : "true";
    }
  };
})();
