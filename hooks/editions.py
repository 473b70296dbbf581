"""Publish the course editions (PDF handouts, offline copy) under `downloads/`, when the build has them.

MkDocs event: `on_files` at priority -100, after mkdocs-static-i18n's own `on_files`, which rebuilds the file list
for the language being built. The files go to the site root's `downloads/`, so only the default language's
build adds them (the other languages' builds write into the same folder and leave them in place).

Without `EDITIONS_DIR` (a plain `make build`) nothing is added; `llm_medicine/editions.py` explains the rest.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from llm_medicine import editions, languages


@event_priority(-100)
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    if languages.current(config) != languages.of_config(config).default:
        return files
    try:
        available = editions.available()
    except editions.EditionsError as error:
        raise PluginError(str(error)) from None
    for edition in available:
        existing = files.get_file_from_path(edition.uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, edition.uri, abs_src_path=str(editions.folder() / edition.file)))
    return files
