"""The one schema for everything in `data/`.

Handles no MkDocs event itself: `data.py` validates each file against the models below once per
build, and every hook, template and chart reads the validated objects, never the raw YAML.

Every model forbids unknown fields, so a typo in a key is an error, not a silently ignored value.
Every string a reader sees is a `Text` with both `en` and `zh`; neither may be empty.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (BaseModel, ConfigDict, Field, RootModel, StringConstraints, ValidationInfo, field_validator,
                      model_validator)

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
NOT_YET_CHECKED = "M"
"""The flag of an entry whose numbers no one has checked against a source: no summary may state them."""


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
    form: Literal["text", "image"] = Field(
        default="text", description="image: the source prints it only as a picture of a table, and `text` is the site's "
        "cell-by-cell transcription of that picture (the page says so)")
    gloss_zh: NonEmpty | None = Field(
        default=None, description="an English excerpt's sense in Chinese, the site's own rendering: Chinese pages show "
        "it under the quote, marked as the gist (大意), never as the source's words")

    @property
    def is_table(self) -> bool:
        """Rows of a results table (cells between ` | `, or transcribed from a picture), not a sentence."""
        return self.form == "image" or " | " in self.text

    @model_validator(mode="after")
    def _gloss_is_for_english(self) -> Excerpt:
        if self.gloss_zh is not None and self.lang != "en":
            raise ValueError("gloss_zh is the Chinese gist of an English excerpt; this excerpt is already Chinese")
        return self


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
    qualifier: Text | None = Field(
        default=None, description="what tells this variant from its siblings, shown after the name in brackets "
        "(`abstracts + full text`); names stay as their developers write them, a qualifier is translated")
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

    def label(self, lang: str) -> str:
        """The name a reader sees: `PubMedBERT (abstracts)`, on a Chinese page `PubMedBERT（仅摘要）`."""
        if self.qualifier is None:
            return self.name
        return f"{self.name}（{self.qualifier[lang]}）" if lang == "zh" else f"{self.name} ({self.qualifier[lang]})"

    @field_validator("name")
    @classmethod
    def _name_has_no_description(cls, name: str) -> str:
        # A Chinese page shows the name as it is, so a description in it stays English there.
        if re.search(r"\([^)]*\b[a-z]{3,}\b[^)]*\)", name):
            raise ValueError(f"'{name}' describes the variant in brackets: keep the developer's name in `name` and "
                             "move the description to `qualifier: {en: ..., zh: ...}`")
        return name

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


class ChineseTerm(Strict):
    """One concept's one name on Chinese pages (data/terms.yml); the names it must not go by there."""

    id: Id
    en: NonEmpty = Field(description="the English term, as the English pages write it")
    zh: NonEmpty = Field(description="the name Chinese pages use")
    avoid: list[NonEmpty] = Field(default_factory=list, description="other names for it, kept off Chinese pages "
                                  "(a quotation or a title keeps its own words)")
    why: NonEmpty = Field(description="for editors: where the choice comes from")

    @model_validator(mode="after")
    def _avoid_is_not_the_name(self) -> "ChineseTerm":
        clashing = [form for form in self.avoid if form in self.zh]
        if clashing:
            raise ValueError(f"avoid {clashing} would find the chosen name {self.zh!r} itself")
        return self


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


class PassMark(Strict):
    """An exam's pass mark, drawn on the scores figure only because a primary source states it (in `excerpt`)."""

    score: float = Field(gt=0, le=100, description="in the results' unit (percent correct)")
    label: Text = Field(description="what the mark is and whose it is, short, as the figure's line says it")
    note: Text = Field(description="what the mark is and is not, in full, for the Benchmarks page")
    source: Source
    excerpt: Excerpt

    @model_validator(mode="after")
    def _stated(self) -> PassMark:
        _check_number_in_excerpt(self.score, self.excerpt, "score")
        return self


class BenchmarkVariant(Strict):
    """One form of a benchmark whose scores can be set side by side (MedQA's 4-option USMLE questions...)."""

    id: Id
    name: Text = Field(description="short, after the benchmark's name: 'USMLE, 4 options'")
    language: Literal["en", "zh"] = Field(description="the language of the questions")
    description: Text
    pass_mark: PassMark | None = None


class Benchmark(Strict):
    id: Id
    name: Text = Field(description="a dataset's name is the same in both languages; an exam's is translated")
    description: Text
    size: Text
    source: Source
    verification: Verification
    variants: list[BenchmarkVariant] = Field(default_factory=list, description="the forms its scores are reported on")

    def variant(self, variant_id: str) -> BenchmarkVariant | None:
        return next((variant for variant in self.variants if variant.id == variant_id), None)


Setting = Literal["zero-shot", "few-shot", "chain-of-thought", "self-consistency", "ensemble", "retrieval",
                  "fine-tuned"]
"""How a score was obtained, as its source states it: zero-shot or few-shot (with `shots` examples) prompting,
chain-of-thought, self-consistency (several sampled answers, the most frequent kept), an ensemble (several
prompts or models combined), retrieval or web search, or the model fine-tuned on the benchmark's training split."""

SETTING_CLASSES = ("zero-shot", "few-shot", "combined", "retrieval", "fine-tuned", "not-stated")
"""The figure's marker for a setting, from the least to the most added to the bare model (`Result.setting_class`)."""

_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d])")


def _check_number_in_excerpt(value: float, excerpt: Excerpt, field_name: str) -> None:
    """A figure is published only with the words that state it: `value` must be a number in the excerpt."""
    stated = {Decimal(number) for number in _NUMBER.findall(excerpt.text)}
    if Decimal(repr(value)) not in stated:
        raise ValueError(f"{field_name} {value:g} does not appear in excerpt.text: quote the source's words or "
                         "table row that state it")


class Result(Strict):
    """One benchmark score as one source reported it, with that source's own words (`excerpt`)."""

    id: Id
    model: Id = Field(description="an id in models.yml")
    tested_as: NonEmpty | None = Field(
        default=None, description="the model as the source names it, where that is a particular version or release "
        "of the card's model: 'Codex (code-davinci-002)', 'Qwen2.5-72B-Instruct'")
    benchmark: Id = Field(description="an id in benchmarks.yml")
    variant: Id = Field(description="the id of one of that benchmark's variants")
    score: float = Field(ge=0, le=100, description="as the source prints it, in percent")
    metric: Literal["accuracy", "total-score"] = Field(
        description="accuracy: percent of questions answered correctly; total-score: the exam's total score as the "
        "source's table gives it")
    setting: list[Setting] = Field(description="as the source states it; empty when the source does not say")
    shots: int | None = Field(default=None, ge=1, description="the number of examples in the prompt, when the source "
                              "gives it (few-shot only)")
    setting_quote: NonEmpty | None = Field(default=None, description="the source's own words for the setting, verbatim")
    reported_by: Literal["developer", "independent"] = Field(
        description="developer: the model's own developer wrote the source; independent: anyone else")
    reporter: NonEmpty = Field(description="who wrote the source: 'Nori et al. (Microsoft)'")
    date: ReleaseDate = Field(description="when the source first reported the score (its first version)")
    source: Source
    excerpt: Excerpt
    verification: Literal["V", "V2"] = Field(
        description="V: the excerpt was read in the primary source itself; V2: in a copy of it")
    review_reference: int | None = Field(
        default=None, description="the number of the review's reference that this source is, when the review cites it")
    note: Text | None = None

    _check_date = field_validator("date", mode="before")(_parse_release)

    # Field validators, so that a message names the field an editor must open: each reads the fields declared
    # before it (pydantic validates in the order of declaration).
    @field_validator("setting")
    @classmethod
    def _setting_is_consistent(cls, setting: list[str]) -> list[str]:
        if {"zero-shot", "few-shot"} <= set(setting):
            raise ValueError("setting cannot be both zero-shot and few-shot")
        if len(set(setting)) != len(setting):
            raise ValueError("setting lists a value twice")
        return setting

    @field_validator("shots")
    @classmethod
    def _shots_are_few_shot(cls, shots: int | None, info: ValidationInfo) -> int | None:
        if shots is not None and "few-shot" not in info.data.get("setting", []):
            raise ValueError("shots is given but setting has no few-shot: shots is the number of examples in a "
                             "few-shot prompt")
        return shots

    @field_validator("source")
    @classmethod
    def _source_is_primary(cls, source: Source) -> Source:
        if source.href is None:
            raise ValueError("needs a link to the primary source (arxiv, doi or url)")
        host = source.href.split("/")[2]
        if any(host == name or host.endswith("." + name) for name in NOT_PRIMARY_HOSTS):
            raise ValueError(f"{source.href} is a mirror or summary, not a primary source: cite the paper (arXiv "
                             "id or DOI), the developer's repository, model card or announcement")
        return source

    @field_validator("excerpt")
    @classmethod
    def _score_is_in_its_excerpt(cls, excerpt: Excerpt, info: ValidationInfo) -> Excerpt:
        if "score" in info.data:
            _check_number_in_excerpt(info.data["score"], excerpt, "score")
        if excerpt.lang == "en" and not excerpt.is_table and excerpt.gloss_zh is None:
            raise ValueError("an English excerpt that is not a table needs gloss_zh, its sense in Chinese: Chinese "
                             "pages show it under the quote, marked as the gist (大意)")
        return excerpt

    @property
    def setting_class(self) -> str:
        """The figure's marker: what most changes a score, of what the setting adds to the bare model."""
        setting = set(self.setting)
        if "fine-tuned" in setting:
            return "fine-tuned"
        if "retrieval" in setting:
            return "retrieval"
        if setting & {"self-consistency", "ensemble"}:
            return "combined"
        if "few-shot" in setting:
            return "few-shot"
        if "zero-shot" in setting:
            return "zero-shot"
        return "not-stated"

    @property
    def series(self) -> str:
        """The benchmark and variant, as the figure's selector and the address name them: `medqa/usmle-4-option`."""
        return f"{self.benchmark}/{self.variant}"


class Reference(Strict):
    """One entry of the reconstructed reference list (FACTS.md section 5)."""

    number: int = Field(ge=1)
    cited_for: Text
    citation: NonEmpty | None = Field(default=None, description="null when the target is unknown")
    candidate: NonEmpty | None = Field(
        default=None, description="a plausible work when the target is unknown (confidence L), shown as a guess")
    url: Url | None = None
    confidence: Literal["H", "Med-H", "Med", "L-Med", "L", "unknown"]
    verification: Literal["V", "V2", "M", "none"]

    @model_validator(mode="after")
    def _a_candidate_is_a_guess(self):
        if self.candidate and (self.citation or self.confidence != "L"):
            raise ValueError("candidate is for an unknown target guessed at low confidence: no citation, "
                             "confidence L")
        return self

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


DataRef = Annotated[str, StringConstraints(pattern=r"^[a-z_]+\.yml:[a-z0-9]+(?:-[a-z0-9]+)*$")]
"""An entry of a data file: `models.yml:huatuogpt-ii-34b`."""


class Change(Strict):
    """One change to the data, said for a reader: what, why, which entries, and the sources behind it."""

    kind: Literal["added", "corrected", "changed", "removed"]
    summary: Text
    why: Text | None = None
    entries: list[DataRef] = Field(default_factory=list, description="the entries changed (their own sources count)")
    sources: list[Source] = Field(default_factory=list)

    @model_validator(mode="after")
    def _sourced(self) -> Change:
        if not self.entries and not self.sources:
            raise ValueError("a change needs its sources: list the entries it changed (entries), whose sources the "
                             "data holds, or the sources themselves (sources)")
        return self


class Release(Strict):
    """One version of the data (data/changelog.yml, newest first): what changed in it, when, and why."""

    version: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+$")]
    date: dt.date
    data_hash: Annotated[str, StringConstraints(pattern=r"^(?:[0-9a-f]{12})?$")] = Field(
        description="the fingerprint of the data files when this version was recorded; empty in a new entry until "
        "scripts/data-version.py --stamp fills it in")
    changes: list[Change] = Field(min_length=1)

    @property
    def id(self) -> str:
        """The version as an anchor and an entry id: `v1-2`."""
        return "v" + self.version.replace(".", "-")

    @property
    def number(self) -> tuple[int, int]:
        major, minor = self.version.split(".")
        return int(major), int(minor)


UiString = Text


class TranslationRecords(RootModel[dict[str, dict[str, Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")]]]]):
    """`data/translation-status.yml`: for each data file, each entry's English texts' hash when last translated."""
