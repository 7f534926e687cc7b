/* Accessibility repairs for markup Dash 4 renders (issue #11; axe-core reports each as serious):
   - dcc.RadioItems draws native radio inputs inside role="option" labels inside a role="listbox"
     (nested-interactive, aria-input-field-name): the roles go, so the radios speak for themselves
     inside the named role="group" around them;
   - dcc.Dropdown's hidden focus proxy (<input aria-hidden="true" tabindex="0">) takes the Tab stop
     and hands focus to the real button (aria-hidden-focus): the button becomes the tab stop, and
     its name starts with the field's label ("Filter by actor …"), not the chosen values alone.
   React only rewrites an attribute whose prop changes, so a MutationObserver repeats the repair
   when Dash re-renders one of these (aria-selected on a new value, a remounted dropdown). */
(function () {
  "use strict";

  function radios(root) {
    root.querySelectorAll(".dash-radioitems[role]").forEach(function (list) {
      list.removeAttribute("role");
    });
    root.querySelectorAll(".dash-radioitems [role='option']").forEach(function (label) {
      label.removeAttribute("role");
      label.removeAttribute("aria-selected");
    });
    root.querySelectorAll(".dash-radioitems label[aria-selected]").forEach(function (label) {
      label.removeAttribute("aria-selected");
    });
  }

  function dropdowns(root) {
    root.querySelectorAll(".dash-dropdown-focus-target").forEach(function (proxy) {
      if (proxy.tabIndex !== -1) proxy.tabIndex = -1;
      var button = proxy.parentElement && proxy.parentElement.querySelector("button.dash-dropdown");
      if (button && button.tabIndex !== 0 && !button.disabled) button.tabIndex = 0;
      // the button is named by its value alone: put the field's own <label> first
      var label = button && button.id && document.querySelector('label[for="' + button.id + '"]');
      var named = button && button.getAttribute("aria-labelledby");
      if (label && label.id && named && named.split(" ")[0] !== label.id) {
        button.setAttribute("aria-labelledby", label.id + " " + named);
      }
    });
  }

  function repair() {
    radios(document);
    dropdowns(document);
  }

  var queued = false;
  function later() {
    if (queued) return;
    queued = true;
    window.requestAnimationFrame(function () { queued = false; repair(); });
  }

  function start() {
    repair();
    new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++) {
        var r = records[i];
        if (r.type === "childList" || r.attributeName === "role" || r.attributeName === "aria-selected" ||
            r.attributeName === "tabindex" || r.attributeName === "aria-labelledby") { later(); return; }
      }
    }).observe(document.body, {subtree: true, childList: true, attributes: true,
                               attributeFilter: ["role", "aria-selected", "tabindex", "aria-labelledby"]});
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
