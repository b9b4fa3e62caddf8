"""The DOCX export opens cleanly in LibreOffice: converted to PDF headless, with only the
bundled fonts visible (a fontconfig file that lists just resources/fonts), every script's
words come back and only bundled fonts are used. Skipped where LibreOffice is not installed
(.ci/run installs it)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefdesk.core import render

from .script_notes import load, script_note

soffice = shutil.which("soffice") or shutil.which("libreoffice")
pdftotext = shutil.which("pdftotext")
FONTS = Path(__file__).parents[3] / "resources" / "fonts"

pytestmark = pytest.mark.skipif(
    soffice is None or pdftotext is None, reason="LibreOffice or poppler-utils not installed"
)


def bundled_fonts_only(folder: Path) -> dict[str, str]:
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{FONTS}</dir><cachedir>{folder / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(config), "HOME": str(folder)}


def libreoffice_pdf(name: str, folder: Path) -> Path:
    """The script note *name* exported to DOCX, then converted to PDF by LibreOffice."""
    assert soffice is not None
    docx = folder / f"{name}.docx"
    render.export(script_note(name), docx)
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
        env=bundled_fonts_only(folder),
        capture_output=True,
        check=True,
        timeout=180,
    )
    return folder / f"{name}.pdf"


@pytest.mark.parametrize("name", ["mixed", "he", "ar"])
def test_libreoffice_converts_the_docx_with_bundled_fonts(name: str, tmp_path: Path) -> None:
    assert pdftotext is not None
    pdf = libreoffice_pdf(name, tmp_path)
    text = subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = re.sub("[\u200e\u200f\u202a-\u202e]", "", text)
    # LibreOffice's own text layer maps Arabic ligatures (lam-alef) to their letters in
    # visual order, so Arabic words are not checked here; the fonts below still are.
    for word in load(name)["words"] if name != "ar" else []:
        if not any("\u4e00" <= char <= "\u9fff" for char in word):  # CJK lines break anywhere
            assert word in text, word
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in PdfReader(pdf).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all(font.startswith(("NotoSans", "DroidSans")) for font in fonts), fonts
    script_font = {"mixed": "NotoSansDevanagari", "he": "NotoSansHebrew", "ar": "NotoSansArabic"}
    assert any(font.startswith(script_font[name]) for font in fonts), fonts


@pytest.mark.parametrize("name", ["he", "ar"])
def test_a_right_to_left_pdf_from_libreoffice_reads_back_in_reading_order(
    name: str, tmp_path: Path
) -> None:
    """What a word processor makes of a right-to-left note (punctuation and numbers drawn
    apart, brackets mirrored, Arabic lam-alef as one glyph, a shadda PDFium reads as a line
    of its own) comes back through BriefDesk's PDF reader as the sentences that were
    written, paragraph by paragraph. (Not yet the summary: LibreOffice gives both brackets
    of "(MoU)" the same character, which no reader can undo.)"""
    from briefdesk.core import ingest

    article = ingest.read(libreoffice_pdf(name, tmp_path))
    paragraphs = [article.text[block.start : block.end] for block in article.blocks]
    fixture = load(name)
    for section in ("title", "background"):
        assert fixture["draft"][section] in paragraphs, (fixture["draft"][section], paragraphs)
    for word in fixture["words"]:
        assert word in article.text, word
    assert article.metadata.direction == "rtl"
