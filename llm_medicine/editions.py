"""The course editions a build publishes: a PDF handout per language and one offline copy for both languages.

Handles no MkDocs event. `scripts/editions.py` (`make editions`) makes the files into a folder with a manifest,
`editions.json`, then builds the site with `EDITIONS_DIR` set to that folder: the hook `editions.py` copies every
listed file to `downloads/`, and the macro `{{ editions() }}` lists them (size, pages, date) on the home and
Stable links pages. A build without `EDITIONS_DIR` (`make build`, `mkdocs serve`) has no editions, and the macro
says so instead of linking to files that are not there.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

ENV = "EDITIONS_DIR"
MANIFEST = "editions.json"
FOLDER = "downloads"
KINDS = ("pdf", "offline")


@dataclass(frozen=True)
class Edition:
    kind: str
    """`pdf` (a handout in one language) or `offline` (a zip of the whole site)."""
    lang: str | None
    """The handout's language; None for the offline copy, which holds every language."""
    file: str
    """The file name, published as `downloads/<file>`."""
    bytes: int
    built: dt.date
    pages: int | None = None

    @property
    def uri(self) -> str:
        return f"{FOLDER}/{self.file}"


def folder() -> Path | None:
    value = os.environ.get(ENV)
    return Path(value) if value else None


def available() -> list[Edition]:
    """The editions of this build (empty without `EDITIONS_DIR`), checked against the files they name."""
    directory = folder()
    if directory is None:
        return []
    path = directory / MANIFEST
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["editions"]
    except (OSError, ValueError, KeyError) as error:
        raise EditionsError(f"{path}: cannot read the editions manifest ({error}); run `make editions`") from None
    editions = []
    for number, entry in enumerate(entries, 1):
        try:
            edition = Edition(kind=entry["kind"], lang=entry.get("lang"), file=entry["file"], bytes=int(entry["bytes"]),
                              built=dt.date.fromisoformat(entry["built"]), pages=entry.get("pages"))
        except (KeyError, TypeError, ValueError) as error:
            raise EditionsError(f"{path}: edition {number}: bad or missing field ({error})") from None
        if edition.kind not in KINDS:
            raise EditionsError(f"{path}: edition {number}: kind {edition.kind!r} is not one of {', '.join(KINDS)}")
        source = directory / edition.file
        if not source.is_file() or source.stat().st_size != edition.bytes:
            raise EditionsError(f"{path}: edition {number}: {source} is missing or not the size listed")
        editions.append(edition)
    return editions


def write_manifest(directory: Path, editions: list[Edition]) -> Path:
    path = directory / MANIFEST
    entries = [{**asdict(edition), "built": edition.built.isoformat()} for edition in editions]
    path.write_text(json.dumps({"editions": entries}, indent=2) + "\n", encoding="utf-8")
    return path


class EditionsError(Exception):
    pass
