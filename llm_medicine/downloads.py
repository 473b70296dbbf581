"""The data behind Figure 2 as files a reader downloads: `model-sizes.csv` and `model-sizes.json`.

The hook `chart_downloads.py` writes them for each language; the rows come from `chart.download_rows()`.

- One row per model, in the chart's order; field names are fixed English identifiers so a script reads both
  languages alike; names of families, developers and the size as shown are in the file's language.
- Every model of data/models.yml, the review's and the later ones alike: `in_review` is false for a model
  released after the review (`since_review` in the data), `source_quote` holds its primary source's own words.
- An undisclosed size is empty in the CSV and `null` in the JSON, with `parameters_disclosed` false; never 0.
  So is `parameters_active` for any model but a mixture of experts, and `source_quote` where there is none.
- The CSV starts with a byte-order mark, so spreadsheet programs read the Chinese text as UTF-8.
"""

from __future__ import annotations

import csv
import io

from jinja2.utils import htmlsafe_json_dumps

FIELDS = ("id", "name", "family", "developer", "parameters", "parameters_active", "parameters_display",
          "parameters_disclosed", "released", "in_review", "architecture", "domain", "source_title", "source_year",
          "source_url", "source_quote", "model_card")


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
