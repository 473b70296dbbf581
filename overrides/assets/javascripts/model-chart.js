/* Figure 2: draws the build-time Plotly figure of model sizes and wires up its controls.
 *
 * Loaded (defer) only by overrides/components/model-chart.html, after the vendored Plotly bundle (and, on
 * Chinese pages, its zh-CN locale). The figure, the filter facts of each model and the UI strings come from
 * the component's <script type="application/json" class="model-chart__config">, written at build time.
 *
 * - One state (family, domain, architecture, scale) drives the chart, the table rows and the status line,
 *   and is kept in the page URL (?family=bert&scale=linear) so a teacher can link to a view.
 * - Every redraw derives a new figure from the original (filter, theme, width, label positions) and hands it
 *   to Plotly.react; nothing is mutated in place, so the order of events never matters.
 * - Colours come from Material's CSS variables and follow the palette toggle (data-md-color-scheme on body).
 * - Names are placed next to bubbles only where they fit; every point keeps its name in the hover label.
 * - Touch: the first tap shows the hover label, a second tap on the same point opens the model card.
 */
(function () {
  "use strict";

  const FILTERS = ["family", "domain", "arch"];
  const SCALES = ["log", "linear"];
  const PHONE = 600;
  const PHONE_BUBBLES = 36 / 56;  // bubbles shrink on a phone; area stays proportional (sizemin shrinks alike)
  const POSITIONS = ["top center", "bottom center", "middle right", "middle left",
                     "top right", "top left", "bottom right", "bottom left"];

  function escapeText(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }
  function plainText(text) {
    return String(text).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  }
  function clone(value) {
    return JSON.parse(JSON.stringify(value));
  }

  function themeColours(root) {
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
    probe.remove();
    return colours;
  }

  function Chart(root) {
    const config = JSON.parse(root.querySelector(".model-chart__config").textContent);
    const original = config.figure;
    const gd = root.querySelector(".model-chart__plot");
    const controls = root.querySelector(".model-chart__controls");
    const status = root.querySelector(".model-chart__status");
    const table = root.querySelector(".model-chart__table");
    const details = root.querySelector(".model-chart__data");
    const touch = window.matchMedia("(hover: none), (pointer: coarse)");  // hint wording and drag mode
    const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
    const total = Object.keys(config.models).length;
    const linkTarget = root.dataset.linkTarget || "_self";
    let state = readState();
    let labels = {};
    let drawing = Promise.resolve();
    let lastTap = null;
    let lastTapTime = 0;
    let pointerType = "mouse";  // of the latest press: a first tap on a touch screen only shows the hover label

    function readState() {
      const params = new URLSearchParams(window.location.search);
      const next = {scale: SCALES.includes(params.get("scale")) ? params.get("scale") : "log"};
      for (const name of FILTERS) {
        const select = controls.querySelector(`select[name="${name}"]`);
        const value = params.get(name) || "";
        next[name] = [...select.options].some((option) => option.value === value) ? value : "";
      }
      return next;
    }

    function writeState() {
      const url = new URL(window.location.href);
      for (const name of FILTERS) {
        if (state[name]) url.searchParams.set(name, state[name]); else url.searchParams.delete(name);
      }
      if (state.scale !== "log") url.searchParams.set("scale", state.scale); else url.searchParams.delete("scale");
      window.history.replaceState(window.history.state, "", url);
    }

    function showControls() {
      for (const name of FILTERS) controls.querySelector(`select[name="${name}"]`).value = state[name];
      for (const radio of controls.querySelectorAll('input[name="model-chart-scale"]')) {
        radio.checked = radio.value === state.scale;
      }
    }

    function shown(id) {
      const model = config.models[id];
      return (!state.family || model.family === state.family) && (!state.domain || model.domain === state.domain)
        && (!state.arch || model.arch === state.arch);
    }

    function filteredData(colours) {
      const phone = gd.clientWidth < PHONE;
      const inLegend = new Set();
      const hint = escapeText(config.strings["click-hint"]);
      const tapHint = escapeText(config.strings["tap-hint"]);
      return original.data.map((source) => {
        const trace = clone(source);
        const keep = source.ids.map((id, index) => (shown(id) ? index : -1)).filter((index) => index >= 0);
        for (const key of ["x", "y", "ids", "customdata"]) trace[key] = keep.map((index) => source[key][index]);
        if (Array.isArray(source.marker.size)) {
          trace.marker.size = keep.map((index) => source.marker.size[index]);
          if (phone) {
            trace.marker.sizeref = source.marker.sizeref / PHONE_BUBBLES ** 2;
            trace.marker.sizemin = source.marker.sizemin * PHONE_BUBBLES;
          }
        }
        trace.text = trace.ids.map((id, index) => (labels[id] ? trace.customdata[index][0] : ""));
        trace.textposition = trace.ids.map((id) => labels[id] || "top center");
        trace.textfont = {...trace.textfont, color: colours.light};
        if (trace.marker.color === "#000000") trace.marker.color = colours.fg;
        if (trace.meta.band === "sized") trace.marker.line = {...trace.marker.line, color: colours.bg};
        trace.showlegend = keep.length > 0 && !inLegend.has(trace.legendgroup);
        if (keep.length) inLegend.add(trace.legendgroup);
        if (touch.matches) trace.hovertemplate = trace.hovertemplate.replace(hint, tapHint);
        return trace;
      });
    }

    function composeLayout(data, colours) {
      const layout = clone(original.layout);
      const phone = gd.clientWidth < PHONE;
      const axisColours = {gridcolor: colours.lightest, linecolor: colours.lighter, tickcolor: colours.lighter,
                           zerolinecolor: colours.lightest};
      layout.font = {...layout.font, family: colours.font, color: colours.fg};
      layout.xaxis = {...layout.xaxis, ...axisColours};
      layout.yaxis = {...layout.yaxis, ...config.axes[state.scale], ...axisColours};
      layout.hoverlabel = {...layout.hoverlabel, bgcolor: colours.bg, bordercolor: colours.lighter,
                           font: {family: colours.font, color: colours.fg, size: 12}};
      layout.legend = {...layout.legend, font: {color: colours.fg}, bgcolor: "rgba(0,0,0,0)"};
      layout.modebar = {bgcolor: "rgba(0,0,0,0)", color: colours.lighter, activecolor: colours.fg};
      layout.shapes[0].line.color = colours.lighter;
      layout.annotations[0].font = {...layout.annotations[0].font, color: colours.light};
      layout.dragmode = touch.matches ? false : "zoom";
      if (phone) {
        layout.legend = {...layout.legend, orientation: "h", x: 0, xanchor: "left", y: -0.14, yanchor: "top"};
        layout.margin = {...layout.margin, l: 52, r: 8, b: 40};
        layout.height = 640;
        layout.xaxis = {...layout.xaxis, dtick: "M24"};
      }
      const lanes = new Set(data.filter((t) => t.meta.band === "undisclosed").flatMap((t) => t.y));
      if (lanes.size === 0) {
        layout.yaxis.domain = [0, 1];
        layout.yaxis2 = {...layout.yaxis2, visible: false};
        layout.shapes = [];
        layout.annotations = [];
      }
      if (!reduceMotion.matches) layout.transition = {duration: 250, easing: "cubic-in-out"};
      return layout;
    }

    function plotConfig() {
      return {
        displayModeBar: gd.clientWidth >= PHONE,
        responsive: true, displaylogo: false, showSendToCloud: false, showEditInChartStudio: false,
        locale: config.locale || "en", scrollZoom: false,
        modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines",
                                 "hoverClosestCartesian", "hoverCompareCartesian"],
        toImageButtonOptions: {format: "png", filename: config.filename, scale: 2},
      };
    }

    /* Where each name fits: beside its marker, inside the figure, clear of other names and markers. */
    function placeLabels() {
      const full = gd._fullLayout;
      if (!full || !full.xaxis) return {};
      const context = document.createElement("canvas").getContext("2d");
      context.font = `11px ${themeColours(root).font}`;
      const points = [];
      gd.calcdata.forEach((calc) => {
        const trace = calc[0].trace;
        const xa = full.xaxis;
        const ya = trace.yaxis === "y2" ? full.yaxis2 : full.yaxis;
        calc.forEach((point, index) => {
          const id = trace.ids[index];
          const x = xa._offset + xa.c2p(point.x);
          const y = ya._offset + ya.c2p(point.y);
          if (!isFinite(x) || !isFinite(y)) return;
          const name = plainText(trace.customdata[index][0]);
          const area = {l: xa._offset, r: xa._offset + xa._length, t: ya._offset, b: ya._offset + ya._length};
          points.push({id, x, y, area, r: point.mrc || (trace.marker.size / 2) || 4, band: trace.meta.band,
                       w: context.measureText(name).width + 2, size: trace.meta.band === "sized" ? point.y : Infinity});
        });
      });
      const boxes = points.map((p) => ({l: p.x - p.r * 0.7, r: p.x + p.r * 0.7, t: p.y - p.r * 0.7, b: p.y + p.r * 0.7}));
      const taken = [];
      const band = full.yaxis2;
      if (band && band.visible !== false && gd.layout.annotations.length) {  // the band's own label, top left
        context.font = `bold 11px ${themeColours(root).font}`;
        const width = context.measureText(plainText(gd.layout.annotations[0].text.replace(/<[^>]+>/g, ""))).width;
        taken.push({l: full.xaxis._offset, r: full.xaxis._offset + width + 8, t: band._offset, b: band._offset + 16});
      }
      const overlaps = (box) => [...taken, ...boxes].some((o) => box.l < o.r && box.r > o.l && box.t < o.b && box.b > o.t);
      const placed = {};
      const lineHeight = 13;
      const order = [...points].sort((a, b) => b.size - a.size);
      for (const p of order) {
        const own = boxes[points.indexOf(p)];
        const candidates = p.band === "undisclosed"
          ? ["middle right", "middle left", "top center", "bottom center"] : POSITIONS;
        for (const position of candidates) {
          const [vertical, horizontal] = position.split(" ");
          const gap = p.r + 2;
          const top = vertical === "top" ? p.y - gap - lineHeight : vertical === "bottom" ? p.y + gap
            : p.y - lineHeight / 2;
          const left = horizontal === "right" ? p.x + (vertical === "middle" ? gap : p.r * 0.3)
            : horizontal === "left" ? p.x - p.w - (vertical === "middle" ? gap : p.r * 0.3) : p.x - p.w / 2;
          const box = {l: left, r: left + p.w, t: top, b: top + lineHeight};
          if (box.l < p.area.l || box.r > p.area.r || box.t < p.area.t || box.b > p.area.b) continue;
          const index = boxes.indexOf(own);
          boxes.splice(index, 1);
          const clear = !overlaps(box);
          boxes.splice(index, 0, own);
          if (clear) {
            taken.push(box);
            placed[p.id] = position;
            break;
          }
        }
      }
      return placed;
    }

    function sameLabels(a, b) {
      const keys = Object.keys(a);
      return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
    }

    function render() {
      drawing = drawing.then(async () => {
        const colours = themeColours(root);
        let data = filteredData(colours);
        await window.Plotly.react(gd, data, composeLayout(data, colours), plotConfig());
        if (!gd.dataset.wired) { gd.dataset.wired = "true"; wirePlot(); }
        const next = placeLabels();
        if (!sameLabels(next, labels)) {
          labels = next;
          data = filteredData(colours);
          const layout = composeLayout(data, colours);
          delete layout.transition;
          await window.Plotly.react(gd, data, layout, plotConfig());
        }
        gd.querySelectorAll("svg").forEach((svg) => svg.setAttribute("aria-hidden", "true"));
        if (!root.dataset.ready) performance.mark("model-chart-drawn");  // read by benchmarks/chart_cost.py
        root.dataset.ready = "true";
      }).catch((error) => console.error("Figure 2:", error));
      return drawing;
    }

    function update() {
      showControls();
      writeState();
      const visible = Object.keys(config.models).filter(shown);
      status.textContent = config.strings.showing.replace("{shown}", visible.length).replace("{total}", total);
      for (const row of table.tBodies[0].rows) row.hidden = !shown(row.dataset.id);
      labels = {};
      return render();
    }

    function sortTable(header) {
      const ascending = header.getAttribute("aria-sort") !== "ascending";
      const column = header.cellIndex;
      const numeric = header.dataset.type === "number";
      const collator = new Intl.Collator(config.lang === "zh" ? "zh-Hans" : "en", {numeric: true});
      const body = table.tBodies[0];
      const value = (row) => row.cells[column].dataset.sortValue ?? row.cells[column].textContent.trim();
      const rows = [...body.rows].sort((a, b) => {
        const [va, vb] = [value(a), value(b)];
        if (va === "" || vb === "") return (va === "") - (vb === "");  // undisclosed sizes always last
        const order = numeric ? Number(va) - Number(vb) : collator.compare(va, vb);
        return ascending ? order : -order;
      });
      body.append(...rows);
      for (const th of table.tHead.rows[0].cells) th.removeAttribute("aria-sort");
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    }

    function makeSortable() {
      for (const th of table.tHead.rows[0].cells) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "model-chart__sort";
        button.append(...th.childNodes);
        th.append(button);
        button.addEventListener("click", () => sortTable(th));
      }
    }

    async function downloadImage(format) {
      const colours = themeColours(root);
      const layout = {...clone(gd.layout), paper_bgcolor: colours.bg, plot_bgcolor: colours.bg};
      delete layout.transition;
      try {
        await window.Plotly.downloadImage({data: clone(gd.data), layout, config: plotConfig()},
                                          {format, filename: config.filename, width: gd.clientWidth,
                                           height: gd.clientHeight, scale: format === "png" ? 2 : 1});
      } catch (error) {
        status.textContent = config.strings["download-failed"];
      }
    }

    async function copyLink(button) {
      const url = new URL(root.dataset.fullPage, window.location.href);
      url.search = window.location.search;
      await navigator.clipboard.writeText(url.href);
      const label = button.textContent;
      button.textContent = config.strings.copied;
      setTimeout(() => { button.textContent = label; }, 2000);
    }

    /* Plotly adds `on` to the plot element when it first draws. */
    function wirePlot() {
      gd.on("plotly_click", (event) => {
        const point = event.points && event.points[0];
        if (!point) return;
        const card = point.customdata[7];
        if (pointerType === "touch") {
          // Plotly reports one tap twice (touch, then the browser's compatibility mouse click): a tap counts
          // as the second only on the same point and a moment after the first.
          const now = Date.now();
          if (lastTap !== card) { lastTap = card; lastTapTime = now; return; }
          if (now - lastTapTime < 400) return;
        }
        window.open(card, linkTarget, linkTarget === "_blank" ? "noopener" : undefined);
      });
      gd.on("plotly_relayout", (change) => {
        if (Object.keys(change).some((key) => /axis.*range|autorange/.test(key))) { labels = {}; render(); }
      });
    }

    function wire() {
      gd.addEventListener("pointerdown", (event) => { pointerType = event.pointerType; }, true);
      for (const name of FILTERS) {
        controls.querySelector(`select[name="${name}"]`).addEventListener("change", (event) => {
          state = {...state, [name]: event.target.value};
          update();
        });
      }
      for (const radio of controls.querySelectorAll('input[name="model-chart-scale"]')) {
        radio.addEventListener("change", () => { state = {...state, scale: radio.value}; update(); });
      }
      controls.querySelector(".model-chart__reset").addEventListener("click", () => {
        state = {family: "", domain: "", arch: "", scale: "log"};
        update();
      });
      controls.querySelector(".model-chart__copy-link").addEventListener("click", (event) => copyLink(event.currentTarget));
      for (const button of root.querySelectorAll("[data-image-format]")) {
        button.addEventListener("click", () => downloadImage(button.dataset.imageFormat));
      }
      let resizeTimer;
      new ResizeObserver(() => {
        clearTimeout(resizeTimer);
        resizeTimer = setTimeout(() => { labels = {}; render(); }, 150);
      }).observe(root);
      new MutationObserver(() => render()).observe(document.body, {attributes: true, attributeFilter: ["data-md-color-scheme"]});
      window.addEventListener("popstate", () => { state = readState(); update(); });
    }

    controls.hidden = false;
    root.querySelectorAll("[data-needs-script]").forEach((element) => { element.hidden = false; });
    makeSortable();
    if (details && !new URLSearchParams(window.location.search).has("table")) details.open = false;
    wire();
    update();
  }

  function start() {
    if (!window.Plotly) return;
    document.querySelectorAll(".model-chart").forEach((root) => {
      if (!root.dataset.started) {
        root.dataset.started = "true";
        Chart(root);
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
