"""Validate `data/` at the start of every build, and give the theme templates what they read from it.

MkDocs events:
- `on_startup`: notes whether this is `mkdocs serve` (`llm_medicine/serve_fallback.py`).
- `on_config` (priority 100, before every plugin): starts a build's record of problems for `mkdocs serve`,
  checks that mkdocs.yml builds the languages the data is written in, then loads and validates all data once (`llm_medicine.data.site_data`); a problem stops
  `mkdocs build` before the site folder is touched, so nothing is half-written.
- `on_env` (once per language, after every page is read): gives theme templates `site_ui(key)` (strings from
  data/ui.yml in that language) and the unresolved problems and warnings (shown as a banner under
  `mkdocs serve`, where links to anchors are checked here, early enough for the banner); and keeps the theme's
  compiled templates for the next language's build (`templates.THEME_TEMPLATES`).
"""

from __future__ import annotations

import functools

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from llm_medicine import languages, serve_fallback, templates
from llm_medicine.data import site_data


def on_startup(*, command: str, dirty: bool) -> None:
    serve_fallback.start(command)


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    languages.check(config)
    first_language = languages.current(config) == languages.of_config(config).default
    serve_fallback.begin_build(config, first_language=first_language)
    site_data(config)
    return config


def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = templates.THEME_TEMPLATES
    env.globals["site_ui"] = functools.partial(site_data(config).text, lang=config.theme["language"])
    serve_fallback.check_anchors_now(config, files)
    env.globals["build_problems"] = serve_fallback.problem_banner()
    return env
