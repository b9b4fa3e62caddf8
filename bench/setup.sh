#!/usr/bin/env bash
# Install what the benchmarks compare BriefDesk against (poppler's pdftotext, LibreOffice,
# pandoc), if missing.
set -euo pipefail
if ! command -v pdftotext >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then apt-get install -y -q poppler-utils; else sudo apt-get install -y -q poppler-utils; fi
fi
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pandoc >/dev/null 2>&1 || need+=(pandoc)
if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then apt-get install -y -q --no-install-recommends "${need[@]}"; else sudo apt-get install -y -q --no-install-recommends "${need[@]}"; fi
fi
