"""The bare twin of a built site: every page's words as plain Markdown, built by mkdocs-material and
mkdocs-static-i18n with no theme features, hooks, extras, templates or components. Not a test.

`make bench` measures each page beside two twins (../shared/notes/LIGHTHOUSE.md):
- the components twin (`run.make_twin`): the site's rendered Markdown, components' HTML included, built without
  hooks, scripts or styles: what our scripts cost;
- this bare twin: what our markup, components and theme features cost on top of the words themselves.

The words come from the built site, so the twin follows the site: each page's article is read from its HTML and
written back as Markdown (headings, paragraphs, lists, quotes, tables as pipe tables, the text of figures and
drawings as paragraphs). Links become plain text; pictures and controls are left out.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, NavigableString, Tag

LANGUAGES = {"en": "", "zh": "zh/"}
SKIPPED = {"script", "style", "noscript", "button", "input", "select", "label", "img", "template", "nav"}
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre", "figcaption", "caption",
          "dl", "summary"}


def make_bare_twin(site: Path, project: Path) -> Path:
    """Write the bare twin's project into `project` (docs/ and mkdocs.yml) from the built `site`; returns it."""
    docs = project / "docs"
    others = [prefix.rstrip("/") for prefix in LANGUAGES.values() if prefix]
    for lang, prefix in LANGUAGES.items():
        for page in sorted((site / prefix).glob("**/index.html")):
            relative = page.parent.relative_to(site / prefix).as_posix()
            if not prefix and relative.split("/")[0] in others:
                continue  # the other language's pages
            markdown = page_markdown(page.read_text(encoding="utf-8"))
            if markdown is None:
                continue
            target = docs / lang / ("index.md" if relative == "." else f"{relative}.md")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown, encoding="utf-8")
    (project / "mkdocs.yml").write_text(yaml.safe_dump(CONFIG, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project


CONFIG = {
    "site_name": "LLMs in Medicine",
    "site_url": "https://llm-medicine.github.io/llm-medicine/",
    "docs_dir": "docs",
    "theme": {"name": "material", "language": "en", "font": False},  # font: no request to Google Fonts
    "plugins": [
        "search",
        {"i18n": {"docs_structure": "folder", "languages": [
            {"locale": "en", "default": True, "name": "English", "build": True},
            {"locale": "zh", "name": "中文", "build": True, "site_name": "医学中的大语言模型"},
        ]}},
    ],
    "markdown_extensions": ["tables"],
}


def page_markdown(html: str) -> str | None:
    """The article of one built page as plain Markdown, with its title; None for a page without an article."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.md-content__inner")
    if article is None:
        return None
    # Left out: what a reader does not read as the page's text (definitions shown on pointing, print-only notes).
    for element in article.select(".headerlink, .md-content__button, [hidden], .print-note, .glossary-term__tip"):
        element.decompose()
    title = soup.title.get_text().split(" - ")[0].strip() if soup.title else ""
    blocks = list(_blocks(article))
    front = "---\n" + yaml.safe_dump({"title": title}, allow_unicode=True) + "---\n\n" if title else ""
    return front + "\n\n".join(block for block in blocks if block.strip()) + "\n"


def _text(element) -> str:
    return " ".join(element.get_text(" ").split()).replace("|", "\\|")


def _blocks(element: Tag):
    """The blocks of `element` in order; text and inline elements between blocks become one paragraph each."""
    loose: list[str] = []

    def paragraph():
        text = " ".join("".join(loose).split())
        loose.clear()
        return [text] if text else []

    for child in element.children:
        if isinstance(child, NavigableString):
            loose.append(str(child))
        elif not isinstance(child, Tag) or child.name in SKIPPED:
            continue
        elif child.name in BLOCKS or child.name == "svg":
            yield from paragraph()
            yield _block(child)
        elif child.find(lambda tag: tag.name in BLOCKS or tag.name == "svg"):
            yield from paragraph()
            yield from _blocks(child)
        else:
            loose.append(child.get_text(" "))
    yield from paragraph()


def _block(element: Tag) -> str:
    name = element.name
    if name in {"h1", "h2", "h3", "h4", "h5", "h6"}:
        return "#" * int(name[1]) + " " + _text(element)
    if name in {"ul", "ol"}:
        return "\n".join(f"- {_text(item)}" for item in element.find_all("li", recursive=False))
    if name == "blockquote":
        return "> " + _text(element)
    if name == "pre":
        return "```\n" + element.get_text() + "\n```"
    if name == "table":
        rows = [[_text(cell) for cell in row.find_all(["th", "td"], recursive=False)] for row in element.find_all("tr")]
        rows = [row for row in rows if row]
        if not rows:
            return ""
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        caption = element.find("caption")
        lines = [_text(caption), ""] if caption else []
        lines += ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        return "\n".join(lines)
    if name == "svg":  # a drawing's words (Figure 1's boxes, a chart's labels), as one paragraph
        return " ".join(_text(text) for text in element.find_all("text"))
    return _text(element)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: bare_twin.py BUILT_SITE PROJECT_DIR   (then: mkdocs build in PROJECT_DIR)")
        return 2
    project = make_bare_twin(Path(argv[0]), Path(argv[1]))
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, check=True)
    print(f"built {project / 'site'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
