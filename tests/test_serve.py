"""`mkdocs serve` for editors: an edit reloads the browser; every kind of bad edit (the table in
test_bad_edits.py, and broken links) keeps the last good site in view with a banner naming the problem and the
error in the terminal, never a traceback or a stuck server; fixing it recovers without a restart. One server
for the whole module."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from conftest import MKDOCS, ROOT, build_env, copy_project, edit_yaml, site_path
from test_bad_edits import EDITS, LINK_WARNINGS, MISSING_ANCHOR_LINK, MISSING_PAGE_LINK

from llm_medicine.printing import site_context


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def served_copy(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("serve")
    project = copy_project(tmp_path / "project")
    port = _free_port()
    log_path = tmp_path / "serve.log"
    with open(log_path, "w", encoding="utf-8") as log:
        server = subprocess.Popen(
            [*MKDOCS, "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, env=build_env(), stdout=log, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}{site_path()}"
    deadline = time.monotonic() + 180
    while "Serving on" not in log_path.read_text(encoding="utf-8"):
        assert server.poll() is None, log_path.read_text(encoding="utf-8")
        assert time.monotonic() < deadline, "mkdocs serve did not start"
        time.sleep(0.5)
    yield project, url, log_path
    # As an editor stops it (Ctrl+C): on SIGTERM it would exit without removing its build folder (mkdocs_*) from /tmp.
    server.send_signal(signal.SIGINT)
    server.wait(timeout=30)


def _wait_for(condition, seconds=120, what="condition"):
    deadline = time.monotonic() + seconds
    while not _holds(condition):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.5)  # a poll of models/ costs the browser some 25 ms of CPU


def _holds(condition) -> bool:
    """The condition, or false while the page is being replaced by a live reload (it cannot be read then)."""
    try:
        return condition()
    except PlaywrightError:
        return False


def _edit_first_model_name(project: Path, name) -> None:
    edit_yaml(project / "data" / "models.yml", lambda models: models[0].update(name=name))


def _editor_page(browser):
    """A page for the served site, without the search worker (as conftest's `new_page`: search plays no part here)."""
    context = site_context(browser)
    context.set_default_navigation_timeout(120_000)  # mkdocs serve holds requests while it rebuilds
    return context.new_page()


# Pages are awaited to "load", not "networkidle": the live-reload script keeps a long poll open.
def test_edits_reload_and_a_bad_edit_keeps_the_last_good_site(served_copy, browser):
    project, url, log_path = served_copy
    page = _editor_page(browser)
    page.goto(url + "models/", wait_until="load")
    first_card = page.locator(".model-card").first
    original = first_card.locator(".model-card__name").text_content().strip()

    # A Markdown edit reloads the open page.
    markdown = project / "docs" / "en" / "models.md"
    markdown.write_text(markdown.read_text(encoding="utf-8") + "\n\nA sentence added while serving.\n",
                        encoding="utf-8")
    _wait_for(lambda: "A sentence added while serving." in page.content(), what="reload after a Markdown edit")

    # A data edit reloads it too, in the card.
    _edit_first_model_name(project, "Renamed while serving")
    _wait_for(lambda: "Renamed while serving" in page.content(), what="reload after a data edit")

    # A bad data edit: the terminal names the problem, the site stays up with the last good data and a banner.
    _edit_first_model_name(project, None)
    _wait_for(lambda: "field 'name'" in log_path.read_text(encoding="utf-8"), what="the error in the terminal")
    _wait_for(lambda: page.locator(".build-problem").count() == 1, what="the problem banner")
    assert "data/models.yml" in page.locator(".build-problem").inner_text()
    # text_content, not inner_text: a card off screen skips layout (content-visibility), and Chromium's
    # inner_text of a skipped card can be empty although its words are in the page.
    assert "Renamed while serving" in page.locator(".model-card").first.text_content()
    response = page.goto(url + "glossary/", wait_until="load")
    assert response.status == 200, "the server must keep answering while the data is broken"

    # Fixing it recovers without a restart.
    page.goto(url + "models/", wait_until="load")
    _edit_first_model_name(project, original)
    _wait_for(lambda: page.locator(".build-problem").count() == 0 and original in page.content(),
              what="recovery after the fix")
    page.context.close()


def _url_of(page: str) -> str:
    """`en/index.md` -> ``, `zh/models.md` -> `zh/models/`."""
    lang, name = page.split("/", 1)
    path = "" if name == "index.md" else name.removesuffix(".md") + "/"
    return path if lang == "en" else f"{lang}/{path}"


def _banner(page) -> list[str]:
    return [" ".join(item.split()) for item in page.locator(".build-problem li").all_inner_texts()]


def _restore(project: Path, path: str) -> None:
    shutil.copy2(ROOT / path, project / path)


def _with_links(project: Path) -> None:
    path = project / "docs" / "en" / "models.md"
    path.write_text(path.read_text(encoding="utf-8") + f"\n{MISSING_PAGE_LINK} {MISSING_ANCHOR_LINK}\n",
                    encoding="utf-8")


def test_every_kind_of_bad_edit_keeps_the_last_good_page_and_recovers(served_copy, browser):
    """Each step fixes the previous bad edit and makes the next one, so each rebuild checks a recovery too."""
    project, url, log_path = served_copy
    for path in {edit.path for edit in EDITS} | {"docs/en/models.md", "data/models.yml"}:
        _restore(project, path)  # as in the project: the table's line numbers are counted there
    page = _editor_page(browser)
    previous = None
    for edit in EDITS:
        if page.url != url + _url_of(edit.page):
            page.goto(url + _url_of(edit.page), wait_until="load")
        _wait_for(lambda: page.locator(edit.marker).count() > 0, what=f"{edit.marker} on {edit.page} to begin with")
        if previous is not None:
            _restore(project, previous.path)
        edit.edit(project)
        expected = " ".join(edit.banner.split())
        fixed = " ".join(previous.banner.split()) if previous else None

        # All at once, read in one go (a live reload may replace the page at any moment): the banner names this
        # edit and no longer the fixed one, on the last good page, which shows no front matter.
        def kept_and_named() -> bool:
            banner = _banner(page)
            # textContent, not inner_text: polled, inner_text would lay out the whole of models/ each time.
            return (expected in banner and fixed not in banner and page.locator(edit.marker).count() > 0
                    and "description:" not in page.locator("article.md-content__inner").text_content())

        _wait_for(kept_and_named, what=f"the banner for {edit.name} on the last good page"
                                       + (f", {previous.name} cleared" if previous else ""))
        assert edit.problem in log_path.read_text(encoding="utf-8"), f"{edit.name}: not in the terminal"
        previous = edit

    # Broken links are warnings: the page is shown as edited, the banner names them.
    page.goto(url + "models/", wait_until="load")
    _restore(project, previous.path)
    _with_links(project)
    expected = [f"Warning (the page is shown as edited): {warning.removeprefix('WARNING -  ')}"
                for warning in LINK_WARNINGS]
    _wait_for(lambda: _banner(page) == expected and page.locator("a[href*='no-such-page']").count() == 1,
              what="the banner for broken links, on the page as edited")

    _restore(project, "docs/en/models.md")
    _wait_for(lambda: page.locator(".build-problem").count() == 0 and page.locator(".model-card").count() > 0,
              what="recovery from the last bad edit")
    log = log_path.read_text(encoding="utf-8")
    assert "Traceback" not in log
    assert "appear stuck" not in log
    page.context.close()
