// Abbreviation tooltips. The expansion is set as text (textContent), never parsed as markup, so nothing a
// contributor writes in the glossary can run in a reader's browser. They open on hover, on keyboard focus and
// on tap, stay open while the pointer is over them, and close with Escape (WCAG 2.2, 1.4.13).
//
// Nothing is done to the abbreviations while the page loads: events are handled once, on the document, and the
// only change to the page (the first use of each abbreviation becomes a tab stop) waits until the page is idle.
(function () {
  "use strict";

  var tip = null;
  var owner = null;
  var hideTimer = 0;
  var wasOpen = false;

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

  // The abbreviation an event happened on, its title moved to data-expansion (the browser's own tooltip would
  // show the same text a second time).
  function abbreviation(target) {
    var abbr = target instanceof Element ? target.closest("article abbr[title], article abbr[data-expansion]") : null;
    if (abbr !== null && abbr.hasAttribute("title")) {
      abbr.setAttribute("data-expansion", abbr.getAttribute("title"));
      abbr.removeAttribute("title");
    }
    return abbr;
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

  document.addEventListener("mouseover", function (event) {
    var abbr = abbreviation(event.target);
    if (abbr !== null && abbr !== owner) show(abbr);
  });
  document.addEventListener("mouseout", function (event) {
    var abbr = abbreviation(event.target);
    if (abbr !== null && !abbr.contains(event.relatedTarget)) hideSoon();
  });
  document.addEventListener("focusin", function (event) {
    var abbr = abbreviation(event.target);
    if (abbr !== null) show(abbr);
  });
  document.addEventListener("focusout", function (event) {
    if (abbreviation(event.target) !== null) hideSoon();
  });
  // A tap also fires mouseover and focus before its click, so whether it closes the tooltip depends on whether
  // the tooltip was open for it when the pointer went down.
  document.addEventListener("pointerdown", function (event) {
    var abbr = abbreviation(event.target);
    wasOpen = abbr !== null && owner === abbr && tip !== null && !tip.hidden;
  });
  document.addEventListener("click", function (event) {
    var abbr = abbreviation(event.target);
    if (abbr === null) hide();
    else if (wasOpen) hide();
    else show(abbr);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  window.addEventListener("scroll", function () { if (owner) place(owner); }, { passive: true });

  // The first use of each abbreviation on a page is reachable by keyboard.
  function focusable(article) {
    var seen = {};
    article.querySelectorAll("abbr[title], abbr[data-expansion]").forEach(function (abbr) {
      var key = abbr.textContent;
      if (!seen[key]) {
        seen[key] = true;
        abbr.tabIndex = 0;
      }
    });
  }

  document$.subscribe(function () {
    hide();
    var article = document.querySelector("article");
    if (article === null) return;
    if (window.requestIdleCallback) window.requestIdleCallback(function () { focusable(article); }, { timeout: 2000 });
    else window.setTimeout(function () { focusable(article); }, 50);
  });
})();
