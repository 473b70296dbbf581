"""The site's figures as things to cite and download: where each one lives, whose it is, and its data files.

Handles no MkDocs event. `PageMacros.figure_citation()` renders `components/figure-citation.html` under each
figure (and on its embed page); `downloads.figure_downloads()` writes each figure's CSV, JSON and zip (with a README
and a CITATION.cff from `overrides/downloads/`), all from the entries here.

- Figures 1 and 2 are the review's, redrawn: their citations credit the review, whose content they are. The scores
  figure is the site's own: its citation credits the site, and says the review is not its source.
- A figure's address is its stable link (page and anchor), the same in both languages but for the language folder.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from llm_medicine import data_version, formatting

SITE_AUTHOR = "LLMs in Medicine contributors"
LICENSE = "CC-BY-4.0"


@dataclass(frozen=True)
class Figure:
    key: str
    """`figure-1`, `figure-2`, `scores`: the UI strings' suffix (`figure-title-figure-2`) and the citation key."""
    download: str
    """The name of its data files under downloads/: `model-sizes` gives model-sizes.csv, .json and .zip."""
    page: str
    anchor: str
    of_review: bool
    """Redrawn from the review (its content is the review's), or the site's own."""

    def path(self, lang_root: str) -> str:
        """From the site's root: `zh/current-llms/#figure-2`."""
        return f"{lang_root}{posixpath.splitext(self.page)[0]}/#{self.anchor}"


FIGURES = (
    Figure("figure-1", "training-stages", "how-llms-are-built.md", "figure-1", of_review=True),
    Figure("figure-2", "model-sizes", "current-llms.md", "figure-2", of_review=True),
    Figure("scores", "benchmark-results", "exam-scores.md", "scores-figure", of_review=False),
)
BY_KEY = {figure.key: figure for figure in FIGURES}


def citation(figure: Figure, data, lang: str, address: str, site_name: str) -> dict:
    """What a citation of the figure says, in `lang`: the templates (`overrides/partials/figure-citation.j2`) word it
    as APA and BibTeX."""
    release = data_version.current(data)
    text = lambda key: data.text(key, lang)  # noqa: E731
    review = data.review
    return {
        "author": SITE_AUTHOR, "year": release.date.year, "title": text(f"figure-title-{figure.key}"),
        "site": site_name, "medium": text("figure-medium"), "version": release.version,
        "version_date": release.date.isoformat(),
        "version_text": text("data-version").format(version=release.version,
                                                     date=formatting.format_day(release.date, lang)),
        "address": address, "key": f"llmmedicine{release.date.year}{figure.key.replace('-', '')}",
        "of_review": figure.of_review, "redrawn": text("figure-redrawn-from"),
        "version_label": text("figure-version-label"), "review_note": text("figure-review-note"),
        "review_apa": "".join(
            ("" if index == 0 else ", & " if index == len(review.authors) - 1 else ", ")
            + f"{author.family}, {author.initials}" for index, author in enumerate(review.authors))
        + f" ({review.year})",
        "review_short": f"{review.authors[0].family} et al. ({review.year})",
        "review_doi": review.doi,
    }
