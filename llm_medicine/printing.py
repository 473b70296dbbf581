"""Printing built pages to A4 PDF with headless Chromium (Playwright), as a reader's "Save as PDF" would.

Handles no MkDocs event; `scripts/editions.py` (the PDF handouts, `make editions`) and `scripts/print-pages.py`
(the printed page count of every page) use it, and the tests launch their Chromium with the same arguments. The
pages are served from the built site on 127.0.0.1 (`static_server`), and every request to another host is refused
and recorded, so a handout can never depend on one.
"""

from __future__ import annotations

import io
import os
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

from llm_medicine.static_server import LOCAL_HOST

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic", "--no-first-run",
                 # Every host name and address but the local one is left unresolved: Chromium itself refuses a request
                 # to another host (net::ERR_NAME_NOT_RESOLVED), which the page's request events still show. Refusing
                 # them by intercepting every request (Playwright's route) instead turns the browser's cache off and
                 # made each page load cost twice the CPU.
                 f"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE {LOCAL_HOST}"]
A4 = {"format": "A4", "print_background": True, "prefer_css_page_size": False}
MARGIN = {"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"}


@contextmanager
def chromium():
    """A headless Chromium (Debian's), closed on exit."""
    if not Path(CHROMIUM).exists():
        raise PrintError(f"Chromium not found at {CHROMIUM}: install Debian's chromium (scripts/ensure-chromium.sh)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def is_external(url: str, host: str) -> bool:
    """Whether a page of the site at `host` (`127.0.0.1:<port>`) asking for `url` asks another host."""
    return urlparse(url).netloc != host and not url.startswith(("data:", "blob:", "about:"))


# Material's search runs in a web worker that, on every page load, builds the index of the language's pages (Lunr):
# about 0.25 s of CPU, some 40% of a page load in Chromium here. Nothing printed uses it (the search box is not
# printed), so pages are printed without it; the tests open most pages without it too. Where it is left out, the
# search box stays "Initializing" and `window.searchWorkerLeftOut` is true; nothing else on a page changes.
WITHOUT_SEARCH_WORKER = """(() => {
  const Worker = window.Worker;
  window.Worker = function (url, options) {
    const search = /\\/workers\\/search\\.[^/]*\\.js$/.test(new URL(url, location.href).pathname);
    if (!search) return new Worker(url, options);
    window.searchWorkerLeftOut = true;
    return Object.assign(new EventTarget(), {postMessage() {}, terminate() {}});
  };
  window.Worker.prototype = Worker.prototype;  // which the site's chinese-query.js amends
})();"""


def site_context(browser, *, search: bool = False, **options):
    """A new browser context (Playwright's `new_context(**options)`) for pages of the site, without the search worker
    (`WITHOUT_SEARCH_WORKER`) unless `search`."""
    context = browser.new_context(**options)
    if not search:
        context.add_init_script(WITHOUT_SEARCH_WORKER)
    return context


class Printer:
    """Opens pages of one local site in print media and prints them, in a Chromium launched with `CHROMIUM_ARGS`
    (which refuses requests to any other host); records every such request. Every page is loaded into one browser
    page (a new one costs Chromium about 0.35 s of CPU before it loads anything)."""

    def __init__(self, browser, base_url: str):
        self.base_url = base_url
        self.host = urlparse(base_url).netloc
        self.context = site_context(browser, viewport={"width": 1280, "height": 900}, color_scheme="light")
        self.external_requests: list[str] = []
        self.context.on("request", lambda request: is_external(request.url, self.host)
                        and self.external_requests.append(request.url))
        self.page = self.context.new_page()

    def open(self, path: str):
        """The printer's page, with the page at `path` (relative to the site) loaded as a reader opens it, then
        shown in print media as when they print it."""
        self.page.emulate_media(media="null")
        self.page.goto(self.base_url + path, wait_until="load")
        self.page.emulate_media(media="print")
        self.page.evaluate("document.fonts.ready")
        return self.page

    def pdf(self, path: str, **options) -> bytes:
        """The page at `path` (relative to the site) printed to A4."""
        return self.open(path).pdf(**{**A4, "margin": MARGIN, **options})

    def print_html(self, html: str, **options) -> bytes:
        """An HTML document made here, printed at the local site's origin (so it may load nothing from anywhere
        else); `options` as Playwright's `page.pdf` takes them, A4 unless they say otherwise."""
        self.page.goto(self.base_url, wait_until="load")
        self.page.set_content(html, wait_until="load")
        self.page.evaluate("document.fonts.ready")
        return self.page.pdf(**{**A4, **options})

    def close(self):
        self.context.close()


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


MM = 72 / 25.4  # PDF points per millimetre


def last_page_fill(pdf: bytes) -> float:
    """How far down the text area of the last page its text reaches, from 0 (blank) to 1 (to the bottom margin), for
    a document printed with `MARGIN`. Text only: enough to tell a page that holds a line or two from a full one."""
    from pypdf import PdfReader

    page = PdfReader(io.BytesIO(pdf)).pages[-1]
    top = float(page.mediabox.height) - _millimetres(MARGIN["top"])
    bottom = _millimetres(MARGIN["bottom"])
    lowest = [top]

    def visit(text, cm, tm, font, size):
        y = tm[5] * cm[3] + cm[5]  # the text's baseline in page coordinates
        if text.strip() and bottom < y <= top:
            lowest[0] = min(lowest[0], y)

    page.extract_text(visitor_text=visit)
    return (top - lowest[0]) / (top - bottom)


def _millimetres(length: str) -> float:
    return float(length.removesuffix("mm")) * MM


class PrintError(Exception):
    pass
