"""The one edited copy of the project that several tests share: built once per test run (conftest's `edited_site`)
instead of once for each of them. Each edit touches its own entries and files, and each test reads only its own:

- `inject_markup`: markup in a field of every kind of data entry (test_escaping: shown as text, never run);
- `put_tricky_text_in_the_head`: quotes, angle brackets and an entity in the site description and in a page's and
  an embed's front matter, and no description on the About page (test_html_validity: kept as text in the head);
- `change_a_stage`: the fine-tuning stage renamed and given an example (test_diagram: Figure 1 follows its data).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import edit_yaml

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
PAYLOAD = f"X{SCRIPT}{ATTRIBUTE} & Y"

TRICKY = 'Say "no" to <b>bold</b> & <script>alert(1)</script> claims'
# Material prints page titles as HTML in its navigation (a title from a heading may hold markup), so a title
# with `<` would become markup there: this one has `&`, quotes and an entity, which the head must keep as text.
TITLE = 'Risks & "benefits" of LLMs (&lt;1%)'
TRICKY_PAGES = ("docs/en/medical-tasks.md", "docs/en/embed/model-sizes.md")

RENAMED_STAGE = "fine-tuning"
STAGE_NAME = {"en": "Adaptation on narrow data", "zh": "窄数据适配阶段"}
STAGE_EXAMPLE = {"en": "A new example written for this test", "zh": "为本测试新写的示例"}


def make_edits(project: Path) -> None:
    inject_markup(project)
    put_tricky_text_in_the_head(project)
    change_a_stage(project)


def inject_markup(project: Path) -> None:
    """PAYLOAD in the first entry's texts of every data file (both languages where a text has two)."""

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


def put_tricky_text_in_the_head(project: Path) -> None:
    _set_site_description(project, TRICKY)
    for page in TRICKY_PAGES:
        _set_front_matter(project / page, "description", TRICKY + " (page)")
        _set_front_matter(project / page, "title", TITLE)
    _set_front_matter(project / "docs/en/about.md", "description", None)


def change_a_stage(project: Path) -> None:
    def change(stages):
        stage = next(s for s in stages if s["id"] == RENAMED_STAGE)
        stage["name"] = STAGE_NAME
        stage["examples"].append(STAGE_EXAMPLE)

    edit_yaml(project / "data" / "training_stages.yml", change)


def _set_site_description(project: Path, text: str) -> None:
    config = project / "mkdocs.yml"
    edited, count = re.subn(r"^site_description: >-\n(?:  .*\n)+", f"site_description: {json.dumps(text)}\n",
                            config.read_text(encoding="utf-8"), flags=re.M)
    assert count == 1, "mkdocs.yml: top-level site_description not found"
    config.write_text(edited, encoding="utf-8")


def _set_front_matter(page: Path, key: str, text: str | None) -> None:
    """Set `key` in the page's front matter to `text`, or remove it (None)."""
    source = page.read_text(encoding="utf-8")
    assert source.startswith("---\n"), f"{page}: no front matter"
    source = re.sub(rf"^{key}: .*\n", "", source, count=1, flags=re.M)
    if text is not None:
        source = source.replace("---\n", f"---\n{key}: {json.dumps(text)}\n", 1)
    page.write_text(source, encoding="utf-8")
