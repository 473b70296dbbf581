"""What `mkdocs serve` keeps from the last good build, so a bad edit never leaves the reader with nothing.

`mkdocs build` always fails on bad input. Under `mkdocs serve`, a bad edit (invalid data, a broken page
template, front matter that does not parse) is logged as an error in the terminal and the last good version of
that piece is used instead, so the browser keeps showing a working site with a banner naming the problem; the
next good edit clears it. Without this, `mkdocs serve` holds every request until the error is fixed.

MkDocs re-imports the hook files on every rebuild, but this package is imported once per process, so what is
kept here survives from one rebuild to the next. It is used only when `serving` is true.
"""

from __future__ import annotations

import logging
from typing import Any

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


def start(command: str) -> None:
    global serving
    serving = command == "serve"


def begin_build() -> None:
    """A new build (or a new language of it): problems still present are logged again, once."""
    _logged.clear()


def problem_banner() -> list[str]:
    return list(_problems.values())


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
