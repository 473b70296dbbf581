"""Benchmark results and the scores figure (issue 23): every score with its setting, its reporter and its source's
words, and a figure of them over time that is the site's, not the review's.

Data tests load data/ through the site's loader (and bad copies of it); build tests read the built pages, the
figure's JSON and the downloads against data/results.yml; browser tests drive the figure in Chromium (both
languages, a phone and a desktop, light and dark) and assert that no request leaves the site.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from decimal import Decimal

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT, resize

from llm_medicine import data as data_loader
from llm_medicine import results as site_results
from llm_medicine.schema import REVIEW_CUTOFF

SCORES_PAGES = {lang: f"{prefix}exam-scores/" for lang, prefix in LANGUAGES.items()}
EMBED_PAGES = {lang: f"{prefix}embed/exam-scores/" for lang, prefix in LANGUAGES.items()}
CHINESE_MEDICAL_MODELS = {"huatuogpt-ii-7b", "huatuogpt-ii-13b", "huatuogpt-ii-34b", "taiyi", "huatuogpt-o1-7b",
                          "huatuogpt-o1-72b", "baichuan-m1-14b", "baichuan-m2-32b"}
"""The Chinese medical models of data/models.yml (made in China, for medicine, with Chinese as a main language)."""


# Data -------------------------------------------------------------------------------------------------------------


def test_results_cover_the_issue_counts(site_data):
    results = list(site_data.results.values())
    series = site_results.all_series(site_data)
    benchmarks = {s.benchmark.id for s in series}
    chinese = {s.benchmark.id for s in series if s.variant.language == "zh"}
    models = {r.model for r in results}
    assert len(results) >= 40, len(results)
    assert len(benchmarks) >= 6 and len(chinese) >= 2, (benchmarks, chinese)
    assert len(models) >= 20, len(models)
    assert len(models & CHINESE_MEDICAL_MODELS) >= 5, models & CHINESE_MEDICAL_MODELS
    assert sum(r.reported_by == "independent" for r in results) >= 8
    assert any(r.review_reference for r in results), "the review's own figures are marked as the review's"
    assert any(r.date.as_date < REVIEW_CUTOFF for r in results) and any(
        r.date.as_date >= REVIEW_CUTOFF for r in results), "results from before and after the review"


def test_every_score_is_in_its_excerpt(site_data):
    for result in site_data.results.values():
        stated = {Decimal(n) for n in re.findall(r"(?<![\d.])\d+(?:\.\d+)?(?!\d)", result.excerpt.text)}
        assert Decimal(repr(result.score)) in stated, result.id


def _results_yaml(project):
    return project / "data" / "results.yml"


def _edit_first_result(change):
    def edit(project):
        path = _results_yaml(project)
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(entries[0])
        path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return edit


BAD_RESULTS = {
    "no excerpt": (lambda entry: entry.pop("excerpt"), ["field 'excerpt'", "is required but missing"]),
    "score not in its excerpt": (lambda entry: entry.update(score=entry["score"] + 0.1),
                                 ["field 'excerpt'", "does not appear in excerpt.text"]),
    "unknown setting": (lambda entry: entry.update(setting=["two-shot"]),
                        ["field 'setting.0'", "'zero-shot'", "'fine-tuned'", "'two-shot'"]),
    "variant of another benchmark": (lambda entry: entry.update(variant="dev"),
                                     ["field 'variant'", "is not a variant of"]),
    "shots without few-shot": (lambda entry: entry.update(setting=["zero-shot"], shots=5),
                               ["field 'shots'", "shots is given but setting has no few-shot"]),
    "a mirror as the source": (lambda entry: entry.update(source={"title": "t", "year": 2023,
                                                                  "url": "https://paperswithcode.com/paper/x"}),
                               ["field 'source'", "is a mirror or summary, not a primary source"]),
    "a guessed review reference": (lambda entry: entry.update(review_reference=43),
                                   ["field 'review_reference'", "confidence 'L'"]),
}


@pytest.mark.parametrize("case", BAD_RESULTS, ids=list(BAD_RESULTS))
def test_bad_result_fails_naming_file_entry_and_field(case, tmp_path):
    change, expected = BAD_RESULTS[case]
    shutil.copytree(ROOT / "data", tmp_path / "data")
    first = yaml.safe_load(_results_yaml(tmp_path).read_text(encoding="utf-8"))[0]["id"]
    _edit_first_result(change)(tmp_path)
    with pytest.raises(data_loader.DataError) as caught:
        data_loader.load_site_data(tmp_path / "data")
    message = str(caught.value)
    for fragment in ["data/results.yml", f"entry '{first}' (#1)", *expected]:
        assert fragment in message, f"{case}: {fragment!r} not in:\n{message}"


def test_one_variant_has_one_metric(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = _results_yaml(tmp_path)
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    target = next(e for e in entries if e["benchmark"] == "medqa" and e["variant"] == "usmle-4-option"
                  and e is not entries[0])
    target["metric"] = "total-score"
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(data_loader.DataError, match=f"entry '{target['id']}'.*field 'metric'.*one metric"):
        data_loader.load_site_data(tmp_path / "data")


# Build ------------------------------------------------------------------------------------------------------------


def scores_config(soup: BeautifulSoup) -> dict:
    script = soup.select_one("figure.scores-chart script.scores-chart__config")
    assert script is not None, "no scores figure JSON in the page"
    return json.loads(script.string)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_figure_points_are_the_data_rows(lang, html, site_data):
    config = scores_config(html(f"{SCORES_PAGES[lang]}index.html"))
    drawn = {}
    for trace in config["figure"]["data"]:
        assert trace["mode"] == "markers", "no line joins two results: their settings are not comparable"
        for index, result_id in enumerate(trace["ids"]):
            assert result_id not in drawn, f"{result_id} is drawn twice"
            drawn[result_id] = (trace["x"][index], trace["y"][index], trace["meta"])
    assert set(drawn) == set(site_data.results)
    for result in site_data.results.values():
        x, y, meta = drawn[result.id]
        assert (x, y) == (result.date.as_date.isoformat(), result.score), result.id
        assert meta == {"class": result.setting_class, "reporter": result.reported_by}, result.id
    series = site_results.all_series(site_data)
    assert config["series"] == {s.id: [r.id for r in s.results] for s in series}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_benchmark_in_the_picker_has_results(lang, html, site_data):
    soup = html(f"{SCORES_PAGES[lang]}index.html")
    options = [option["value"] for option in soup.select(".scores-chart select[name=series] option")]
    counts = {s.id: len(s.results) for s in site_results.all_series(site_data)}
    assert options == list(counts) and all(counts[o] >= 1 for o in options)
    assert soup.select_one(".scores-chart select option[selected]")["value"] == site_results.DEFAULT_SERIES
    # The series the figure opens on is drawn at build time, in each frame, one point per result.
    stages = soup.select(".scores-chart__stage")
    assert [stage["data-series"] for stage in stages] == [site_results.DEFAULT_SERIES]
    expected = sorted(r.id for r in site_data.results.values() if r.series == site_results.DEFAULT_SERIES)
    for frame in ("narrow", "wide"):
        points = stages[0].select(f".scores-chart__preview--{frame} .mcp-point")
        assert sorted(p["data-id"] for p in points) == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pass_mark_only_where_a_source_gives_one(lang, html, site_data):
    config = scores_config(html(f"{SCORES_PAGES[lang]}index.html"))
    for s in site_results.all_series(site_data):
        for frame in config["views"].values():
            expected = s.variant.pass_mark.score if s.variant.pass_mark else None
            assert frame[s.id]["pass_mark"] == expected, s.id
    medqa = config["views"]["wide"]["medqa/usmle-4-option"]
    assert medqa["pass_mark"] == 60 and medqa["cutoff"] is not None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_table_lists_every_result_without_javascript(lang, html, site_data):
    rows = html(f"{SCORES_PAGES[lang]}index.html").select(".scores-chart__table tbody tr")
    assert sorted(row["data-id"] for row in rows) == sorted(site_data.results)
    for row in rows:
        result = site_data.results[row["data-id"]]
        score = row.select_one(".scores-chart__score").get_text()
        assert score.startswith(f"{result.score:g}"), (result.id, score)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_benchmarks_page_lists_every_result_under_its_benchmark(lang, html, site_data):
    soup = html(f"{LANGUAGES[lang]}benchmarks/index.html")
    for result in site_data.results.values():
        row = soup.find(id=result.id)
        assert row is not None and row.name == "tr", result.id
        assert row.find_parent("section", class_="benchmark")["id"] == result.benchmark
        assert row.find_parent("section", class_="benchmark-variant")["id"] == f"{result.benchmark}-{result.variant}"
        assert result.excerpt.text.split("\n")[0] in row.select_one("blockquote").get_text(), result.id
        assert row.select_one("a[href]")["href"].endswith(f"#{result.model}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_model_cards_show_their_results(lang, html, site_data):
    soup = html(f"{LANGUAGES[lang]}models/index.html")
    for result in site_data.results.values():
        card = soup.find(id=result.model)
        links = [a["href"] for a in card.select(".model-card__results a")]
        assert any(href.endswith(f"benchmarks/#{result.id}") for href in links), (result.model, result.id)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_downloads_carry_setting_reporter_source_and_excerpt(lang, built_site, site_data):
    folder = built_site / LANGUAGES[lang] / "downloads"
    document = json.loads((folder / "benchmark-results.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((folder / "benchmark-results.csv").read_text(encoding="utf-8-sig"))))
    assert [row["id"] for row in document["results"]] == [row["id"] for row in rows]
    assert sorted(row["id"] for row in rows) == sorted(site_data.results)
    assert set(document["fields"]) == set(site_results.DOWNLOAD_FIELDS) == set(rows[0])
    for row, csv_row in zip(document["results"], rows):
        result = site_data.results[row["id"]]
        assert row["score"] == result.score and row["setting"] == (";".join(result.setting) or None)
        assert row["reported_by"] == result.reported_by and row["source_url"] == result.source.href
        assert row["excerpt"] == result.excerpt.text and csv_row["excerpt"] == result.excerpt.text
        assert csv_row["setting"] == (";".join(result.setting)) and csv_row["excerpt_where"] == result.excerpt.where
        assert row["after_review"] == (result.date.as_date >= REVIEW_CUTOFF)


def _figures(built_site):
    """Every figure the build writes, as Plotly gets it: its traces, and its layout with each view's axes as the
    scripts compose them (model-chart-plot.js, scores-chart-plot.js)."""
    for prefix in LANGUAGES.values():
        for page, selector, views_of in (
                ("current-llms/", "figure.model-chart script.model-chart__config",
                 lambda views: [v for frame in views.values() for scale in frame.values() for v in scale.values()]),
                ("exam-scores/", "figure.scores-chart script.scores-chart__config",
                 lambda views: [v for frame in views.values() for v in frame.values()])):
            soup = BeautifulSoup((built_site / prefix / page / "index.html").read_text(encoding="utf-8"), "html.parser")
            config = json.loads(soup.select_one(selector).string)
            layouts = []
            for view in views_of(config["views"]):
                layout = json.loads(json.dumps(config["figure"]["layout"]))
                layout["xaxis"].update(view["x"])
                layout["yaxis"].update(view["y"])
                layouts.append(layout)
            yield f"{prefix}{page}", config["figure"]["data"], layouts


def test_every_figure_is_valid_for_plotly(built_site):
    """Checked against Plotly's own schema (plotly.py 7.1.0, whose plotly.js is the vendored 4.1.1): an attribute
    Plotly does not know, or a value of the wrong kind, fails here instead of being ignored in the browser."""
    import plotly.graph_objects as go
    from plotly.offline import get_plotlyjs_version

    from llm_medicine.chart import PLOTLY_VERSION

    assert get_plotlyjs_version() == PLOTLY_VERSION, "pin plotly.py to the release that bundles the vendored plotly.js"
    views = 0
    for page, traces, layouts in _figures(built_site):
        go.Figure(data=traces, layout=layouts[0])  # raises ValueError naming the bad property
        for layout in layouts:  # the traces are the same in every view: each view's layout on its own
            go.Layout(layout)
        views += len(layouts)
    assert views >= 2 * (2 * 2 * 2 + 2 * 6), views


def test_plotly_schema_check_catches_a_bad_attribute(built_site):
    import plotly.graph_objects as go

    page, traces, layouts = next(_figures(built_site))
    bad = [{**traces[0], "marker": {**traces[0]["marker"], "symbol": "no-such-symbol"}}]
    with pytest.raises(ValueError, match="symbol"):
        go.Figure(data=bad, layout=layouts[0])
    with pytest.raises(ValueError, match="tickvalz"):
        go.Layout({**layouts[0], "xaxis": {**layouts[0]["xaxis"], "tickvalz": [1]}})


# Browser ----------------------------------------------------------------------------------------------------------


def open_scores(new_page, site_url, path, **options):
    page, log = new_page(**options)
    response = page.goto(site_url + path, wait_until="networkidle")
    assert response.status == 200
    return page, log


def drawn(page) -> list[str]:
    return page.evaluate("() => document.querySelector('.scores-chart__plot').data.flatMap((t) => t.ids)")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_choosing_a_benchmark_redraws_and_is_kept_in_the_address(lang, new_page, site_url, site_data):
    page, log = open_scores(new_page, site_url, SCORES_PAGES[lang] + "#scores-figure")
    page.wait_for_selector(".scores-chart[data-ready]", state="attached")
    default = [r.id for r in site_data.results.values() if r.series == site_results.DEFAULT_SERIES]
    assert sorted(drawn(page)) == sorted(default)
    assert page.locator(".scores-chart .main-svg").first.get_attribute("aria-hidden") == "true"
    target = next(s for s in site_results.all_series(site_data) if s.benchmark.id == "cmexam")
    page.select_option(".scores-chart select[name=series]", target.id)
    page.wait_for_function("location.search.includes('benchmark=cmexam')")
    ids = sorted(r.id for r in target.results)
    page.wait_for_function(f"document.querySelector('.scores-chart__plot').data.flatMap(t => t.ids).length === {len(ids)}")
    assert sorted(drawn(page)) == ids
    visible_rows = page.locator(".scores-chart__table tbody tr:not([hidden])")
    assert sorted(visible_rows.evaluate_all("rows => rows.map(r => r.dataset.id)")) == ids
    assert str(len(ids)) in page.locator(".scores-chart__status").text_content()
    # The address alone brings the reader back to that benchmark, table included.
    page.goto(page.url.split("#")[0], wait_until="networkidle")
    assert page.locator(".scores-chart select[name=series]").input_value() == target.id
    assert sorted(page.locator(".scores-chart__table tbody tr:not([hidden])")
                  .evaluate_all("rows => rows.map(r => r.dataset.id)")) == ids
    assert page.locator(".scores-chart__stage:not([hidden])").count() == 0, "the first series' drawing is not shown"
    page.wait_for_selector(".scores-chart[data-ready]", state="attached")
    page.wait_for_function(f"document.querySelector('.scores-chart__plot').data.flatMap(t => t.ids).length === {len(ids)}")
    assert not log.problems(), log.problems()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_phone_reads_the_figure_and_its_table(lang, new_page, site_url):
    """390 px, dark: no sideways scroll, table rows of a card's height, every marker visible against the page."""
    page, log = open_scores(new_page, site_url, SCORES_PAGES[lang] + "?table", viewport=(390, 844),
                            color_scheme="dark", has_touch=True, is_mobile=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    heights = page.locator(".scores-chart__table tbody tr:not([hidden])").evaluate_all(
        "rows => rows.map(r => r.getBoundingClientRect().height)")
    assert heights and max(heights) <= 160, max(heights)
    contrast = page.evaluate("""() => {
        const lum = (c) => { const [r, g, b] = c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number).map(v => v / 255)
            .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const bg = lum(getComputedStyle(document.body).backgroundColor);
        const stage = [...document.querySelectorAll('.scores-chart__stage')].find(s => !s.hidden);
        return [...stage.querySelectorAll('.scores-chart__preview--narrow .mcp-marker')].map(m => {
            const fg = lum(getComputedStyle(m).stroke); return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05); });
    }""")
    assert contrast and min(contrast) >= 3, min(contrast)
    assert page.locator(".scores-chart__preview--narrow").first.is_visible()
    # The first tap on a point shows its values once Plotly has drawn, without leaving the page.
    points = page.locator(".scores-chart__stage:not([hidden]) .scores-chart__preview--narrow .mcp-point")
    point = points.nth(points.count() // 2)
    point.evaluate("element => element.scrollIntoView({block: 'center'})")
    path = page.evaluate("location.pathname")
    point.tap()
    page.wait_for_selector(".scores-chart[data-ready]", state="attached")
    page.wait_for_selector(".scores-chart .hovertext")
    assert page.evaluate("location.pathname") == path, "the first tap shows the values; it does not open the result"
    resize(page, 390, 844)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert not log.problems(), log.problems()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_embed_shows_the_scores_figure(lang, new_page, site_url, site_data):
    page, log = open_scores(new_page, site_url, EMBED_PAGES[lang] + "?benchmark=medmcqa&variant=dev")
    assert page.locator(".md-header, .md-sidebar, .md-footer").count() == 0
    assert page.locator(".scores-chart select[name=series]").input_value() == "medmcqa/dev"
    page.wait_for_selector(".scores-chart[data-ready]", state="attached")
    expected = sorted(r.id for r in site_data.results.values() if r.series == "medmcqa/dev")
    page.wait_for_function(f"document.querySelector('.scores-chart__plot').data.flatMap(t => t.ids).length === {len(expected)}")
    assert sorted(drawn(page)) == expected
    assert not log.problems(), log.problems()
