"""Ready for courses and for publishing: stable links listed for teachers (each resolving in both languages),
copy buttons, embeddable figures without the site's chrome, the citation file, the publish
workflow, a site that works under its sub-path and at the root of a plain file server, and translation status
(a Chinese page whose English source changed says so, and the report lists it)."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from conftest import LANGUAGES, MKDOCS, PAGES, ROOT, build_env, edit_yaml, search, site_path, watch

from llm_medicine import link_index as page_index
from llm_medicine import translation_report as translation_status
from llm_medicine.printing import site_context
from llm_medicine.static_server import served

SITE_URL = "https://llm-medicine.github.io/llm-medicine/"
LINK_TO = "link-to/index.html"
EMBEDS = {"model-sizes": ("model-chart", "current-llms/#figure-2"),
          "training-stages": ("training-diagram", "how-llms-are-built/#figure-1"),
          "exam-scores": ("scores-chart", "exam-scores/#scores-figure")}
CLIPBOARD = {"permissions": ["clipboard-read", "clipboard-write"]}


def listed_links(soup) -> dict[str, str]:
    """`{element id: absolute URL}` of every link on a stable-links page."""
    return {code["id"]: code.get_text(strip=True) for code in soup.select("code.link-index__url")}


def local_target(url: str, lang_prefix: str) -> tuple[str, str | None]:
    """`(built file, anchor)` for an absolute URL of the site, checking it is in the expected language."""
    assert url.startswith(SITE_URL), url
    path, _, anchor = url[len(SITE_URL):].partition("#")
    assert path.startswith(lang_prefix), f"{url} is not in the page's language"
    return path + "index.html", anchor or None


def without_language(url: str) -> str:
    return url.replace(f"{SITE_URL}zh/", SITE_URL)


# Stable links ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_listed_link_resolves_in_its_language(lang, html, built_site):
    prefix = LANGUAGES[lang]
    links = listed_links(html(prefix + LINK_TO))
    assert len(links) > 100, f"only {len(links)} links listed"
    missing = []
    for key, url in links.items():
        file, anchor = local_target(url, prefix)
        if not (built_site / file).exists():
            missing.append(f"{key}: {url} (no page)")
        elif anchor and html(file).find(id=anchor) is None:
            missing.append(f"{key}: {url} (no element with id '{anchor}')")
    assert not missing, "\n".join(missing)


def test_both_languages_list_the_same_anchors(html):
    english = {key: url for key, url in listed_links(html(LINK_TO)).items()}
    chinese = {key: without_language(url) for key, url in listed_links(html("zh/" + LINK_TO)).items()}
    assert english == chinese, set(english.items()) ^ set(chinese.items())


def test_every_section_model_term_and_task_is_listed(html, site_data):
    listed = set(listed_links(html(LINK_TO)).values())
    expected = {f"{SITE_URL}models/#{model_id}" for model_id in site_data.models}
    expected |= {f"{SITE_URL}glossary/#{term_id}" for term_id in site_data.glossary}
    expected |= {f"{SITE_URL}medical-tasks/#{task_id}" for task_id in site_data.tasks}
    for page in PAGES:
        if page == "link-to/":
            continue  # the page of stable links does not list itself
        source = (ROOT / "docs" / "en" / (page.rstrip("/") or "index")).with_suffix(".md")
        expected.add(SITE_URL + page)
        expected |= {f"{SITE_URL}{page}#{anchor}" for level, _, anchor in
                     page_index.headings(source.read_text(encoding="utf-8")) if level > 1}
    assert not expected - listed, sorted(expected - listed)


def test_link_titles_are_in_the_page_language(html):
    soup = html("zh/" + LINK_TO)
    titles = {row.select_one("code.link-index__url")["id"]: row.select_one("th a").get_text(strip=True)
              for row in soup.select(".link-index tbody tr")}
    assert titles["link-how-llms-are-built-fine-tuning"] == "微调"
    assert titles["link-term-fine-tuning"] == "微调"
    assert re.search(r"[\u4e00-\u9fff]", titles["link-task-administrative"])


@pytest.mark.parametrize("page", ["link-to/", "embed/training-stages/", "embed/model-sizes/"])
def test_new_pages_have_the_same_heading_ids_in_both_languages(page, html):
    def ids(soup):
        return {h["id"] for h in soup.select("article h1[id], article h2[id], article h3[id]")}

    assert ids(html(page + "index.html")) == ids(html("zh/" + page + "index.html"))
    for lang in LANGUAGES:
        source = ROOT / "docs" / lang / (page.rstrip("/") + ".md")
        assert all(anchor for _, _, anchor in page_index.headings(source.read_text(encoding="utf-8"))), source


def assert_copied_message(page, prefix: str) -> None:
    """Material's clipboard announces the copy in its dialog, in the page's language."""
    dialog = page.locator(".md-dialog__inner")
    dialog.wait_for(state="visible")
    assert dialog.inner_text().strip() == ("已复制" if prefix else "Copied to clipboard")


@pytest.mark.parametrize("prefix", LANGUAGES.values())
def test_copy_button_copies_the_full_link(prefix, new_page, site_url):
    page, log = new_page(**CLIPBOARD)
    page.goto(site_url + prefix + "link-to/", wait_until="networkidle")
    button = page.locator("button.copy-citation[data-clipboard-target='#link-term-fine-tuning']")
    expected = page.locator("#link-term-fine-tuning").text_content().strip()
    assert expected == f"{SITE_URL}{prefix}glossary/#fine-tuning"
    button.click()
    assert_copied_message(page, prefix)
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert not log.problems(), log.problems()


# Citing --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", LANGUAGES.values())
@pytest.mark.parametrize("target,starts", [("cite-apa", "Omiye, J. A."), ("cite-bibtex", "@article{")])
def test_home_citations_copy_in_both_languages(prefix, target, starts, new_page, site_url):
    page, log = new_page(**CLIPBOARD)
    page.goto(site_url + prefix, wait_until="networkidle")
    page.locator(f"button.copy-citation[data-clipboard-target='#{target}']").click()
    assert_copied_message(page, prefix)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(starts) and "10.7326/M23-2772" in copied, copied
    assert copied == page.locator(f"#{target}").text_content().strip()
    assert not log.problems(), log.problems()


def test_citation_file_describes_the_site_and_the_review(site_data):
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert citation["url"] == SITE_URL
    review = site_data.review
    [article] = citation["references"]
    assert article["doi"] == review.doi
    assert article["title"] == review.journal_title
    assert (article["year"], article["volume"], article["issue"]) == (review.year, review.volume, review.issue)
    assert f"{article['start']}-{article['end']}" == review.pages
    assert [(a["given-names"], a["family-names"]) for a in article["authors"]] == [
        (author.given, author.family) for author in review.authors]


# Embedding -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang,prefix", LANGUAGES.items())
@pytest.mark.parametrize("name", EMBEDS)
def test_embed_page_has_the_figure_and_no_site_chrome(name, lang, prefix, html, built_site):
    figure_class, full_page = EMBEDS[name]
    soup = html(f"{prefix}embed/{name}/index.html")
    assert soup.html["lang"] == lang
    chrome = [selector for selector in (".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-search")
              if soup.select_one(selector)]
    assert not chrome, chrome
    assert soup.select_one(f"[class*='{figure_class}']"), f"no {figure_class} on the embed page"
    back = [a for a in soup.select("a[href]") if a["href"].endswith(full_page)]
    assert back, f"no link back to {full_page}"
    search = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any(doc["location"].startswith(f"{prefix}embed/") for doc in search["docs"])


def test_embed_pages_are_not_in_the_navigation(html):
    for prefix in LANGUAGES.values():
        nav_links = [a["href"] for a in html(prefix + "index.html").select(".md-nav a[href]")]
        assert nav_links and not any("embed/" in href for href in nav_links), nav_links


@pytest.mark.parametrize("prefix", LANGUAGES.values())
def test_embed_snippets_load_in_an_iframe(prefix, html, built_site, served_page, tmp_path):
    """Each snippet, pasted into another page, shows its figure (here the host page and the site share a server)."""
    snippets = [pre.get_text() for pre in html(prefix + LINK_TO).select(".link-index--embeds pre")]
    assert len(snippets) == len(EMBEDS)
    host = tmp_path / "host"
    (host / site_path().strip("/")).parent.mkdir(parents=True, exist_ok=True)
    (host / site_path().strip("/")).symlink_to(built_site, target_is_directory=True)
    for number, snippet in enumerate(snippets):
        assert snippet.startswith(f'<iframe src="{SITE_URL}{prefix}embed/'), snippet
        local = snippet.replace(SITE_URL, site_path())
        (host / f"course-{number}.html").write_text(
            # The course page's own favicon is none of the site's business (else its 404 is in the console).
            f'<!doctype html><html lang="en"><title>Course</title><link rel="icon" href="data:,">'
            f'<body style="width:900px">{local}</body></html>',
            encoding="utf-8")
    with served(host) as base:
        page, log = served_page(base)
        for number in range(len(snippets)):
            page.goto(f"{base}course-{number}.html", wait_until="networkidle")
            frame = page.frame_locator("iframe")
            frame.locator("article").wait_for()
            assert frame.locator(".md-header, .md-sidebar").count() == 0
            assert frame.locator("html").get_attribute("lang") == ("zh" if prefix else "en")
            width = frame.locator("html").evaluate("el => el.scrollWidth")
            assert width <= 900, f"the embedded figure is wider than its frame ({width}px)"
        assert not log.problems(), log.problems()


# Publishing ----------------------------------------------------------------------------------------------


def test_publish_workflow_tests_then_builds_strictly_and_deploys_to_pages():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as true
    assert triggers["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build = workflow["jobs"]["build"]["steps"]
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    # Debian 12 (Python 3.11, as requirements.lock is pinned for; Debian's Chromium and CJK fonts for the handouts).
    assert workflow["jobs"]["build"]["container"] == "debian:bookworm"
    installs = " ".join(step.get("run", "") for step in build if "apt-get install" in step.get("run", ""))
    for package in ("chromium", "fonts-noto-cjk", "poppler-utils", "python3-venv"):
        assert package in installs.split(), package
    assert any("make editions" in step.get("run", "") for step in build)
    assert next(s for s in build if s.get("uses", "").startswith("actions/upload-pages-artifact"))["with"]["path"] == "site"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--strict" in makefile.split("\nbuild:")[1].split("\n\n")[0]
    assert "scripts/editions.py" in makefile.split("\neditions:")[1].split("\n\n")[0]
    assert '"--strict"' in (ROOT / "llm_medicine" / "edition_build.py").read_text(encoding="utf-8")
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)
    jobs = workflow["jobs"]
    assert any("make test" in step.get("run", "") for step in jobs["test"]["steps"]), "the tests run first"
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build", "deploy waits for the tests"


@pytest.fixture
def served_page(browser):
    """A page for a site served at `base` by a server of the test's own; records what `new_page` records, and leaves
    out the search worker as it does unless `search` is true."""
    contexts = []

    def open_page(base: str, search: bool = False):
        context = site_context(browser, search=search, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        log = watch(page, urlparse(base).netloc)
        return page, log

    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize("mount", [site_path(), "/"])
def test_the_built_site_works_under_its_sub_path_and_at_the_root(mount, built_site, served_page):
    """One build, served by a plain static file server under the published sub-path and at the root."""
    with served(built_site, mount) as base:
        page, log = served_page(base)
        for path in ("", "introduction/", "zh/", "zh/models/", "link-to/", "zh/embed/training-stages/"):
            response = page.goto(base + path, wait_until="networkidle")
            assert response.status == 200, path
            sheets = page.evaluate("[...document.styleSheets].filter(s => s.href).map(s => s.cssRules.length)")
            assert len(sheets) >= 4 and all(sheets), f"{path}: a stylesheet did not load ({sheets})"
        for start, expected in (("", "zh/"), ("zh/", ""), ("zh/glossary/", "glossary/"),
                                ("how-llms-are-built/#fine-tuning", "zh/how-llms-are-built/#fine-tuning"),
                                ("zh/how-llms-are-built/#fine-tuning", "how-llms-are-built/#fine-tuning")):
            # networkidle: the switch keeps the page (and section) once the theme has read each language's sitemap.
            page.goto(base + start, wait_until="networkidle")
            target = "en" if start.startswith("zh/") else "zh"
            page.locator(".md-header .md-select").first.hover()
            page.locator(f".md-header a[hreflang='{target}']").first.click()
            page.wait_for_load_state("networkidle")
            assert page.url == base + expected, f"language switch from /{start}: {page.url}"
            assert page.locator("html").get_attribute("lang") == target
        assert not log.problems(), log.problems()
        page, log = served_page(base, search=True)
        page.goto(base, wait_until="networkidle")
        hit = search(page, "fine-tuning")[0]
        assert hit.startswith(base), hit
        page.goto(hit, wait_until="networkidle")
        assert page.locator("article h1").count() == 1
        assert not log.problems(), log.problems()


def test_site_url_can_be_overridden_for_another_host(tmp_path):
    site = tmp_path / "site"
    env = {**build_env(), "SITE_URL": "https://courses.example.org/llm/"}
    proc = subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(site)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    introduction = (site / "zh" / "introduction" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://courses.example.org/llm/zh/introduction/">' in introduction
    links = (site / "link-to" / "index.html").read_text(encoding="utf-8")
    assert "https://courses.example.org/llm/glossary/#fine-tuning" in links and SITE_URL not in links
    assert 'href="/llm/assets/' in (site / "404.html").read_text(encoding="utf-8")


def project_languages():
    from mkdocs.config import load_config

    from llm_medicine import languages
    return languages.of_config(load_config(str(ROOT / "mkdocs.yml")))


# Translation status --------------------------------------------------------------------------------------


def _translation_script():
    spec = importlib.util.spec_from_file_location("translation_script", ROOT / "scripts" / "translation-status.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_changed_english_page_and_an_unrecorded_translation_are_marked_stale(run_build):
    """One build with two edits after the hashes are recorded: the English introduction changes, and the Chinese
    about page loses its recorded hash. Each Chinese page gets the notice (the build still passes), nothing else."""
    script = _translation_script()

    def edit(project: Path) -> None:
        script.main(["--root", str(project), "--update", "all"])
        english = project / "docs" / "en" / "introduction.md"
        english.write_text(english.read_text(encoding="utf-8") + "\nA sentence added to the English page.\n",
                           encoding="utf-8")
        chinese = project / "docs" / "zh" / "about.md"
        chinese.write_text(re.sub(r"^source_hash:.*\n", "", chinese.read_text(encoding="utf-8"), flags=re.M),
                           encoding="utf-8")

    result = run_build(edit)
    assert result.returncode == 0, result.output[-3000:]
    from bs4 import BeautifulSoup

    def page(path):
        return BeautifulSoup((result.site / path / "index.html").read_text(encoding="utf-8"), "html.parser")

    notices = {stale: page(stale).select_one("article .translation-stale") for stale in ("zh/introduction", "zh/about")}
    for stale, notice in notices.items():
        assert notice is not None, f"no notice on {stale}/"
        assert "译文可能已经过时" in notice.get_text()
        assert {"admonition", "warning"} <= set(notice["class"]), notice["class"]
    assert notices["zh/introduction"].select_one("a")["href"] == "../../introduction/"
    for other in ("introduction", "about", "zh/glossary", "zh"):
        assert page(other).select_one(".translation-stale") is None, other
    report = json.loads((result.site / "translation-status.json").read_text(encoding="utf-8"))
    assert report["stale"] == [
        {"kind": "page", "path": "docs/zh/about.md", "source": "docs/en/about.md", "reason": "unrecorded"},
        {"kind": "page", "path": "docs/zh/introduction.md", "source": "docs/en/introduction.md", "reason": "changed"},
    ]


def test_changed_english_data_is_reported_per_entry(tmp_path, capsys):
    script = _translation_script()
    for name in ("docs", "data"):
        shutil.copytree(ROOT / name, tmp_path / name)
    assert script.main(["--root", str(tmp_path), "--update", "all"]) == 0
    assert script.main(["--root", str(tmp_path), "--check"]) == 0
    def revise(entries):
        next(entry for entry in entries if entry["id"] == "fine-tuning")["definition"]["en"] += " (revised)"

    edit_yaml(tmp_path / "data" / "glossary.yml", revise)
    capsys.readouterr()
    assert script.main(["--root", str(tmp_path), "--check"]) == 1
    out = capsys.readouterr().out
    assert "data/glossary.yml:fine-tuning  (English changed since the translation)" in out
    assert out.count("data/") == 1, out
    script.main(["--root", str(tmp_path), "--update", "glossary.yml:fine-tuning"])
    assert script.main(["--root", str(tmp_path), "--check"]) == 0


def test_update_rewrites_only_the_source_hash_line(tmp_path):
    script = _translation_script()
    for lang in LANGUAGES:
        (tmp_path / "docs" / lang).mkdir(parents=True)
    (tmp_path / "docs" / "en" / "x.md").write_text("---\ndescription: E\n---\n\n# X { #x }\n\nText.\n")
    chinese = tmp_path / "docs" / "zh" / "x.md"
    chinese.write_text("---\ndescription: 中\nsource_hash: 000000000000\n---\n\n# 甲 { #x }\n\n正文。\n")
    script.main(["--root", str(tmp_path), "--update", "x.md"])
    digest = translation_status.page_hash("# X { #x }\n\nText.\n")
    assert chinese.read_text() == f"---\ndescription: 中\nsource_hash: {digest}\n---\n\n# 甲 {{ #x }}\n\n正文。\n"
    assert translation_status.page_status(tmp_path / "docs", "x.md", project_languages()) == []


def test_the_built_report_matches_the_script(built_site, site_data):
    built = json.loads((built_site / "translation-status.json").read_text(encoding="utf-8"))
    assert built == translation_status.report(ROOT / "docs", site_data, project_languages())
    assert built["checked"]["pages"] == len(list((ROOT / "docs" / "zh").rglob("*.md")))
