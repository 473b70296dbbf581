"""The one Jinja environment that renders pages and components from `overrides/`.

Handles no MkDocs event; the hook `page_macros.py` and `macros.PageMacros` render through it.

- Autoescaping is on for everything, so text from `data/` is escaped wherever it lands; JSON goes through
  the `tojson` filter, which escapes `<`, `>`, `&` and quotes for `<script>` and attributes.
- Jinja comments are `{## ... ##}` because Markdown attribute lists (`{ #fine-tuning }`) start with `{#`.
- Undefined names are errors, so a misspelt variable fails the build instead of printing nothing.
- Compiled once per process (templates are cached by Jinja and re-read only when a file changes).

The theme's own templates are rendered by MkDocs in an environment of its making; `THEME_TEMPLATES` keeps them
compiled across that environment's rebuilds (set by the hook `site_data.py`).
"""

from __future__ import annotations

import functools
import html
import json
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
        bytecode_cache=THEME_TEMPLATES,
    )
    env.filters["release"] = formatting.format_release
    env.filters["capitalize_first"] = lambda text: text[:1].upper() + text[1:]
    env.filters["text_lang"] = text_lang
    # A macro's output in a plain-text file (a download's README): the macro escapes for HTML, the file wants text.
    env.filters["plain_text"] = lambda markup: html.unescape(str(markup))
    env.filters["yaml_string"] = lambda text: json.dumps(str(text), ensure_ascii=False)  # a JSON string is YAML too
    return env


def text_lang(text: str) -> str:
    """The language of a quoted text whose language the data does not record: `zh` if it holds Chinese characters."""
    return "zh" if any("\u4e00" <= char <= "\u9fff" for char in text) else "en"


def overrides_dir(config) -> str:
    return str(Path(config.config_file_path).parent / "overrides")


def location(error: Exception, page: str, body_line: int = 1) -> str:
    """Where the editor must look, in words: `overrides/components/x.html, line 3 (called by docs/en/x.md, line 9)`.

    `page` is the page rendered as a template and `body_line` the line of its file where the rendered text
    starts (after the front matter). A syntax error names its own file; any other error (an undefined name, a
    missing entry) names the innermost template it was raised in, from Jinja's traceback, which gives each
    template's own file and line.
    """
    if isinstance(error, jinja2.TemplateSyntaxError):
        if error.name:
            return f"overrides/{error.name}, line {error.lineno}"
        return f"{page}, line {body_line + error.lineno - 1}"
    lines = _template_lines(error)
    page_line = next((f"{page}, line {body_line + line - 1}" for name, line in lines if name == "<template>"), page)
    component = next(((name, line) for name, line in reversed(lines) if name != "<template>"), None)
    if component is None:
        return page_line
    name, line = component
    return f"{_relative(name)}, line {line} (called by {page_line})"


def _template_lines(error: Exception) -> list[tuple[str, int]]:
    """`(file, line)` of each template frame in the traceback, outermost first (`<template>`: the page)."""
    frames = []
    trace = error.__traceback__
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename == "<template>" or filename.endswith(".html"):
            frames.append((filename, trace.tb_lineno))
        trace = trace.tb_next
    return frames


def _relative(filename: str) -> str:
    path = Path(filename)
    parts = path.parts
    if "overrides" not in parts:
        return path.as_posix()
    return "/".join(parts[len(parts) - 1 - parts[::-1].index("overrides"):])


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the whole process, and on disk for the next one.

    MkDocs makes a new Jinja environment for each build, and mkdocs-static-i18n builds once per language, so
    without this every theme template is parsed and compiled again for each language (and for each rebuild under
    `mkdocs serve`); and every `mkdocs build` would compile them all again (about a fifth of a build). The disk copy
    is Jinja's own `FileSystemBytecodeCache` in its private per-user temporary folder. Jinja checks each entry
    against its template's source (and the Python version), so an edited template is compiled afresh.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}
        self._disk = jinja2.FileSystemBytecodeCache()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])
        else:
            self._disk.load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
        self._disk.dump_bytecode(bucket)


THEME_TEMPLATES = CompiledTemplates()
