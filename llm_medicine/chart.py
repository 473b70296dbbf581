"""Figure 2, the bubble chart of model sizes: the Plotly figure, its data table and summary, in one language.

Handles no MkDocs event: `PageMacros.model_chart()` calls `chart_context()` and renders
`overrides/components/model-chart.html` with the result; `chart_downloads.py` writes the CSV and JSON downloads
from `download_rows()`.

- plotly for Python builds the figure (`template="none"`, plain lists, no numpy `bdata`), so the JSON is small
  and readable; the template embeds it with `tojson` and `model-chart.js` draws it with the vendored bundle.
- Every string that reaches Plotly is HTML-escaped here, because Plotly reads trace names, text, hover
  templates and tick labels as its own pseudo-HTML: a model named `<b>` shows as `<b>`. The table and summary
  go through Jinja's autoescaping instead.
- Undisclosed sizes never become a number: those models sit in a separate band above the plot, on a category
  axis with no scale, drawn as hollow markers of a fixed size, their size shown as "not disclosed".
- Sizes read the same as everywhere on the site (`PageMacros.format_parameters`: "8.9 B" / "89 亿"); the axis
  ticks are those same strings, so Chinese pages show 亿 and 万亿, never SI prefixes.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import math
from dataclasses import dataclass

import plotly.graph_objects as go

from llm_medicine import formatting

log = logging.getLogger("mkdocs.hooks.model_chart")

PLOTLY_VERSION = "4.1.1"
PLOTLY_BUNDLE = f"assets/vendor/plotly/plotly-basic-{PLOTLY_VERSION}.min.js"
PLOTLY_LOCALE = f"assets/vendor/plotly/plotly-locale-zh-cn-{PLOTLY_VERSION}.js"
CHART_SCRIPT = "assets/javascripts/model-chart.js"
PLOTLY_LOCALES = {"en": None, "zh": "zh-CN"}
DOWNLOAD_NAME = "model-sizes"

# Okabe & Ito's colour-blind-safe palette, each colour with its own marker symbol so that no family depends on
# colour alone. #000000 is "ink": model-chart.js swaps it for the theme's text colour, so it shows in dark mode.
# Families named here keep their colour whatever the order of families.yml; any other family takes the next
# unused pair. The yellow goes to a family with few, filled markers (its outline keeps it visible on white).
PALETTE = [
    ("#D55E00", "circle"), ("#0072B2", "square"), ("#009E73", "diamond"), ("#CC79A7", "triangle-up"),
    ("#E69F00", "pentagon"), ("#56B4E9", "hexagon"), ("#F0E442", "triangle-down"), ("#000000", "star"),
    ("#999999", "hourglass"),
]
PREFERRED = {"gpt": 0, "bert": 1, "palm": 2, "llama": 3, "gatortron": 4, "megatron": 5, "dragon": 6,
             "claude": 7, "lamda": 8}
MAX_BUBBLE_PX = 56
MIN_BUBBLE_PX = 4  # Plotly's sizemin is a radius
UNDISCLOSED_PX = 16
LANE_GAP_DAYS = 150
LIST_SEPARATOR = {"en": ", ", "zh": "、"}


@dataclass(frozen=True)
class Style:
    colour: str
    symbol: str


def family_styles(families) -> dict[str, Style]:
    styles, used = {}, set()
    for family_id in families:
        if family_id in PREFERRED:
            styles[family_id] = Style(*PALETTE[PREFERRED[family_id]])
            used.add(PREFERRED[family_id])
    spare = [index for index in range(len(PALETTE)) if index not in used]
    for number, family_id in enumerate(f for f in families if f not in styles):
        colour, symbol = PALETTE[spare[number % len(spare)] if spare else number % len(PALETTE)]
        styles[family_id] = Style(colour, symbol)
    return styles


def chart_models(data) -> list:
    """The models of the chart, in release order (then by size), the same order as the table."""
    return sorted(data.models.values(), key=lambda m: (m.released.as_date, m.parameters or 0, m.name))


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _source_label(source) -> str:
    title = source.title if len(source.title) <= 60 else source.title[:57].rstrip() + "…"
    return f"{title} ({source.year})"


def _lanes(models) -> dict[str, str]:
    """Undisclosed models share the band; models released close together go to separate lanes."""
    lanes: list[dt.date] = []
    placed = {}
    for model in models:
        day = model.released.as_date
        for number, last in enumerate(lanes):
            if (day - last).days >= LANE_GAP_DAYS:
                lanes[number] = day
                break
        else:
            number = len(lanes)
            lanes.append(day)
        placed[model.id] = f"lane-{number + 1}"
    return placed


def _ticks(macros, values) -> dict:
    return {"tickvals": list(values), "ticktext": [_esc(macros.format_parameters(v)) for v in values]}


def _linear_ticks(macros, largest: float) -> tuple[dict, list[float]]:
    step = 10 ** math.floor(math.log10(largest))
    step = step if largest / step > 3 else step / 2 if largest / step > 1.5 else step / 5
    top = math.ceil(largest * 1.08 / step) * step
    values = [step * n for n in range(int(round(top / step)) + 1)][1:]
    return _ticks(macros, values), [0, top * 1.02]


def _date_range(models) -> list[str]:
    first = min(m.released.as_date for m in models) - dt.timedelta(days=150)
    last = max(m.released.as_date for m in models) + dt.timedelta(days=150)
    return [first.isoformat(), last.isoformat()]


def build_figure(macros) -> tuple[dict, dict]:
    """The figure (as a plain dict) and the two parameter-axis settings (log, linear) the reader switches."""
    data, lang, ui = macros.data, macros.lang, macros.ui
    models = chart_models(data)
    disclosed = [m for m in models if m.parameters is not None]
    undisclosed = [m for m in models if m.parameters is None]
    styles = family_styles(data.families)
    lanes = _lanes(undisclosed)
    largest = max((m.parameters for m in disclosed), default=1e9)
    smallest = min((m.parameters for m in disclosed), default=1e8)
    sizeref = 2 * largest / MAX_BUBBLE_PX**2

    def customdata(model) -> list[str]:
        return [
            _esc(model.name), _esc(model.developer[lang]), _esc(macros.format_parameters(model.parameters)),
            _esc(formatting.format_release(model.released, lang)), _esc(ui(f"domain-{model.domain}")),
            _esc(_source_label(model.source)), _esc(data.families[model.family].name[lang]),
            macros.url("models.md", model.id),
        ]

    hover = "<br>".join([
        "<b>%{customdata[0]}</b>",
        f"{_esc(ui('family'))}: %{{customdata[6]}}",
        f"{_esc(ui('developer'))}: %{{customdata[1]}}",
        f"{_esc(ui('parameters'))}: %{{customdata[2]}}",
        f"{_esc(ui('released'))}: %{{customdata[3]}}",
        f"{_esc(ui('domain'))}: %{{customdata[4]}}",
        f"{_esc(ui('chart-source'))}: %{{customdata[5]}}",
        f"<i>{_esc(ui('chart-click-hint'))}</i>",
    ]) + "<extra></extra>"

    traces, in_legend = [], set()
    for family_id, family in data.families.items():
        style, name = styles[family_id], _esc(family.name[lang])
        for band, members in (("sized", disclosed), ("undisclosed", undisclosed)):
            points = [m for m in members if m.family == family_id]
            if not points:
                continue
            marker = {"color": style.colour, "symbol": style.symbol, "line": {"width": 1}}
            if band == "sized":
                y = [m.parameters for m in points]
                marker.update(size=y, sizemode="area", sizeref=sizeref, sizemin=MIN_BUBBLE_PX, opacity=0.78)
            else:
                y = [lanes[m.id] for m in points]
                marker.update(symbol=f"{style.symbol}-open", size=UNDISCLOSED_PX, line={"width": 2.5})
            traces.append(go.Scatter(
                name=name, legendgroup=family_id, showlegend=family_id not in in_legend,
                x=[m.released.as_date.isoformat() for m in points], y=y, ids=[m.id for m in points],
                mode="markers+text", text=[_esc(m.name) for m in points], textposition="top center",
                textfont={"size": 11}, cliponaxis=False, marker=marker,
                customdata=[customdata(m) for m in points], hovertemplate=hover,
                yaxis="y" if band == "sized" else "y2", meta={"band": band, "family": family_id},
            ))
            in_legend.add(family_id)

    log_ticks = _ticks(macros, [10.0**k for k in range(math.floor(math.log10(smallest)),
                                                        math.ceil(math.log10(largest)) + 1)])
    log_range = [math.log10(smallest) - 0.35, math.log10(largest) + 0.3]
    linear_ticks, linear_range = _linear_ticks(macros, largest)
    axis_title = {"log": _esc(ui("chart-axis-parameters-log")), "linear": _esc(ui("chart-axis-parameters-linear"))}
    axes = {
        "log": {"type": "log", "range": log_range, "title": {"text": axis_title["log"]}, **log_ticks},
        "linear": {"type": "linear", "range": linear_range, "title": {"text": axis_title["linear"]}, **linear_ticks},
    }
    lane_names = sorted(set(lanes.values()), key=lambda lane: int(lane.split("-")[1]))
    band_top = 0.84
    layout = go.Layout(
        template="none", height=680, autosize=True, hovermode="closest", dragmode="zoom",
        margin={"l": 64, "r": 12, "t": 34, "b": 52}, paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)",
        font={"size": 12}, hoverlabel={"align": "left"},
        xaxis={"type": "date", "range": _date_range(models), "anchor": "y", "tickformat": ui("chart-year-format"),
               "dtick": "M12", "title": {"text": _esc(ui("chart-axis-released"))}, "showgrid": True,
               "zeroline": False, "automargin": True},
        yaxis={**axes["log"], "domain": [0, band_top - 0.06], "showgrid": True, "zeroline": False,
               "automargin": True},
        yaxis2={"type": "category", "domain": [band_top, 1], "anchor": "x", "categoryorder": "array",
                "categoryarray": lane_names, "range": [-0.7, max(len(lane_names), 1) - 0.3],
                "showticklabels": False, "showgrid": False, "zeroline": False, "fixedrange": True},
        # Below the plot, across: at the side, nine long family names would take half the plot's width.
        legend={"title": {"text": _esc(ui("family"))}, "itemclick": False, "itemdoubleclick": False,
                "itemsizing": "constant", "orientation": "h", "x": 0, "xanchor": "left", "y": -0.14,
                "yanchor": "top"},
        shapes=[{"type": "rect", "xref": "paper", "yref": "y2 domain", "x0": 0, "x1": 1, "y0": 0, "y1": 1,
                 "layer": "below", "line": {"width": 1, "dash": "dot"}, "fillcolor": "rgba(127,127,127,0.08)"}],
        annotations=[{"xref": "paper", "yref": "y2 domain", "x": 0, "y": 1, "xanchor": "left", "yanchor": "top",
                      "showarrow": False, "align": "left", "font": {"size": 11},
                      "text": f"<b>{_esc(ui('chart-band-undisclosed'))}</b>"}],
    )
    figure = _plain(go.Figure(data=traces, layout=layout).to_plotly_json())
    figure["layout"].pop("template", None)  # "none" still serializes a stub; plotly.js needs no template at all
    return figure, axes


def _plain(value):
    """Plotly's JSON-ready dict with any numpy or date objects turned into plain JSON values."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if hasattr(value, "tolist"):
        return _plain(value.tolist())
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def summary(macros) -> dict:
    """The facts the visible summary states (the template words them in the page language)."""
    models = chart_models(macros.data)
    disclosed = [m for m in models if m.parameters is not None]
    undisclosed = [m for m in models if m.parameters is None]
    lang = macros.lang
    smallest = min(disclosed, key=lambda m: m.parameters) if disclosed else None
    largest = max(disclosed, key=lambda m: m.parameters) if disclosed else None
    return {
        "count": len(models), "disclosed": len(disclosed),
        "first": formatting.format_release(models[0].released, lang) if models else "",
        "last": formatting.format_release(models[-1].released, lang) if models else "",
        "smallest": f"{smallest.name} ({macros.format_parameters(smallest.parameters)})" if smallest else "",
        "largest": f"{largest.name} ({macros.format_parameters(largest.parameters)})" if largest else "",
        "undisclosed": LIST_SEPARATOR[lang].join(m.name for m in undisclosed),
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
            "id": model.id, "name": model.name, "family": data.families[model.family].name[lang],
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
    """Everything `components/model-chart.html` shows: the figure, table rows, filters, summary, assets."""
    data, lang = macros.data, macros.lang
    figure, axes = build_figure(macros)
    models = chart_models(data)
    downloads = f"{macros.language_root}downloads/"
    config = {
        "lang": lang, "locale": PLOTLY_LOCALES[lang], "figure": figure, "axes": axes,
        "models": {m.id: {"family": m.family, "domain": m.domain, "arch": m.architecture,
                          "disclosed": m.parameters is not None} for m in models},
        "filename": f"{DOWNLOAD_NAME}-{lang}",
        "strings": {key: macros.ui(f"chart-{key}") for key in
                    ("showing", "click-hint", "tap-hint", "copied", "download-failed")},
    }
    largest = max((m.parameters for m in models if m.parameters is not None), default=None)
    # Below this size a bubble would be smaller than MIN_BUBBLE_PX (a radius); it is drawn at that size.
    min_bubble = largest * (MIN_BUBBLE_PX / (MAX_BUBBLE_PX / 2)) ** 2 if largest else None
    present = {name: sorted({getattr(m, name) for m in models}) for name in ("domain", "architecture")}
    families = [f for f in data.families.values() if any(m.family == f.id for m in models)]
    # (select name, its label, its options as (value, text)); the names are those model-chart.js filters on.
    filters = [
        ("family", macros.ui("family"), [(f.id, f.name[lang]) for f in families]),
        ("domain", macros.ui("domain"), [(d, macros.ui(f"domain-{d}")) for d in present["domain"]]),
        ("arch", macros.ui("architecture"), [(a, macros.ui(f"arch-{a}")) for a in present["architecture"]]),
    ]
    return {
        "config": config, "models": models, "styles": family_styles(data.families), "filters": filters,
        "summary": summary(macros), "min_bubble": macros.format_parameters(min_bubble), "plotly": macros.asset(PLOTLY_BUNDLE),
        "plotly_locale": macros.asset(PLOTLY_LOCALE) if PLOTLY_LOCALES[lang] else None,
        "script": macros.asset(CHART_SCRIPT),
        "csv": macros.asset(f"{downloads}{DOWNLOAD_NAME}.csv"),
        "json": macros.asset(f"{downloads}{DOWNLOAD_NAME}.json"),
        "embedded": macros.page.file.src_uri.startswith(f"{lang}/embed/"),
    }
