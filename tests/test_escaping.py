"""Text from data is escaped wherever it lands: markup injected into any kind of field shows as text,
never runs, in the HTML, in attributes and tooltips, in the SVG and in JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import LANGUAGES, built_copy_once, edit_yaml, serve

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
PAYLOAD = f"X{SCRIPT}{ATTRIBUTE} & Y"


def _inject(project: Path) -> None:
    def edit(name, change):
        edit_yaml(project / "data" / f"{name}.yml", change)

    def first(field, *, lang=None, index=0):
        def change(entries):
            entry = entries[index]
            if lang:
                entry[field][lang] = PAYLOAD
            else:
                entry[field] = PAYLOAD
        return change

    def in_both(name, field):
        def change(entries):
            entries[0][field] = {"en": PAYLOAD, "zh": PAYLOAD}
        edit(name, change)

    edit("models", first("name"))
    edit("models", first("developer", lang="en"))
    in_both("models", "summary")
    in_both("glossary", "term")
    in_both("glossary", "definition")
    in_both("tasks", "area")
    in_both("tasks", "pitfall_detail")
    in_both("corrections", "note")
    in_both("training_stages", "name")
    in_both("training_stages", "definition")
    in_both("limitations", "title")
    in_both("families", "name")
    edit("references", first("citation"))
    in_both("benchmarks", "name")

    def result(entries):  # a result's texts, its excerpt still stating its score
        entries[0].update(tested_as=PAYLOAD, reporter=PAYLOAD, setting_quote=PAYLOAD)
        entries[0]["excerpt"]["text"] = f"{PAYLOAD} {entries[0]['excerpt']['text']}"
    edit("results", result)


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory):
    return built_copy_once(tmp_path_factory, "injected", _inject)


def test_injected_markup_never_becomes_markup(injected_site):
    html_files = list(injected_site.rglob("*.html"))
    assert html_files
    for path in html_files:
        text = path.read_text(encoding="utf-8")
        assert SCRIPT not in text, f"{path.relative_to(injected_site)} has a live <script> from data"
        assert "<img src=x" not in text, f"{path.relative_to(injected_site)} has a live <img> from data"


def test_injected_text_is_shown_as_text(injected_site):
    from bs4 import BeautifulSoup

    for page in ("models/index.html", "zh/models/index.html", "glossary/index.html", "medical-tasks/index.html",
                 "references/index.html", "how-llms-are-built/index.html", "benchmarks/index.html"):
        soup = BeautifulSoup((injected_site / page).read_text(encoding="utf-8"), "html.parser")
        assert SCRIPT in soup.get_text(), f"{page}: the injected text should be visible as text"


def test_json_files_carry_the_text_as_data(injected_site):
    json_files = [p for p in injected_site.rglob("*.json") if "search" not in p.parts]
    assert {p.relative_to(injected_site).as_posix() for p in json_files} >= {
        "downloads/model-sizes.json", "zh/downloads/model-sizes.json"}, "the chart's JSON downloads were not built"
    for path in json_files:
        text = path.read_text(encoding="utf-8")
        json.loads(text)
        assert "</script" not in text.lower(), f"{path.name}: '</script' must be escaped in JSON"


def test_nothing_runs_in_the_browser(injected_site, browser):
    server, url = serve(injected_site, "/llm-medicine/")
    try:
        context = browser.new_context()
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in ("models/", "zh/models/", "glossary/", "introduction/", "how-llms-are-built/",
                     "current-llms/", "medical-tasks/", "references/", "zh/current-llms/"):
            page.goto(url + path, wait_until="networkidle")
            page.locator(".glossary-term").first.hover() if page.locator(".glossary-term").count() else None
        assert not dialogs, dialogs
        context.close()
    finally:
        server.shutdown()


def test_a_model_name_is_escaped_in_figure_2_its_table_and_downloads(injected_site):
    """The first model is named PAYLOAD: Figure 2's table shows it as text, Plotly gets it escaped for its own
    HTML-like labels, and the CSV download carries it as written (quotes doubled)."""
    from bs4 import BeautifulSoup

    from test_chart import chart_config

    for prefix in LANGUAGES.values():
        soup = BeautifulSoup((injected_site / prefix / "current-llms" / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        assert PAYLOAD in soup.select_one(".model-chart__table").get_text()
        labels = [row[0] for trace in chart_config(soup)["figure"]["data"] for row in trace["customdata"]]
        escaped = PAYLOAD.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert escaped in labels, "not escaped for Plotly's text"
        downloads = (injected_site / prefix / "downloads" / "model-sizes.csv").read_text(encoding="utf-8-sig")
        assert PAYLOAD.replace('"', '""') in downloads
