"""The data behind the figures as downloads: `downloads/model-sizes.csv` and `.json` (Figure 2),
`downloads/benchmark-results.csv` and `.json` (the scores figure), and the same under `zh/downloads/`.

MkDocs event: `on_files` at priority -100, after mkdocs-static-i18n's own `on_files` (also -100, but plugins run
before hooks at equal priority), which rebuilds the file list for the language being built and would drop files
added earlier. mkdocs-static-i18n builds the site once per language into one folder, so each build adds only
its own language's files (`File.generated`, never written into docs/).

Contents depend only on data/ and site_url, so two builds of one commit give identical files
(`llm_medicine/downloads.py` writes them).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from llm_medicine import downloads, languages
from llm_medicine.data import site_data


@event_priority(-100)
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    data = site_data(config)
    lang = languages.current(config)
    root = languages.of_config(config).root(lang)
    site = config.site_url or "/"
    site = site if site.endswith("/") else site + "/"

    def page_url(path: str) -> str:
        return f"{site}{root}{path}"

    for download in downloads.figure_downloads(data, lang, lambda model_id: page_url(f"models/#{model_id}"), page_url):
        base = f"{root}downloads/{download.name}"
        for uri, content in ((f"{base}.csv", downloads.to_csv(download.rows, download.fields)),
                             (f"{base}.json", downloads.to_json(download, data, lang, page_url(download.page)))):
            existing = files.get_file_from_path(uri)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, uri, content=content))
    return files
