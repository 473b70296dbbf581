/* Figure 2: wires up the controls and the table at once, and draws the interactive Plotly figure over the
 * build-time preview only when it is wanted.
 *
 * Loaded (defer) only by overrides/components/model-chart.html. The traces, the views (ranges, ticks, labels per
 * frame, scale and layer: llm_medicine/chart_geometry.py), the filter facts of each model and the UI strings come
 * from the component's <script type="application/json" class="model-chart__config">, written at build time.
 *
 * - Plotly (1.2 MB) is loaded when the figure comes within a screen of the viewport as the reader scrolls,
 *   when the reader first touches, points at or focuses the figure or a control, or at once when the address
 *   asks for a view (a filter, ?later=1, #figure-2). Not with the page nor on idle: Lighthouse measured
 *   2-4 s of blocking time on a phone when Plotly loads with the page. Until then the preview is the figure; a control used before Plotly is ready
 *   changes the state at once (table, preview, address) and Plotly draws that state when it arrives.
 * - One state (family, domain, architecture, scale, later models) drives the chart, the table rows, the preview
 *   and the status line, and is kept in the page URL (?family=bert&scale=linear&later=1).
 * - Every redraw derives a new figure from the original (filter, theme, frame, view) and hands it to
 *   Plotly.react; nothing is mutated in place, so the order of events never matters.
 * - Colours come from Material's CSS variables and follow the palette toggle (data-md-color-scheme on body).
 * - Name labels are those placed at build time for the view (Plotly annotations at the preview's places).
 * - Touch: the first tap shows the hover label, a second tap on the same point opens the model card.
 * - Keyboard: the plot is focusable; arrow keys move from point to point (the hover label follows), Enter opens
 *   the card.
 */
(function () {
  "use strict";

  const FILTERS = ["family", "domain", "arch"];
  const SCALES = ["log", "linear"];
  const ANCHORS = {start: "left", middle: "center", end: "right"};
  const NEAR = "100% 0px";  // load Plotly when the figure is within a screen of the viewport
  let plotly = null;

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(script);
    });
  }

  function loadPlotly(root) {
    if (!plotly) {
      plotly = window.Plotly ? Promise.resolve() : loadScript(root.dataset.plotly)
        .then(() => (root.dataset.plotlyLocale ? loadScript(root.dataset.plotlyLocale) : null));
    }
    return plotly;
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
    const stage = root.querySelector(".model-chart__stage");
    const controls = root.querySelector(".model-chart__controls");
    const status = root.querySelector(".model-chart__status");
    const table = root.querySelector(".model-chart__table");
    const details = root.querySelector(".model-chart__data");
    const touch = window.matchMedia("(hover: none), (pointer: coarse)");  // hint wording and drag mode
    const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
    const linkTarget = root.dataset.linkTarget || "_self";
    let state = readState();
    let drawing = Promise.resolve();
    let wanted = false;
    let pending = null;  // a point touched in the preview before Plotly was ready: its hover label is shown then
    let lastTap = null;
    let lastTapTime = 0;
    let focusIndex = -1;
    let pointerType = "mouse";  // of the latest press: a first tap on a touch screen only shows the hover label

    function readState() {
      const params = new URLSearchParams(window.location.search);
      const next = {scale: SCALES.includes(params.get("scale")) ? params.get("scale") : "log",
                    later: params.get("later") === "1"};
      for (const name of FILTERS) {
        const select = controls.querySelector(`select[name="${name}"]`);
        const value = params.get(name) || "";
        next[name] = [...select.options].some((option) => option.value === value) ? value : "";
      }
      return next;
    }

    function isDefault() {
      return state.scale === "log" && !state.later && FILTERS.every((name) => !state[name]);
    }

    function writeState() {
      const url = new URL(window.location.href);
      for (const name of FILTERS) {
        if (state[name]) url.searchParams.set(name, state[name]); else url.searchParams.delete(name);
      }
      if (state.scale !== "log") url.searchParams.set("scale", state.scale); else url.searchParams.delete("scale");
      if (state.later) url.searchParams.set("later", "1"); else url.searchParams.delete("later");
      window.history.replaceState(window.history.state, "", url);
    }

    function showControls() {
      for (const name of FILTERS) controls.querySelector(`select[name="${name}"]`).value = state[name];
      for (const radio of controls.querySelectorAll('input[name="model-chart-scale"]')) {
        radio.checked = radio.value === state.scale;
      }
      controls.querySelector('input[name="later"]').checked = state.later;
    }

    function shown(id) {
      const model = config.models[id];
      return (state.later || !model.later) && (!state.family || model.family === state.family)
        && (!state.domain || model.domain === state.domain) && (!state.arch || model.arch === state.arch);
    }

    function frameName() {
      return gd.clientWidth < config.breakpoint ? "narrow" : "wide";
    }

    function currentView() {
      return config.views[frameName()][state.scale][state.later ? "all" : "review"];
    }

    function filteredData(colours, view) {
      const hint = escapeText(config.strings["click-hint"]);
      const tapHint = escapeText(config.strings["tap-hint"]);
      return original.data.map((source) => {
        const trace = clone(source);
        const keep = source.ids.map((id, index) => (shown(id) ? index : -1)).filter((index) => index >= 0);
        for (const key of ["x", "y", "ids", "customdata"]) trace[key] = keep.map((index) => source[key][index]);
        const colour = source.marker.color === "#000000" ? colours.fg : source.marker.color;
        const open = source.marker.symbol.includes("-open");
        trace.marker.color = open ? colour : withAlpha(colour, 0.35);
        trace.marker.line = {...trace.marker.line, color: colour};
        if (Array.isArray(source.marker.size)) {
          trace.marker.size = keep.map((index) => source.marker.size[index]);
          trace.marker.sizeref = view.sizeref;
          trace.marker.sizemin = view.sizemin;
        }
        if (touch.matches) trace.hovertemplate = trace.hovertemplate.replace(hint, tapHint);
        return trace;
      });
    }

    function labelAnnotations(data, view, colours) {
      const annotations = [];
      for (const trace of data) {
        trace.ids.forEach((id, index) => {
          const label = view.labels[id];
          if (!label) return;
          const [anchor, dx, dy] = label;
          const sized = trace.meta.band === "sized";
          const value = trace.y[index];
          annotations.push({
            xref: "x", yref: sized ? "y" : "y2", x: trace.x[index],
            y: sized ? (state.scale === "log" ? Math.log10(value) : value) : view.lanes.indexOf(value),
            text: trace.customdata[index][0], showarrow: false, xanchor: ANCHORS[anchor], yanchor: "middle",
            xshift: dx, yshift: -dy, borderpad: 0, font: {size: 11, color: colours.light},
            name: `label-${id}`,
          });
        });
      }
      return annotations;
    }

    function composeLayout(data, view, colours) {
      const layout = clone(original.layout);
      const frame = config.frames[frameName()];
      const axisColours = {gridcolor: colours.lightest, linecolor: colours.lighter, tickcolor: colours.lighter,
                           zerolinecolor: colours.lightest};
      layout.height = frame.height;
      layout.margin = {...frame.margin, pad: 0, autoexpand: false};
      layout.font = {...layout.font, family: colours.font, color: colours.fg};
      layout.xaxis = {...layout.xaxis, ...view.x, ...axisColours, tickfont: {size: 12}};
      layout.yaxis = {...layout.yaxis, ...view.y, ...axisColours, tickfont: {size: 12}};
      layout.yaxis2 = {...layout.yaxis2, categoryarray: view.lanes, range: view.lane_range, visible: view.band};
      layout.hoverlabel = {...layout.hoverlabel, bgcolor: colours.bg, bordercolor: colours.lighter,
                           font: {family: colours.font, color: colours.fg, size: 12}};
      layout.modebar = {bgcolor: "rgba(0,0,0,0)", color: colours.lighter, activecolor: colours.fg};
      layout.dragmode = touch.matches ? false : "zoom";
      const shown = data.some((trace) => trace.meta.band === "undisclosed" && trace.ids.length);
      if (view.band && shown) {
        layout.shapes.push({type: "rect", xref: "paper", yref: "y2 domain", x0: 0, x1: 1, y0: 0, y1: 1,
                            layer: "below", line: {width: 1, dash: "dot", color: colours.lighter},
                            fillcolor: "rgba(127,127,127,0.08)"});
        layout.annotations.push({xref: "paper", yref: "y2 domain", x: 0, y: 1, xanchor: "left", yanchor: "top",
                                 showarrow: false, align: "left", font: {size: 11, color: colours.light},
                                 text: `<b>${escapeText(config.strings["band-undisclosed"])}</b>`});
      } else {
        layout.yaxis.domain = [0, 1];
        layout.yaxis2.visible = false;
      }
      if (view.cutoff !== null) {
        layout.shapes.push({type: "line", xref: "paper", yref: "paper", x0: view.cutoff, x1: view.cutoff, y0: 0,
                            y1: 1, line: {width: 1.5, dash: "dash", color: colours.light}});
        layout.annotations.push({xref: "paper", yref: "paper", x: view.cutoff, y: view.plot_top, xanchor: "center",
                                 yanchor: "bottom", showarrow: false, borderpad: 0, yshift: 1,
                                 font: {size: 11, color: colours.light}, text: view.cutoff_tag, name: "cutoff"});
      }
      layout.annotations.push(...labelAnnotations(data, view, colours));
      if (!reduceMotion.matches) layout.transition = {duration: 250, easing: "cubic-in-out"};
      return layout;
    }

    function plotConfig() {
      return {
        displayModeBar: gd.clientWidth >= config.breakpoint,
        responsive: true, displaylogo: false, showSendToCloud: false, showEditInChartStudio: false,
        locale: config.locale || "en", scrollZoom: false,
        modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines",
                                 "hoverClosestCartesian", "hoverCompareCartesian"],
        toImageButtonOptions: {format: "png", filename: config.filename, scale: 2},
      };
    }

    function render() {
      if (!window.Plotly) return drawing;
      drawing = drawing.then(async () => {
        const colours = themeColours(root);
        const view = currentView();
        const data = filteredData(colours, view);
        const layout = composeLayout(data, view, colours);
        if (!root.dataset.ready) delete layout.transition;
        await window.Plotly.react(gd, data, layout, plotConfig());
        if (!gd.dataset.wired) { gd.dataset.wired = "true"; wirePlot(); }
        gd.querySelectorAll("svg").forEach((svg) => svg.setAttribute("aria-hidden", "true"));
        if (!root.dataset.ready) performance.mark("model-chart-drawn");  // read by benchmarks/chart_cost.py
        root.dataset.ready = "true";
        if (pending) { hoverPoint(pending); pending = null; }
      }).catch((error) => console.error("Figure 2:", error));
      return drawing;
    }

    function want() {
      if (wanted) return;
      wanted = true;
      loadPlotly(root).then(render).catch((error) => console.error("Figure 2:", error));
    }

    function showPreview() {
      if (!root.querySelector(".is-filtered") && FILTERS.every((name) => !state[name])) return;
      for (const element of root.querySelectorAll(".mcp-point, .mcp-label")) {
        element.classList.toggle("is-filtered", !shown(element.dataset.id));
      }
    }

    function update() {
      showControls();
      writeState();
      const visible = Object.keys(config.models).filter(shown);
      const total = Object.keys(config.models).filter((id) => state.later || !config.models[id].later).length;
      status.textContent = config.strings.showing.replace("{shown}", visible.length).replace("{total}", total);
      for (const row of table.tBodies[0].rows) row.hidden = !shown(row.dataset.id);
      if (state.later) root.dataset.later = "true"; else delete root.dataset.later;
      showPreview();
      if (!isDefault()) want();
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
      await loadPlotly(root);
      want();
      await render();
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

    /* The visible points in reading order (left to right), as Plotly indexes them. */
    function pointList() {
      const list = [];
      gd.data.forEach((trace, curveNumber) => trace.ids.forEach((id, pointNumber) => {
        list.push({id, curveNumber, pointNumber, x: trace.x[pointNumber]});
      }));
      return list.sort((a, b) => (a.x < b.x ? -1 : a.x > b.x ? 1 : 0));
    }

    function hoverPoint(id) {
      const point = pointList().find((p) => p.id === id);
      if (point) {
        const subplot = gd.data[point.curveNumber].yaxis === "y2" ? "xy2" : "xy";
        window.Plotly.Fx.hover(gd, [{curveNumber: point.curveNumber, pointNumber: point.pointNumber}], subplot);
      }
      return point;
    }

    function openCard(point) {
      const card = gd.data[point.curveNumber].customdata[point.pointNumber][7];
      window.open(card, linkTarget, linkTarget === "_blank" ? "noopener" : undefined);
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
      gd.tabIndex = 0;
      gd.addEventListener("keydown", (event) => {
        const list = pointList();
        if (!list.length) return;
        if (["ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp", "Home", "End"].includes(event.key)) {
          event.preventDefault();
          const step = event.key === "ArrowRight" || event.key === "ArrowDown" ? 1 : -1;
          focusIndex = event.key === "Home" ? 0 : event.key === "End" ? list.length - 1
            : (Math.max(focusIndex, step > 0 ? -1 : 0) + step + list.length) % list.length;
          hoverPoint(list[focusIndex].id);
        } else if (event.key === "Enter" && focusIndex >= 0 && list[focusIndex]) {
          openCard(list[focusIndex]);
        } else if (event.key === "Escape") {
          window.Plotly.Fx.unhover(gd);
        }
      });
    }

    function wire() {
      root.addEventListener("pointerdown", (event) => { pointerType = event.pointerType; }, true);
      for (const type of ["pointerover", "focusin", "touchstart"]) {
        root.addEventListener(type, want, {passive: true, once: true});
      }
      // A point of the preview: a click or Enter opens the card (as on the Plotly figure); a tap shows that
      // point's hover label once Plotly has drawn (a second tap then opens the card, as on the Plotly figure).
      root.addEventListener("click", (event) => {
        const link = event.target.closest && event.target.closest(".mcp-point");
        if (!link || pointerType !== "touch" || event.detail === 0) return;
        event.preventDefault();
        pending = link.dataset.id;
        want();
        if (root.dataset.ready) render();
      });
      for (const name of FILTERS) {
        controls.querySelector(`select[name="${name}"]`).addEventListener("change", (event) => {
          state = {...state, [name]: event.target.value};
          update();
        });
      }
      for (const radio of controls.querySelectorAll('input[name="model-chart-scale"]')) {
        radio.addEventListener("change", () => { state = {...state, scale: radio.value}; update(); });
      }
      controls.querySelector('input[name="later"]').addEventListener("change", (event) => {
        state = {...state, later: event.target.checked};
        update();
      });
      controls.querySelector(".model-chart__reset").addEventListener("click", () => {
        state = {family: "", domain: "", arch: "", scale: "log", later: false};
        update();
      });
      controls.querySelector(".model-chart__copy-link").addEventListener("click", (event) => copyLink(event.currentTarget));
      for (const button of root.querySelectorAll("[data-image-format]")) {
        button.addEventListener("click", () => downloadImage(button.dataset.imageFormat));
      }
      let frame = frameName();
      new ResizeObserver(() => {
        if (frameName() !== frame) { frame = frameName(); render(); }
      }).observe(stage);
      new MutationObserver(() => render()).observe(document.body, {attributes: true, attributeFilter: ["data-md-color-scheme"]});
      window.addEventListener("popstate", () => { state = readState(); update(); });
      if ("IntersectionObserver" in window) {
        // A figure already in view when the page opens (an embed, a tall screen) is the preview until the reader
        // touches it: loading Plotly with the page would block the page for seconds on a phone.
        // Read where the figure is in the first frame, when the browser lays the page out anyway (reading it
        // now would force an extra layout of the whole page while it loads).
        requestAnimationFrame(() => {
          const box = stage.getBoundingClientRect();
          let armed = box.top > 2 * window.innerHeight || box.bottom < -window.innerHeight;
          const observer = new IntersectionObserver((entries) => {
            if (!entries.some((entry) => entry.isIntersecting)) armed = true;
            else if (armed) { observer.disconnect(); want(); }
          }, {rootMargin: NEAR});
          observer.observe(stage);
        });
      } else {
        want();
      }
    }

    controls.hidden = false;
    root.querySelectorAll("[data-needs-script]").forEach((element) => { element.hidden = false; });
    makeSortable();
    if (details && !new URLSearchParams(window.location.search).has("table")) details.open = false;
    wire();
    if (/^#(figure-2|model-chart)$/.test(window.location.hash)) want();
    update();
  }

  function start() {
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
