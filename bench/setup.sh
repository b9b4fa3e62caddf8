#!/usr/bin/env bash
# Install what the benchmarks compare BriefDesk against (poppler's pdftotext), if missing.
set -euo pipefail
if ! command -v pdftotext >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then apt-get install -y -q poppler-utils; else sudo apt-get install -y -q poppler-utils; fi
fi
