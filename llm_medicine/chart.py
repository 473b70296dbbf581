"""Figure 2, the bubble chart of model sizes: its figure data, table rows and summary, in one language.

Handles no MkDocs event: `PageMacros.model_chart()` calls `chart_context()` and renders
`overrides/components/model-chart.html` with the result; `chart_downloads.py` writes the CSV and JSON downloads
from `download_rows()`.

- One figure definition: the traces here and the views of `chart_geometry.py` (ranges, ticks, point places and
  name labels for each frame, scale and layer) feed both the build-time SVG preview and the Plotly figure that
  `model-chart.js` draws over it once Plotly is loaded. Plain dicts, no plotly.py: nothing to validate twice.
- Every string that reaches Plotly is HTML-escaped here, because Plotly reads trace names, text, hover
  templates and tick labels as its own pseudo-HTML: a model named `<b>` shows as `<b>`. The table, the summary
  and the preview go through Jinja's autoescaping instead.
- Undisclosed sizes never become a number: those models sit in a separate band above the plot, on a category
  axis with no scale, drawn as hollow markers of a fixed size, their size shown as "not disclosed".
- By default the figure is the review's (models with `since_review: false`); the "later" layer adds the models
  released since, as outlined markers with a dot, and a line at the review's cut-off.
- Sizes read the same as everywhere on the site (`PageMacros.format_parameters`: "8.9 B" / "89 亿"); the axis
  ticks are those same strings, so Chinese pages show 亿 and 万亿, never SI prefixes.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from llm_medicine import chart_geometry as geometry
from llm_medicine import formatting
from llm_medicine.data import DataError
from llm_medicine.schema import NOT_YET_CHECKED, REVIEW_CUTOFF, ReleaseDate


PLOTLY_VERSION = "4.1.1"
PLOTLY_BUNDLE = f"assets/vendor/plotly/plotly-basic-{PLOTLY_VERSION}.min.js"
PLOTLY_LOCALE = f"assets/vendor/plotly/plotly-locale-zh-cn-{PLOTLY_VERSION}.js"
KIT_SCRIPT = "assets/javascripts/figure-kit.js"  # what both figures' scripts share; loaded before them
CHART_SCRIPT = "assets/javascripts/model-chart.js"
PLOT_SCRIPT = "assets/javascripts/model-chart-plot.js"  # loaded by CHART_SCRIPT with Plotly, when wanted
PLOTLY_LOCALES = {"en": None, "zh": "zh-CN"}
DOWNLOAD_NAME = "model-sizes"
LAYERS = ("review", "all")
SCALES = ("log", "linear")

# Okabe & Ito's colour-blind-safe palette and one marker symbol per family, so that no family depends on colour
# alone. #000000 is "ink": the script and the preview swap it for the theme's text colour, so it shows in dark
# mode. Families named here keep their colour and symbol whatever the order of families.yml; any other family
# takes the next unused symbol and the colours in turn. The gold (in place of Okabe & Ito's yellow, which has too little
# contrast on white for a hollow marker) goes to a family with few markers.
COLOURS = ["#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#B8860B", "#000000", "#999999"]
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "pentagon", "hexagon", "triangle-down", "star",
           "hourglass", "cross", "triangle-left", "triangle-right", "diamond-wide", "hexagram", "octagon", "bowtie",
           "diamond-tall"]
NO_DOT = {"hourglass", "bowtie"}  # Plotly has no "-open-dot" of these: never for a family with later models
PREFERRED = {"gpt": 0, "bert": 1, "palm": 2, "llama": 3, "gatortron": 4, "megatron": 5, "dragon": 6,
             "claude": 7, "lamda": 8}
LIST_SEPARATOR = {"en": ", ", "zh": "、"}


@dataclass(frozen=True)
class Style:
    colour: str
    symbol: str


def family_styles(families) -> dict[str, Style]:
    styles, used = {}, set()
    for family_id in families:
        if family_id in PREFERRED:
            styles[family_id] = Style(COLOURS[PREFERRED[family_id]], SYMBOLS[PREFERRED[family_id]])
            used.add(PREFERRED[family_id])
    spare = [index for index in range(len(SYMBOLS)) if index not in used and SYMBOLS[index] not in NO_DOT]
    spare += [index for index in range(len(SYMBOLS)) if index not in used and SYMBOLS[index] in NO_DOT]
    for number, family_id in enumerate(f for f in families if f not in styles):
        index = spare[number % len(spare)] if spare else number % len(SYMBOLS)
        styles[family_id] = Style(COLOURS[(len(PREFERRED) + number) % len(COLOURS)], SYMBOLS[index])
    return styles


def chart_models(data) -> list:
    """The models of the chart, in release order (then by size), the same order as the table."""
    return sorted(data.models.values(), key=lambda m: (m.released.as_date, m.parameters or 0, m.name))


def layer_models(data, layer: str) -> list:
    return [m for m in chart_models(data) if layer == "all" or not m.since_review]


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def source_label(source) -> str:
    title = source.title if len(source.title) <= 60 else source.title[:57].rstrip() + "…"
    return f"{title} ({source.year})"


def size_text(macros, model) -> str:
    """The size as the hover label and the table say it: mixture-of-experts models give total and active."""
    if model.parameters is not None and model.parameters_active is not None:
        return macros.ui("chart-moe").format(total=macros.format_parameters(model.parameters),
                                             active=macros.format_parameters(model.parameters_active))
    return macros.format_parameters(model.parameters)


def marker_symbol(style: Style, model) -> str:
    if model.since_review:
        if style.symbol in NO_DOT:
            raise ValueError(f"data/families.yml: family {model.family!r} has later models but its marker "
                             f"{style.symbol!r} has no outlined-with-dot form: give it another symbol in chart.py")
        return f"{style.symbol}-open-dot"
    return f"{style.symbol}-open" if model.parameters is None else style.symbol


def build_traces(macros, styles) -> list[dict]:
    """The Plotly traces: one per family, band (sized or undisclosed) and layer, in families.yml order."""
    data, lang, ui = macros.data, macros.lang, macros.ui
    models = chart_models(data)
    # Later models come after the review's, so adding them never moves a review model to another lane.
    lanes = geometry.lanes([m for m in models if m.parameters is None])

    def customdata(model) -> list[str]:
        return [
            _esc(model.label(lang)), _esc(model.developer[lang]), _esc(size_text(macros, model)),
            _esc(formatting.format_release(model.released, lang)), _esc(ui(f"domain-{model.domain}")),
            _esc(source_label(model.source)), _esc(data.families[model.family].name[lang]),
            macros.url("models.md", model.id),
        ]

    line = ui("hover-line")  # `Family: …` / `家族：…`, the colon of the page's language
    lines = ["<b>%{customdata[0]}</b>"] + [
        line.format(label=_esc(ui(key)), value=f"%{{customdata[{index}]}}")
        for index, key in ((6, "family"), (1, "developer"), (2, "parameters"), (3, "released"), (4, "domain"),
                           (5, "chart-source"))]
    hint = f"<i>{_esc(ui('chart-click-hint'))}</i><extra></extra>"
    later_note = f"<i>{_esc(ui('since-review-badge'))}</i>"
    traces = []
    for family_id, family in data.families.items():
        style = styles[family_id]
        for layer in ("review", "later"):
            for band in ("sized", "undisclosed"):
                points = [m for m in models if m.family == family_id and m.since_review == (layer == "later")
                          and (m.parameters is not None) == (band == "sized")]
                if not points:
                    continue
                marker = {"color": style.colour, "symbol": marker_symbol(style, points[0]), "line": {"width": 1.5}}
                if band == "sized":
                    marker.update(size=[m.parameters for m in points], sizemode="area")
                else:
                    marker.update(size=geometry.UNDISCLOSED_PX, line={"width": 2.5})
                if layer == "later":
                    marker["line"] = {"width": 2}
                traces.append({
                    "type": "scatter", "name": _esc(family.name[lang]), "legendgroup": family_id, "showlegend": False,
                    "x": [m.released.as_date.isoformat() for m in points],
                    "y": [m.parameters if band == "sized" else f"lane-{lanes[m.id] + 1}" for m in points],
                    "ids": [m.id for m in points], "mode": "markers", "cliponaxis": False, "marker": marker,
                    "customdata": [customdata(m) for m in points],
                    "hovertemplate": "<br>".join(lines + ([later_note] if layer == "later" else []) + [hint]),
                    "yaxis": "y" if band == "sized" else "y2",
                    "meta": {"band": band, "family": family_id, "layer": layer},
                })
    return traces


def base_layout(macros) -> dict:
    ui = macros.ui
    return {
        "autosize": True, "hovermode": "closest", "dragmode": "zoom", "showlegend": False,
        "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)", "font": {"size": 12},
        "hoverlabel": {"align": "left"},
        "xaxis": {"type": "date", "anchor": "y", "tickmode": "array", "title": {"text": _esc(ui("chart-axis-released")), "font": {"size": 12}},
                  "showgrid": True, "zeroline": False, "automargin": False, "ticklen": 4},
        "yaxis": {"domain": list(geometry.PLOT_DOMAIN), "tickmode": "array", "showgrid": True, "zeroline": False,
                  "automargin": False, "ticklen": 4},
        "yaxis2": {"type": "category", "domain": list(geometry.BAND_DOMAIN), "anchor": "x", "showticklabels": False,
                   "categoryorder": "array",
                   "showgrid": False, "zeroline": False, "fixedrange": True},
        "shapes": [], "annotations": [],
    }


_VIEWS: dict[str, tuple[object, tuple[dict, dict]]] = {}


def views(macros, styles) -> tuple[dict, dict]:
    """Per frame, scale and layer: what Plotly needs to draw that view (JSON), and the geometry objects.

    The same for every page of a language (nothing in them depends on the page's address): computed once per
    language and data, not once per page that shows the chart.
    """
    cached = _VIEWS.get(macros.lang)
    if cached and cached[0] is macros.data:
        return cached[1]
    result = _views(macros, styles)
    _VIEWS[macros.lang] = (macros.data, result)
    return result


def _views(macros, styles) -> tuple[dict, dict]:
    data, ui = macros.data, macros.ui
    names = {m.id: m.label(macros.lang) for m in data.models.values()}
    symbol_of = {m.id: styles[m.family].symbol for m in data.models.values()}
    axis_title = {"log": _esc(ui("chart-axis-parameters-log")), "linear": _esc(ui("chart-axis-parameters-linear"))}
    year = ui("chart-year-format")
    cutoff_tag = formatting.format_release(ReleaseDate(year=REVIEW_CUTOFF.year, month=REVIEW_CUTOFF.month), macros.lang)
    config, objects = {}, {}
    for frame in geometry.FRAMES:
        for scale in SCALES:
            for layer in LAYERS:
                models = layer_models(data, layer)
                view = geometry.View(models, scale, frame, lambda m: symbol_of[m.id],
                                     REVIEW_CUTOFF if layer == "all" else None)
                labels = view.place_labels(names, ui("chart-band-undisclosed"), cutoff_tag)
                objects[frame.name, scale, layer] = (view, labels)
                config.setdefault(frame.name, {}).setdefault(scale, {})[layer] = {
                    "x": {"range": view.x_range, "tickvals": [d.isoformat() for d in view.x_ticks],
                          "ticktext": [_esc(year.replace("%Y", str(d.year))) for d in view.x_ticks]},
                    "y": {"type": scale, "range": view.y_range, "tickvals": view.y_ticks,
                          "ticktext": [_esc(macros.format_parameters(v)) for v in view.y_ticks],
                          "title": {"text": axis_title[scale], "font": {"size": 12}}},
                    "lanes": [f"lane-{n + 1}" for n in range(int(view.lane_range[1] + 0.3))],
                    "lane_range": view.lane_range,
                    "band": view.band is not None, "sizeref": view.sizeref, "sizemin": view.sizemin,
                    "labels": {m_id: [anchor, dx, dy] for m_id, (anchor, dx, dy) in labels.items()},
                    "cutoff": view.cutoff, "cutoff_tag": _esc(cutoff_tag), "plot_top": 1 - view.plot_top,
                }
    return config, objects


def preview(macros, styles, objects) -> list[dict]:
    """The default view (the review's models, log scale) at each frame, for the build-time SVG."""
    data, lang = macros.data, macros.lang
    models = {m.id: m for m in data.models.values()}
    frames = []
    for frame in geometry.FRAMES:
        view, labels = objects[frame.name, "log", "review"]
        points = []
        for point in view.points:
            model, style = models[point.id], styles[models[point.id].family]
            points.append({
                "model": model, "fx": point.fx * 100, "fy": point.fy * 100, "colour": style.colour,
                "hollow": model.parameters is None,
                "path": geometry.symbol_path(style.symbol, point.radius), "label": labels.get(point.id),
                "title": macros.ui("chart-point").format(name=model.label(lang), size=size_text(macros, model),
                                                         released=formatting.format_release(model.released, lang)),
            })
        points.sort(key=lambda p: -(p["model"].parameters or 0))  # big bubbles below small ones, as Plotly does
        year = macros.ui("chart-year-format")
        frames.append({
            "frame": frame, "points": points, "band": view.band and [v * 100 for v in view.band],
            "x_ticks": [(fx * 100, year.replace("%Y", str(d.year))) for fx, d in zip(view.tick_fx, view.x_ticks)],
            "y_ticks": [(fy * 100, macros.format_parameters(v)) for fy, v in zip(view.tick_fy, view.y_ticks)],
        })
    return frames


def summary(macros) -> dict:
    """The facts the visible summary states (the template words them in the page language): the review's figure."""
    models = layer_models(macros.data, "review")
    disclosed = [m for m in models if m.parameters is not None]
    undisclosed = [m for m in models if m.parameters is None]
    lang = macros.lang
    smallest = min(disclosed, key=lambda m: m.parameters) if disclosed else None
    largest = max(disclosed, key=lambda m: m.parameters) if disclosed else None
    for end, model in (("smallest", smallest), ("largest", largest)):
        if model is not None and model.verification == NOT_YET_CHECKED:
            raise DataError(f"data/models.yml: entry '{model.id}', field 'verification': M (not yet checked), but "
                            f"Figure 2's summary names it as the {end} model: check its size against its source "
                            "first (a summary states only checked numbers)")
    return {
        "count": len(models), "disclosed": len(disclosed),
        "first": formatting.format_release(models[0].released, lang) if models else "",
        "last": formatting.format_release(models[-1].released, lang) if models else "",
        "smallest": f"{smallest.label(lang)} ({macros.format_parameters(smallest.parameters)})" if smallest else "",
        "largest": f"{largest.label(lang)} ({macros.format_parameters(largest.parameters)})" if largest else "",
        "undisclosed": LIST_SEPARATOR[lang].join(m.label(lang) for m in undisclosed),
        "undisclosed_count": len(undisclosed),
    }


def release_order(model) -> tuple:
    """Release date, then size, then name: the order of the figure's table and of the downloads."""
    return model.released.as_date, model.parameters or 0, model.name


def download_rows(data, lang: str, undisclosed_word: str, card_url) -> list[dict]:
    """One row per model for the CSV and JSON downloads: fixed English field names, values in `lang`.

    Every model of data/models.yml, whatever the figure shows by default: `in_review` tells the review's models
    from the later ones, and `source_quote` gives the primary source's own words on the size (None when absent).
    """
    rows = []
    for model in sorted(data.models.values(), key=release_order):
        rows.append({
            "id": model.id, "name": model.label(lang), "family": data.families[model.family].name[lang],
            "developer": model.developer[lang],
            "parameters": round(model.parameters) if model.parameters is not None else None,
            "parameters_active": round(model.parameters_active) if model.parameters_active is not None else None,
            "parameters_display": formatting.format_parameters(model.parameters, lang, undisclosed_word),
            "parameters_disclosed": model.parameters_disclosed, "released": model.released.iso,
            "in_review": not model.since_review,
            "architecture": model.architecture, "domain": model.domain, "source_title": model.source.title,
            "source_year": model.source.year, "source_url": model.source.href,
            "source_quote": model.source_quote.text if model.source_quote else None,
            "model_card": card_url(model.id),
        })
    return rows


def chart_context(macros) -> dict:
    """Everything `components/model-chart.html` shows: the figure, preview, table rows, filters, summary, assets."""
    data, lang = macros.data, macros.lang
    styles = family_styles(data.families)
    view_config, objects = views(macros, styles)
    models = chart_models(data)
    downloads = f"{macros.language_root}downloads/"
    frames = {f.name: {"min_width": f.min_width, "height": f.height, "bubble": f.bubble,
                       "margin": {"l": f.left, "r": f.right, "t": f.top, "b": f.bottom}} for f in geometry.FRAMES}
    config = {
        "lang": lang, "locale": PLOTLY_LOCALES[lang],
        "figure": {"data": build_traces(macros, styles), "layout": base_layout(macros)},
        "views": view_config, "frames": frames, "breakpoint": geometry.BREAKPOINT,
        "axes": {scale: view_config["wide"][scale]["review"]["y"] for scale in SCALES},
        "models": {m.id: {"family": m.family, "domain": m.domain, "arch": m.architecture,
                          "disclosed": m.parameters is not None, "later": m.since_review} for m in models},
        "filename": f"{DOWNLOAD_NAME}-{lang}",
        "strings": {key: macros.ui(f"chart-{key}") for key in
                    ("showing", "table-toggle", "click-hint", "tap-hint", "copied", "download-failed",
                     "band-undisclosed", "cutoff")},
    }
    review = layer_models(data, "review")
    largest = max((m.parameters for m in review if m.parameters is not None), default=None)
    # Below this size a bubble would be smaller than MIN_BUBBLE_PX (a radius); it is drawn at that size.
    min_bubble = largest * (geometry.MIN_BUBBLE_PX / (geometry.MAX_BUBBLE_PX / 2)) ** 2 if largest else None
    present = {name: sorted({getattr(m, name) for m in models}) for name in ("domain", "architecture")}
    families = [f for f in data.families.values() if any(m.family == f.id for m in models)]
    in_review = {m.family for m in review}
    # (select name, its label, its options as (value, text)); the names are those model-chart.js filters on.
    filters = [
        ("family", macros.ui("family"), [(f.id, f.name[lang]) for f in families]),
        ("domain", macros.ui("domain"), [(d, macros.ui(f"domain-{d}")) for d in present["domain"]]),
        ("arch", macros.ui("architecture"), [(a, macros.ui(f"arch-{a}")) for a in present["architecture"]]),
    ]
    legend = [{"family": f, "style": styles[f.id], "later_only": f.id not in in_review,
               "path": geometry.symbol_path(styles[f.id].symbol, 5)} for f in families]
    return {
        "config": config, "models": models, "styles": styles, "filters": filters, "legend": legend,
        "legend_paths": {name: geometry.symbol_path("circle", 5) for name in ("undisclosed", "later")},
        "previews": preview(macros, styles, objects), "table_count": len(models),
        "size_text": lambda model: size_text(macros, model),
        # Two significant figures ("about 16B"): the exact threshold is a by-product of the drawing, not a fact.
        "summary": summary(macros), "min_bubble": macros.format_parameters(float(f"{min_bubble:.2g}") if min_bubble else None),
        "plotly": macros.asset(PLOTLY_BUNDLE),
        "plotly_locale": macros.asset(PLOTLY_LOCALE) if PLOTLY_LOCALES[lang] else None,
        "kit": macros.asset(KIT_SCRIPT), "script": macros.asset(CHART_SCRIPT), "plot_script": macros.asset(PLOT_SCRIPT),
        "csv": macros.asset(f"{downloads}{DOWNLOAD_NAME}.csv"),
        "json": macros.asset(f"{downloads}{DOWNLOAD_NAME}.json"),
        "embedded": macros.page.file.src_uri.startswith(f"{lang}/embed/"),
    }
