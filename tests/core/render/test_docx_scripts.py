"""DOCX export in every script: right-to-left paragraphs and runs, fonts and languages per
script, read back with python-docx."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from briefdesk.core import render
from briefdesk.core.render.scripts import split_by_script

from .script_notes import NAMES, load, script_note


def _export(name: str, folder: Path) -> docx.document.Document:
    out = folder / f"{name}.docx"
    render.export(script_note(name), out)
    return docx.Document(str(out))


def test_text_splits_by_script_with_shared_characters_kept_with_their_text() -> None:
    assert split_by_script("ישראל 2026, India (MoU)") == [
        ("ישראל", "hebrew"),
        (" 2026, India (MoU)", "latin"),
    ]
    # Punctuation closing a right-to-left run is left to the paragraph's bidi resolution.
    assert split_by_script("MoU (מזכר הבנות).") == [
        ("MoU (", "latin"),
        ("מזכר הבנות", "hebrew"),
        (").", "latin"),
    ]
    assert split_by_script("(3) מזכר") == [("(3) מזכר", "hebrew")]
    assert split_by_script("東京で「署名」") == [("東京で「署名」", "japanese")]
    assert split_by_script("2026年3月") == [("2026年3月", "chinese")]
    assert split_by_script("Singh (राजेश कुमार सिंह)") == [
        ("Singh (", "latin"),
        ("राजेश कुमार सिंह)", "devanagari"),
    ]


@pytest.mark.parametrize("name", NAMES)
def test_every_paragraph_reads_back(name: str, tmp_path: Path) -> None:
    document = _export(name, tmp_path)
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    draft = load(name)["draft"]
    assert draft["title"] in text
    assert draft["summary"] in text


@pytest.mark.parametrize("name", ["he", "ar"])
def test_right_to_left_paragraphs_and_runs_are_marked(name: str, tmp_path: Path) -> None:
    document = _export(name, tmp_path)
    summary = next(p for p in document.paragraphs if p.text == load(name)["draft"]["summary"])
    assert summary._p.pPr.find(qn("w:bidi")) is not None
    first = summary.runs[0]._r.rPr
    assert first.find(qn("w:rtl")) is not None and first.find(qn("w:cs")) is not None
    font = {"he": "Noto Sans Hebrew", "ar": "Noto Sans Arabic"}[name]
    assert first.rFonts.get(qn("w:cs")) == font
    assert first.find(qn("w:lang")).get(qn("w:bidi")) == {"he": "he-IL", "ar": "ar-SA"}[name]
    # English inside stays a left-to-right run in the Latin font.
    latin = [run for run in summary.runs if "MoU" in run.text]
    assert latin and latin[0]._r.rPr.find(qn("w:rtl")) is None
    # The draft is in Hebrew or Arabic, so are the section titles, right to left.
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0].text == {"he": "תקציר", "ar": "الخلاصة"}[name]
    assert all(p._p.pPr.find(qn("w:bidi")) is not None for p in headings)
    footer = document.sections[0].footer._element.xml
    assert {"he": "מתוך", "ar": "من"}[name] in footer and " NUMPAGES " in footer


@pytest.mark.parametrize(
    ("name", "slot", "language"),
    [("zh", "eastAsia", "zh-CN"), ("ja", "eastAsia", "ja-JP"), ("hi", "cs", "hi-IN")],
)
def test_east_asian_and_devanagari_runs_name_their_font_and_language(
    name: str, slot: str, language: str, tmp_path: Path
) -> None:
    document = _export(name, tmp_path)
    title = next(p for p in document.paragraphs if p.style.name == "Title")
    properties = title.runs[0]._r.rPr
    assert properties.rFonts.get(qn(f"w:{slot}"))
    lang = properties.find(qn("w:lang"))
    assert lang.get(qn("w:eastAsia" if slot == "eastAsia" else "w:bidi")) == language
    assert title._p.pPr.find(qn("w:bidi")) is None


def test_mixed_paragraph_uses_a_run_per_script(tmp_path: Path) -> None:
    document = _export("mixed", tmp_path)
    summary = next(p for p in document.paragraphs if p.text.startswith("Israel and India"))
    slots = []
    for run in summary.runs:
        fonts = run._r.rPr.rFonts
        slot = fonts.get(qn("w:cs")) if fonts is not None else "latin"
        slots.append((run.text.strip()[:5], slot))
    assert ("דני ל", "Noto Sans Hebrew") in slots
    assert ("राजेश", "Noto Sans Devanagari") in slots
    assert slots[0] == ("Israe", "latin")
