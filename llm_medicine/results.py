"""Benchmark results (data/results.yml): the series the scores figure can show, each model's results, how a
result's setting and reporter read, and the rows of the results' downloads.

Handles no MkDocs event: the figure (`results_chart.py`), the Benchmarks page and the model cards
(`macros.PageMacros`) and the downloads hook (`chart_downloads.py`) all read results through these functions, so
each reads the same entries in the same order.

- A series is one variant of one benchmark (MedQA's 4-option USMLE questions): scores on two variants are never
  drawn on one axis. Only variants with at least one result are series.
- Results are ordered by the date their source reported them, then by score (highest first), then by id.
- A setting reads as the source states it, in the page's language ("5-shot, chain-of-thought"); a result whose
  source gives no setting says so, never nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from llm_medicine import chart, formatting
from llm_medicine.schema import REVIEW_CUTOFF, Benchmark, BenchmarkVariant, Result

DEFAULT_SERIES = "medqa/usmle-4-option"
"""The series the figure shows first: the question the review's scores were reported on (Flan-PaLM, Med-PaLM)."""
DOWNLOAD_NAME = "benchmark-results"
DOWNLOAD_FIELDS = ("id", "model", "model_name", "tested_as", "benchmark", "benchmark_name", "variant", "variant_name", "score",
                   "metric", "setting", "shots", "setting_display", "setting_quote", "reported_by", "reporter", "date",
                   "after_review", "review_reference", "source_title", "source_year", "source_url", "excerpt",
                   "excerpt_lang", "excerpt_where", "excerpt_form", "verification", "model_card", "result_page")


@dataclass(frozen=True)
class Series:
    benchmark: Benchmark
    variant: BenchmarkVariant
    results: tuple[Result, ...]

    @property
    def id(self) -> str:
        return f"{self.benchmark.id}/{self.variant.id}"

    def name(self, ui, lang: str) -> str:
        """`MedQA (USMLE-style, 4 options)` / `MedQA（USMLE 风格，4 个选项）`."""
        return ui("series-name").format(benchmark=self.benchmark.name[lang], variant=self.variant.name[lang])


def result_order(result: Result) -> tuple:
    return result.date.as_date, -result.score, result.id


def ordered(results) -> list[Result]:
    return sorted(results, key=result_order)


def all_series(data) -> list[Series]:
    """Every variant with results, in the order of data/benchmarks.yml and of each benchmark's variants."""
    found = []
    for benchmark in data.benchmarks.values():
        for variant in benchmark.variants:
            results = ordered(r for r in data.results.values()
                              if r.benchmark == benchmark.id and r.variant == variant.id)
            if results:
                found.append(Series(benchmark, variant, tuple(results)))
    return found


def of_model(data, model_id: str) -> list[Result]:
    return ordered(r for r in data.results.values() if r.model == model_id)


def of_benchmark(data, benchmark_id: str) -> list[Series]:
    return [series for series in all_series(data) if series.benchmark.id == benchmark_id]


def after_review(result: Result) -> bool:
    """Reported after the review's cut-off: a score the review could not have known."""
    return result.date.as_date >= REVIEW_CUTOFF


def setting_text(result: Result, ui, lang: str) -> str:
    """The setting in words, as the source states it: `5-shot, chain-of-thought, self-consistency`."""
    if not result.setting:
        return ui("setting-not-stated")
    words = [ui("setting-n-shot").format(shots=result.shots) if item == "few-shot" and result.shots
             else ui(f"setting-{item}") for item in result.setting]
    return chart.LIST_SEPARATOR[lang].join(words)


def score_text(result: Result, lang: str, ui) -> str:
    """`86.5%` for an accuracy; `47.7 (total score)` for an exam's total score as its source's table gives it."""
    return ui(f"score-{result.metric}").format(score=formatting.format_score(result.score, lang))


def metric_of(series: Series) -> str:
    """The metric of a series' axis: every result of a series has the same one (checked when data is loaded)."""
    return series.results[0].metric


def download_rows(data, lang: str, ui, card_url, result_url) -> list[dict]:
    """One row per result for the CSV and JSON downloads: fixed English field names, values in `lang`; the
    excerpt in its source's language."""
    rows = []
    for series in all_series(data):
        for result in series.results:
            model = data.models[result.model]
            rows.append({
                "id": result.id, "model": result.model, "model_name": model.label(lang), "tested_as": result.tested_as,
                "benchmark": result.benchmark, "benchmark_name": series.benchmark.name[lang],
                "variant": result.variant, "variant_name": series.variant.name[lang],
                "score": result.score, "metric": result.metric, "setting": ";".join(result.setting) or None,
                "shots": result.shots, "setting_display": setting_text(result, ui, lang), "setting_quote": result.setting_quote,
                "reported_by": result.reported_by, "reporter": result.reporter, "date": result.date.iso,
                "after_review": after_review(result), "review_reference": result.review_reference,
                "source_title": result.source.title, "source_year": result.source.year,
                "source_url": result.source.href, "excerpt": result.excerpt.text,
                "excerpt_lang": result.excerpt.lang, "excerpt_where": result.excerpt.where,
                "excerpt_form": result.excerpt.form,
                "verification": result.verification, "model_card": card_url(result.model),
                "result_page": result_url(result.id),
            })
    return rows
