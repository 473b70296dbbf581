/* An embedded figure (overrides/embed.html) tells the page around it how tall it is, whenever that changes (the
 * frame's width, the reader opening its table, the figure drawing): the snippet on the Stable links page sets its
 * <iframe> to that height, so the figure neither scrolls inside the frame nor leaves a gap under it. A host that
 * strips the snippet's script keeps the iframe's fixed height. */
(function () {
  "use strict";
  if (window.parent === window) return;
  const content = document.querySelector(".md-content");
  if (!content) return;
  let reported = 0;
  function report() {
    const style = getComputedStyle(document.querySelector(".md-main__inner") || content);
    const height = Math.ceil(content.getBoundingClientRect().bottom + window.scrollY + parseFloat(style.paddingBottom || 0));
    if (Math.abs(height - reported) < 2) return;
    reported = height;
    window.parent.postMessage({llmMedicineEmbedHeight: height}, "*");
  }
  new ResizeObserver(report).observe(content);
  window.addEventListener("load", report);
})();
