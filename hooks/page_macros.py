"""Render every Markdown page as a Jinja template, so prose can show data from `data/`.

MkDocs events:
- `on_page_markdown`, after mkdocs-static-i18n has picked the page's language: renders the page;
- `on_page_content` at priority 100, before any plugin reads the page's HTML (the search index among them): puts
  back the finished blocks (cards, tables, figures) the page set aside while Markdown converted the rest
  (`llm_medicine/blocks.py`).

The names a page may call are the methods of `llm_medicine.macros.PageMacros`. An unknown id, a missing UI
string or a template error fails the build naming the file to open and its line (the component template in
`overrides/components/` when the error is in one, with the page that called it) and the problem, in words;
under `mkdocs serve` the page's last good version is shown instead, with a banner.
"""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs.plugins import event_priority

from llm_medicine import blocks, front_matter, languages, serve_fallback, templates
from llm_medicine.data import DataError, site_data
from llm_medicine.macros import PageMacroError, PageMacros


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    key = page.file.src_uri
    blocks.start(page)
    env = templates.environment(templates.overrides_dir(config))
    macros = PageMacros(site_data(config), languages.of_config(config), languages.of_page(page, config), page, files,
                        env, config.extra)
    try:
        rendered = env.from_string(markdown).render(macros.namespace())
    except jinja2.TemplateSyntaxError as error:
        problem = f"{where(error, page)}: template syntax error: {error.message}"
    except jinja2.UndefinedError as error:
        problem = f"{where(error, page)}: template error: {error.message}"
    except (PageMacroError, DataError, jinja2.TemplateError) as error:
        problem = f"{where(error, page)}: {error}"
    except TypeError as error:  # a macro called with the wrong arguments: `{{ cite() }}`, `{{ term(1, 2, 3) }}`
        problem = f"{where(error, page)}: {error}"
    else:
        # The rendered Markdown refers to the blocks set aside while rendering it: they are kept together.
        serve_fallback.remember(key, (rendered, blocks.of(page)))
        return rendered
    if serve_fallback.keep_going(key, problem):
        rendered, saved = serve_fallback.last_good(key)
        blocks.put_back(page, saved)
        return rendered
    raise PluginError(problem)


def where(error: Exception, page: Page) -> str:
    return templates.location(error, f"docs/{page.file.src_uri}", front_matter.body_line(page.file.content_string))


@event_priority(100)
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return blocks.restore(html, page)
