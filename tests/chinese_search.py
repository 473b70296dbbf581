"""The Chinese search query set, and how a result is judged: shared by the test (tests/test_browser.py) and the
measurement that compares ways of splitting Chinese for the index (benchmarks/chinese_search.py).

A query is a word a Chinese reader would type: each word the site teaches the search (glossary terms, the chosen
names of data/terms.yml, the Chinese in model names) and words from the pages, if some entry of the index holds it.
A result holds the word when its entry in the search index (title or text, zero-width spaces removed) contains it.
Judged two ways: each of the top results (the top `TOP`, or as many as there are entries holding the word) holds
the word; and each of the top pages (the theme shows a page's results together, under its title) shows a result
that holds it. A query of several words (医学考试: 医学 and 考试) finds entries holding any of them, those holding
all first, and the theme ranks a page's own entry above its sections: the page-level measure is what a reader sees.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlparse

from conftest import open_search, type_query

ROOT = Path(__file__).resolve().parent.parent
TOP = 5

# Words from the pages that are not glossary terms: what a student would look for.
PAGE_WORDS = ["医学考试", "模型大小", "隐私", "偏见", "电子健康记录", "参数规模", "训练数据", "执业医师",
              "多学科肿瘤会诊", "准确率", "开源", "患者", "放射学报告", "药师", "临床", "数据泄露", "出院小结",
              "医学问答", "错误信息", "种族", "知识截止"]


def site_dictionary() -> list[str]:
    """The words the site teaches the search's word splitter (llm_medicine/search_words.py)."""
    from llm_medicine.data import load_site_data
    from llm_medicine.search_words import site_words

    return site_words(load_site_data(ROOT / "data"))


def queries(texts: dict[str, str]) -> list[str]:
    """The query set: the site's dictionary words and the page words that some entry of the index holds."""
    words = dict.fromkeys(site_dictionary() + PAGE_WORDS)
    return [word for word in words if any(word in text for text in texts.values())]


def index_texts(site: Path) -> dict[str, str]:
    """Each entry of the Chinese search index, by location: its title and text as a reader reads them."""
    index = json.loads((site / "zh" / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"]: (doc["title"] + " " + doc["text"]).replace("\u200b", "") for doc in index["docs"]}


def page_of(location: str) -> str:
    return location.split("#")[0]


@dataclass
class Answer:
    query: str
    results: list[str]  # locations, in the order the search shows them
    texts: dict[str, str]  # the index's entries, by location

    def holds(self, location: str) -> bool:
        return self.query in self.texts[location]

    def entries_holding(self) -> int:
        return sum(self.query in text for text in self.texts.values())

    def entry_misses(self) -> list[str]:
        """Of the top results, those that do not hold the word (a result missing from the top counts as a miss)."""
        wanted = min(TOP, self.entries_holding())
        top = self.results[:wanted]
        return [location for location in top if not self.holds(location)] + ["(none)"] * (wanted - len(top))

    def pages_holding(self) -> int:
        return len({page_of(location) for location in self.texts if self.holds(location)})

    def page_misses(self) -> list[str]:
        """Of the top pages in the results (the theme shows each page's results together, under its title), those
        where no result shown holds the word."""
        pages = list(dict.fromkeys(page_of(location) for location in self.results))
        wanted = min(TOP, self.pages_holding())
        top = pages[:wanted]
        found = {page_of(location) for location in self.results if self.holds(location)}
        return [page for page in top if page not in found] + ["(none)"] * (wanted - len(top))


def ask(page, language_root: str, query: str, texts: dict[str, str]) -> Answer:
    """Search the open page's search box for `query`; the result locations relative to `language_root` (the URL of
    the Chinese home page)."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        open_search(page)
    box.fill("")
    page.keyboard.press("End")  # the theme reads the query on keyup: an empty box clears the last query's results
    page.wait_for_function("() => !document.querySelector('.md-search-result__meta').textContent.match(/\\d|没有/)")
    type_query(page, query)
    root = urlparse(language_root).path
    locations = []
    # A page's title heads its group of results even when only its sections matched: the theme gives it a score of
    # 0 (data-md-score), and it is a heading, not a result.
    scored = page.locator(".md-search-result__link").evaluate_all(
        "links => links.map(a => [a.href, Number(a.querySelector('[data-md-score]')?.dataset.mdScore || 0)])")
    for href, score in scored:
        if not score:
            continue
        path = urlparse(urljoin(page.url, href))
        locations.append(path.path.removeprefix(root) + (f"#{path.fragment}" if path.fragment else ""))
    return Answer(query, locations, texts)


@dataclass
class Score:
    """The query set's answers, summed."""

    answers: list[Answer]

    def share(self, misses, wanted) -> float:
        total = sum(wanted(answer) for answer in self.answers)
        return 1 - sum(len(misses(answer)) for answer in self.answers) / total

    def top_results(self) -> float:
        """The share of top results that hold the word."""
        return self.share(Answer.entry_misses, lambda answer: min(TOP, answer.entries_holding()))

    def top_pages(self) -> float:
        """The share of top pages that show a result holding the word."""
        return self.share(Answer.page_misses, lambda answer: min(TOP, answer.pages_holding()))

    def first_page_misses(self, words) -> list[str]:
        """The queries among `words` whose first page shown holds no result with the word."""
        return [answer.query for answer in self.answers if answer.query in words
                and (not answer.results or page_of(answer.results[0]) in answer.page_misses())]


def measure(page, language_root: str, texts: dict[str, str]) -> Score:
    return Score([ask(page, language_root, query, texts) for query in queries(texts)])
