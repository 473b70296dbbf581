"""Benchmark: Lighthouse (mobile preset) on the pages of issue 12, for a built site. Not a test.

Used by `benchmarks/run.py` (`make bench`) on this site and on its floor twin; runs alone too:

    .venv/bin/python benchmarks/lighthouse.py SITE_DIR [--runs 3] [--pages current-llms/ embed/model-sizes/]

Lighthouse is the npm package pinned below, installed on first use into benchmarks/.tools/ (npm from Debian;
the registry is reached only then). It drives Debian's Chromium, headless, against a local static server: no
request leaves the machine. Each page is measured `runs` times and the median of each figure is reported.
Scores move with the machine's load: compare a site with its twin measured in the same session.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM, serve, site_path  # noqa: E402

LIGHTHOUSE_VERSION = "13.5.0"
TOOLS = ROOT / "benchmarks" / ".tools"
PAGES = ["", "zh/", "current-llms/", "zh/current-llms/", "embed/model-sizes/", "zh/embed/model-sizes/", "models/"]
AUDITS = {"lcp_ms": "largest-contentful-paint", "tbt_ms": "total-blocking-time", "cls": "cumulative-layout-shift",
          "fcp_ms": "first-contentful-paint", "si_ms": "speed-index"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse_bin() -> Path:
    binary = TOOLS / "node_modules" / ".bin" / "lighthouse"
    package = TOOLS / "node_modules" / "lighthouse" / "package.json"
    if not binary.exists() or json.loads(package.read_text())["version"] != LIGHTHOUSE_VERSION:
        TOOLS.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(TOOLS),
                        f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)
    return binary


def run_once(binary: Path, url: str) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(
            [str(binary), url, "--quiet", "--output=json", f"--output-path={out.name}",
             f"--only-categories={','.join(CATEGORIES)}",
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
             "--disable-component-update --disable-sync"],
            check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True)
        report = json.loads(Path(out.name).read_text(encoding="utf-8"))
    result = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    result.update({key: report["audits"][audit]["numericValue"] for key, audit in AUDITS.items()})
    return result


def measure(*sites: Path, pages: list[str], runs: int) -> list[dict[str, dict]]:
    """For each site, `{page: {performance, accessibility, ..., lcp_ms, tbt_ms, cls, ...}}`, medians of `runs`.

    The sites' runs of one page alternate, so a change of load on the machine falls on all of them alike.
    """
    binary = lighthouse_bin()
    served = [serve(site, site_path(), gzip_text=True) for site in sites]
    results: list[dict[str, dict]] = [{} for _ in sites]
    try:
        for page in pages:
            present = [n for n, site in enumerate(sites) if (site / page / "index.html").exists()]
            samples: dict[int, list[dict]] = {n: [] for n in present}
            for _ in range(runs):
                for n in present:
                    samples[n].append(run_once(binary, served[n][1] + page))
            for n in present:
                results[n][page] = {key: statistics.median(s[key] for s in samples[n]) for key in samples[n][0]}
                results[n][page]["runs"] = runs
    finally:
        for server, _ in served:
            server.shutdown()
    return results


def table(site: dict, floor: dict | None = None) -> str:
    lines = ["Page                     Perf  Floor  LCP (s)  TBT (ms)  CLS    A11y  BP   SEO"]
    for page, r in site.items():
        twin = (floor or {}).get(page, {}).get("performance", "")
        lines.append(f"{(page or 'home'):24} {r['performance']:>4}  {twin!s:>5}  {r['lcp_ms'] / 1000:>7.1f}  "
                     f"{r['tbt_ms']:>8.0f}  {r['cls']:<5.3f}  {r['accessibility']:>4}  {r['best-practices']:>3}  {r['seo']:>3}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--floor", type=Path, help="a second site (the floor twin) measured alongside")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="*", default=PAGES)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    sites = [args.site.resolve()] + ([args.floor.resolve()] if args.floor else [])
    results = measure(*sites, pages=args.pages, runs=args.runs)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(table(results[0], results[1] if args.floor else None))


if __name__ == "__main__":
    main()
