"""PDFs, written here with reportlab: multi-page with furniture, encrypted, scanned, damaged."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from briefdesk.core import ingest
from briefdesk.core.errors import IngestError, PasswordRequired

PARAGRAPHS = [
    [
        "Norway and Japan have signed a Memorandum of Understanding on",
        "Defence Cooperation in Oslo, deepening a partnership that both govern-",
        "ments describe as essential to security in the High North.",
    ],
    [
        "The MoU sets out a framework for cooperation in maritime domain",
        "awareness, cold-weather operations and cyber security. It also pro-",
        "vides for regular staff talks and the exchange of liaison officers.",
    ],
    [
        "Officials said the two ministries agreed to establish a Joint Steering",
        "Committee, which will meet once a year and report to both ministers.",
    ],
]


def make_pdf(pages: int = 3, *, encrypt: str | None = None, text: bool = True) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, encrypt=encrypt, invariant=1)
    canvas.setTitle("Norway–Japan MoU")
    canvas.setAuthor("Press Office")
    width, height = A4
    for number in range(1, pages + 1):
        if not text:
            canvas.rect(100, 400, 300, 200, fill=1)
            canvas.showPage()
            continue
        canvas.setFont("Helvetica", 9)
        canvas.drawString(72, height - 40, "Ministry of Defence — Press Release")
        canvas.drawCentredString(width / 2, 30, f"Page {number} of {pages}")
        canvas.setFont("Helvetica", 11)
        y = height - 100
        shift = number - 1  # each page a different order, as real pages differ
        for paragraph in PARAGRAPHS[shift % 3 :] + PARAGRAPHS[: shift % 3]:
            for line in paragraph:
                canvas.drawString(72, y, line)
                y -= 15
            y -= 18
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_text_in_paragraphs_without_page_furniture() -> None:
    article = ingest.read_bytes(make_pdf(), name="release.pdf")
    paragraphs = [article.text[b.start : b.end] for b in article.blocks]
    assert paragraphs[:3] == [
        "Norway and Japan have signed a Memorandum of Understanding on Defence Cooperation in "
        "Oslo, deepening a partnership that both governments describe as essential to security "
        "in the High North.",
        "The MoU sets out a framework for cooperation in maritime domain awareness, "
        "cold-weather operations and cyber security. It also provides for regular staff talks "
        "and the exchange of liaison officers.",
        "Officials said the two ministries agreed to establish a Joint Steering Committee, "
        "which will meet once a year and report to both ministers.",
    ]
    assert len(paragraphs) == 9
    assert "Press Release" not in article.text and "Page 2" not in article.text
    assert article.metadata.title == "Norway–Japan MoU"
    assert article.metadata.format == "pdf"


def test_lines_join_with_hyphens_and_ligatures_spelt_out() -> None:
    from briefdesk.core.ingest.pdf_reader import _join, _spell_out

    lines = [_spell_out(line) for line in ["the of\ufb01cials were pro-", "vided with a well-"]]
    assert _join([*lines, "Known plan"]) == "the officials were provided with a well- Known plan"
    assert _join(["a line ending in pdfium's hyphen mark pro\x02", "vides"]) == (
        "a line ending in pdfium's hyphen mark provides"
    )


def test_encrypted_pdf_needs_its_password() -> None:
    data = make_pdf(1, encrypt="s3cret")
    with pytest.raises(PasswordRequired, match="encrypted"):
        ingest.read_bytes(data, name="locked.pdf")
    with pytest.raises(PasswordRequired, match="wrong"):
        ingest.read_bytes(data, name="locked.pdf", password="nope")
    article = ingest.read_bytes(data, name="locked.pdf", password="s3cret")
    assert "Joint Steering Committee" in article.text


def test_scanned_pdf_is_named_as_such() -> None:
    with pytest.raises(IngestError, match="no text layer"):
        ingest.read_bytes(make_pdf(2, text=False), name="scan.pdf")


def test_damaged_pdf() -> None:
    with pytest.raises(IngestError, match="not a readable PDF"):
        ingest.read_bytes(b"%PDF-1.4\n" + b"garbage " * 100, name="bad.pdf")


def test_right_to_left_pages_come_out_in_logical_order() -> None:
    """Hebrew and Arabic drawn as a PDF renderer draws them (glyphs in visual order, Arabic
    as shaped presentation forms) are read back in logical order as plain letters."""
    from importlib import resources

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fonts = resources.files("briefdesk.resources") / "fonts"
    for name, file in (
        ("BDHebrew", "NotoSansHebrew-Regular.ttf"),
        ("BDArabic", "NotoSansArabic-Regular.ttf"),
    ):
        with resources.as_file(fonts / file) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    hebrew = "ישראל והודו חתמו על מזכר הבנות"
    arabic_forms = "\ufe8d\ufedf\ufeec\ufee8\ufeaa \ufe8d\ufedf\ufee4\ufecc\ufe8e\ufeeb\ufeaa\ufe93"
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1)
    canvas.setFont("BDHebrew", 14)
    canvas.drawRightString(520, 700, hebrew[::-1])
    canvas.setFont("BDArabic", 14)
    canvas.drawRightString(520, 640, arabic_forms[::-1])
    canvas.save()
    article = ingest.read_bytes(out.getvalue(), name="rtl.pdf")
    assert hebrew in article.text
    assert "الهند المعاهدة" in article.text
    assert article.metadata.direction == "rtl"


def test_a_long_pdf_read_in_two_processes_is_read_exactly_as_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess
    import sys

    from briefdesk.core.ingest import pdf_reader

    pages = pdf_reader.PARALLEL_MIN_PAGES + 7
    data = make_pdf(pages)
    path = tmp_path / "long.pdf"
    path.write_bytes(data)
    # The command line is single-threaded: it reads the second half in a forked child.
    forked = subprocess.run(
        [sys.executable, "-m", "briefdesk", "ingest", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    monkeypatch.setattr(pdf_reader, "PARALLEL_MIN_PAGES", 10**9)
    alone = ingest.read_bytes(data, name="long.pdf").text
    assert forked.rstrip("\n") == alone.rstrip("\n")
    assert alone.count("Joint Steering Committee") == pages


def test_page_cleaning_keeps_each_line_with_its_box() -> None:
    """Whatever pdfium hands over inside a line (runs of white space, a line separator,
    control characters, ligatures, its hyphen marks), each line stays one line with its box,
    and a line of control characters alone is dropped with its box."""
    from briefdesk.core.ingest.pdf_reader import _page_lines
    from briefdesk.core.ingest.pdfium import PageText

    class Document:
        def page_text(self, index: int) -> PageText:
            return PageText(
                [
                    "  the \ufb01rst\t\u00a0 line\u2028goes on ",
                    "\x01\x07",
                    "govern\ufffements and Jerusalem\ufffe",
                    "cafe\u0301 pro\x02",
                ],
                [700.0, 685.0, 670.0, 655.0],
                [690.0, 675.0, 660.0, 645.0],
                [10.0, 10.0, 10.0, 10.0],
            )

    page = _page_lines(Document(), 0)  # type: ignore[arg-type]
    assert page.lines == [
        "the first line goes on",
        "governments and Jerusalem-",
        "caf\u00e9 pro\x02",
    ]
    assert page.tops == [700.0, 670.0, 655.0]
    assert page.bottoms == [690.0, 660.0, 645.0]
    assert page.sizes == [10.0, 10.0, 10.0]


def test_a_word_hyphenated_mid_paragraph_does_not_split_the_paragraph() -> None:
    """pdfium joins the two halves of a hyphenated word into one line; the gap after it is
    measured from the lower half, so no false paragraph break follows."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1)
    canvas.setFont("Helvetica", 11)
    lines = [
        "The MoU provides a unified policy framework to enhance bilateral",
        "defence engagement across multiple domains. It aims to consolidate the long-",
        "standing relationship between the two nations by deepening cooperation in",
        "Defence Research and Development, capability enhancement and industry.",
    ]
    y = 700
    for line in lines:
        canvas.drawString(72, y, line)
        y -= 15
    canvas.drawString(72, y - 20, "A second paragraph follows after a wider gap.")
    canvas.save()
    article = ingest.read_bytes(out.getvalue(), name="hyphen.pdf")
    paragraphs = [article.text[b.start : b.end] for b in article.blocks]
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("The MoU provides")
    assert "cooperation in Defence Research" in paragraphs[0]
    assert paragraphs[1] == "A second paragraph follows after a wider gap."


def test_the_dateline_is_the_date_and_the_file_date_only_a_fallback() -> None:
    """A page saved as PDF is dated the day it was saved: the article's own dateline wins."""
    from datetime import datetime

    def pdf(first_line: str) -> bytes:
        out = io.BytesIO()
        canvas = Canvas(out, pagesize=A4)  # not invariant: dated now
        canvas.setFont("Helvetica", 11)
        canvas.drawString(72, 760, first_line)
        canvas.drawString(72, 740, "Norway and Japan have signed a memorandum on defence.")
        canvas.save()
        return out.getvalue()

    dated = ingest.read_bytes(pdf("Oslo, 12 March 2026"), name="dated.pdf")
    assert dated.metadata.date == "2026-03-12"
    assert dated.metadata.extra["created"] == datetime.now().strftime("%Y-%m-%d")
    undated = ingest.read_bytes(pdf("Press release"), name="undated.pdf")
    assert undated.metadata.date == undated.metadata.extra["created"]


def test_right_to_left_words_drawn_one_by_one_come_out_in_reading_order() -> None:
    """A writer that draws each word and each punctuation mark apart (as word processors
    do for right-to-left text) gets its line back in reading order, punctuation included."""
    from importlib import resources

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    with resources.as_file(
        resources.files("briefdesk.resources") / "fonts" / "NotoSansHebrew-Regular.ttf"
    ) as path:
        pdfmetrics.registerFont(TTFont("BDHebrew", str(path)))
    # Reading order: "ישראל והודו חתמו היום, 5 בנובמבר 2025, על מזכר." — drawn from the
    # right margin leftwards, the comma and the full stop as marks of their own, the
    # numbers left to right, and in the content stream the marks before the words.
    line = ["ישראל", "והודו", "חתמו", "היום", ",", "5", "בנובמבר", "2025", ",", "על", "מזכר", "."]
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1)
    size, space = 14.0, 4.0
    x = 520.0
    placed = []
    for word in line:
        font = "BDHebrew" if word[0] >= "\u0590" else "Helvetica"  # digits and marks
        width = pdfmetrics.stringWidth(word, font, size)
        attached = word in ",."  # a mark touches the word before it
        x -= width if attached else width + (space if placed else 0)
        placed.append((word, font, x))
    marks_first = sorted(placed, key=lambda item: item[0][0] >= "\u0590")
    for word, font, left in marks_first:
        canvas.setFont(font, size)
        canvas.drawString(left, 700, word[::-1] if font == "BDHebrew" else word)
    canvas.save()
    article = ingest.read_bytes(out.getvalue(), name="rtl-words.pdf")
    assert article.text == "ישראל והודו חתמו היום, 5 בנובמבר 2025, על מזכר."


def test_pieces_without_a_usable_position_leave_the_line_as_pdfium_read_it() -> None:
    """A hostile file can give a character box of NaN or infinity: no reordering, no crash."""
    from briefdesk.core.ingest.pdf_order import _reading_order
    from briefdesk.core.ingest.pdfium import Piece

    for bad in (float("nan"), float("inf")):
        pieces = [Piece("שלום", 10.0, 40.0, False), Piece("עולם", bad, bad, False)]
        assert _reading_order(pieces, 1) is None
