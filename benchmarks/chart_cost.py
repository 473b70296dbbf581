"""Benchmark: what Figure 2 costs a reader. Not a test.

    .venv/bin/python benchmarks/chart_cost.py                 # builds the site into a temporary folder
    .venv/bin/python benchmarks/chart_cost.py --site site/    # measures an existing build
    .venv/bin/python benchmarks/chart_cost.py --runs 9

For the chart page in each language, its embed page, and a page without a chart (introduction), in Chromium,
served gzip-compressed (level 6, as GitHub Pages and most servers do) from a local server, each load in a new
browser context (nothing cached):

- bytes transferred: the sum of every response's encoded body and headers, as the browser's network layer
  counts them (the page, Material's CSS and JavaScript, the search index, Plotly, the figure JSON...);
- time until the chart is drawn: the `model-chart-drawn` performance mark set by model-chart-plot.js after its
  first Plotly.react, on the chart pages opened at `#figure-2` (the address that asks for the figure at once;
  otherwise Plotly waits until the reader comes near the figure); for the embed, which waits for the reader's touch
  before it loads Plotly, and for the pages without a chart, the time of the load event.

Reports the median of several cold loads (a fresh browser context each time) and the budget of issue 5:
a page with the chart stays under 500 KB transferred.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS, build_env  # noqa: E402

from llm_medicine.static_server import served  # noqa: E402

BUDGET = 500 * 1024
PAGES = {"chart (en)": "current-llms/#figure-2", "chart (zh)": "zh/current-llms/#figure-2",
         "embed (en)": "embed/model-sizes/", "no chart (en)": "introduction/", "no chart (zh)": "zh/introduction/"}


def build(site: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                          cwd=ROOT, env=build_env(), capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"build failed:\n{proc.stdout}{proc.stderr}")


def measure(site: Path, runs: int) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    results = {}
    with served(site, gzip_text=True) as base:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for label, path in PAGES.items():
                sizes, times, plotly = [], [], []
                for _ in range(runs):
                    context = browser.new_context(viewport={"width": 1280, "height": 900})
                    page = context.new_page()
                    responses = []
                    page.on("requestfinished", lambda request: responses.append(request))
                    page.goto(base + path, wait_until="networkidle")
                    if path.endswith("#figure-2"):
                        page.wait_for_function("performance.getEntriesByName('model-chart-drawn').length > 0")
                        times.append(page.evaluate("performance.getEntriesByName('model-chart-drawn')[0].startTime"))
                    else:
                        times.append(page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd"))
                    total = 0
                    for request in responses:
                        size = request.sizes()
                        total += size["responseBodySize"] + size["responseHeadersSize"]
                    sizes.append(total)
                    plotly.append(any("vendor/plotly/" in request.url for request in responses))
                    context.close()
                results[label] = {"bytes": statistics.median(sizes), "ms": statistics.median(times),
                                  "plotly": all(plotly), "requests": len(responses)}
            browser.close()
    return results


def report(results: dict[str, dict]) -> str:
    lines = [f"{'page':<16} {'KB transferred':>15} {'requests':>9} {'drawn / loaded (ms)':>20} {'Plotly':>7}"]
    for label, row in results.items():
        lines.append(f"{label:<16} {row['bytes'] / 1024:>15.1f} {row['requests']:>9} {row['ms']:>20.0f} "
                     f"{'yes' if row['plotly'] else 'no':>7}")
    heaviest = max(row["bytes"] for label, row in results.items() if label.startswith("chart"))
    verdict = "within" if heaviest < BUDGET else "OVER"
    lines.append(f"heaviest chart page: {heaviest / 1024:.1f} KB, {verdict} the {BUDGET // 1024} KB budget")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="an existing build (default: build the site now)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        site = args.site
        if site is None:
            site = Path(work) / "site"
            build(site)
        print(report(measure(site.resolve(), args.runs)))


if __name__ == "__main__":
    main()
