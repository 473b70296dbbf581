"""Partials copied from mkdocs-material follow the theme: each names the file and hash it was copied from, and
this fails when the installed theme's file is no longer that one (re-copy it, keep the change, update the hash)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest

from conftest import ROOT

COPIED_FROM = re.compile(r"Copied from mkdocs-material [\d.]+ (?P<path>\S+) \(sha256 (?P<sha>[0-9a-f]{64})")
PARTIALS = sorted((ROOT / "overrides" / "partials").glob("*.html"))


def test_there_are_partials_to_check():
    assert PARTIALS, "overrides/partials/ holds no copied partial: remove this test file with the last one"


@pytest.mark.parametrize("partial", PARTIALS, ids=lambda path: path.name)
def test_copied_partial_matches_the_installed_theme(partial: Path):
    header = COPIED_FROM.search(partial.read_text(encoding="utf-8"))
    assert header, f"{partial.name}: its first comment must say 'Copied from mkdocs-material X path (sha256 ...)'"
    upstream = Path(material.__file__).parent / "templates" / header["path"]
    digest = hashlib.sha256(upstream.read_bytes()).hexdigest()
    assert digest == header["sha"], (
        f"{partial.name} was copied from a different {header['path']} than the installed mkdocs-material's: "
        "copy the new one, apply this site's change again and record the new sha256")
