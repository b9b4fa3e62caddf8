"""Draw complex text with reportlab: a paragraph flowable and a single-line helper.

:mod:`briefdesk.core.render.textlayout` decides where every glyph goes; this module puts the
glyphs on the page through reportlab's public text object: each stretch of glyphs that the
font's own advances place correctly is one string shown from an explicit text origin, and a
stretch ends where the shaper moved a glyph (kerning, a mark). Each piece is wrapped in a
``/Span`` with ``/ActualText`` so the words copy out in logical order (tested with poppler's
pdftotext), even where a glyph stands for several characters or none.

Glyphs with no code point in the font (ligatures, Arabic joining forms, conjuncts) are given
private-use code points in the font's reportlab face, ``U+E000 + glyph id`` modulo the
private-use area, so the same glyph gets the same code in every export. That uses the face's
``charToGlyph``, ``glyphToChar``, ``charWidths`` and ``hmetrics``, tested on reportlab 5.x;
tests/core/render/test_textlayout.py fails if a release changes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color, HexColor, black
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable

from briefdesk.core.render.layout import Run
from briefdesk.core.render.textlayout import FontSet, Glyph, Line, Piece, layout_paragraph

__all__ = ["TextFlowable", "TextStyle", "draw_line", "register"]

_PUA_START = 0xE000
_PUA_SIZE = 0xF900 - 0xE000


@dataclass(frozen=True)
class TextStyle:
    """How a paragraph looks: size and leading in points, spacing, colours, centring."""

    size: float
    leading: float
    space_before: float = 0.0
    space_after: float = 0.0
    colour: str = "#000000"
    link_colour: str = "#1F4E9A"
    centred: bool = False


class _Codes:
    """Code points for a face's glyphs in reportlab's font, adding private-use ones as needed."""

    def __init__(self, font: TTFont, upem: int) -> None:
        self._face = font.face
        self._upem = upem
        self._original = frozenset(font.face.charToGlyph)
        self._by_glyph: dict[int, int] = {}
        self.glyphs: dict[int, tuple[str, float]] = {}

    def glyph(self, gid: int) -> tuple[str, float]:
        """The character that draws glyph *gid*, and its advance in the PDF (1000 units/em)."""
        entry = self.glyphs.get(gid)
        if entry is None:
            code = self.code(gid)
            entry = self.glyphs[gid] = (chr(code), self._face.charWidths.get(code, 0))
        return entry

    def code(self, gid: int) -> int:
        code = self._by_glyph.get(gid)
        if code is not None:
            return code
        face = self._face
        chars = face.glyphToChar.get(gid)
        if chars:
            code = min(chars)
        else:
            code = _PUA_START + gid % _PUA_SIZE
            while code in face.charToGlyph and face.charToGlyph[code] != gid:
                code = _PUA_START + (code - _PUA_START + 1) % _PUA_SIZE
            face.charToGlyph[code] = gid
            face.glyphToChar.setdefault(gid, []).append(code)
            face.charWidths[code] = face.hmetrics[gid][0] * 1000 / self._upem
        self._by_glyph[gid] = code
        return code


_codes: dict[str, _Codes] = {}


def register(fonts: FontSet) -> None:
    """Register every face of *fonts* with reportlab (once per process)."""
    for chain in fonts.chains.values():
        for face in chain:
            if face.name not in _codes:
                font = TTFont(face.name, str(face.path))
                pdfmetrics.registerFont(font)
                _codes[face.name] = _Codes(font, face.upem)


def _utf16_hex(text: str) -> str:
    return "FEFF" + text.encode("utf-16-be").hex().upper()


def _draw_glyphs(
    canvas: Any, piece: Piece, glyphs: Sequence[Glyph], text: str, x: float, y: float, size: float
) -> None:
    """Draw *glyphs* from (x, y) as one marked-content span whose text is *text*.

    Glyphs go out in stretches: a stretch runs on while each glyph's advance is the font's
    own, so the PDF viewer places them as HarfBuzz did; a kerned glyph ends its stretch, and a
    glyph the shaper offset (a Hebrew point, an Arabic vowel, a Devanagari sign) is drawn on
    its own at its offset, never by text rise, which extractors would read as another line.
    """
    canvas.addLiteral(f"/Span <</ActualText <{_utf16_hex(text)}>>> BDC")
    textobject = canvas.beginText(x, y)
    textobject.setFont(piece.face.name, size)
    if piece.run.bold and "Bold" not in piece.face.name:
        # A face with no bold weight (the CJK one) is emboldened by stroking its outlines.
        canvas.setLineWidth(size / 30)
        textobject.setTextRenderMode(2)
    codes = _codes[piece.face.name]
    scale = size / 1000
    stretch: list[str] = []
    start = origin = x
    for glyph in glyphs:
        char, width = codes.glyph(glyph.gid)
        if glyph.x_offset or glyph.y_offset:
            if stretch:
                textobject.setTextOrigin(start, y)
                textobject.textOut("".join(stretch))
                stretch = []
            textobject.setTextOrigin(origin + glyph.x_offset, y + glyph.y_offset)
            textobject.textOut(char)
            origin += glyph.advance
            start = origin
            continue
        stretch.append(char)
        origin += glyph.advance
        if abs(glyph.advance - width * scale) > 1e-6:
            textobject.setTextOrigin(start, y)
            textobject.textOut("".join(stretch))
            stretch = []
            start = origin
    if stretch:
        textobject.setTextOrigin(start, y)
        textobject.textOut("".join(stretch))
    canvas.drawText(textobject)
    canvas.addLiteral("EMC")


def _draw_piece(
    canvas: Any, piece: Piece, x: float, y: float, size: float, style: TextStyle
) -> None:
    colour: Color = HexColor(style.link_colour) if piece.run.link else HexColor(style.colour)
    canvas.setFillColor(colour)
    canvas.setStrokeColor(colour)
    # Extractors lay a span's text out like glyphs, then read a right-to-left line from the
    # right: a right-to-left span carries its text reversed, so it reads back in logical order.
    text = piece.text[::-1] if piece.rtl else piece.text
    _draw_glyphs(canvas, piece, piece.glyphs, text, x, y, size)
    if piece.run.link:
        canvas.setLineWidth(size / 18)
        canvas.line(x, y - size * 0.12, x + piece.width, y - size * 0.12)
        canvas.linkURL(
            piece.run.link, (x, y - size * 0.25, x + piece.width, y + size * 0.8), relative=1
        )
    canvas.setFillColor(black)


def _draw_lines(
    canvas: Any, lines: Sequence[Line], rtl: bool, width: float, top: float, style: TextStyle
) -> None:
    y = top - style.size
    for line in lines:
        left = (width - line.width) / 2 if style.centred else (width - line.width) * rtl
        for piece in line.pieces:
            _draw_piece(canvas, piece, left + piece.x, y, style.size, style)
        y -= style.leading


def draw_line(
    canvas: Any, runs: Sequence[Run], fonts: FontSet, centre_x: float, y: float, style: TextStyle
) -> None:
    """Draw *runs* as one line centred on *centre_x* with its baseline at *y*."""
    layout = layout_paragraph(runs, 1e9, style.size, fonts)
    for line in layout.lines[:1]:
        left = centre_x - line.width / 2
        for piece in line.pieces:
            _draw_piece(canvas, piece, left + piece.x, y, style.size, style)


class TextFlowable(Flowable):
    """A paragraph of runs in any script, optionally with a bullet or number in its margin.

    Right-to-left paragraphs align right and put the bullet on the right.
    """

    def __init__(
        self,
        runs: Sequence[Run],
        style: TextStyle,
        fonts: FontSet,
        bullet: str = "",
        indent: float = 0.0,
        bookmark: str = "",
        _lines: list[Line] | None = None,
        _rtl: bool | None = None,
    ) -> None:
        super().__init__()
        self.runs = tuple(runs)
        self.style = style
        self.fonts = fonts
        self.bullet = bullet
        self.indent = indent
        self._bookmark = bookmark
        self._lines = _lines
        self._rtl = _rtl
        self._laid_width: float | None = None
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after

    def _layout(self, width: float) -> list[Line]:
        if self._lines is not None and (self._laid_width is None or self._laid_width == width):
            return self._lines
        layout = layout_paragraph(self.runs, width - self.indent, self.style.size, self.fonts)
        self._lines, self._rtl, self._laid_width = layout.lines, layout.rtl, width
        return self._lines

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        lines = self._layout(available_width)
        self.height = len(lines) * self.style.leading + (self.style.leading - self.style.size) * 0.3
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        lines = self._layout(available_width)
        fit = int(available_height // self.style.leading)
        if fit <= 0 or fit >= len(lines):
            return [] if fit <= 0 else [self]
        if fit == 1 and len(lines) > 2:
            return []  # no widow line alone at the foot of a page
        head = TextFlowable(
            (),
            self.style,
            self.fonts,
            self.bullet,
            self.indent,
            self._bookmark,
            lines[:fit],
            self._rtl,
        )
        tail_style = TextStyle(**{**self.style.__dict__, "space_before": 0.0})
        tail = TextFlowable((), tail_style, self.fonts, "", self.indent, "", lines[fit:], self._rtl)
        head.spaceAfter = 0
        for part in (head, tail):
            part._laid_width = available_width
        return [head, tail]

    def draw(self) -> None:
        lines = self._layout(self.width)
        rtl = bool(self._rtl)
        text_width = self.width - self.indent
        offset = 0.0 if rtl else self.indent
        canvas = self.canv
        canvas.saveState()
        canvas.translate(offset, 0)
        _draw_lines(canvas, lines, rtl, text_width, self.height, self.style)
        canvas.restoreState()
        if self.bullet and lines:
            y = self.height - self.style.size
            # In a right-to-left paragraph "1." reads right to left too: the full stop after it.
            marker = layout_paragraph([Run(self.bullet)], 1e9, self.style.size, self.fonts, rtl)
            line = marker.lines[0]
            x = self.width - self.indent + 4 if rtl else self.indent - 4 - line.width
            for piece in line.pieces:
                _draw_piece(canvas, piece, x + piece.x, y, self.style.size, self.style)
