"""Figure 2, the interactive chart of model sizes (issues 5, 12 and 16).

Build tests read the figure JSON, the table and the downloads of the built site against data/models.yml;
browser tests open the chart in Chromium (both languages, light and dark, desktop and phone, JavaScript off)
and assert that no request leaves the site and nothing logs an error.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT

from llm_medicine import chart as model_chart

CHART_PAGES = {lang: f"{prefix}current-llms/" for lang, prefix in LANGUAGES.items()}
EMBED_PAGES = {lang: f"{prefix}embed/model-sizes/" for lang, prefix in LANGUAGES.items()}
UNDISCLOSED = {"en": "not disclosed", "zh": "未公开"}
HAN = re.compile(r"[\u4e00-\u9fff]")
VENDOR = ROOT / "overrides" / "assets" / "vendor" / "plotly"


def test_there_are_models_to_chart(site_data):
    assert len(site_data.models) > 10, "data/models.yml has too few models to test the chart with"


def chart_config(soup: BeautifulSoup) -> dict:
    script = soup.select_one("figure.model-chart script.model-chart__config")
    assert script is not None, "no figure JSON in the page"
    return json.loads(script.string)


def points(config: dict) -> dict[str, tuple[dict, int]]:
    """`{model id: (trace, index)}` for every point of the figure; fails on a model drawn twice."""
    found = {}
    for trace in config["figure"]["data"]:
        for index, model_id in enumerate(trace["ids"]):
            assert model_id not in found, f"{model_id} is drawn twice"
            found[model_id] = (trace, index)
    return found


def strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return []


# Build: figure, table, summary, downloads ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_disclosed_model_is_a_point_with_its_size(lang, html, site_data):
    drawn = points(chart_config(html(CHART_PAGES[lang] + "index.html")))
    assert set(drawn) == set(site_data.models)
    for model in site_data.models.values():
        if model.parameters is None:
            continue
        trace, index = drawn[model.id]
        assert trace["meta"]["band"] == "sized" and trace["yaxis"] == "y", model.id
        assert trace["y"][index] == model.parameters, model.id
        assert trace["marker"]["size"][index] == model.parameters, model.id
        assert trace["x"][index] == model.released.as_date.isoformat(), model.id
        assert trace["legendgroup"] == model.family


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_undisclosed_model_has_a_number(lang, html, site_data):
    drawn = points(chart_config(html(CHART_PAGES[lang] + "index.html")))
    hidden = [model for model in site_data.models.values() if model.parameters is None]
    assert hidden, "data/models.yml has no undisclosed model to test"
    for model in hidden:
        trace, index = drawn[model.id]
        assert trace["meta"]["band"] == "undisclosed" and trace["yaxis"] == "y2", model.id
        assert isinstance(trace["y"][index], str), f"{model.id} is placed on a numeric axis"
        assert not isinstance(trace["marker"]["size"], list), f"{model.id} has a size array"
        assert "-open" in trace["marker"]["symbol"]
        assert trace["customdata"][index][2] == UNDISCLOSED[lang]
        assert not any(re.search(r"\d", text) for text in trace["customdata"][index][2:3])
    layout = chart_config(html(CHART_PAGES[lang] + "index.html"))["figure"]["layout"]
    assert layout["yaxis2"]["type"] == "category" and layout["yaxis2"]["showticklabels"] is False


@pytest.mark.parametrize("lang", LANGUAGES)
def test_variants_of_one_model_are_told_apart(lang, html, site_data):
    drawn = points(chart_config(html(CHART_PAGES[lang] + "index.html")))
    names = [drawn[model_id][0]["customdata"][drawn[model_id][1]][0] for model_id in drawn]
    assert len(names) == len(set(names)), sorted({name for name in names if names.count(name) > 1})


def test_all_chart_strings_are_in_the_page_language(html, site_data):
    zh = chart_config(html(CHART_PAGES["zh"] + "index.html"))
    en = chart_config(html(CHART_PAGES["en"] + "index.html"))
    assert zh["locale"] == "zh-CN" and en["locale"] is None
    english_ui = {site_data.ui[key].en for key in site_data.ui if key.startswith("chart-")
                  or key in ("family", "developer", "parameters", "released", "domain")}
    english_ui -= {site_data.ui[key].zh for key in site_data.ui}
    zh_text = strings(zh["figure"]["layout"]) + [t["hovertemplate"] for t in zh["figure"]["data"]]
    zh_text += strings(zh["axes"]) + strings(zh["strings"]) + [t["name"] for t in zh["figure"]["data"]]
    leaked = sorted({text for text in zh_text for word in english_ui if len(word) > 3 and word in text})
    assert not leaked, leaked
    assert all(HAN.search(text) for text in zh["axes"]["log"]["ticktext"])
    assert HAN.search(zh["figure"]["data"][0]["hovertemplate"])
    for frame in zh["views"].values():
        for scale in frame.values():
            for view in scale.values():
                assert view["x"]["ticktext"] and all(text.endswith("年") for text in view["x"]["ticktext"])
                assert all(HAN.search(text) for text in view["y"]["ticktext"])
    for trace in zh["figure"]["data"]:
        family = site_data.families[trace["legendgroup"]]
        assert trace["name"] == family.name.zh
        for row, model_id in zip(trace["customdata"], trace["ids"]):
            assert row[1] == site_data.models[model_id].developer.zh
            assert row[7] == f"../models/#{model_id}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_figure_json_is_plain_and_small(lang, built_site):
    page = (built_site / CHART_PAGES[lang] / "index.html").read_text(encoding="utf-8")
    config = chart_config(BeautifulSoup(page, "html.parser"))
    text = json.dumps(config)
    assert "bdata" not in text, "numpy arrays became base64 bdata"
    assert "template" not in config["figure"]["layout"]
    assert len(text) < 120_000, f"figure JSON is {len(text)} bytes"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_table_lists_every_model_without_javascript(lang, html, site_data):
    soup = html(CHART_PAGES[lang] + "index.html")
    table = soup.select_one("figure.model-chart table.model-chart__table")
    assert table.caption and table.caption.get_text(strip=True)
    assert all(th.get("scope") == "col" for th in table.thead.select("th"))
    rows = {row["data-id"]: row for row in table.tbody.select("tr")}
    assert set(rows) == set(site_data.models)
    for model in site_data.models.values():
        row = rows[model.id]
        assert row.th.a.get_text(strip=True) == model.label(lang)
        assert ("data-layer" in row.attrs) == model.since_review
        assert row.th.a["href"] == f"../models/#{model.id}"
        size = row.select_one(".model-chart__size")
        if model.parameters is None:
            assert size.get_text(strip=True) == UNDISCLOSED[lang] and size["data-sort-value"] == ""
        else:
            assert int(size["data-sort-value"]) == round(model.parameters)
    # Closed, with or without JavaScript: a tap away, and the page is laid out without its 78 rows (paper prints
    # it open, test_paper.py).
    assert not soup.select_one("figure.model-chart details.model-chart__data").has_attr("open")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_summary_names_every_undisclosed_model(lang, html, site_data):
    soup = html(CHART_PAGES[lang] + "index.html")
    plot = soup.select_one(".model-chart__stage")
    assert plot["role"] == "group" and plot["aria-label"]
    summary = soup.select_one(f"#{plot['aria-describedby']}").get_text()
    review = [model for model in site_data.models.values() if not model.since_review]
    for model in review:
        if model.parameters is None:
            assert model.name in summary, model.name
    assert str(len(review)) in summary
    assert (HAN.search(summary) is not None) == (lang == "zh")


def test_only_chart_pages_load_plotly(built_site):
    with_chart = []
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        loads = "vendor/plotly/" in text
        has_chart = '<figure class="model-chart' in text or '<figure class="scores-chart' in text
        assert loads == has_chart, f"{page.relative_to(built_site)}: Plotly {'without' if loads else 'missing for'} a chart"
        assert "cdn.plot.ly" not in text and "cdn.jsdelivr" not in text
        if has_chart:
            with_chart.append(str(page.relative_to(built_site).parent))
            assert ("plotly-locale-zh-cn" in text) == page.relative_to(built_site).parts[0].startswith("zh")
    figure_pages = [*CHART_PAGES.values(), *EMBED_PAGES.values(), *(f"{prefix}{page}" for prefix in LANGUAGES.values()
                                                                     for page in ("exam-scores/", "embed/exam-scores/"))]
    assert sorted(with_chart) == sorted(p.rstrip("/") for p in figure_pages)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_downloads_have_every_model(lang, built_site, site_data):
    folder = built_site / LANGUAGES[lang] / "downloads"
    raw = (folder / "model-sizes.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "the CSV has no byte-order mark for spreadsheet programs"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    document = json.loads((folder / "model-sizes.json").read_text(encoding="utf-8"))
    assert [row["id"] for row in rows] == [entry["id"] for entry in document["models"]]
    assert set(document["fields"]) == set(rows[0])
    for row, entry in zip(rows, document["models"]):
        model = site_data.models[row["id"]]
        assert entry["developer"] == row["developer"] == model.developer[lang]
        if model.parameters is None:
            assert row["parameters"] == "" and entry["parameters"] is None
            assert row["parameters_disclosed"] == "false" and entry["parameters_display"] == UNDISCLOSED[lang]
        else:
            assert int(row["parameters"]) == entry["parameters"] == round(model.parameters)
    assert {row["id"] for row in rows} == set(site_data.models)


def test_vendored_plotly_matches_the_recorded_checksums():
    script = (ROOT / "scripts" / "vendor-plotly.sh").read_text(encoding="utf-8")
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    for name, variable in ((Path(model_chart.PLOTLY_BUNDLE).name, "BASIC_SHA256"),
                           (Path(model_chart.PLOTLY_LOCALE).name, "LOCALE_SHA256")):
        digest = hashlib.sha256((VENDOR / name).read_bytes()).hexdigest()
        assert f"{variable}={digest}" in script, f"{name} differs from scripts/vendor-plotly.sh: re-run it"
        assert digest in readme, f"README.md does not record the sha256 of {name}"
    assert (VENDOR / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert f"v{model_chart.PLOTLY_VERSION}" in (VENDOR / Path(model_chart.PLOTLY_BUNDLE).name).read_text()[:200]


# Browser ---------------------------------------------------------------------------------------------------


def open_chart(new_page, site_url, path, **options):
    """The page with the interactive figure drawn: the #figure-2 address asks for it at once."""
    page, log = new_page(**options)
    response = page.goto(site_url + path + ("" if "#" in path else "#figure-2"), wait_until="networkidle")
    assert response.status == 200
    page.wait_for_selector(".model-chart[data-ready]", state="attached")
    return page, log


def drawn_ids(page) -> list[str]:
    return page.evaluate("""() => document.querySelector('.model-chart__plot').data
        .flatMap((trace) => trace.ids)""")


def point_position(page, model_id: str) -> dict:
    return page.evaluate("""(id) => {
        const gd = document.querySelector('.model-chart__plot');
        const box = gd.getBoundingClientRect();
        for (const calc of gd.calcdata) {
            const trace = calc[0].trace;
            const index = trace.ids.indexOf(id);
            if (index < 0) continue;
            const xa = gd._fullLayout.xaxis;
            const ya = trace.yaxis === 'y2' ? gd._fullLayout.yaxis2 : gd._fullLayout.yaxis;
            return {x: box.left + xa._offset + xa.c2p(calc[index].x), y: box.top + ya._offset + ya.c2p(calc[index].y)};
        }
        return null;
    }""", model_id)


def hover(page, model_id: str) -> str:
    page.locator(".model-chart__plot").scroll_into_view_if_needed()
    position = point_position(page, model_id)
    page.mouse.move(position["x"], position["y"])
    page.wait_for_selector(".model-chart .hovertext")
    return page.locator(".model-chart .hovertext").first.text_content()


def review_ids(site_data) -> list[str]:
    return sorted(model.id for model in site_data.models.values() if not model.since_review)


def biggest_in_review(site_data):
    return max((m for m in site_data.models.values() if not m.since_review), key=lambda m: m.parameters or 0)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_chart_renders_every_model(lang, new_page, site_url, site_data):
    page, log = open_chart(new_page, site_url, CHART_PAGES[lang])
    assert sorted(drawn_ids(page)) == review_ids(site_data)
    assert page.locator(".model-chart__controls").is_visible()
    assert page.locator(".model-chart .main-svg").first.get_attribute("aria-hidden") == "true"
    assert page.locator(".modebar-btn[data-title*='Chart Studio'], .modebar-btn[data-title*='Share']").count() == 0
    status = page.locator(".model-chart__status").text_content()
    assert str(len(review_ids(site_data))) in status
    labels = page.evaluate("document.querySelector('.model-chart__plot').layout.annotations"
                           ".filter((a) => (a.name || '').startsWith('label-')).length")
    assert labels >= len(review_ids(site_data)) // 3, f"only {labels} names fit on the chart"
    assert not log.problems(), log.problems()


@pytest.mark.parametrize("lang,words", [("en", ("Developer", "Parameters")), ("zh", ("开发者", "参数量"))])
def test_hover_text_is_in_the_page_language(lang, words, new_page, site_url, site_data):
    page, log = open_chart(new_page, site_url, CHART_PAGES[lang])
    model = next(m for m in site_data.models.values() if m.id == "gatortron-large") \
        if "gatortron-large" in site_data.models else max(site_data.models.values(), key=lambda m: m.parameters or 0)
    text = hover(page, model.id)
    assert model.name in text and all(word in text for word in words), text
    expected = model_chart.formatting.format_parameters(model.parameters, lang, UNDISCLOSED[lang])
    assert expected in text, text
    if lang == "zh":
        assert "亿" in text and " B" not in text
        assert page.locator(".modebar-btn[data-title='重置轴'], .modebar-btn[data-title='缩放']").count() >= 1
    assert not log.problems(), log.problems()


def test_clicking_a_bubble_opens_its_model_card(new_page, site_url, site_data):
    page, log = open_chart(new_page, site_url, CHART_PAGES["en"])
    model = biggest_in_review(site_data)
    hover(page, model.id)
    position = point_position(page, model.id)
    with page.expect_navigation():
        page.mouse.click(position["x"], position["y"])
    assert page.url.endswith(f"/models/#{model.id}"), page.url
    assert not log.problems(), log.problems()


def test_palette_switch_rethemes_the_chart(new_page, site_url):
    page, log = open_chart(new_page, site_url, CHART_PAGES["zh"], color_scheme="light")
    font = "() => getComputedStyle(document.querySelector('.model-chart .xtick text')).fill"
    light = page.evaluate(font)
    page.locator("form[data-md-component='palette'] label:not([hidden])").first.click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    page.wait_for_function(f"({font})() !== {json.dumps(light)}")
    dark = page.evaluate(font)
    luminance = page.evaluate("""(colour) => {
        const [r, g, b] = colour.match(/\\d+(\\.\\d+)?/g).map(Number); return (r + g + b) / 3; }""", dark)
    assert luminance > 150, f"axis text {dark} is too dark on the dark palette"
    assert not log.problems(), log.problems()


def test_filters_and_scale_are_kept_in_the_url(new_page, site_url, site_data):
    """A view chosen with the controls is in the address; opening that address shows the same view."""
    page, log = open_chart(new_page, site_url, CHART_PAGES["en"])
    review = [m for m in site_data.models.values() if not m.since_review]
    family = next(f for f in site_data.families if sum(m.family == f for m in review) > 1)
    members = sorted(m.id for m in review if m.family == family)
    page.select_option(".model-chart select[name='family']", family)
    page.wait_for_function(f"location.search.includes('family={family}')")
    page.wait_for_function(f"document.querySelector('.model-chart__plot').data.flatMap(t => t.ids).length === {len(members)}")
    assert sorted(drawn_ids(page)) == members
    assert page.locator(".model-chart__table tbody tr:not([hidden])").count() == len(members)
    assert page.locator(".model-chart__data summary").inner_text() == f"Data table: {len(members)} models"
    page.get_by_label("Linear").check()
    page.wait_for_function("location.search.includes('scale=linear')")
    assert not log.problems(), log.problems()
    page, log = open_chart(new_page, site_url, page.url[len(site_url):])
    assert page.locator(".model-chart select[name='family']").input_value() == family
    assert page.evaluate("document.querySelector('.model-chart__plot')._fullLayout.yaxis.type") == "linear"
    assert sorted(drawn_ids(page)) == members
    page.locator(".model-chart__reset").click()
    page.wait_for_function("!location.search.includes('family')")
    page.wait_for_function(f"document.querySelector('.model-chart__plot').data.flatMap(t => t.ids).length === {len(review)}")
    assert sorted(drawn_ids(page)) == review_ids(site_data)
    assert not log.problems(), log.problems()


def test_table_sorts_by_size_with_undisclosed_last(new_page, site_url, site_data):
    page, log = open_chart(new_page, site_url, CHART_PAGES["en"])
    page.locator(".model-chart__data summary").click()
    header = page.locator(".model-chart__table th[data-type='number']")
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    values = page.locator(".model-chart__table tbody .model-chart__size").evaluate_all(
        "cells => cells.map((cell) => cell.dataset.sortValue)")
    sized = [int(v) for v in values if v]
    assert sized == sorted(sized) and values[len(sized):] == [""] * (len(values) - len(sized))
    header.locator("button").press("Enter")
    assert header.get_attribute("aria-sort") == "descending"
    assert not log.problems(), log.problems()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_table_is_there_without_javascript(lang, new_page, site_url, site_data):
    page, log = new_page(javascript=False)
    page.goto(site_url + CHART_PAGES[lang], wait_until="networkidle")
    rows = page.locator(".model-chart__table tbody tr")
    assert rows.count() == len(site_data.models)
    assert str(len(site_data.models)) in page.locator(".model-chart__data summary").inner_text()
    page.locator(".model-chart__data summary").click()  # the table is a tap away, the browser opens it
    assert rows.first.is_visible() and rows.last.is_visible()
    assert not page.locator(".model-chart__controls").is_visible()
    assert not log.problems(), log.problems()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_downloads_from_the_page(lang, new_page, site_url, site_data, tmp_path):
    page, log = open_chart(new_page, site_url, CHART_PAGES[lang], accept_downloads=True)
    for link in page.locator(".model-chart__downloads a").all():
        with page.expect_download() as info:
            link.click()
        text = Path(info.value.path()).read_text(encoding="utf-8-sig")
        assert all(model_id in text for model_id in site_data.models), info.value.suggested_filename
    for image_format, magic in (("png", b"\x89PNG"), ("svg", b"<svg")):
        with page.expect_download() as info:
            page.locator(f"[data-image-format='{image_format}']").click()
        assert Path(info.value.path()).read_bytes()[:4] == magic
        assert info.value.suggested_filename == f"model-sizes-{lang}.{image_format}"
    assert not log.problems(), log.problems()


def test_phone_touch_shows_hover_before_opening_the_card(new_page, site_url, site_data):
    page, log = open_chart(new_page, site_url, CHART_PAGES["zh"], viewport=(375, 740), has_touch=True,
                           is_mobile=True, color_scheme="dark")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    assert page.locator(".model-chart .modebar").count() == 0 or not page.locator(".model-chart .modebar").is_visible()
    model = biggest_in_review(site_data)
    page.locator(".model-chart__plot").scroll_into_view_if_needed()
    position = point_position(page, model.id)
    url = page.url.split("#")[0]  # navigation.tracking may add the section's anchor while scrolling
    page.touchscreen.tap(position["x"], position["y"])
    page.wait_for_selector(".model-chart .hovertext")
    assert model.name in page.locator(".model-chart .hovertext").first.text_content()
    page.wait_for_timeout(600)
    assert page.url.split("#")[0] == url, "the first tap left the page before the reader saw the hover label"
    with page.expect_navigation():
        page.touchscreen.tap(position["x"], position["y"])
    assert page.url.endswith(f"/models/#{model.id}"), page.url
    assert not log.problems(), log.problems()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_embed_page_shows_the_chart_without_site_chrome(lang, new_page, site_url):
    page, log = open_chart(new_page, site_url, EMBED_PAGES[lang], viewport=(800, 900))
    assert page.locator(".md-header:visible, .md-sidebar:visible").count() == 0
    assert page.locator(".model-chart").get_attribute("data-link-target") == "_blank"
    back = page.locator("article a[href$='current-llms/#figure-2']")
    assert back.count() >= 1
    assert not log.problems(), log.problems()
