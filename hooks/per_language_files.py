"""Give each language its own 404 page and sitemap.

MkDocs event: `on_post_build` (default priority, so before mkdocs-static-i18n's own `on_post_build` at -100,
which builds the other languages into the same folder, each build running this again).

Each language build renders `404.html` and `sitemap.xml` at the site root, so only the last language's would
survive: the default language's 404 page is set aside, each other language keeps its own as `<lang>/404.html`,
and the root 404 page goes back to the default language.

Sitemaps: Material's language switch fetches `sitemap.xml` next to every `<link rel="alternate" hreflang>` of
the page. mkdocs-static-i18n (rightly) points those at the page's own translations, e.g. `zh/introduction/`,
so Material asks for `zh/introduction/sitemap.xml`: a 404 and a console error on every page. The sitemap
(which lists both languages) is therefore placed in every page's folder, a few kilobytes each.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from llm_medicine import languages

DEFAULT_LANGUAGE_COPY = "404.default-language.html"


def on_post_build(*, config: MkDocsConfig) -> None:
    site, langs, lang = Path(config.site_dir), languages.of_config(config), languages.current(config)
    rendered, default_copy = site / "404.html", site / DEFAULT_LANGUAGE_COPY
    if lang == langs.default:
        shutil.copyfile(rendered, default_copy)
        return
    shutil.copyfile(rendered, site / lang / "404.html")
    for page in site.rglob("index.html"):
        if page.parent != site:
            shutil.copyfile(site / "sitemap.xml", page.parent / "sitemap.xml")
    shutil.copyfile(default_copy, rendered)
    if lang == langs.all[-1]:
        default_copy.unlink()
