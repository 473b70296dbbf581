"""The steps of `make editions` (scripts/editions.py), also run by tests/test_editions.py: build the site, print
the PDF handouts from it, build and zip the offline copy.

Handles no MkDocs event. Each step writes into a folder it is given and returns the `Edition` entries for the
manifest (`llm_medicine/editions.py`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import zipfile
from contextlib import nullcontext
from pathlib import Path

from llm_medicine import editions, handout, printing, static_server, templates
from llm_medicine.data import load_site_data

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = {"en": "", "zh": "zh/"}
OFFLINE_ZIP = "llm-medicine-offline.zip"
OFFLINE_FOLDER = "llm-medicine"
"""The one folder the zip unpacks into; its index.html is the English home page."""


def pdf_name(lang: str) -> str:
    return f"llm-medicine-{lang}.pdf"


def mkdocs_build(site_dir: Path, **env: str) -> None:
    """A strict build of this project into `site_dir`, with `env` added to the environment."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                            cwd=ROOT, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise EditionBuildError(f"mkdocs build --strict failed ({', '.join(env) or 'site'}):\n"
                                f"{result.stdout[-3000:]}{result.stderr[-3000:]}")


def published_address(site: Path) -> str:
    """The site's published address (`site_url`), as the home page's canonical link gives it."""
    match = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text(encoding="utf-8"))
    if not match:
        raise EditionBuildError(f"{site / 'index.html'}: no canonical link; set site_url in mkdocs.yml")
    return match.group(1)


def site_name(site: Path, root: str) -> str:
    html = (site / root / "index.html").read_text(encoding="utf-8")
    return re.search(r'<meta property="og:site_name" content="([^"]+)"', html).group(1)


def make_handouts(site: Path, out: Path, made: dt.date, other_pages: tuple[str, ...] = (), browser=None):
    """A PDF handout per language from the built `site`, into `out`. Returns the editions, the handouts (with
    their sections' page counts) and the printed page count of each of `other_pages` in every language.
    `browser`: a Chromium already running (Playwright's), else one is started and closed here."""
    address = published_address(site)
    data = load_site_data(ROOT / "data")
    env = templates.environment(str(ROOT / "overrides"))
    made_editions, handouts, other_counts = [], [], {}
    with static_server.served(site) as base_url, (nullcontext(browser) if browser else printing.chromium()) as chromium:
        printer = printing.Printer(chromium, base_url)
        for lang, root in LANGUAGES.items():
            result = handout.make_handout(printer, env, data, lang, root, address, site_name(site, root), made)
            (out / pdf_name(lang)).write_bytes(result.pdf)
            handouts.append(result)
            made_editions.append(editions.Edition("pdf", lang, pdf_name(lang), len(result.pdf), made, result.pages))
            for path in other_pages:
                other_counts[root + path] = printing.page_count(printer.pdf(root + path))
        printer.close()
    if printer.external_requests:
        raise EditionBuildError("printing asked for files from other hosts:\n  " + "\n  ".join(printer.external_requests))
    return made_editions, handouts, other_counts


def make_offline(scratch: Path, out: Path, made: dt.date) -> editions.Edition:
    """The offline copy: a build with Material's `offline` plugin (OFFLINE=true), zipped into `out`."""
    folder = scratch / "offline"
    mkdocs_build(folder, OFFLINE="true")
    target = out / OFFLINE_ZIP
    zip_folder(folder, target, OFFLINE_FOLDER)
    return editions.Edition("offline", None, OFFLINE_ZIP, target.stat().st_size, made)


def zip_folder(folder: Path, target: Path, inside: str) -> None:
    """Every file of `folder` under `inside/`, with fixed dates, so one commit gives one zip."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(f"{inside}/{path.relative_to(folder).as_posix()}", date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())


class EditionBuildError(Exception):
    pass
