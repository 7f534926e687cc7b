/* Images in the details panel load lazily and without a referrer: the panel writes each image's
   address as data-src (Dash's Img has no `loading`), and this gives it loading="lazy" before
   setting src. Only http(s) addresses are ever set. */
(function () {
  "use strict";
  function arm(root) {
    var imgs = root.querySelectorAll ? root.querySelectorAll("img[data-src]:not([src])") : [];
    Array.prototype.forEach.call(imgs, function (img) {
      var url = img.getAttribute("data-src") || "";
      if (!/^https?:\/\//i.test(url)) return;
      img.setAttribute("loading", "lazy");
      img.setAttribute("decoding", "async");
      img.setAttribute("referrerpolicy", "no-referrer");
      img.setAttribute("src", url);
    });
  }
  new MutationObserver(function (changes) {
    changes.forEach(function (c) {
      Array.prototype.forEach.call(c.addedNodes, function (n) { if (n.nodeType === 1) arm(n.parentNode || n); });
      if (c.type === "attributes" && c.target.nodeType === 1) arm(c.target.parentNode || c.target);
    });
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-src"] });
  document.addEventListener("DOMContentLoaded", function () { arm(document); });
})();
