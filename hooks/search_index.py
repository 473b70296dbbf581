"""Make the Chinese half of the search index searchable.

MkDocs event: `on_post_build` (priority -200: after mkdocs-static-i18n, whose own `on_post_build` builds the
other languages and merges their entries into `search/search_index.json`).

Chinese is written without spaces, so lunr would index a whole clause as one word and a search for 幻觉 would
find nothing. This puts a zero-width space between Chinese characters in the index only (never in the pages),
and the search `separator` in mkdocs.yml splits on it: each character becomes a token, and a query such as
幻觉, split the same way, matches pages holding both characters. Running it twice changes nothing.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.search_index")

CJK = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
BETWEEN_CJK = re.compile(rf"(?<={CJK})(?={CJK})")


def segment(text: str) -> str:
    return BETWEEN_CJK.sub("\u200b", text)


@event_priority(-200)
def on_post_build(config) -> None:
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    if not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    index["config"]["lang"] = ["en"]
    for entry in index.get("docs", []):
        if entry.get("location", "").startswith("zh/"):
            entry["title"] = segment(entry["title"])
            entry["text"] = segment(entry["text"])
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
