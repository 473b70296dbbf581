"""On paper: what a reader's "Save as PDF" (Chromium, A4, the site's print stylesheet) and the PDF handouts give.

The pages with figures and the model cards are printed once per test run (shared by the xdist workers), the
handouts by `made_editions`. On paper nothing made for the screen is printed (controls, downloads, sorting and
pointer hints, the suggestion links), no page but a document's last is left near blank, the figures print as
their tables, and `models/` prints as an overview of the cards on a few pages.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import LANGUAGES, made_once, pdf_text, poppler, squeeze

from llm_medicine import edition_build, printing, results, static_server

PRINTED = ("current-llms/", "exam-scores/", "models/")
"""The pages printed here, in each language: Figure 2 and its table, the scores figure and its table, the cards."""

MIN_PAGE_FILL = 0.25
"""Every printed page but a document's last is drawn on at least this far down its text area."""

SCREEN_ONLY = ("chart-showing", "scores-showing", "table-sort-hint", "diagram-caption-hint", "chart-download-csv",
               "chart-download-json", "chart-download-png", "chart-download-svg", "chart-copy-link", "chart-reset",
               "chart-later", "copy-link", "copy-embed", "suggest-model", "suggest-result", "suggest-correction")
"""Interface text (data/ui.yml) that is for the screen only: on paper it cannot be used, or it says what the screen
shows."""


def printed_name(path: str) -> str:
    return path.strip("/").replace("/", "-") + ".pdf"


@pytest.fixture(scope="session")
def printed(built_site, browser, tmp_path_factory) -> Path:
    """A folder of `PRINTED` in both languages, each printed to A4 as a reader would (`printed_name(path)`)."""
    with made_once(tmp_path_factory, "printed") as (folder, todo):
        if todo:
            folder.mkdir()
            with static_server.served(built_site) as base_url:
                printer = printing.Printer(browser, base_url)
                try:
                    for prefix in LANGUAGES.values():
                        for path in PRINTED:
                            (folder / printed_name(prefix + path)).write_bytes(printer.pdf(prefix + path))
                finally:
                    printer.close()
                assert not printer.external_requests, printer.external_requests
    return folder


def filled(pdf: Path) -> list[float]:
    """How far down its text area (inside the print margins) each page of `pdf` has anything drawn on it, text,
    rule or figure, from 0 to 1: read from a small greyscale rendering (pdftoppm), independently of how the site
    or the handout measured it."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([poppler("pdftoppm"), "-r", "24", "-gray", str(pdf), f"{folder}/page"], check=True)
        pages = sorted(Path(folder).glob("page-*.pgm"), key=lambda image: int(image.stem.rsplit("-", 1)[1]))
        return [_filled(image.read_bytes()) for image in pages]


def _filled(pgm: bytes) -> float:
    _magic, size, _depth, pixels = pgm.split(b"\n", 3)
    width, height = map(int, size.split())
    top, bottom = round(height * 14 / 297), height - round(height * 16 / 297)  # printing.MARGIN on A4
    inked = [row for row in range(top, bottom) if min(pixels[row * width:(row + 1) * width]) < 200]
    return (inked[-1] - top + 1) / (bottom - top) if inked else 0.0


def documents(printed, made_editions) -> dict[str, Path]:
    handouts = {f"handout ({lang})": made_editions / edition_build.pdf_name(lang) for lang in LANGUAGES}
    return {**{prefix + path: printed / printed_name(prefix + path) for prefix in LANGUAGES.values()
               for path in PRINTED}, **handouts}


def language_of(name: str) -> str:
    return "zh" if name.startswith("zh/") or name.endswith("(zh)") else "en"


def test_no_printed_page_is_near_blank(printed, made_editions):
    """The near-blank pages of issue 25 were a Figure 2 caption alone at the foot of a page, a handout page holding
    one source line, and a card on its own at the end of a section."""
    problems = []
    for name, pdf in documents(printed, made_editions).items():
        fills = filled(pdf)
        problems += [f"{name}, page {number} of {len(fills)}: {fill:.0%} full"
                     for number, fill in enumerate(fills[:-1], start=1) if fill < MIN_PAGE_FILL]
    assert not problems, problems


def screen_text_pattern(template: str) -> re.Pattern:
    """A UI string as it would read once its placeholders are filled ({count} a number, {series} a few words),
    whitespace removed as `squeeze` does."""
    parts = re.split(r"\{(\w+)\}", squeeze(template))
    pattern = "".join(re.escape(part) if index % 2 == 0 else (r"[^。.]{1,80}?" if part == "series" else r"\d+")
                      for index, part in enumerate(parts))
    return re.compile(pattern)


def test_no_screen_only_text_is_printed(printed, made_editions, site_data):
    problems = []
    for name, pdf in documents(printed, made_editions).items():
        text, lang = squeeze(pdf_text(pdf, raw=True)), language_of(name)
        problems += [f"{name}: {key} ({site_data.text(key, lang)!r})" for key in SCREEN_ONLY
                     if screen_text_pattern(site_data.text(key, lang)).search(text)]
    assert not problems, problems


@pytest.mark.parametrize("lang", LANGUAGES)
def test_figures_print_as_their_tables(lang, printed, html):
    """On paper each figure is its data table as the page opens: the review's models for Figure 2, the opening
    benchmark's results for the scores figure, each row's name printed."""
    for path, table, shown in (("current-llms/", "model-chart__table", "tr:not([data-layer])"),
                               ("exam-scores/", "scores-chart__table", f"tr[data-series='{results.DEFAULT_SERIES}']")):
        text = squeeze(pdf_text(printed / printed_name(LANGUAGES[lang] + path), raw=True))
        rows = html(f"{LANGUAGES[lang]}{path}index.html").select(f"table.{table} tbody {shown}")
        assert rows, f"{path}: no rows in the built table"
        missing = [row["data-id"] for row in rows if squeeze(row.find(["th", "td"]).get_text()) not in text]
        assert not missing, f"{LANGUAGES[lang]}{path}: the printed table lacks {missing}"


@pytest.mark.parametrize("prefix", LANGUAGES.values())
def test_print_shows_content_and_chart_table_without_chrome(prefix, new_page, site_url):
    page, log = new_page()
    page.goto(site_url + prefix + "current-llms/", wait_until="networkidle")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
        assert not page.locator(selector).first.is_visible(), f"{selector} is printed"
    table = page.locator("[class*='model-chart'] table").first
    assert table.is_visible(), "the chart's data table is not printed"
    assert table.locator("tbody tr").count() > 10
    for plot in page.locator("[class*='model-chart'] .js-plotly-plot").all():
        assert not plot.is_visible(), "the interactive chart is printed"
    for button in page.locator("article button").all():
        assert not button.is_visible()
    assert not log.problems(), log.problems()


def test_print_writes_out_external_link_addresses(new_page, site_url):
    page, _ = new_page()
    page.goto(site_url, wait_until="networkidle")
    page.emulate_media(media="print")
    link = page.locator("article a[href^='https://doi.org/']").first
    after = link.evaluate("el => getComputedStyle(el, '::after').content")
    assert "https://doi.org/" in after, after
    assert page.locator("button.copy-citation").first.is_hidden()
    page.emulate_media(media="screen")
    assert link.evaluate("el => getComputedStyle(el, '::after').content") in ("none", "normal")


MODELS_PRINTED_PAGES = 6
"""The most A4 pages `models/` may print on, in each language: an overview of the cards, several to a page (as full
cards they printed on 24 and 21)."""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_models_page_prints_as_an_overview_of_a_few_pages(lang, printed, site_data, html):
    pdf = printed / printed_name(LANGUAGES[lang] + "models/")
    pages, text = printing.page_count(pdf.read_bytes()), squeeze(pdf_text(pdf, raw=True))
    assert pages <= MODELS_PRINTED_PAGES, f"{LANGUAGES[lang]}models/ prints on {pages} A4 pages"
    # The print-only note, with the page's address, says the full cards are on the web.
    address = html(LANGUAGES[lang] + "models/index.html").find("link", rel="canonical")["href"]
    before, after = site_data.text("models-print-note", lang).split("{link}")
    assert squeeze(before + address + after) in text, "the note saying the printed page is an overview is missing"
    # Every card keeps its name, summary and source's address; the source's own words and editor's notes stay
    # on the screen.
    for model in site_data.models.values():
        assert squeeze(model.name) in text and squeeze(model.summary[lang]) in text, model.id
        assert model.source.href is None or model.source.href in text, f"{model.id}: no source address"
        if model.source_quote:
            assert squeeze(model.source_quote.text)[:40] not in text, f"{model.id}: the source quote is printed"
        for note_id in model.notes:
            assert squeeze(site_data.corrections[note_id].note[lang]) not in text, f"{model.id}: {note_id} printed"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_models_print_note_shows_on_paper_only(lang, new_page, site_url, built_site, site_data):
    page, log = new_page()
    page.goto(site_url + LANGUAGES[lang] + "models/", wait_until="networkidle")
    note = page.locator("article .print-note")
    assert note.count() == 1 and note.is_hidden(), "the print-only note shows on screen"
    page.emulate_media(media="print")
    assert note.is_visible(), "the print-only note is not printed"
    assert not log.problems(), log.problems()
    # Nor is it found by the site's search (the Chinese index has a zero-width space between characters).
    index = json.loads((built_site / LANGUAGES[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))
    start = squeeze(site_data.text("models-print-note", lang))[:20]
    assert not any(start in squeeze(doc["text"].replace("\u200b", "")) for doc in index["docs"]), \
        "the print-only note is in the search index"


