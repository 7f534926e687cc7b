/* The vertical timeline's behaviour (timeline/page/cards.py renders the cards on the server; they
   read without this script). Here: tapping a card opens or closes its details in place; a row of
   actor buttons filters the cards (any of the pressed actors), and a polite live region says how
   many are shown; the selected card is scrolled into view. Buttons are built by cloning the
   server's own chips: no data text is ever parsed as markup.
   window.timelineCards.enhance(root, {onOpen: fn(id, open), filter: false}) wires one element that
   holds (or will hold) the cards; filter: false leaves the filtering to the page (the app). */
window.timelineCards = (function () {
  "use strict";

  function countText(root, n) {
    var tpl = n === 1 ? root.getAttribute("data-count-one") : root.getAttribute("data-count-many");
    return (tpl || "{n}").replace("{n}", String(n));
  }

  function cards(root) {
    return Array.prototype.slice.call(root.querySelectorAll(".tl-card[data-event-id]"));
  }

  function applyFilter(root, pressed) {
    var shown = 0;
    cards(root).forEach(function (card) {
      var actors = (card.getAttribute("data-actors") || "").split(" ");
      var ok = !pressed.length || pressed.some(function (a) { return actors.indexOf(a) >= 0; });
      card.parentElement.hidden = !ok;
      if (ok) shown++;
    });
    root.querySelectorAll(".tl-section").forEach(function (sec) {
      var any = sec.querySelector(".tl-card-list > li:not([hidden])");
      sec.hidden = !any && !sec.querySelector(".tl-phase");
    });
    var live = root.querySelector(".tl-count");
    if (live) live.textContent = countText(root, shown);
  }

  function filterBar(root) {
    var seen = {}, order = [];
    root.querySelectorAll(".tl-chip[data-actor]").forEach(function (chip) {
      var id = chip.getAttribute("data-actor");
      if (!seen[id]) { seen[id] = chip; order.push(id); }
    });
    if (order.length < 2) return null;
    var bar = document.createElement("div");
    bar.className = "tl-card-filter";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", root.getAttribute("data-filter-label") || "Filter");
    var pressed = [];
    order.forEach(function (id) {
      var b = document.createElement("button");
      b.type = "button";
      b.setAttribute("aria-pressed", "false");
      b.setAttribute("data-actor", id);
      b.appendChild(seen[id].cloneNode(true));
      b.addEventListener("click", function () {
        var on = b.getAttribute("aria-pressed") !== "true";
        b.setAttribute("aria-pressed", on ? "true" : "false");
        var at = pressed.indexOf(id);
        if (on && at < 0) pressed.push(id);
        if (!on && at >= 0) pressed.splice(at, 1);
        applyFilter(root, pressed);
      });
      bar.appendChild(b);
    });
    return bar;
  }

  function enhance(root, opts) {
    if (!root || root.getAttribute("data-enhanced")) return;
    root.setAttribute("data-enhanced", "1");
    opts = opts || {};
    var bar = opts.filter === false ? null : filterBar(root);
    var count = root.querySelector(".tl-count");
    if (bar && count) count.parentNode.insertBefore(bar, count);
    root.addEventListener("click", function (e) {
      var card = e.target.closest && e.target.closest(".tl-card");
      if (!card || !root.contains(card)) return;
      // links, buttons, the summary itself and selected text keep their own behaviour
      if (e.target.closest("a, button, summary, details[open] .tl-card-body")) return;
      if (window.getSelection && String(window.getSelection()).length) return;
      var more = card.querySelector(".tl-card-more");
      if (more) more.open = !more.open;
    });
    root.addEventListener("toggle", function (e) {
      var more = e.target;
      if (!more.classList || !more.classList.contains("tl-card-more")) return;
      var card = more.closest(".tl-card");
      if (opts.onOpen && card) opts.onOpen(card.getAttribute("data-event-id"), more.open);
    }, true);
    var selected = root.querySelector(".tl-card.selected");
    if (selected && selected.scrollIntoView) selected.scrollIntoView({block: "start"});
    if (opts.filter === false) return;
  }

  return {enhance: enhance, applyFilter: applyFilter};
})();
