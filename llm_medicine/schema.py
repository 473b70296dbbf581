"""The one schema for everything in `data/`.

Handles no MkDocs event itself: `data.py` validates each file against the models below once per
build, and every hook, template and chart reads the validated objects, never the raw YAML.

Every model forbids unknown fields, so a typo in a key is an error, not a silently ignored value.
Every string a reader sees is a `Text` with both `en` and `zh`; neither may be empty.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, StringConstraints, field_validator, model_validator

LANGUAGES = ("en", "zh")
"""The languages every reader-facing text is written in; mkdocs.yml must build exactly these."""
SOURCE_LANGUAGE = LANGUAGES[0]
"""The language the others are translated from: the site's default language."""

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=1, max_length=60)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
PageAnchor = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+\.md#[a-z0-9-]+$")]
"""A section of a page, as `how-llms-are-built.md#fine-tuning`."""
Url = Annotated[str, StringConstraints(pattern=r"^https://[^\s<>\"']+$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Text(Strict):
    """A reader-facing string in both languages."""

    en: NonEmpty
    zh: NonEmpty

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


class Source(Strict):
    """A citable primary source."""

    title: NonEmpty
    authors: NonEmpty | None = None
    venue: NonEmpty | None = None
    year: int = Field(ge=1900, le=2100)
    url: Url | None = None
    doi: Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")] | None = None
    arxiv: Annotated[str, StringConstraints(pattern=r"^\d{4}\.\d{4,5}$")] | None = None

    @property
    def href(self) -> str | None:
        if self.url:
            return self.url
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.arxiv:
            return f"https://arxiv.org/abs/{self.arxiv}"
        return None


Verification = Literal["V", "V2", "M", "I"]
"""FACTS.md flags: V checked against a primary source, V2 through a secondary one, M not yet checked,
I an inference from the review's own text."""


class Family(Strict):
    id: Id
    name: Text
    description: Text


Architecture = Literal["encoder", "decoder", "multimodal", "encoder-kg", "undisclosed"]
Domain = Literal["general", "biomedical", "clinical", "medical"]


REVIEW_CUTOFF = dt.date(2023, 9, 1)
"""The review's Figure 2 stops in August 2023; a model released from September 2023 on is after the review."""

NOT_PRIMARY_HOSTS = ("wikipedia.org", "paperswithcode.com", "semanticscholar.org", "medium.com", "scholar.google.com",
                     "researchgate.net", "alphaxiv.org")
"""Mirrors and summaries: never a model's source (a developer's own model card on a hosting site is one)."""

_COUNT = re.compile(r"^\s*(?P<number>\d+(?:\.\d+)?)\s*[- ]?(?P<unit>trillion|billion|million|[TBMtbm]|万亿|亿|万)\s*$")
_UNITS = {"t": 1e12, "trillion": 1e12, "万亿": 1e12, "b": 1e9, "billion": 1e9, "亿": 1e8, "m": 1e6, "million": 1e6,
          "万": 1e4}


def parse_parameter_count(text: str) -> tuple[float, float] | None:
    """`"70B"` -> (70e9, 0.5e9): the count a source states and half its last digit (how far it may be rounded)."""
    match = _COUNT.match(text)
    if match is None:
        return None
    number, unit = match["number"], _UNITS[match["unit"].lower()]
    decimals = len(number.partition(".")[2])
    return float(number) * unit, 0.5 * 10 ** -decimals * unit


def _rounds_to(value: float, stated: tuple[float, float]) -> bool:
    count, tolerance = stated
    return abs(value - count) <= tolerance * 1.0001


class Excerpt(Strict):
    """A short verbatim excerpt of a source, in the source's own language."""

    text: NonEmpty
    lang: Literal["en", "zh"]
    where: NonEmpty = Field(description="where in the source: Abstract, README, model card, Section 2...")


class ReleaseDate(Strict):
    """A release date as precise as the source gives it: year and month, day when known."""

    year: int = Field(ge=2010, le=2100)
    month: int = Field(ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)

    @model_validator(mode="after")
    def _real_date(self) -> ReleaseDate:
        dt.date(self.year, self.month, self.day or 1)
        return self

    @property
    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")

    @property
    def as_date(self) -> dt.date:
        return dt.date(self.year, self.month, self.day or 15)


def _parse_release(value: object) -> object:
    """Accept `2022-12` or `2022-12-14` (YAML may already have made the latter a date)."""
    if isinstance(value, dt.date):
        return {"year": value.year, "month": value.month, "day": value.day}
    if isinstance(value, str):
        match = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value.strip())
        if not match:
            raise ValueError(f"expected a date like 2022-12 or 2022-12-14, got {value!r}")
        year, month, day = match.groups()
        return {"year": int(year), "month": int(month), "day": int(day) if day else None}
    return value


class Model(Strict):
    """One model variant, as in FACTS.md section 2.1 (one row per variant)."""

    id: Id
    name: NonEmpty
    family: Id
    developer: Text
    architecture: Architecture
    domain: Domain
    released: ReleaseDate
    release_note: Text | None = None
    parameters: float | None = Field(default=None, gt=0, description="parameter count; null when undisclosed")
    parameters_disclosed: bool
    parameters_note: Text | None = None
    corpus: Text
    summary: Text
    source: Source
    verification: Verification
    named_in_review: bool = Field(default=False, description="the review (text or Figure 2) names this very variant")
    since_review: bool = Field(
        default=False,
        description="released after the review's cut-off (August 2023): the site's later layer, never the review's",
    )
    review_name: NonEmpty | None = Field(
        default=None,
        description="when the review names the model or its family but not this variant: the name it uses "
        "(the card then says the variant is the site's choice)",
    )
    notes: list[Id] = Field(default_factory=list, description="ids in corrections.yml")
    source_quote: Excerpt | None = Field(default=None, description="the primary source's own words on the size")
    parameters_quoted: NonEmpty | None = Field(
        default=None, description="the exact part of source_quote.text that states the size, as `70B` or `70亿`")
    parameters_active: float | None = Field(
        default=None, gt=0, description="mixture-of-experts models: the parameters used for each token")
    built_on: list[Id] = Field(default_factory=list, description="ids in models.yml this model was trained from")

    _check_release = field_validator("released", mode="before")(_parse_release)

    # First: an undisclosed size given a number is the more basic mistake, whatever its excerpt says.
    @model_validator(mode="after")
    def _size_is_honest(self) -> Model:
        if self.parameters_disclosed and self.parameters is None:
            raise ValueError("parameters_disclosed is true but parameters is empty: give the disclosed count")
        if not self.parameters_disclosed and self.parameters is not None:
            raise ValueError(
                "parameters is set but parameters_disclosed is false: an undisclosed size must be null"
            )
        if self.parameters is None and self.parameters_note is None:
            raise ValueError("an undisclosed size needs parameters_note saying why it is unknown")
        return self

    @model_validator(mode="after")
    def _size_is_in_its_source(self) -> Model:
        if self.since_review:
            if self.source_quote is None:
                raise ValueError("a model from after the review needs source_quote: its primary source's own words "
                                 "stating the size (or that it is not disclosed)")
            if self.source.href is None:
                raise ValueError("a model from after the review needs a primary source with a link (source.url, "
                                 "source.arxiv or source.doi)")
            host = self.source.href.split("/")[2]
            if any(host == name or host.endswith("." + name) for name in NOT_PRIMARY_HOSTS):
                raise ValueError(f"source {self.source.href} is a mirror or summary, not a primary source: cite the "
                                 "paper (arXiv id or DOI), the developer's repository, model card or announcement")
            if self.named_in_review:
                raise ValueError("named_in_review and since_review cannot both be true")
            if self.released.as_date < REVIEW_CUTOFF:
                raise ValueError(f"since_review is true but released is {self.released.iso}, before the review's "
                                 f"cut-off ({REVIEW_CUTOFF:%Y-%m})")
        if self.parameters_quoted is None:
            if self.source_quote is not None and self.parameters is not None:
                raise ValueError("source_quote is given with a disclosed size: add parameters_quoted, the part of "
                                 "the excerpt that states it")
            return self
        if self.source_quote is None or self.parameters_quoted not in self.source_quote.text:
            raise ValueError(f"parameters_quoted {self.parameters_quoted!r} does not appear in source_quote.text")
        stated = parse_parameter_count(self.parameters_quoted)
        if stated is None or self.parameters is None or not _rounds_to(self.parameters, stated):
            raise ValueError(f"parameters_quoted {self.parameters_quoted!r} does not state parameters "
                             f"({self.parameters:g})" if self.parameters else "parameters_quoted needs parameters")
        return self


class GlossaryTerm(Strict):
    id: Id
    term: Text
    abbreviation: NonEmpty | None = None
    definition: Text
    origin: Literal["review", "reconstructed", "editorial"] = Field(
        description="review: the authors' definition; reconstructed: the review's definition with lost words "
        "restored in brackets; editorial: written for this site because the source text lost it"
    )
    related: list[Id] = Field(default_factory=list)
    section: PageAnchor | None = Field(default=None, description="the section that explains it")
    matches: dict[Literal["en", "zh"], list[NonEmpty]] = Field(
        description="surface forms whose first use on a page gets the definition as a tooltip"
    )

    @field_validator("matches")
    @classmethod
    def _both_languages(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        missing = [lang for lang in LANGUAGES if not value.get(lang)]
        if missing:
            raise ValueError(f"needs at least one form for {' and '.join(missing)}")
        return value


class Task(Strict):
    """One row of the review's Table 1."""

    id: Id
    area: Text
    examples: list[Text] = Field(min_length=1)
    pitfall: Text
    pitfall_detail: Text
    mitigations: list[Text] = Field(min_length=1)
    limitations: list[Id] = Field(default_factory=list)
    notes: list[Id] = Field(default_factory=list)


class Limitation(Strict):
    id: Id
    title: Text
    summary: Text
    in_source: bool = Field(description="false when the available text of the review ends before this section")
    section: PageAnchor | None = None
    tasks: list[Id] = Field(default_factory=list)


class StageMethod(Strict):
    label: Text
    glossary: Id | None = None


class TrainingStage(Strict):
    id: Id
    order: int = Field(ge=1)
    name: Text
    definition: Text
    supervision: Text
    inputs: list[Text] = Field(min_length=1)
    methods: list[StageMethod] = Field(default_factory=list)
    output: Text
    examples: list[Text] = Field(default_factory=list)
    glossary: Id
    section: NonEmpty = Field(description="anchor on the how-llms-are-built page")


class BenchmarkResult(Strict):
    model: Id
    score: float = Field(ge=0, le=100)
    metric: Text
    source: NonEmpty = Field(description="who reported it, e.g. Singhal et al. 2023")
    verification: Verification


class Benchmark(Strict):
    id: Id
    name: NonEmpty
    description: Text
    size: Text
    source: Source
    verification: Verification
    results: list[BenchmarkResult] = Field(default_factory=list)


class Reference(Strict):
    """One entry of the reconstructed reference list (FACTS.md section 5)."""

    number: int = Field(ge=1)
    cited_for: Text
    citation: NonEmpty | None = Field(default=None, description="null when the target is unknown")
    url: Url | None = None
    confidence: Literal["H", "Med-H", "Med", "L-Med", "L", "unknown"]
    verification: Literal["V", "V2", "M", "none"]

    @property
    def id(self) -> str:
        return f"ref-{self.number}"


class Correction(Strict):
    """A statement of the review that sources contradict (FACTS.md 2.3): kept, with a sourced note."""

    id: Id
    claim: Text
    note: Text
    sources: list[Source] = Field(min_length=1)


class Review(Strict):
    """The review itself: title, authors, where it was published; citations are built from these fields."""

    title: Text = Field(description="the title as the preprint gives it, and its Chinese translation")
    journal_title: NonEmpty = Field(description="the article's title in the journal, which adds a subtitle")
    journal: NonEmpty
    journal_abbreviation: NonEmpty
    year: int = Field(ge=2023, le=2100)
    volume: int = Field(ge=1)
    issue: int = Field(ge=1)
    pages: Annotated[str, StringConstraints(pattern=r"^\d+-\d+$")]
    doi: Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")]
    arxiv: Annotated[str, StringConstraints(pattern=r"^\d{4}\.\d{4,5}$")]
    arxiv_date: dt.date
    pmid: NonEmpty
    epub_date: dt.date
    authors: list[Author] = Field(min_length=1)
    affiliations: list[Affiliation] = Field(min_length=1)


class Author(Strict):
    given: NonEmpty
    family: NonEmpty
    affiliations: list[int] = Field(min_length=1)
    co_first: bool = False

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def initials(self) -> str:
        return " ".join(f"{part[0]}." for part in self.given.replace(".", " ").split())

    @property
    def bibtex_name(self) -> str:
        return f"{self.family}, {self.given}"


class Affiliation(Strict):
    number: int = Field(ge=1)
    name: Text


Review.model_rebuild()


UiString = Text


class TranslationRecords(RootModel[dict[str, dict[str, Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")]]]]):
    """`data/translation-status.yml`: for each data file, each entry's English texts' hash when last translated."""
