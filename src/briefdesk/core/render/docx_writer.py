"""Write a layout tree as a Word document with real styles, fields and hyperlinks."""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import Any, BinaryIO

from briefdesk.core.errors import RenderError
from briefdesk.core.render.layout import Heading, Layout, ListBlock, Paragraph, Run, Table
from briefdesk.core.render.scripts import SCRIPTS, split_by_script

__all__ = ["write_docx"]


def _export_time() -> dt.datetime:
    """Now, in UTC; or SOURCE_DATE_EPOCH where it is set, so the same note exported twice
    gives the same bytes (the reproducible-builds convention, which reportlab reads too)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _save_dated(document: Any, out: BinaryIO, when: dt.datetime) -> None:
    """Save *document* with every part of the zip dated *when* (python-docx dates them with
    the clock, so two saves a second apart would differ)."""
    import io
    import zipfile

    packed = io.BytesIO()
    document.save(packed)
    with (
        zipfile.ZipFile(packed) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(item))


def write_docx(layout: Layout, out: BinaryIO) -> None:
    """Write *layout* to *out* as DOCX (python-docx)."""
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Inches, Mm, Pt, RGBColor

    document = Document()
    styles = document.styles
    styles["Normal"].font.name = "Arial"
    styles["Normal"].font.size = Pt(layout.font_size)
    props = document.core_properties
    props.title = layout.title
    props.author = layout.author or "BriefDesk"
    props.subject = layout.subject
    props.keywords = layout.keywords
    props.last_modified_by = "BriefDesk"
    when = _export_time()
    props.created = props.modified = when
    props.revision = 1

    section = document.sections[0]
    if layout.page == "Letter":
        section.page_width, section.page_height = Inches(8.5), Inches(11)
    else:
        section.page_width, section.page_height = Mm(210), Mm(297)
    top, right, bottom, left = layout.margins_mm
    section.top_margin, section.right_margin = Mm(top), Mm(right)
    section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
    heading_colour = RGBColor.from_string(layout.colours.get("heading", "#1A2B4C").lstrip("#"))
    for name in ("Title", "Heading 1", "Heading 2"):
        styles[name].font.color.rgb = heading_colour
    if layout.banner:
        # A named style, so a ministry's own Word template can restyle every banner at once.
        banner_style = styles.add_style("Banner", WD_STYLE_TYPE.PARAGRAPH)
        banner_style.base_style = styles["Normal"]
        banner_style.font.bold = True
        banner_style.font.color.rgb = RGBColor.from_string(
            layout.colours.get("banner", "#A01010").lstrip("#")
        )
        banner_style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for part in (section.header, section.footer):
            banner = part.paragraphs[0]
            banner.style = banner_style
            _add_runs(banner, (Run(layout.banner),))
    footer = section.footer.add_paragraph() if layout.banner else section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # "Page {page} of {pages}" in the note's language, the numbers as fields Word updates.
    for piece in re.split(r"(\{page\}|\{pages\})", layout.page_label):
        if piece in ("{page}", "{pages}"):
            _add_field(footer, "PAGE" if piece == "{page}" else "NUMPAGES")
        elif piece:
            _add_runs(footer, (Run(piece),))

    _portable_bullets(document)
    if layout.logo:
        import io

        try:
            document.add_picture(io.BytesIO(layout.logo), width=Mm(layout.logo_width_mm))
        except Exception as error:  # python-docx raises several kinds for a damaged image
            raise RenderError(f"the template's logo cannot be read: {error}") from None
    for block in layout.blocks:
        if isinstance(block, Heading):
            heading = document.add_heading("", level=min(max(block.level, 1), 2))
            _add_runs(heading, (Run(block.text),))
        elif isinstance(block, Paragraph):
            style = "Title" if block.style == "title" else None
            paragraph = document.add_paragraph(style=style)
            _add_runs(paragraph, block.runs)
        elif isinstance(block, ListBlock):
            style = "List Number" if block.ordered else "List Bullet"
            for item in block.items:
                _add_runs(document.add_paragraph(style=style), item)
        elif isinstance(block, Table):
            table = document.add_table(rows=1, cols=len(block.header))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, block.header, strict=True):
                _add_runs(cell.paragraphs[0], (Run(text, bold=True),))
            for row in block.rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    _add_runs(cell.paragraphs[0], (Run(text),))
    _save_dated(document, out, when)


def _portable_bullets(document: Any) -> None:
    """Make list bullets a real "•" instead of the Symbol font's private-use character.

    Word's default bullet is U+F0B7 in the Symbol font; a machine without Symbol (a bare
    LibreOffice, say) shows a box in its place. "•" is in every text font.
    """
    from docx.oxml.ns import qn

    numbering = document.part.numbering_part.element
    for level in numbering.iter(qn("w:lvl")):
        text = level.find(qn("w:lvlText"))
        if text is None or text.get(qn("w:val")) != "\uf0b7":
            continue
        text.set(qn("w:val"), "•")
        for fonts in level.iter(qn("w:rFonts")):
            for slot in ("w:ascii", "w:hAnsi"):
                fonts.set(qn(slot), "Arial")


_CS_FONTS = {
    "hebrew": "Noto Sans Hebrew",
    "arabic": "Noto Sans Arabic",
    "devanagari": "Noto Sans Devanagari",
    "chinese": "Droid Sans Fallback",
    "japanese": "Droid Sans Fallback",
}
"""The bundled font named for each script's runs (Word substitutes its own where missing)."""


def _add_runs(paragraph: Any, runs: tuple[Run, ...]) -> None:
    """Append *runs*, split by script, to *paragraph*; a right-to-left paragraph gets w:bidi."""
    from briefdesk.core.bidi import base_level

    if base_level("".join(run.text for run in runs)):
        _set_bidi(paragraph)
    for run in runs:
        if run.link:
            _add_hyperlink(paragraph, run)
            continue
        for text, script in split_by_script(run.text):
            added = paragraph.add_run(text)
            added.bold = run.bold or None
            added.italic = run.italic or None
            _mark_script(added._r.get_or_add_rPr(), script, run)


def _set_bidi(paragraph: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = paragraph._p.get_or_add_pPr()
    if properties.find(qn("w:bidi")) is not None:
        return
    bidi = OxmlElement("w:bidi")
    properties.insert_element_before(bidi, *_PPR_AFTER_BIDI)


_PPR_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)  # fmt: skip
"""What follows w:bidi in a paragraph's properties (ECMA-376 order, which Word enforces)."""


def _mark_script(properties: Any, script: str, run: Run) -> None:
    """Give a run of one script its font slot, direction, language and complex-script weight."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    slot, language, rtl = SCRIPTS[script]
    if slot == "latin":
        return
    fonts = properties.get_or_add_rFonts()
    fonts.set(qn(f"w:{slot}"), _CS_FONTS[script])
    if slot == "eastAsia":
        fonts.set(qn("w:hint"), "eastAsia")
    else:
        if run.bold:
            properties.get_or_add_bCs()
        if run.italic:
            properties.get_or_add_iCs()
        if rtl:
            properties.get_or_add_rtl()
        properties.get_or_add_cs()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:eastAsia" if slot == "eastAsia" else "w:bidi"), language)
    properties.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")


def _add_field(paragraph: object, instruction: str) -> None:
    """Append a Word field (PAGE, NUMPAGES) that Word and LibreOffice update on display."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()  # type: ignore[attr-defined]
    for kind, text in (
        ("begin", None),
        (None, instruction),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == instruction:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _add_hyperlink(paragraph: object, run: Run) -> None:
    """Append *run* as a working external hyperlink (python-docx has no API for one)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    part = paragraph.part  # type: ignore[attr-defined]
    rel_id = part.relate_to(run.link, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "1F4E9A")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    rpr.extend([style, color, underline])
    if run.bold:
        rpr.append(OxmlElement("w:b"))
    if run.italic:
        rpr.append(OxmlElement("w:i"))
    _mark_script(rpr, split_by_script(run.text)[0][1], run)
    text = OxmlElement("w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = run.text
    r.extend([rpr, text])
    link.append(r)
    paragraph._p.append(link)  # type: ignore[attr-defined]
