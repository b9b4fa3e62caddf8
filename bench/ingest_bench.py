"""Ingest speed, each as a ratio to a peer measured side by side in this run.

Run ``bash bench/setup.sh`` once (it installs poppler's pdftotext), then
``python bench/ingest_bench.py``. Each figure is the best of several runs of a whole process,
so start-up costs count as a user feels them. Targets (issue "Ingest any article"):

- a 200-page PDF within 2x ``pdftotext``;
- a 100,000-word DOCX within 2x a bare python-docx paragraph read;
- a 1,000-word text article within 2.5x a bare ``python -c`` read of it.
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
from pathlib import Path

from timing import best_process, best_process_pair, compile_package

RUNS = 7
WORDS = (
    "Norway and Japan signed a memorandum on defence cooperation in maritime domain "
    "awareness cold weather operations and cyber security with regular staff talks"
).split()


def _sentence(index: int, length: int = 18) -> str:
    words = [WORDS[(index * 7 + i * 3) % len(WORDS)] for i in range(length)]
    return " ".join(words).capitalize() + "."


def make_pdf(path: Path, pages: int = 200) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    for page in range(pages):
        canvas.setFont("Helvetica", 9)
        canvas.drawString(72, 800, "Ministry of Defence — Press Release")
        canvas.drawString(280, 30, f"Page {page + 1} of {pages}")
        canvas.setFont("Helvetica", 10)
        y = 760
        for line in range(48):
            canvas.drawString(72, y, _sentence(page * 48 + line, 14))
            y -= 14 if line % 6 else 24
        canvas.showPage()
    canvas.save()


def make_docx(path: Path, words: int = 100_000) -> None:
    import docx

    document = docx.Document()
    count = index = 0
    while count < words:
        if index % 20 == 0:
            document.add_heading(f"Section {index // 20 + 1}", level=2)
        text = " ".join(_sentence(index * 5 + i) for i in range(5))
        document.add_paragraph(text)
        count += len(text.split())
        index += 1
    out = io.BytesIO()
    document.save(out)
    path.write_bytes(out.getvalue())


def make_text(path: Path, words: int = 1_000) -> None:
    paragraphs, count, index = [], 0, 0
    while count < words:
        paragraph = " ".join(_sentence(index * 4 + i) for i in range(4))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
        index += 1
    path.write_text(
        "Norway and Japan sign defence MoU\n\nOslo, 12 March 2026\n\n"
        + "\n\n".join(paragraphs)
        + "\n",
        encoding="utf-8",
    )


def main() -> int:
    compile_package()
    python = sys.executable
    briefdesk = [python, "-m", "briefdesk"]
    pdftotext = shutil.which("pdftotext")
    results = []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        pdf, docx_path, text = root / "long.pdf", root / "long.docx", root / "article.txt"
        make_pdf(pdf)
        make_docx(docx_path)
        make_text(text)

        if pdftotext:
            ours, peer = best_process_pair(
                [*briefdesk, "ingest", str(pdf)], [pdftotext, str(pdf), "-"], RUNS
            )
            results.append(("200-page PDF", ours, "pdftotext", peer, 2.0))
            # Not a target: what pdfium itself needs, to show how much of the time is ours.
            bare_pdfium = (
                "import pypdfium2 as p,sys; d=p.PdfDocument(sys.argv[1]); "
                "[d[i].get_textpage().get_text_range() for i in range(len(d))]"
            )
            floor = best_process([python, "-c", bare_pdfium, str(pdf)])
            results.append(("  (bare pypdfium2 read)", floor, "pdftotext", peer, float("inf")))
        else:
            print("pdftotext not found: run bash bench/setup.sh (PDF ratio skipped)")
        bare_docx = (
            "import docx,sys; d=docx.Document(sys.argv[1]); "
            "t='\\n'.join(p.text for p in d.paragraphs); sys.stdout.write(t)"
        )
        ours, peer = best_process_pair(
            [*briefdesk, "ingest", str(docx_path)], [python, "-c", bare_docx, str(docx_path)], RUNS
        )
        results.append(("100,000-word DOCX", ours, "bare python-docx", peer, 2.0))
        bare_read = "import sys; sys.stdout.write(open(sys.argv[1], encoding='utf-8').read())"
        ours, peer = best_process_pair(
            [*briefdesk, "ingest", str(text)], [python, "-c", bare_read, str(text)], RUNS
        )
        results.append(("1,000-word text article", ours, "bare python -c read", peer, 2.5))

    failed = False
    print(f"{'what':<26}{'BriefDesk':>11}{'peer':>22}{'peer s':>9}{'ratio':>8}{'target':>8}")
    for what, ours, peer_name, peer, target in results:
        ratio = ours / peer
        failed |= ratio > target
        mark = "ok" if ratio <= target else "SLOW"
        if target == float("inf"):
            mark, target = "for reference", 0.0
        print(
            f"{what:<26}{ours:>10.3f}s{peer_name:>22}{peer:>8.3f}s{ratio:>7.2f}x"
            f"{target:>6.1f}x  {mark}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
