"""What the site's MkDocs hooks share: the data, its schema and loader, and what is drawn from it.

The hooks in `hooks/` (the only modules `mkdocs.yml` registers) are thin entry points; each calls into this
package. Data flows one way:

    data/*.yml --data.load_site_data (schema.py, cached)--> data.site_data(config) --> every hook
                                                                  |
                         serve_fallback: under `mkdocs serve`, the last good data when an edit is bad

- `languages`: the site's languages, read from mkdocs-static-i18n's configuration.
- `schema`, `data`: the one schema and the one loader of `data/`.
- `front_matter`: what a page's source may be (UTF-8, front matter that parses, only the keys the site uses).
- `templates`, `macros`: the Jinja environment and the names a page may call (`{{ params("gpt-3") }}`).
- `chart`, `chart_geometry`, `diagram`, `downloads`, `link_index`, `glossary_links`: Figure 2 (its one figure
  definition, drawn at build time and by Plotly), Figure 1, the chart's data files, the Stable links page, the
  glossary tooltips.
- `front_matter`: the keys a page's front matter may hold, checked for every page.
- `editions`, `edition_build`, `handout`, `printing`: the course editions (`make editions`): the PDF handouts
  and the offline copy, and the list of them the pages show.
- `static_server`: a built site on a local static file server (the handouts print from it; the tests and
  benchmarks load pages from it).
- `formatting`: numbers and dates in each language (Babel).
- `translation_report`: which Chinese texts may be out of date.
- `search_words`: the site's own Chinese terms, taught to the search's word splitter (jieba).
- `serve_fallback`: what `mkdocs serve` keeps from the last good build while an edit is broken.
- `terminal`: what a build prints (the language plugin's running commentary only with `-v`).
"""
