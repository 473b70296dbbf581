"""Which Chinese texts may be out of date, and recording that a translation was brought up to date.

    python scripts/translation-status.py                      # print the stale pages and data entries
    python scripts/translation-status.py --check              # the same, exit code 1 when anything is stale
    python scripts/translation-status.py --json               # the report as JSON (as translation-status.json)
    python scripts/translation-status.py --update introduction.md      # after revising docs/zh/introduction.md
    python scripts/translation-status.py --update models.yml:gpt-4     # after revising one entry's zh texts
    python scripts/translation-status.py --update models.yml           # every entry of one data file
    python scripts/translation-status.py --update all                  # record everything as up to date

`make translations` runs the first form. How hashes are computed and where they are kept is explained in
`llm_medicine/translation_report.py`; the data is read through the site's one loader, so an invalid data file
is reported as the build reports it. `--update` on a page rewrites only the `source_hash:` line of the Chinese page's
front matter (adding the front matter if it has none); on data it rewrites `data/translation-status.yml`.
Record a page only once its Chinese text says what the English says now.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml
from mkdocs.config import load_config

from llm_medicine import languages
from llm_medicine import translation_report as status
from llm_medicine.data import DataError, load_site_data

ROOT = Path(__file__).resolve().parent.parent

FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", flags=re.DOTALL)
SOURCE_HASH_LINE = re.compile(r"^source_hash:.*\n", flags=re.MULTILINE)
STATUS_HEADER = (
    "# Hashes of the English texts of each data entry when its Chinese texts were last checked.\n"
    "# Written by scripts/translation-status.py --update; read by llm_medicine/translation_report.py. Do not edit.\n"
)


def update_page(root: Path, page: str, langs: languages.Languages) -> list[str]:
    return [update_translated_page(root, page, langs.default, lang) for lang in langs.translations]


def update_translated_page(root: Path, page: str, source: str, lang: str) -> str:
    english = root / "docs" / source / page
    chinese = root / "docs" / lang / page
    if not english.exists() or not chinese.exists():
        raise SystemExit(f"{page}: needs both docs/{source}/{page} and docs/{lang}/{page}")
    digest = status.page_hash(english.read_text(encoding="utf-8"))
    text = chinese.read_text(encoding="utf-8")
    line = f"source_hash: {digest}\n"
    match = FRONT_MATTER.match(text)
    if match is None:
        text = f"---\n{line}---\n\n{text}"
    else:
        meta = SOURCE_HASH_LINE.sub("", match.group(1))
        text = f"---\n{meta}{line}---\n" + text[match.end():]
    chinese.write_text(text, encoding="utf-8")
    return f"docs/{lang}/{page}: source_hash {digest}"


def update_data(root: Path, updates: dict[str, str | None]) -> list[str]:
    """Record the English texts' hashes of `updates` ({data file name: one entry's id, or None for every entry}),
    reading the data once."""
    data_dir = root / "data"
    for name in updates:
        if name not in status.DATA_FILES:
            raise SystemExit(f"{name}.yml: not a translated data file ({', '.join(status.DATA_FILES)})")
    data = load_site_data(data_dir)
    recorded = {file: dict(hashes) for file, hashes in data.translation_records.items()}
    done = []
    for name, entry in updates.items():
        current = status.data_entries(data, name)
        known = {key: value for key, value in (recorded.get(name) or {}).items() if key in current}
        if entry is None:
            known = dict(current)
        elif entry not in current:
            raise SystemExit(f"data/{name}.yml: no entry '{entry}'")
        else:
            known[entry] = current[entry]
        recorded[name] = {key: known[key] for key in current if key in known}
        done.append(f"data/{name}.yml" + (f":{entry}" if entry else f": {len(current)} entries"))
    ordered = {file: recorded[file] for file in status.DATA_FILES if recorded.get(file)}
    (data_dir / "translation-status.yml").write_text(
        STATUS_HEADER + yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    return done


def update(root: Path, target: str, langs: languages.Languages) -> list[str]:
    target = target.removeprefix("docs/").removeprefix("data/")
    for lang in langs.all:
        target = target.removeprefix(f"{lang}/")
    if target == "all":
        source = root / "docs" / langs.default
        pages = sorted(p.relative_to(source).as_posix() for p in source.rglob("*.md"))
        return [line for page in pages for line in update_page(root, page, langs)] + update_data(
            root, dict.fromkeys(status.DATA_FILES))
    if target.endswith(".md"):
        return update_page(root, target, langs)
    name, _, entry = target.partition(":")
    return update_data(root, {name.removesuffix(".yml"): entry or None})


def describe(result: dict) -> str:
    checked = result["checked"]
    lines = [f"Checked {checked['pages']} Chinese pages and {checked['data_entries']} data entries."]
    if not result["stale"]:
        return lines[0] + " Every translation is up to date."
    reasons = {"changed": "English changed since the translation", "unrecorded": "no source hash recorded"}
    lines.append(f"{result['stale_count']} may be out of date:")
    lines += [f"  {item['path']}  ({reasons[item['reason']]})" for item in result["stale"]]
    lines.append("After revising a translation: python scripts/translation-status.py --update <page or entry>")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="append", default=[], metavar="PAGE",
                        help="record the current English hash: a page (introduction.md), a data file "
                             "(models.yml), one entry (models.yml:gpt-4) or all")
    parser.add_argument("--check", action="store_true", help="exit with 1 when anything is stale")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="the folder holding docs/ and data/ (default: this project; its mkdocs.yml names the languages)")
    args = parser.parse_args(argv)
    langs = languages.of_config(load_config(str(ROOT / "mkdocs.yml")))
    try:
        for target in args.update:
            for line in update(args.root, target, langs):
                print(f"recorded {line}")
        if args.update and not (args.check or args.json):
            return 0
        result = status.report(args.root / "docs", load_site_data(args.root / "data"), langs)
    except DataError as error:
        print(error, file=sys.stderr)
        return 2
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else describe(result))
    return 1 if args.check and result["stale"] else 0


if __name__ == "__main__":
    sys.exit(main())
