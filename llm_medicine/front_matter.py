"""A page's source: UTF-8 text whose front matter parses and holds only the keys the site uses.

Handles no MkDocs event; the hook `page_sources.py` checks every page with it. Each problem names the file and
the line.

MkDocs treats a `---` block that YAML cannot parse as Markdown and publishes it as text (a rule, then
"title: ... description: ..." for every reader to see), and it keeps keys nobody reads without a word. Here
both are errors: the block must parse, and every key must be one of `FrontMatter`'s fields.
"""

from __future__ import annotations

import re
from typing import Any, Literal

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data as get_markdown_meta
from pydantic import BaseModel, ConfigDict, Field, ValidationError


class SearchSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    exclude: bool


class FrontMatter(BaseModel):
    """Every key a page's front matter may hold (read by the theme, mkdocs-material or a hook)."""

    model_config = ConfigDict(extra="forbid")
    title: str | None = None
    """The page title, when it is not the page's first heading."""
    description: str | None = Field(None, min_length=1)
    """The page's summary for search engines and link previews (`overrides/main.html`)."""
    source_hash: str | None = None
    """Translated pages: the hash of the English page when translated (`llm_medicine/translation_report.py`)."""
    template: Literal["embed.html"] | None = None
    """Pages made to be embedded elsewhere (`docs/<lang>/embed/`)."""
    embed_height: int | None = Field(None, gt=0)
    """Embedded pages: the height of the `<iframe>` the stable-links page offers (`llm_medicine/link_index.py`)."""
    search: SearchSettings | None = None


class PageSourceError(PluginError):
    """A page that is not UTF-8 text, or whose front matter does not parse or holds a key the site does not use."""


# The pattern MkDocs uses to find a front matter block (`mkdocs.utils.meta.YAML_RE`), without requiring the end.
_OPENING = re.compile(r"^-{3}[ \t]*\n")
_CLOSING = re.compile(r"^(?:-{3}|\.{3})[ \t]*$", re.MULTILINE)


def read(path: str, content: bytes) -> str:
    """The text of a page whose source is `content`, checked; `path` is how messages name the file."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise PageSourceError(f"{path}, line {line}: not UTF-8 text (byte {content[error.start]:#04x}); "
                              "save the file as UTF-8") from None
    check(path, text)
    return text


def check(path: str, text: str) -> dict[str, Any]:
    """The validated front matter of a page (`{}` when it has none); `path` is how messages name the file.

    Raises `PageSourceError` naming the file, the line and the problem.
    """
    opening = _OPENING.match(text)
    if opening is None:
        _, meta = get_markdown_meta(text)  # MultiMarkdown-style `key: value` lines, which MkDocs also reads
        return _validate(path, meta, lines=[], first_line=1)
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        raise PageSourceError(f"{path}, line 1: front matter opens with '---' but never closes; "
                               "end it with a line of '---'")
    block = text[opening.end():closing.start()]
    first_line = 2
    try:
        meta = yaml.safe_load(block)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + mark.line if mark else first_line
        hint = ""
        if error.problem == "mapping values are not allowed here":
            hint = "; a value that contains ': ' must be in quotes, like description: \"A: b\""
        raise PageSourceError(f"{path}, line {line}: front matter is not valid YAML ({error.problem}){hint}") from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise PageSourceError(f"{path}, line {first_line}: front matter must be 'key: value' lines; "
                               f"found {type(meta).__name__}")
    return _validate(path, meta, lines=block.split("\n"), first_line=first_line)


def body_line(text: str) -> int:
    """The line of a page's file where its body (what MkDocs renders, after the front matter) starts."""
    body, _ = get_markdown_meta(text)
    return text[: len(text) - len(body)].count("\n") + 1 if text.endswith(body) else 1


def _validate(path: str, meta: dict, *, lines: list[str], first_line: int) -> dict[str, Any]:
    try:
        FrontMatter.model_validate(meta)
    except ValidationError as error:
        problems = [_explain(path, detail, lines, first_line) for detail in error.errors()]
        raise PageSourceError("\n".join(problems)) from None
    return meta


def _explain(path: str, detail: dict, lines: list[str], first_line: int) -> str:
    key = ".".join(str(part) for part in detail["loc"])
    where = f"{path}, line {_line_of(str(detail['loc'][0]), lines, first_line)}"
    if detail["type"] == "extra_forbidden":
        allowed = ", ".join(FrontMatter.model_fields) if len(detail["loc"]) == 1 else ", ".join(
            SearchSettings.model_fields)
        return f"{where}: front matter key '{key}' is not one the site uses (a typo?); allowed keys: {allowed}"
    message = detail["msg"].removeprefix("Value error, ")
    return f"{where}: front matter key '{key}': {message}"


def _line_of(key: str, lines: list[str], first_line: int) -> int:
    for index, line in enumerate(lines):
        if re.match(rf"{re.escape(key)}\s*:", line):
            return first_line + index
    return max(first_line - 1, 1)
