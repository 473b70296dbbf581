"""Which Chinese texts may be out of date because their English source changed since they were translated.

MkDocs events:
- `on_page_markdown` (Chinese pages): compares the page's recorded `source_hash` with the hash of its English
  page now; when they differ, or none is recorded, `page.meta["translation_status"]` tells the theme
  (`overrides/main.html`, block `content`) to show a notice at the top of the page, linking to the English page.
- `on_post_build` (once, in the default language's build): writes the full report, pages and data entries, to `translation-status.json` at the site
  root (the same report that `make translations` prints).

How a translation records its source:
- Pages: the front matter of `docs/zh/<page>.md` holds `source_hash:`, the first 12 hex digits of the SHA-256
  of the English page's Markdown body (the text after its front matter, without surrounding blank lines).
  Only the body counts, so editing the English `description` alone does not mark the page stale.
- Data: `data/translation-status.yml` maps each data file to `{entry id: hash}`, where the hash covers every
  English text of the entry (the `en` value of each `{en: ..., zh: ...}` pair, in order). `ui.yml` is keyed by
  its keys, `review.yml` is one entry named `review`, references by their number.
- `scripts/translation-status.py --update PAGE` records the current hashes after a translation is revised
  (`introduction.md`, `models.yml`, `models.yml:gpt-4`, or `all`); without `--update` it prints the report.

A Chinese page without `source_hash`, or a data entry without a recorded hash, counts as stale: it is shown
and reported, never an error, so a strict build still passes and nothing goes silently unchecked.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data as get_markdown_meta

from data_loader import parse_yaml

log = logging.getLogger("mkdocs.hooks.translation_status")

SOURCE_LANGUAGE, TRANSLATION = "en", "zh"
STATUS_FILE = "translation-status.yml"
REPORT_FILE = "translation-status.json"
HASH_LENGTH = 12
DATA_FILES = ("review", "families", "models", "glossary", "tasks", "limitations", "training_stages",
              "benchmarks", "references", "corrections", "ui")


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
        if SOURCE_LANGUAGE in value and TRANSLATION in value:
            return [value[SOURCE_LANGUAGE]]
        return [text for item in value.values() for text in english_texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in english_texts(item)]
    return []


def data_entries(data_dir: Path, name: str) -> dict[str, str]:
    """`{entry id: hash of its English texts}` for one data file (entries without English text are left out)."""
    path = data_dir / f"{name}.yml"
    if not path.exists():
        return {}
    raw = parse_yaml(path.read_text(encoding="utf-8"))
    if name == "review":
        entries = {"review": raw}
    elif isinstance(raw, dict):
        entries = raw
    else:
        entries = {str(item.get("id", item.get("number"))): item for item in raw or [] if isinstance(item, dict)}
    hashes = {}
    for key, entry in entries.items():
        texts = english_texts(entry)
        if texts:
            hashes[str(key)] = short_hash(json.dumps(texts, ensure_ascii=False))
    return hashes


def recorded_data_hashes(data_dir: Path) -> dict[str, dict[str, str]]:
    path = data_dir / STATUS_FILE
    if not path.exists():
        return {}
    return parse_yaml(path.read_text(encoding="utf-8")) or {}


def page_status(docs_dir: Path, page: str) -> Stale | None:
    """Status of `docs/zh/<page>`; `page` is relative to the language folder, e.g. `introduction.md`."""
    english = docs_dir / SOURCE_LANGUAGE / page
    chinese = docs_dir / TRANSLATION / page
    if not english.exists() or not chinese.exists():
        return None  # hooks/translations.py fails the build on a missing translation
    _, meta = get_markdown_meta(chinese.read_text(encoding="utf-8"))
    recorded = meta.get("source_hash")
    current = page_hash(english.read_text(encoding="utf-8"))
    if recorded is not None and str(recorded) == current:
        return None
    return Stale("page", f"docs/{TRANSLATION}/{page}", f"docs/{SOURCE_LANGUAGE}/{page}",
                 "unrecorded" if recorded is None else "changed")


def report(root: Path) -> dict:
    """Every stale page and data entry of the project at `root`."""
    docs_dir, data_dir = root / "docs", root / "data"
    pages = sorted(p.relative_to(docs_dir / TRANSLATION).as_posix() for p in (docs_dir / TRANSLATION).rglob("*.md"))
    stale = [status for page in pages if (status := page_status(docs_dir, page))]
    recorded = recorded_data_hashes(data_dir)
    entries = 0
    for name in DATA_FILES:
        known = recorded.get(name) or {}
        for key, current in data_entries(data_dir, name).items():
            entries += 1
            if known.get(key) != current:
                where = f"data/{name}.yml:{key}"
                stale.append(Stale("data", where, where, "unrecorded" if key not in known else "changed"))
    return {
        "checked": {"pages": len(pages), "data_entries": entries},
        "stale_count": len(stale),
        "stale": [asdict(item) for item in stale],
    }


# MkDocs events -------------------------------------------------------------------------------------------


def on_page_markdown(markdown: str, page, config, files) -> str:
    src_uri = page.file.src_uri
    if not src_uri.startswith(f"{TRANSLATION}/"):
        return markdown
    relative = src_uri[len(TRANSLATION) + 1:]
    status = page_status(Path(config.docs_dir), relative)
    if status is not None:
        log.info("docs/%s may be out of date: %s", src_uri, {
            "changed": "its English page changed since it was translated",
            "unrecorded": "it records no source_hash",
        }[status.reason])
        page.meta["translation_status"] = {"reason": status.reason, "english_href": english_href(page.url)}
    return markdown


def english_href(chinese_url: str) -> str:
    """The English page's URL relative to the Chinese one (folder layout: English at the root, Chinese at zh/)."""
    prefix = f"{TRANSLATION}/"
    english = chinese_url[len(prefix):] if chinese_url.startswith(prefix) else chinese_url
    return get_relative_url(english or "./", chinese_url)


def on_post_build(config) -> None:
    i18n = config.plugins["i18n"]
    if i18n.current_language != i18n.default_language:
        return  # one report per build, not one per language: it covers both
    root = Path(config.config_file_path).parent
    result = report(root)
    (Path(config.site_dir) / REPORT_FILE).write_text(
        json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
