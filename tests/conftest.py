"""Shared fixtures: one strict build of the site per test session, a local static server, and Chromium.

- `built_site`: the folder of a fresh `mkdocs build --strict` (built once per session).
- `html(path)`: the parsed HTML (BeautifulSoup) of a built page, e.g. `html("zh/models/index.html")`.
- `site_url`: base URL of a static server on 127.0.0.1 serving `built_site` (like a plain file server).
- `browser`: Debian's Chromium driven by Playwright, launched so that it refuses every other host; `new_page()`
  gives a page (reused from test to test, reset as a new tab: `PagePool`) that records every request to another
  host, every failed request, console error and page error, for the test to assert on.
- `search(page, query)`: types a query into the theme's search box and returns the result links.
- `run_build(...)`: builds a copy of the project (optionally with edited files) and returns the result,
  for tests of bad input.
- `edited_site`: the site of the one edited copy that several tests share (tests/edited_copy.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import functools
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from llm_medicine.printing import CHROMIUM, CHROMIUM_ARGS, is_external, site_context
from llm_medicine.static_server import served

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
LANGUAGES = {"en": "", "zh": "zh/"}


def _pages(folder: Path) -> list[str]:
    """The site-relative path of every page written in `folder` (the navigation's pages, not the embeds)."""
    pages = [p.relative_to(folder).with_suffix("").as_posix() for p in sorted(folder.rglob("*.md"))]
    return ["" if page == "index" else f"{page}/" for page in pages if not page.startswith("embed/")]


PAGES = _pages(ROOT / "docs" / "en")
"""Every page of the site (each in both languages), from the Markdown in docs/en/: a new page is tested at once."""
EMBED_PAGES = [f"embed/{page}" for page in _pages(ROOT / "docs" / "en" / "embed")]
ALL_PAGES = [prefix + page for prefix in LANGUAGES.values() for page in PAGES]
ALL_EMBED_PAGES = [prefix + page for prefix in LANGUAGES.values() for page in EMBED_PAGES]


# As `make build` does: the sitemap's <lastmod> comes from SOURCE_DATE_EPOCH, so two builds are byte-identical.
SOURCE_DATE_EPOCH = "1700000000"


def build_env() -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path


def _build(project: Path, site: Path) -> BuildResult:
    proc = subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=build_env(), capture_output=True, text=True, timeout=600,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site)


def poppler(tool: str) -> str:
    """The path of a poppler-utils tool (`pdftotext`, `pdfinfo`, `pdffonts`)."""
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} not found: run `make test` (scripts/ensure-chromium.sh installs poppler-utils)")
    return path


def pdf_text(pdf: Path, first: int | None = None, last: int | None = None, *, raw: bool = False) -> str:
    """The text of a PDF by `pdftotext`: as laid out on the page, or (`raw`) in the order it was drawn, which keeps
    the columns of a two-column page apart."""
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return subprocess.run([poppler("pdftotext"), "-raw" if raw else "-layout", *pages, str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def squeeze(text: str) -> str:
    """Text without any whitespace: pdftotext breaks lines (and Chinese) where the layout did."""
    return re.sub(r"\s+", "", text)


@contextlib.contextmanager
def made_once(tmp_path_factory, name: str):
    """A folder made once per test run and shared by the xdist workers: `with made_once(f, "x") as (folder, todo):`
    the first worker to get here finds `todo` true and fills `folder`; the others wait for it, then find it done.
    (pytest-xdist runs session fixtures once per worker; this is its documented way to share one.)"""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder, done = shared / name, shared / f"{name}.done"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        todo = not done.exists()
        if todo and folder.exists():  # a worker failed half-way: start again
            shutil.rmtree(folder)
        yield folder, todo
        done.touch()


def built_copy_once(tmp_path_factory, name: str, edit) -> Path:
    """The site of a copy of the project after `edit(project_dir)`, built once per test run (shared by the xdist
    workers); the build must pass."""
    with made_once(tmp_path_factory, name) as (folder, todo):
        if todo:
            project = copy_project(folder / "project")
            edit(project)
            result = _build(project, project / "site")
            assert result.returncode == 0, result.output[-3000:]
    return folder / "project" / "site"


@pytest.fixture(scope="session")
def edited_site(tmp_path_factory) -> Path:
    """The site of the one edited copy of the project that several tests share (tests/edited_copy.py)."""
    import edited_copy

    return built_copy_once(tmp_path_factory, "edited", edited_copy.make_edits)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site, built once per test run by `mkdocs build --strict` (shared by the xdist workers)."""
    with made_once(tmp_path_factory, "built-site") as (site, todo):
        if todo:
            result = _build(ROOT, site)
            assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.output[-4000:]}"
    return site


@pytest.fixture(scope="session")
def site_data():
    """The validated data of the project, loaded once through the site's own loader."""
    from llm_medicine.data import load_site_data

    return load_site_data(ROOT / "data")


@pytest.fixture(scope="session")
def made_editions(built_site, browser, tmp_path_factory) -> Path:
    """The course editions of the session's build (both PDF handouts, the offline zip and their manifest), made once
    per test run by the same steps as `make editions`."""
    from llm_medicine import edition_build, editions

    with made_once(tmp_path_factory, "editions") as (out, todo):
        if todo:
            out.mkdir()
            made = dt.date.today()
            made_list, _, _ = edition_build.make_handouts(built_site, out, made, browser=browser)
            made_list.append(edition_build.make_offline(tmp_path_factory.mktemp("offline-build"), out, made))
            editions.write_manifest(out, made_list)
    return out


def edit_yaml(path: Path, change) -> None:
    """Rewrite the data file `path` after `change(entries)`, which edits the parsed YAML in place."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(entries)
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="session")
def html(built_site):
    @functools.lru_cache(maxsize=None)
    def parse(path: str) -> BeautifulSoup:
        return BeautifulSoup((built_site / path).read_text(encoding="utf-8"), "html.parser")

    return parse


def copy_project(destination: Path) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "data", "hooks", "llm_medicine", "overrides"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / name)
    return destination


@pytest.fixture
def run_build(tmp_path):
    """Build a copy of the project after `edit(project_dir)`; the copy's site folder is `project/site`."""

    def run(edit=None) -> BuildResult:
        project = copy_project(tmp_path / "project")
        if edit:
            edit(project)
        return _build(project, project / "site")

    return run


def site_path() -> str:
    """The path the site is published under (from `site_url` in mkdocs.yml), e.g. `/llm-medicine/`."""
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):  # `site_url: !ENV [SITE_URL, "https://..."]`: the default address
            address = re.search(r"https?://[^\s\"'\]]+", line)
            return (urlparse(address.group(0)).path if address else "") or "/"
    return "/"


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site, served under the same path as when published (GitHub Pages serves /<repo>/)."""
    with served(built_site, site_path()) as url:
        yield url


@pytest.fixture(scope="session")
def playwright_driver():
    """Playwright, started once per worker (its sync API runs one instance per process)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test`, which installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_driver):
    chromium = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield chromium
    chromium.close()


@dataclass
class PageLog:
    external_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    # Requests Chromium aborted, each with the number of the document that made it (see `watch`).
    aborted_requests: list[tuple[int, str]] = field(default_factory=list)
    documents: int = 0
    stop: Callable[[], object] | None = None  # set by `watch`: stops recording

    def problems(self) -> list[str]:
        # A request still in flight when the test itself moves on to another page is aborted by Chromium
        # (net::ERR_ABORTED): the favicon, or the sitemap the language switch reads. The reader's page did not
        # fail; an abort of a request made since the open page loaded did.
        aborted = [text for document, text in self.aborted_requests if document == self.documents]
        return [*self.external_requests, *self.failed_requests, *aborted, *self.console_errors, *self.page_errors]


def watch(page, local_host: str) -> PageLog:
    """Record on `page` every request to another host (which the browser refuses: `CHROMIUM_ARGS`), failed request,
    console error and script error."""
    log = PageLog()
    made_in: dict = {}  # request -> the number of documents loaded when it started

    def request(made):
        made_in.setdefault(made, log.documents)
        if is_external(made.url, local_host):
            log.external_requests.append(made.url)

    def new_document(_page):
        log.documents += 1

    def failed(request):
        text = f"failed: {request.url} ({request.failure})"
        if request.failure == "net::ERR_ABORTED":
            # A request made before the page was watched (by the test before, on a reused page) is not this test's.
            log.aborted_requests.append((made_in.get(request, -1), text))
        else:
            log.failed_requests.append(text)

    handlers = {
        "domcontentloaded": new_document,  # once per document (not for a change of #fragment)
        "request": request,
        "console": lambda msg: msg.type == "error" and log.console_errors.append(msg.text),
        "pageerror": lambda error: log.page_errors.append(str(error)),
        "requestfailed": failed,
        "response": lambda response: response.status >= 400
        and log.failed_requests.append(f"{response.status}: {response.url}"),
    }
    for event, handler in handlers.items():
        page.on(event, handler)

    def stop() -> None:
        for event, handler in handlers.items():
            page.remove_listener(event, handler)

    log.stop = stop
    return log


@pytest.fixture(scope="session")
def screen_reader_browser(playwright_driver):
    """Chromium as it runs when a screen reader is on (`--force-renderer-accessibility`): it then exposes the parts of
    a page that are not laid out yet (content-visibility), which it leaves out of its accessibility tree otherwise."""
    chromium = playwright_driver.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                 args=CHROMIUM_ARGS + ["--force-renderer-accessibility"])
    yield chromium
    chromium.close()


@pytest.fixture(scope="session")
def page_pool():
    """The worker's pages, kept open between tests (`PagePool`)."""
    pool = PagePool()
    yield pool
    pool.close()


@pytest.fixture
def new_page(browser, site_url, page_pool):
    """Open a browser page as a reader's new tab would be; returns (page, log). Requests to other hosts are refused
    and recorded. `fresh=True`: a page new to this test and closed after it, for a test that watches which files are
    requested (a reused page may have them in its cache) or changes the browser's state beyond what `PagePool`
    resets (e.g. through a CDP session).

    Pages are opened without the theme's search worker (`printing.WITHOUT_SEARCH_WORKER`: 40% of a page load's CPU
    here, on every load), unless the test asks for search (`search=True`): the search tests, and the check of every
    page for errors as a reader gets it (test_accessibility)."""
    yield from _page_opener(browser, site_url, page_pool)


@pytest.fixture
def new_screen_reader_page(screen_reader_browser, site_url, page_pool):
    """`new_page` in `screen_reader_browser`."""
    yield from _page_opener(screen_reader_browser, site_url, page_pool)


# What watch() listens to, and what a test may add: a page still listening to more is not reused.
PAGE_EVENTS = ("request", "response", "requestfailed", "console", "pageerror", "domcontentloaded", "load", "dialog",
               "download", "popup", "framenavigated")


class PagePool:
    """Open pages, reused from test to test of one worker. A new page costs Chromium about 0.35 s of CPU before it
    loads anything, and its first load another 0.3 s (nothing compiled or cached yet); the suite opens hundreds.

    A page handed out is as a new tab would be: between tests its routes, listeners, cookies and the
    site's local and session storage are cleared, its media emulation reset, the mouse taken off the page, and it is
    left on another document (so that the next test's first `goto` loads its page, even to the same address)."""

    def __init__(self):
        self.free: dict[tuple, list] = {}

    def take(self, browser, viewport, color_scheme, javascript, search, options, fresh=False):
        key = (id(browser), javascript, search, repr(sorted(options.items())))
        while self.free.get(key) and not fresh:
            page = self.free[key].pop()
            if not page.is_closed():
                page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
                page.emulate_media(media="null", color_scheme=color_scheme)
                return key, page
        context = site_context(browser, search=search, viewport={"width": viewport[0], "height": viewport[1]},
                               color_scheme=color_scheme, java_script_enabled=javascript, **options)
        return key, context.new_page()

    def give_back(self, key, page, site_url: str) -> None:
        if page.is_closed():
            return
        if any(page._impl_obj.listeners(event) for event in PAGE_EVENTS):  # a test's own listener: not ours to remove
            page.context.close()
            return
        try:
            page.unroute_all(behavior="ignoreErrors")
            page.mouse.move(-1, -1)
            origin = "{0.scheme}://{0.netloc}/".format(urlparse(site_url))
            page.goto(origin, wait_until="load")  # the static server's listing of its folder: a small page
            page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
            page.context.clear_cookies()
            # The listing declares no icon, so Chromium asks for /favicon.ico (a 404, logged to the console), maybe
            # only once the next test watches the page; leaving the listing ends that request with it.
            page.goto("about:blank")
        except Exception:  # a page the test left unusable is not reused
            page.context.close()
            return
        self.free.setdefault(key, []).append(page)

    def close(self):
        for pages in self.free.values():
            for page in pages:
                page.context.close()


def _page_opener(browser, site_url, pool: PagePool):
    taken = []
    local_host = urlparse(site_url).netloc

    def open_page(viewport=(1280, 900), color_scheme="light", javascript=True, fresh=False, search=False, **options):
        key, page = pool.take(browser, viewport, color_scheme, javascript, search, options, fresh)
        log = watch(page, local_host)
        taken.append((key, page, log, fresh))
        return page, log

    yield open_page
    for key, page, log, fresh in taken:
        if fresh:
            page.context.close()
            continue
        log.stop()
        pool.give_back(key, page, site_url)


def resize(page, width: int, height: int) -> None:
    """Resize the window as a reader does, and return once the layout has followed: Material animates some colours
    and widths when the layout or the palette changes (and Chromium may list a finished transition until its next
    frame: wait for none running)."""
    page.set_viewport_size({"width": width, "height": height})
    page.wait_for_function(f"window.innerWidth === {width}"
                           " && document.getAnimations().every(a => a.playState !== 'running')")


def open_search(page) -> None:
    """Open the theme's search box as a reader does (the `/` key) and wait until its index is loaded."""
    assert not page.evaluate("window.searchWorkerLeftOut === true"), "search needs a page from new_page(search=True)"
    page.keyboard.press("/")
    # Material shows "Initializing search" until its worker has loaded the index; a query typed earlier is lost.
    page.wait_for_function(
        "() => { const meta = document.querySelector('.md-search-result__meta');"
        " return meta && meta.textContent.trim() && !/Initializing|初始化/.test(meta.textContent); }")


def type_query(page, query: str) -> None:
    """Type `query` into the open search box and wait for the theme's answer (a count, or none found)."""
    # Typed as an input method commits text: the characters arrive as one insertion, then a key is released
    # (Material reads the query on keyup).
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta')?.textContent.match(/\\d|No matching|没有/)")


def search(page, query: str) -> list[str]:
    """Search the open page with the theme's search box, as a reader types; the result links' addresses."""
    open_search(page)
    type_query(page, query)
    return [link.get_attribute("href") for link in page.locator(".md-search-result__link").all()]


def pytest_collection_modifyitems(items):
    """The `mkdocs serve` tests first. They take a minute or more and build nothing the others share, so they run
    while the other workers wait for the session's build, and no worker is left alone with them at the end."""
    items.sort(key=lambda item: item.module.__name__ != "test_serve")
