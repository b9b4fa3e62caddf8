"""PDF export in every script: shaped, right-to-left where it should be, embedded fonts only,
and text that copies out in logical order (read back with poppler's pdftotext)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefdesk.core import render

from .script_notes import NAMES, load, script_note

pdftotext = shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(pdftotext is None, reason="poppler-utils not installed")

_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e]")
# A4 less the default 25 mm right margin and the 6 pt padding of reportlab's frame
_RIGHT_EDGE = 595.2756 - 25 / 25.4 * 72 - 6


def _export(name: str, folder: Path) -> Path:
    out = folder / f"{name}.pdf"
    render.export(script_note(name), out)
    return out


@needs_poppler
@pytest.mark.parametrize("name", NAMES)
def test_words_copy_out_in_logical_order(name: str, tmp_path: Path) -> None:
    out = _export(name, tmp_path)
    assert pdftotext is not None
    text = subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = _BIDI_MARKS.sub("", text)
    joined = text.replace("\n", "")  # CJK lines break inside words
    for word in load(name)["words"]:
        assert word in (joined if name in ("zh", "ja") else text), word


@needs_poppler
@pytest.mark.parametrize("name", ["he", "ar"])
def test_right_to_left_paragraphs_align_right(name: str, tmp_path: Path) -> None:
    out = _export(name, tmp_path)
    assert pdftotext is not None
    html = subprocess.run(
        [pdftotext, "-bbox", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<', html)
    first_word = load(name)["draft"]["summary"].split()[0]
    # poppler's boxes hold a right-to-left span's words in visual order
    ends = [float(x_max) for _, x_max, word in words if first_word in word + word[::-1]]
    # The summary's first word opens its line at the right margin.
    assert any(abs(end - _RIGHT_EDGE) < 2 for end in ends), (first_word, ends)


@pytest.mark.parametrize("name", NAMES)
def test_every_font_is_embedded(name: str, tmp_path: Path) -> None:
    reader = PdfReader(_export(name, tmp_path))
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for font in fonts.values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            names.add(str(font["/BaseFont"]).split("+")[-1])
    expected = {
        "he": "NotoSansHebrew",
        "ar": "NotoSansArabic",
        "hi": "NotoSansDevanagari",
        "zh": "DroidSansFallback",
        "ja": "DroidSansFallback",
        "mixed": "NotoSansDevanagari",
    }[name]
    assert any(expected in font for font in names), names


def test_every_script_exports_the_same_bytes_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1773273600")  # the export date, fixed
    first = _export("mixed", tmp_path).read_bytes()
    _export("ar", tmp_path)  # other glyphs in between must not change the next file
    assert _export("mixed", tmp_path).read_bytes() == first
