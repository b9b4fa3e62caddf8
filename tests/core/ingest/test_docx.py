"""Word documents, written here with python-docx (footnotes added as a real OPC part)."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from briefdesk.core import ingest
from briefdesk.core.errors import IngestError
from briefdesk.core.model import BlockKind

FOOTNOTES = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0">
  <w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1">
  <w:p><w:r><w:t>Text of the MoU as released by the Ministry.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""


def make_docx(*, title: str | None = "Norway–Japan defence MoU", footnotes: bool = True) -> bytes:
    document = docx.Document()
    if title:
        document.core_properties.title = title
    document.core_properties.language = "en-GB"
    document.add_heading("Norway and Japan sign defence MoU", level=1)
    document.add_paragraph("Oslo, 12 March 2026")
    document.add_paragraph(
        "Norway and Japan signed a Memorandum of Understanding on Defence Cooperation."
    )
    document.add_heading("Areas of cooperation", level=2)
    for item in ("Maritime domain awareness", "Cold-weather operations", "Cyber security"):
        document.add_paragraph(item, style="List Bullet")
    table = document.add_table(rows=3, cols=2)
    cells = [
        ("Party", "Signatory"),
        ("Norway", "Ingrid Solberg Haugen"),
        ("Japan", "Kenji Morimoto"),
    ]
    for row, values in zip(table.rows, cells, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("The agreement takes effect on signature.")
    if footnotes:
        part = Part(
            PackURI("/word/footnotes.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
            FOOTNOTES,
            document.part.package,
        )
        document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_reads_paragraphs_headings_lists_tables_and_footnotes() -> None:
    article = ingest.read_bytes(make_docx(), name="mou.docx")
    blocks = [(b.kind, b.level, article.text[b.start : b.end]) for b in article.blocks]
    assert blocks == [
        (BlockKind.HEADING, 1, "Norway and Japan sign defence MoU"),
        (BlockKind.PARAGRAPH, 0, "Oslo, 12 March 2026"),
        (
            BlockKind.PARAGRAPH,
            0,
            "Norway and Japan signed a Memorandum of Understanding on Defence Cooperation.",
        ),
        (BlockKind.HEADING, 2, "Areas of cooperation"),
        (BlockKind.LIST_ITEM, 0, "Maritime domain awareness"),
        (BlockKind.LIST_ITEM, 0, "Cold-weather operations"),
        (BlockKind.LIST_ITEM, 0, "Cyber security"),
        (BlockKind.TABLE_CELL, 0, "Party"),
        (BlockKind.TABLE_CELL, 0, "Signatory"),
        (BlockKind.TABLE_CELL, 0, "Norway"),
        (BlockKind.TABLE_CELL, 0, "Ingrid Solberg Haugen"),
        (BlockKind.TABLE_CELL, 0, "Japan"),
        (BlockKind.TABLE_CELL, 0, "Kenji Morimoto"),
        (BlockKind.PARAGRAPH, 0, "The agreement takes effect on signature."),
        (BlockKind.FOOTNOTE, 0, "Text of the MoU as released by the Ministry."),
    ]
    meta = article.metadata
    assert meta.title == "Norway–Japan defence MoU"
    assert meta.date == "2026-03-12"
    assert (meta.language, meta.format) == ("en", "docx")


def test_title_falls_back_to_the_first_heading() -> None:
    article = ingest.read_bytes(make_docx(title=None, footnotes=False), name="x.docx")
    assert article.metadata.title == "Norway and Japan sign defence MoU"


def test_external_entities_in_parts_are_not_resolved(tmp_path) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    source = io.BytesIO(make_docx(footnotes=False))
    out = io.BytesIO()
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
                data = data.replace(b"<w:document ", doctype.encode() + b"<w:document ", 1).replace(
                    b"Oslo, 12 March 2026", b"Oslo &xxe;", 1
                )
            zout.writestr(info, data)
    try:
        article = ingest.read_bytes(out.getvalue(), name="x.docx")
    except IngestError:
        return  # refusing the document is as good as not resolving the entity
    assert "TOP-SECRET-CONTENT" not in article.text


def test_zip_bomb_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (64 * 1024 * 1024))
    with pytest.raises(IngestError, match="ZIP bomb"):
        ingest.read_bytes(out.getvalue(), name="bomb.docx")


def test_damaged_docx() -> None:
    data = make_docx()
    with pytest.raises(IngestError):
        ingest.read_bytes(data[: len(data) // 2], name="cut.docx")
    with pytest.raises(IngestError, match="Word document"):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr("word/other.xml", "<x/>")
        ingest.read_bytes(out.getvalue(), name="odd.docx")
