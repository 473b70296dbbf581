#!/usr/bin/env python3
"""How close are the review pages to the review's own sentences? An editor's tool, not a test.

The site retells the review in its own words (docs/en/about.md). This report shows where a page has drifted back
towards the authors' wording: it splits each review page into sentences, compares every sentence with every
sentence of the review in the same language (difflib.SequenceMatcher ratio, lower case) and prints, for each
sentence at or above the threshold, the closest review sentence. It ends with the share of such sentences per
language. Editors rewrite the sentences it lists, or turn them into marked, credited quotations.

What counts as a sentence of the page: running prose and list items. Left out, because they are not the site's
retelling: headings, quotations (<blockquote>, <q>, and text between double quotation marks), editor's notes and
other admonitions, glossary tooltips, figures (Figure 1, Figure 2), tables (Table 1) and other components.
Fragments shorter than --min-chars characters are skipped.

Usage (from the repository root):
    .venv/bin/python scripts/closeness_report.py                 # reads site/ (run `mkdocs build` first)
    .venv/bin/python scripts/closeness_report.py site/           # a built site directory
    .venv/bin/python scripts/closeness_report.py docs/           # the Markdown sources instead
    .venv/bin/python scripts/closeness_report.py --seed PATH --threshold 0.8 --quiet

The review text is the seed file (default: ../shared/seed/*.txt relative to the repository). It is not part of
the repository; without it the script stops with a message.
"""

from __future__ import annotations

import argparse
import difflib
import glob
import html
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGES = ["introduction", "how-llms-are-built", "current-llms", "medical-tasks", "limitations"]
LANGS = ["en", "zh"]
CJK = re.compile(r"[\u3400-\u9fff]")

# Elements whose text is not the site's running prose.
SKIPPED_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "q", "figure", "table", "details", "svg",
                "script", "style", "sup", "nav", "form"}
SKIPPED_CLASSES = ("admonition", "editor-note", "glossary-term__tip", "training-diagram", "model-chart",
                   "tasks-table", "limitations-list", "model-cards", "headerlink", "md-source-file")
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCK_TAGS = {"p", "li", "dd", "dt", "div", "ol", "ul", "section", "article"}


class _ProseParser(HTMLParser):
    """Collects the text of the page's article, one string per block, leaving out skipped elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.skip_depth = 0
        self.stack: list[bool] = []  # for each open element inside the article: does it start a skip?
        self.blocks: list[str] = []
        self.current: list[str] = []

    def _flush(self):
        text = "".join(self.current).strip()
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if not self.in_article:
            if tag == "article" and "md-content__inner" in (attrs.get("class") or ""):
                self.in_article = 1
                self.stack = []
            return
        if tag in VOID_TAGS:
            return
        classes = attrs.get("class") or ""
        skip = tag in SKIPPED_TAGS or any(name in classes for name in SKIPPED_CLASSES)
        self.stack.append(skip)
        if skip:
            self.skip_depth += 1
        if tag in BLOCK_TAGS and not self.skip_depth:
            self._flush()

    def handle_endtag(self, tag):
        if not self.in_article or tag in VOID_TAGS:
            return
        if not self.stack:  # </article>
            self._flush()
            self.in_article = 0
            return
        skip = self.stack.pop()
        if skip:
            self.skip_depth -= 1
        elif tag in BLOCK_TAGS and not self.skip_depth:
            self._flush()

    def handle_data(self, data):
        if self.in_article and not self.skip_depth:
            self.current.append(data)


def blocks_from_html(path: Path) -> list[str]:
    parser = _ProseParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser._flush()
    return parser.blocks


def blocks_from_markdown(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)  # front matter
    # Macros: a model link reads as its label (or its id); a term link as its id; every other call goes.
    text = re.sub(r'\{\{\s*model_link\("[^"]+",\s*"([^"]+)"\)\s*\}\}', r"\1", text)
    text = re.sub(r'\{\{\s*model_link\("([^"]+)"\)\s*\}\}', r"\1", text)
    text = re.sub(r'\{\{\s*term\("([^"]+)"\)\s*\}\}', r"\1", text)
    text = re.sub(r"\{\{.*?\}\}", "", text, flags=re.DOTALL)
    text = re.sub(r"\{\s*#[\w-]+\s*\}", "", text)  # heading ids
    blocks, current, in_admonition = [], [], False
    for line in text.splitlines() + [""]:
        if in_admonition:
            if line.startswith("    ") or not line.strip():
                continue
            in_admonition = False
        if line.startswith(("!!!", "???")):
            in_admonition = True
            continue
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", ">", "|")) or re.match(r"^([-*]|\d+\.)\s", stripped):
            if current:
                blocks.append(" ".join(current))
            current = []
            if stripped.startswith(("#", ">", "|")) or not stripped:
                continue
            stripped = re.sub(r"^([-*]|\d+\.)\s+", "", stripped)
        current.append(stripped)
    blocks = [re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", block) for block in blocks]  # links keep their text
    return [re.sub(r"[*_`]", "", block) for block in blocks]


QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|「[^」]*」")


def sentences(text: str, lang: str) -> list[str]:
    text = html.unescape(re.sub(r"\s+", " ", text)).strip()
    if lang == "zh":
        parts = re.split(r"(?<=[。！？])", text)
    else:
        parts = re.split(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z“\"(●‘'0-9])", text)
    return [part.strip() for part in parts if part.strip()]


def page_sentences(blocks: list[str], lang: str, min_chars: int) -> list[str]:
    found = []
    for block in blocks:
        for sentence in sentences(block, lang):
            sentence = QUOTED.sub("", sentence) if QUOTED.search(sentence) else sentence
            if len(sentence.strip()) >= min_chars:
                found.append(sentence.strip())
    return found


def review_sentences(seed: Path) -> dict[str, list[str]]:
    """The seed alternates English and Chinese; a line belongs to Chinese when it has CJK characters."""
    by_lang: dict[str, list[str]] = {"en": [], "zh": []}
    for line in seed.read_text(encoding="utf-8").splitlines():
        line = line.replace("●", " ").strip()
        if not line:
            continue
        lang = "zh" if len(CJK.findall(line)) >= 2 else "en"
        by_lang[lang].extend(s for s in sentences(line, lang) if len(s) >= 8)
    return by_lang


def closest(sentence: str, review: list[str]) -> tuple[float, str]:
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(sentence.lower())
    best, best_sentence = 0.0, ""
    for candidate in review:
        matcher.set_seq1(candidate.lower())
        if matcher.real_quick_ratio() <= best or matcher.quick_ratio() <= best:
            continue
        ratio = matcher.ratio()
        if ratio > best:
            best, best_sentence = ratio, candidate
    return best, best_sentence


def find_seed(given: str | None) -> Path:
    if given:
        path = Path(given)
        if not path.is_file():
            sys.exit(f"closeness_report: the review text {path} does not exist.")
        return path
    candidates = sorted(glob.glob(str(REPO.parent / "shared" / "seed" / "*.txt")))
    if not candidates:
        sys.exit(
            "closeness_report: the review text was not found (looked for ../shared/seed/*.txt next to the "
            "repository). Pass its path with --seed PATH."
        )
    return Path(candidates[0])


def page_files(source: Path, lang: str) -> list[tuple[str, Path]]:
    files = []
    markdown = source.name == "docs" or (source / "en").is_dir() and (source / "en" / "introduction.md").exists()
    for page in PAGES:
        if markdown:
            path = source / lang / f"{page}.md"
        else:
            path = source / ("" if lang == "en" else lang) / page / "index.html"
        if not path.exists():
            sys.exit(f"closeness_report: {path} does not exist (build the site first, or pass docs/).")
        files.append((page, path))
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", default=str(REPO / "site"), help="built site dir (default site/) or docs/")
    parser.add_argument("--seed", help="the review text (default: ../shared/seed/*.txt)")
    parser.add_argument("--threshold", type=float, default=0.75, help="report ratios at or above this (0.75)")
    parser.add_argument("--min-chars", type=int, default=12, help="skip fragments shorter than this (12)")
    parser.add_argument("--lang", choices=LANGS, action="append", help="one language only (repeatable)")
    parser.add_argument("--quiet", action="store_true", help="print only the summary")
    args = parser.parse_args(argv)

    review = review_sentences(find_seed(args.seed))
    source = Path(args.source)
    summary = []
    for lang in args.lang or LANGS:
        total = close = 0
        for page, path in page_files(source, lang):
            blocks = blocks_from_markdown(path) if path.suffix == ".md" else blocks_from_html(path)
            for sentence in page_sentences(blocks, lang, args.min_chars):
                total += 1
                ratio, match = closest(sentence, review[lang])
                if ratio >= args.threshold:
                    close += 1
                    if not args.quiet:
                        print(f"[{lang}] {page}: {ratio:.2f}\n  site:   {sentence}\n  review: {match}\n")
        share = 100 * close / total if total else 0.0
        summary.append(f"{lang}: {close} of {total} sentences at or above {args.threshold:.2f} ({share:.1f}%)")
    print("\n".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
