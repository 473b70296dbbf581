"""Glossary terms explain themselves where they are used (`llm_medicine/glossary_links.py` does the linking).

MkDocs events:
- `on_config`: adds the Markdown extension to the page renderer (once, although the i18n plugin runs
  `on_config` once per language).
- `on_page_markdown`: tells it which page comes next: its language, the relative path to its glossary and the
  terms of that language.
"""

from __future__ import annotations

import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from llm_medicine import languages
from llm_medicine.data import site_data
from llm_medicine.glossary_links import EXTENSION, PageInfo


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if EXTENSION not in config.markdown_extensions:
        config.markdown_extensions.append(EXTENSION)
    return config


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = languages.of_page(page, config)
    glossary = files.get_file_from_path(f"{lang}/glossary.md")
    if glossary is None or glossary.src_uri == page.file.src_uri:
        EXTENSION.page = PageInfo(lang, None)
    else:
        # A link to the Markdown source: MkDocs resolves it to a URL and validates the anchor.
        page_folder = posixpath.dirname(page.file.src_uri)
        EXTENSION.page = PageInfo(lang, posixpath.relpath(glossary.src_uri, page_folder),
                                  site_data(config).glossary.values())
    return markdown
