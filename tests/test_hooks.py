"""The layout shows the architecture: `hooks/` holds exactly the hooks mkdocs.yml registers, no hook imports another
hook, and no hook depends on its place in the list (the site built with the list reversed is the same site)."""

from __future__ import annotations

import ast
import filecmp
import re

from conftest import ROOT

HOOKS = ROOT / "hooks"


def registered_hooks(config_text: str) -> list[str]:
    block = re.search(r"^hooks:\n((?:  - .+\n)+)", config_text, flags=re.MULTILINE)
    assert block, "mkdocs.yml has no hooks: list"
    return [line.strip()[2:] for line in block.group(1).splitlines()]


def test_hooks_folder_holds_exactly_the_registered_hooks():
    registered = registered_hooks((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    on_disk = sorted(p.relative_to(ROOT).as_posix() for p in HOOKS.rglob("*.py"))
    assert sorted(registered) == on_disk


def test_no_hook_imports_another_hook():
    names = {p.stem for p in HOOKS.glob("*.py")}
    for hook in HOOKS.glob("*.py"):
        tree = ast.parse(hook.read_text(encoding="utf-8"))
        imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                    for alias in node.names}
        imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                     if isinstance(node, ast.ImportFrom) and node.module}
        assert not imported & names, f"{hook.name} imports the hook(s) {sorted(imported & names)}"


def test_every_hook_says_which_events_it_handles():
    for hook in HOOKS.glob("*.py"):
        tree = ast.parse(hook.read_text(encoding="utf-8"))
        events = [node.name for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("on_")]
        docstring = ast.get_docstring(tree) or ""
        assert events, f"{hook.name} handles no MkDocs event: it belongs in llm_medicine/"
        missing = [event for event in events if f"`{event}`" not in docstring]
        assert not missing, f"{hook.name}: its docstring does not name {missing}"


def test_the_order_of_the_hooks_does_not_matter(run_build, built_site):
    def reverse_hooks(project):
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        hooks = registered_hooks(text)
        reversed_block = "".join(f"  - {hook}\n" for hook in reversed(hooks))
        config.write_text(text.replace("".join(f"  - {hook}\n" for hook in hooks), reversed_block), encoding="utf-8")

    result = run_build(reverse_hooks)
    assert result.returncode == 0, result.output[-3000:]
    pages = sorted(p.relative_to(built_site) for p in built_site.rglob("*.html"))
    assert len(pages) > 20
    _, mismatch, errors = filecmp.cmpfiles(built_site, result.site, [str(p) for p in pages], shallow=False)
    assert not mismatch and not errors, f"pages that differ with the hooks reversed: {mismatch[:10]} {errors[:10]}"


def test_a_language_the_data_is_not_written_in_fails_the_build_by_name():
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    from llm_medicine import languages

    def language(locale, default=False):
        return SimpleNamespace(locale=locale, default=default, build=True)

    config = SimpleNamespace(plugins={"i18n": SimpleNamespace(config=SimpleNamespace(
        languages=[language("en", default=True), language("zh"), language("fr")]))})
    try:
        languages.check(config)
    except PluginError as error:
        assert str(error).startswith("mkdocs.yml: plugins.i18n.languages builds ['en', 'zh', 'fr'], but every text "
                                     "in data/ is written in ['en', 'zh'], translated from 'en'"), str(error)
    else:
        raise AssertionError("a third language passed the check")


def test_an_edited_theme_template_is_used_by_the_next_build_in_the_same_process(tmp_path):
    """Compiled theme templates are kept between builds (and languages) of one process, as under `mkdocs serve`:
    an edit to a template in overrides/ must still reach the next build, in both languages."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from conftest import copy_project

    project = copy_project(tmp_path / "project")

    def build_once() -> None:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()

    build_once()
    main = project / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace(
        "{% block extrahead %}\n", '{% block extrahead %}\n  <meta name="edited-template" content="yes">\n', 1),
        encoding="utf-8")
    build_once()
    for page in ("index.html", "zh/index.html", "zh/models/index.html"):
        assert 'name="edited-template"' in (project / "site" / page).read_text(encoding="utf-8"), page
