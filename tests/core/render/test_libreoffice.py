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


@pytest.mark.parametrize("name", ["mixed", "he", "ar"])
def test_libreoffice_converts_the_docx_with_bundled_fonts(name: str, tmp_path: Path) -> None:
    assert soffice is not None and pdftotext is not None
    docx = tmp_path / f"{name}.docx"
    render.export(script_note(name), docx)
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
        env=bundled_fonts_only(tmp_path),
        capture_output=True,
        check=True,
        timeout=180,
    )
    pdf = tmp_path / f"{name}.pdf"
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
