"""The data behind Figure 2 as downloads: `downloads/model-sizes.csv` and `.json`, and `zh/downloads/...`.

MkDocs event: `on_files` at priority -100, after mkdocs-static-i18n's own `on_files` (also -100, but plugins run
before hooks at equal priority), which rebuilds the file list for the language being built and would drop files
added earlier. mkdocs-static-i18n builds the site once per language into one folder, so each build adds only
its own language's two files (`File.generated`, never written into docs/).

Contents depend only on data/ and site_url, so two builds of one commit give identical files
(`llm_medicine/downloads.py` writes them).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from llm_medicine import chart, downloads, languages
from llm_medicine.data import site_data


@event_priority(-100)
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    data = site_data(config)
    lang = languages.current(config)
    root = languages.of_config(config).root(lang)
    site = config.site_url or "/"
    site = site if site.endswith("/") else site + "/"

    def card_url(model_id: str) -> str:
        return f"{site}{root}models/#{model_id}"

    rows = chart.download_rows(data, lang, data.text("parameters-undisclosed", lang), card_url)
    base = f"{root}downloads/{chart.DOWNLOAD_NAME}"
    page_url = f"{site}{root}current-llms/#figure-2"
    for uri, content in ((f"{base}.csv", downloads.to_csv(rows)),
                         (f"{base}.json", downloads.to_json(rows, data, lang, page_url))):
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, uri, content=content))
    return files
