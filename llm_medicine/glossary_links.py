"""Glossary terms explain themselves where they are used: a Python-Markdown extension.

On every page but the glossary itself, the first use of each term (any of its `matches` in `data/glossary.yml`,
case-insensitive, whole words where the language puts spaces between words) becomes a link to its glossary
entry with the definition as a tooltip shown on hover and on keyboard focus (`aria-describedby`); a term the
page links itself with `{{ term() }}` is not linked again. Headings, links, code, abbreviations and the HTML of
components are left alone. Working on the parsed Markdown tree, not on HTML text, means no markup is ever built
from strings: the definition is set as element text and escaped by the serializer.

The hook `glossary_terms.py` adds `EXTENSION` to the Markdown extensions and sets `EXTENSION.page` before each
page is converted.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from dataclasses import dataclass

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from llm_medicine.languages import writes_words_apart
from llm_medicine.schema import GlossaryTerm

LINKED_TERM_CLASS = "glossary-term"
# Links the page makes itself with `{{ term("id") }}` (components/term-link.html). Python-Markdown stashes inline
# HTML and keeps the text between <a> and </a> as plain text, so without this the term would be linked again
# inside its own link.
EXPLICIT_TERM_LINK = re.compile(r'<a class="term-link" href="[^"#]*#([a-z0-9-]+)"')
SKIPPED_TAGS = {"a", "code", "pre", "kbd", "abbr", "dfn", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style"}


@dataclass
class PageInfo:
    """The page being converted: its language, the relative link to its glossary (None: link nothing), the terms."""

    lang: str
    glossary_url: str | None
    terms: Iterable[GlossaryTerm] = ()


class GlossaryTermsProcessor(Treeprocessor):
    def __init__(self, md, extension: GlossaryTermsExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        info = self.extension.page
        if info is None or info.glossary_url is None:
            return
        forms = {}
        for term in info.terms:
            for form in term.matches[info.lang]:
                forms.setdefault(form.lower(), term)
        if not forms:
            return
        alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
        pattern = rf"(?<![\w-])(?:{alternatives})(?![\w-])" if writes_words_apart(info.lang) else f"(?:{alternatives})"
        self.state = _Linker(re.compile(pattern, re.IGNORECASE), forms, info)
        self.state.used.update(self._linked_by_the_page())
        self._walk(root)

    def _linked_by_the_page(self) -> set[str]:
        """Terms the page links itself, found in the inline HTML the parser has stashed."""
        return {term_id for block in self.md.htmlStash.rawHtmlBlocks for term_id in EXPLICIT_TERM_LINK.findall(str(block))}

    def _walk(self, element: etree.Element) -> None:
        if element.tag in SKIPPED_TAGS or element.get("class") == LINKED_TERM_CLASS:
            return
        if element.text:
            element.text = self._link(element, 0, element.text)
        index = 0
        while index < len(element):
            child = element[index]
            self._walk(child)
            if child.tail:
                child.tail = self._link(element, index + 1, child.tail)
            index += 1

    def _link(self, parent: etree.Element, position: int, text: str) -> str:
        """Link the first unused term in `text`; the new element goes in at `position` in `parent`."""
        state = self.state
        for match in state.pattern.finditer(text):
            term = state.forms[match.group(0).lower()]
            if term.id in state.used:
                continue
            state.used.add(term.id)
            parent.insert(position, state.element(term, match.group(0)))
            parent[position].tail = text[match.end():]
            return text[: match.start()]
        return text


class _Linker:
    def __init__(self, pattern: re.Pattern, forms: dict, info: PageInfo):
        self.pattern, self.forms, self.info = pattern, forms, info
        self.used: set[str] = set()

    def element(self, term, shown: str) -> etree.Element:
        tip_id = f"glossary-tip-{term.id}"
        wrapper = etree.Element("span", {"class": LINKED_TERM_CLASS})
        link = etree.SubElement(wrapper, "a", {
            "class": "glossary-term__link",
            "href": f"{self.info.glossary_url}#{term.id}",
            "aria-describedby": tip_id,
        })
        link.text = shown
        # Out of the search index: a result's snippet should read as the sentence does, not with a definition in it.
        tip = etree.SubElement(wrapper, "span", {"class": "glossary-term__tip", "role": "tooltip", "id": tip_id,
                                                 "data-search-exclude": ""})
        tip.text = term.definition[self.info.lang]
        return wrapper


class GlossaryTermsExtension(Extension):
    page: PageInfo | None = None

    def extendMarkdown(self, md) -> None:
        # After inline parsing (priority 20), before the TOC is built (priority 5 in `toc`).
        md.treeprocessors.register(GlossaryTermsProcessor(md, self), "glossary_terms", 10)


EXTENSION = GlossaryTermsExtension()
