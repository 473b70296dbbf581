#!/usr/bin/env bash
# Finds or installs the W3C Nu HTML checker that tests/test_html_validity.py runs over the built site: Java from
# Debian (default-jre-headless) and the npm package vnu-jar at the version and hash pinned in
# tools/vnu/package-lock.json (installed into tools/vnu/node_modules with `npm ci`; its postinstall script, which
# would download a Java of its own, is not run). Prints nothing when both are already there.
set -euo pipefail
cd "$(dirname "$0")/.."

tools=tools/vnu
jar="$tools/node_modules/vnu-jar/build/dist/vnu.jar"
version_of() { grep -o "\"$1\": *\"[^\"]*\"" "$2" 2>/dev/null | head -1 | sed 's/.*"\([^"]*\)"$/\1/'; }
pinned=$(version_of vnu-jar "$tools/package.json")
installed=$(version_of version "$tools/node_modules/vnu-jar/package.json" || true)

missing=()
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if [ ! -f "$jar" ] || [ "$installed" != "$pinned" ]; then
  command -v npm >/dev/null 2>&1 || missing+=(npm)
fi

if [ ${#missing[@]} -gt 0 ]; then
  scripts/apt-install.sh "the HTML checker (Java 11+ and npm)" "${missing[@]}"
fi

if [ ! -f "$jar" ] || [ "$installed" != "$pinned" ]; then
  echo "Installing the Nu HTML checker (npm vnu-jar $pinned) into $tools (one time) ..."
  npm ci --prefix "$tools" --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
  if [ ! -f "$jar" ]; then
    echo "npm ci finished but $jar is missing: the package vnu-jar $pinned no longer ships build/dist/vnu.jar."
    exit 1
  fi
fi
