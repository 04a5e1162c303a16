#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through playwright-core, and the PDF test reads
# `npm run pdf`'s output with poppler's pdfinfo and pdftotext. Install what is missing (a
# fresh machine), so that `npm test` never skips them.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "Missing for the browser and PDF tests: install with 'sudo apt-get install -y ${missing[*]}'." >&2
  exit 1
fi
echo "Installing ${missing[*]} for the browser and PDF tests..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq "${missing[@]}" >/dev/null
