"""The data layer: the real data validates, and each kind of bad input fails with a message that names the file,
the entry and the field (the table of bad edits of every kind, pages included, is in test_bad_edits.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, edit_yaml

from llm_medicine import data as data_loader
from llm_medicine import schema as data_schema


def test_every_data_file_validates_and_is_not_empty(site_data):
    counts = {name: len(getattr(site_data, name)) for name in (
        "families", "models", "glossary", "tasks", "limitations", "training_stages", "benchmarks",
        "references", "corrections", "ui")}
    assert all(count > 0 for count in counts.values()), counts
    assert counts["tasks"] == 4, "Table 1 has four task areas"
    assert set(site_data.benchmarks) >= {"medqa", "medmcqa", "pubmedqa", "multimedbench"}


def test_undisclosed_sizes_stay_undisclosed(site_data):
    for model_id in ("gpt-3-5", "gpt-4", "claude", "bard", "med-palm-2"):
        model = site_data.models[model_id]
        assert model.parameters is None and not model.parameters_disclosed, model_id
        assert model.parameters_note is not None


def test_disclosed_sizes_match_the_facts(site_data):
    expected = {"gatortron-large": 8.9e9, "gatortron-medium": 3.9e9, "gatortron-base": 345e6,
                "gpt-3": 175e9, "biomedlm": 2.7e9, "biogpt": 347e6, "palm-540b": 540e9,
                "bert-base": 110e6, "bert-large": 340e6, "llama-2-70b": 70e9}
    for model_id, parameters in expected.items():
        assert site_data.models[model_id].parameters == pytest.approx(parameters), model_id


def test_every_ui_string_has_both_languages(site_data):
    for key, text in site_data.ui.items():
        assert text.en.strip() and text.zh.strip(), key


def _edit_yaml(project: Path, name: str, change) -> None:
    edit_yaml(project / "data" / f"{name}.yml", change)


def _first_model(entries):
    return entries[0]


def _set(field, value):
    def change(entries):
        _first_model(entries)[field] = value
    return change


def _delete(*path):
    def change(entries):
        target = _first_model(entries)
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return change


def _first_model_id() -> str:
    return yaml.safe_load((ROOT / "data" / "models.yml").read_text(encoding="utf-8"))[0]["id"]


def _syntax_error(project: Path) -> None:
    path = project / "data" / "models.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n- id: [unclosed\n", encoding="utf-8")


def _missing_file(project: Path) -> None:
    (project / "data" / "benchmarks.yml").unlink()


def _duplicate_id(entries):
    entries[0]["id"] = entries[1]["id"]


FIRST = "entry '{first}' (#1)"
BAD_INPUTS = {
    "yaml syntax error": (_syntax_error, ["data/models.yml", "YAML syntax error at line"]),
    "missing file": (_missing_file, ["data/benchmarks.yml", "file is missing"]),
    "missing id": (lambda p: _edit_yaml(p, "models", _delete("id")),
                   ["data/models.yml", "entry #1", "field 'id'", "is required"]),
    "duplicate id": (lambda p: _edit_yaml(p, "models", _duplicate_id),
                     ["data/models.yml", "entry #", "field 'id'", "duplicate"]),
    "unknown field": (lambda p: _edit_yaml(p, "models", _set("paramaters", 5)),
                      ["data/models.yml", FIRST, "field 'paramaters'", "unknown field", "parameters"]),
    "missing zh": (lambda p: _edit_yaml(p, "models", _delete("developer", "zh")),
                   ["data/models.yml", FIRST, "field 'developer.zh'", "is required"]),
    "missing en": (lambda p: _edit_yaml(p, "models", _delete("summary", "en")),
                   ["data/models.yml", FIRST, "field 'summary.en'", "is required"]),
    "empty string": (lambda p: _edit_yaml(p, "models", _set("corpus", {"en": " ", "zh": "语料"})),
                     ["data/models.yml", FIRST, "field 'corpus.en'", "at least 1 character"]),
    "text where a number belongs": (lambda p: _edit_yaml(p, "models", _set("parameters", "lots")),
                                    ["data/models.yml", FIRST, "field 'parameters'", "number", "'lots'"]),
    "negative parameter count": (lambda p: _edit_yaml(p, "models", _set("parameters", -5)),
                                 ["data/models.yml", FIRST, "field 'parameters'", "greater than 0"]),
    "unknown reference": (lambda p: _edit_yaml(p, "models", _set("family", "no-such-family")),
                          ["data/models.yml", FIRST, "field 'family'", "'no-such-family' is not an id in data/families.yml"]),
    "undisclosed size given a number": (
        lambda p: _edit_yaml(p, "models", lambda e: next(m for m in e if m["id"] == "claude").update(parameters=1e12)),
        ["data/models.yml", "entry 'claude'", "undisclosed size must be null"]),
    # On a Chinese page the name is shown as it is, so an English description in it would stay English there.
    "description in a model's name": (
        lambda p: _edit_yaml(p, "models", _set("name", "PubMedBERT (abstracts)")),
        ["data/models.yml", FIRST, "field 'name'", "move the description to `qualifier"]),
    "English result excerpt without its Chinese gist": (
        lambda p: _edit_yaml(p, "results", lambda e: next(r for r in e if r["id"] == "med-palm-medqa")["excerpt"]
                             .pop("gloss_zh")),
        ["data/results.yml", "entry 'med-palm-medqa'", "field 'excerpt'", "needs gloss_zh"]),
    "a Chinese term told to avoid its own name": (
        lambda p: _edit_yaml(p, "terms", lambda e: e[0]["avoid"].append(e[0]["zh"])),
        ["data/terms.yml", "entry 'llm'", "would find the chosen name"]),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_input_fails_with_a_clear_message(case, tmp_path):
    """In-process, on a copy of data/; that a failed build leaves the site folder as it was is checked once, in
    test_bad_edits.py (every build failure goes through the same hook)."""
    edit, expected = BAD_INPUTS[case]
    first = _first_model_id()
    shutil.copytree(ROOT / "data", tmp_path / "data")
    edit(tmp_path)
    with pytest.raises(data_loader.DataError) as caught:
        data_loader.load_site_data(tmp_path / "data")
    message = str(caught.value)
    for fragment in expected:
        assert fragment.format(first=first) in message, f"{case}: {fragment!r} not in:\n{message}"


def test_schema_rejects_a_size_that_is_disclosed_without_a_number():
    with pytest.raises(Exception, match="parameters_disclosed is true"):
        data_schema.Model.model_validate({
            **yaml.safe_load((ROOT / "data" / "models.yml").read_text(encoding="utf-8"))[0],
            "parameters": None, "parameters_disclosed": True,
        })
