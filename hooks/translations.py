"""Every page exists in both languages; a missing translation fails the build.

MkDocs event: `on_pre_build`, before the site folder is cleaned, so a missing page stops the build early.

mkdocs-static-i18n would otherwise build a Chinese site that silently lacks the page, or, with fallback on,
shows the English page under /zh/. Reader-facing strings in `data/` are checked by the schema (every `Text`
needs `en` and `zh`); this does the same for the Markdown pages. Under `mkdocs serve`, the other pages stay up
with a banner naming the missing one (`llm_medicine/serve_fallback.py`).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from llm_medicine import languages, serve_fallback


def on_pre_build(*, config: MkDocsConfig) -> None:
    langs = languages.of_config(config).all
    docs = Path(config.docs_dir)
    pages = {lang: {p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")} for lang in langs}
    strays = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if p.relative_to(docs).parts[0] not in langs]
    if strays:
        raise PluginError(f"Every page lives in {' or '.join(f'docs/{lang}/' for lang in langs)}; found: " + ", ".join(sorted(strays)))
    missing = [
        f"docs/{lang}/{page} (translation of docs/{other}/{page})"
        for lang in langs
        for other in langs
        if other != lang
        for page in sorted(pages[other] - pages[lang])
    ]
    if missing:
        message = "Missing translation:\n  " + "\n  ".join(missing)
        if serve_fallback.keep_going("translations", message):
            return  # under `mkdocs serve`: the other pages stay up, with a banner naming the missing one
        raise PluginError(message)
    serve_fallback.remember("translations", True)
