#!/usr/bin/env bash
# Finds Debian's Chromium (and the Noto CJK fonts the Chinese pages need) or installs them with apt-get.
# Never downloads a browser of its own: Playwright drives the system Chromium.
set -euo pipefail

chromium="${CHROMIUM:-/usr/bin/chromium}"
have_fonts() { fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; }
# poppler-utils: pdftotext, pdffonts and pdfinfo read the PDF handouts in tests/test_editions.py.
have_poppler() { command -v pdftotext >/dev/null 2>&1 && command -v pdffonts >/dev/null 2>&1; }

if [ -x "$chromium" ] && have_fonts && have_poppler; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium, the Noto CJK fonts or poppler-utils are missing and this is not a Debian-like system."
  echo "Install Chromium and a CJK font, then run again with CHROMIUM=/path/to/chromium make test."
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "Chromium is missing. Install it as root:  apt-get update && apt-get install -y chromium fonts-noto-cjk poppler-utils"
    exit 1
  fi
fi

echo "Installing Debian's chromium, fonts-noto-cjk and poppler-utils (one time) ..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk poppler-utils >/dev/null
if [ ! -x "$chromium" ]; then
  echo "apt-get finished but $chromium is still missing. Install Debian's 'chromium' package by hand."
  exit 1
fi
