// Two helps for readers on small screens, added after the theme has laid out each page
// (Material's instant loading is off, so this runs once per page):
// - a wide table scrolls inside its frame and says so ("Scroll sideways"), the cue hidden once
//   the table fits;
// - the page's table of contents, which the theme shows only in a side bar on wide screens,
//   as a folded "On this page" list above the first heading (hidden by CSS on wide screens).

// A column that repeats one value on every row says nothing row by row: it is folded into one
// line above the table ("Severity: violation, on every row") and hidden, on every screen.
(function () {
  function foldUniformColumns() {
    document.querySelectorAll("article table").forEach(function (table) {
      var rows = table.tBodies.length ? Array.prototype.slice.call(table.tBodies[0].rows) : [];
      var head = table.tHead && table.tHead.rows[0];
      if (!head || rows.length < 3 || table.dataset.eokbFolded) return;
      table.dataset.eokbFolded = "1";
      var notes = [];
      for (var c = head.cells.length - 1; c >= 0; c--) {
        var first = rows[0].cells[c] ? rows[0].cells[c].textContent.trim() : "";
        var same = first !== "" && rows.every(function (r) {
          return r.cells[c] && r.cells[c].textContent.trim() === first && !r.cells[c].querySelector("a");
        });
        if (!same) continue;
        notes.unshift(head.cells[c].textContent.trim() + ": " + first);
        head.cells[c].style.display = "none";
        rows.forEach(function (r) { r.cells[c].style.display = "none"; });
      }
      if (notes.length) {
        var note = document.createElement("p");
        note.className = "eokb-same";
        note.textContent = notes.join("; ") + " (the same on every row).";
        var frame = table.closest(".md-typeset__scrollwrap") || table;
        frame.parentNode.insertBefore(note, frame);
      }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", foldUniformColumns);
  else foldUniformColumns();
})();


(function () {
  function markWideTables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var wide = wrap.scrollWidth > wrap.clientWidth + 1;
      wrap.classList.toggle("eokb-wide", wide);
      if (wide && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");  // scrollable by keyboard (axe: scrollable-region-focusable)
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Wide table: scroll sideways");
      }
    });
  }

  function phoneContents() {
    var article = document.querySelector("article.md-content__inner");
    var headings = article ? article.querySelectorAll("h2[id]") : [];
    if (headings.length < 2 || article.querySelector(".eokb-toc")) return;
    var details = document.createElement("details");
    details.className = "eokb-toc";
    var summary = document.createElement("summary");
    summary.textContent = "On this page";
    details.appendChild(summary);
    var list = document.createElement("ul");
    headings.forEach(function (h) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + h.id;
      link.textContent = h.textContent.replace(/\u00b6\s*$/, "").trim();
      item.appendChild(link);
      list.appendChild(item);
    });
    details.appendChild(list);
    headings[0].parentNode.insertBefore(details, headings[0]);
  }

  function ready() {
    phoneContents();
    markWideTables();
    window.addEventListener("resize", markWideTables);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
