/* Figure 2, the interactive figure: composes the Plotly figure of the current view and draws it over the
 * build-time preview; hover labels, clicks, taps and the keyboard on the plot; image downloads.
 *
 * Loaded by model-chart.js after the vendored Plotly, only when the reader wants the interactive figure; it
 * registers `window.ModelChartPlot(root, chart)`, where `chart` gives the build-time config, the current state,
 * which models are shown and which frame (narrow, wide) the box is in.
 *
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

  const ANCHORS = {start: "left", middle: "center", end: "right"};

  const {escapeText, wrapLabel, tapGate, clone, withAlpha, themeColours} = window.FigureKit;
  const NARROW_LABEL = 34;  // characters per line of a hover label on a narrow frame (a phone)

  window.ModelChartPlot = function (root, chart) {
    const config = chart.config;
    const original = config.figure;
    const gd = root.querySelector(".model-chart__plot");
    const status = root.querySelector(".model-chart__status");
    const touch = window.matchMedia("(hover: none), (pointer: coarse)");  // hint wording and drag mode
    const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
    const linkTarget = root.dataset.linkTarget || "_self";
    const shown = chart.shown;
    const frameName = chart.frameName;
    let drawing = Promise.resolve();
    let focusIndex = -1;
    const follows = tapGate(gd);

    function currentView() {
      const state = chart.state();
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
        // On a phone a long family name or source title would push the hover label off the screen: wrapped.
        if (frameName() === "narrow") {
          trace.customdata = trace.customdata.map((row) => row.map((value, index) => (index === 0 || index === 7 ? value : wrapLabel(value, NARROW_LABEL))));
        }
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
            y: sized ? (chart.state().scale === "log" ? Math.log10(value) : value) : view.lanes.indexOf(value),
            text: trace.customdata[index][0], showarrow: false, xanchor: ANCHORS[anchor], yanchor: "middle",
            xshift: dx, yshift: -dy, borderpad: 0, font: {size: 11, color: colours.light},
            // Where the names cannot all avoid the review's cut-off line (a phone, with the later models), a name
            // that crosses it is drawn on the page's colour, which hides the line under the name.
            ...(view.cutoff !== null && {bgcolor: colours.bg}),
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

    const plotConfig = () => window.FigureKit.plotConfig(gd, config);

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
      }).catch((error) => console.error("Figure 2:", error));
      return drawing;
    }

    async function downloadImage(format) {
      await drawing;
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
        if (!follows(card)) return;
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

    return {render, hoverPoint, downloadImage};
  };
})();
