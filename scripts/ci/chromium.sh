#!/usr/bin/env bash
# Debian's Chromium for the browser tests (test/web): installed once, reused after. Prints the
# path. Never a browser download of Playwright's own (`npx playwright install` cannot reach it).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then echo /usr/bin/chromium; exit 0; fi
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
$SUDO apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
/usr/bin/chromium --version >&2
echo /usr/bin/chromium
