"""Benchmark: what each of the theme's features costs a phone, one at a time. Not a test.

Usage: `python benchmarks/theme_features.py [--runs 3] [--pages benchmarks/ zh/current-llms/]`. Builds the site as it
is, once with each feature of `theme.features` in mkdocs.yml that runs a script on the page switched off, and once
with all of them off, then runs Lighthouse (benchmarks/lighthouse.py: mobile preset, gzip-served, the sites' runs of a
page alternating) on the given pages of every build, and prints each build's score and blocking time beside the
site's. Features that only shape the HTML (navigation.sections, .indexes, .footer) are left as they are.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
import lighthouse  # noqa: E402
from conftest import copy_project  # noqa: E402

SCRIPTED = ["content.code.copy", "navigation.top", "navigation.tracking", "search.highlight", "search.suggest",
            "toc.follow"]
"""The features that add work to the page's scripts (the others change only the HTML the theme writes)."""


def build_without(features: list[str], into: Path) -> Path:
    project = copy_project(into / "project")
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    config.write_text("".join(line for line in lines if line.strip().removeprefix("- ") not in features),
                      encoding="utf-8")
    site = into / "site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=project, check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="*", default=["benchmarks/", "zh/current-llms/"])
    parser.add_argument("--features", nargs="*", default=SCRIPTED, choices=SCRIPTED,
                        help="the features switched off one at a time (none: only all together)")
    args = parser.parse_args()
    # The site as it is is measured last of each page's round: in the first measurement, with it first, the first
    # site of a round measured slowest.
    variants = {**{f"without {feature}": [feature] for feature in args.features}, "without all six": SCRIPTED,
                "as it is": []}
    with tempfile.TemporaryDirectory(prefix="theme-features-") as work:
        sites = {name: build_without(features, Path(work) / str(n)) for n, (name, features) in enumerate(variants.items())}
        results = dict(zip(sites, lighthouse.measure(*sites.values(), pages=args.pages, runs=args.runs)))
    print(f"{'build':32}" + "".join(f"{page:>26}" for page in args.pages))
    for name, result in results.items():
        cells = [f"{result[page]['performance']:>4} {result[page]['tbt_ms']:>5.0f} ms "
                 f"{result[page]['script_eval_ms']:>5.0f} ms" for page in args.pages]
        print(f"{name:32}" + "".join(f"{cell:>26}" for cell in cells))
    print("(each cell: Lighthouse performance, total blocking time, script evaluation on the simulated phone;"
          f" median of {args.runs})")


if __name__ == "__main__":
    main()
