#!/usr/bin/env python3
"""`make editions`: the course editions, then the site that publishes them.

1. A strict build of the site into a scratch folder (.cache/editions/), served on 127.0.0.1.
2. A PDF handout per language (llm_medicine/handout.py), printed by headless Chromium from that build.
3. The offline copy: a separate build with Material's `offline` plugin (`OFFLINE=true`, see mkdocs.yml), zipped
   under one folder, both languages in one zip.
4. `editions/editions.json` lists them; the site is built again into `site/` with `EDITIONS_DIR=editions`, so
   they are published under `site/downloads/` and linked, with size and date, from the home and Stable links
   pages of both languages.
5. A report: sizes, the handouts' and every other page's printed A4 page count, and how long it took.

Needs Debian's chromium and fonts-noto-cjk (scripts/ensure-chromium.sh). Fails, with site/ left as it was, if a
build fails or any page asks for a file from another host while printing. The steps live in
llm_medicine/edition_build.py, which tests/test_editions.py runs too.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from llm_medicine import edition_build, editions  # noqa: E402

EDITIONS = ROOT / "editions"
SCRATCH = ROOT / ".cache" / "editions"
OTHER_PAGES = ("", "models/", "benchmarks/", "about/", "link-to/")
"""Pages outside the handout whose printed length the report also gives."""


def main() -> int:
    started = time.monotonic()
    made = dt.date.today()
    shutil.rmtree(SCRATCH, ignore_errors=True)
    SCRATCH.mkdir(parents=True)
    shutil.rmtree(EDITIONS, ignore_errors=True)
    EDITIONS.mkdir()
    try:
        print("Building the site to print from ...", flush=True)
        edition_build.mkdocs_build(SCRATCH / "site")
        print("Printing the handouts ...", flush=True)
        made_editions, handouts, other_counts = edition_build.make_handouts(SCRATCH / "site", EDITIONS, made,
                                                                            OTHER_PAGES)
        print("Building the offline copy ...", flush=True)
        made_editions.append(edition_build.make_offline(SCRATCH, EDITIONS, made))
        editions.write_manifest(EDITIONS, made_editions)
        print("Building the site with its editions into site/ ...", flush=True)
        epoch = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True,
                               text=True).stdout.strip()
        edition_build.mkdocs_build(ROOT / "site", EDITIONS_DIR=str(EDITIONS),
                                   **({"SOURCE_DATE_EPOCH": epoch} if epoch else {}))
    except edition_build.EditionBuildError as error:
        print(error, file=sys.stderr)
        return 1

    print("\nCourse editions (site/downloads/):")
    for edition in made_editions:
        pages = f", {edition.pages} pages" if edition.pages else ""
        print(f"  {edition.file:28s} {edition.bytes / 1e6:6.1f} MB{pages}")
    print("\nPrinted A4 pages per page:")
    for result in handouts:
        root = edition_build.LANGUAGES[result.lang]
        for section in result.sections:
            print(f"  {section.pages:4d}  {root}{section.slug}/")
    for path, count in other_counts.items():
        print(f"  {count:4d}  {path or '(home)'}")
    print(f"\nDone in {time.monotonic() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
