/* What the site's two interactive figures share (Figure 2, model-chart*.js; the scores figure, scores-chart*.js):
 * loading Plotly when the reader wants it, arming that load when the figure nears the viewport, a sortable data
 * table, copying a link to the current view, and reading the theme's colours for Plotly.
 *
 * Loaded (defer) just before each figure's own script, only by the pages that show a figure. It registers
 * `window.FigureKit`; loading it twice (two figures on a page) keeps the first.
 */
(function () {
  "use strict";
  if (window.FigureKit) return;

  const NEAR = "100% 0px";  // load Plotly when the figure is within a screen of the viewport
  const loaded = new Map();  // script address -> its promise, so each loads once per page

  function loadScript(src) {
    if (!loaded.has(src)) {
      loaded.set(src, new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = src;
        script.onload = resolve;
        script.onerror = () => reject(new Error(`could not load ${src}`));
        document.head.append(script);
      }));
    }
    return loaded.get(src);
  }

  /* Plotly, its locale, then the figure's drawing script (its address and global name given by the figure). */
  function loadPlotly(root, globalName) {
    return (window.Plotly ? Promise.resolve() : loadScript(root.dataset.plotly))
      .then(() => (root.dataset.plotlyLocale ? loadScript(root.dataset.plotlyLocale) : null))
      .then(() => (window[globalName] ? null : loadScript(root.dataset.plotScript)));
  }

  /* Call `want` once when `stage` comes within a screen of the viewport as the reader scrolls. A figure already in
   * view when the page opens (an embed, a tall screen) waits for the reader's touch: loading Plotly with the page
   * would block a phone for seconds. Where the figure is is read in the first frame, when the browser lays the
   * page out anyway (reading it at once would force an extra layout while the page loads). */
  function whenNear(stage, want) {
    if (!("IntersectionObserver" in window)) { want(); return; }
    requestAnimationFrame(() => {
      const box = stage.getBoundingClientRect();
      let armed = box.top > 2 * window.innerHeight || box.bottom < -window.innerHeight;
      const observer = new IntersectionObserver((entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) armed = true;
        else if (armed) { observer.disconnect(); want(); }
      }, {rootMargin: NEAR});
      observer.observe(stage);
    });
  }

  /* Sort buttons in each column heading; empty values (undisclosed sizes) always sort last. */
  function makeSortable(table, lang, buttonClass) {
    const collator = new Intl.Collator(lang === "zh" ? "zh-Hans" : "en", {numeric: true});
    function sort(header) {
      const ascending = header.getAttribute("aria-sort") !== "ascending";
      const column = header.cellIndex;
      const numeric = header.dataset.type === "number";
      const body = table.tBodies[0];
      const value = (row) => row.cells[column].dataset.sortValue ?? row.cells[column].textContent.trim();
      const rows = [...body.rows].sort((a, b) => {
        const [va, vb] = [value(a), value(b)];
        if (va === "" || vb === "") return (va === "") - (vb === "");
        const order = numeric ? Number(va) - Number(vb) : collator.compare(va, vb);
        return ascending ? order : -order;
      });
      body.append(...rows);
      for (const th of table.tHead.rows[0].cells) th.removeAttribute("aria-sort");
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    }
    for (const th of table.tHead.rows[0].cells) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = buttonClass;
      button.append(...th.childNodes);
      th.append(button);
      button.addEventListener("click", () => sort(th));
    }
  }

  /* Copy the address of the figure's full page with the current view's query; the button says so for 2 s. */
  async function copyLink(button, fullPage, copied) {
    const url = new URL(fullPage, window.location.href);
    url.search = window.location.search;
    await navigator.clipboard.writeText(url.href);
    const label = button.textContent;
    button.textContent = copied;
    setTimeout(() => { button.textContent = label; }, 2000);
  }

  /* A hover label's text broken into lines of about `width` characters with <br> (Plotly's line break), so a
   * label fits a phone's screen: at spaces, or anywhere in text written without them (Chinese). */
  function wrapLabel(text, width) {
    const source = String(text);
    if (source.length <= width) return source;
    const words = source.includes(" ") ? source.split(" ") : source.match(new RegExp(`.{1,${Math.ceil(width / 2)}}`, "gu"));
    const lines = [""];
    for (const word of words) {
      const last = lines.length - 1;
      const joined = lines[last] ? `${lines[last]}${source.includes(" ") ? " " : ""}${word}` : word;
      if (lines[last] && joined.length > width) lines.push(word); else lines[last] = joined;
    }
    return lines.join("<br>");
  }

  /* Whether a click on a plotted point follows its link. With a mouse or the keyboard it does; on a touch screen
   * the first tap on a point shows its hover label and a second tap on it follows the link. Plotly reports one tap
   * twice (touch, then the browser's compatibility click), however far apart a busy phone delivers them, so taps
   * are told apart by their press, not by the time between reports. */
  function tapGate(element) {
    let pointerType = "mouse";
    let presses = 0;
    let shown = null;  // the point whose label the latest touch showed, and the press that showed it
    element.addEventListener("pointerdown", (event) => { pointerType = event.pointerType; presses += 1; }, true);
    return function follows(point) {
      if (pointerType !== "touch") return true;
      if (shown && shown.point === point) return shown.press !== presses;
      shown = {point, press: presses};
      return false;
    };
  }

  /* Writes that leave an unchanged element alone: each write makes the browser restyle, and the first update of a
   * figure as the page opens would otherwise restyle every table row for nothing. */
  function setText(element, text) {
    if (element.textContent !== text) element.textContent = text;
  }

  function setHidden(element, hidden) {
    if (element.hidden !== hidden) element.hidden = hidden;
  }

  function escapeText(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function clone(value) {
    return JSON.parse(JSON.stringify(value));
  }

  function withAlpha(colour, alpha) {
    const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
    if (match) return `rgba(${parseInt(match[1], 16)},${parseInt(match[2], 16)},${parseInt(match[3], 16)},${alpha})`;
    return colour.replace(/^rgb\(([^)]+)\)$/, `rgba($1,${alpha})`);
  }

  /* The theme's colours as computed values (Plotly cannot read CSS variables), and any extra variables asked for. */
  function themeColours(root, extra = {}) {
    const probe = document.createElement("span");
    probe.hidden = true;
    root.appendChild(probe);
    const read = (variable) => {
      probe.style.color = `var(${variable})`;
      return getComputedStyle(probe).color;
    };
    const colours = {
      fg: read("--md-default-fg-color"), light: read("--md-default-fg-color--light"),
      lighter: read("--md-default-fg-color--lighter"), lightest: read("--md-default-fg-color--lightest"),
      bg: read("--md-default-bg-color"), font: getComputedStyle(root).fontFamily,
    };
    for (const [name, variable] of Object.entries(extra)) colours[name] = read(variable);
    probe.remove();
    return colours;
  }

  /* Plotly's settings for a figure drawn in `gd` from its build-time `config` (both figures alike): the mode bar
   * only where there is room for it, no links to Plotly's services, the page's locale. */
  function plotConfig(gd, config) {
    return {
      displayModeBar: gd.clientWidth >= config.breakpoint,
      responsive: true, displaylogo: false, showSendToCloud: false, showEditInChartStudio: false,
      locale: config.locale || "en", scrollZoom: false,
      // A tap on a phone reaches Plotly as a double click, whose default ("reset+autosize") recomputes the
      // ranges when they are as first drawn: the figure redrew and the tapped point moved 9 px. "reset" only
      // undoes a zoom (on a desktop), back to the figure's own ranges.
      doubleClick: "reset",
      modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines",
                               "hoverClosestCartesian", "hoverCompareCartesian"],
      toImageButtonOptions: {format: "png", filename: config.filename, scale: 2},
    };
  }

  /* Start every figure of `selector` on the page once: on the DOM, parsed by the time these deferred scripts run
   * (the theme's bundle, deferred too, comes later in the page and has not run yet), or on Material's document$
   * where the bundle came first (as instant navigation would load a page). */
  function startAll(selector, start) {
    function run() {
      document.querySelectorAll(selector).forEach((root) => {
        if (!root.dataset.started) {
          root.dataset.started = "true";
          start(root);
        }
      });
    }
    if (typeof document$ !== "undefined") document$.subscribe(run);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
    else run();
  }

  window.FigureKit = {loadScript, loadPlotly, whenNear, makeSortable, copyLink, setText, setHidden, escapeText,
                      wrapLabel, tapGate, clone, withAlpha, themeColours, plotConfig, startAll};
})();
