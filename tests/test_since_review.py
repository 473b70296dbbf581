"""The models released after the review (issue 16): the schema's rules for their sources, the downloads' `in_review`
and `source_quote`, the cards' separate section and excerpts, and the page "Since the review" in both languages."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest
import yaml
from pydantic import ValidationError

from conftest import LANGUAGES, ROOT

from llm_medicine import data as data_loader
from llm_medicine.schema import REVIEW_CUTOFF, Model

CJK = re.compile(r"[\u4e00-\u9fff]")
# The primary sources the page's statements quote (the researcher's list for issue 16), one link each at least.
PAGE_SOURCES = [
    "https://github.com/epfLLM/meditron",
    "https://huggingface.co/m42-health/Llama3-Med42-70B",
    "https://arxiv.org/abs/2404.18416",
    "https://github.com/Google-Health/medgemma",
    "https://github.com/FreedomIntelligence/HuatuoGPT-o1",
    "https://github.com/baichuan-inc/Baichuan-M1-14B",
    "https://github.com/FreedomIntelligence/HuatuoGPT-II",
    "https://github.com/deepseek-ai/DeepSeek-V3",
    "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/MODEL_CARD.md",
    "https://github.com/BIDS-Xu-Lab/Me-LLaMA",
]
NOT_IN_REVIEW_NOTE = {"en": "This page is not part of the review", "zh": "本页不属于综述"}


@pytest.fixture(scope="module")
def site_data():
    return data_loader.load_site_data(ROOT / "data")


@pytest.fixture(scope="module")
def raw_models() -> dict[str, dict]:
    entries = yaml.safe_load((ROOT / "data" / "models.yml").read_text(encoding="utf-8"))
    return {entry["id"]: entry for entry in entries}


def words(text: str) -> str:
    return " ".join(text.split())


# Schema: a later model is backed by its source's own words ---------------------------------------------------


def _refusal(entry: dict) -> str:
    with pytest.raises(ValidationError) as caught:
        Model.model_validate(entry)
    messages = [error["msg"] for error in caught.value.errors()]
    assert len(messages) == 1, messages
    return messages[0]


def test_the_later_models_as_they_are_validate(raw_models):
    later = [entry for entry in raw_models.values() if entry.get("since_review")]
    assert len(later) >= 20
    for entry in later:
        Model.model_validate(entry)


def test_schema_refuses_a_later_model_without_an_excerpt(raw_models):
    entry = {key: value for key, value in raw_models["meditron-70b"].items() if key != "source_quote"}
    assert _refusal(entry) == ("Value error, a model from after the review needs source_quote: its primary source's "
                               "own words stating the size (or that it is not disclosed)")


def test_schema_refuses_a_later_model_without_a_linked_primary_source(raw_models):
    entry = dict(raw_models["meditron-70b"])
    entry["source"] = {key: value for key, value in entry["source"].items() if key not in ("url", "arxiv", "doi")}
    assert _refusal(entry) == ("Value error, a model from after the review needs a primary source with a link "
                               "(source.url, source.arxiv or source.doi)")


def test_schema_refuses_a_mirror_as_the_source(raw_models):
    entry = dict(raw_models["meditron-70b"])
    entry["source"] = {"title": "Meditron", "year": 2023, "url": "https://en.wikipedia.org/wiki/Meditron"}
    assert _refusal(entry) == (
        "Value error, source https://en.wikipedia.org/wiki/Meditron is a mirror or summary, not a primary source: "
        "cite the paper (arXiv id or DOI), the developer's repository, model card or announcement")


def test_schema_refuses_a_size_that_is_not_in_its_excerpt(raw_models):
    entry = {**raw_models["meditron-70b"], "parameters_quoted": "80B"}
    assert _refusal(entry) == "Value error, parameters_quoted '80B' does not appear in source_quote.text"


def test_schema_refuses_an_excerpt_that_states_another_size(raw_models):
    # "7B" is in Meditron's excerpt, but it is the smaller model's size, not Meditron-70B's.
    entry = {**raw_models["meditron-70b"], "parameters_quoted": "7B"}
    assert "7B" in entry["source_quote"]["text"]
    assert _refusal(entry) == "Value error, parameters_quoted '7B' does not state parameters (7e+10)"


def test_schema_refuses_a_disclosed_size_without_the_words_that_state_it(raw_models):
    entry = {key: value for key, value in raw_models["deepseek-v3"].items() if key != "parameters_quoted"}
    assert _refusal(entry) == ("Value error, source_quote is given with a disclosed size: add parameters_quoted, the "
                               "part of the excerpt that states it")


# Downloads ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_downloads_mark_every_model_in_or_after_the_review(lang, built_site, site_data):
    folder = built_site / LANGUAGES[lang] / "downloads"
    document = json.loads((folder / "model-sizes.json").read_text(encoding="utf-8"))
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(
        (folder / "model-sizes.csv").read_text(encoding="utf-8-sig")))}
    entries = {entry["id"]: entry for entry in document["models"]}
    assert set(entries) == set(rows) == set(site_data.models)

    review = [m for m in site_data.models.values() if not m.since_review]
    later = [m for m in site_data.models.values() if m.since_review]
    assert all(entries[m.id]["in_review"] is True and rows[m.id]["in_review"] == "true" for m in review)
    after_cutoff = [m for m in later if m.released.as_date >= REVIEW_CUTOFF]
    assert len(after_cutoff) == len(later) >= 20
    for model in later:
        entry, row = entries[model.id], rows[model.id]
        assert entry["in_review"] is False and row["in_review"] == "false", model.id
        assert entry["source_quote"] and entry["source_quote"] == row["source_quote"] == model.source_quote.text
        if model.parameters_quoted:
            assert model.parameters_quoted in entry["source_quote"], model.id
    for model in review:
        expected = model.source_quote.text if model.source_quote else None
        assert entries[model.id]["source_quote"] == expected
        assert rows[model.id]["source_quote"] == (expected or "")

    assert entries["deepseek-v3"]["parameters_active"] == 37_000_000_000
    assert rows["mixtral-8x7b"]["parameters_active"] == "13000000000"
    assert entries["meditron-70b"]["parameters_active"] is None and rows["meditron-70b"]["parameters_active"] == ""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_download_fields_are_described_in_the_file_language(lang, built_site):
    document = json.loads((built_site / LANGUAGES[lang] / "downloads" / "model-sizes.json").read_text("utf-8"))
    for field in ("in_review", "source_quote", "parameters_active"):
        description = document["fields"][field]
        assert description and bool(CJK.search(description)) == (lang == "zh"), (field, description)
    assert "in_review" in document["description"]


# Model cards -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_later_models_have_their_own_section_after_the_reviews(lang, html, site_data):
    soup = html(f"{LANGUAGES[lang]}models/index.html")
    cards = soup.select(".model-card")
    ids = [card["id"] for card in cards]
    later = {m.id for m in site_data.models.values() if m.since_review}
    assert set(ids) == set(site_data.models)
    first_later = min(ids.index(model_id) for model_id in later)
    assert set(ids[first_later:]) == later, "a model of the review is listed among the later ones"

    heading = soup.select_one("h2#since-the-review")
    assert heading is not None
    section = soup.select_one(".model-cards--since-review")
    assert {card["id"] for card in section.select(".model-card")} == later
    assert heading.find_next("div", class_="model-cards--since-review") is section
    badge = site_data.ui["since-review-badge"][lang]
    for card in cards:
        shown = card.select_one(".model-card__badge")
        assert (shown is not None and shown.get_text(strip=True) == badge) == (card["id"] in later), card["id"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cards_quote_their_sources_in_the_sources_language(lang, html, site_data):
    soup = html(f"{LANGUAGES[lang]}models/index.html")
    quoted = [m for m in site_data.models.values() if m.source_quote]
    assert sum(1 for m in quoted if not m.since_review) >= 20
    for model in quoted:
        card = soup.select_one(f"article.model-card#{model.id}")
        quote = card.select_one("blockquote.source-quote__text")
        assert quote is not None, model.id
        assert quote["lang"] == model.source_quote.lang, model.id
        assert words(quote.get_text()) == words(model.source_quote.text), model.id
        caption = card.select_one(".source-quote__source")
        assert caption.select_one("a")["href"] == model.source.href, model.id
        assert words(model.source_quote.where) in words(caption.get_text()), model.id
    for model in (m for m in site_data.models.values() if not m.source_quote):
        assert soup.select_one(f"article.model-card#{model.id} blockquote") is None, model.id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cards_show_active_parameters_and_link_what_a_model_is_built_on(lang, html, site_data):
    soup = html(f"{LANGUAGES[lang]}models/index.html")
    for model in site_data.models.values():
        card = soup.select_one(f"article.model-card#{model.id}")
        terms = [dt.get_text(strip=True) for dt in card.select(".model-card__facts dt")]
        assert (site_data.ui["parameters-active"][lang] in terms) == (model.parameters_active is not None), model.id
        links = [a["href"] for a in card.select(".model-card__facts a.model-link")]
        assert [href.rpartition("#")[2] for href in links] == model.built_on, model.id
        for base in model.built_on:
            assert soup.select_one(f"article.model-card#{base}") is not None, (model.id, base)
    deepseek = soup.select_one("article.model-card#deepseek-v3 .model-card__size").get_text(" ", strip=True)
    assert ("37B" if lang == "en" else "370亿") in deepseek


# The page "Since the review" ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_since_the_review_page_quotes_its_primary_sources(lang, html, site_data):
    soup = html(f"{LANGUAGES[lang]}since-the-review/index.html")
    article = soup.select_one("article.md-content__inner")
    note = article.select_one(".admonition")
    assert note is not None and NOT_IN_REVIEW_NOTE[lang] in note.get_text(), "no visible note that this is not the review"
    assert article.select_one('time[datetime="2026-11-25"]') is not None

    hrefs = {a["href"] for a in article.select("a[href]")}
    missing = [url for url in PAGE_SOURCES if url not in hrefs]
    assert not missing, f"{lang}: sources not linked: {missing}"
    quotes = article.select("figure.source-quote")
    assert len(quotes) >= len(PAGE_SOURCES)
    for figure in quotes:
        text = figure.select_one("blockquote")
        assert text["lang"] in ("en", "zh") and text["cite"].startswith("https://")
        assert figure.select_one("figcaption a")["href"] == text["cite"]
        assert bool(CJK.search(text.get_text())) == (text["lang"] == "zh"), text.get_text()
    assert "SoTA performance of 91.1% accuracy" in article.get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_since_the_review_page_lists_every_later_model(lang, html, site_data):
    soup = html(f"{LANGUAGES[lang]}since-the-review/index.html")
    table = soup.select_one(".since-review-table table")
    rows = table.select("tbody tr")
    later = sorted((m for m in site_data.models.values() if m.since_review),
                   key=lambda m: (m.released.as_date, m.parameters or 0, m.name))
    assert [row.select_one("th a")["href"].rpartition("#")[2] for row in rows] == [m.id for m in later]
    for row, model in zip(rows, later):
        assert row.select_one("th a")["href"].startswith("../models/")
        assert model.source.href in [a["href"] for a in row.select("td a")]
        assert row.select_one("time")["datetime"] == model.released.iso
        assert model.released.as_date >= dt.date(2023, 9, 1)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_is_in_the_navigation_and_linked_from_home(lang, html):
    home = html(f"{LANGUAGES[lang]}index.html")
    nav = [a["href"] for a in home.select("nav.md-nav--primary a[href]")]
    assert any(href.rstrip("/").endswith("since-the-review") for href in nav), nav
    body = [a["href"] for a in home.select("article.md-content__inner a[href]")]
    assert sum(href.rstrip("/").endswith("since-the-review") for href in body) >= 2, "the home page and its map"
    figure_page = html(f"{LANGUAGES[lang]}current-llms/index.html").select_one("article.md-content__inner")
    assert any(a["href"].rstrip("/").endswith("since-the-review") for a in figure_page.select("a[href]"))
