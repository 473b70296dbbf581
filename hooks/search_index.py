"""One search index per language, with the Chinese one made searchable.

MkDocs event: `on_post_build` (priority -200: after mkdocs-static-i18n, whose own `on_post_build` builds the
other languages and merges all their entries into `search/search_index.json`).

- Split: the theme loads the whole index on every page, so one file with both languages costs every reader
  the other language too (about half of it). Entries of each other language move to `<lang>/search/
  search_index.json`, their locations made relative to that folder, and `overrides/main.html` points the
  theme's search at it on that language's pages. The default language keeps `search/search_index.json`.
- Chinese is written without spaces, so lunr would index a whole clause as one word and a search for 幻觉 would
  find nothing. A zero-width space goes between Chinese characters in the index only (never in the pages), and
  the search `separator` in mkdocs.yml splits on it: each character becomes a token, and a query such as 幻觉,
  split the same way, matches pages holding both characters.

Running it again changes nothing: an index already split has no entries of the other languages left.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from llm_medicine import languages

log = logging.getLogger("mkdocs.hooks.search_index")

CJK = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
BETWEEN_CJK = re.compile(rf"(?<={CJK})(?={CJK})")


def segment(text: str) -> str:
    return BETWEEN_CJK.sub("\u200b", text)


def _write(path: Path, index: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


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
            if not languages.writes_words_apart(lang):
                entry["title"], entry["text"] = segment(entry["title"]), segment(entry["text"])
        _write(site / lang / "search" / "search_index.json", {**index, "docs": moved})
        log.debug("search index for '%s': %d entries", lang, len(moved))
    _write(index_path, index)
