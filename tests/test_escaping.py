"""Text from data is escaped wherever it lands: markup injected into any kind of field shows as text,
never runs, in the HTML, in attributes and tooltips, in the SVG and in JSON (on the edited copy of the project that
tests/edited_copy.py describes, `inject_markup`)."""

from __future__ import annotations

import json
from contextlib import closing

from conftest import LANGUAGES
from edited_copy import PAYLOAD, SCRIPT

from llm_medicine.static_server import served


def test_injected_markup_never_becomes_markup(edited_site):
    html_files = list(edited_site.rglob("*.html"))
    assert html_files
    for path in html_files:
        text = path.read_text(encoding="utf-8")
        assert SCRIPT not in text, f"{path.relative_to(edited_site)} has a live <script> from data"
        assert "<img src=x" not in text, f"{path.relative_to(edited_site)} has a live <img> from data"


def test_injected_text_is_shown_as_text(edited_site):
    from bs4 import BeautifulSoup

    for page in ("models/index.html", "zh/models/index.html", "glossary/index.html", "medical-tasks/index.html",
                 "references/index.html", "how-llms-are-built/index.html", "benchmarks/index.html"):
        soup = BeautifulSoup((edited_site / page).read_text(encoding="utf-8"), "html.parser")
        assert SCRIPT in soup.get_text(), f"{page}: the injected text should be visible as text"


def test_json_files_carry_the_text_as_data(edited_site):
    json_files = [p for p in edited_site.rglob("*.json") if "search" not in p.parts]
    assert {p.relative_to(edited_site).as_posix() for p in json_files} >= {
        "downloads/model-sizes.json", "zh/downloads/model-sizes.json"}, "the chart's JSON downloads were not built"
    for path in json_files:
        text = path.read_text(encoding="utf-8")
        json.loads(text)
        assert "</script" not in text.lower(), f"{path.name}: '</script' must be escaped in JSON"


def test_nothing_runs_in_the_browser(edited_site, browser):
    with served(edited_site, "/llm-medicine/") as url, closing(browser.new_context()) as context:
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in ("models/", "zh/models/", "glossary/", "introduction/", "how-llms-are-built/",
                     "current-llms/", "medical-tasks/", "references/", "zh/current-llms/"):
            page.goto(url + path, wait_until="networkidle")
            page.locator(".glossary-term").first.hover() if page.locator(".glossary-term").count() else None
    assert not dialogs, dialogs


def test_a_model_name_is_escaped_in_figure_2_its_table_and_downloads(edited_site):
    """The first model is named PAYLOAD: Figure 2's table shows it as text, Plotly gets it escaped for its own
    HTML-like labels, and the CSV download carries it as written (quotes doubled)."""
    from bs4 import BeautifulSoup

    from test_chart import chart_config

    for prefix in LANGUAGES.values():
        soup = BeautifulSoup((edited_site / prefix / "current-llms" / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        assert PAYLOAD in soup.select_one(".model-chart__table").get_text()
        labels = [row[0] for trace in chart_config(soup)["figure"]["data"] for row in trace["customdata"]]
        escaped = PAYLOAD.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert escaped in labels, "not escaped for Plotly's text"
        downloads = (edited_site / prefix / "downloads" / "model-sizes.csv").read_text(encoding="utf-8-sig")
        assert PAYLOAD.replace('"', '""') in downloads
