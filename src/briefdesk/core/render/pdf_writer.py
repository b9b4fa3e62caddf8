"""Write a layout tree as a PDF (reportlab platypus): banner and page numbers on every page,
document info, bookmarks of the sections and clickable links."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from briefdesk.core.errors import RenderError
from briefdesk.core.render.layout import Heading, Layout, ListBlock, Paragraph, Run, Table

__all__ = ["write_pdf"]

_BANNER_RED = "#A01010"
_LINK_BLUE = "#1F4E9A"


_FAMILY = "BriefDeskSans"
_FACES = {
    "": "NotoSans-Regular.ttf",
    "-Bold": "NotoSans-Bold.ttf",
    "-Italic": "NotoSans-Italic.ttf",
    "-BoldItalic": "NotoSans-BoldItalic.ttf",
}


@cache
def _register_fonts() -> frozenset[int]:
    """Embed the bundled Noto Sans faces; return the code points they can show.

    Embedded, so the PDF reads the same on a machine without any fonts (the base-14
    Helvetica is only a name, which such a machine cannot render).
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = resources.files("briefdesk.resources").joinpath("fonts")
    covered: frozenset[int] = frozenset()
    for suffix, file in _FACES.items():
        with resources.as_file(folder.joinpath(file)) as path:
            font = TTFont(_FAMILY + suffix, str(path))
        pdfmetrics.registerFont(font)
        if not suffix:
            covered = frozenset(font.face.charToGlyph)
    pdfmetrics.registerFontFamily(
        _FAMILY,
        normal=_FAMILY,
        bold=_FAMILY + "-Bold",
        italic=_FAMILY + "-Italic",
        boldItalic=_FAMILY + "-BoldItalic",
    )
    return covered


def _check_encodable(layout: Layout) -> None:
    """Refuse text the embedded fonts cannot show, rather than print boxes in its place."""
    covered = _register_fonts()
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
    for text in texts:
        for char in text:
            if ord(char) not in covered and not char.isspace():
                raise RenderError(
                    f"PDF export cannot yet show '{char}' (U+{ord(char):04X}); this build "
                    "writes PDF in Latin, Greek and Cyrillic scripts only: export to DOCX "
                    "instead"
                )


def _markup(runs: tuple[Run, ...], link_colour: str = _LINK_BLUE) -> str:
    """Return reportlab paragraph markup for *runs*, every character of text escaped."""
    parts = []
    for run in runs:
        text = escape(run.text).replace("\n", "<br/>")
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.link:
            href = escape(run.link, {'"': "&quot;"})
            text = f'<a href="{href}" color="{link_colour}"><u>{text}</u></a>'
        parts.append(text)
    return "".join(parts)


def write_pdf(layout: Layout, out: BinaryIO) -> None:
    """Write *layout* to *out* as PDF. Raises RenderError for text the fonts cannot show."""
    _check_encodable(layout)
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import ListFlowable, ListItem, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Paragraph as RLParagraph
    from reportlab.platypus import Table as RLTable

    sheet = getSampleStyleSheet()
    size = layout.font_size
    pagesize = LETTER if layout.page == "Letter" else A4
    top, right, bottom, left = layout.margins_mm
    banner_colour = layout.colours.get("banner", _BANNER_RED)
    link_colour = layout.colours.get("link", _LINK_BLUE)
    body = ParagraphStyle(
        "Body",
        parent=sheet["BodyText"],
        fontName=_FAMILY,
        fontSize=size,
        leading=size * 1.36,
        spaceAfter=6,
    )
    title = ParagraphStyle(
        "DocTitle",
        parent=body,
        fontName=_FAMILY + "-Bold",
        fontSize=size * 1.6,
        leading=size * 2,
        spaceAfter=10,
    )
    meta = ParagraphStyle("Meta", parent=body, spaceAfter=2)
    heading = ParagraphStyle(
        "H1",
        parent=body,
        fontName=_FAMILY + "-Bold",
        fontSize=size * 1.18,
        leading=size * 1.55,
        spaceBefore=10,
        spaceAfter=4,
        textColor=colors.HexColor(layout.colours.get("heading", "#1A2B4C")),
    )
    cell = ParagraphStyle("Cell", parent=body, fontSize=size * 0.82, leading=size, spaceAfter=0)

    story: list[Any] = []
    for block in layout.blocks:
        if isinstance(block, Heading):
            flowable = RLParagraph(escape(block.text), heading)
            flowable._bookmark = block.text
            story.append(flowable)
        elif isinstance(block, Paragraph):
            style = {"title": title, "meta": meta}.get(block.style, body)
            story.append(RLParagraph(_markup(block.runs, link_colour), style))
        elif isinstance(block, ListBlock):
            items = [
                ListItem(RLParagraph(_markup(item, link_colour), body)) for item in block.items
            ]
            kind = "1" if block.ordered else "bullet"
            story.append(
                ListFlowable(
                    items,
                    bulletType=kind,
                    start=None if block.ordered else "•",
                    bulletFormat="%s." if block.ordered else None,
                    bulletFontName=_FAMILY,
                    leftIndent=16,
                )
            )
        elif isinstance(block, Table):
            rows = [[RLParagraph(f"<b>{escape(h)}</b>", cell) for h in block.header]]
            rows += [[RLParagraph(escape(c), cell) for c in row] for row in block.rows]
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

    banner = layout.banner

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
                self.setFont(_FAMILY + "-Bold", 10)
                self.setFillColor(colors.HexColor(banner_colour))
                self.drawCentredString(width / 2, height - 12 * mm, banner)
                self.drawCentredString(width / 2, 8 * mm, banner)
            self.setFillColor(colors.black)
            self.setFont(_FAMILY, 9)
            self.drawCentredString(width / 2, 14 * mm, f"Page {self._pageNumber} of {total}")
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
        invariant=1,
        # Not the default Helvetica, which would be named in the file but not embedded.
        initialFontName=_FAMILY,
    )
    document.build(story, canvasmaker=NumberedCanvas)
