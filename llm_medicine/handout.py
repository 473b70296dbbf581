"""The PDF handout of one language: a cover, then the review's pages as the site prints them, numbered through.

Handles no MkDocs event; `scripts/editions.py` (`make editions`) calls `make_handout()` with a built site served
on 127.0.0.1 (`llm_medicine/printing.py`).

- Each page is printed by Chromium from the built site with the site's print stylesheet (print.css), so the
  handout is what a reader's "Save as PDF" gives, and improves with it. Links inside the site are rewritten to
  the published address (`site_url`) before printing, so no link in the PDF points at the local server.
- The cover (overrides/editions/cover.html) carries the review's citation as the home page gives it, the
  contents with first pages, and the site's address and the date.
- A page's last printed page is never a line or two on its own: when it is under `MIN_LAST_PAGE_FILL` full, the
  page is printed again a little smaller (`REFIT_SCALES`), and the first print that takes one page fewer is kept.
- Page numbers: Chromium numbers each printed document from 1, so a separate print of as many blank pages
  with the running foot (overrides/editions/footer.html as `footerTemplate`) is laid over the merged pages
  (pypdf), and the numbers run through the whole handout. Chromium's outline of each page's headings becomes
  the PDF's bookmarks.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from llm_medicine import data_version, formatting, languages
from llm_medicine.printing import A4, MARGIN, Printer, last_page_fill

SECTIONS = ("introduction", "how-llms-are-built", "current-llms", "medical-tasks", "limitations", "glossary",
            "references")
"""The review's pages in order, then the glossary and the references (Figures 1 and 2, Table 1 and the editor's
notes are on these pages)."""

MIN_LAST_PAGE_FILL = 0.25
REFIT_SCALES = (0.96, 0.92)
"""Chromium's print scale for a page whose last page would be nearly blank: up to 8% smaller, no more, so that every
page of the handout reads at about the same size."""

# Run in each page before printing: links into the site (same origin) point at the published site instead, and
# are marked so that print.css does not print their (long, internal) address after them.
PUBLISH_LINKS = """([origin, published]) => {
  for (const link of document.querySelectorAll("a[href], a[*|href]")) {  // HTML links and Figure 1's SVG links
    const attribute = link.hasAttribute("href") ? "href" : "xlink:href";
    const target = new URL(link.getAttribute(attribute), document.baseURI);
    if (target.origin !== origin) continue;
    link.setAttribute(attribute, published + target.pathname.replace(/^\\//, "") + target.search + target.hash);
    link.classList.add("edition-internal");
  }
}"""


@dataclass
class Section:
    slug: str
    title: str
    pages: int
    first_page: int = 0


@dataclass
class Handout:
    lang: str
    pdf: bytes
    sections: list[Section]

    @property
    def pages(self) -> int:
        return sum(section.pages for section in self.sections) + 1


def make_handout(printer: Printer, env, data, lang: str, root: str, site_url: str, site_name: str,
                 made: dt.date) -> Handout:
    """`root` is the language's folder in the site (`""` or `"zh/"`), `site_url` the published site's root address;
    `env` the Jinja environment of overrides/."""
    from pypdf import PdfReader, PdfWriter

    ui = lambda key: data.text(key, lang)  # noqa: E731
    printed, sections = [], []
    for slug in SECTIONS:
        page = printer.open(f"{root}{slug}/")
        page.evaluate(PUBLISH_LINKS, [printer.base_url.rstrip("/"), site_url])
        title = page.locator("article h1").first.inner_text().strip().rstrip("¶").strip()
        pdf = _print_without_a_near_blank_end(page)
        printed.append(pdf)
        sections.append(Section(slug, title, len(PdfReader(io.BytesIO(pdf)).pages)))
    next_page = 2
    for section in sections:
        section.first_page, next_page = next_page, next_page + section.pages

    citation = printer.open(root).locator("#cite-apa").inner_text().strip()
    separator = ui("edition-author-separator") + (" " if languages.writes_words_apart(lang) else "")
    cover_html = env.get_template("editions/cover.html").render(
        lang=lang, ui=ui, colon=languages.after_label(ui("label-colon"), lang), title=data.review.title[lang],
        site_name=site_name,
        authors=separator.join(author.name for author in data.review.authors), sections=sections,
        citation=citation, site_url=site_url + root, made=formatting.format_day(made, lang),
        version=ui("data-version").format(version=data_version.current(data).version,
                                          date=formatting.format_day(data_version.current(data).date, lang)))
    cover = printer.print_html(cover_html, margin={"top": "0", "bottom": "0", "left": "0", "right": "0"},
                               prefer_css_page_size=True)

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(cover)), import_outline=False)
    for section, pdf in zip(sections, printed):
        start = len(writer.pages)
        writer.append(PdfReader(io.BytesIO(pdf)), import_outline=False)
        writer.add_outline_item(title=section.title, page_number=start)
    total = len(writer.pages)
    footer = env.get_template("editions/footer.html").render(ui=ui, site_name=site_name, title=data.review.title[lang])
    numbers = PdfReader(io.BytesIO(printer.print_html(
        env.get_template("editions/blank-pages.html").render(count=total), margin=MARGIN,
        display_header_footer=True, header_template="<span></span>", footer_template=footer)))
    for index in range(1, total):
        writer.pages[index].merge_page(numbers.pages[index])
        writer.pages[index].compress_content_streams()  # merging leaves the page's drawing uncompressed
    writer.add_metadata({"/Title": f"{data.review.title[lang]} · {site_name}", "/Author": site_name,
                         "/Subject": ui("edition-cover-kicker"), "/Lang": lang})
    writer.page_mode = "/UseOutlines"
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    out = io.BytesIO()
    writer.write(out)
    return Handout(lang, out.getvalue(), sections)


def _print_without_a_near_blank_end(page) -> bytes:
    from pypdf import PdfReader

    pdf = page.pdf(**A4, margin=MARGIN)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    if pages == 1 or last_page_fill(pdf) >= MIN_LAST_PAGE_FILL:
        return pdf
    for scale in REFIT_SCALES:
        smaller = page.pdf(**A4, margin=MARGIN, scale=scale)
        if len(PdfReader(io.BytesIO(smaller)).pages) < pages:
            return smaller
    return pdf
