"""The built site, read as HTML: every page in both languages, in the right language, with the same anchors,
no OCR artefact of the source, and nothing loaded from another host."""

from __future__ import annotations

import copy
import json
import re
from urllib.parse import urlparse

import pytest

from conftest import LANGUAGES, PAGES, ROOT

ALL_PAGES = [(lang, prefix + page) for lang, prefix in LANGUAGES.items() for page in PAGES]
CJK = re.compile(r"[\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]+")

# Artefacts of the OCR'd source (FACTS.md section 3 and others found while writing); none may reach a reader.
OCR_ARTEFACTS = [
    r"learni ng", r"learnin g", r"Clinic alBERT", r"Bio Link BERT", r"Instruct ?GP T", r"Multi Med Bench",
    r"\\mathrm", r"\$20\d\d", r"\^\{", r"Jesu to fun mi", r"\bMedPaLM\b", r"\bdue its\b", r"\bGPT3\.5\b",
    r"\bGPT4\b", r"\bBard2\b", r"\bLLaMA4\b", r"Claude 3\b", r"\bEPIC\b", r"Flan PaLM", r"“ChatGPT''",
    r"\^hy'", r"For example\. hypertension", r"fine-tuning i on", r"\* \* ", r"上下文学习偏差", r"电子病历记录",
    r"GPT开发的", r"Instruct GPT", r"generates text in return \.", r"document classification \.",
    r"to ontologies \.",
]


def page_file(path: str) -> str:
    return f"{path}index.html"


def article_text(soup) -> str:
    article = soup.select_one("article.md-content__inner")
    assert article is not None
    return article.get_text(" ", strip=True)


@pytest.mark.parametrize("lang,path", ALL_PAGES)
def test_page_exists_in_its_language(lang, path, html):
    soup = html(page_file(path))
    assert soup.html["lang"] == lang
    assert soup.select_one("article h1"), f"{path} has no heading"
    assert len(article_text(soup)) > 200, f"{path} has almost no text"


@pytest.mark.parametrize("lang,path", ALL_PAGES)
def test_no_ocr_artefact_reaches_the_reader(lang, path, html):
    soup = copy.copy(html(page_file(path)))  # a copy: `html` is shared by every test of the session
    for citation in soup.select("sup.cite"):  # "Claude³" is Claude with citation 3, not the model "Claude 3"
        citation.replace_with("[cite]")
    text = article_text(soup)
    found = [pattern for pattern in OCR_ARTEFACTS if re.search(pattern, text)]
    assert not found, f"{path}: {found}"


def _anchors(soup) -> set[str]:
    article = soup.select_one("article.md-content__inner")
    headings = {h["id"] for h in article.select("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]")}
    entries = {el["id"] for el in article.select(
        ".model-card[id], .glossary-entry[id], .reference[id], tr[id], section[id], .editor-note[id]")}
    return headings | entries


@pytest.mark.parametrize("page", PAGES)
def test_anchors_are_the_same_in_both_languages(page, html):
    english, chinese = _anchors(html(page_file(page))), _anchors(html(page_file("zh/" + page)))
    assert english == chinese, f"{page}: only in en {english - chinese}; only in zh {chinese - english}"
    generated = sorted(a for a in chinese if re.fullmatch(r"_\d+", a))
    assert not generated, f"zh/{page}: heading ids made from Chinese text: {generated} (write {{ #id }})"


@pytest.mark.parametrize("page", PAGES)
def test_every_heading_has_an_explicit_id(page):
    for lang in LANGUAGES:
        source = (ROOT / "docs" / lang / (page.rstrip("/") or "index")).with_suffix(".md")
        for line in source.read_text(encoding="utf-8").splitlines():
            if re.match(r"#{1,6} ", line):
                assert re.search(r"\{ ?#[a-z0-9-]+ ?\}\s*$", line), f"{source.relative_to(ROOT)}: {line!r}"


@pytest.mark.parametrize("page", PAGES)
def test_chinese_pages_are_mostly_chinese(page, html):
    soup = copy.copy(html(page_file("zh/" + page)))  # a copy: `html` is shared by every test of the session
    article = soup.select_one("article.md-content__inner")
    for element in article.select('[lang="en"], cite, code, pre, .model-card__name, .glossary-entry__other'):
        element.decompose()
    text = article.get_text(" ", strip=True)
    chinese = len(CJK.findall(text))
    latin_words = len(LATIN_WORD.findall(text))
    assert chinese > 2 * latin_words, f"zh/{page}: {chinese} Chinese characters, {latin_words} Latin words"


def _loaded_urls(soup):
    for tag, attribute in (("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"),
                           ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data")):
        for element in soup.find_all(tag):
            if element.get(attribute):
                yield element[attribute]
    for element in soup.find_all("link"):
        rel = set(element.get("rel", []))
        if rel & {"stylesheet", "preload", "preconnect", "dns-prefetch", "icon", "modulepreload", "manifest"}:
            yield element["href"]


def test_nothing_is_loaded_from_another_host(built_site, html):
    offenders = []
    for path in sorted(built_site.rglob("*.html")):
        soup = html(str(path.relative_to(built_site)))
        for url in _loaded_urls(soup):
            if urlparse(url).netloc:
                offenders.append(f"{path.relative_to(built_site)}: {url}")
    for path in sorted(built_site.rglob("*.css")):
        text = path.read_text(encoding="utf-8", errors="replace")
        offenders += [f"{path.relative_to(built_site)}: {m}" for m in re.findall(r"url\((?:'|\")?https?://[^)]+", text)]
        offenders += [f"{path.relative_to(built_site)}: {m}" for m in re.findall(r"@import\s+(?:url\()?['\"]?https?://[^;]+", text)]
    assert not offenders, "\n".join(offenders)


def test_no_google_fonts_or_cdn_anywhere(built_site):
    """Pages, styles and data name no font host or CDN. (The vendored scripts contain such addresses for features
    this site does not use, e.g. Plotly's map data; the browser tests check that no request ever leaves.)"""
    pattern = re.compile(r"fonts\.(googleapis|gstatic)\.com|cdn\.jsdelivr\.net|unpkg\.com|cdn\.plot\.ly|cdnjs\.")
    offenders = [str(p.relative_to(built_site)) for p in built_site.rglob("*")
                 if p.suffix in {".html", ".css", ".json", ".xml"} and pattern.search(p.read_text(errors="replace"))]
    assert not offenders, offenders


def test_no_script_holds_up_the_first_paint(built_site, html):
    """Every script a page loads from a file waits until the page is parsed (`defer`), or loads aside (`async`): a
    script run as the parser reaches it can hold the first paint of the page's text behind its work (the theme's
    bundle did, on about half of the loads of a simulated phone; README, Performance)."""
    blocking = []
    for path in sorted(built_site.rglob("*.html")):
        soup = html(str(path.relative_to(built_site)))
        blocking += [f"{path.relative_to(built_site)}: {script['src']}" for script in soup.find_all("script", src=True)
                     if not script.has_attr("defer") and not script.has_attr("async")]
    assert not blocking, "\n".join(blocking)


def test_each_language_has_its_own_404_page_and_sitemap(html, built_site):
    assert html("404.html").html["lang"] == "en"
    assert html("zh/404.html").html["lang"] == "zh"
    assert "404" in html("zh/404.html").get_text()
    for folder in ("", "zh/"):
        sitemap = (built_site / folder / "sitemap.xml").read_text(encoding="utf-8")
        assert "/zh/introduction/" in sitemap and "/introduction/" in sitemap


def test_language_switch_links_to_the_same_page(html):
    for lang, prefix in LANGUAGES.items():
        other = "zh/" if lang == "en" else ""
        soup = html(page_file(prefix + "current-llms/"))
        targets = {a["hreflang"]: a["href"] for a in soup.select("a[hreflang]")}
        expected = "zh" if lang == "en" else "en"
        assert targets[expected].rstrip("/").endswith(f"{other}current-llms".rstrip("/")), targets


def test_search_index_splits_chinese_for_search(built_site):
    import json

    english = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    chinese = json.loads((built_site / "zh" / "search" / "search_index.json").read_text(encoding="utf-8"))
    for index in (english, chinese):
        assert index["config"]["lang"] == ["en"]
        assert "\\u200b" in index["config"]["separator"]  # a regular-expression escape: the worker builds a RegExp
    # One index per language, each loaded only by its own pages; locations are relative to the language's folder.
    assert chinese["docs"] and not any(doc["location"].startswith("zh/") for doc in chinese["docs"])
    # Chinese split into words (jieba, taught the site's terms), each between zero-width spaces; and no word holds 〇,
    # which overrides/assets/javascripts/chinese-query.js puts after each run of Chinese in a query.
    words = {word for doc in chinese["docs"] for word in re.split(chinese["config"]["separator"], doc["text"])}
    assert {"幻觉", "大语言模型", "多学科肿瘤会诊", "微调"} <= words
    assert not any("\u3007" in word for word in words)
    # English pages quote Chinese names and sources, split the same way; their English is left as it is.
    assert english["docs"] and not any(re.search("[A-Za-z.,;]\u200b[A-Za-z]", doc["text"]) for doc in english["docs"])
    assert not any(doc["location"].startswith("zh/") for doc in english["docs"])


def test_english_size_quotes_carry_their_chinese_gist_on_chinese_cards(html, site_data):
    """A Chinese reader gets each English source quote's sense too: under the quote, marked as the gist (大意), the
    quote itself left in its language."""
    cards = html("zh/models/index.html")
    missing = []
    for model in site_data.models.values():
        quote = model.source_quote
        if quote is None or quote.lang != "en":
            continue
        card = cards.select_one(f"article.model-card#{model.id}")
        gloss = card.select_one(".source-quote__gloss") if card else None
        if gloss is None or not gloss.get_text().startswith("（大意：") or card.select_one(".source-quote__text")["lang"] != "en":
            missing.append(model.id)
    assert not missing, f"English quotes without a Chinese gist (gloss_zh in data/models.yml): {missing}"
    assert not html("models/index.html").select(".source-quote__gloss"), "English pages show the quote alone"


def test_english_result_excerpts_carry_a_chinese_gist_on_the_chinese_benchmarks_page(html):
    """Under each English source excerpt: its gist (大意) when it is a sentence, a line saying what a table row shows
    when it is a table; the excerpt itself stays in its language. English pages show the excerpt alone."""
    quotes = html("zh/benchmarks/index.html").select('blockquote.results-table__quote[lang="en"]')
    assert len(quotes) > 40
    bare = [quote.get_text()[:60] for quote in quotes
            if not (quote.find_next_sibling() and "source-quote__gloss" in quote.find_next_sibling().get("class", [])
                    and quote.find_next_sibling().get_text().startswith("（"))]
    assert not bare, bare[:5]
    assert not html("benchmarks/index.html").select(".source-quote__gloss")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_snippets_read_as_the_page_does(lang, built_site, site_data):
    """A result's text is the page's sentences: no glossary definition spliced in after its term (the tooltip is for
    pointing at the term, not part of the sentence), and no ¶ of a permalink."""
    index = json.loads((built_site / LANGUAGES[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))
    glossary_page = "glossary/"
    spliced = [entry["location"] for entry in index["docs"] if not entry["location"].startswith(glossary_page)
               for term in site_data.glossary.values()
               if term.definition[lang].replace("\u200b", "")[:40] in entry["text"].replace("\u200b", "")]
    assert not spliced, sorted(set(spliced))[:10]
    assert not [entry["location"] for entry in index["docs"] if "¶" in entry["text"] + entry["title"]]
