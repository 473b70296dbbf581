"""Every page is UTF-8 text whose front matter parses and holds only keys the site uses
(`llm_medicine/front_matter.py`); MkDocs would publish front matter it cannot parse as text.

MkDocs event: `on_files` (priority -200: after mkdocs-static-i18n has picked this language's pages, before any
page is read; a page's macros read other pages' titles).

Every problem in this language's pages is reported together, each naming the file and the line, and the build
fails. Under `mkdocs serve`, a page with a problem is read from its last good version instead (front matter
included), with a banner naming the problem.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from llm_medicine import front_matter, serve_fallback


@event_priority(-200)
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    problems = []
    for file in files.documentation_pages():
        path = f"docs/{file.src_uri}"
        key = f"{path} (source)"
        try:
            text = front_matter.read(path, file.content_bytes)
        except front_matter.PageSourceError as error:
            if serve_fallback.keep_going(key, str(error)):
                file.content_string = serve_fallback.last_good(key)
            else:
                problems.extend(str(error).splitlines())
            continue
        serve_fallback.remember(key, text)
    if problems:
        count = len(problems)
        raise front_matter.PageSourceError(f"{count} problem{'s' if count > 1 else ''} in docs/:\n  "
                                           + "\n  ".join(problems))
    return files
