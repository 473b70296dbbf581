/* The scores figure: the series picker, the table and the address at once; the interactive figure drawn over the
 * build-time preview only when it is wanted (as Figure 2: see model-chart.js).
 *
 * Loaded (defer), after figure-kit.js, only by overrides/components/scores-chart.html. The traces, the views (per
 * frame and series: ranges, ticks, name labels, the cut-off and pass-mark lines; llm_medicine/results_chart.py) and
 * the UI strings come from the component's <script type="application/json" class="scores-chart__config">.
 *
 * - One state, the series (a benchmark and its variant), drives the preview shown, the summary, the table rows,
 *   the status line and the figure, and is kept in the address (?benchmark=medmcqa&variant=dev).
 * - Plotly and scores-chart-plot.js load when the figure comes within a screen of the viewport, when the reader
 *   touches, points at or focuses it, or at once when the address asks for the figure (#scores-figure) or another
 *   series. Until then the build-time drawing of the first series is the figure; another series waits for Plotly.
 */
(function () {
  "use strict";

  const kit = window.FigureKit;

  function Chart(root) {
    const config = JSON.parse(root.querySelector(".scores-chart__config").textContent);
    const gd = root.querySelector(".scores-chart__plot");
    const box = root.querySelector(".scores-chart__box");
    const controls = root.querySelector(".scores-chart__controls");
    const select = controls.querySelector('select[name="series"]');
    const status = root.querySelector(".scores-chart__status");
    const table = root.querySelector(".scores-chart__table");
    const details = root.querySelector(".scores-chart__data");
    const tableSummary = details.querySelector("summary");
    let series = readSeries();
    let plot = null;
    let wanted = false;
    let pending = null;
    let pointerType = "mouse";

    function readSeries() {
      const params = new URLSearchParams(window.location.search);
      const asked = `${params.get("benchmark")}/${params.get("variant")}`;
      return asked in config.series ? asked : config.default;
    }

    function writeSeries() {
      const url = new URL(window.location.href);
      if (series === config.default) {
        url.searchParams.delete("benchmark");
        url.searchParams.delete("variant");
      } else {
        const [benchmark, variant] = series.split("/");
        url.searchParams.set("benchmark", benchmark);
        url.searchParams.set("variant", variant);
      }
      window.history.replaceState(window.history.state, "", url);
    }

    function frameName() {
      return box.clientWidth < config.breakpoint ? "narrow" : "wide";
    }

    function want() {
      if (wanted) return plot ? Promise.resolve() : kit.loadPlotly(root, "ScoresChartPlot").then(render);
      wanted = true;
      return kit.loadPlotly(root, "ScoresChartPlot").then(render).catch((error) => console.error("Scores figure:", error));
    }

    async function render() {
      if (!window.ScoresChartPlot) return;
      if (!plot) plot = window.ScoresChartPlot(root, {config, series: () => series, frameName});
      await plot.render();
      if (pending) { plot.hoverPoint(pending); pending = null; }
    }

    function update() {
      select.value = series;
      writeSeries();
      root.dataset.series = series;
      const ids = config.series[series];
      for (const element of root.querySelectorAll(".scores-chart__stage, .scores-chart__summary, .scores-chart__legend [data-series]")) {
        kit.setHidden(element, element.dataset.series !== series);
      }
      // Only the first series is drawn at build time: another waits for Plotly, with a line saying so.
      if (series !== config.default) root.dataset.waiting = "true"; else delete root.dataset.waiting;
      for (const row of table.tBodies[0].rows) kit.setHidden(row, row.dataset.series !== series);
      kit.setText(status, config.strings.showing.replace("{count}", ids.length).replace("{series}", config.names[series]));
      kit.setText(tableSummary, config.strings["table-toggle"].replace("{count}", ids.length));
      if (series !== config.default) want();
      return render();
    }

    function wire() {
      root.addEventListener("pointerdown", (event) => { pointerType = event.pointerType; }, true);
      for (const type of ["pointerover", "focusin", "touchstart"]) {
        root.addEventListener(type, want, {passive: true, once: true});
      }
      // A point of the preview: a click or Enter opens its result; a tap shows its hover label once Plotly has
      // drawn (a second tap then opens it, as on the Plotly figure).
      root.addEventListener("click", (event) => {
        const link = event.target.closest && event.target.closest(".mcp-point");
        if (!link || pointerType !== "touch" || event.detail === 0) return;
        event.preventDefault();
        pending = link.dataset.id;
        want();
        if (root.dataset.ready) render();
      });
      select.addEventListener("change", () => { series = select.value; update(); });
      controls.querySelector(".scores-chart__reset").addEventListener("click", () => {
        series = config.default;
        update();
      });
      controls.querySelector(".scores-chart__copy-link").addEventListener("click", (event) => {
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
      }).observe(box);
      new MutationObserver(() => render()).observe(document.body, {attributes: true, attributeFilter: ["data-md-color-scheme"]});
      window.addEventListener("popstate", () => { series = readSeries(); update(); });
      kit.whenNear(box, want);
    }

    controls.hidden = false;
    root.querySelectorAll("[data-needs-script]").forEach((element) => { element.hidden = false; });
    kit.makeSortable(table, config.lang, "model-chart__sort");
    if (new URLSearchParams(window.location.search).has("table")) details.open = true;
    wire();
    if (/^#(scores-figure|scores-chart)$/.test(window.location.hash)) want();
    update();
  }

  kit.startAll(".scores-chart", Chart);
})();
