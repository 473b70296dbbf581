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

  /* Glossary terms (llm_medicine/glossary_links.py): the definition stays on screen, shifted left or right as far
     as it must; on a touch screen the first tap shows it and a second tap follows the link to the glossary. */
  function placeTip(term) {
    var tip = term.querySelector(".glossary-term__tip");
    if (!tip) return;
    tip.style.left = "0px";
    var rect = tip.getBoundingClientRect(), margin = 8, right = document.documentElement.clientWidth - margin;
    var shift = rect.right > right ? right - rect.right : 0;
    if (rect.left + shift < margin) shift = margin - rect.left;
    tip.style.left = shift + "px";
  }
  function closeTips(except) {
    document.querySelectorAll(".glossary-term.is-open").forEach(function (term) {
      if (term !== except) term.classList.remove("is-open");
    });
  }
  var pointer = "mouse";
  document.addEventListener("pointerdown", function (event) { pointer = event.pointerType; }, true);
  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var term = event.target.closest && event.target.closest(".glossary-term");
      if (term) placeTip(term);
    });
  });
  document.addEventListener("click", function (event) {
    var term = event.target.closest && event.target.closest(".glossary-term");
    closeTips(term);
    if (!term || pointer !== "touch" || term.classList.contains("is-open")) return;
    event.preventDefault();
    term.classList.add("is-open");
    placeTip(term);
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
