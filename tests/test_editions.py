"""Course editions and embeds: the PDF handout of each language (pages, headings, numbering, embedded fonts,
printed addresses, links that resolve), the offline copy opened from disk (Figure 2, Figure 1, search in both
languages, the language switch, no network), the download links on the home and Stable links pages, and embeds
that follow the host's light or dark setting from another origin.

The editions are made once per test run (shared by the xdist workers) from the run's build (about half a minute
on two cores: two handouts printed by Chromium, one offline build), by the same steps as `make editions`
(llm_medicine/edition_build.py).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import zipfile
from contextlib import closing
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT, made_once, pdf_text, poppler, search, squeeze

from llm_medicine import edition_build, editions, handout
from llm_medicine.static_server import served
from llm_medicine.data import load_site_data

SITE_URL = "https://llm-medicine.github.io/llm-medicine/"
FOOTER = {"en": "page {page} of {pages}", "zh": "第 {page} 页，共 {pages} 页"}


@pytest.fixture(scope="session")
def site_with_editions(made_editions, tmp_path_factory) -> Path:
    with made_once(tmp_path_factory, "site-with-editions") as (site, todo):
        if todo:
            edition_build.mkdocs_build(site, EDITIONS_DIR=str(made_editions))
    return site


@pytest.fixture(scope="session")
def offline_copy(made_editions, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(made_editions / edition_build.OFFLINE_ZIP) as archive:
        archive.extractall(target)
    return target / edition_build.OFFLINE_FOLDER


# PDF handouts ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handout_has_the_cover_and_the_review_pages_of_its_language_in_order(lang, made_editions, html):
    pdf = made_editions / edition_build.pdf_name(lang)
    review = load_site_data(ROOT / "data").review
    cover = squeeze(pdf_text(pdf, 1, 1))
    assert squeeze(review.title[lang]) in cover
    assert review.doi in cover and SITE_URL + LANGUAGES[lang] in cover
    newest = load_site_data(ROOT / "data").changelog[0]
    assert newest.version in cover, "the cover names the data version the handout shows"
    body = squeeze(pdf_text(pdf, 2))
    position = 0
    for slug in handout.SECTIONS:
        page = html(f"{LANGUAGES[lang]}{slug}/index.html")
        for heading in page.select("article h1, article h2"):
            text = squeeze(heading.get_text().replace("¶", ""))
            found = body.find(text, position if heading.name == "h1" else 0)
            assert found >= 0, f"{slug}: heading {heading.get_text()!r} is not in the {lang} handout"
            if heading.name == "h1":
                assert found >= position, f"{slug} is out of order in the {lang} handout"
                position = found
    other = "zh" if lang == "en" else "en"
    other_title = html(f"{LANGUAGES[other]}how-llms-are-built/index.html").select_one("article h1").get_text()
    assert squeeze(other_title.replace("¶", "")) not in body, "the handout holds the other language's page"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handout_has_figures_table_notes_and_is_tens_of_pages_long(lang, made_editions):
    pdf = made_editions / edition_build.pdf_name(lang)
    text = squeeze(pdf_text(pdf))
    data = load_site_data(ROOT / "data")
    for key in ("diagram-caption-title", "editors-note"):
        assert squeeze(data.text(key, lang)) in text, key
    assert squeeze(data.text("table1-caption", lang))[:20] in text, "Table 1 is missing"
    assert squeeze(data.text("chart-table-caption", lang))[:12] in text, "Figure 2's data table is missing"
    assert text.count("BioBERT") >= 2 and "DRAGON" in text  # rows of the table (the model column is narrow)
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run([poppler("pdfinfo"), str(pdf)], capture_output=True,
                                                            text=True).stdout).group(1))
    assert 15 <= pages <= 80, f"{pages} pages"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handout_pages_are_numbered_through_after_the_cover(lang, made_editions):
    pdf = made_editions / edition_build.pdf_name(lang)
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run([poppler("pdfinfo"), str(pdf)], capture_output=True,
                                                            text=True).stdout).group(1))
    for number in (2, pages // 2, pages):
        assert squeeze(FOOTER[lang].format(page=number, pages=pages)) in squeeze(pdf_text(pdf, number, number))
    assert squeeze(FOOTER[lang].format(page=1, pages=pages)) not in squeeze(pdf_text(pdf, 1, 1))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handout_fonts_are_embedded_with_their_text(lang, made_editions):
    """Every font is in the file (no font fetched or substituted by the reader's viewer) and maps to Unicode, so
    the text, Chinese included, can be searched and copied."""
    report = subprocess.run([poppler("pdffonts"), str(made_editions / edition_build.pdf_name(lang))],
                            capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert report
    for line in report:
        emb, sub, uni = line.split()[-5:-2]
        assert emb == "yes" and uni == "yes", line
    if lang == "zh":
        assert "大语言模型" in pdf_text(made_editions / edition_build.pdf_name(lang), 2, 2)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handout_prints_external_addresses_and_links_only_to_pages_that_exist(lang, made_editions, built_site, html):
    from pypdf import PdfReader

    pdf = made_editions / edition_build.pdf_name(lang)
    uris = [annotation.get_object()["/A"]["/URI"] for page in PdfReader(pdf).pages
            for annotation in page.get("/Annots") or [] if "/URI" in annotation.get_object().get("/A", {})]
    internal = [uri for uri in uris if uri.startswith(SITE_URL)]
    assert len(internal) > 50 and len(uris) > len(internal)
    assert not [uri for uri in uris if urlparse(uri).hostname in ("127.0.0.1", "localhost")]
    for uri in internal:
        path, _, anchor = uri[len(SITE_URL):].partition("#")
        target = built_site / path / "index.html" if not Path(path).suffix else built_site / path
        assert target.is_file(), f"{uri}: no such page"
        if anchor and target.suffix == ".html":
            assert html(target.relative_to(built_site).as_posix()).find(id=anchor), f"{uri}: no such anchor"
    text = pdf_text(pdf)
    assert "(https://arxiv.org/abs/" in squeeze(text), "external link addresses are not printed"
    assert f"({SITE_URL}" not in squeeze(text), "an internal link's address is printed"


# Offline copy ----------------------------------------------------------------------------------------------


@pytest.fixture
def disk_page(browser):
    """A page for file:// addresses that refuses and records every request not to a local file."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    network, errors = [], []

    def route(route_request):
        url = route_request.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            return route_request.continue_()
        network.append(url)
        return route_request.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, network, errors
    context.close()


def test_offline_copy_works_from_disk_in_both_languages(offline_copy, disk_page):
    page, network, errors = disk_page
    home = offline_copy / "index.html"
    assert home.is_file(), "the zip has no index.html at its top folder"

    page.goto(home.as_uri())
    hits = search(page, "fine-tuning")
    assert any(hit.split("?")[0].endswith("/how-llms-are-built.html") and "/zh/" not in hit for hit in hits), hits

    page.goto((offline_copy / "zh" / "index.html").as_uri())
    hits = search(page, "微调")
    assert any("/zh/how-llms-are-built.html" in hit for hit in hits), hits

    page.goto((offline_copy / "zh" / "current-llms.html").as_uri())
    # The figure as drawn at build time (Plotly takes over the same box only when the reader comes to it).
    page.locator(".model-chart__preview svg >> visible=true").first.wait_for()
    assert page.locator(".model-chart__preview svg >> visible=true").first.locator("a.mcp-point").count() > 20, \
        "Figure 2 is not drawn"
    page.locator(".md-header__option .md-select button").first.hover()
    page.locator("a.md-select__link[hreflang='en']").first.click()
    page.wait_for_load_state("load")
    assert page.url == (offline_copy / "current-llms.html").as_uri()

    page.goto((offline_copy / "how-llms-are-built.html").as_uri())
    assert page.locator(".training-diagram svg").first.is_visible(), "Figure 1 is not shown"
    assert not network, f"requests to the network: {network}"
    assert not errors, errors


def test_offline_copy_is_a_separate_build(offline_copy, built_site):
    """The published site keeps its directory addresses; only the offline copy has .html links and inline indexes."""
    assert (offline_copy / "introduction.html").is_file() and (offline_copy / "zh" / "search" / "search_index.js").is_file()
    assert (built_site / "introduction" / "index.html").is_file()
    assert not (built_site / "search" / "search_index.js").exists()
    assert "iframe-worker" not in (built_site / "index.html").read_text(encoding="utf-8")
    shim = re.search(r'<script src="([^"]*iframe-worker[^"]*)"', (offline_copy / "zh" / "index.html").read_text(encoding="utf-8"))
    assert shim and not shim.group(1).startswith(("http:", "https:", "//")), "the worker shim comes from another host"
    zh_index = (offline_copy / "zh" / "search" / "search_index.js").read_text(encoding="utf-8")
    assert zh_index.startswith("var __index = ") and '"location":"zh/' not in zh_index
    assert "\u200b" in zh_index  # segmented for Chinese search, as the published index
    # Each figure's downloads, its zip included, travel with the offline copy as with the site.
    for prefix in ("", "zh/"):
        for name in ("training-stages", "model-sizes", "benchmark-results"):
            for suffix in (".csv", ".json", ".zip"):
                copy = offline_copy / prefix / "downloads" / f"{name}{suffix}"
                assert copy.read_bytes() == (built_site / prefix / "downloads" / f"{name}{suffix}").read_bytes(), copy


# Download links --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["index.html", "link-to/index.html"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_editions_are_linked_with_size_and_date_in_both_languages(lang, page, site_with_editions, made_editions):
    soup = BeautifulSoup((site_with_editions / LANGUAGES[lang] / page).read_text(encoding="utf-8"), "html.parser")
    links = soup.select(".editions a[download]")
    manifest = json.loads((made_editions / editions.MANIFEST).read_text(encoding="utf-8"))["editions"]
    assert len(links) == len(manifest) == 3
    page_dir = (site_with_editions / LANGUAGES[lang] / page).parent
    for link in links:
        target = (page_dir / link["href"]).resolve()
        assert target.is_file() and target.parent == (site_with_editions / "downloads").resolve(), link["href"]
        entry = next(entry for entry in manifest if entry["file"] == target.name)
        assert target.stat().st_size == entry["bytes"]
        facts = link.find_next_sibling(class_="editions__facts").get_text()
        assert re.search(r"\d+(\.\d+)? ?[KM]B", facts) and str(dt.date.today().year) in facts, facts
    assert links[0]["href"].endswith(edition_build.pdf_name(lang)), "the page's own language comes first"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_build_without_editions_says_so_and_links_to_nothing_missing(lang, html):
    soup = html(f"{LANGUAGES[lang]}index.html")
    assert soup.select_one(".editions--none")
    assert not soup.select("a[href*='downloads/llm-medicine']")


def test_a_manifest_naming_a_missing_file_fails_the_build(run_build, tmp_path, monkeypatch):
    folder = tmp_path / "editions"
    folder.mkdir()
    editions.write_manifest(folder, [editions.Edition("pdf", "en", "llm-medicine-en.pdf", 10, dt.date.today(), 3)])
    monkeypatch.setenv(editions.ENV, str(folder))
    result = run_build()
    assert result.returncode != 0
    assert "editions.json" in result.output and "llm-medicine-en.pdf" in result.output, result.output[-2000:]
    assert not (result.site / "index.html").exists(), "a failed build left a site behind"


# Embeds ----------------------------------------------------------------------------------------------------

EMBEDS = ["embed/model-sizes/", "zh/embed/training-stages/"]


@pytest.mark.parametrize("path", EMBEDS)
@pytest.mark.parametrize("scheme,query,expected", [
    ("dark", "", "slate"), ("light", "", "default"), ("light", "?theme=dark", "slate"),
    ("dark", "?theme=light", "default"),
])
def test_embed_follows_the_system_setting_unless_the_host_chooses(path, scheme, query, expected, new_page, site_url):
    page, log = new_page(color_scheme=scheme)
    page.goto(site_url + path + query, wait_until="networkidle")
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    dark = sum(int(value) for value in re.findall(r"\d+", background)[:3]) < 300
    assert dark == (expected == "slate"), background
    assert not log.problems(), log.problems()


def test_embed_follows_a_change_of_system_setting(new_page, site_url):
    page, _ = new_page(color_scheme="light")
    page.goto(site_url + "embed/model-sizes/", wait_until="networkidle")
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")


FITS_ITS_FRAME = """() => document.documentElement.scrollHeight <= window.innerHeight + 1
    && window.innerHeight - document.querySelector('.md-content').getBoundingClientRect().bottom < 120"""
"""Inside an embedded figure: nothing scrolls inside the frame, and the frame ends a little under the figure."""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_embed_works_in_a_page_from_another_origin(lang, built_site, site_url, browser, tmp_path, html):
    """The course page and the site on two servers (two ports: two origins); the snippet as the site gives it, in a
    phone-wide column (its script fits the frame to the figure), and without its script in an 800-px column (a
    platform that strips scripts: the frame keeps the snippet's height, which must hold the figure)."""
    snippets = [pre.get_text() for pre in html(f"{LANGUAGES[lang]}link-to/index.html").select(".link-index--embeds pre")]
    host = tmp_path / "course"
    host.mkdir()
    for number, snippet in enumerate(snippets):
        assert re.search(r'title="[^"]+"', snippet) and re.search(r'height="\d+"', snippet), snippet
        local = snippet.replace(SITE_URL, site_url).replace('" title=', '?theme=dark" title=', 1)
        for name, width, code in (("fitted", 360, local), ("stripped", 800, re.sub(r"<script>.*?</script>", "", local))):
            (host / f"course-{number}-{name}.html").write_text(
                f'<!doctype html><html lang="en"><title>Course</title><body style="width:{width}px;background:#111">'
                f"{code}</body></html>", encoding="utf-8")
    with served(host) as base, closing(browser.new_context(viewport={"width": 900, "height": 900})) as context:
        assert urlparse(base).port != urlparse(site_url).port
        page = context.new_page()
        frame_errors: list[str] = []
        page.on("response", lambda response: response.status >= 400 and not response.url.endswith("/favicon.ico")
                and frame_errors.append(f"{response.status}: {response.url}"))
        page.on("console", lambda message: message.type == "error" and "Failed to load resource" not in message.text
                and frame_errors.append(message.text))
        page.on("pageerror", lambda error: frame_errors.append(str(error)))
        for number in range(len(snippets)):
            page.goto(f"{base}course-{number}-stripped.html", wait_until="networkidle")
            frame = page.frame_locator("iframe")
            frame.locator("article svg >> visible=true").first.wait_for()
            assert frame.locator("body").get_attribute("data-md-color-scheme") == "slate"
            content = frame.locator("html").evaluate("el => el.scrollHeight")
            height = int(page.locator("iframe").get_attribute("height"))
            assert content <= height, f"the frame ({height}px) is shorter than its figure ({content}px) at 800px"
            page.goto(f"{base}course-{number}-fitted.html", wait_until="networkidle")
            page.frame_locator("iframe").locator("article svg >> visible=true").first.wait_for()
            page.frames[1].wait_for_function(FITS_ITS_FRAME)
        assert not frame_errors, frame_errors
