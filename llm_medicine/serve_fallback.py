"""What `mkdocs serve` keeps from the last good build, so a bad edit never leaves the reader with nothing.

`mkdocs build` always fails on bad input. Under `mkdocs serve`, a bad edit (invalid data, a broken page
template, a page whose front matter does not parse) is logged as an error in the terminal and the last good
version of that piece is used instead, so the browser keeps showing a working site with a banner naming the
problem; the next good edit clears it. Without this, `mkdocs serve` holds every request until the error is fixed
("The server will appear stuck").

Warnings (a link to a missing page or anchor) fail `mkdocs build --strict`; under `mkdocs serve` they would
abort the rebuild the same way, so there they are shown in the banner instead and the page is served as edited.

MkDocs re-imports the hook files on every rebuild, but this package is imported once per process, so what is
kept here survives from one rebuild to the next. It is used only when `serving` is true.
"""

from __future__ import annotations

import logging
from typing import Any

from mkdocs.utils import CountHandler

# Not a "mkdocs.*" logger: MkDocs counts every warning and error logged there, and with `strict: true` a counted
# error aborts the very rebuild this module keeps alive. The message still goes to the terminal, formatted alike.
log = logging.getLogger("llm_medicine.serve")
if not log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    log.addHandler(_handler)
    log.propagate = False

serving = False
_problems: dict[str, str] = {}
_logged: set[str] = set()
_last_good: dict[str, Any] = {}
_warnings: list[str] = []
_anchor_level = logging.WARNING


class _WarningsToBanner(logging.Handler):
    """Keeps the text of every warning MkDocs logs during a rebuild, for the banner."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message not in _warnings:
            _warnings.append(message)


def start(command: str) -> None:
    global serving
    serving = command == "serve"
    if serving:
        logging.getLogger("mkdocs").addHandler(_WarningsToBanner())


def begin_build(config, first_language: bool) -> None:
    """A build of one language starts (mkdocs-static-i18n builds one per language, the default first).

    Each rebuild finds its problems afresh (a fixed one must not linger in the banner), and logs each once. The
    banner of a language lists what was found up to its build: a problem in a Chinese page shows on the Chinese
    pages. Under `mkdocs serve`, warnings are not counted (a strict-mode count aborts the rebuild); they go to
    the banner.
    """
    global _anchor_level
    if first_language:
        _problems.clear()
        _logged.clear()
        _warnings.clear()
        _anchor_level = config.validation.links.anchors
    if serving:
        mkdocs_log = logging.getLogger("mkdocs")
        for handler in [h for h in mkdocs_log.handlers if isinstance(h, CountHandler)]:
            mkdocs_log.removeHandler(handler)


def check_anchors_now(config, files) -> None:
    """Under `mkdocs serve`, check links to anchors before pages are written, so the banner can name them.

    MkDocs checks them only after writing every page; its own check is then silenced, not to log them twice.
    """
    if not serving:
        return
    for file in files.documentation_pages():
        if file.page is not None:
            file.page.validate_anchor_links(files=files, log_level=_anchor_level)
    config.validation.links.anchors = logging.DEBUG


def problem_banner() -> list[str]:
    return [*_problems.values(), *(f"Warning (the page is shown as edited): {text}" for text in _warnings)]


def keep_going(key: str, message: str) -> bool:
    """Record a problem; true when serving with a good version of `key` to fall back on, so the build goes on."""
    if not serving or key not in _last_good:
        return False
    _problems[key] = message
    if message not in _logged:
        _logged.add(message)
        log.error("%s\n  The server keeps showing the last good version until this is fixed.", message)
    return True


def remember(key: str, value: Any) -> None:
    """`value` is good: keep it for later rebuilds and clear any problem recorded for `key`."""
    if serving:
        _last_good[key] = value
    _problems.pop(key, None)


def last_good(key: str) -> Any:
    return _last_good[key]
