// Tables that read on any screen. Each table of an article gets, once the page is idle (never before it is painted):
// - on a narrow screen, a table that cites (a column headed "Source" or "Sources") or has four columns or more
//   stacks its rows into cards, each cell labelled with its column, so no column (a citation, the most senior
//   level) is the part that is cut off (extra.css); the skills matrix, a grid read across, scrolls instead;
// - any other table wider than its column scrolls sideways in a region that says so, can be scrolled by
//   keyboard, and keeps its first column in view (extra.css); one kept to a box of its own because it is taller
//   than a screen (the skills matrix) can be scrolled by keyboard the same way;
// - a table long enough to need it sorts by clicking a header (tablesort, vendored beside this file, started on
//   the first click so that loading a long page does not pay for it). A cell
//   whose value is given as <data value="…"> sorts by that number, so money, years and proficiency sort by
//   their value, not as text.
(function () {
  "use strict";

  var SORT_MIN_ROWS = 6; // a shorter table is read at a glance: sorting it adds tab stops and helps nobody
  var CITATION = /^sources?$/i;
  var CARD_COLUMNS = 4; // wider than a phone in every table that has them: the last columns would be off-screen

  Tablesort.extend(
    "handbook-number",
    function (item) { return /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(item); },
    function (a, b) { return parseFloat(b) - parseFloat(a); } // tablesort's own number sort runs in this order
  );

  function idle(task) {
    if (window.requestIdleCallback) window.requestIdleCallback(task, { timeout: 2000 });
    else window.setTimeout(task, 50);
  }

  function headerTexts(table) {
    var row = table.tHead && table.tHead.rows[0];
    return row ? Array.prototype.map.call(row.cells, function (cell) { return cell.textContent.trim(); }) : [];
  }

  // The name a screen reader announces for a scrolling table: the heading above it (or above the block it is in).
  function name(wrap) {
    var block = wrap;
    while (block.parentElement && !block.parentElement.classList.contains("md-typeset")) block = block.parentElement;
    for (var node = block.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) return node.textContent.replace(/¶$/, "").trim();
    }
    return "Table";
  }

  function cards(table, headers) {
    table.setAttribute("role", "table"); // display: block (the cards) would drop the table's meaning
    Array.prototype.forEach.call(table.rows, function (row) {
      row.setAttribute("role", "row");
      Array.prototype.forEach.call(row.cells, function (cell, index) {
        cell.setAttribute("role", cell.tagName === "TH" ? "columnheader" : "cell");
        if (cell.tagName === "TD") cell.setAttribute("data-label", headers[index] || "");
      });
    });
  }

  function scrolling(wrap) {
    var hint = document.createElement("p");
    hint.className = "handbook-scroll-hint";
    hint.textContent = "Scroll sideways for more columns →";
    hint.hidden = true;
    wrap.parentNode.insertBefore(hint, wrap);
    var state = "false,false"; // as the table starts: no cue, not a region
    function update() {
      var wide = wrap.scrollWidth > wrap.clientWidth + 1;
      var tall = wrap.scrollHeight > wrap.clientHeight + 1; // a table kept to a box of its own (the skills matrix)
      // Change nothing while nothing changed: a write would make the next table's sizes cost a layout of their own.
      if (wide + "," + tall === state) return;
      state = wide + "," + tall;
      wrap.classList.toggle("handbook-scrolls", wide);
      hint.hidden = !wide;
      if (wide || tall) { // a keyboard user reaches the region and scrolls it with the arrow keys
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", name(wrap) + (wide ? " (table, scrolls sideways)" : " (table, scrolls)"));
      } else {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    }
    // Read the sizes only when the browser reports them after a layout it did anyway: asking for them here would
    // force a layout of the whole page for every table.
    if (window.ResizeObserver) new ResizeObserver(update).observe(wrap);
    else update();
  }

  function prepare(table) {
    var wrap = table.closest(".md-typeset__scrollwrap");
    var headers = headerTexts(table);
    var wide = headers.length >= CARD_COLUMNS && !table.closest(".skills-matrix");
    if (wrap && (wide || headers.some(function (text) { return CITATION.test(text); }))) {
      wrap.classList.add("handbook-cards");
      cards(table, headers);
    }
    if (wrap) scrolling(wrap);
    if (table.tBodies[0] && table.tBodies[0].rows.length >= SORT_MIN_ROWS) sortable(table);
  }

  // A table becomes sortable on its first click or key press on a header, not while the page loads: the sorter
  // reads every row, which on a long page is work no reader has asked for yet. The headers look and announce
  // themselves sortable from the start (the theme styles column headers).
  function sortable(table) {
    var row = table.tHead && table.tHead.rows[0];
    if (!row) return;
    Array.prototype.forEach.call(row.cells, function (cell) { cell.setAttribute("role", "columnheader"); });
    var sorter = null;
    function start(event) {
      var header = event.target.closest("th");
      if (!header || (event.type === "keydown" && event.key !== "Enter")) return;
      if (sorter) return;
      table.querySelectorAll("td > data[value]").forEach(function (data) {
        data.parentElement.setAttribute("data-sort", data.value);
      });
      sorter = new Tablesort(table);
      sorter.current = header; // as tablesort's own click handler records it, so the next column resets this one
      sorter.sortTable(header);
    }
    row.addEventListener("click", start);
    row.addEventListener("keydown", start);
  }

  document$.subscribe(function () {
    var tables = Array.prototype.slice.call(document.querySelectorAll("article table:not([class])"));
    // One table per idle slot, however much idle time is left: on a slow phone a slot's worth of work is a task
    // several times as long, and a long page must never block the reader for the whole set at once.
    function next() {
      if (tables.length) prepare(tables.shift());
      if (tables.length) idle(next);
      else document.documentElement.setAttribute("data-tables-ready", "");
    }
    document.documentElement.removeAttribute("data-tables-ready");
    idle(next);
  });
})();
