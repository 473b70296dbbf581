"""Glossary terms explain themselves where they are used.

MkDocs events:
- `on_config`: adds a Markdown tree processor to the page renderer (once, although the i18n plugin runs
  `on_config` once per language).
- `on_page_markdown`: tells it which page comes next: its language and the relative path to the glossary.

On every page but the glossary itself, the first use of each term (any of its `matches` in `data/glossary.yml`,
case-insensitive, whole words in English) becomes a link to its glossary entry with the definition as a tooltip
shown on hover and on keyboard focus (`aria-describedby`); a term the page links itself with `{{ term() }}` is
not linked again. Headings, links, code, abbreviations and the HTML of
components are left alone. Working on the parsed Markdown tree, not on HTML text, means no markup is ever
built from strings: the definition is set as element text and escaped by the serializer.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

import build_state
import page_macros

LINKED_TERM_CLASS = "glossary-term"
# Links the page already makes with `{{ term("id") }}` (components/term-link.html). Python-Markdown keeps the text
# between an inline <a> and </a> as plain text, so without this the term would be linked again inside its link.
EXPLICIT_TERM_LINK = re.compile(r'<a class="term-link" href="[^"#]*#([a-z0-9-]+)"')
SKIPPED_TAGS = {"a", "code", "pre", "kbd", "abbr", "dfn", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style"}


@dataclass
class _PageInfo:
    lang: str
    glossary_url: str | None
    linked: frozenset[str] = frozenset()


class GlossaryTermsProcessor(Treeprocessor):
    def __init__(self, md, extension: GlossaryTermsExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        info, data = self.extension.page, build_state.last_good_data
        if info is None or info.glossary_url is None or data is None:
            return
        forms = {}
        for term in data.glossary.values():
            for form in term.matches[info.lang]:
                forms.setdefault(form.lower(), term)
        if not forms:
            return
        alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
        pattern = rf"(?<![\w-])(?:{alternatives})(?![\w-])" if info.lang == "en" else f"(?:{alternatives})"
        self.state = _Linker(re.compile(pattern, re.IGNORECASE), forms, info)
        self.state.used.update(info.linked)
        self._walk(root)

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
    def __init__(self, pattern: re.Pattern, forms: dict, info: _PageInfo):
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
        tip = etree.SubElement(wrapper, "span", {"class": "glossary-term__tip", "role": "tooltip", "id": tip_id})
        tip.text = term.definition[self.info.lang]
        return wrapper


class GlossaryTermsExtension(Extension):
    page: _PageInfo | None = None

    def extendMarkdown(self, md) -> None:
        # After inline parsing (priority 20), before the TOC is built (priority 5 in `toc`).
        md.treeprocessors.register(GlossaryTermsProcessor(md, self), "glossary_terms", 10)


EXTENSION = GlossaryTermsExtension()


def on_config(config):
    if EXTENSION not in config.markdown_extensions:
        config.markdown_extensions.append(EXTENSION)
    return config


def on_page_markdown(markdown: str, page, config, files) -> str:
    lang = page_macros.page_language(page, config)
    glossary = files.get_file_from_path(f"{lang}/glossary.md")
    if glossary is None or glossary.src_uri == page.file.src_uri:
        EXTENSION.page = _PageInfo(lang, None)
    else:
        # A link to the Markdown source: MkDocs resolves it to a URL and validates the anchor.
        page_folder = posixpath.dirname(page.file.src_uri)
        EXTENSION.page = _PageInfo(lang, posixpath.relpath(glossary.src_uri, page_folder),
                                   frozenset(EXPLICIT_TERM_LINK.findall(markdown)))
    return markdown
