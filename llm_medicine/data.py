"""Load `data/*.yml`, validate it against `schema.py` once, and hand out the validated objects.

`site_data(config)` is the one way in for every hook, template and chart: it returns the validated data of this
build (under `mkdocs serve`, the last good data while an edit is broken; see `serve_fallback.py`). Nothing else
in the project reads a data file.

- Every error in every file is collected first, then reported together, each on one line that names the file,
  the entry (its id, or its index when it has none) and the field, and says what was expected.
- References between files (a model's family, a term's related terms, a task's limitations...) are checked
  after every file is valid on its own.
- The result is cached on the files' size and modification time: mkdocs-static-i18n builds the site once per
  language, and `mkdocs serve` rebuilds on every edit; unchanged data is neither re-read nor re-validated.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import PluginError
from pydantic import BaseModel, ValidationError

from llm_medicine import schema, serve_fallback

LIST_FILES: dict[str, type[BaseModel]] = {
    "families": schema.Family,
    "models": schema.Model,
    "glossary": schema.GlossaryTerm,
    "terms": schema.ChineseTerm,
    "tasks": schema.Task,
    "limitations": schema.Limitation,
    "training_stages": schema.TrainingStage,
    "benchmarks": schema.Benchmark,
    "results": schema.Result,
    "references": schema.Reference,
    "corrections": schema.Correction,
    "changelog": schema.Release,
}
MAPPING_FILES: dict[str, type[BaseModel]] = {"review": schema.Review}
STRINGS_FILE = "ui"
TRANSLATION_RECORDS_FILE = "translation-status"
"""Written by `scripts/translation-status.py --update`: the hash of each entry's English texts when translated."""
REVIEW_CITES = ("H", "Med-H", "Med")
"""How sure the reconstructed reference list must be that the review cites a source for its scores to be the review's."""
ALL_FILES = (*LIST_FILES, *MAPPING_FILES, STRINGS_FILE, TRANSLATION_RECORDS_FILE)


# libyaml's loader when PyYAML was built with it (the wheels are): the same safe subset, many times faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_YAML_LOADER)


class DataError(PluginError):
    """Invalid data: the message lists every problem, one per line."""


@dataclass(frozen=True)
class SiteData:
    review: schema.Review
    families: dict[str, schema.Family]
    models: dict[str, schema.Model]
    glossary: dict[str, schema.GlossaryTerm]
    terms: dict[str, schema.ChineseTerm]
    """The name each concept goes by on Chinese pages (data/terms.yml)."""
    tasks: dict[str, schema.Task]
    limitations: dict[str, schema.Limitation]
    training_stages: list[schema.TrainingStage]
    benchmarks: dict[str, schema.Benchmark]
    results: dict[str, schema.Result]
    """Benchmark scores, each as one source reported it, in the order of data/results.yml."""
    references: dict[int, schema.Reference]
    corrections: dict[str, schema.Correction]
    changelog: list[schema.Release]
    """The data's versions, newest first (data/changelog.yml)."""
    ui: dict[str, schema.UiString]
    translation_records: dict[str, dict[str, str]]
    """`{data file: {entry id: hash of its English texts when it was last translated}}`."""
    documents: dict[str, Any] = field(repr=False, compare=False)
    """Each file as parsed, before validation (the translation report hashes its English texts)."""

    def text(self, key: str, lang: str) -> str:
        try:
            return self.ui[key][lang]
        except KeyError:
            raise DataError(f"data/ui.yml: no entry '{key}' (used by a page or template)") from None


@dataclass
class _Problems:
    lines: list[str] = field(default_factory=list)

    def add(self, file: str, entry: str | None, field_path: str | None, message: str) -> None:
        where = f"data/{file}.yml"
        if entry:
            where += f": {entry}"
        if field_path:
            where += f", field '{field_path}'"
        self.lines.append(f"{where}: {message}")


def fingerprint(data_dir: Path) -> tuple:
    def stamp(name: str) -> tuple:
        path = data_dir / f"{name}.yml"
        try:
            stat = path.stat()
        except FileNotFoundError:
            return (name, None)
        return (name, stat.st_mtime_ns, stat.st_size)

    return tuple(stamp(name) for name in ALL_FILES)


def load_site_data(data_dir: str | Path) -> SiteData:
    """Validated data of `data_dir`; raises `DataError` listing every problem. Cached until a file changes."""
    data_dir = Path(data_dir).resolve()
    loaded = _load_cached(data_dir, fingerprint(data_dir))
    if isinstance(loaded, DataError):
        raise loaded.with_traceback(None)  # the cached error, without the frames of earlier raises
    return loaded


def data_dir(config) -> Path:
    return Path(config.config_file_path).parent / "data"


def site_data(config) -> SiteData:
    """The validated data of this build: the one accessor every hook uses.

    Under `mkdocs serve`, while an edit is broken, the last good data (and a banner naming the problem).
    """
    try:
        data = load_site_data(data_dir(config))
    except DataError as error:
        if not serve_fallback.keep_going("data", str(error)):
            raise
        return serve_fallback.last_good("data")
    serve_fallback.remember("data", data)
    return data


# A failure is cached as well: every hook of a build asks for the data, and under `mkdocs serve` a broken edit
# would otherwise be read and validated again each time (measured: a rebuild went from 2 s to 11 s).
@functools.lru_cache(maxsize=4)
def _load_cached(data_dir: Path, stamp: tuple) -> SiteData | DataError:
    try:
        return _load(data_dir)
    except DataError as error:
        return error


def _load(data_dir: Path) -> SiteData:
    problems = _Problems()
    raw = {name: _read_yaml(data_dir, name, problems) for name in ALL_FILES}
    parsed: dict[str, Any] = {}
    for name, model in LIST_FILES.items():
        if raw[name] is not None:
            parsed[name] = _validate_list(name, raw[name], model, problems)
    for name, model in MAPPING_FILES.items():
        if raw[name] is not None:
            parsed[name] = _validate_one(name, raw[name], model, problems)
    if raw[STRINGS_FILE] is not None:
        parsed[STRINGS_FILE] = _validate_strings(raw[STRINGS_FILE], problems)
    if raw[TRANSLATION_RECORDS_FILE] is not None:
        records = _validate_one(TRANSLATION_RECORDS_FILE, raw[TRANSLATION_RECORDS_FILE], schema.TranslationRecords,
                                problems)
        parsed[TRANSLATION_RECORDS_FILE] = records.root if records else {}
    if not problems.lines:
        _check_references(parsed, problems)
    if problems.lines:
        count = len(problems.lines)
        raise DataError(
            f"{count} problem{'s' if count > 1 else ''} in data/:\n  "
            + "\n  ".join(problems.lines)
        )
    return SiteData(
        review=parsed["review"],
        families=_by_id(parsed["families"]),
        models=_by_id(parsed["models"]),
        glossary=_by_id(parsed["glossary"]),
        terms=_by_id(parsed["terms"]),
        tasks=_by_id(parsed["tasks"]),
        limitations=_by_id(parsed["limitations"]),
        training_stages=sorted(parsed["training_stages"], key=lambda stage: stage.order),
        benchmarks=_by_id(parsed["benchmarks"]),
        results=_by_id(parsed["results"]),
        references={ref.number: ref for ref in sorted(parsed["references"], key=lambda r: r.number)},
        corrections=_by_id(parsed["corrections"]),
        changelog=parsed["changelog"],
        ui=parsed[STRINGS_FILE],
        translation_records=parsed[TRANSLATION_RECORDS_FILE],
        documents=raw,
    )


def _by_id(items: Iterable[Any]) -> dict[str, Any]:
    return {item.id: item for item in items}


def _read_yaml(data_dir: Path, name: str, problems: _Problems) -> Any:
    path = data_dir / f"{name}.yml"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.add(name, None, None, "file is missing (every data file is required)")
        return None
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        problems.add(name, None, None, f"line {line}: not UTF-8 text (byte {error.object[error.start]:#04x}); "
                                       "save the file as UTF-8")
        return None
    try:
        document = parse_yaml(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        position = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        opened = _opened_before(text, mark.line) if mark else None
        problems.add(name, None, None, f"YAML syntax error at {position}{error.problem}" + (opened or ""))
        return None
    if document is None:
        problems.add(name, None, None, "file is empty (it needs its entries)")
    return document


def _opened_before(text: str, problem_line: int) -> str | None:
    """Where the quote or bracket began that YAML read on past its line, up to where it noticed a fault: YAML names
    where it gave up (a closing quote deleted on line 24 is reported at line 53), an editor needs where it began."""
    closers = {'"': '"', "'": "'", "[": "]", "{": "}"}
    stack: list[tuple[str, int, int]] = []  # (the opening character, its line and column), innermost last
    last_long: tuple[str, int, int, int] | None = None  # a quote or bracket that spanned lines: opened, closed
    for number, line in enumerate(text.splitlines()[: problem_line + 1]):
        column = 0
        while column < len(line):
            char = line[column]
            inside = stack[-1][0] if stack else None
            if inside in ('"', "'"):
                if inside == '"' and char == "\\":
                    column += 1
                elif char == inside and not (inside == "'" and line[column + 1:column + 2] == "'"):
                    opening = stack.pop()
                    if opening[1] != number:
                        last_long = (*opening, number)
                elif inside == "'" and char == "'":
                    column += 1
            elif char == "#" and (column == 0 or line[column - 1] in " \t"):
                break
            elif char in closers and (char in "[{" or column == 0 or line[column - 1] in " \t:[{,-"):
                stack.append((char, number, column))
            elif stack and char == closers[stack[-1][0]]:
                opening = stack.pop()
                if opening[1] != number:
                    last_long = (*opening, number)
            column += 1
    # A quote that closed only where YAML gave up is the likeliest culprit, then the innermost bracket still open.
    suspect = (last_long[:3] if last_long and last_long[3] >= problem_line - 1 else None) or next(
        (item for item in reversed(stack) if item[1] < problem_line), None)
    if suspect is None:
        return None
    kind = "quote" if suspect[0] in "\"'" else "bracket"
    return (f" (the {kind} {suspect[0]} opened at line {suspect[1] + 1}, column {suspect[2] + 1} runs on to here: "
            f"is its closing {closers[suspect[0]]} missing?)")


def _entry_label(item: Any, index: int) -> str:
    if isinstance(item, dict):
        for key in ("id", "number", "version"):
            if isinstance(item.get(key), (str, int)) and not isinstance(item.get(key), bool):
                return f"entry '{item[key]}' (#{index + 1})"
    return f"entry #{index + 1}"


def _validate_list(name: str, items: Any, model: type[BaseModel], problems: _Problems) -> list[Any]:
    if not isinstance(items, list):
        problems.add(name, None, None, f"expected a list of entries, found {type(items).__name__}")
        return []
    valid, seen = [], {}
    for index, item in enumerate(items):
        label = _entry_label(item, index)
        try:
            entry = model.model_validate(item)
        except ValidationError as error:
            _report(name, label, model, error, problems)
            continue
        key = getattr(entry, "id", None)
        if key in seen:
            problems.add(name, label, "id" if "id" in model.model_fields else "number",
                         f"duplicate: '{key}' is already used by entry #{seen[key] + 1}")
        seen[key] = index
        valid.append(entry)
    if not items:
        problems.add(name, None, None, "has no entries")
    return valid


def _validate_one(name: str, item: Any, model: type[BaseModel], problems: _Problems) -> Any:
    try:
        return model.model_validate(item)
    except ValidationError as error:
        _report(name, None, model, error, problems)
        return None


def _validate_strings(items: Any, problems: _Problems) -> dict[str, schema.UiString]:
    if not isinstance(items, dict):
        problems.add(STRINGS_FILE, None, None, "expected a mapping of key: {en: ..., zh: ...}")
        return {}
    strings = {}
    for key, value in items.items():
        try:
            strings[key] = schema.UiString.model_validate(value)
        except ValidationError as error:
            _report(STRINGS_FILE, f"entry '{key}'", schema.UiString, error, problems)
    return strings


def _report(name: str, label: str | None, model: type[BaseModel], error: ValidationError,
            problems: _Problems) -> None:
    for detail in error.errors():
        location = [part for part in detail["loc"] if not str(part).startswith("function-")]
        field_path = ".".join(str(part) for part in location) or None
        problems.add(name, label, field_path, _explain(detail, model, location))


def _explain(detail: dict, model: type[BaseModel], location: list) -> str:
    kind, found = detail["type"], detail.get("input")
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        allowed = ", ".join(_fields_at(model, location[:-1]))
        return f"unknown field (a typo?); allowed fields here: {allowed}"
    message = detail["msg"].removeprefix("Value error, ")
    shown = repr(found)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return f"{message}; found {shown}"


def _fields_at(model: type[BaseModel], location: list) -> list[str]:
    """The field names allowed at a location inside `model`, for 'unknown field' messages."""
    current: Any = model
    for part in location:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return []
        current = _inner_model(info.annotation)
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _check_references(parsed: dict[str, Any], problems: _Problems) -> None:
    ids = {name: {str(getattr(item, "id")) for item in parsed.get(name, [])} for name in LIST_FILES}

    def check(file: str, index: int, entry: Any, field_path: str, target_file: str,
              values: Iterable[str | None]) -> None:
        for value in values:
            if value is not None and value not in ids[target_file]:
                problems.add(file, f"entry '{entry.id}' (#{index + 1})", field_path,
                             f"'{value}' is not an id in data/{target_file}.yml")

    def each(file: str):
        return enumerate(parsed.get(file, []))

    for index, model in each("models"):
        check("models", index, model, "family", "families", [model.family])
        check("models", index, model, "notes", "corrections", model.notes)
        check("models", index, model, "built_on", "models", model.built_on)
    for index, term in each("glossary"):
        check("glossary", index, term, "related", "glossary", term.related)
    for index, task in each("tasks"):
        check("tasks", index, task, "limitations", "limitations", task.limitations)
        check("tasks", index, task, "notes", "corrections", task.notes)
    for index, limitation in each("limitations"):
        check("limitations", index, limitation, "tasks", "tasks", limitation.tasks)
    for index, stage in each("training_stages"):
        check("training_stages", index, stage, "glossary", "glossary", [stage.glossary])
        check("training_stages", index, stage, "methods.glossary", "glossary", [m.glossary for m in stage.methods])
    releases = parsed.get("changelog", [])
    for index, (newer, older) in enumerate(zip(releases, releases[1:])):
        if not (newer.number > older.number and newer.date >= older.date):
            problems.add("changelog", f"entry '{older.version}' (#{index + 2})", "version",
                         f"comes after {newer.version} ({newer.date}): the newest version goes first, with a higher "
                         "number and a date no earlier")
    for index, release in enumerate(releases):
        for change in release.changes:
            for ref in change.entries:
                file, _, entry_id = ref.partition(".yml:")
                if change.kind != "removed" and (file not in ids or entry_id not in ids[file]):
                    problems.add("changelog", f"entry '{release.version}' (#{index + 1})", "changes.entries",
                                 f"'{ref}' is not an entry of data/{file}.yml (a removed entry goes under kind: removed)")
    benchmarks = {benchmark.id: benchmark for benchmark in parsed.get("benchmarks", [])}
    references = {reference.number: reference for reference in parsed.get("references", [])}
    metrics: dict[tuple[str, str], Any] = {}
    for index, result in each("results"):
        check("results", index, result, "model", "models", [result.model])
        check("results", index, result, "benchmark", "benchmarks", [result.benchmark])
        label = f"entry '{result.id}' (#{index + 1})"
        benchmark = benchmarks.get(result.benchmark)
        if benchmark is not None and benchmark.variant(result.variant) is None:
            choices = ", ".join(variant.id for variant in benchmark.variants)
            problems.add("results", label, "variant",
                         f"'{result.variant}' is not a variant of {result.benchmark} in data/benchmarks.yml "
                         f"(its variants: {choices})")
        first = metrics.setdefault((result.benchmark, result.variant), result)
        if first.metric != result.metric:
            problems.add("results", label, "metric",
                         f"'{result.metric}', but entry '{first.id}' on the same benchmark and variant is "
                         f"'{first.metric}': one variant's scores share one axis, so they need one metric")
        if result.review_reference is not None:
            reference = references.get(result.review_reference)
            if reference is None:
                problems.add("results", label, "review_reference",
                             f"{result.review_reference} is not a number in data/references.yml")
            elif reference.confidence not in REVIEW_CITES:
                problems.add("results", label, "review_reference",
                             f"reference {reference.number} is identified with confidence '{reference.confidence}' "
                             f"only: a result is the review's only where the reference is near-certain or probable "
                             f"({', '.join(REVIEW_CITES)})")
