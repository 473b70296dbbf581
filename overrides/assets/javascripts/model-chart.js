/* Figure 2: wires up the controls and the table at once, and has the interactive figure drawn over the
 * build-time preview only when it is wanted.
 *
 * Loaded (defer) only by overrides/components/model-chart.html. The traces, the views (ranges, ticks, labels per
 * frame, scale and layer: llm_medicine/chart_geometry.py), the filter facts of each model and the UI strings come
 * from the component's <script type="application/json" class="model-chart__config">, written at build time.
 *
 * - Plotly (1.2 MB) and model-chart-plot.js, which draws with it, are loaded when the figure comes within a
 *   screen of the viewport as the reader scrolls, when the reader first touches, points at or focuses the
 *   figure or a control, or at once when the address asks for a view (a filter, ?later=1, #figure-2). Not with
 *   the page nor on idle: Lighthouse measured 2-4 s of blocking time on a phone when Plotly loads with the page.
 *   Until then the preview is the figure; a control used before Plotly is ready changes the state at once
 *   (table, preview, address) and the figure is drawn in that state when Plotly arrives.
 * - One state (family, domain, architecture, scale, later models) drives the chart, the table rows, the preview
 *   and the status line, and is kept in the page URL (?family=bert&scale=linear&later=1).
 */
(function () {
  "use strict";

  const FILTERS = ["family", "domain", "arch"];
  const SCALES = ["log", "linear"];
  const kit = window.FigureKit;

  function Chart(root) {
    const config = JSON.parse(root.querySelector(".model-chart__config").textContent);
    const gd = root.querySelector(".model-chart__plot");
    const stage = root.querySelector(".model-chart__stage");
    const controls = root.querySelector(".model-chart__controls");
    const status = root.querySelector(".model-chart__status");
    const table = root.querySelector(".model-chart__table");
    const details = root.querySelector(".model-chart__data");
    const tableSummary = root.querySelector(".model-chart__data > summary");
    let state = readState();
    let plot = null;  // the interactive figure, once Plotly is here
    let wanted = false;
    let pending = null;  // a point touched in the preview before Plotly was ready: its hover label is shown then
    let pointerType = "mouse";  // of the latest press

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

    function want() {
      if (wanted) return plot ? Promise.resolve() : kit.loadPlotly(root, "ModelChartPlot").then(render);
      wanted = true;
      return kit.loadPlotly(root, "ModelChartPlot").then(render).catch((error) => console.error("Figure 2:", error));
    }

    async function render() {
      if (!window.ModelChartPlot) return;
      if (!plot) plot = window.ModelChartPlot(root, {config, state: () => state, shown, frameName});
      await plot.render();
      if (pending) { plot.hoverPoint(pending); pending = null; }
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
      kit.setText(status, config.strings.showing.replace("{shown}", visible.length).replace("{total}", total));
      for (const row of table.tBodies[0].rows) kit.setHidden(row, !shown(row.dataset.id));
      kit.setText(tableSummary, config.strings["table-toggle"].replace("{count}", visible.length));
      if (state.later) root.dataset.later = "true"; else delete root.dataset.later;
      showPreview();
      if (!isDefault()) want();
      return render();
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
      controls.querySelector(".model-chart__copy-link").addEventListener("click", (event) => {
        kit.copyLink(event.currentTarget, root.dataset.fullPage, config.strings.copied);
      });
      for (const button of root.querySelectorAll("[data-image-format]")) {
        button.addEventListener("click", async () => {
          await want();
          plot.downloadImage(button.dataset.imageFormat);
        });
      }
      let frame = frameName();
      new ResizeObserver(() => {
        if (frameName() !== frame) { frame = frameName(); render(); }
      }).observe(stage);
      new MutationObserver(() => render()).observe(document.body, {attributes: true, attributeFilter: ["data-md-color-scheme"]});
      window.addEventListener("popstate", () => { state = readState(); update(); });
      kit.whenNear(stage, want);
    }

    controls.hidden = false;
    root.querySelectorAll("[data-needs-script]").forEach((element) => { element.hidden = false; });
    kit.makeSortable(table, config.lang, "model-chart__sort");
    if (details && new URLSearchParams(window.location.search).has("table")) details.open = true;
    wire();
    if (/^#(figure-2|model-chart)$/.test(window.location.hash)) want();
    update();
  }

  kit.startAll(".model-chart", Chart);
})();
