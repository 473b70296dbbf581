"""What one build hands to the next, so `mkdocs serve` keeps showing the last good site.

Handles no MkDocs event. MkDocs re-imports the hook files on every rebuild, but sibling modules such as this
one are imported once per process, so state kept here survives from one rebuild to the next.

`mkdocs build` always fails on bad input. Under `mkdocs serve`, a bad edit (invalid data, a broken page
template) is logged as an error in the terminal and the last good version is used instead, so the browser
keeps showing a working site with a banner naming the problem; the next good edit clears it. Without this,
`mkdocs serve` holds every request until the error is fixed.
"""

from __future__ import annotations

import logging

# Not a "mkdocs.*" logger: MkDocs counts every warning and error logged there, and with `strict: true` a counted
# error aborts the very rebuild this module keeps alive. The message still goes to the terminal, formatted alike.
log = logging.getLogger("llm_medicine.serve")
if not log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    log.addHandler(_handler)
    log.propagate = False

serving = False
last_good_data = None
_problems: dict[str, str] = {}
_last_good_pages: dict[str, str] = {}


def problem_banner() -> list[str]:
    return list(_problems.values())


def keep_going(key: str, message: str) -> bool:
    """Record a problem; true when serving with something good to fall back on, so the build goes on."""
    if not serving:
        return False
    _problems[key] = message
    log.error("%s\n  The server keeps showing the last good version until this is fixed.", message)
    return True


def resolved(key: str) -> None:
    _problems.pop(key, None)


def remember_page(key: str, markdown: str) -> None:
    _last_good_pages[key] = markdown
    resolved(key)


def last_good_page(key: str) -> str | None:
    return _last_good_pages.get(key)
