"""`mkdocs serve` for editors: an edit reloads the browser; a bad data edit keeps the last good site in view
with a banner and the error in the terminal; fixing it recovers without a restart."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Error as PlaywrightError

from conftest import MKDOCS, build_env, copy_project, site_path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def served_copy(tmp_path):
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
    server.terminate()
    server.wait(timeout=30)


def _wait_for(condition, seconds=120, what="condition"):
    deadline = time.monotonic() + seconds
    while not _holds(condition):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.5)


def _holds(condition) -> bool:
    """The condition, or false while the page is being replaced by a live reload (it cannot be read then)."""
    try:
        return condition()
    except PlaywrightError:
        return False


def _edit_first_model_name(project: Path, name) -> None:
    path = project / "data" / "models.yml"
    models = yaml.safe_load(path.read_text(encoding="utf-8"))
    models[0]["name"] = name
    path.write_text(yaml.safe_dump(models, allow_unicode=True, sort_keys=False), encoding="utf-8")


# Pages are awaited to "load", not "networkidle": the live-reload script keeps a long poll open.
def test_edits_reload_and_a_bad_edit_keeps_the_last_good_site(served_copy, browser):
    project, url, log_path = served_copy
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + "models/", wait_until="load")
    first_card = page.locator(".model-card").first
    original = first_card.locator(".model-card__name").inner_text()

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
    assert "Renamed while serving" in page.locator(".model-card").first.inner_text()
    response = page.goto(url + "glossary/", wait_until="load")
    assert response.status == 200, "the server must keep answering while the data is broken"

    # Fixing it recovers without a restart.
    page.goto(url + "models/", wait_until="load")
    _edit_first_model_name(project, original)
    _wait_for(lambda: page.locator(".build-problem").count() == 0 and original in page.content(),
              what="recovery after the fix")
    context.close()
