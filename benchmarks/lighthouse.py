"""Benchmark: Lighthouse (mobile preset) on the big pages (those of issues 12 and 25), for a built site. Not a test.

Used by `benchmarks/run.py` (`make bench`) on this site beside its two twins; runs alone too:

    .venv/bin/python benchmarks/lighthouse.py SITE_DIR [--floor TWIN] [--bare BARE_TWIN] [--runs 3]
        [--pages ... | --all-pages [--skip PAGE ...]]

Lighthouse is the npm package pinned below, installed on first use into benchmarks/.tools/ (npm from Debian;
the registry is reached only then). It drives Debian's Chromium, headless, against a local static server: no
request leaves the machine. Each page is measured `runs` times and the median of each figure is reported.
Scores move with the machine's load: compare a site with its twin measured in the same session.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM, site_path  # noqa: E402

from llm_medicine.static_server import served  # noqa: E402

LIGHTHOUSE_VERSION = "13.5.0"
TOOLS = ROOT / "benchmarks" / ".tools"
PAGES = ["", "zh/", "current-llms/", "zh/current-llms/", "embed/model-sizes/", "zh/embed/model-sizes/", "models/",
         "zh/models/", "exam-scores/", "zh/exam-scores/", "embed/exam-scores/", "benchmarks/"]
AUDITS = {"lcp_ms": "largest-contentful-paint", "tbt_ms": "total-blocking-time", "cls": "cumulative-layout-shift",
          "fcp_ms": "first-contentful-paint", "si_ms": "speed-index"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Lighthouse's groups of main-thread work (audit `mainthread-work-breakdown`), as keys of a result.
WORK_GROUPS = {"styleLayout": "style_layout_ms", "scriptEvaluation": "script_eval_ms",
               "scriptParseCompile": "script_parse_ms", "parseHTML": "parse_html_ms", "paintCompositeRender": "paint_ms",
               "garbageCollection": "gc_ms", "other": "other_work_ms"}


def built_pages(site: Path, embeds: bool = True) -> list[str]:
    """Every page of a built site, as paths from its root ("" for the home page), embeds included or not."""
    pages = sorted(index.parent.relative_to(site).as_posix() + "/" for index in site.rglob("index.html"))
    pages = ["" if page == "./" else page for page in pages]
    return [page for page in pages if embeds or not page.startswith(("embed/", "zh/embed/"))]


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
    work = {item["group"]: item["duration"] for item in report["audits"]["mainthread-work-breakdown"]["details"]["items"]}
    result.update({key: work.get(group, 0.0) for group, key in WORK_GROUPS.items()})
    tasks = (report["audits"].get("long-tasks", {}).get("details") or {}).get("items", [])
    result["longest_task_ms"] = max((task["duration"] for task in tasks), default=0.0)
    return result


def measure(*sites: Path, pages: list[str], runs: int) -> list[dict[str, dict]]:
    """For each site, `{page: {performance, accessibility, ..., lcp_ms, tbt_ms, cls, ...}}`, medians of `runs`.

    The sites' runs of one page alternate, so a change of load on the machine falls on all of them alike.
    """
    binary = lighthouse_bin()
    results: list[dict[str, dict]] = [{} for _ in sites]
    with contextlib.ExitStack() as stack:
        addresses = [stack.enter_context(served(site, site_path(), gzip_text=True)) for site in sites]
        # One run per site first, not counted: the first Lighthouse run of a session (a cold Chromium, cold caches)
        # cost the page measured first 5 points and 100+ ms of blocking time (the home page, 93 against 98).
        for address in addresses:
            run_once(binary, address + pages[0])
        for page in pages:
            present = [n for n, site in enumerate(sites) if (site / page / "index.html").exists()]
            samples: dict[int, list[dict]] = {n: [] for n in present}
            for _ in range(runs):
                for n in present:
                    samples[n].append(run_once(binary, addresses[n] + page))
            for n in present:
                results[n][page] = {key: statistics.median(s[key] for s in samples[n]) for key in samples[n][0]}
                results[n][page]["runs"] = runs
    return results


def table(site: dict, floor: dict | None = None, bare: dict | None = None) -> str:
    """One line per page: the site's scores, and beside them the performance and blocking time of each twin given."""
    lines = ["Page                     Perf  Twin  Bare  LCP (s)  TBT (ms)  twin   bare   CLS    A11y  BP   SEO"]
    for page, r in site.items():
        twin, plain = (floor or {}).get(page, {}), (bare or {}).get(page, {})
        lines.append(f"{(page or 'home'):24} {r['performance']:>4}  {twin.get('performance', ''):>4}  "
                     f"{plain.get('performance', ''):>4}  {r['lcp_ms'] / 1000:>7.1f}  {r['tbt_ms']:>8.0f}  "
                     f"{twin.get('tbt_ms', float('nan')):>5.0f}  {plain.get('tbt_ms', float('nan')):>5.0f}  "
                     f"{r['cls']:<5.3f}  {r['accessibility']:>4}  {r['best-practices']:>3}  {r['seo']:>3}")
    return "\n".join(lines)


def work_table(results: dict[str, dict], label: str) -> str:
    """Where each page's main-thread time goes on the simulated phone (ms), and its longest task."""
    keys = list(WORK_GROUPS.values()) + ["longest_task_ms"]
    lines = [f"{label:24} " + " ".join(f"{key.removesuffix('_ms'):>12}" for key in keys)]
    for page, r in results.items():
        lines.append(f"{(page or 'home'):24} " + " ".join(f"{r.get(key, 0):>12.0f}" for key in keys))
    return "\n".join(lines)


def report(site: dict, floor: dict | None = None, bare: dict | None = None) -> str:
    """The scores table, then where the main thread's time goes on each site measured."""
    parts = [table(site, floor, bare)]
    parts += [work_table(results, label) for label, results in (("site", site), ("twin", floor), ("bare twin", bare))
              if results]
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--floor", type=Path, help="a second site (the components twin) measured alongside")
    parser.add_argument("--bare", type=Path, help="a third site (the bare twin, benchmarks/bare_twin.py) alongside")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="*", default=PAGES)
    parser.add_argument("--all-pages", action="store_true", help="every page of the site, not only the big ones")
    parser.add_argument("--skip", nargs="*", default=[], help="pages left out (with --all-pages: those measured already)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    sites = [args.site.resolve()] + [twin.resolve() for twin in (args.floor, args.bare) if twin]
    pages = built_pages(args.site) if args.all_pages else args.pages
    pages = [page for page in pages if page not in args.skip]
    results = iter(measure(*sites, pages=pages, runs=args.runs))
    site, floor, bare = next(results), next(results) if args.floor else None, next(results) if args.bare else None
    if args.json:
        args.json.write_text(json.dumps({"site": site, "floor": floor, "bare": bare}, indent=2), encoding="utf-8")
    print(report(site, floor, bare))


if __name__ == "__main__":
    main()
