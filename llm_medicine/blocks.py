"""Finished HTML kept out of Markdown's way: the block components a page calls (cards, tables, figures).

Handles no MkDocs event; `PageMacros` sets a rendered block aside and writes a placeholder comment in its place,
and the hook `page_macros.py` puts the blocks back into the page's HTML once Markdown has converted the rest.

Why: Python-Markdown parses every raw HTML block it meets, tag by tag, to find where it ends, and MkDocs parses the
whole page once more for its anchors. The blocks are finished HTML (escaped by Jinja, never Markdown), and the big
ones (the model cards, Figure 2, the scores figure) made that parsing about a quarter of a build. Markdown now
sees one short comment per block; their anchors are read here with one pattern (their attributes are Jinja's,
always double-quoted). The blocks are kept on the page object itself, so each page, in each language's build, has
its own.
"""

from __future__ import annotations

import re

from markupsafe import Markup

_ATTRIBUTE = "finished_blocks"
_PLACEHOLDER = re.compile(r"(?:<p>)?<!--finished-block-(\d+)-->(?:</p>)?")
_ANCHOR = re.compile(r'<[a-zA-Z][^>]*?\s(?:id|name)="([^"]+)"')
"""An element's id, or an <a name>: what a link's #anchor may point at (as MkDocs counts them)."""


def start(page) -> None:
    """A page is about to be rendered: no block set aside yet (a rebuild under `mkdocs serve` starts afresh)."""
    setattr(page, _ATTRIBUTE, [])


def of(page) -> list[Markup]:
    """The blocks set aside for the page so far (to keep with its rendered Markdown, which refers to them)."""
    return list(getattr(page, _ATTRIBUTE, []))


def put_back(page, saved: list[Markup]) -> None:
    """Blocks kept from an earlier render of the page: its last good version under `mkdocs serve`."""
    setattr(page, _ATTRIBUTE, list(saved))


def set_aside(page, html: Markup) -> Markup:
    """Keep `html` for the page and return the placeholder Markdown carries through in its place."""
    blocks = getattr(page, _ATTRIBUTE)
    blocks.append(html)
    return Markup(f"<!--finished-block-{len(blocks) - 1}-->")


def restore(html: str, page) -> str:
    """The page's HTML with every placeholder replaced by its block (a placeholder Markdown wrapped in a paragraph
    included); the blocks' anchors join those MkDocs found in the rest, so links to them are checked as before."""
    blocks = getattr(page, _ATTRIBUTE, [])
    if not blocks:
        return html
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= {anchor for block in blocks for anchor in _ANCHOR.findall(str(block))}
    return _PLACEHOLDER.sub(lambda match: str(blocks[int(match.group(1))]), html)
