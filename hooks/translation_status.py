"""Which Chinese texts may be out of date because their English source changed since they were translated.

MkDocs events:
- `on_page_markdown` (translated pages): when the page's recorded `source_hash` no longer matches its English
  page, or none is recorded, `page.meta["translation_status"]` tells the theme (`overrides/main.html`, block
  `content`) to show a notice at the top of the page, linking to the English page.
- `on_post_build` (once, in the default language's build): writes the full report, pages and data entries, to
  `translation-status.json` at the site root (the same report that `make translations` prints).

How the hashes are made and kept: `llm_medicine/translation_report.py`.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from llm_medicine import languages, translation_report
from llm_medicine.data import site_data

log = logging.getLogger("mkdocs.hooks.translation_status")

REASONS = {
    "changed": "its English page changed since it was translated",
    "unrecorded": "it records no source_hash",
}


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    langs = languages.of_config(config)
    lang = languages.of_page(page, config)
    if lang == langs.default:
        return markdown
    relative = page.file.src_uri.removeprefix(f"{lang}/")
    for status in translation_report.page_status(Path(config.docs_dir), relative, langs):
        if status.path == f"docs/{page.file.src_uri}":
            log.info("%s may be out of date: %s", status.path, REASONS[status.reason])
            english_url = page.url.removeprefix(langs.root(lang)) or "./"
            page.meta["translation_status"] = {"reason": status.reason,
                                               "english_href": get_relative_url(english_url, page.url)}
    return markdown


def on_post_build(*, config: MkDocsConfig) -> None:
    langs = languages.of_config(config)
    if languages.current(config) != langs.default:
        return  # one report per build, not one per language: it covers every language
    result = translation_report.report(Path(config.docs_dir), site_data(config), langs)
    (Path(config.site_dir) / translation_report.REPORT_FILE).write_text(
        json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
