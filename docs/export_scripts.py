"""Regenerate docs/export-script-*.png: page 1 of the PDF export of each test note in
tests/fixtures/scripts (Hebrew, Arabic, Hindi, Chinese, Japanese, mixed), made by the real
``briefdesk`` command and rendered with PDFium: ``python docs/export_scripts.py``."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pypdfium2 as pdfium

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))

from tests.core.render.script_notes import NAMES, script_note  # noqa: E402

from briefdesk.core.store import save  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name in NAMES:
            note_path = Path(folder) / f"{name}.briefdesk"
            pdf_path = Path(folder) / f"{name}.pdf"
            save(script_note(name), note_path)
            subprocess.run(
                [sys.executable, "-m", "briefdesk", "export", str(note_path), "-o", str(pdf_path)],
                check=True,
            )
            page = pdfium.PdfDocument(str(pdf_path))[0]
            image = page.render(scale=1.1).to_pil()
            target = DOCS / f"export-script-{name}.png"
            image.save(target, optimize=True)
            print(target.relative_to(DOCS.parent))


if __name__ == "__main__":
    main()
