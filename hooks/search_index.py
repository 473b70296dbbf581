"""One search index per language, with the Chinese one made searchable.

MkDocs events: `on_post_build` (priority -200: after mkdocs-static-i18n, whose own `on_post_build` builds the
other languages and merges all their entries into `search/search_index.json`); `on_config` (priority 100,
before Material's `offline` plugin) for the offline copy and the Chinese words.

- Split: the theme loads the whole index on every page, so one file with both languages costs every reader
  the other language too (about half of it). Entries of each other language move to `<lang>/search/
  search_index.json`, their locations made relative to that folder, and `overrides/main.html` points the
  theme's search at it on that language's pages. The default language keeps `search/search_index.json`.
- Chinese is written without spaces: Material's search plugin splits it into words with jieba, which `on_config`
  first teaches the site's own terms (`llm_medicine/search_words.py`).

- The offline copy (`OFFLINE=true`, Material's `offline` plugin, see mkdocs.yml): opened from disk, the theme
  reads the index from a script, `search/search_index.js`, next to the JSON it would fetch. The plugin writes
  one with every language's entries, before this hook splits them, so each language's script is written here,
  after the split. The plugin would also load a Web Worker shim from unpkg.com; `on_config` puts the copy
  vendored in `overrides/assets/vendor/iframe-worker/` first, and the plugin then adds none.

Running it again changes nothing: an index already split has no entries of the other languages left.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from llm_medicine import languages, search_words
from llm_medicine.data import site_data

log = logging.getLogger("mkdocs.hooks.search_index")

WORKER_SHIM = "assets/vendor/iframe-worker/shim-1.0.4.js"


def offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not all(languages.writes_words_apart(lang) for lang in languages.of_config(config).all):
        search_words.teach(site_data(config))
    if offline(config):
        polyfills = config.extra.get("polyfills") or []
        config.extra["polyfills"] = [WORKER_SHIM, *[url for url in polyfills if url != WORKER_SHIM]]
    return config


def _write(path: Path, index: dict, as_script: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    if as_script:  # what the theme loads from file:// (the same form as Material's offline plugin writes)
        path.with_suffix(".js").write_text(f"var __index = {text}", encoding="utf-8")


@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    index_path = site / "search" / "search_index.json"
    if not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    langs = languages.of_config(config)
    index["config"]["lang"] = [langs.default]
    for lang in langs.translations:
        prefix = f"{lang}/"
        moved = [entry for entry in index["docs"] if entry.get("location", "").startswith(prefix)]
        if not moved:
            continue
        index["docs"] = [entry for entry in index["docs"] if not entry.get("location", "").startswith(prefix)]
        for entry in moved:
            entry["location"] = entry["location"][len(prefix):]
        _write(site / lang / "search" / "search_index.json", {**index, "docs": moved}, offline(config))
        log.debug("search index for '%s': %d entries", lang, len(moved))
    _write(index_path, index, offline(config))
