"""A failed `mkdocs build` leaves the site folder as it was: nothing half-written.

MkDocs events:
- `on_startup`: active for `mkdocs build` and `gh-deploy` (`mkdocs serve` has its own temporary folder).
- `on_config` (lowest priority, after every plugin): the build writes into `<site_dir>.partial` instead.
- `on_build_error`: the partial folder is removed; the real one was never touched.
- `on_shutdown`: after a build that succeeded, strict mode included (its warnings abort the build after
  `on_post_build`, so only `on_shutdown` knows), the partial folder replaces the real one.

MkDocs cleans the site folder before it renders a single page, so without this an error found while rendering
(a broken page template, a missing translation, a strict-mode warning) would leave an empty or partial site.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

_state = {"active": False, "final": None, "partial": None, "failed": False}


def on_startup(*, command: str, dirty: bool) -> None:
    _state.update(active=command in ("build", "gh-deploy"), final=None, partial=None, failed=False)


@event_priority(-1000)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not _state["active"]:
        return config
    if _state["partial"] is None:
        final = Path(config.site_dir)
        partial = final.with_name(final.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        _state.update(final=final, partial=partial)
    config.site_dir = str(_state["partial"])
    return config


def on_build_error(*, error: Exception) -> None:
    if _state["active"]:
        _state["failed"] = True


def on_shutdown() -> None:
    final, partial = _state["final"], _state["partial"]
    if not _state["active"] or partial is None:
        return
    if _state["failed"] or not partial.exists():
        shutil.rmtree(partial, ignore_errors=True)
        return
    previous = final.with_name(final.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if final.exists():
        final.rename(previous)
    partial.rename(final)
    shutil.rmtree(previous, ignore_errors=True)
