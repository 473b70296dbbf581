"""Links and reproducibility, over the built site: every internal link and anchor resolves in both languages,
external links are listed in one report, and two builds of the same commit are byte-identical."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, _build, site_path

import link_report  # noqa: E402


def test_every_internal_link_and_anchor_resolves(built_site):
    links = link_report.collect(built_site, site_path())
    assert len(links.internal) > 500, "too few internal links were checked"
    broken = link_report.broken_internal(built_site, links, site_path())
    assert not broken, "\n".join(broken[:40])


def test_external_links_are_listed_in_one_report(built_site, tmp_path):
    report = tmp_path / "external-links.md"
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "link_report.py"), str(built_site),
                           "--mount", site_path(), "--output", str(report)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    text = report.read_text(encoding="utf-8")
    assert "https://doi.org/10.7326/M23-2772" in text
    assert "https://arxiv.org/abs/2309.00087" in text
    assert "| https://doi.org/10.7326/M23-2772 | " in text and "index.html" in text


def test_a_broken_anchor_is_caught(built_site, tmp_path):
    page = tmp_path / "site"
    page.mkdir()
    (page / "index.html").write_text('<a href="other/#missing">x</a><a href="gone/">y</a>', encoding="utf-8")
    (page / "other").mkdir()
    (page / "other" / "index.html").write_text('<h2 id="present">x</h2>', encoding="utf-8")
    broken = link_report.broken_internal(page, link_report.collect(page, "/"))
    assert len(broken) == 2


def test_two_builds_of_the_same_commit_are_identical(built_site, tmp_path):
    """Only the sitemap's <lastmod> depends on the build date, and SOURCE_DATE_EPOCH fixes it (make build
    sets it from the last commit; the session's build sets it too), so a second build is byte-identical."""
    second = _build(ROOT, tmp_path / "second")
    assert second.returncode == 0, second.output[-3000:]
    differences = _compare(built_site, second.site)
    assert not differences, differences


def _compare(left: Path, right: Path) -> list[str]:
    found = []
    comparison = filecmp.dircmp(left, right)
    stack = [comparison]
    while stack:
        current = stack.pop()
        found += [f"only in one build: {name}" for name in current.left_only + current.right_only]
        _, mismatch, errors = filecmp.cmpfiles(current.left, current.right, current.common_files, shallow=False)
        found += [os.path.join(current.left, name) for name in mismatch + errors]
        stack.extend(current.subdirs.values())
    return found
