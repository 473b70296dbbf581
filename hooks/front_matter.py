"""Every page's front matter parses and holds only keys the site uses (`llm_medicine/front_matter.py`).

MkDocs event: `on_page_markdown` (priority 100, before every other handler of a page's Markdown).

A problem fails the build naming the file and the line. Under `mkdocs serve`, the page's last good version
(its Markdown and its front matter) is used instead, with a banner naming the problem.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from llm_medicine import front_matter, serve_fallback


@event_priority(100)
def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    key = f"docs/{page.file.src_uri} (front matter)"
    try:
        meta = front_matter.check(f"docs/{page.file.src_uri}", page.file.content_string)
    except front_matter.FrontMatterError as error:
        if not serve_fallback.keep_going(key, str(error)):
            raise
        meta, markdown = serve_fallback.last_good(key)
        page.meta = dict(meta)
        return markdown
    serve_fallback.remember(key, (meta, markdown))
    return markdown
