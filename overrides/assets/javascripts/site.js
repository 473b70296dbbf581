/* Small site behaviours; no dependencies, nothing loaded from elsewhere. Copy buttons need no code here:
   Material's clipboard serves every [data-clipboard-target] and shows its own translated message. */
(function () {
  "use strict";

  /* Material's search overlay is a dialog without a name; give it the search field's own (translated) label.
     On each page Material renders (document$), so it also holds if instant navigation is ever turned on. */
  document$.subscribe(function () {
    var search = document.querySelector(".md-search[role=dialog]");
    var searchInput = document.querySelector(".md-search__input");
    if (search && searchInput && !search.hasAttribute("aria-label")) {
      search.setAttribute("aria-label", searchInput.getAttribute("aria-label") || searchInput.placeholder);
    }
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
