"""The data as a living data set (issue 26): one version, a changelog and its feed, a citation and a zip per
figure, and a way for readers to suggest a model or a correction.

Data tests run the loader and the version check on the project and on bad copies of data/; build tests read the
built feed, zips, pages and downloads.
"""

from __future__ import annotations

import csv
import html as html_text
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
import zipfile

import pytest
import yaml

from conftest import LANGUAGES, ROOT

from llm_medicine import data as data_loader
from llm_medicine import data_version, figures
from llm_medicine import results as site_results

SITE_URL = "https://llm-medicine.github.io/llm-medicine/"
ATOM = "{http://www.w3.org/2005/Atom}"
FIGURE_PAGES = {"figure-1": ("how-llms-are-built/", "embed/training-stages/"),
                "figure-2": ("current-llms/", "embed/model-sizes/"),
                "scores": ("exam-scores/", "embed/exam-scores/")}


# Data -------------------------------------------------------------------------------------------------------------


def test_the_data_is_as_its_newest_version_recorded_it(site_data):
    """The guard an editor meets: a data edit without a changelog entry (and its stamp) fails here, saying what to do."""
    problem = data_version.unrecorded_change(site_data, ROOT / "data")
    assert problem is None, problem


def test_a_data_edit_without_a_changelog_entry_is_named(tmp_path, site_data):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "models.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("parameters: 117e6", "parameters: 118e6", 1),
                    encoding="utf-8")
    problem = data_version.unrecorded_change(data_loader.load_site_data(tmp_path / "data"), tmp_path / "data")
    newest = site_data.changelog[0]
    assert problem is not None
    for fragment in (f"since data version {newest.version}", "data/changelog.yml",
                     f"(version {newest.number[0]}.{newest.number[1] + 1})", "scripts/data-version.py --stamp"):
        assert fragment in problem, (fragment, problem)
    # Interface strings are not data a reader needs a version for: editing one changes nothing here.
    shutil.copy(ROOT / "data" / "models.yml", path)
    ui = tmp_path / "data" / "ui.yml"
    ui.write_text(ui.read_text(encoding="utf-8") + "\nextra-key: {en: x, zh: x}\n", encoding="utf-8")
    assert data_version.unrecorded_change(data_loader.load_site_data(tmp_path / "data"), tmp_path / "data") is None


def _edit_changelog(tmp_path, change):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "changelog.yml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(entries)
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")


BAD_CHANGELOGS = {
    "newest not first": (lambda e: e.reverse(), ["data/changelog.yml", "field 'version'", "the newest version goes first"]),
    "a change without sources": (lambda e: e[0]["changes"][0].update(entries=[], sources=[]),
                                 ["data/changelog.yml", "a change needs its sources"]),
    "an entry that is not there": (lambda e: e[0]["changes"][0].update(entries=["models.yml:no-such-model"]),
                                   ["field 'changes.entries'", "'models.yml:no-such-model' is not an entry"]),
    "a version that is not a number": (lambda e: e[0].update(version="next"), ["field 'version'", "'next'"]),
}


@pytest.mark.parametrize("case", BAD_CHANGELOGS, ids=list(BAD_CHANGELOGS))
def test_bad_changelog_fails_with_a_clear_message(case, tmp_path):
    change, expected = BAD_CHANGELOGS[case]
    _edit_changelog(tmp_path, change)
    with pytest.raises(data_loader.DataError) as caught:
        data_loader.load_site_data(tmp_path / "data")
    for fragment in expected:
        assert fragment in str(caught.value), (case, fragment, str(caught.value))


def test_the_issue_form_asks_for_what_the_schema_needs():
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "data.yml").read_text(encoding="utf-8"))
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    assert {"kind", "entry", "model", "source", "excerpt", "where", "facts"} <= set(fields)
    for required in ("kind", "model", "source", "excerpt", "where", "facts"):
        assert fields[required]["validations"]["required"], required
    from llm_medicine.macros import PageMacros
    assert set(PageMacros._SUGGEST_KINDS.values()) == set(fields["kind"]["attributes"]["options"])


# Build ------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_feed_parses_and_lists_the_newest_change_first(lang, built_site, html, site_data):
    prefix = LANGUAGES[lang]
    feed = ET.parse(built_site / prefix / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == f"{SITE_URL}{prefix}feed.xml"
    entries = feed.findall(f"{ATOM}entry")
    ids = [entry.find(f"{ATOM}id").text for entry in entries]
    assert ids == [f"{SITE_URL}{prefix}changelog/#{release.id}" for release in site_data.changelog]
    updated = [entry.find(f"{ATOM}updated").text for entry in entries]
    assert updated == sorted(updated, reverse=True) and feed.find(f"{ATOM}updated").text == updated[0]
    newest = html_text.unescape(entries[0].find(f"{ATOM}content").text)
    assert site_data.changelog[0].changes[0].summary[lang] in newest
    # Every page points feed readers to it, in its language.
    for page in ("", "models/", "exam-scores/"):
        link = html(f"{prefix}{page}index.html").select_one('link[rel=alternate][type="application/atom+xml"]')
        assert link is not None and link["href"].endswith("feed.xml"), page
    # The changelog page has each version under its own anchor, the one the feed links to.
    changelog = html(f"{prefix}changelog/index.html")
    assert [section["id"] for section in changelog.select(".changelog__release")] == [r.id for r in site_data.changelog]


def _readme_files(readme: str) -> list[str]:
    files = readme.split("\n## ", 2)[1]
    return re.findall(r"^- `([^`]+)`", files, flags=re.MULTILINE)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("figure", figures.FIGURES, ids=[f.key for f in figures.FIGURES])
def test_each_zip_holds_what_its_readme_lists(figure, lang, built_site, html, site_data):
    folder = built_site / LANGUAGES[lang] / "downloads"
    with zipfile.ZipFile(folder / f"{figure.download}.zip") as archive:
        names = archive.namelist()
        readme = archive.read("README.md").decode("utf-8")
        assert sorted(_readme_files(readme)) == sorted(names)
        assert archive.read(f"{figure.download}.json") == (folder / f"{figure.download}.json").read_bytes()
        assert archive.read(f"{figure.download}.csv") == (folder / f"{figure.download}.csv").read_bytes()
        citation = yaml.safe_load(archive.read("CITATION.cff"))
        rows = list(csv.DictReader(io.StringIO(archive.read(f"{figure.download}.csv").decode("utf-8-sig"))))
    newest = site_data.changelog[0]
    assert citation["version"] == newest.version and citation["date-released"] == newest.date.isoformat()
    address = f"{SITE_URL}{figure.path(LANGUAGES[lang])}"
    assert citation["url"] == address and address in readme
    for field in rows[0]:
        assert f"`{field}`" in readme, f"the README does not say what {field} means"
    # The CSV's rows are the figure's points.
    soup = html(f"{LANGUAGES[lang]}{FIGURE_PAGES[figure.key][0]}index.html")
    ids = [row["id"] for row in rows]
    if figure.key == "figure-1":
        drawn = sorted({g["data-stage"] for g in soup.select("[data-stage]")})
    elif figure.key == "figure-2":
        drawn = [tr["data-id"] for tr in soup.select(".model-chart__table tbody tr")]
    else:
        config = json.loads(soup.select_one(".scores-chart__config").string)
        drawn = [result_id for trace in config["figure"]["data"] for result_id in trace["ids"]]
    assert sorted(ids) == sorted(drawn)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_figure_has_its_citation_and_version(lang, html, site_data):
    newest = site_data.changelog[0]
    for key, pages in FIGURE_PAGES.items():
        figure = figures.BY_KEY[key]
        for page in pages:
            block = html(f"{LANGUAGES[lang]}{page}index.html").select_one(f"details.figure-citation#cite-{key}")
            assert block is not None, (key, page)
            assert newest.version in block.select_one("summary").get_text()
            apa = block.select_one(f"#cite-{key}-apa").get_text()
            bibtex = block.select_one(f"#cite-{key}-bibtex").get_text()
            assert f"{SITE_URL}{figure.path(LANGUAGES[lang])}" in apa and newest.version in apa, apa
            assert bibtex.startswith("@misc{") and newest.version in bibtex
            # The review's figures credit the review; the site's own does not borrow its name.
            assert (site_data.review.doi in bibtex) == figure.of_review, (key, bibtex)
            assert block.select_one(f"a[href$='downloads/{figure.download}.zip']")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_version_shown_is_the_changelog_newest(lang, html, built_site, site_data):
    newest = site_data.changelog[0]
    prefix = LANGUAGES[lang]
    shown = html(f"{prefix}models/index.html").select_one(".data-version")
    assert shown is not None and newest.version in shown.get_text()
    assert shown.select_one("a")["href"].endswith(f"changelog/#{newest.id}")
    for figure in figures.FIGURES:
        document = json.loads((built_site / prefix / "downloads" / f"{figure.download}.json").read_text(encoding="utf-8"))
        assert (document["version"], document["version_date"]) == (newest.version, newest.date.isoformat())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_card_links_to_the_suggestion_form(lang, html, site_data):
    soup = html(f"{LANGUAGES[lang]}models/index.html")
    for model in site_data.models.values():
        link = soup.select_one(f"#{model.id} a.suggest-link")
        assert link is not None, model.id
        assert link["href"].startswith("https://github.com/llm-medicine/llm-medicine/issues/new?")
        assert "template=data.yml" in link["href"] and f"entry={model.id}" in link["href"]
    since = html(f"{LANGUAGES[lang]}since-the-review/index.html").select_one("a.suggest-link")
    assert since is not None and "template=data.yml" in since["href"]


def test_results_series_names_are_in_the_page_language(html, site_data):
    """The picker of the scores figure names the Chinese exam in Chinese on Chinese pages (no English leaks)."""
    soup = html("zh/exam-scores/index.html")
    labels = [group["label"] for group in soup.select(".scores-chart select optgroup")]
    assert "2023 年国家执业药师职业资格考试" in labels
    assert not any("Pharmacist" in label for label in labels)
    assert all(s.benchmark.name["zh"] in labels for s in site_results.all_series(site_data))
