#!/usr/bin/env bash
# apt-install.sh WHAT PACKAGE...: install Debian packages that a make target needs, as root or through sudo,
# or say exactly what to install when that is not possible. WHAT names what needs them, for the messages.
# Shared by ensure-chromium.sh and ensure-vnu.sh.
set -euo pipefail
what="$1"; shift

if ! command -v apt-get >/dev/null 2>&1; then
  echo "$what needs $* (Debian packages), and this is not a Debian-like system: install their equivalents."
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "$what needs Debian packages. Install them as root:  apt-get update && apt-get install -y $*"
    exit 1
  fi
fi
echo "Installing Debian's $* for $what (one time) ..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
