"""The names a Markdown page may call, bound to one page and its language.

A page calls the methods of `PageMacros` (`{{ cite(12) }}`, `{{ params("gpt-3") }}`, `{{ model_cards() }}`);
each renders a template from `overrides/components/` with the validated data and the page's language. An
unknown id or a missing UI string raises `PageMacroError` or `DataError`; the hook `page_macros.py` turns them
into one message naming the page.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlencode

import jinja2
from markupsafe import Markup
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data as get_markdown_meta

from llm_medicine import blocks, chart, data_version, diagram, editions, figures, formatting, languages, results, results_chart
from llm_medicine.link_index import LinkIndexError, link_index_context
from llm_medicine.data import SiteData
from llm_medicine.languages import Languages


class PageMacros:
    """The names a page may call, bound to one page and its language."""

    def __init__(self, data: SiteData, langs: Languages, lang: str, page, files, env: jinja2.Environment,
                 config_extra: dict | None = None):
        self.data, self.lang, self.page, self.files, self.env = data, lang, page, files, env
        self.config_extra = config_extra or {}
        """mkdocs.yml's `extra` (the repository that suggestion links open an issue in)."""
        self.language_root = langs.root(lang)
        """This language's folder from the site root: `""` or `"zh/"`."""
        self.site_name = langs.site_names.get(lang, "")

    # Links -------------------------------------------------------------------------------------------

    def url(self, target: str, anchor: str | None = None) -> str:
        """Relative URL from this page to `target` (a page file name such as `models.md`) in its language."""
        src_uri = posixpath.join(self.lang, target)
        file = self.files.get_file_from_path(src_uri)
        if file is None:
            raise PageMacroError(f"links to '{target}', which has no page in '{self.lang}'")
        href = get_relative_url(file.url, self.page.url)
        return f"{href}#{anchor}" if anchor else href

    def asset(self, path: str) -> str:
        """Relative URL from this page to a file at the site root (theme assets are built once, at the root)."""
        return get_relative_url(path, self.page.url)

    def page_title(self, target: str) -> str:
        """The title of another page in this language: its front matter `title`, else its first heading."""
        file = self.files.get_file_from_path(posixpath.join(self.lang, target))
        if file is None:
            raise PageMacroError(f"names '{target}', which has no page in '{self.lang}'")
        body, meta = get_markdown_meta(file.content_string)
        if meta.get("title"):
            return str(meta["title"])
        heading = re.search(r"^#\s+(.+?)(?:\s*\{[^}]*\})?\s*$", body, flags=re.MULTILINE)
        if heading is None:
            raise PageMacroError(f"'{target}' has neither a title nor a heading")
        return heading.group(1)

    def ui(self, key: str) -> str:
        return self.data.text(key, self.lang)

    def colon(self) -> str:
        """What follows a label: `: ` in English, `：` in Chinese (no space after a full-width colon)."""
        return languages.after_label(self.ui("label-colon"), self.lang)

    # Inline macros -----------------------------------------------------------------------------------

    def cite(self, *numbers: int) -> Markup:
        missing = [n for n in numbers if n not in self.data.references]
        if missing or not numbers:
            raise PageMacroError(f"cite{numbers}: no reference numbered {missing} in data/references.yml")
        return self._component("cite", groups=_consecutive_runs(sorted(numbers)))

    def correction(self, correction_id: str) -> Markup:
        return self._component("correction", correction=self._lookup("corrections", correction_id))

    def model_link(self, model_id: str, label: str | None = None) -> Markup:
        """A link to a model card. `label` is the text shown instead of the card name: in a sentence that reports
        the review, pass the name the review uses ("GPT-3.5", "PubMedBERT"), so the authors are not made to
        name a variant they never named."""
        return self._component("model-link", model=self._lookup("models", model_id), label=label)

    def params(self, model_id: str) -> str:
        return self.format_parameters(self._lookup("models", model_id).parameters)

    def term(self, term_id: str) -> Markup:
        return self._component("term-link", term=self._lookup("glossary", term_id))

    def format_parameters(self, count: float | None) -> str:
        return formatting.format_parameters(count, self.lang, self.ui("parameters-undisclosed"))

    # Components --------------------------------------------------------------------------------------

    def section_cards(self) -> Markup:
        return self._component("section-cards")

    def review_citation(self) -> Markup:
        return self._component("review-citation")

    def print_note(self, key: str) -> Markup:
        """A line shown on paper only (a printed page that leaves out some of the screen's content says so): the UI
        string `key`, its `{link}` replaced by this page's published address (`site_url`; nothing without one)."""
        text = self.ui(key)
        if text.count("{link}") != 1:
            raise PageMacroError(f"print_note('{key}'): the string needs one {{link}}, where the page's address goes")
        if not self.page.canonical_url:
            return Markup("")
        return self._component("print-note", text=text, address=self.page.canonical_url)

    def model_cards(self, since_review: bool = False) -> Markup:
        """The review's models' cards, or (`since_review=True`) those of the models released after the review."""
        return self._block(self._component("model-cards", since_review=since_review))

    def since_review_table(self) -> Markup:
        """A table of the models released after the review, each linked to its card and its primary source."""
        later = sorted((m for m in self.data.models.values() if m.since_review), key=chart.release_order)
        return self._block(self._component("since-review-table", models=later))

    def quote(self, text: str, url: str, lang: str = "en") -> Markup:
        """A primary source's own words (`text`, verbatim, in the source's language `lang`) with its link."""
        if lang not in ("en", "zh") or not url.startswith("https://"):
            raise PageMacroError(f"quote(..., {url!r}, lang={lang!r}): needs an https:// link and lang 'en' or 'zh'")
        return self._component("source-quote", quote={"text": text, "lang": lang, "gloss_zh": None}, quote_href=url,
                               show_where=False)

    def model_quote(self, model_id: str) -> Markup:
        """The excerpt a model's card shows (its `source_quote` in data/models.yml), with its link and place."""
        model = self._lookup("models", model_id)
        if model.source_quote is None:
            raise PageMacroError(f"model_quote('{model_id}'): the model has no source_quote in data/models.yml")
        return self._component("source-quote", quote=model.source_quote, quote_href=model.source.href,
                               show_where=True)

    def tasks_table(self) -> Markup:
        return self._block(self._component("tasks-table"))

    def limitations_list(self) -> Markup:
        return self._block(self._component("limitations-list"))

    def glossary_list(self) -> Markup:
        return self._block(self._component("glossary-list"))

    def benchmarks_list(self) -> Markup:
        by_benchmark = {benchmark_id: results.of_benchmark(self.data, benchmark_id) for benchmark_id in self.data.benchmarks}
        return self._block(self._component("benchmarks-list", results_by_benchmark=by_benchmark))

    def model_results(self, model_id: str) -> list:
        """The results reported for a model (data/results.yml), in the order they were reported."""
        return results.of_model(self.data, model_id)

    def setting_text(self, result) -> str:
        return results.setting_text(result, self.ui, self.lang)

    def score_text(self, result) -> str:
        return results.score_text(result, self.lang, self.ui)

    def series_name(self, result) -> str:
        """`MedQA (USMLE-style, 4 options)`: the benchmark and variant a result is on."""
        benchmark = self.data.benchmarks[result.benchmark]
        return self.ui("series-name").format(benchmark=benchmark.name[self.lang], variant=benchmark.variant(result.variant).name[self.lang])

    def references_list(self) -> Markup:
        return self._block(self._component("references-list"))

    def model_chart(self) -> Markup:
        return self._block(self._component("model-chart", **chart.chart_context(self)) + "\n" + self.figure_citation("figure-2"))

    def scores_chart(self) -> Markup:
        """The site's figure of reported benchmark scores over time (not the review's)."""
        return self._block(self._component("scores-chart", **results_chart.chart_context(self))
                           + "\n" + self.figure_citation("scores"))

    def figure_citation(self, key: str) -> Markup:
        """How to cite a figure (`figure-1`, `figure-2`, `scores`): its data version, whose it is, APA and BibTeX,
        and its zip. Every figure macro ends with it, on its page and on its embed page."""
        figure = figures.BY_KEY.get(key)
        if figure is None:
            raise PageMacroError(f"figure_citation('{key}'): no such figure (figures: {', '.join(figures.BY_KEY)})")
        target = self.url(figure.page, figure.anchor)
        address = (self.site_root + figure.path(self.language_root)) if self.site_root else target
        return self._component(
            "figure-citation", figure=figure,
            c=figures.citation(figure, self.data, self.lang, address, self.site_name),
            changelog_href=self.url("changelog.md", data_version.current(self.data).id),
            zip_href=self.asset(f"{self.language_root}downloads/{figure.download}.zip"))

    @property
    def site_root(self) -> str | None:
        """The published address of the site's root (`site_url`), or None without one."""
        if not self.page.canonical_url:
            return None
        return self.page.canonical_url[: len(self.page.canonical_url) - len(self.page.url)]

    def data_version(self) -> Markup:
        """The data's version and date, linked to its entry in the changelog."""
        release = data_version.current(self.data)
        return self._component("data-version", release=release, href=self.url("changelog.md", release.id),
                               text=self.ui("data-version").format(version=release.version,
                                                                  date=formatting.format_day(release.date, self.lang)))

    _ENTRY_PAGES = {"models": ("models.md", "models", "name"), "results": ("benchmarks.md", "results", None),
                   "benchmarks": ("benchmarks.md", "benchmarks", "name"), "glossary": ("glossary.md", "glossary", "term"),
                   "tasks": ("medical-tasks.md", "tasks", "area"), "families": ("models.md", "families", "name")}

    def data_entry_links(self, refs: list[str]) -> Markup:
        """Links to data entries named as `models.yml:gpt-4`, each to where the site shows it, joined as a list."""
        links = []
        for ref in refs:
            file, _, entry_id = ref.partition(".yml:")
            page = self._ENTRY_PAGES.get(file)
            entry = getattr(self.data, file, {}).get(entry_id) if page else None
            if entry is None:  # a removed entry, or a kind the site has no page for: named, not linked
                links.append(Markup("<code>{}</code>").format(ref))
                continue
            target, _, label_field = page
            if file == "results":
                label = f"{self.data.models[entry.model].label(self.lang)}, {self.series_name(entry)}"
            else:
                value = getattr(entry, label_field)
                label = value if isinstance(value, str) else value[self.lang]
            anchor = entry_id
            if file == "families":  # the family's heading among the review's cards, or else among the later ones
                in_review = any(m.family == entry_id and not m.since_review for m in self.data.models.values())
                anchor = f"{'family' if in_review else 'since-family'}-{entry_id}"
            links.append(Markup('<a href="{}">{}</a>').format(self.url(target, anchor), label))
        return Markup(chart.LIST_SEPARATOR[self.lang]).join(links)

    SUGGEST_FORM = "data.yml"
    """The issue form of .github/ISSUE_TEMPLATE/ that suggestion links open."""
    _SUGGEST_KINDS = {"model": "A missing model / 缺少的模型", "result": "A missing benchmark result / 缺少的基准成绩",
                      "correction": "A correction to an entry / 更正某个条目"}

    def suggest_link(self, kind: str = "model", entry: str | None = None) -> Markup:
        """A link that opens the repository's issue form, prefilled (`kind`: model, result or correction; `entry`:
        the id of the entry to correct), asking for the primary source and its words."""
        if kind not in self._SUGGEST_KINDS:
            raise PageMacroError(f"suggest_link('{kind}'): kind is one of {', '.join(self._SUGGEST_KINDS)}")
        repository = self.config_extra.get("repository")
        if not repository:
            raise PageMacroError("suggest_link(): mkdocs.yml has no extra.repository to open an issue in")
        query = {"template": self.SUGGEST_FORM, "kind": self._SUGGEST_KINDS[kind]}
        if entry:
            query |= {"entry": entry, "title": f"[data] {entry}"}
        return self._component("suggest-link", href=f"{repository}/issues/new?{urlencode(query)}", kind=kind)

    def changelog(self) -> Markup:
        """Every version of the data, newest first, with what changed, why, the entries and their sources."""
        return self._block(self._component("changelog", releases=self.data.changelog))

    def training_diagram(self) -> Markup:
        return self._block(self._component("training-diagram", **diagram.diagram_context(self))
                           + "\n" + self.figure_citation("figure-1"))

    def link_index(self, part: str) -> Markup:
        """Stable links of one kind (sections, models, glossary, tasks, embeds) with copy buttons."""
        try:
            return self._component("link-index", **link_index_context(self, part))
        except LinkIndexError as error:
            raise PageMacroError(str(error)) from None

    def editions(self) -> Markup:
        """The course editions of this build (PDF handouts, offline copy) with size, pages and date; without any
        (a build without `make editions`), a sentence saying where they come from."""
        try:
            available = editions.available()
        except editions.EditionsError as error:
            raise PageMacroError(str(error)) from None
        ordered = sorted(available, key=lambda edition: (edition.kind != "pdf", edition.lang != self.lang))
        return self._component("editions", editions=ordered)

    def format_size(self, size: int) -> str:
        return formatting.format_size(size, self.lang)

    def format_date(self, date) -> str:
        return formatting.format_day(date, self.lang)

    # Plumbing ----------------------------------------------------------------------------------------

    def _lookup(self, collection: str, entry_id: str):
        entries = getattr(self.data, collection)
        if entry_id not in entries:
            raise PageMacroError(f"no entry '{entry_id}' in data/{collection}.yml")
        return entries[entry_id]

    def _component(self, name: str, **values) -> Markup:
        template = self.env.get_template(f"components/{name}.html")
        return Markup(template.render(m=self, data=self.data, lang=self.lang, **values).strip())

    def _block(self, html: Markup) -> Markup:
        """A block a page places on a line of its own: finished HTML that Markdown need not parse (blocks.py)."""
        return blocks.set_aside(self.page, html)

    def namespace(self) -> dict:
        public = [name for name in dir(self) if not name.startswith("_")
                  and name not in {"namespace", "language_root", "site_name", "site_root", "config_extra",
                                   "SUGGEST_FORM"}]
        return {name: getattr(self, name) for name in public}


class PageMacroError(Exception):
    pass


def _consecutive_runs(numbers: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for number in numbers:
        if runs and number == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs
