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

"$(dirname "$0")/apt-install.sh" "make test (the browser suite)" chromium fonts-noto-cjk poppler-utils
if [ ! -x "$chromium" ]; then
  echo "apt-get finished but $chromium is still missing. Install Debian's 'chromium' package by hand."
  exit 1
fi
