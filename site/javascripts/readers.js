// Two helps for readers on small screens, added after the theme has laid out each page
// (Material's instant loading is off, so this runs once per page):
// - a wide table scrolls inside its frame and says so ("Scroll sideways"), the cue hidden once
//   the table fits;
// - the page's table of contents, which the theme shows only in a side bar on wide screens,
//   as a folded "On this page" list above the first heading (hidden by CSS on wide screens).
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
