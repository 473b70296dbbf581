"""Valid HTML on every page (issue 17): the W3C Nu HTML checker over the whole built site, text with quotes and
angle brackets in the head, and the stacked tables keeping their meaning without the ARIA roles HTML forbids.

The checker is `vnu.jar` from npm `vnu-jar` (pinned in tools/vnu/package-lock.json), run with Debian's Java;
`make test` installs both (scripts/ensure-vnu.sh).
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT, made_once
from edited_copy import TITLE, TRICKY

VNU_JAR = ROOT / "tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar"


@dataclass(frozen=True)
class KnownError:
    """Errors the site accepts: the checker's exact message, on markup matching `extract` (a regex over the
    checker's excerpt), optionally only in some pages (`pages`, a regex over the path in the built site)."""

    message: str
    extract: str
    reason: str
    pages: str = ".*"

    def matches(self, error: dict, page: str) -> bool:
        return (error["message"] == self.message and re.search(self.extract, error.get("extract", "")) is not None
                and re.fullmatch(self.pages, page) is not None)


# Material's own markup, which the site does not override (its templates are regenerated with each release).
MATERIAL_ERRORS = [
    KnownError(
        message="Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
                "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, "
                "“url”, or “week”.",
        extract=r'<input class="md-toggle(?: md-nav__toggle)?" (?:data-md-toggle="[a-z]+" )?type="checkbox" '
                r'id="__[a-z0-9_]+" (?:checked )?autocomplete="off">',
        reason="Material puts autocomplete=off on its checkbox toggles (drawer, search, navigation sections) so "
               "Firefox does not restore their state on back/forward navigation.",
    ),
    KnownError(
        message="Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer.",
        extract=r'<label class="md-nav__link(?: md-nav__link--active)?" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" '
                r'tabindex="">',
        reason="Material prints tabindex=\"\" on the labels of navigation sections that are not links; browsers "
               "ignore the empty value, so the labels stay out of the tab order as intended.",
    ),
]

KNOWN_ERRORS = MATERIAL_ERRORS

# A page the checker must reject: proves it ran and reports errors at all.
CANARY = '<!doctype html><html lang="en"><head><title>canary</title></head><body><p><div></div></p></body></html>'


def check_html(*paths: Path) -> list[dict]:
    """The checker's errors for the given files or folders (one Java process for all of them)."""
    if not VNU_JAR.exists() or shutil.which("java") is None:
        pytest.fail("The Nu HTML checker is not installed: run `make test` or scripts/ensure-vnu.sh")
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "json", "--stdout",
         *map(str, paths)],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode in (0, 1), f"the checker failed to run:\n{result.stderr[-3000:]}"
    return [message for message in json.loads(result.stdout)["messages"] if message["type"] == "error"]


def page_of(error: dict, root: Path) -> str:
    return Path(error["url"].removeprefix("file:")).relative_to(root).as_posix()


def describe(errors: list[tuple[str, dict]]) -> str:
    return "\n".join(f"{page}:{error.get('lastLine')}: {error['message']}\n    {error.get('extract', '').strip()}"
                     for page, error in errors)


EDITED_HEADS = ("404.html", "about/index.html", "medical-tasks/index.html", "embed/model-sizes/index.html")
"""The pages of the edited copy whose heads hold the tricky text (test_tricky_text_leaves_the_head_valid)."""


@pytest.fixture(scope="session")
def checker_errors(built_site, edited_site, tmp_path_factory) -> list[dict]:
    """The checker's errors on every page of the site, on `EDITED_HEADS` of the edited copy and on a canary page,
    in one Java run per test run (shared by the xdist workers)."""
    with made_once(tmp_path_factory, "html-check") as (folder, todo):
        if todo:
            folder.mkdir()
            canary = folder / "canary.html"
            canary.write_text(CANARY, encoding="utf-8")
            errors = check_html(built_site, canary, *(edited_site / page for page in EDITED_HEADS))
            assert any(error["url"].endswith("canary.html") for error in errors), \
                "the checker did not report a known error"
            (folder / "errors.json").write_text(json.dumps(errors), encoding="utf-8")
    return json.loads((folder / "errors.json").read_text(encoding="utf-8"))


def errors_in(site: Path, errors: list[dict]) -> list[tuple[str, dict]]:
    """The errors on the pages of `site`, each with the page's path in it."""
    return [(page_of(error, site), error) for error in errors
            if Path(error["url"].removeprefix("file:")).is_relative_to(site)]


@pytest.fixture(scope="session")
def site_errors(built_site, checker_errors) -> list[tuple[str, dict]]:
    return errors_in(built_site, checker_errors)


def test_every_page_is_valid_html_apart_from_known_errors(built_site, site_errors):
    unexpected = [(page, error) for page, error in site_errors
                  if not any(known.matches(error, page) for known in KNOWN_ERRORS)]
    by_kind = Counter(error["message"] for _, error in unexpected)
    assert not unexpected, (
        f"{len(unexpected)} HTML errors ({dict(by_kind)}):\n{describe(unexpected)}")


def test_the_checker_read_every_page(built_site, site_errors):
    """Pages without errors leave no trace in the checker's output; Material's drawer toggle (on every page with
    the site's header) always gives one, so each such page must appear."""
    reported = {page for page, _ in site_errors}
    with_drawer = {path.relative_to(built_site).as_posix() for path in built_site.rglob("*.html")
                   if 'id="__drawer"' in path.read_text(encoding="utf-8")}
    assert len(with_drawer) >= 2 * 10, "expected the site's pages in both languages"
    assert with_drawer <= reported, f"not checked: {sorted(with_drawer - reported)}"


def test_every_known_error_still_occurs(site_errors):
    """An allowance that matches nothing is stale: remove it (the temporary Figure 2 list, once that is fixed)."""
    unused = [known.reason for known in KNOWN_ERRORS
              if not any(known.matches(error, page) for page, error in site_errors)]
    assert not unused, f"known errors that no longer occur (remove them from the list): {unused}"


# --- Text from config and front matter, escaped in the head --------------------------------------------------------
# On the edited copy of the project (tests/edited_copy.py, `put_tricky_text_in_the_head`): TRICKY is the site
# description and the front-matter description of a page and of an embed page (with TITLE as their title), and the
# About page has no description.


def _head(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser").head


def _contents(head: BeautifulSoup, attribute: str, value: str) -> list[str]:
    return [meta.get("content") for meta in head.find_all("meta", attrs={attribute: value})]


@pytest.mark.parametrize("path", ["medical-tasks/index.html", "embed/model-sizes/index.html"])
def test_front_matter_description_and_title_round_trip_in_the_head(edited_site, path):
    head = _head(edited_site, path)
    assert _contents(head, "name", "description") == [TRICKY + " (page)"]
    assert head.title.get_text() == f"{TITLE} - LLMs in Medicine"
    assert not head.find_all(["b", "script"], string=re.compile("bold|alert"))
    if path == "medical-tasks/index.html":  # Open Graph: the full pages only
        assert _contents(head, "property", "og:description") == [TRICKY + " (page)"]
        # The Open Graph title reads page.title as HTML, as Material does (`striptags` decodes the entity).
        assert _contents(head, "property", "og:title") == [f"{html.unescape(TITLE)} · LLMs in Medicine"]


@pytest.mark.parametrize("path", ["404.html", "about/index.html"])
def test_site_description_round_trips_in_the_head(edited_site, path):
    head = _head(edited_site, path)
    assert _contents(head, "name", "description") == [TRICKY]
    assert _contents(head, "property", "og:description") == [TRICKY]
    for meta in head.find_all("meta"):
        assert set(meta.attrs) <= {"charset", "name", "content", "property"}, f"a meta cut open: {meta.attrs}"


def test_tricky_text_leaves_the_head_valid(edited_site, checker_errors):
    errors = errors_in(edited_site, checker_errors)
    assert {page for page, _ in errors} >= {"404.html", "about/index.html", "medical-tasks/index.html"}, \
        "the edited pages with the site's header (whose drawer toggle always gives an error) were not checked"
    unexpected = [(page, error) for page, error in errors
                  if not any(known.matches(error, page) for known in KNOWN_ERRORS)]
    assert not unexpected, describe(unexpected)


# --- Stacked tables keep their meaning on phones ------------------------------------------------------------------

TABLE_ROLES = {"table", "row", "columnheader", "rowheader", "cell"}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page_path", ["benchmarks/", "medical-tasks/"])
def test_stacked_tables_keep_table_semantics_on_phones(new_screen_reader_page, site_url, lang, page_path):
    """At phone width the rows are stacked blocks (display: block, or grid where a row is laid out as a short card);
    to a screen reader the browser still exposes every table with its rows, headers and cells, each with its text,
    though no element carries an ARIA role, and though the tables far down the page are not laid out yet."""
    page, _ = new_screen_reader_page(viewport=(390, 844), fresh=True)
    page.goto(site_url + LANGUAGES[lang] + page_path)
    tables = page.locator(".stack-table table")
    assert tables.count() >= 1
    assert tables.first.locator("tbody tr").first.evaluate("row => getComputedStyle(row).display") in ("block", "grid")
    assert page.locator(".stack-table [role]").count() == 0

    expected = page.evaluate("""() => [...document.querySelectorAll('.stack-table table')].map(table => ({
        rows: table.rows.length,
        columnheaders: table.querySelectorAll('thead th').length,
        rowheaders: table.querySelectorAll('tbody th').length,
        cells: table.querySelectorAll('td').length,
    }))""")
    cdp = page.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    by_id = {node["nodeId"]: node for node in nodes}

    def role(node):
        return node.get("role", {}).get("value")

    def descendants(node):
        for child_id in node.get("childIds", []):
            child = by_id.get(child_id)
            if child:
                yield child
                yield from descendants(child)

    exposed = []
    for table in (node for node in nodes if role(node) == "table"):
        counts = Counter(role(node) for node in descendants(table) if role(node) in TABLE_ROLES)
        exposed.append({"rows": counts["row"], "columnheaders": counts["columnheader"],
                        "rowheaders": counts["rowheader"], "cells": counts["cell"]})
        assert table.get("name", {}).get("value"), "a table without its caption as name"
    key = lambda counts: sorted(counts.items())  # noqa: E731 (the tree lists tables out of page order)
    assert sorted(exposed, key=key) == sorted(expected, key=key)
