"""Benchmark: what the site's hooks and data cost against the floor of the stack. Not a test.

Run with `make bench`. Each measure runs several times; medians are reported, as ratios measured in one run:

1. full `mkdocs build --strict` of this site against a "floor" twin: the same pages with the same words, as
   plain Markdown (each page exactly as the hooks hand it to Markdown), built by bare mkdocs-material and
   mkdocs-static-i18n with no hooks, no data and no extra CSS or JavaScript;
2. rebuild time under `mkdocs serve` after editing one data entry, against the same after a Markdown edit;
3. bytes transferred (gzip) by each page without a chart against the same page of the twin (bare Material,
   same words), reported for the heaviest page and the worst ratio, and by the chart page (every file the
   browser loads for the page, each gzipped as a server would);
4. Lighthouse 13.5 (mobile preset, Debian Chromium, no network; benchmarks/lighthouse.py) on the big pages,
   beside the same pages of the twin above (what our scripts cost) and of the bare twin (benchmarks/bare_twin.py:
   the same words as plain Markdown, bare Material and static-i18n with no theme features: what our markup,
   components and theme features cost), median of 3 runs each (`--lighthouse-runs 0` skips it).

Prints a table and writes benchmarks/results/latest.json (and a dated copy) for comparison over time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS, copy_project, site_path  # noqa: E402

from llm_medicine.static_server import served  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
import bare_twin  # noqa: E402
import lighthouse  # noqa: E402

MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
TARGETS = {"build": 1.25, "rebuild": 1.25, "page_weight": 1.10, "chart_page_kb": 500, "lighthouse_performance": 90,
           "lighthouse_tbt_ms": 200, "lighthouse_cls": 0.02}
CHART_PAGE = "current-llms/"


def timed_build(project: Path, site: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run([*MKDOCS, "build", "--strict", "-q", "-d", str(site)], cwd=project, env=ENV,
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"build failed in {project}:\n{proc.stdout}{proc.stderr}")
    return elapsed


def make_twin(work: Path) -> Path:
    """The floor twin: every page as the hooks render it, built with no hooks, data or extras."""
    project = copy_project(work / "dump")
    dump_dir = work / "rendered"
    hook = work / "dump_rendered_markdown.py"
    hook.write_text(DUMP_HOOK.replace("DUMP_DIR", repr(str(dump_dir))), encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("hooks:\n", f"hooks:\n  - {hook}\n", 1), encoding="utf-8")
    timed_build(project, work / "dump-site")

    twin = work / "twin"
    shutil.copytree(dump_dir, twin / "docs")
    config = re.sub(r"\nhooks:\n(?:  - .*\n)+", "\n", config)
    config = re.sub(r"\nextra_(?:css|javascript):\n(?:  - .*\n)+", "\n", config)
    config = re.sub(r"\nwatch:\n(?:  - .*\n)+", "\n", config)
    config = config.replace("  custom_dir: overrides\n", "")
    config = config.replace("  logo: assets/images/logo.svg\n  favicon: assets/images/logo.svg\n", "")
    (twin / "mkdocs.yml").write_text(config, encoding="utf-8")
    return twin


DUMP_HOOK = '''
from pathlib import Path
import yaml
from mkdocs.plugins import event_priority

@event_priority(-1000)
def on_page_markdown(markdown, page, config, files):
    target = Path(DUMP_DIR) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    meta = {k: v for k, v in page.meta.items() if k in ("title", "description", "hide")}
    front = ("---\\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\\n\\n") if meta else ""
    target.write_text(front + markdown, encoding="utf-8")
    return markdown
'''


def measure_builds(runs: int, work: Path, twin: Path) -> dict:
    site, floor = [], []
    for _ in range(runs):
        site.append(timed_build(ROOT, work / "site-build"))
        floor.append(timed_build(twin, work / "twin-build"))
    return {"site_s": statistics.median(site), "floor_s": statistics.median(floor),
            "ratio": statistics.median(site) / statistics.median(floor), "runs": runs}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def measure_rebuilds(runs: int, work: Path) -> dict:
    project = copy_project(work / "serve")
    log_path = work / "serve.log"
    with open(log_path, "w", encoding="utf-8") as log:
        server = subprocess.Popen([*MKDOCS, "serve", "--livereload", "-a", f"127.0.0.1:{_free_port()}"],
                                  cwd=project, env=ENV, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait(lambda: "Serving on" in log_path.read_text(encoding="utf-8"), 300)
        data_file, page_file = project / "data" / "models.yml", project / "docs" / "en" / "introduction.md"
        data_text, page_text = data_file.read_text(encoding="utf-8"), page_file.read_text(encoding="utf-8")
        data_times, page_times = [], []
        for run in range(runs):
            # One model's name, and one sentence of one page: the smallest edits an editor makes.
            first_name = re.search(r"^  name: (.+)$", data_text, re.MULTILINE)
            edited = data_text.replace(first_name.group(0), f"{first_name.group(0)} (edit {run})", 1)
            data_times.append(_rebuild(log_path, data_file, edited))
            page_times.append(_rebuild(log_path, page_file, page_text + f"\n\nEdit {run}.\n"))
        data_file.write_text(data_text, encoding="utf-8")
    finally:
        # As an editor stops it (Ctrl+C): on SIGTERM it would exit without removing its build folder (/tmp/mkdocs_*).
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    data_s, page_s = statistics.median(data_times), statistics.median(page_times)
    return {"data_edit_s": data_s, "markdown_edit_s": page_s, "ratio": data_s / page_s, "runs": runs}


def _rebuild(log_path: Path, path: Path, text: str) -> float:
    before = log_path.read_text(encoding="utf-8").count("Reloading browsers")
    time.sleep(0.6)
    start = time.perf_counter()
    path.write_text(text, encoding="utf-8")
    _wait(lambda: log_path.read_text(encoding="utf-8").count("Reloading browsers") > before, 300)
    return time.perf_counter() - start


def _wait(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        time.sleep(0.05)


def transferred_bytes(site: Path, pages: list[str]) -> dict[str, int]:
    """Every file the browser requests for each page, gzipped (level 6, as a typical server) and summed."""
    from playwright.sync_api import sync_playwright

    sizes = {}
    with served(site, site_path()) as url:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for page_path in pages:
                page = browser.new_page()
                requested = []
                page.on("requestfinished", lambda request: requested.append(request.url))
                page.goto(url + page_path, wait_until="networkidle")
                total = 0
                for request_url in dict.fromkeys(requested):
                    if not request_url.startswith(url):
                        continue
                    local = site / request_url[len(url):].split("#")[0].split("?")[0]
                    if local.is_dir() or request_url.endswith("/"):
                        local = local / "index.html"
                    if local.exists():
                        total += len(gzip.compress(local.read_bytes(), compresslevel=6))
                sizes[page_path] = total
                page.close()
            browser.close()
    return sizes


def measure_weights(work: Path, twin: Path) -> dict:
    """Each page without a chart against the same page of the twin (same words, bare Material), and the chart page."""
    site, twin_site = work / "site-build", work / "twin-build"
    pages = lighthouse.built_pages(site, embeds=False)
    weights = transferred_bytes(site, pages)
    chart_pages = {CHART_PAGE, "zh/" + CHART_PAGE}
    plain = {p: b for p, b in weights.items() if p not in chart_pages}
    bare = transferred_bytes(twin_site, [p for p in plain if (twin_site / p / "index.html").exists()])
    ratios = {p: plain[p] / bare[p] for p in bare}
    worst = max(ratios, key=ratios.get)
    heaviest = max(plain, key=plain.get)
    return {
        "heaviest_plain_page": heaviest, "heaviest_plain_bytes": plain[heaviest],
        "bare_material_bytes": bare.get(heaviest), "ratio": ratios.get(heaviest),
        "worst_page": worst, "worst_ratio": ratios[worst],
        "chart_page_bytes": max(weights[p] for p in chart_pages),
        "all_pages": weights, "twin_pages": bare,
    }


def machine() -> str:
    """The CPU model, for the README's table (Lighthouse's simulated throttling still depends on it)."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return f"{line.split(':', 1)[1].strip()}, {os.cpu_count()} CPUs"
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs"


def report(results: dict) -> str:
    b, r, w = results["build"], results["rebuild"], results["weight"]
    rows = [
        ("Full build (s)", f"{b['site_s']:.2f}", f"floor {b['floor_s']:.2f}", f"{b['ratio']:.2f}", f"≤ {TARGETS['build']}"),
        ("Rebuild after edit (s)", f"data {r['data_edit_s']:.2f}", f"markdown {r['markdown_edit_s']:.2f}",
         f"{r['ratio']:.2f}", f"≤ {TARGETS['rebuild']}"),
        ("Heaviest page without chart (KB gzip)", f"{w['heaviest_plain_bytes'] / 1024:.1f} ({w['heaviest_plain_page'] or 'home'})",
         f"twin {w['bare_material_bytes'] / 1024:.1f}", f"{w['ratio']:.2f}", f"≤ {TARGETS['page_weight']}"),
        ("Worst page without chart vs its twin", w["worst_page"] or "home", "", f"{w['worst_ratio']:.2f}",
         f"≤ {TARGETS['page_weight']}"),
        ("Chart page (KB gzip)", f"{w['chart_page_bytes'] / 1024:.1f}", "", "", f"< {TARGETS['chart_page_kb']}"),
    ]
    widths = [max(len(str(row[i])) for row in rows + [("Measure", "This site", "Floor", "Ratio", "Target")]) for i in range(5)]
    lines = ["  ".join(h.ljust(widths[i]) for i, h in enumerate(("Measure", "This site", "Floor", "Ratio", "Target")))]
    lines += ["  ".join(str(c).ljust(widths[i]) for i, c in enumerate(row)) for row in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measure (median reported)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (0: skip)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        twin = make_twin(work)
        results = {
            "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                     text=True).stdout.strip(),
            "cpus": os.cpu_count(), "machine": machine(), "load_average_at_start": os.getloadavg(),
            "build": measure_builds(args.runs, work, twin),
            "rebuild": measure_rebuilds(args.runs, work),
            "weight": measure_weights(work, twin),
            "targets": TARGETS,
        }
        if args.lighthouse_runs:
            bare = bare_twin.make_bare_twin(work / "site-build", work / "bare")
            timed_build(bare, work / "bare-build")
            site, floor, bare_floor = lighthouse.measure(work / "site-build", work / "twin-build", work / "bare-build",
                                                         pages=lighthouse.PAGES, runs=args.lighthouse_runs)
            results["lighthouse"] = {"site": site, "floor": floor, "bare": bare_floor,
                                     "version": lighthouse.LIGHTHOUSE_VERSION,
                                     "preset": "mobile (default), simulated throttling",
                                     "load_average": os.getloadavg()}
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    text = json.dumps(results, indent=2, ensure_ascii=False)
    (out / "latest.json").write_text(text, encoding="utf-8")
    (out / f"{results['date'][:10]}-{results['commit'] or 'uncommitted'}.json").write_text(text, encoding="utf-8")
    print(report(results))
    if "lighthouse" in results:
        print("\nLighthouse (mobile), median of", args.lighthouse_runs, "runs")
        print(lighthouse.report(results["lighthouse"]["site"], results["lighthouse"]["floor"],
                                results["lighthouse"]["bare"]))
    print(f"\nWritten to {out / 'latest.json'}")


if __name__ == "__main__":
    main()
