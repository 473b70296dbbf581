"""Benchmark: how well Chinese search answers the query set of tests/chinese_search.py. Not a test.

Usage: `python benchmarks/chinese_search.py SITE [SITE ...]` with built sites (e.g. one built before and one after
a change to how the index splits Chinese). For each site and query: how many results, how many of the top ones hold
the word, and in total the share of top results that hold it (precision) and of queries fully answered.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
import chinese_search  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS, site_path  # noqa: E402

from llm_medicine.static_server import served  # noqa: E402


def measure(site: Path, browser) -> None:
    texts = chinese_search.index_texts(site)
    with served(site, site_path()) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        root = f"{url}zh/"
        page.goto(root)
        score = chinese_search.measure(page, root, texts)
    print(f"\n{site}: {len(score.answers)} queries")
    print(f"{'query':<14}{'results':>8}{'holding':>8}{'entry misses':>13}{'page misses':>12}")
    for answer in score.answers:
        print(f"{answer.query:<14}{len(answer.results):>8}{answer.entries_holding():>8}"
              f"{len(answer.entry_misses()):>13}{len(answer.page_misses()):>12}")
    print(f"top results holding the word: {score.top_results():.0%}; top pages showing it: {score.top_pages():.0%};"
          f" queries whose first page misses it: {score.first_page_misses(set(chinese_search.queries(texts)))};"
          f" results in all: {sum(len(answer.results) for answer in score.answers)}")


def main() -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for site in sys.argv[1:]:
            measure(Path(site), browser)
        browser.close()


if __name__ == "__main__":
    main()
