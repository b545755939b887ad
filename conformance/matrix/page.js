// The matrix page's filters, inlined into results/index.html by page.py: by chapter and by verdict (rows), by Python
// version (columns). Panels open without this script (CSS :target).
(function () {
  "use strict";
  var chapter = document.getElementById("chapter");
  var verdict = document.getElementById("verdict");
  var python = document.getElementById("python");
  var shown = document.getElementById("shown");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tbody tr[data-clause]"));
  var headings = Array.prototype.slice.call(document.querySelectorAll("tbody tr.chapter"));

  function wanted(row) {
    if (chapter.value && row.getAttribute("data-chapter") !== chapter.value) {
      return false;
    }
    var seen = [];
    Array.prototype.forEach.call(row.querySelectorAll("td"), function (cell) {
      if (!cell.hidden) {
        seen.push(cell.getAttribute("data-v"));
      }
    });
    if (verdict.value === "differs") {
      var kinds = seen.filter(function (v) { return v && v !== "not-applicable"; });
      return kinds.some(function (v) { return v !== kinds[0]; });
    }
    return !verdict.value || seen.indexOf(verdict.value) >= 0;
  }

  function apply() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-py]"), function (cell) {
      cell.hidden = python.value !== "" && cell.getAttribute("data-py") !== python.value;
    });
    var visible = {};
    var count = 0;
    rows.forEach(function (row) {
      row.hidden = !wanted(row);
      if (!row.hidden) {
        count += 1;
        visible[row.getAttribute("data-chapter")] = true;
      }
    });
    headings.forEach(function (row) {
      row.hidden = !visible[row.getAttribute("data-chapter")];
    });
    shown.textContent = count + " of " + rows.length + " clauses shown";
  }

  [chapter, verdict, python].forEach(function (select) {
    select.addEventListener("change", apply);
  });
  apply();
}());
