"""Check the links of a built site, with no network.

    python scripts/link_report.py site/ [--output external-links.md]

Every internal link (href to a page of this site, in either language) must point at a file that exists and,
when it has one, at an anchor present in that file; problems are printed and the exit code is 1. External
links are not fetched: they are listed, grouped by target, with the pages that use them, in one Markdown
report for a person (or a link checker with network access) to review.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

SITE_HOST = "site.invalid"


@dataclass
class Links:
    internal: list[tuple[str, str]] = field(default_factory=list)  # (page, absolute path#anchor on the site)
    external: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


@dataclass
class _Page:
    hrefs: list[str] = field(default_factory=list)  # of every <a href>, in order
    anchors: set[str] = field(default_factory=set)  # every id, and every name (old-style anchors)


class _PageReader(HTMLParser):
    """Reads only what a link check needs, as the page is parsed (a whole tree per page is several times slower)."""

    def __init__(self) -> None:
        super().__init__()
        self.page = _Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "href" and tag == "a":
                self.page.hrefs.append(value)
            elif name in ("id", "name"):
                self.page.anchors.add(value)


@lru_cache(maxsize=None)
def _read(path: Path) -> _Page:
    reader = _PageReader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader.page


def collect(site: Path, mount: str = "/") -> Links:
    links = Links()
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        page_url = f"https://{SITE_HOST}{mount}{relative}"
        for href in _read(path).hrefs:
            if href.startswith(("mailto:", "javascript:", "data:")):
                continue
            target = urlparse(urljoin(page_url, href))
            if target.netloc == SITE_HOST:
                links.internal.append((relative, target.path + (f"#{target.fragment}" if target.fragment else "")))
            elif target.scheme in ("http", "https"):
                links.external[urljoin(page_url, href)].add(relative)
    return links


def broken_internal(site: Path, links: Links, mount: str = "/") -> list[str]:
    problems = []
    for page, target in links.internal:
        path, _, fragment = target.partition("#")
        if not path.startswith(mount):
            problems.append(f"{page}: {target} is outside the site ({mount})")
            continue
        file = site / unquote(path[len(mount):])
        if path.endswith("/") or file.is_dir():
            file = file / "index.html"
        if not file.exists():
            problems.append(f"{page}: {target} does not exist")
        elif fragment and file.suffix == ".html" and unquote(fragment) not in _read(file).anchors:
            problems.append(f"{page}: {target} has no anchor #{fragment}")
    return problems


def external_report(links: Links) -> str:
    lines = ["# External links", "", f"{len(links.external)} targets, not fetched (no network needed to build).", "",
             "| Target | Used on |", "|---|---|"]
    for url in sorted(links.external):
        lines.append(f"| {url} | {', '.join(sorted(links.external[url]))} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--mount", default="/", help="the path the site is served under, e.g. /llm-medicine/")
    parser.add_argument("--output", type=Path, help="write the external-link report here (default: print it)")
    args = parser.parse_args()
    links = collect(args.site, args.mount)
    problems = broken_internal(args.site, links, args.mount)
    report = external_report(links)
    if args.output:
        args.output.write_text(report, encoding="utf-8")
    else:
        print(report)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(links.internal)} internal links checked, {len(problems)} broken; "
          f"{len(links.external)} external targets listed", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
