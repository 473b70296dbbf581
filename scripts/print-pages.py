#!/usr/bin/env python3
"""How many A4 pages each page of a built site takes when printed from Chromium (print media, as a reader's
"Save as PDF"). A measurement, not a test.

    .venv/bin/python scripts/print-pages.py SITE_DIR [PAGE ...]     e.g. current-llms/ zh/models/

Without PAGE, every page of the navigation in both languages. `make editions` prints the same table.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from llm_medicine import printing, static_server  # noqa: E402

PAGES = ["", "introduction/", "how-llms-are-built/", "current-llms/", "medical-tasks/", "limitations/", "models/",
         "glossary/", "benchmarks/", "references/", "about/", "link-to/"]


def count_pages(site: Path, paths: list[str]) -> dict[str, int]:
    counts = {}
    with static_server.served(site) as base_url, printing.chromium() as browser:
        printer = printing.Printer(browser, base_url)
        for path in paths:
            counts[path] = printing.page_count(printer.pdf(path))
        printer.close()
    return counts


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    site, paths = Path(argv[0]), argv[1:] or [lang + page for lang in ("", "zh/") for page in PAGES]
    for path, count in count_pages(site, paths).items():
        print(f"{count:4d}  {path or '(home)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
