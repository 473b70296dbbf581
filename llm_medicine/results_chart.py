"""The scores figure, the site's and not the review's: reported accuracy on one benchmark over time.

Handles no MkDocs event: `PageMacros.scores_chart()` calls `chart_context()` and renders
`overrides/components/scores-chart.html`; `chart_downloads.py` writes the results' downloads from
`results.download_rows()`.

- One point per result (data/results.yml), at the date its source reported it. The reader picks the series (one
  variant of one benchmark, `results.all_series`); two variants never share an axis.
- Points are never joined by lines: results under different settings are not comparable, and a line would say
  they are. The marker shape and colour give the setting's class (`Result.setting_class`), the fill who reported
  it (filled: the model's developer; hollow: others), so both read without hovering; the legend says so.
- The review's cut-off is a dashed vertical line; a pass mark is a horizontal line only where the variant has
  one from a primary source (`BenchmarkVariant.pass_mark`).
- As for Figure 2 (`chart.py`), one figure definition feeds both the build-time preview (the series the figure
  opens on, in each frame) and the Plotly figure that `scores-chart-plot.js` draws over it; the frames, margins and
  label places are computed here, so a point sits where Plotly draws it. Every string that reaches Plotly is
  HTML-escaped.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from llm_medicine import chart, formatting, results
from llm_medicine import chart_geometry as geometry
from llm_medicine.schema import REVIEW_CUTOFF, SETTING_CLASSES, ReleaseDate

SCRIPT = "assets/javascripts/scores-chart.js"
PLOT_SCRIPT = "assets/javascripts/scores-chart-plot.js"
FRAMES = (
    geometry.Frame("narrow", 300, 440, 46, 12, 26, 42, 1.0, 1),
    geometry.Frame("wide", 600, 480, 56, 20, 30, 46, 1.0, 1),
)
BREAKPOINT = FRAMES[1].min_width
MARKER_PX = {"narrow": 9, "wide": 11}
MARGIN_DAYS = 100
Y_STEP = 10

# One shape per setting class (and the colour given by the stylesheet's --sc-* variables, light and dark): from
# the bare model to the most added. Filled for the developer's own report, hollow ("-open") for others'.
SYMBOLS = {"zero-shot": "circle", "few-shot": "square", "combined": "diamond", "retrieval": "triangle-up",
           "fine-tuned": "star", "not-stated": "cross"}
# The light palette's colours, for Plotly's first draw and image downloads; the page swaps in the theme's.
COLOURS = {"zero-shot": "#0072B2", "few-shot": "#C4480C", "combined": "#00795A", "retrieval": "#A0418A",
           "fine-tuned": "#5C5C5C", "not-stated": "#8A6D00"}
REPORTERS = ("developer", "independent")


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


@dataclass
class SeriesView:
    """One series in one frame: axis ranges and ticks, every point's place, the names that fit, the lines."""

    series: results.Series
    frame: geometry.Frame
    x_range: list[str]
    x_ticks: list[tuple[float, dt.date]]
    y_range: list[float]
    y_ticks: list[tuple[float, int]]
    points: list[tuple[str, float, float]]
    labels: dict[str, tuple[str, float, float]]
    cutoff: float | None
    pass_mark: float | None


def _x_ticks(first: dt.date, last: dt.date, frame: geometry.Frame) -> list[dt.date]:
    """Years, and half-years too when the span is short, never too close to an end of the axis."""
    months = (1, 7) if (last - first).days < 3 * 365 else (1,)
    ticks = [dt.date(year, month, 1) for year in range(first.year, last.year + 1) for month in months]
    if len(months) == 1 and frame.year_step > 1:
        ticks = [day for day in ticks if day.year % frame.year_step == 0]
    span = (last - first).days
    return [day for day in ticks if 0.04 < (day - first).days / span < 0.96]


def series_view(series: results.Series, frame: geometry.Frame, names: dict[str, str], cutoff_tag: str) -> SeriesView:
    dates = [r.date.as_date for r in series.results] + [REVIEW_CUTOFF]
    first = min(dates) - dt.timedelta(days=MARGIN_DAYS)
    last = max(dates) + dt.timedelta(days=MARGIN_DAYS)
    span = (last - first).days
    lowest = min(r.score for r in series.results)
    pass_mark = series.variant.pass_mark
    if pass_mark is not None:
        lowest = min(lowest, pass_mark.score)
    y0 = max(0, (int(lowest) - 5) // Y_STEP * Y_STEP)
    y_range = [float(y0), 100.0]

    def fx(day: dt.date) -> float:
        return (day - first).days / span

    def fy(score: float) -> float:  # from the top of the plot area
        return 1 - (score - y0) / (100 - y0)

    ticks = _x_ticks(first, last, frame)
    area_w = frame.min_width - frame.left - frame.right
    area_h = frame.height - frame.top - frame.bottom
    points = [(r.id, fx(r.date.as_date), fy(r.score)) for r in series.results]
    reach = MARKER_PX[frame.name] / 2
    taken = []
    cutoff = fx(REVIEW_CUTOFF)
    tag_w = geometry.text_width(cutoff_tag)
    taken.append((cutoff * area_w - tag_w / 2, -geometry.LINE_PX - 2, cutoff * area_w + tag_w / 2, 0))
    line = fy(pass_mark.score) if pass_mark is not None else None
    # Highest scores first: the names a reader looks for are those at the top.
    order = sorted(series.results, key=lambda r: (-r.score, r.date.as_date))
    place = {point_id: (x * area_w, y * area_h) for point_id, x, y in points}
    labels = geometry.place_names([(r.id, *place[r.id], reach + 1, True, []) for r in order], names, taken,
                                  area_w, area_h)
    return SeriesView(
        series=series, frame=frame, x_range=[first.isoformat(), last.isoformat()],
        x_ticks=[(fx(day), day) for day in ticks], y_range=y_range,
        y_ticks=[(fy(v), v) for v in range(y0, 101, Y_STEP)], points=points, labels=labels,
        cutoff=cutoff, pass_mark=line,
    )


def point_name(data, result, lang: str) -> str:
    return data.models[result.model].label(lang)


def _reporter_text(macros, result) -> str:
    return macros.ui(f"scores-reported-{result.reported_by}").format(reporter=result.reporter)


def y_tick(macros, series: results.Series, value: int) -> str:
    return f"{value}%" if results.metric_of(series) == "accuracy" else str(value)


def y_title(macros, series: results.Series) -> str:
    return macros.ui(f"scores-axis-{results.metric_of(series)}")


def tick_text(macros, day: dt.date) -> str:
    if day.month == 1:
        return macros.ui("chart-year-format").replace("%Y", str(day.year))
    return formatting.format_release(ReleaseDate(year=day.year, month=day.month), macros.lang)


def build_traces(macros, all_series) -> list[dict]:
    """One trace per setting class and reporter, holding that kind's results of every series (the script keeps
    the chosen series' points)."""
    data, lang, ui = macros.data, macros.lang, macros.ui
    line = ui("hover-line")
    lines = ["<b>%{customdata[0]}</b>%{customdata[8]}"] + [
        line.format(label=_esc(ui(key)), value=f"%{{customdata[{index}]}}")
        for index, key in ((1, "score"), (2, "scores-setting"), (3, "reported-by"), (4, "scores-date"), (5, "chart-source"))]
    template = "<br>".join(lines) + f"<br><i>{_esc(ui('scores-click-hint'))}</i><extra></extra>"
    every = [(series, result) for series in all_series for result in series.results]
    traces = []
    for setting_class in SETTING_CLASSES:
        for reporter in REPORTERS:
            points = [(s, r) for s, r in every if r.setting_class == setting_class and r.reported_by == reporter]
            if not points:
                continue
            symbol = SYMBOLS[setting_class] + ("-open" if reporter == "independent" else "")
            traces.append({
                "type": "scatter", "mode": "markers", "cliponaxis": False, "showlegend": False,
                "name": _esc(ui(f"scores-class-{setting_class}")),
                "x": [r.date.as_date.isoformat() for _, r in points], "y": [r.score for _, r in points],
                "ids": [r.id for _, r in points],
                "customdata": [[
                    _esc(point_name(data, r, lang)), _esc(results.score_text(r, lang, ui)),
                    _esc(results.setting_text(r, ui, lang)), _esc(_reporter_text(macros, r)),
                    _esc(formatting.format_release(r.date, lang)), _esc(chart.source_label(r.source)),
                    macros.url("benchmarks.md", r.id), _esc(s.name(ui, lang)),
                    f" ({_esc(r.tested_as)})" if r.tested_as else "",
                ] for s, r in points],
                "hovertemplate": template,
                "marker": {"symbol": symbol, "color": COLOURS[setting_class], "size": MARKER_PX["wide"],
                           "line": {"width": 2 if reporter == "independent" else 1.5,
                                    "color": COLOURS[setting_class]}},
                "meta": {"class": setting_class, "reporter": reporter},
            })
    return traces


def base_layout(macros) -> dict:
    ui = macros.ui
    axis = {"showgrid": True, "zeroline": False, "automargin": False, "ticklen": 4, "tickmode": "array",
            "title": {"font": {"size": 12}}}
    return {
        "autosize": True, "hovermode": "closest", "dragmode": "zoom", "showlegend": False,
        "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)", "font": {"size": 12},
        "hoverlabel": {"align": "left"},
        "xaxis": {**axis, "type": "date", "title": {"text": _esc(ui("scores-axis-date")), "font": {"size": 12}}},
        "yaxis": {**axis, "type": "linear"},
        "shapes": [], "annotations": [],
    }


def _view_config(macros, view: SeriesView) -> dict:
    pass_mark = view.series.variant.pass_mark
    return {
        "x": {"range": view.x_range, "tickvals": [day.isoformat() for _, day in view.x_ticks],
              "ticktext": [_esc(tick_text(macros, day)) for _, day in view.x_ticks]},
        "y": {"range": view.y_range, "tickvals": [v for _, v in view.y_ticks],
              "ticktext": [_esc(y_tick(macros, view.series, v)) for _, v in view.y_ticks],
              "title": {"text": _esc(y_title(macros, view.series)), "font": {"size": 12}}},
        "labels": {point_id: list(place) for point_id, place in view.labels.items()},
        "cutoff": view.cutoff,
        "pass_mark": pass_mark.score if pass_mark else None,
    }


_VIEWS: dict[str, tuple[object, dict]] = {}


def views(macros, all_series) -> dict:
    """`{frame: {series id: SeriesView}}`, computed once per language and data (every page with the figure in a
    language shows the same)."""
    cached = _VIEWS.get(macros.lang)
    if cached and cached[0] is macros.data:
        return cached[1]
    names = {r.id: point_name(macros.data, r, macros.lang) for s in all_series for r in s.results}
    cutoff_tag = macros.ui("scores-cutoff-tag")
    found = {frame.name: {s.id: series_view(s, frame, names, cutoff_tag) for s in all_series} for frame in FRAMES}
    _VIEWS[macros.lang] = (macros.data, found)
    return found


def preview(macros, view: SeriesView) -> dict:
    """What `components/scores-chart-preview.html` draws for one series in one frame (places in percent)."""
    by_id = {r.id: r for r in view.series.results}
    points = []
    for point_id, fx, fy in view.points:
        result = by_id[point_id]
        radius = MARKER_PX[view.frame.name] / 2
        points.append({
            "result": result, "fx": fx * 100, "fy": fy * 100, "class": result.setting_class,
            "hollow": result.reported_by == "independent", "label": view.labels.get(point_id),
            "path": geometry.symbol_path(SYMBOLS[result.setting_class], radius),
            "title": macros.ui("scores-point").format(
                name=point_name(macros.data, result, macros.lang), score=results.score_text(result, macros.lang, macros.ui),
                setting=results.setting_text(result, macros.ui, macros.lang),
                reporter=_reporter_text(macros, result),
                date=formatting.format_release(result.date, macros.lang)),
        })
    return {
        "frame": view.frame, "points": points,
        "x_ticks": [(fx * 100, tick_text(macros, day)) for fx, day in view.x_ticks],
        "y_ticks": [(fy * 100, y_tick(macros, view.series, v)) for fy, v in view.y_ticks],
        "y_title": y_title(macros, view.series),
        "cutoff": view.cutoff * 100 if view.cutoff is not None else None,
        "pass_mark": view.pass_mark * 100 if view.pass_mark is not None else None,
    }


def legend(macros) -> list[dict]:
    present = {r.setting_class for r in macros.data.results.values()}
    return [{"class": name, "label": macros.ui(f"scores-class-{name}"),
             "path": geometry.symbol_path(SYMBOLS[name], 5)} for name in SETTING_CLASSES if name in present]


def summary(macros, series: results.Series) -> dict:
    """The facts the visible summary of a series states (the template words them in the page language)."""
    best = max(series.results, key=lambda r: (r.score, -r.date.as_date.toordinal()))
    first = series.results[0]
    lang = macros.lang
    return {
        "series": series.name(macros.ui, lang), "count": len(series.results),
        "models": len({r.model for r in series.results}),
        "independent": sum(r.reported_by == "independent" for r in series.results),
        "first": formatting.format_release(first.date, lang),
        "last": formatting.format_release(series.results[-1].date, lang),
        "best_model": point_name(macros.data, best, lang), "best_score": results.score_text(best, lang, macros.ui),
        "best_setting": results.setting_text(best, macros.ui, lang),
        "best_date": formatting.format_release(best.date, lang),
    }


def chart_context(macros) -> dict:
    """Everything `components/scores-chart.html` shows: every series' preview, summary and table rows, the
    Plotly figure and views, the controls and the downloads."""
    data, lang = macros.data, macros.lang
    all_series = results.all_series(data)
    if not any(s.id == results.DEFAULT_SERIES for s in all_series):
        raise ValueError(f"data/results.yml: the figure opens on {results.DEFAULT_SERIES}, which has no results")
    found = views(macros, all_series)
    frames = {f.name: {"min_width": f.min_width, "height": f.height,
                       "margin": {"l": f.left, "r": f.right, "t": f.top, "b": f.bottom}} for f in FRAMES}
    config = {
        "lang": lang, "locale": chart.PLOTLY_LOCALES[lang], "default": results.DEFAULT_SERIES,
        "figure": {"data": build_traces(macros, all_series), "layout": base_layout(macros)},
        "views": {frame: {sid: _view_config(macros, view) for sid, view in by_series.items()}
                  for frame, by_series in found.items()},
        "frames": frames, "breakpoint": BREAKPOINT, "marker": MARKER_PX,
        "series": {s.id: [r.id for r in s.results] for s in all_series},
        "names": {s.id: s.name(macros.ui, lang) for s in all_series},
        "filename": f"{results.DOWNLOAD_NAME}-{lang}",
        "strings": {key: macros.ui(f"scores-{key}") for key in
                    ("showing", "table-toggle", "click-hint", "tap-hint", "cutoff-tag")}
        | {key: macros.ui(f"chart-{key}") for key in ("copied", "download-failed")},
    }
    downloads = f"{macros.language_root}downloads/"
    return {
        "config": config, "all_series": all_series, "default": results.DEFAULT_SERIES,
        "pass_marks": [(s.id, s.variant.pass_mark.label[lang]) for s in all_series if s.variant.pass_mark],
        "series_groups": [(data.benchmarks[benchmark_id], [s for s in all_series if s.benchmark.id == benchmark_id])
                          for benchmark_id in dict.fromkeys(s.benchmark.id for s in all_series)],
        # Drawn at build time for the series the figure opens on only: one drawing per series would make the page
        # several times heavier for every reader (the other series wait for Plotly, as a reader who picks one wants it).
        "default_series": next(s for s in all_series if s.id == results.DEFAULT_SERIES),
        "previews": [preview(macros, found[frame.name][results.DEFAULT_SERIES]) for frame in FRAMES],
        "summaries": {s.id: summary(macros, s) for s in all_series},
        "frames": FRAMES, "legend": legend(macros), "symbols": SYMBOLS,
        "reporter_paths": {"developer": geometry.symbol_path("circle", 5), "independent": geometry.symbol_path("circle", 5)},
        "legend_path": lambda result: geometry.symbol_path(SYMBOLS[result.setting_class], 4),
        "rows": [(s, r) for s in all_series for r in s.results],
        "plotly": macros.asset(chart.PLOTLY_BUNDLE),
        "plotly_locale": macros.asset(chart.PLOTLY_LOCALE) if chart.PLOTLY_LOCALES[lang] else None,
        "kit": macros.asset(chart.KIT_SCRIPT), "script": macros.asset(SCRIPT), "plot_script": macros.asset(PLOT_SCRIPT),
        "csv": macros.asset(f"{downloads}{results.DOWNLOAD_NAME}.csv"),
        "json": macros.asset(f"{downloads}{results.DOWNLOAD_NAME}.json"),
        "embedded": macros.page.file.src_uri.startswith(f"{lang}/embed/"),
    }
