// Makes every data table on a page sortable (tablesort is vendored beside this file). A cell whose value is
// given as <data value="…"> sorts by that number, so money, counts and years sort as numbers, not as text.
Tablesort.extend(
  "handbook-number",
  function (item) { return /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(item); },
  function (a, b) { return parseFloat(b) - parseFloat(a); } // tablesort's own number sort runs in this order
);

document$.subscribe(function () {
  document.querySelectorAll("article table:not([class])").forEach(function (table) {
    table.querySelectorAll("td > data[value]").forEach(function (data) {
      data.parentElement.setAttribute("data-sort", data.value);
    });
    new Tablesort(table);
  });
});
