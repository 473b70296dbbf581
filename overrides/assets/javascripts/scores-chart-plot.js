/* The scores figure, interactive: composes the Plotly figure of the chosen series and frame and draws it over
 * the build-time preview; hover labels, clicks, taps and the keyboard on the plot; image downloads.
 *
 * Loaded by scores-chart.js after the vendored Plotly, only when the reader wants the interactive figure; it
 * registers `window.ScoresChartPlot(root, chart)`, where `chart` gives the build-time config, the chosen series
 * and the frame (narrow, wide) the box is in.
 *
 * - Every redraw derives a new figure from the original (series, theme, frame) and hands it to Plotly.react.
 * - Marker colours are the stylesheet's --sc-* variables (one per setting class, light and dark), read from
 *   the page, so the figure follows the palette toggle as the preview does.
 * - Names are those placed at build time for the series and frame; the review's cut-off is a dashed line with its
 *   tag, and the pass mark (where a primary source gives one) a dotted line the legend explains.
 * - Touch: the first tap shows the hover label, a second tap on the same point opens the result; keyboard: the
 *   plot is focusable, arrow keys move from point to point, Enter opens the result.
 */
(function () {
  "use strict";

  const {escapeText, wrapLabel, tapGate, clone, withAlpha, themeColours} = window.FigureKit;
  const NARROW_LABEL = 34;  // characters per line of a hover label on a narrow frame (a phone)
  const ANCHORS = {start: "left", middle: "center", end: "right"};
  const CLASSES = ["zero-shot", "few-shot", "combined", "retrieval", "fine-tuned", "not-stated"];

  window.ScoresChartPlot = function (root, chart) {
    const config = chart.config;
    const original = config.figure;
    const gd = root.querySelector(".scores-chart__plot");
    const status = root.querySelector(".scores-chart__status");
    const touch = window.matchMedia("(hover: none), (pointer: coarse)");
    const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
    const linkTarget = root.dataset.linkTarget || "_self";
    let drawing = Promise.resolve();
    let focusIndex = -1;
    const follows = tapGate(gd);

    function colours() {
      return themeColours(root, Object.fromEntries(CLASSES.map((name) => [name, `--sc-${name}`])));
    }

    function view() {
      return config.views[chart.frameName()][chart.series()];
    }

    function seriesData(theme) {
      const shown = new Set(config.series[chart.series()]);
      const hint = escapeText(config.strings["click-hint"]);
      const tapHint = escapeText(config.strings["tap-hint"]);
      const size = config.marker[chart.frameName()];
      return original.data.map((source) => {
        const trace = clone(source);
        const keep = source.ids.map((id, index) => (shown.has(id) ? index : -1)).filter((index) => index >= 0);
        for (const key of ["x", "y", "ids", "customdata"]) trace[key] = keep.map((index) => source[key][index]);
        const colour = theme[source.meta.class];
        const open = source.marker.symbol.endsWith("-open");
        trace.marker = {...trace.marker, size, color: open ? colour : withAlpha(colour, 0.35),
                        line: {...trace.marker.line, color: colour}};
        if (touch.matches) trace.hovertemplate = trace.hovertemplate.replace(hint, tapHint);
        if (chart.frameName() === "narrow") {  // long reporters and titles wrapped, so the label stays on screen
          trace.customdata = trace.customdata.map((row) => row.map((value, index) => (index === 0 || index === 6 ? value : wrapLabel(value, NARROW_LABEL))));
        }
        return trace;
      });
    }

    function labels(data, current, theme) {
      const annotations = [];
      for (const trace of data) {
        trace.ids.forEach((id, index) => {
          const label = current.labels[id];
          if (!label) return;
          const [anchor, dx, dy] = label;
          annotations.push({
            xref: "x", yref: "y", x: trace.x[index], y: trace.y[index], text: trace.customdata[index][0],
            showarrow: false, xanchor: ANCHORS[anchor], yanchor: "middle", xshift: dx, yshift: -dy, borderpad: 0,
            font: {size: 11, color: theme.light}, name: `label-${id}`,
          });
        });
      }
      return annotations;
    }

    function composeLayout(data, current, theme) {
      const layout = clone(original.layout);
      const frame = config.frames[chart.frameName()];
      const axis = {gridcolor: theme.lightest, linecolor: theme.lighter, tickcolor: theme.lighter,
                    zerolinecolor: theme.lightest, tickfont: {size: 12}};
      layout.height = frame.height;
      layout.margin = {...frame.margin, pad: 0, autoexpand: false};
      layout.font = {...layout.font, family: theme.font, color: theme.fg};
      layout.xaxis = {...layout.xaxis, ...current.x, ...axis};
      layout.yaxis = {...layout.yaxis, ...current.y, ...axis};
      layout.hoverlabel = {...layout.hoverlabel, bgcolor: theme.bg, bordercolor: theme.lighter,
                           font: {family: theme.font, color: theme.fg, size: 12}};
      layout.modebar = {bgcolor: "rgba(0,0,0,0)", color: theme.lighter, activecolor: theme.fg};
      layout.dragmode = touch.matches ? false : "zoom";
      const tag = {showarrow: false, borderpad: 0, font: {size: 11, color: theme.light}};
      layout.shapes.push({type: "line", xref: "paper", yref: "paper", x0: current.cutoff, x1: current.cutoff,
                          y0: 0, y1: 1, line: {width: 1.5, dash: "dash", color: theme.light}});
      layout.annotations.push({...tag, xref: "paper", yref: "paper", x: current.cutoff, y: 1, xanchor: "center",
                               yanchor: "bottom", yshift: 1, text: escapeText(config.strings["cutoff-tag"]),
                               name: "cutoff"});
      if (current.pass_mark !== null) {
        layout.shapes.push({type: "line", xref: "paper", yref: "y", x0: 0, x1: 1, y0: current.pass_mark,
                            y1: current.pass_mark, line: {width: 1.5, dash: "dot", color: theme.fg}});
      }
      layout.annotations.push(...labels(data, current, theme));
      if (!reduceMotion.matches) layout.transition = {duration: 250, easing: "cubic-in-out"};
      return layout;
    }

    const plotConfig = () => window.FigureKit.plotConfig(gd, config);

    function render() {
      if (!window.Plotly) return drawing;
      drawing = drawing.then(async () => {
        const theme = colours();
        const current = view();
        const data = seriesData(theme);
        const layout = composeLayout(data, current, theme);
        if (!root.dataset.ready) delete layout.transition;
        await window.Plotly.react(gd, data, layout, plotConfig());
        if (!gd.dataset.wired) { gd.dataset.wired = "true"; wirePlot(); }
        gd.querySelectorAll("svg").forEach((svg) => svg.setAttribute("aria-hidden", "true"));
        root.dataset.ready = "true";
      }).catch((error) => console.error("Scores figure:", error));
      return drawing;
    }

    async function downloadImage(format) {
      await drawing;
      const theme = colours();
      const layout = {...clone(gd.layout), paper_bgcolor: theme.bg, plot_bgcolor: theme.bg};
      delete layout.transition;
      try {
        await window.Plotly.downloadImage({data: clone(gd.data), layout, config: plotConfig()},
                                          {format, filename: config.filename, width: gd.clientWidth,
                                           height: gd.clientHeight, scale: format === "png" ? 2 : 1});
      } catch (error) {
        status.textContent = config.strings["download-failed"];
      }
    }

    function pointList() {
      const list = [];
      gd.data.forEach((trace, curveNumber) => trace.ids.forEach((id, pointNumber) => {
        list.push({id, curveNumber, pointNumber, x: trace.x[pointNumber]});
      }));
      return list.sort((a, b) => (a.x < b.x ? -1 : a.x > b.x ? 1 : 0));
    }

    function hoverPoint(id) {
      const point = pointList().find((p) => p.id === id);
      if (point) window.Plotly.Fx.hover(gd, [{curveNumber: point.curveNumber, pointNumber: point.pointNumber}]);
      return point;
    }

    function open(address) {
      window.open(address, linkTarget, linkTarget === "_blank" ? "noopener" : undefined);
    }

    function wirePlot() {
      gd.on("plotly_click", (event) => {
        const point = event.points && event.points[0];
        if (!point) return;
        const address = point.customdata[6];
        if (follows(address)) open(address);
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
          const point = list[focusIndex];
          open(gd.data[point.curveNumber].customdata[point.pointNumber][6]);
        } else if (event.key === "Escape") {
          window.Plotly.Fx.unhover(gd);
        }
      });
    }

    return {render, hoverPoint, downloadImage};
  };
})();
