// Abbreviation tooltips. The expansion is set as text (textContent), never parsed as markup, so nothing a
// contributor writes in the glossary can run in a reader's browser. They open on hover, on keyboard focus and
// on tap, stay open while the pointer is over them, and close with Escape (WCAG 2.2, 1.4.13).
(function () {
  "use strict";

  var tip = null;
  var owner = null;
  var hideTimer = 0;

  function tooltip() {
    if (tip === null) {
      tip = document.createElement("div");
      tip.id = "handbook-tooltip";
      tip.className = "handbook-tooltip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      tip.addEventListener("mouseleave", function () { hideSoon(); });
      document.body.appendChild(tip);
    }
    return tip;
  }

  function place(element) {
    var box = element.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.max(8, Math.min(box.left + box.width / 2 - width / 2, window.innerWidth - width - 8));
    var below = box.bottom + 8 + tip.offsetHeight <= window.innerHeight;
    tip.style.left = left + "px";
    tip.style.top = (below ? box.bottom + 8 : Math.max(8, box.top - 8 - tip.offsetHeight)) + "px";
  }

  function show(element) {
    clearTimeout(hideTimer);
    if (owner && owner !== element) owner.removeAttribute("aria-describedby");
    owner = element;
    tooltip().textContent = element.getAttribute("data-expansion");
    tip.hidden = false;
    place(element);
    element.setAttribute("aria-describedby", tip.id);
  }

  function hide() {
    clearTimeout(hideTimer);
    if (tip !== null) tip.hidden = true;
    if (owner !== null) owner.removeAttribute("aria-describedby");
    owner = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);
  }

  function prepare(root) {
    var seen = {};
    root.querySelectorAll("abbr[title]").forEach(function (abbr) {
      abbr.setAttribute("data-expansion", abbr.getAttribute("title"));
      abbr.removeAttribute("title"); // the browser's own tooltip would show the same text twice
      var key = abbr.textContent;
      if (!seen[key]) {
        seen[key] = true;
        abbr.tabIndex = 0; // the first use of each abbreviation on a page is reachable by keyboard
      }
      abbr.addEventListener("mouseenter", function () { show(abbr); });
      abbr.addEventListener("mouseleave", hideSoon);
      abbr.addEventListener("focus", function () { show(abbr); });
      abbr.addEventListener("blur", hideSoon);
      // A tap also fires mouseenter and focus before its click, so whether it closes the tooltip depends on
      // whether the tooltip was open when the pointer went down.
      var wasOpen = false;
      abbr.addEventListener("pointerdown", function () { wasOpen = owner === abbr && !tip.hidden; });
      abbr.addEventListener("click", function (event) {
        event.stopPropagation();
        if (wasOpen) hide(); else show(abbr);
      });
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  document.addEventListener("click", function () { hide(); });
  window.addEventListener("scroll", function () { if (owner) place(owner); }, { passive: true });

  document$.subscribe(function () {
    hide();
    var article = document.querySelector("article");
    if (article) prepare(article);
  });
})();
