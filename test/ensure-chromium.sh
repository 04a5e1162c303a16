#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through playwright-core. Install it when it is
# missing (a fresh machine), so that `npm test` never skips them.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "Chromium is missing: install it with 'sudo apt-get install -y chromium' (needed by the browser tests)." >&2
  exit 1
fi
echo "Installing Debian's Chromium for the browser tests..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq chromium >/dev/null
