"""The data's version: the newest entry of data/changelog.yml, and whether the data changed since it was recorded.

Handles no MkDocs event. The pages, figure citations, downloads, feed and handouts show `current(data)`;
`scripts/data-version.py` stamps a new changelog entry with `fingerprint()`, and the tests fail when the data
files no longer match the newest entry's stamp, naming what to add.

- The fingerprint covers the files that hold facts (models, results, benchmarks, glossary...): not the interface
  strings (`ui.yml`), the translation records or the changelog itself, whose edits change no fact.
- Files are read as bytes in a fixed order: the same data gives the same fingerprint on any machine.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from llm_medicine.data import STRINGS_FILE, TRANSLATION_RECORDS_FILE
from llm_medicine.data import ALL_FILES as _ALL_DATA_FILES

CHANGELOG_FILE = "changelog"
FACT_FILES = tuple(sorted(name for name in _ALL_DATA_FILES
                          if name not in (STRINGS_FILE, TRANSLATION_RECORDS_FILE, CHANGELOG_FILE)))
"""The data files whose edits are changes a reader may need to know of: every one but the interface strings,
the translation records and the changelog."""
HASH_LENGTH = 12


def fingerprint(data_dir: Path) -> str:
    digest = hashlib.sha256()
    for name in FACT_FILES:
        digest.update(name.encode())
        digest.update((Path(data_dir) / f"{name}.yml").read_bytes())
    return digest.hexdigest()[:HASH_LENGTH]


def current(data):
    """The newest version of the data: `release.version` (`1.2`), `release.date`, `release.id` (`v1-2`)."""
    return data.changelog[0]


def unrecorded_change(data, data_dir: Path) -> str | None:
    """None when the data is as its newest version recorded it; otherwise what an editor must do, in words."""
    now, newest = fingerprint(data_dir), current(data)
    if now == newest.data_hash:
        return None
    return (f"data/ changed since data version {newest.version} ({newest.date}) was recorded: add an entry at the "
            f"top of data/{CHANGELOG_FILE}.yml (version {newest.number[0]}.{newest.number[1] + 1}) saying what "
            "changed and why, with the entries it changed or its sources, then run "
            "`.venv/bin/python scripts/data-version.py --stamp`; if the newest entry already says so, only run "
            "the command")
