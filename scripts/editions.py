#!/usr/bin/env python3
"""`make editions`: the course editions, then the site that publishes them.

1. A strict build of the site into a scratch folder, served on 127.0.0.1.
2. A PDF handout per language (llm_medicine/handout.py), printed by headless Chromium from that build.
3. The offline copy: a separate build with Material's `offline` plugin (`OFFLINE=1`, see mkdocs.yml), zipped
   under one folder, both languages in one zip.
4. `editions/editions.json` lists them; the site is built again into `site/` with `EDITIONS_DIR=editions`, so
   they are published under `site/downloads/` and linked, with size and date, from the home and Stable links
   pages of both languages.
5. A report: sizes, the handouts' and every other page's printed A4 page count, and how long it took.

Needs Debian's chromium and fonts-noto-cjk (scripts/ensure-chromium.sh); fails, with nothing published, if any
page asks for a file from another host while printing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from llm_medicine import editions, handout, printing, templates  # noqa: E402
from llm_medicine.data import load_site_data  # noqa: E402

EDITIONS = ROOT / "editions"
SCRATCH = ROOT / ".cache" / "editions"
LANGUAGES = {"en": "", "zh": "zh/"}
OFFLINE_ZIP = "llm-medicine-offline.zip"
OFFLINE_FOLDER = "llm-medicine"
OTHER_PAGES = ("", "models/", "benchmarks/", "about/", "link-to/")
"""Pages outside the handout whose printed length the report also gives."""


def pdf_name(lang: str) -> str:
    return f"llm-medicine-{lang}.pdf"


def mkdocs_build(site_dir: Path, **env: str) -> None:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                            cwd=ROOT, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"mkdocs build --strict failed ({', '.join(env) or 'site'}):\n{result.stdout[-3000:]}{result.stderr[-3000:]}")


def published_address(site: Path) -> str:
    """The site's published address (`site_url`), as the home page's canonical link gives it."""
    match = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text(encoding="utf-8"))
    if not match:
        sys.exit(f"{site / 'index.html'}: no canonical link; set site_url in mkdocs.yml")
    return match.group(1)


def site_name(site: Path, root: str) -> str:
    html = (site / root / "index.html").read_text(encoding="utf-8")
    return re.search(r'<meta property="og:site_name" content="([^"]+)"', html).group(1)


def zip_folder(folder: Path, target: Path, inside: str) -> None:
    """Every file of `folder` under `inside/`, with fixed dates, so one commit gives one zip."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(f"{inside}/{path.relative_to(folder).as_posix()}", date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())


def main() -> int:
    started = time.monotonic()
    made = dt.date.today()
    shutil.rmtree(SCRATCH, ignore_errors=True)
    SCRATCH.mkdir(parents=True)
    shutil.rmtree(EDITIONS, ignore_errors=True)
    EDITIONS.mkdir()

    print("Building the site to print from ...", flush=True)
    site = SCRATCH / "site"
    mkdocs_build(site)
    address = published_address(site)
    data = load_site_data(ROOT / "data")
    env = templates.environment(str(ROOT / "overrides"))

    made_editions, handouts, other_counts = [], [], {}
    with printing.served(site) as base_url, printing.chromium() as browser:
        printer = printing.Printer(browser, base_url)
        for lang, root in LANGUAGES.items():
            print(f"Printing the {lang} handout ...", flush=True)
            result = handout.make_handout(printer, env, data, lang, root, address + root, site_name(site, root), made)
            (EDITIONS / pdf_name(lang)).write_bytes(result.pdf)
            handouts.append(result)
            made_editions.append(editions.Edition("pdf", lang, pdf_name(lang), len(result.pdf), made, result.pages))
            for path in OTHER_PAGES:
                other_counts[root + path] = printing.page_count(printer.pdf(root + path))
        printer.close()
        if printer.external_requests:
            sys.exit("Printing asked for files from other hosts:\n  " + "\n  ".join(printer.external_requests))

    print("Building the offline copy ...", flush=True)
    offline = SCRATCH / "offline"
    mkdocs_build(offline, OFFLINE="true")
    zip_folder(offline, EDITIONS / OFFLINE_ZIP, OFFLINE_FOLDER)
    made_editions.append(editions.Edition("offline", None, OFFLINE_ZIP, (EDITIONS / OFFLINE_ZIP).stat().st_size, made))
    editions.write_manifest(EDITIONS, made_editions)

    print("Building the site with its editions into site/ ...", flush=True)
    epoch = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    mkdocs_build(ROOT / "site", EDITIONS_DIR=str(EDITIONS), **({"SOURCE_DATE_EPOCH": epoch} if epoch else {}))

    print("\nCourse editions (site/downloads/):")
    for edition in made_editions:
        pages = f", {edition.pages} pages" if edition.pages else ""
        print(f"  {edition.file:28s} {edition.bytes / 1e6:6.1f} MB{pages}")
    print("\nPrinted A4 pages per page:")
    for result in handouts:
        root = LANGUAGES[result.lang]
        for section in result.sections:
            print(f"  {section.pages:4d}  {root}{section.slug}/")
    for path, count in other_counts.items():
        print(f"  {count:4d}  {path or '(home)'}")
    print(f"\nDone in {time.monotonic() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
