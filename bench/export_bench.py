"""Export speed, side by side in one run (issue "Export"):

- a 50-page note to PDF: BriefDesk against LibreOffice converting the same note's DOCX to
  PDF (target: at most half LibreOffice's time);
- the same note to DOCX: BriefDesk against pandoc converting the same content from Markdown
  (target: no slower than pandoc).

Run ``bash bench/setup.sh`` once (installs LibreOffice and pandoc), then
``python bench/export_bench.py``. Each time is the best of a few runs; a peer that is
missing is reported and skipped.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import best

from briefdesk.core import render
from briefdesk.core.model import Article, Draft, Note, Source

RUNS = 3
PARAGRAPH = (
    "The memorandum commits both ministries to annual staff talks, an exchange of liaison "
    "officers and joint exercises in maritime domain awareness, cold-weather operations and "
    "cyber security; it creates no mutual defence obligation and no new funding. "
)


def fifty_page_note() -> Note:
    text = "Norway and Japan signed a defence MoU in Oslo on 12 March 2026."
    background = "\n\n".join(PARAGRAPH * 3 for _ in range(200))
    draft = Draft(
        {
            "title": "Norway–Japan defence MoU",
            "classification": "OFFICIAL-SENSITIVE",
            "summary": "Norway and Japan **signed** a defence MoU in Oslo on 12 March 2026.",
            "background": background,
            "key_points": "\n".join(f"- Point {n}: {PARAGRAPH}" for n in range(40)),
        }
    )
    return Note(Article.from_text(text), draft=draft, source=Source("a.txt", text.encode()))


def main() -> int:
    note = fifty_page_note()
    folder = Path(tempfile.mkdtemp())
    pdf, docx = folder / "note.pdf", folder / "note.docx"
    render.export(note, pdf)  # warm: fonts and libraries loaded once, as in a running app
    from pypdf import PdfReader

    pages = len(PdfReader(pdf).pages)
    ours_pdf = best(lambda: render.export(note, pdf), RUNS)
    ours_docx = best(lambda: render.export(note, docx), RUNS)
    print(f"note: {pages} pages")
    print(f"BriefDesk PDF:  {ours_pdf:.2f} s")
    print(f"BriefDesk DOCX: {ours_docx:.2f} s")
    soffice = shutil.which("soffice")
    if soffice:
        out = folder / "lo"
        command = [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(docx)]
        peer = best(lambda: subprocess.run(command, check=True, capture_output=True), RUNS)
        print(f"LibreOffice DOCX→PDF: {peer:.2f} s; ratio {ours_pdf / peer:.2f} (target ≤ 0.5)")
    else:
        print("LibreOffice not installed: PDF ratio skipped")
    pandoc = shutil.which("pandoc")
    if pandoc:
        markdown = folder / "note.md"
        markdown.write_text(
            "\n\n".join(f"# {key}\n\n{value}" for key, value in note.draft.sections.items()),
            encoding="utf-8",
        )
        command = [pandoc, str(markdown), "-o", str(folder / "pandoc.docx")]
        peer = best(lambda: subprocess.run(command, check=True, capture_output=True), RUNS)
        print(f"pandoc MD→DOCX: {peer:.2f} s; ratio {ours_docx / peer:.2f} (target ≤ 1.0)")
    else:
        print("pandoc not installed: DOCX ratio skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
