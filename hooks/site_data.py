"""Validate `data/` at the start of every build.

MkDocs events:
- `on_startup`: notes whether this is `mkdocs serve` (see `build_state.py`).
- `on_config` (priority 100, before every plugin): loads and validates all data once; a problem stops
  `mkdocs build` before the site folder is touched, so nothing is half-written.
- `on_env` (once per language, after every page is read): gives theme templates `site_ui(key)` (strings from
  data/ui.yml in that language) and the unresolved problems (shown as a banner under `mkdocs serve`).
"""

from __future__ import annotations

import functools
from pathlib import Path

from mkdocs.plugins import event_priority

import build_state
from data_loader import DataError, load_site_data


def on_startup(command: str, dirty: bool) -> None:
    build_state.serving = command == "serve"


@event_priority(100)
def on_config(config):
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        build_state.last_good_data = load_site_data(data_dir)
        build_state.resolved("data")
    except DataError as error:
        if build_state.last_good_data is None or not build_state.keep_going("data", str(error)):
            raise
    return config


def on_env(env, config, files):
    env.globals["site_ui"] = functools.partial(build_state.last_good_data.text, lang=config.theme["language"])
    env.globals["build_problems"] = build_state.problem_banner()
    return env
