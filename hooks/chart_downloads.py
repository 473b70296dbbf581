"""The data behind each figure as downloads, in each language's `downloads/` folder: a CSV, a JSON and a zip (the
two with a README and a CITATION.cff) for Figure 1 (`training-stages`), Figure 2 (`model-sizes`) and the scores
figure (`benchmark-results`).

MkDocs event: `on_files` at priority -100, after mkdocs-static-i18n's own `on_files` (also -100, but plugins run
before hooks at equal priority), which rebuilds the file list for the language being built and would drop files
added earlier. mkdocs-static-i18n builds the site once per language into one folder, so each build adds only
its own language's files (`File.generated`, never written into docs/).

Contents depend only on data/ and site_url, so two builds of one commit give identical files
(`llm_medicine/downloads.py` writes them; the zip's README and CITATION.cff come from `overrides/downloads/`).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from llm_medicine import downloads, figures, languages, templates
from llm_medicine.data import site_data


@event_priority(-100)
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    data = site_data(config)
    lang = languages.current(config)
    langs = languages.of_config(config)
    root = langs.root(lang)
    site = config.site_url or "/"
    site = site if site.endswith("/") else site + "/"
    env = templates.environment(templates.overrides_dir(config))

    def page_url(path: str) -> str:
        return f"{site}{root}{path}"

    def text(key: str) -> str:
        return data.text(key, lang)

    for download in downloads.figure_downloads(data, lang, lambda model_id: page_url(f"models/#{model_id}"), page_url):
        address = page_url(download.figure.path(""))
        csv_text = downloads.to_csv(download.rows, download.fields)
        json_text = downloads.to_json(download, data, lang, address)
        context = {"download": download, "data": data, "text": text,
                   "c": figures.citation(download.figure, data, lang, address, langs.site_names[lang]),
                   "fields": downloads.field_definitions(download, data, lang),
                   "repository": config.extra["repository"], "license": figures.LICENSE}
        bundle = downloads.to_zip({
            f"{download.name}.csv": csv_text, f"{download.name}.json": json_text,
            "README.md": env.get_template("downloads/readme.html").render(context).strip() + "\n",
            "CITATION.cff": env.get_template("downloads/citation-cff.html").render(context).strip() + "\n",
        })
        base = f"{root}downloads/{download.name}"
        for uri, content in ((f"{base}.csv", csv_text), (f"{base}.json", json_text), (f"{base}.zip", bundle)):
            existing = files.get_file_from_path(uri)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, uri, content=content))
    return files
