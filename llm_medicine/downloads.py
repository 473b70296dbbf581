"""The data behind the figures as files a reader downloads, one CSV and one JSON per figure and language.

The hook `chart_downloads.py` writes them; `figure_downloads()` says which files there are, with their rows from
`chart.download_rows()` (Figure 2: `model-sizes`) and `results.download_rows()` (the scores figure:
`benchmark-results`).

- One row per model, or per result, in the figure's order; field names are fixed English identifiers so a script
  reads both languages alike; names and the values as shown are in the file's language; a source's own words stay
  in the source's language.
- Figure 2's files hold every model of data/models.yml, the review's and the later ones alike (`in_review` is
  false for a model released after the review); the results' files hold every result, each with its setting, who
  reported it, its source and the source's words (`excerpt`).
- Anything unknown (an undisclosed size, a setting no source states) is empty in the CSV and `null` in the JSON,
  never 0.
- The CSV starts with a byte-order mark, so spreadsheet programs read the Chinese text as UTF-8.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from jinja2.utils import htmlsafe_json_dumps

from llm_medicine import chart, results

MODEL_FIELDS = ("id", "name", "family", "developer", "parameters", "parameters_active", "parameters_display",
                "parameters_disclosed", "released", "in_review", "architecture", "domain", "source_title",
                "source_year", "source_url", "source_quote", "model_card")


@dataclass(frozen=True)
class FigureDownload:
    """One figure's data files: `{name}.csv` and `{name}.json` under each language's `downloads/`."""

    name: str
    fields: tuple[str, ...]
    key: str
    """The UI strings' prefix (`chart` or `results`) for the file's title, description and field definitions."""
    rows_key: str
    """The JSON document's list of rows: `models` or `results`."""
    page: str
    """The figure's page and anchor, from the language's root: `current-llms/#figure-2`."""
    rows: list[dict]


def figure_downloads(data, lang: str, card_url, page_url) -> list[FigureDownload]:
    """Every figure's downloads in `lang`; `card_url(model_id)` and `page_url(path)` make absolute addresses."""
    ui = lambda key: data.text(key, lang)  # noqa: E731 - the one-argument form the row builders take
    return [
        FigureDownload(chart.DOWNLOAD_NAME, MODEL_FIELDS, "chart", "models", "current-llms/#figure-2",
                       chart.download_rows(data, lang, ui("parameters-undisclosed"), card_url)),
        FigureDownload(results.DOWNLOAD_NAME, results.DOWNLOAD_FIELDS, "results", "results", "exam-scores/#scores-figure",
                       results.download_rows(data, lang, ui, card_url,
                                             lambda result_id: page_url(f"benchmarks/#{result_id}"))),
    ]


def to_csv(rows: list[dict], fields: tuple[str, ...] = MODEL_FIELDS) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _csv_value(row[key]) for key in fields})
    return "\ufeff" + buffer.getvalue()


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def to_json(download: FigureDownload, data, lang: str, page_url: str) -> str:
    text = lambda key: data.text(f"{download.key}-{key}", lang)  # noqa: E731
    document = {
        "title": text("download-title"),
        "description": text("download-description"),
        "review": {"title": data.review.journal_title, "doi": data.review.doi},
        "figure": page_url,
        "license": "CC BY 4.0",
        "fields": {key: text(f"field-{key.replace('_', '-')}") for key in download.fields},
        download.rows_key: [{key: row[key] for key in download.fields} for row in download.rows],
    }
    # `<`, `>`, `&` and `'` as \u escapes (the same JSON, read alike by any parser), so the file stays inert when a
    # reader pastes it into a page's <script>.
    return str(htmlsafe_json_dumps(document, ensure_ascii=False, indent=2)) + "\n"
