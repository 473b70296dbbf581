/* Small site behaviours; no dependencies, nothing loaded from elsewhere. */
(function () {
  "use strict";

  /* Material's search overlay is a dialog without a name; give it the search field's own (translated) label. */
  var search = document.querySelector(".md-search[role=dialog]");
  var searchInput = document.querySelector(".md-search__input");
  if (search && searchInput && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", searchInput.getAttribute("aria-label") || searchInput.placeholder);
  }

  /* Copy buttons for the review's citations. */
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.copy-citation");
    if (!button) return;
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    if (!target || !navigator.clipboard) return;
    navigator.clipboard.writeText(target.textContent.trim()).then(function () {
      var label = button.textContent;
      button.textContent = button.getAttribute("data-copied-label");
      setTimeout(function () { button.textContent = label; }, 2000);
    });
  });

  /* The language switch keeps the reader's section: heading ids are the same in both languages.
     Capture phase, so this runs before the theme's own handler, which would otherwise take over the click
     (to look the page up in the sitemap) and drop the section; an explicit target makes the theme leave it. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[hreflang]");
    if (!link || !location.hash || link.hash) return;
    link.href = link.href + location.hash;
    link.target = "_self";
  }, true);
})();
