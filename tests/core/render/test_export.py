from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from briefdesk.core import render
from briefdesk.core.errors import RenderError
from briefdesk.core.model import FactKind, Note

MakeNote = Callable[..., Note]

DRAFT = {
    "title": "Norway–Japan defence MoU",
    "classification": "OFFICIAL-SENSITIVE",
    "to": "Minister of State",
    "summary": "Norway and Japan **signed** a defence MoU in *Oslo* on 12 March 2026.",
    "key_points": "- Cooperation in maritime domain awareness\n- No mutual defence obligation\n"
    "- Text: a < b & {{ c }} {% d %} <b>not bold</b>",
    "recommendations": "1. Note the MoU.\n2. Read [the release](https://example.org/mou).",
}


@pytest.fixture
def note(make_note: MakeNote) -> Note:
    return make_note(tags=[(FactKind.PARTY, "Norway")], draft=DRAFT)


def test_docx_has_styles_banner_fields_properties_and_links(note: Note, tmp_path: Path) -> None:
    out = tmp_path / "note.docx"
    render.export(note, out)
    document = docx.Document(str(out))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Title", "Norway–Japan defence MoU") in paragraphs
    assert ("Heading 1", "Summary") in paragraphs
    assert ("List Bullet", "Text: a < b & {{ c }} {% d %} <b>not bold</b>") in paragraphs
    assert ("List Number", "Note the MoU.") in paragraphs
    headings = [t for s, t in paragraphs if s == "Heading 1"]
    assert headings == ["Summary", "Key points", "Recommendations", "Sources"]
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "OFFICIAL-SENSITIVE"
    assert section.header.paragraphs[0].style.name == "Banner"
    footer_xml = section.footer._element.xml
    assert "OFFICIAL-SENSITIVE" in footer_xml and " PAGE " in footer_xml
    assert " NUMPAGES " in footer_xml
    assert document.core_properties.title == "Norway–Japan defence MoU"
    assert document.core_properties.keywords == "OFFICIAL-SENSITIVE"
    links = [r.target_ref for r in document.part.rels.values() if r.is_external]
    assert links == ["https://example.org/mou"]
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert "signed" in bold


def test_pdf_has_banner_on_every_page_outline_info_and_text(note: Note, tmp_path: Path) -> None:
    long_note = dict(
        DRAFT, background="\n\n".join(f"Paragraph {i} of background." * 8 for i in range(60))
    )
    from briefdesk.core.model import set_sections

    note.apply(set_sections(note, long_note))
    out = tmp_path / "note.pdf"
    render.export(note, out)
    reader = PdfReader(out)
    assert len(reader.pages) >= 3
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, 1):
        text = page.extract_text()
        assert text.count("OFFICIAL-SENSITIVE") == 2
        assert f"Page {number} of {total}" in text
    every_page = "\n".join(page.extract_text() for page in reader.pages)
    assert "a < b & {{ c }} {% d %} <b>not bold</b>" in every_page
    assert reader.metadata is not None and reader.metadata.title == "Norway–Japan defence MoU"
    assert [item.title for item in reader.outline] == [  # type: ignore[union-attr]
        "Summary",
        "Background",
        "Key points",
        "Recommendations",
        "Sources",
    ]
    annotations = [a.get_object() for p in reader.pages for a in p.get("/Annots", [])]
    uris = [a["/A"]["/URI"] for a in annotations if "/A" in a]
    assert "https://example.org/mou" in uris


def test_export_is_dated_now_or_reproducible(
    note: Note, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Document properties say when the note was exported; with SOURCE_DATE_EPOCH set (the
    reproducible-builds convention) the same note gives the same bytes."""
    import datetime as dt
    import zipfile

    import docx
    from pypdf import PdfReader

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    render.export(note, tmp_path / "now.docx")
    render.export(note, tmp_path / "now.pdf")
    created = docx.Document(str(tmp_path / "now.docx")).core_properties.created
    assert created is not None and created.replace(tzinfo=None) >= before
    pdf_date = PdfReader(tmp_path / "now.pdf").metadata.creation_date
    assert pdf_date is not None and pdf_date.astimezone(dt.UTC).replace(tzinfo=None) >= before

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1773273600")  # 12 March 2026
    for suffix in (".docx", ".pdf"):
        render.export(note, tmp_path / f"a{suffix}")
        render.export(note, tmp_path / f"b{suffix}")
        assert (tmp_path / f"a{suffix}").read_bytes() == (tmp_path / f"b{suffix}").read_bytes()
    created = docx.Document(str(tmp_path / "a.docx")).core_properties.created
    assert created is not None and created.replace(tzinfo=None) == dt.datetime(2026, 3, 12)
    # The zip's own dates too (python-docx dates each part with the clock).
    with zipfile.ZipFile(tmp_path / "a.docx") as package:
        assert {info.date_time for info in package.infolist()} == {(2026, 3, 12, 0, 0, 0)}


def test_failed_export_keeps_the_old_file(make_note: MakeNote, tmp_path: Path) -> None:
    out = tmp_path / "note.pdf"
    out.write_bytes(b"old")
    tamil = make_note(draft={"title": "புரிந்துணர்வு ஒப்பந்தம்"})  # no bundled Tamil font
    with pytest.raises(RenderError, match=r"cannot show .* TAMIL LETTER"):
        render.export(tamil, out)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["note.pdf"]


def test_unknown_format_and_template(note: Note, tmp_path: Path) -> None:
    with pytest.raises(RenderError, match=r"use \.docx or \.pdf"):
        render.export(note, tmp_path / "note.odt")
    with pytest.raises(RenderError, match="unknown template 'fancy'"):
        render.export(note, tmp_path / "note.pdf", template="fancy")


def test_pdf_embeds_every_font_and_shows_cyrillic(make_note: MakeNote, tmp_path: Path) -> None:
    note = make_note(
        draft={"title": "Меморандум о сотрудничестве", "summary": "Ελλάδα and Україна signed."}
    )
    out = tmp_path / "note.pdf"
    render.export(note, out)
    reader = PdfReader(out)
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor  # embedded TrueType: readable with no fonts
    text = reader.pages[0].extract_text()
    assert "Меморандум о сотрудничестве" in text and "Ελλάδα and Україна signed." in text
