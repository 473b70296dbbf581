"""Which translated texts may be out of date because their English source changed since they were translated.

Handles no MkDocs event: the hook `translation_status.py` shows a notice on stale pages and writes the report;
`scripts/translation-status.py` (`make translations`) prints it and records revised translations.

- A translated page records the hash of its English page's body when it was translated (`source_hash:` in its
  front matter). A page whose English body hashes differently now, or that records nothing, is stale.
- A data entry's English texts (the `en` side of every `{en, zh}` pair) are hashed the same way, and the hashes
  recorded when its translation was checked are in `data/translation-status.yml`, read through the one loader
  with every other data file.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from mkdocs.utils.meta import get_data as get_markdown_meta

from llm_medicine import schema
from llm_medicine.data import MAPPING_FILES, TRANSLATION_RECORDS_FILE, SiteData
from llm_medicine.data import ALL_FILES as _ALL_DATA_FILES
from llm_medicine.languages import Languages

REPORT_FILE = "translation-status.json"
HASH_LENGTH = 12
DATA_FILES = tuple(name for name in _ALL_DATA_FILES if name != TRANSLATION_RECORDS_FILE)
"""The data files whose entries are translated: every one but the records themselves."""


@dataclass(frozen=True)
class Stale:
    kind: str
    """`page` or `data`."""
    path: str
    """`docs/zh/introduction.md`, or `data/models.yml:gpt-4`."""
    source: str
    """The English source: `docs/en/introduction.md`, or `data/models.yml:gpt-4`."""
    reason: str
    """`changed` (the English text changed since the recorded hash) or `unrecorded` (no hash recorded)."""


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def page_hash(markdown: str) -> str:
    body, _ = get_markdown_meta(markdown)
    return short_hash(body.strip())


def english_texts(value) -> list:
    """Every English text in a data entry, in order: the `en` side of each `{en, zh}` pair."""
    if isinstance(value, dict):
        if set(schema.LANGUAGES) <= value.keys():
            return [value[schema.SOURCE_LANGUAGE]]
        return [text for item in value.values() for text in english_texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in english_texts(item)]
    return []


def data_entries(data: SiteData, name: str) -> dict[str, str]:
    """`{entry id: hash of its English texts}` for one data file (entries without English text are left out)."""
    raw = data.documents[name]
    if name in MAPPING_FILES:
        entries = {"review": raw}
    elif isinstance(raw, dict):
        entries = raw
    else:
        entries = {str(item.get("id", item.get("number", item.get("version")))): item
                   for item in raw or [] if isinstance(item, dict)}
    hashes = {}
    for key, entry in entries.items():
        texts = english_texts(entry)
        if texts:
            hashes[str(key)] = short_hash(json.dumps(texts, ensure_ascii=False))
    return hashes


def page_status(docs_dir: Path, page: str, langs: Languages) -> list[Stale]:
    """Status of each translation of `docs/<source>/<page>`; `page` is relative to the language folder."""
    english = docs_dir / langs.default / page
    stale = []
    for lang in langs.translations:
        translated = docs_dir / lang / page
        if not english.exists() or not translated.exists():
            continue  # hooks/translations.py fails the build on a missing translation
        _, meta = get_markdown_meta(_read(translated))
        recorded = meta.get("source_hash")
        if recorded is not None and str(recorded) == page_hash(_read(english)):
            continue
        stale.append(Stale("page", f"docs/{lang}/{page}", f"docs/{langs.default}/{page}",
                           "unrecorded" if recorded is None else "changed"))
    return stale


def _read(page: Path) -> str:
    # A page that is not UTF-8 fails the build (hooks/page_sources.py); under `mkdocs serve`, where the last good
    # version is shown, it only reads as changed here.
    return page.read_text(encoding="utf-8", errors="replace")


def report(docs_dir: Path, data: SiteData, langs: Languages) -> dict:
    """Every stale page and data entry: the translated pages in `docs_dir`, the entries of `data`."""
    source = docs_dir / langs.default
    pages = sorted(p.relative_to(source).as_posix() for p in source.rglob("*.md"))
    stale = [status for page in pages for status in page_status(docs_dir, page, langs)]
    recorded = data.translation_records
    entries = 0
    for name in DATA_FILES:
        known = recorded.get(name) or {}
        for key, current in data_entries(data, name).items():
            entries += 1
            if known.get(key) != current:
                where = f"data/{name}.yml:{key}"
                stale.append(Stale("data", where, where, "unrecorded" if key not in known else "changed"))
    return {
        "checked": {"pages": len(pages) * len(langs.translations), "data_entries": entries},
        "stale_count": len(stale),
        "stale": [asdict(item) for item in stale],
    }
