#!/usr/bin/env bash
# Installs the Debian packages ClaimVision needs, listed one file per concern under scripts/packages/:
#   run/*.txt  — needed to run the product (natives, fonts)
#   test/*.txt — additionally needed by the test suite (servers, browser)
# Usage: scripts/setup.sh [run|test]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
scope="${1:-run}"
lists=("$here"/packages/run/*.txt)
[ "$scope" = test ] && lists+=("$here"/packages/test/*.txt)
mapfile -t wanted < <(cat "${lists[@]}" 2>/dev/null | sed -e 's/#.*//' -e 's/[[:space:]]//g' | grep -v '^$' | sort -u)
missing=()
# Azurite (test scope) runs on Node.js: use the machine's own Node and npm when present, else Debian's.
if [ "$scope" = test ] && ! command -v npm >/dev/null; then wanted+=(nodejs npm); fi
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#wanted[@]} Debian packages present." >&2
  exit 0
fi
echo "setup: installing ${#missing[@]} Debian package(s): ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo); else
  echo "setup: these Debian packages are missing and installing them needs root (no sudo found):" >&2
  echo "  apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done." >&2
