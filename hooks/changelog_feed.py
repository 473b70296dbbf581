"""The data's changelog as an Atom feed per language: `feed.xml` and `zh/feed.xml`, linked from every page's head
(`overrides/main.html`), so an instructor can follow what changes.

MkDocs event: `on_files` at priority -100, after mkdocs-static-i18n's own `on_files` rebuilt the file list for the
language being built (as `chart_downloads.py`); a generated file, never written into docs/. Its addresses are
absolute (`site_url`), as feed readers need; its content comes from data/changelog.yml through
`overrides/feed/atom.html`.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from llm_medicine import figures, languages, templates
from llm_medicine.data import site_data

FEED = "feed.xml"


@event_priority(-100)
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    data = site_data(config)
    lang = languages.current(config)
    root = languages.of_config(config).root(lang)
    site = config.site_url or "/"
    site = site if site.endswith("/") else site + "/"
    env = templates.environment(templates.overrides_dir(config))
    feed = env.get_template("feed/atom.html").render(
        lang=lang, releases=data.changelog, author=figures.SITE_AUTHOR,
        text=lambda key: data.text(key, lang), title=data.text("feed-title", lang),
        colon=languages.after_label(data.text("label-colon", lang), lang),
        subtitle=data.text("feed-subtitle", lang), feed_url=f"{site}{root}{FEED}", page_url=f"{site}{root}changelog/")
    uri = f"{root}{FEED}"
    existing = files.get_file_from_path(uri)
    if existing is not None:
        files.remove(existing)
    files.append(File.generated(config, uri, content=feed.strip() + "\n"))
    return files
