#!/usr/bin/env bash
# System tools some tests read exports back with: poppler's pdftotext (the PDF text layer)
# and LibreOffice (the DOCX opens cleanly, with only the bundled fonts). Those tests skip
# where the tools are missing; CI installs them here.
set -uo pipefail
need=()
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
install() { $sudo apt-get install -y -q --no-install-recommends "${need[@]}"; }
if ! install >/dev/null 2>&1; then
    $sudo apt-get update -q >/dev/null 2>&1
    install >/dev/null 2>&1 || echo "warning: could not install ${need[*]}; tests that need them are skipped" >&2
fi
exit 0
