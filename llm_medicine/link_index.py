"""The stable links of the site, for the "Stable links" page (`{{ link_index("sections") }}` and friends).

Handles no MkDocs event; `page_macros.py` calls `link_index_context()` while it renders `link-to.md`, and the
component `overrides/components/link-index.html` turns the result into tables with copy buttons.

Every link listed here is built from an id that is the same in both languages and independent of wording:
- sections: the explicit `{ #id }` of each heading, read from the Markdown source of every page of the page's
  language, in navigation order (the page's own first heading links to the page itself, without an anchor);
- models, glossary terms and Table 1 tasks: their ids in `data/`, which are also the anchors of their cards,
  entries and rows;
- embeddable figures: every page under `<lang>/embed/`, with an `<iframe>` snippet.

The URLs are absolute (`site_url` + page path + `#anchor`), so a teacher can paste them into a syllabus or a
learning platform. They follow `site_url`, so a build with `SITE_URL` set (see the README) lists its own host.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

from mkdocs.utils.meta import get_data as get_markdown_meta

HEADING = re.compile(r"^(#{1,6})\s+(.+?)(?:\s*\{\s*#([A-Za-z0-9_-]+)[^}]*\})?\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
JINJA = re.compile(r"\{\{.*?\}\}|\{##.*?##\}", flags=re.DOTALL)
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
EMPHASIS = re.compile(r"[*_`]+")
PARTS = ("sections", "models", "glossary", "tasks", "embeds")
DEFAULT_EMBED_HEIGHT = 600


@dataclass
class Link:
    key: str
    """Unique on the link-to page: the id of the element holding the URL to copy."""
    title: str
    href: str
    """Relative URL from the link-to page, for reading the target now."""
    url: str
    """Absolute URL, to copy."""
    anchor: str | None = None
    level: int = 1


@dataclass
class PageLinks:
    page: Link
    sections: list[Link] = field(default_factory=list)


@dataclass
class Embed:
    key: str
    title: str
    href: str
    url: str
    height: int


def headings(markdown: str) -> list[tuple[int, str, str | None]]:
    """`(level, title, id or None)` for every heading, skipping fenced code (every heading should have an id:
    tests/test_site.py checks it; one without is left out of the list of sections)."""
    body, _ = get_markdown_meta(markdown)
    found, fenced = [], False
    for line in body.splitlines():
        if FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else HEADING.match(line)
        if match:
            found.append((len(match.group(1)), plain_text(match.group(2)), match.group(3)))
    return found


def plain_text(markdown: str) -> str:
    text = JINJA.sub("", markdown)
    text = MARKDOWN_LINK.sub(r"\1", text)
    return " ".join(EMPHASIS.sub("", text).replace("\\", "").split())


def site_root(page) -> str:
    """The absolute URL of this language build's site root, from the page's canonical URL."""
    canonical = getattr(page, "canonical_url", None)
    if not canonical:
        raise LinkIndexError("needs `site_url` in mkdocs.yml to list absolute links")
    return canonical[: len(canonical) - len(page.url)] if page.url else canonical


def nav_pages(page) -> list:
    """Every page of this language's navigation, in order (MkDocs has linked them before pages render)."""
    first = page
    while first.previous_page is not None:
        first = first.previous_page
    pages, current = [], first
    while current is not None:
        pages.append(current)
        current = current.next_page
    return pages


def link_index_context(macros, part: str) -> dict:
    if part not in PARTS:
        raise LinkIndexError(f"link_index({part!r}): expected one of {', '.join(PARTS)}")
    root = site_root(macros.page)
    builders = {"sections": _sections, "models": _models, "glossary": _glossary, "tasks": _tasks,
                "embeds": _embeds}
    return {"part": part, "items": builders[part](macros, root)}


def _link(macros, root: str, target_page, anchor: str | None, title: str, key: str, level: int = 1) -> Link:
    relative = posixpath.relpath(target_page.file.src_uri, macros.lang)
    return Link(key=key, title=title, href=macros.url(relative, anchor), anchor=anchor, level=level,
                url=root + target_page.url + (f"#{anchor}" if anchor else ""))


def _page_named(macros, name: str):
    for page in nav_pages(macros.page):
        if page.file.src_uri == posixpath.join(macros.lang, name):
            return page
    raise LinkIndexError(f"'{name}' is not in the navigation of '{macros.lang}'")


def _slug(page) -> str:
    return posixpath.splitext(posixpath.basename(page.file.src_uri))[0]


def _sections(macros, root: str) -> list[PageLinks]:
    result = []
    for page in nav_pages(macros.page):
        if page is macros.page:
            continue
        found = headings(page.file.content_string)
        title = found[0][1] if found and found[0][0] == 1 else page.title
        slug = _slug(page)
        entry = PageLinks(page=_link(macros, root, page, None, title, f"link-{slug}"))
        entry.sections = [_link(macros, root, page, anchor, text, f"link-{slug}-{anchor}", level)
                          for level, text, anchor in found if level > 1 and anchor]
        result.append(entry)
    return result


def _models(macros, root: str) -> list[Link]:
    page = _page_named(macros, "models.md")
    return [_link(macros, root, page, model.id, model.label(macros.lang), f"link-model-{model.id}")
            for model in macros.data.models.values()]


def _glossary(macros, root: str) -> list[Link]:
    page = _page_named(macros, "glossary.md")
    terms = sorted(macros.data.glossary.values(), key=lambda term: term.term[macros.lang].lower())
    return [_link(macros, root, page, term.id, term.term[macros.lang], f"link-term-{term.id}") for term in terms]


def _tasks(macros, root: str) -> list[Link]:
    page = _page_named(macros, "medical-tasks.md")
    return [_link(macros, root, page, task.id, task.area[macros.lang], f"link-task-{task.id}")
            for task in macros.data.tasks.values()]


def _embeds(macros, root: str) -> list[Embed]:
    """Every embed page of this language, with the page and figure it comes from (`embed_of` or its link)."""
    prefix = posixpath.join(macros.lang, "embed") + "/"
    embeds = []
    for file in sorted(macros.files.documentation_pages(), key=lambda f: f.src_uri):
        if not file.src_uri.startswith(prefix):
            continue
        _, meta = get_markdown_meta(file.content_string)
        slug = posixpath.splitext(file.src_uri[len(prefix):])[0]
        title = str(meta.get("title") or next((text for level, text, _ in headings(file.content_string)
                                               if level == 1), slug))
        embeds.append(Embed(
            key=f"embed-{slug}", title=title, href=macros.url(file.src_uri[len(macros.lang) + 1:]),
            url=root + file.url, height=int(meta.get("embed_height", DEFAULT_EMBED_HEIGHT)),
        ))
    if not embeds:
        raise LinkIndexError(f"no embed page in docs/{prefix}")
    return embeds


class LinkIndexError(Exception):
    pass
