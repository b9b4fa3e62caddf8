"""Write a layout tree as a PDF (reportlab platypus): banner and page numbers on every page,
document info, bookmarks of the sections and clickable links."""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO

from briefdesk.core.errors import RenderError
from briefdesk.core.render.layout import Heading, Layout, ListBlock, Paragraph, Run, Table
from briefdesk.core.render.textlayout import Face, FontSet

__all__ = ["write_pdf"]

_BANNER_RED = "#A01010"
_LINK_BLUE = "#1F4E9A"


_LATIN = {
    (False, False): "NotoSans-Regular",
    (True, False): "NotoSans-Bold",
    (False, True): "NotoSans-Italic",
    (True, True): "NotoSans-BoldItalic",
}
_SCRIPTS = ("NotoSansHebrew", "NotoSansArabic", "NotoSansDevanagari")
_CJK = "DroidSansFallbackFull"


@cache
def bundled_fonts() -> FontSet:
    """The fallback chains of the bundled fonts: Latin, Hebrew, Arabic, Devanagari, then CJK.

    Embedded, so the PDF reads the same on a machine without any fonts. The scripts without
    italic faces use their upright face; CJK has one weight.
    """
    folder = resources.files("briefdesk.resources").joinpath("fonts")
    faces: dict[str, Face] = {}

    def face(stem: str) -> Face:
        if stem not in faces:
            with resources.as_file(folder.joinpath(stem + ".ttf")) as path:
                faces[stem] = Face(f"BriefDesk-{stem}", Path(path))
        return faces[stem]

    chains = {}
    for (bold, italic), latin in _LATIN.items():
        weight = "-Bold" if bold else "-Regular"
        chain = [face(latin)] + [face(script + weight) for script in _SCRIPTS] + [face(_CJK)]
        chains[(bold, italic)] = tuple(chain)
    return FontSet(chains)


@cache
def _register_fonts() -> FontSet:
    """Register the bundled faces with reportlab, once per process."""
    from briefdesk.core.render.pdf_text import register

    fonts = bundled_fonts()
    register(fonts)
    return fonts


def _layout_texts(layout: Layout) -> list[str]:
    texts = [layout.title, layout.banner]
    for block in layout.blocks:
        if isinstance(block, Heading):
            texts.append(block.text)
        elif isinstance(block, Paragraph):
            texts.extend(run.text for run in block.runs)
        elif isinstance(block, ListBlock):
            texts.extend(run.text for item in block.items for run in item)
        elif isinstance(block, Table):
            texts.extend(block.header)
            texts.extend(cell for row in block.rows for cell in row)
    return texts


def _check_encodable(layout: Layout, fonts: FontSet) -> None:
    """Refuse text no bundled font can show, rather than print boxes in its place."""
    seen: set[str] = set()
    for text in _layout_texts(layout):
        for char in text:
            if char in seen:
                continue
            seen.add(char)
            invisible = char.isspace() or unicodedata.category(char)[0] == "C"
            if not invisible and not fonts.covers(char):
                name = unicodedata.name(char, "unnamed character")
                raise RenderError(
                    f"PDF export cannot show '{char}' (U+{ord(char):04X} {name}): no bundled "
                    "font has it (BriefDesk bundles Latin, Greek, Cyrillic, Hebrew, Arabic, "
                    "Devanagari, Chinese and Japanese); export to DOCX instead"
                )


def _logo(data: bytes, width: float) -> Any:
    """The template's logo as a flowable *width* points wide, at the left of the first page."""
    import io

    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image, Spacer

    try:
        pixels_wide, pixels_high = ImageReader(io.BytesIO(data)).getSize()
    except Exception as error:  # reportlab/Pillow raise many kinds for a damaged image
        raise RenderError(f"the template's logo cannot be read: {error}") from None
    image = Image(io.BytesIO(data), width=width, height=width * pixels_high / pixels_wide)
    image.hAlign = "LEFT"
    return [image, Spacer(1, 8)]


def write_pdf(layout: Layout, out: BinaryIO) -> None:
    """Write *layout* to *out* as PDF. Raises RenderError for text the fonts cannot show."""
    fonts = _register_fonts()
    _check_encodable(layout, fonts)
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as RLTable

    from briefdesk.core.render.pdf_text import TextFlowable, TextStyle, draw_line

    size = layout.font_size
    pagesize = LETTER if layout.page == "Letter" else A4
    top, right, bottom, left = layout.margins_mm
    banner_colour = layout.colours.get("banner", _BANNER_RED)
    link_colour = layout.colours.get("link", _LINK_BLUE)
    heading_colour = layout.colours.get("heading", "#1A2B4C")
    body = TextStyle(size, size * 1.36, space_after=6, link_colour=link_colour)
    styles = {
        "body": body,
        "title": TextStyle(size * 1.6, size * 2, space_after=10, link_colour=link_colour),
        "meta": TextStyle(size, size * 1.36, space_after=2, link_colour=link_colour),
        "small": TextStyle(size * 0.85, size * 1.15, space_after=4, link_colour=link_colour),
    }
    heading = TextStyle(
        size * 1.18, size * 1.55, space_before=10, space_after=4, colour=heading_colour
    )
    cell = TextStyle(size * 0.82, size, link_colour=link_colour)

    def paragraph(runs: tuple[Run, ...], style: TextStyle, **kwargs: Any) -> TextFlowable:
        return TextFlowable(runs, style, fonts, **kwargs)

    story: list[Any] = []
    if layout.logo:
        story.extend(_logo(layout.logo, layout.logo_width_mm * mm))
    for block in layout.blocks:
        if isinstance(block, Heading):
            story.append(paragraph((Run(block.text, bold=True),), heading, bookmark=block.text))
        elif isinstance(block, Paragraph):
            runs = block.runs
            if block.style == "title":
                runs = tuple(Run(run.text, True, run.italic, run.link) for run in runs)
            story.append(paragraph(runs, styles.get(block.style, body)))
        elif isinstance(block, ListBlock):
            for number, item in enumerate(block.items, start=1):
                marker = f"{number}." if block.ordered else "•"
                story.append(paragraph(item, body, bullet=marker, indent=16))
        elif isinstance(block, Table):
            rows = [[paragraph((Run(h, bold=True),), cell) for h in block.header]]
            rows += [[paragraph((Run(c),), cell) for c in row] for row in block.rows]
            table = RLTable(rows, repeatRows=1)
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8ECF2")),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story.append(table)
            story.append(Spacer(1, 6))

    banner = (Run(layout.banner, bold=True),) if layout.banner else ()
    banner_style = TextStyle(10, 12, colour=banner_colour)
    page_label = layout.page_label
    folio_style = TextStyle(9, 11)

    class NumberedCanvas(Canvas):
        """Defers page furniture to the end, when "Page N of M" is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            width, height = pagesize
            self.saveState()
            if banner:
                draw_line(self, banner, fonts, width / 2, height - 12 * mm, banner_style)
                draw_line(self, banner, fonts, width / 2, 8 * mm, banner_style)
            folio = (Run(page_label.format(page=self._pageNumber, pages=total)),)
            draw_line(self, folio, fonts, width / 2, 14 * mm, folio_style)
            self.restoreState()

    class BriefingTemplate(SimpleDocTemplate):
        def afterFlowable(self, flowable: Any) -> None:
            name = getattr(flowable, "_bookmark", None)
            if name:
                key = f"s{id(flowable)}"
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(name, key, level=0)

    document = BriefingTemplate(
        out,
        pagesize=pagesize,
        leftMargin=left * mm,
        rightMargin=right * mm,
        topMargin=top * mm,
        bottomMargin=bottom * mm,
        title=layout.title,
        author=layout.author or "BriefDesk",
        subject=layout.subject,
        keywords=layout.keywords,
        creator="BriefDesk",
        # Dated when exported; SOURCE_DATE_EPOCH fixes the date (reportlab reads it) for
        # byte-identical exports of the same note.
        invariant=0,
        # Not the default Helvetica, which would be named in the file but not embedded.
        initialFontName=fonts.chain(False, False)[0].name,
    )
    document.build(story, canvasmaker=NumberedCanvas)
