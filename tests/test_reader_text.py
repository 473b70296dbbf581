"""What a careful reader finds in the text of every built page, each kind checked everywhere and each check shown
failing on a planted case (issue 24, "Checks that keep them out"):

- Latin-script prose on a Chinese page outside names, titles, quotes and code (a name or term's original form in
  parentheses after it is a name);
- a half-width colon or full stop after Chinese text;
- a concept under a name data/terms.yml keeps off Chinese pages;
- a field name (snake_case) or a raw computed number in visible text, in either language;
- a number from a model entry whose source nobody has checked, in a card's summary or a page's prose.

A page's visible text here is what a reader reads as the page's own words: scripts, styles, code, and text marked as
another language are left out; for the Chinese checks, so are quotations (“…”, 《…》, <q>, <blockquote>, <cite>).
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

from bs4 import BeautifulSoup

from llm_medicine.schema import NOT_YET_CHECKED

CJK = "\u3400-\u4dbf\u4e00-\u9fff"
QUOTED = re.compile(r"“[^”]*”|《[^》]*》|「[^」]*」")
LATIN_PROSE = re.compile(r"[A-Za-z][A-Za-z'’\-]*(?:[ ,;:]+[A-Za-z][A-Za-z'’\-]*\.?){2,}")
"""Three or more Latin words in a row: prose, where a name or a term in passing is one or two."""
ORIGINAL_FORM = re.compile(r"（[A-Za-z][A-Za-z0-9'’\- ,.]*）")
"""A name or term's original form in parentheses after it: 贝斯以色列女执事医疗中心（Beth Israel Deaconess Medical
Center）, 指令提示调优（instruction prompt tuning）, as Chinese technical writing gives it."""
WEB_ADDRESS = re.compile(r"\b(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?:/[^\s，。；）]*)?")


def visible_text(soup: BeautifulSoup, *, quotations: bool, between_elements: str = " ") -> str:
    """The page's own words as a reader reads them (see the module's docstring); `quotations=False` leaves quoted
    text out too. `between_elements` joins the text of adjacent elements: "" reads `<strong>规模</strong>:` as the
    reader sees it, 规模:."""
    body = copy.copy(soup.body)
    # A glossary term's tooltip repeats the glossary's definition, read (and checked) on the glossary page.
    leave_out = "script, style, code, pre, svg, kbd, [role=tooltip], [lang]:not([lang^=zh])"
    if not quotations:
        leave_out += ", q, blockquote, cite"
    for element in body.select(leave_out):
        element.decompose()
    text = body.get_text(between_elements)
    return QUOTED.sub(" ", text) if not quotations else text


def language_neutral_names(documents: dict) -> frozenset[str]:
    """Every name, title and address the data gives once for both languages (authors, affiliations, journals, source
    titles, reporters, model names): the words a Chinese page may show in Latin letters. `documents`: the data files
    as parsed (`site_data.documents`)."""
    names: set[str] = set()

    def walk(value, key=None):
        if isinstance(value, dict):
            if set(value) <= {"en", "zh"}:  # a text written in each language: not a name
                return
            if {"given", "family"} <= set(value):  # an author, as pages write the name
                names.add(f"{value['given']} {value['family']}")
            for inner_key, inner in value.items():
                walk(inner, inner_key)
        elif isinstance(value, list):
            for inner in value:
                walk(inner, key)
        elif isinstance(value, str) and key not in {"text", "where", "setting_quote", "why"}:
            names.add(value)

    for name, document in documents.items():
        if name not in {"ui", "translation-status"}:
            walk(document)
    return frozenset(names)


def latin_prose(text: str, allowed: frozenset[str]) -> list[str]:
    """Runs of Latin prose in Chinese text that are no name, title or address from the data."""
    text = ORIGINAL_FORM.sub(" ", WEB_ADDRESS.sub(" ", text))
    runs = [match.group(0).strip(" ,;:") for match in LATIN_PROSE.finditer(text)]
    return [run.rstrip(".") for run in runs if not any(run in name for name in allowed)]


def half_width_punctuation(text: str) -> list[str]:
    """A half-width colon or full stop right after Chinese text (a decimal point or an abbreviation has a Latin
    letter or digit before it)."""
    return [text[max(0, m.start() - 12):m.start()] + f"[{m.group(0)}]" + text[m.end():m.end() + 8]
            for m in re.finditer(rf"[{CJK}）”][:.](?![\d])", text)]


def avoided_terms(text: str, terms) -> list[str]:
    return [f"{form} (use {term.zh})" for term in terms for form in term.avoid if form in text]


FIELD_NAME = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
RAW_NUMBER = re.compile(r"(?<![\w./])\d+\.\d{4,}(?![\d/])")
"""A number with four or more decimals: a computed float printed as it came (sources give at most three: 2.788
million GPU hours, an F1 of 0.617)."""
ARXIV_ID = re.compile(r"\b\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}(?:v\d+)?\b")


def raw_values(text: str) -> list[str]:
    """Field names, computed floats and a script's empty values in text (web addresses and arXiv ids aside)."""
    text = ARXIV_ID.sub(" ", WEB_ADDRESS.sub(" ", text))
    return FIELD_NAME.findall(text) + RAW_NUMBER.findall(text) + re.findall(r"\b(?:NaN|undefined)\b|\[object Object\]", text)


def chinese_pages(built_site: Path) -> list[str]:
    return sorted(str(path.relative_to(built_site)) for path in (built_site / "zh").rglob("*.html"))


def all_pages(built_site: Path) -> list[str]:
    return sorted(str(path.relative_to(built_site)) for path in built_site.rglob("*.html"))


# --- each check, everywhere ------------------------------------------------------------------------------------


def test_chinese_pages_have_no_latin_prose_outside_names_titles_quotes_and_code(built_site, site_data, html):
    allowed = language_neutral_names(site_data.documents)
    found = [f"{path}: {run}" for path in chinese_pages(built_site)
             for run in latin_prose(visible_text(html(path), quotations=False), allowed)]
    assert not found, "\n".join(found[:20])


def test_no_half_width_colon_or_full_stop_follows_chinese_text(built_site, html):
    """After Chinese text, and after a label on a Chinese page, the colon and full stop are full-width (：。). Text
    marked as another language keeps its own punctuation."""
    found = [f"{path}: …{snippet}…" for path in chinese_pages(built_site)
             for snippet in half_width_punctuation(visible_text(html(path), quotations=True, between_elements=""))]
    assert not found, found[:10]


def test_each_concept_goes_by_one_chinese_name(built_site, site_data, html):
    terms = list(site_data.terms.values())
    found = [f"{path}: {term}" for path in chinese_pages(built_site)
             for term in avoided_terms(visible_text(html(path), quotations=False), terms)]
    assert not found, found[:10]


def test_no_field_name_or_raw_number_reaches_a_reader(built_site, html):
    found = [f"{path}: {value}" for path in all_pages(built_site)
             for value in raw_values(visible_text(html(path), quotations=False))]
    assert not found, found[:10]


# --- each check finds its planted case -------------------------------------------------------------------------

PLANTED = """<html><body><article>
<p>本站说明：<span lang="en">Nori et al.</span>报告了成绩（Nori et al.）。Model card written by the developers.</p>
<p><strong>规模</strong>: 70亿。详见.</p>
<p>卡片引用的“原文 in English words here”不算；“built on”一栏写作基础模型，肿瘤多学科会诊也是。</p>
<p>in_review: false; models under 15.614285B are drawn at a minimum size; NaN (arXiv 2309.00087)</p>
<code>snake_case_is_fine_in_code 0.12345</code>
</article></body></html>"""


def test_each_check_finds_its_planted_case(site_data):
    soup = BeautifulSoup(PLANTED, "html.parser")
    prose = visible_text(soup, quotations=False)
    allowed = language_neutral_names(site_data.documents)
    assert latin_prose(prose, allowed)[:1] == ["Model card written by the developers"]
    assert "in English words here" not in " ".join(latin_prose(prose, allowed))
    punctuation = half_width_punctuation(visible_text(soup, quotations=True, between_elements=""))
    assert [re.search(r"\[(.+?)\]", snippet).group(1) for snippet in punctuation] == ["模:", "见."]
    assert avoided_terms(prose, site_data.terms.values()) == ["肿瘤多学科会诊 (use 多学科肿瘤会诊)"]
    assert raw_values(prose) == ["in_review", "15.614285", "NaN"]


# --- numbers nobody has checked -------------------------------------------------------------------------------

SUMMARIES = "#model-chart-summary, .model-card__summary, .scores-chart__summary, article.md-content__inner > p"
"""Where the site sums up in its own words: the figures' summaries, the cards' summaries and the pages' prose."""


def unchecked_sizes(models, lang: str) -> dict[str, str]:
    """Each unchecked size as the page writes it (`6.7B`, `67亿`), with its model's name."""
    from llm_medicine.formatting import format_parameters

    return {format_parameters(model.parameters, lang, ""): model.name for model in models
            if model.verification == NOT_YET_CHECKED and model.parameters is not None}


def unchecked_in_summaries(soup: BeautifulSoup, sizes: dict[str, str]) -> list[str]:
    found = []
    for element in soup.select(SUMMARIES):
        text = element.get_text(" ")
        found += [f"{size} ({name}): {text[:80]}" for size, name in sizes.items()
                  if re.search(rf"(?<![\d.]){re.escape(size)}(?![\d])", text)]
    return found


def test_no_summary_names_a_number_nobody_has_checked(built_site, site_data, html):
    """An unchecked size (verification M) may stand in its own card, flagged, and in the figure's table; no summary
    or page prose repeats it as a fact."""
    sizes = {lang: unchecked_sizes(site_data.models.values(), lang) for lang in ("en", "zh")}
    found = []
    for path in all_pages(built_site):
        lang = "zh" if path.startswith("zh/") else "en"
        found += [f"{path}: {hit}" for hit in unchecked_in_summaries(html(path), sizes[lang])]
    assert not found, found[:10]


def test_the_unchecked_number_check_finds_its_planted_case():
    sizes = {"6.7B": "a planted unchecked model"}
    soup = BeautifulSoup('<p id="model-chart-summary">The largest is X (6.7B).</p>'
                         '<div class="model-card__summary">Some 16.7B model.</div><table><td>6.7B</td></table>',
                         "html.parser")
    assert [hit.split(" ")[0] for hit in unchecked_in_summaries(soup, sizes)] == ["6.7B"]
