"""The data behind Figure 2 as downloads: `downloads/model-sizes.csv` and `.json`, and `zh/downloads/...`.

MkDocs event: `on_files` at priority -100, after mkdocs-static-i18n's own `on_files` (also -100, but plugins run
before hooks at equal priority), which rebuilds the file list for the language being built and would drop files
added earlier. mkdocs-static-i18n builds the site once per language into one folder, so each build adds only
its own language's two files (`File.generated`, never written into docs/).

- One row per model, in the chart's order; field names are fixed English identifiers so a script reads both
  languages alike; names of families, developers and the size as shown are in the file's language.
- An undisclosed size is empty in the CSV and `null` in the JSON, with `parameters_disclosed` false; never 0.
- The CSV starts with a byte-order mark, so spreadsheet programs read the Chinese text as UTF-8.
- Contents depend only on data/ and site_url, so two builds of one commit give identical files.
"""

from __future__ import annotations

import csv
import io
import logging

from jinja2.utils import htmlsafe_json_dumps
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

import build_state
import model_chart

log = logging.getLogger("mkdocs.hooks.chart_downloads")

FIELDS = ("id", "name", "family", "developer", "parameters", "parameters_display", "parameters_disclosed",
          "released", "architecture", "domain", "source_title", "source_year", "source_url", "model_card")


def current_language(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme["language"]


def language_root(config, lang: str) -> str:
    i18n = config.plugins.get("i18n")
    default = getattr(i18n, "default_language", "en")
    return "" if lang == default else f"{lang}/"


def to_csv(rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _csv_value(row[key]) for key in FIELDS})
    return "\ufeff" + buffer.getvalue()


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def to_json(rows: list[dict], data, lang: str, page_url: str) -> str:
    document = {
        "title": data.text("chart-download-title", lang),
        "description": data.text("chart-download-description", lang),
        "review": {"title": data.review.journal_title, "doi": data.review.doi},
        "figure": page_url,
        "license": "CC BY 4.0",
        "fields": {key: data.text(f"chart-field-{key.replace('_', '-')}", lang) for key in FIELDS},
        "models": [{key: row[key] for key in FIELDS} for row in rows],
    }
    # `<`, `>`, `&` and `'` as \u escapes (the same JSON, read alike by any parser), so the file stays inert when a
    # reader pastes it into a page's <script>.
    return str(htmlsafe_json_dumps(document, ensure_ascii=False, indent=2)) + "\n"


@event_priority(-100)
def on_files(files, config):
    data = build_state.last_good_data
    if data is None or not data.models:
        return files
    lang = current_language(config)
    root = language_root(config, lang)
    site = config.site_url or "/"
    site = site if site.endswith("/") else site + "/"

    def card_url(model_id: str) -> str:
        return f"{site}{root}models/#{model_id}"

    rows = model_chart.download_rows(data, lang, data.text("parameters-undisclosed", lang), card_url)
    base = f"{root}downloads/{model_chart.DOWNLOAD_NAME}"
    page_url = f"{site}{root}current-llms/#figure-2"
    for uri, content in ((f"{base}.csv", to_csv(rows)), (f"{base}.json", to_json(rows, data, lang, page_url))):
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, uri, content=content))
    log.debug("wrote %s.csv and .json (%d models)", base, len(rows))
    return files
