"""Every kind of bad edit an editor can make is caught, named in words (the file to open, the line where there is
one) and never shown to readers.

`EDITS` is the one table of bad edits: each row's exact message is checked here in-process, by calling the hook
or loader that catches it on a copy of the project; `test_serve.py` walks one `mkdocs serve` through the same
rows. The one end-to-end `mkdocs build` here checks that a failed build leaves the site folder untouched.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

from conftest import ROOT, copy_project
from llm_medicine import data as data_loader
from llm_medicine import front_matter


def _lines(path: str) -> int:
    return len((ROOT / path).read_text(encoding="utf-8").splitlines())


def _line_of(path: str, text: str) -> int:
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


UNCLOSED_QUOTE = ('  released: "2018-06"\n', '  released: "2018-06\n')
"""GPT-1's release date loses its closing quote: YAML reads on to the next quote, far below, and reports its fault
there; the message must also name the line where the quote began."""


def _yaml_fault(path: str, old: str, new: str) -> str:
    """Where and what YAML itself reports for `path` with `old` replaced by `new`: `line 53, column 14: ...`."""
    import yaml

    try:
        data_loader.parse_yaml((ROOT / path).read_text(encoding="utf-8").replace(old, new, 1))
    except yaml.MarkedYAMLError as error:
        return f"line {error.problem_mark.line + 1}, column {error.problem_mark.column + 1}: {error.problem}"
    raise AssertionError(f"{path} still parses with {new!r}")


def _append(path: str, text: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        with open(project / path, "a", encoding="utf-8") as file:
            file.write(text)
    return edit


def _append_bytes(path: str, raw: bytes) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        with open(project / path, "ab") as file:
            file.write(raw)
    return edit


def _replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        text = (project / path).read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        (project / path).write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


def _insert_line(path: str, number: int, line: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        lines = (project / path).read_text(encoding="utf-8").splitlines(keepends=True)
        lines.insert(number - 1, line + "\n")
        (project / path).write_text("".join(lines), encoding="utf-8")
    return edit


def _delete(path: str) -> Callable[[Path], None]:
    return lambda project: (project / path).unlink()


def _empty(path: str) -> Callable[[Path], None]:
    return lambda project: (project / path).write_text("", encoding="utf-8")


@dataclass(frozen=True)
class BadEdit:
    name: str
    path: str
    """The one file the edit changes (restored from the project to fix it)."""
    edit: Callable[[Path], None]
    caught_by: str
    """What catches it: `pages` (hooks/page_sources.py), `data` (the loader), `macros` (hooks/page_macros.py,
    rendering `page`), `translations` (hooks/translations.py)."""
    problem: str
    """The exact problem, as the terminal and the `mkdocs serve` banner show it."""
    header: str | None = None
    """The line before it in the build's message, for checks that report every problem together."""
    page: str = "en/index.md"
    """A page that shows the problem: the one rendered in-process, and the one `test_serve` looks at."""
    marker: str = "h1"
    """A CSS selector of the last good page that `test_serve` expects to keep seeing."""

    @property
    def message(self) -> str:
        """The whole message of the failed build."""
        return f"{self.header}\n  {self.problem}" if self.header else self.problem

    @property
    def banner(self) -> str:
        """What the `mkdocs serve` banner shows: the problem of one page, or the whole message about data/."""
        return self.problem if self.caught_by in ("pages", "macros") else self.message


PAGES_HEADER = "1 problem in docs/:"
DATA_HEADER = "1 problem in data/:"
INDEX_DESCRIPTION = 'description: "A bilingual companion'
CARDS_CALL = _line_of("docs/en/index.md", "{{ section_cards() }}")

EDITS = [
    BadEdit("front matter that does not parse", "docs/en/index.md",
            _replace("docs/en/index.md", INDEX_DESCRIPTION, "description: A bilingual companion: with a colon. And"),
            "pages",
            f"docs/en/index.md, line {_line_of('docs/en/index.md', INDEX_DESCRIPTION)}: front matter is not valid "
            "YAML (mapping values are not allowed here); a value that contains ': ' must be in quotes, like "
            'description: "A: b"', PAGES_HEADER, marker=".section-cards"),
    BadEdit("front matter key the site does not use", "docs/en/models.md",
            _replace("docs/en/models.md", "description:", "descripton:"), "pages",
            "docs/en/models.md, line 2: front matter key 'descripton' is not one the site uses (a typo?); "
            "allowed keys: title, description, source_hash, template, embed_height, search",
            PAGES_HEADER, page="en/models.md", marker=".model-card"),
    BadEdit("a page that is not UTF-8", "docs/en/models.md", _append_bytes("docs/en/models.md", b"Caf\xe9\n"),
            "pages",
            f"docs/en/models.md, line {_lines('docs/en/models.md') + 1}: not UTF-8 text (byte 0xe9); "
            "save the file as UTF-8", PAGES_HEADER, page="en/models.md", marker=".model-card"),
    BadEdit("a macro that does not exist", "docs/en/models.md", _append("docs/en/models.md", "{{ no_such_macro() }}\n"),
            "macros",
            f"docs/en/models.md, line {_lines('docs/en/models.md') + 1}: template error: 'no_such_macro' is undefined",
            page="en/models.md", marker=".model-card"),
    BadEdit("an unclosed macro call", "docs/en/models.md", _append("docs/en/models.md", "{{ model_link(\n"), "macros",
            f"docs/en/models.md, line {_lines('docs/en/models.md') + 1}: template syntax error: "
            "unexpected 'end of template'", page="en/models.md", marker=".model-card"),
    BadEdit("an id that is not in the data", "docs/en/models.md",
            _append("docs/en/models.md", '{{ model_link("no-such-model") }}\n'), "macros",
            f"docs/en/models.md, line {_lines('docs/en/models.md') + 1}: no entry 'no-such-model' in data/models.yml",
            page="en/models.md", marker=".model-card"),
    BadEdit("a component template that does not parse", "overrides/components/section-cards.html",
            _insert_line("overrides/components/section-cards.html", 2, "{% if %}"), "macros",
            "overrides/components/section-cards.html, line 2: template syntax error: Expected an expression, "
            "got 'end of statement block'", marker=".section-cards"),
    BadEdit("an undefined name in a component template", "overrides/components/section-cards.html",
            _insert_line("overrides/components/section-cards.html", 2, "{{ no_such_name }}"), "macros",
            f"overrides/components/section-cards.html, line 2 (called by docs/en/index.md, line {CARDS_CALL}): "
            "template error: 'no_such_name' is undefined", marker=".section-cards"),
    BadEdit("YAML syntax error in a data file (a closing quote deleted)", "data/models.yml",
            _replace("data/models.yml", *UNCLOSED_QUOTE), "data",
            f"data/models.yml: YAML syntax error at {_yaml_fault('data/models.yml', *UNCLOSED_QUOTE)} (the quote \" "
            f"opened at line {_line_of('data/models.yml', UNCLOSED_QUOTE[0].strip())}, column 13 runs on to here: is its "
            "closing \" missing?)", DATA_HEADER, page="en/models.md", marker=".model-card"),
    BadEdit("a data file that is not UTF-8", "data/glossary.yml", _append_bytes("data/glossary.yml", b"# caf\xe9\n"),
            "data",
            f"data/glossary.yml: line {_lines('data/glossary.yml') + 1}: not UTF-8 text (byte 0xe9); "
            "save the file as UTF-8", DATA_HEADER, page="en/glossary.md", marker=".glossary-list"),
    BadEdit("a deleted data file", "data/tasks.yml", _delete("data/tasks.yml"), "data",
            "data/tasks.yml: file is missing (every data file is required)", DATA_HEADER,
            page="en/medical-tasks.md", marker="table"),
    BadEdit("an empty data file", "data/tasks.yml", _empty("data/tasks.yml"), "data",
            "data/tasks.yml: file is empty (it needs its entries)", DATA_HEADER,
            page="en/medical-tasks.md", marker="table"),
    BadEdit("a missing Chinese page", "docs/zh/glossary.md", _delete("docs/zh/glossary.md"), "translations",
            "docs/zh/glossary.md (translation of docs/en/glossary.md)", "Missing translation:",
            page="zh/models.md", marker=".model-card"),
]


def _hook(name: str):
    spec = importlib.util.spec_from_file_location(f"bad_edits_hook_{name}", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _catch(edit: BadEdit, project: Path) -> str:
    """The message of what catches `edit` in `project`, called as a build would call it."""
    config = load_config(str(project / "mkdocs.yml"))
    with pytest.raises(PluginError) as caught:
        if edit.caught_by == "data":
            data_loader.site_data(config)
        elif edit.caught_by == "translations":
            _hook("translations").on_pre_build(config=config)
        else:
            files = get_files(config)
            if edit.caught_by == "pages":
                _hook("page_sources").on_files(files, config=config)
            page = Page(None, files.get_file_from_path(edit.page), config)
            page.read_source(config)
            _hook("page_macros").on_page_markdown(page.markdown, page=page, config=config, files=files)
    return str(caught.value)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("pristine") / "project")


@pytest.mark.parametrize("edit", EDITS, ids=[edit.name for edit in EDITS])
def test_a_bad_edit_is_named_in_words(edit, pristine, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(pristine, project)
    edit.edit(project)
    assert _catch(edit, project) == edit.message


def test_the_project_as_it_is_passes_every_check(pristine):
    config = load_config(str(pristine / "mkdocs.yml"))
    _hook("translations").on_pre_build(config=config)
    files = get_files(config)
    _hook("page_sources").on_files(files, config=config)
    data_loader.site_data(config)
    page = Page(None, files.get_file_from_path("en/index.md"), config)
    page.read_source(config)
    assert "section-cards" in _hook("page_macros").on_page_markdown(page.markdown, page=page, config=config,
                                                                     files=files)


MISSING_PAGE_LINK = "[a page](no-such-page.md)"
MISSING_ANCHOR_LINK = "[a term](glossary.md#no-such-term)"
LINK_WARNINGS = [
    "WARNING -  Doc file 'en/models.md' contains a link 'no-such-page.md', but the target 'en/no-such-page.md' is "
    "not found among documentation files.",
    "WARNING -  Doc file 'en/models.md' contains a link 'glossary.md#no-such-term', but the doc 'en/glossary.md' "
    "does not contain an anchor '#no-such-term'.",
]


def test_a_failed_build_names_every_broken_link_and_leaves_the_site_folder_untouched(run_build):
    """Broken links are warnings, which `--strict` turns into a failure only after every page was written."""

    def edit(project: Path) -> None:
        _append("docs/en/models.md", f"\n{MISSING_PAGE_LINK} {MISSING_ANCHOR_LINK}\n")(project)
        (project / "site").mkdir()
        (project / "site" / "index.html").write_text("the last good site", encoding="utf-8")

    result = run_build(edit)
    assert result.returncode != 0
    lines = result.output.splitlines()
    for warning in LINK_WARNINGS:
        assert warning in lines, result.output[-3000:]
    assert "Aborted with 2 warnings in strict mode!" in lines
    assert "Traceback" not in result.output
    # The language plugin's running commentary (13 lines a build, the same each time) stays out of the terminal.
    assert not [line for line in lines if "mkdocs_static_i18n" in line], result.output[:2000]
    assert len(lines) <= 12, result.output
    assert [p.name for p in result.site.iterdir()] == ["index.html"]
    assert (result.site / "index.html").read_text(encoding="utf-8") == "the last good site"
    assert not result.site.with_name("site.partial").exists()


def test_the_readme_quotes_the_messages_checked_here():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Bad edits", 1)[1].split("\n#", 1)[0]
    quoted = [text for text in re.findall(r"`([^`]+)`", section) if re.match(r"(docs|data|overrides)/\S+[:,]|Missing", text)]
    messages = [" ".join(text.split()) for edit in EDITS for text in (edit.problem, edit.message)]
    assert len(quoted) >= 5, quoted
    for text in quoted:
        claim = text.removesuffix("…").rstrip(", ")
        assert any(message == claim or (text.endswith("…") and message.startswith(claim)) for message in messages), text


FRONT_MATTER_LINE = re.compile(rf"^({'|'.join(front_matter.FrontMatter.model_fields)}):", re.MULTILINE)


def test_no_page_of_the_site_shows_its_front_matter(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("article")
        if article is not None:
            assert not FRONT_MATTER_LINE.search(article.get_text("\n")), path.relative_to(built_site)
