#!/usr/bin/env bash
# Finds Debian's Chromium (and the Noto CJK fonts the Chinese pages need) or installs them with apt-get.
# Never downloads a browser of its own: Playwright drives the system Chromium.
set -euo pipefail

chromium="${CHROMIUM:-/usr/bin/chromium}"
have_fonts() { fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; }

if [ -x "$chromium" ] && have_fonts; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium or the Noto CJK fonts are missing and this is not a Debian-like system."
  echo "Install Chromium and a CJK font, then run again with CHROMIUM=/path/to/chromium make test."
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "Chromium is missing. Install it as root:  apt-get update && apt-get install -y chromium fonts-noto-cjk"
    exit 1
  fi
fi

echo "Installing Debian's chromium and fonts-noto-cjk (one time) ..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
if [ ! -x "$chromium" ]; then
  echo "apt-get finished but $chromium is still missing. Install Debian's 'chromium' package by hand."
  exit 1
fi
