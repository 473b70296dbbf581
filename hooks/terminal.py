"""Keep the terminal to what an editor needs (`llm_medicine/terminal.py`).

MkDocs events: `on_startup` (once per `mkdocs build` or `mkdocs serve`, before the language plugin reports).
"""

from __future__ import annotations

from llm_medicine import terminal


def on_startup(*, command: str, dirty: bool) -> None:
    terminal.quiet_language_plugin()
