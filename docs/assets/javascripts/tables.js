// Makes every data table on a page sortable (tablesort is vendored beside this file).
document$.subscribe(function () {
  document.querySelectorAll("article table:not([class])").forEach(function (table) {
    new Tablesort(table);
  });
});
