#!/usr/bin/env bash
# Reproduce overrides/assets/vendor/plotly/ from the npm registry, checking every file against the sha256
# recorded below (and in overrides/assets/vendor/plotly/README.md). Nothing is installed: `npm pack` fetches
# the published tarballs (npm checks each against the registry's sha512 integrity), and we copy two files.
#
#   scripts/vendor-plotly.sh            fetch, verify and copy into overrides/assets/vendor/plotly/
#   scripts/vendor-plotly.sh --measure  also print raw and gzip -9 sizes of the full, cartesian and basic bundles
#
# To move to another plotly.js version: change VERSION, run once with the sums emptied, read the new sums
# from the output, check the release notes (https://github.com/plotly/plotly.js/releases), put the sums
# here and in the README, and update the file names in hooks/model_chart.py (PLOTLY_BUNDLE, PLOTLY_LOCALE).
set -euo pipefail

VERSION=4.1.1
# The bundle: scatter (bubbles), log and date axes, hovertemplate, toImage, Plotly.register. 1.19 MB raw.
BASIC_PKG="plotly.js-basic-dist-min@${VERSION}"
BASIC_FILE="plotly-basic.min.js"
BASIC_SHA256=99784e3abfb07b142a15e521a439e6d9addceadb3f79553fd24c72774f0649ba
# The Chinese interface strings (mode bar, date names); only plotly.js itself publishes the locale files.
LOCALE_PKG="plotly.js@${VERSION}"
LOCALE_FILE="dist/plotly-locale-zh-cn.js"
LOCALE_SHA256=55db6d56d01e8083b362d6dd11cb15f8bda74be17e69417c5d3bb97f60a97ca2
LICENSE_SHA256=8c45d9eaf50c2f72dd9c7ab9ef440788ba58a3538484b5c51c1f17d5128752e7

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/overrides/assets/vendor/plotly"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

fetch() {  # fetch <package@version> -> prints the folder it was unpacked into
  local spec="$1" out="$WORK/${1//[@\/]/_}"
  mkdir -p "$out"
  (cd "$out" && npm pack --silent "$spec" >/dev/null)
  tar -xzf "$out"/*.tgz -C "$out"
  echo "$out/package"
}

verify() {  # verify <file> <sha256>
  local actual
  actual="$(sha256sum "$1" | cut -d' ' -f1)"
  if [[ "$actual" != "$2" ]]; then
    echo "checksum mismatch for $1: expected $2, got $actual" >&2
    exit 1
  fi
}

basic="$(fetch "$BASIC_PKG")"
full="$(fetch "$LOCALE_PKG")"
verify "$basic/$BASIC_FILE" "$BASIC_SHA256"
verify "$full/$LOCALE_FILE" "$LOCALE_SHA256"
verify "$basic/LICENSE" "$LICENSE_SHA256"

mkdir -p "$DEST"
cp "$basic/$BASIC_FILE" "$DEST/plotly-basic-${VERSION}.min.js"
cp "$full/$LOCALE_FILE" "$DEST/plotly-locale-zh-cn-${VERSION}.js"
cp "$basic/LICENSE" "$DEST/LICENSE"
echo "vendored plotly.js ${VERSION} (basic bundle + zh-CN locale) into ${DEST#"$ROOT"/}"

if [[ "${1:-}" == "--measure" ]]; then
  dist_min="$(fetch "plotly.js-dist-min@${VERSION}")"
  printf '%-60s %10s %10s\n' file raw "gzip -9"
  for file in "$dist_min/plotly.min.js" "$full/dist/plotly-cartesian.min.js" "$basic/$BASIC_FILE" \
              "$full/$LOCALE_FILE"; do
    printf '%-60s %10d %10d\n' "${file#"$WORK"/}" "$(stat -c%s "$file")" "$(gzip -9c "$file" | wc -c)"
  done
fi
