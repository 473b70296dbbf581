"""The one Jinja environment that renders pages and components from `overrides/`.

Handles no MkDocs event; the hook `page_macros.py` and `macros.PageMacros` render through it.

- Autoescaping is on for everything, so text from `data/` is escaped wherever it lands; JSON goes through
  the `tojson` filter, which escapes `<`, `>`, `&` and quotes for `<script>` and attributes.
- Jinja comments are `{## ... ##}` because Markdown attribute lists (`{ #fine-tuning }`) start with `{#`.
- Undefined names are errors, so a misspelt variable fails the build instead of printing nothing.
- Compiled once per process (templates are cached by Jinja and re-read only when a file changes).
"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2

from llm_medicine import formatting


@functools.lru_cache(maxsize=2)
def environment(overrides_dir: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(overrides_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        comment_start_string="{##",
        comment_end_string="##}",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["release"] = formatting.format_release
    return env


def overrides_dir(config) -> str:
    return str(Path(config.config_file_path).parent / "overrides")


def source_of(error: jinja2.TemplateSyntaxError, page: str) -> str:
    """The file an editor must open: the component template when the error is in one, else the page."""
    return f"overrides/{error.name}" if error.name else page
