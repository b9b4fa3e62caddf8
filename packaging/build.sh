#!/usr/bin/env bash
# Build the one-folder bundle dist/BriefDesk/ (GUI and `briefdesk` command) with PyInstaller,
# in a venv of its own, from this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .build-venv
.build-venv/bin/pip install -q --disable-pip-version-check . "pyinstaller>=6"
.build-venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/briefdesk.spec
du -sh dist/BriefDesk
