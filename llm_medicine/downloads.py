"""The data behind each figure as files a reader downloads, per language: a CSV, a JSON and one zip with both, a
README and a CITATION.cff (`downloads/model-sizes.zip`, `zh/downloads/benchmark-results.zip`...).

The hook `chart_downloads.py` writes them; `figure_downloads()` says which files there are, with their rows from
`diagram.download_rows()` (Figure 1: `training-stages`), `chart.download_rows()` (Figure 2: `model-sizes`) and
`results.download_rows()` (the scores figure: `benchmark-results`).

- One row per stage, model or result, in the figure's order; field names are fixed English identifiers so a script
  reads both languages alike; names and the values as shown are in the file's language; a source's own words stay
  in the source's language.
- Anything unknown (an undisclosed size, a setting no source states) is empty in the CSV and `null` in the JSON,
  never 0.
- The CSV starts with a byte-order mark, so spreadsheet programs read the Chinese text as UTF-8.
- Every file carries the data version (the JSON's `version`; the zip's README and CITATION.cff), and a zip's
  entries have a fixed date, so two builds of one commit give the same bytes.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass

from jinja2.utils import htmlsafe_json_dumps

from llm_medicine import chart, data_version, diagram, figures, results

MODEL_FIELDS = ("id", "name", "family", "developer", "parameters", "parameters_active", "parameters_display",
                "parameters_disclosed", "released", "in_review", "architecture", "domain", "source_title",
                "source_year", "source_url", "source_quote", "model_card")
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class FigureDownload:
    """One figure's data files: `{name}.csv`, `{name}.json` and `{name}.zip` under each language's `downloads/`."""

    figure: figures.Figure
    fields: tuple[str, ...]
    key: str
    """The UI strings' prefix (`diagram`, `chart`, `results`) for the file's title, description and field definitions."""
    rows_key: str
    """The JSON document's list of rows: `stages`, `models` or `results`."""
    rows: list[dict]

    @property
    def name(self) -> str:
        return self.figure.download


def figure_downloads(data, lang: str, card_url, page_url) -> list[FigureDownload]:
    """Every figure's downloads in `lang`; `card_url(model_id)` and `page_url(path)` make absolute addresses."""
    ui = lambda key: data.text(key, lang)  # noqa: E731 - the one-argument form the row builders take
    by_key = figures.BY_KEY
    return [
        FigureDownload(by_key["figure-1"], diagram.STAGE_FIELDS, "diagram", "stages",
                       diagram.download_rows(data, lang, page_url)),
        FigureDownload(by_key["figure-2"], MODEL_FIELDS, "chart", "models",
                       chart.download_rows(data, lang, ui("parameters-undisclosed"), card_url)),
        FigureDownload(by_key["scores"], results.DOWNLOAD_FIELDS, "results", "results",
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
    if isinstance(value, list):
        return "; ".join(value)
    return value


def field_definitions(download: FigureDownload, data, lang: str) -> dict[str, str]:
    return {key: data.text(f"{download.key}-field-{key.replace('_', '-')}", lang) for key in download.fields}


def to_json(download: FigureDownload, data, lang: str, page_url: str) -> str:
    text = lambda key: data.text(f"{download.key}-{key}", lang)  # noqa: E731
    release = data_version.current(data)
    document = {
        "title": text("download-title"),
        "description": text("download-description"),
        "version": release.version,
        "version_date": release.date.isoformat(),
        "review": {"title": data.review.journal_title, "doi": data.review.doi},
        "figure": page_url,
        "license": "CC BY 4.0",
        "fields": field_definitions(download, data, lang),
        download.rows_key: [{key: row[key] for key in download.fields} for row in download.rows],
    }
    # `<`, `>`, `&` and `'` as \u escapes (the same JSON, read alike by any parser), so the file stays inert when a
    # reader pastes it into a page's <script>.
    return str(htmlsafe_json_dumps(document, ensure_ascii=False, indent=2)) + "\n"


def to_zip(files: dict[str, str]) -> bytes:
    """The files (name: text) in one zip, in the given order, each dated 1980-01-01 so the bytes depend on the
    content only."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content.encode("utf-8"))
    return buffer.getvalue()
