"""What a build prints: the editor's problems and MkDocs' own progress, not the language plugin's commentary.

Handles no MkDocs event; `hooks/terminal.py` calls `quiet_language_plugin` when MkDocs starts.

mkdocs-static-i18n reports at INFO level, on every build and every `mkdocs serve` rebuild, what it does for each
language: the settings it overrides, the navigation it translates, and the same advice about `extra.alternate` once
per language, about 13 lines that are the same every time and bury the one ERROR line of a bad edit. Those lines
are shown with `mkdocs serve -v` / `mkdocs build -v`; the plugin's warnings and errors are always shown.
"""

from __future__ import annotations

import logging

LANGUAGE_PLUGIN_LOGGER = "mkdocs.plugins.mkdocs_static_i18n"


def quiet_language_plugin() -> None:
    verbose = logging.getLogger("mkdocs").getEffectiveLevel() <= logging.DEBUG
    logging.getLogger(LANGUAGE_PLUGIN_LOGGER).setLevel(logging.NOTSET if verbose else logging.WARNING)
